package app

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xuncha/app/papers"
	"xuncha/internal/docxtext"
)

// docText reads the .docx at path with the independent reader.
func docText(t *testing.T, path string) string {
	t.Helper()
	f, err := docxtext.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f.Text()
}

// The documents of the results world on its day: the units' 反馈意见 (the
// team's 反馈 as date), 整改通知书 for the units with items, 督办通知 for
// what is overdue as the 督办 list has it (items and both reports), and the
// 移交函 only for a user with 线索管理.
func TestResultsPapers(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	dir := t.TempDir()
	req := PaperRequest{Round: "R2026-1", Today: resultsToday}
	files, err := clerk.WritePapers(req, dir, PaperFormats{Docx: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		names = append(names, filepath.ToSlash(rel))
	}
	want := []string{
		"巡察公告/巡察公告_第一巡察组.docx", "巡察公告/巡察公告_第二巡察组.docx",
		"关于成立巡察组的通知/关于成立巡察组的通知_R2026-1.docx",
		"巡察反馈意见/巡察反馈意见_U0101_甲县财政局.docx", "巡察反馈意见/巡察反馈意见_U0102_甲县人民医院.docx",
		"巡察反馈意见/巡察反馈意见_U0201_乙县交通运输局.docx",
		"整改通知书/整改通知书_U0101_甲县财政局.docx", "整改通知书/整改通知书_U0102_甲县人民医院.docx",
		"督办通知/督办通知_U0101_甲县财政局.docx", "督办通知/督办通知_U0102_甲县人民医院.docx",
	}
	if !slices.Equal(names, want) {
		t.Fatalf("files\n%q\nwant\n%q", names, want)
	}
	checks := map[string][]string{
		"巡察反馈意见/巡察反馈意见_U0101_甲县财政局.docx": {"甲县财政局党组织：", "（一）党的建设缺失方面", "“三会一课”落实不到位。（已立行立改）",
			"于2026年5月31日前", "2026年3月31日", "第一巡察组"},
		"巡察反馈意见/巡察反馈意见_U0201_乙县交通运输局.docx": {"本轮巡察未发现需要反馈的问题。"},
		"整改通知书/整改通知书_U0102_甲县人民医院.docx":    {"共2项", "Z0004", "清退超标费用", "Z0005", "完善接待制度", "财务科", "2026-07-11"},
		"督办通知/督办通知_U0101_甲县财政局.docx":       {"截至2026年6月1日", "以下2项", "Z0001", "建立会议记录制度", "主要负责人组织落实整改情况报告"},
		"督办通知/督办通知_U0102_甲县人民医院.docx":      {"以下2项", "整改情况报告", "主要负责人组织落实整改情况报告", "2026-05-31"},
	}
	for name, wants := range checks {
		text := docText(t, filepath.Join(dir, filepath.FromSlash(name)))
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, text)
			}
		}
	}
	if strings.Contains(docText(t, filepath.Join(dir, "督办通知", "督办通知_U0102_甲县人民医院.docx")), "Z0005") {
		t.Error("an item not yet due is in the 督办通知")
	}

	// The 移交函 is the clue right's.
	if err := clerk.EachPaper(PaperRequest{Round: "R2026-1", Kind: papers.KindHandover}, func(*papers.Paper) error { return nil }); err == nil || err.Error() != msgCluesRight {
		t.Errorf("a clerk's 移交函: %v", err)
	}
	if n := auditCount(t, clerk, "查看线索"); n != 0 {
		t.Errorf("%d clue views audited for a clerk", n)
	}
	files, err = admin.WritePapers(PaperRequest{Round: "R2026-1", Kind: papers.KindHandover}, dir, PaperFormats{Docx: true, PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || filepath.Base(files[0]) != "问题线索移交函_R2026-1_纪委监委.docx" {
		t.Fatalf("移交函 %v", files)
	}
	text := docText(t, files[0])
	for _, w := range []string{"问题线索2条", "X0001", "X0002", "其中违纪违法类1条、作风问题类1条。", "2026-05-19", "2026年2月19日"} {
		if !strings.Contains(text, w) {
			t.Errorf("移交函 lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "谈话函询") {
		t.Error("the 移交函 tells the clue's outcome")
	}
	if n := auditCount(t, admin, "查看线索"); n != 1 {
		t.Errorf("%d clue views audited, want 1", n)
	}
}

func TestPaperRequestErrors(t *testing.T) {
	_, clerk, _ := resultsOffice(t)
	none := func(*papers.Paper) error { return nil }
	for _, c := range []struct {
		req  PaperRequest
		want string
	}{
		{PaperRequest{Round: "R9"}, "轮次 R9 未找到"},
		{PaperRequest{Round: "R2026-1", Team: "第九巡察组"}, "轮次 R2026-1 中没有巡察组 第九巡察组"},
		{PaperRequest{Round: "R2026-1", Kind: papers.KindUrge, Unit: "U0999"}, "单位 U0999 不是轮次 R2026-1 的被巡察单位"},
		{PaperRequest{Round: "R2026-1", Kind: papers.KindUrge, Unit: "U0201", Today: resultsToday},
			"没有符合条件的文书（轮次 R2026-1，督办通知，单位 U0201）"},
		{PaperRequest{Round: "R2026-1", Kind: papers.KindInform}, "没有符合条件的文书（轮次 R2026-1，回避告知书及回避事项申报表）"},
	} {
		err := clerk.EachPaper(c.req, none)
		if err == nil || err.Error() != c.want {
			t.Errorf("%+v: %v, want %s", c.req, err, c.want)
		}
	}
	if err := clerk.EachPaper(PaperRequest{Round: "R2026-1", Kind: papers.KindUrge, Unit: "U0201", Today: resultsToday}, none); !errors.Is(err, ErrNoPapers) {
		t.Errorf("not ErrNoPapers: %v", err)
	}
}

// The zip holds every document once, in a folder per kind; the same data
// gives the same zip.
func TestPapersZip(t *testing.T) {
	admin, _, _ := resultsOffice(t)
	dir := t.TempDir()
	var zips [2][]byte
	for i := range zips {
		path := filepath.Join(dir, "文书.zip")
		n, err := admin.WritePapersZip(PaperRequest{Round: "R2026-1", Today: resultsToday}, path, PaperFormats{Docx: true, PDF: true})
		if err != nil {
			t.Fatal(err)
		}
		if n != 11 {
			t.Errorf("%d documents, want 11", n)
		}
		zips[i], _ = os.ReadFile(path)
	}
	if string(zips[0]) != string(zips[1]) {
		t.Error("two zips of the same data differ")
	}
	z, err := zip.OpenReader(filepath.Join(dir, "文书.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	// A .docx per document, a PDF per kind (named after the document when
	// it is the kind's only one).
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	want := []string{"巡察公告/巡察公告_第一巡察组.docx", "巡察公告/巡察公告_第二巡察组.docx", "巡察公告/巡察公告_R2026-1（共2份）.pdf",
		"关于成立巡察组的通知/关于成立巡察组的通知_R2026-1.docx", "关于成立巡察组的通知/关于成立巡察组的通知_R2026-1.pdf"}
	if len(names) != 17 || !slices.Equal(names[:5], want) {
		t.Fatalf("%d entries: %q", len(names), names)
	}
	rc, _ := z.File[2].Open()
	pdf, _ := io.ReadAll(rc)
	rc.Close()
	path := filepath.Join(dir, "公告.pdf")
	os.WriteFile(path, pdf, 0o644)
	pages := strings.Split(strings.TrimSuffix(docxtext.Squeeze(docxtext.PDFText(t, path)), "\f"), "\f")
	if len(pages) != 2 || !strings.Contains(pages[0], "第一巡察组") || !strings.Contains(pages[0], "—1—") ||
		!strings.Contains(pages[1], "第二巡察组") || !strings.Contains(pages[1], "—1—") {
		t.Errorf("the bundle's pages: %q", pages)
	}
	rc, _ = z.File[0].Open()
	b, _ := io.ReadAll(rc)
	rc.Close()
	f, err := docxtext.Read(b)
	if err != nil || !strings.Contains(f.Text(), "甲县财政局、甲县人民医院") {
		t.Errorf("the 公告 in the zip: %v", err)
	}
}

// A clerk's template is what the documents say; an unknown placeholder is
// refused with where it is; a template saved as the default is kept as
// none.
func TestPaperSettings(t *testing.T) {
	admin, _, _ := resultsOffice(t)
	set, err := admin.PaperSettings()
	if err != nil {
		t.Fatal(err)
	}
	set.Office.Phone = "0716-1234567"
	set.Templates = map[string]papers.Template{
		"公告": {Title: "{巡察组}公告", Body: "本组进驻{被巡察单位}。电话{值班电话}。", Signature: "{成文日期}"},
		"通知": papers.DefaultTemplate("通知"),
	}
	if _, err := admin.SavePaperSettings(set); err != nil {
		t.Fatal(err)
	}
	got, _ := admin.PaperSettings()
	if _, kept := got.Templates["通知"]; kept || !got.Changed("公告") || got.Office.Phone != "0716-1234567" {
		t.Errorf("stored %+v", got)
	}
	dir := t.TempDir()
	files, err := admin.WritePapers(PaperRequest{Round: "R2026-1", Kind: papers.KindNotice, Team: "第一巡察组"}, dir, PaperFormats{})
	if err != nil || len(files) != 1 {
		t.Fatal(files, err)
	}
	if text := docText(t, files[0]); !strings.Contains(text, "本组进驻甲县财政局、甲县人民医院。电话0716-1234567。") ||
		!strings.Contains(text, "第一巡察组公告") || !strings.Contains(text, "2026年2月1日") {
		t.Errorf("the clerk's template not used:\n%s", text)
	}
	set.Templates["公告"] = papers.Template{Title: "{巡察组}公告", Body: "联系人：{联系人}"}
	if _, err := admin.SavePaperSettings(set); err == nil || !strings.Contains(err.Error(), "巡察公告：正文第1行：{联系人} 不是巡察公告的占位符") {
		t.Errorf("unknown placeholder: %v", err)
	}
	_, clerk, _ := resultsOffice(t)
	if _, err := clerk.SavePaperSettings(papers.Settings{}); err == nil {
		t.Error("a clerk changed the settings")
	}
}

// A kind of more documents than a PDF holds is written in volumes; the
// next kind starts its own.
func TestPDFVolumes(t *testing.T) {
	admin, _, _ := resultsOffice(t)
	defer func(n int) { bundleMax = n }(bundleMax)
	bundleMax = 2
	dir := t.TempDir()
	files, err := admin.WritePapers(PaperRequest{Round: "R2026-1", Today: resultsToday}, dir, PaperFormats{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	want := []string{"巡察公告_R2026-1_第1册（共2份）.pdf", "关于成立巡察组的通知_R2026-1.pdf",
		"巡察反馈意见_R2026-1_第1册（共2份）.pdf", "巡察反馈意见_R2026-1_第2册（共1份）.pdf",
		"整改通知书_R2026-1_第1册（共2份）.pdf", "问题线索移交函_R2026-1_纪委监委.pdf", "督办通知_R2026-1_第1册（共2份）.pdf"}
	if !slices.Equal(names, want) {
		t.Errorf("PDFs\n%q\nwant\n%q", names, want)
	}
}
