package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xuncha/internal/docxtext"
)

// sample is a document with every kind of block: a title, a recipient
// line, headings, body, a table over more than one page, a signature and
// a second section.
func sample() *Document {
	d := New("关于成立巡察组的通知")
	d.Add(Text(Title, "关于成立县委第二轮巡察组的通知"),
		Text(Plain, "各有关单位："),
		Text(Body, "根据工作安排，县委决定成立3个巡察组，于2026年3月1日进驻。"),
		Text(Heading1, "一、第一巡察组"),
		Text(Heading2, "（一）组成人员"))
	rows := []Row{{Head: true, Cells: []Cell{{Text: "序号"}, {Text: "角色"}, {Text: "姓名"}, {Text: "工作单位及职务"}}}}
	for i := 1; i <= 60; i++ {
		rows = append(rows, Row{Cells: []Cell{{Text: fmt.Sprint(i), Align: AlignCenter}, {Text: "成员"},
			{Text: fmt.Sprintf("张%03d", i)}, {Text: "县财政局\n副局长"}}})
	}
	d.AddTable(Table{Widths: []float64{1, 2, 2, 5}, Rows: rows})
	d.Add(Text(Signature, "中共清江县委巡察工作领导小组"), Text(Signature, "2026年3月1日"))
	d.NewSection()
	d.Add(Para{Style: Body, Runs: []Run{{Text: "特殊字符 <&>\"' 与控制字符\x01\x1f保留文字", Bold: true}, {Text: "\t制表\n换行", Underline: true, Font: FontKai, Size: Size4}}})
	return d
}

func write(t *testing.T, d *Document) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := d.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo counted %d bytes, wrote %d", n, b.Len())
	}
	return b.Bytes()
}

func TestDocumentReadsBack(t *testing.T) {
	f, err := docxtext.Read(write(t, sample()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(f.Names) || f.Names[0] != "[Content_Types].xml" {
		t.Errorf("entries not in name order: %v", f.Names)
	}
	for _, want := range []string{"word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml"} {
		if _, ok := f.Parts[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	text := f.Text()
	for _, want := range []string{"关于成立县委第二轮巡察组的通知", "各有关单位：", "一、第一巡察组", "张001", "张060", "县财政局",
		"2026年3月1日", "特殊字符 <&>\"' 与控制字符保留文字", "\t制表\n换行"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if f.Tables != 1 {
		t.Errorf("%d tables, want 1", f.Tables)
	}
	if i := slices.Index(f.Paragraphs, "一、第一巡察组"); i < 0 || f.Styles[i] != "Heading1" {
		t.Errorf("heading's style: %v", f.Styles)
	}
	if i := slices.Index(f.Paragraphs, "2026年3月1日"); i < 0 || f.Styles[i] != "Signature" {
		t.Errorf("date's style")
	}
}

// The page is GB/T 9704's: A4, margins 37/35/28/26 mm, 22 lines of 28
// characters; page numbers "— PAGE —" in 4号 宋体 outside (odd right,
// even left) and a second section numbered from 1.
func TestPageLayout(t *testing.T) {
	f, err := docxtext.Read(write(t, sample()))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(f.Parts["word/document.xml"])
	var sect struct {
		PgSz struct {
			W int `xml:"w,attr"`
			H int `xml:"h,attr"`
		} `xml:"pgSz"`
		PgMar struct {
			Top    int `xml:"top,attr"`
			Right  int `xml:"right,attr"`
			Bottom int `xml:"bottom,attr"`
			Left   int `xml:"left,attr"`
		} `xml:"pgMar"`
		DocGrid struct {
			Type      string `xml:"type,attr"`
			LinePitch int    `xml:"linePitch,attr"`
		} `xml:"docGrid"`
	}
	i := strings.LastIndex(doc, "<w:sectPr>")
	if err := xml.Unmarshal([]byte(strings.TrimSuffix(doc[i:], "</w:body></w:document>")), &sect); err != nil {
		t.Fatal(err)
	}
	mm := func(tw int) float64 { return float64(tw) / 1440 * 25.4 }
	near := func(a, b float64) bool { return a-b < 0.1 && b-a < 0.1 }
	if sect.PgSz.W != 11906 || sect.PgSz.H != 16838 {
		t.Errorf("page %v, want A4", sect.PgSz)
	}
	if m := sect.PgMar; !near(mm(m.Top), 37) || !near(mm(m.Bottom), 35) || !near(mm(m.Left), 28) || !near(mm(m.Right), 26) {
		t.Errorf("margins %+v", m)
	}
	g := sect.DocGrid
	if g.Type != "lines" || int(225/mm(g.LinePitch)) != 22 {
		t.Errorf("grid %+v: %.2f lines", g, 225/mm(g.LinePitch))
	}
	// 28 characters of 3号 (16 pt), tightened, fit 156 mm; 29 do not.
	st := string(f.Parts["word/styles.xml"])
	var tight int
	normal := st[strings.Index(st, `w:styleId="Normal"`):]
	if _, err := fmt.Sscanf(normal[strings.Index(normal, `<w:rPr>`):], `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:spacing w:val="%d"/>`, &tight); err != nil {
		t.Fatalf("body text has no character spacing: %v", err)
	}
	pitch := 16 + float64(tight)/20
	if width := 156 / 25.4 * 72; 28*pitch > width || 29*pitch <= width {
		t.Errorf("a line holds %.2f characters, want 28", width/pitch)
	}
	if strings.Count(doc, "<w:sectPr>") != 2 || !strings.Contains(doc, `<w:pgNumType w:start="1"/>`) {
		t.Error("the second section does not restart its page numbers")
	}
	if !strings.Contains(string(f.Parts["word/settings.xml"]), "<w:evenAndOddHeaders/>") {
		t.Error("no separate even footers")
	}
	for name, jc := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
		ft := string(f.Parts[name])
		for _, want := range []string{`<w:jc w:val="` + jc + `"/>`, "PAGE", "— ", " —", `w:eastAsia="宋体"`, `<w:sz w:val="28"/>`} {
			if !strings.Contains(ft, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
	for _, want := range []string{`w:eastAsia="仿宋_GB2312"`, `w:eastAsia="方正小标宋简体"`, `w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`,
		`<w:sz w:val="44"/>`, `<w:sz w:val="32"/>`} {
		if !strings.Contains(st, want) {
			t.Errorf("styles lack %s", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := write(t, sample()), write(t, sample())
	if !bytes.Equal(a, b) {
		t.Error("the same document gave different bytes")
	}
}

// LibreOffice opens the file and lays it out: the text is there, the
// table runs over pages, the pages are numbered outside, the second
// section starts at 1 again.
func TestOpensInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "通知.docx")
	if err := os.WriteFile(path, write(t, sample()), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := docxtext.ToPDF(t, dir, path)[0]
	pages := strings.Split(strings.TrimSuffix(docxtext.Squeeze(docxtext.PDFText(t, pdf)), "\f"), "\f")
	text := strings.Join(pages, "")
	for _, want := range []string{"关于成立县委第二轮巡察组的通知", "张001", "张060", "2026年3月1日", "—1—", "—2—", "保留文字"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's PDF lacks %q:\n%s", want, text)
		}
	}
	if n := len(pages); n < 3 || !strings.Contains(pages[n-1], "—1—") || !strings.Contains(pages[n-2], fmt.Sprintf("—%d—", n-1)) {
		t.Errorf("pages not numbered 1… with the second section from 1 again: %q", pages)
	}
}
