package stats

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/internal/docxtext"
)

// The breakdowns behind the figures of the whole term (see planted).
func TestDetailsPlanted(t *testing.T) {
	rep, det, err := Compute(planted(), Scope{Term: "T1", Today: d("2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	var rounds []string
	for _, r := range det.ByRound {
		rounds = append(rounds, r.Round+":"+Percent(r.Rate))
	}
	if want := []string{"R1:66.7%", "R2:33.3%", "R3:0.0%", "R4:0.0%"}; !reflect.DeepEqual(rounds, want) {
		t.Errorf("rounds %v, want %v", rounds, want)
	}
	if want := []Count{{"党的领导弱化", 1}, {"党的建设缺失", 2}, {"其他", 1}}; !reflect.DeepEqual(det.ByCategory, want) {
		t.Errorf("categories %v", det.ByCategory)
	}
	want := []Receiver{{"纪委监委", 2, []Count{{"立案审查", 1}, {NoOutcome, 1}}}, {"组织部", 1, []Count{{"组织处理", 1}}}}
	if !reflect.DeepEqual(det.Receivers, want) {
		t.Errorf("receivers %v", det.Receivers)
	}
	if want := []Home{{"C01", "城关区", 4, 0}, {"C02", "东湖区", 4, 3}, {"C03", "西山区", 4, 0}}; !reflect.DeepEqual(det.ByHome, want) {
		t.Errorf("homes %v", det.ByHome)
	}
	if len(det.Promoted) != rep.People.NewlyPromotedServed || len(det.Owing) != rep.People.Owing {
		t.Errorf("lists %d/%d", len(det.Promoted), len(det.Owing))
	}
	charts := Charts(rep, det)
	if len(charts) != 6 || charts[3].Series[2] != NoOutcome || charts[0].Rows[0].Note != "2/3 66.7%" {
		t.Errorf("charts %+v", charts)
	}
}

// The workbook has a sheet per table and the definitions; the PDF says
// the scope, the figures and every chart's title.
func TestWriteFiles(t *testing.T) {
	rep, det, err := Compute(planted(), Scope{Term: "T1", Year: 2026, Today: d("2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("XUNCHA_STATS_DUMP")
	if dir == "" {
		dir = t.TempDir()
	}
	xlsx, pdf := filepath.Join(dir, "统计.xlsx"), filepath.Join(dir, "统计.pdf")
	if err := WriteXLSX(xlsx, rep, det); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"概况", "届内覆盖", "轮次", "问题类别", "线索", "抽调人员", "新提拔已参加", "新提拔待参加", "指标说明"}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %v", got)
	}
	if v, _ := f.GetCellValue("概况", "B1"); v != "数值" {
		t.Errorf("概况!B1 = %q", v)
	}
	if v, _ := f.GetCellValue("轮次", "A2"); v != "R2" {
		t.Errorf("轮次!A2 = %q", v)
	}
	if v, _ := f.GetCellValue("新提拔待参加", "A2"); v != "P7" {
		t.Errorf("新提拔待参加!A2 = %q", v)
	}
	if err := WritePDF(pdf, rep, det); err != nil {
		t.Fatal(err)
	}
	text := docxtext.Squeeze(docxtext.PDFText(t, pdf))
	for _, w := range []string{"巡察工作统计报表", "第十五届（T1），2026年，全部县区", "2026-06-01", "届内覆盖（按县区）", "发现问题（按问题类别）",
		"整改（按轮次）", "移交线索（按移交对象和处置结果）", "抽调人员（按工作关系地）", "新提拔干部", "各轮次情况", "33.3%"} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF lacks %q:\n%s", w, text)
		}
	}
}
