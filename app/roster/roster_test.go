package roster

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/draw"
)

// sample is a round of three teams: the first full with a member placed
// under an approved override, the second with an empty slot, the third
// with a long unit list.
func sample() *Roster {
	m := func(role, code, name, gender, county, unit, post string) Member {
		return Member{Role: role, Person: code, Name: name, Gender: gender, County: "C0" + county[:1], CountyName: county,
			Unit: "U" + code, UnitName: unit, Post: post}
	}
	t1 := Team{Name: "第一巡察组", Seq: 1, County: "C01", CountyName: "城关区", OnsiteStart: "2026-12-07", OnsiteEnd: "2027-01-15",
		Units: []Unit{{"U0101", "中共城关区委办公室"}, {"U0102", "城关区财政局"}},
		Members: []Member{
			m("组长", "P001", "张三", "男", "河西县", "河西县审计局", "局长"),
			m("副组长", "P002", "李四", "女", "城关区", "城关区纪委监委", "副书记"),
			m("专职工作人员", "P003", "王五", "男", "城关区", "城关区委巡察办", "科员"),
			m("联络员", "P004", "赵六", "女", "河西县", "河西县委组织部", "干事"),
			m("成员", "P005", "钱七", "男", "东湖区", "东湖区财政局", "会计"),
		}}
	t1.Members[4].Overrides = []Override{{Rule: "R3", RuleName: "亲属", Unit: "U0102", UnitName: "城关区财政局",
		Reason: "其兄已于2026年调离", Approver: "王主任", ApprovedAt: "2026-11-20 09:30:00"}}
	t2 := Team{Name: "第二巡察组", Seq: 2, County: "C02", CountyName: "河西县", OnsiteStart: "2026-12-07", OnsiteEnd: "2027-01-15",
		Units:     []Unit{{"U0201", "河西县教育局"}},
		Members:   []Member{m("组长", "P006", "孙八", "男", "城关区", "城关区审计局", "局长")},
		Vacancies: []Vacancy{{"成员", "第二巡察组缺财务或审计人员：候选 4 人，3 人与 河西县教育局 存在 R2 曾任职 回避，1 人已编入第一巡察组"}}}
	var units []Unit
	for i := range 14 {
		units = append(units, Unit{fmt.Sprintf("U03%02d", i), fmt.Sprintf("东湖区第%d社区党委", i+1)})
	}
	t3 := Team{Name: "第三巡察组", Seq: 3, County: "C03", CountyName: "东湖区", Units: units,
		Members: []Member{m("组长", "P007", "周九", "女", "河西县", "河西县人力资源和社会保障局劳动保障监察大队", "大队长")}}
	return &Roster{Round: "2026-2", RoundName: "2026年第二轮巡察", Mode: "混合编组", Generated: "2026-11-21",
		Teams: []Team{t1, t2, t3}}
}

func TestWriteXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := WriteXLSX(path, sample()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "汇总,编组名单,编组记录" {
		t.Errorf("sheets = %v", got)
	}
	cases := []struct {
		name, sheet, cell, want string
	}{
		{"名单标题", SheetRoster, "A1", "2026年第二轮巡察 巡察组编组名单"},
		{"第一组标题行", SheetRoster, "A2", "第一巡察组　被巡察县区：城关区　进驻时间：2026-12-07 至 2027-01-15"},
		{"第一组单位", SheetRoster, "A3", "被巡察单位：中共城关区委办公室、城关区财政局"},
		{"表头", SheetRoster, "F4", "现工作单位"},
		{"组长姓名", SheetRoster, "C5", "张三"},
		{"组长工作关系地", SheetRoster, "E5", "河西县"},
		{"豁免人员备注", SheetRoster, "H9", "※ R3 亲属回避已豁免（城关区财政局），理由：其兄已于2026年调离，批准人：王主任（2026-11-20）"},
		{"无豁免无备注", SheetRoster, "H8", ""},
		{"空缺行", SheetRoster, "C15", "（空缺）"},
		{"汇总组名", SheetSummary, "B3", "第二巡察组"},
		{"汇总空缺", SheetSummary, "G3", "1"},
		{"汇总豁免人数", SheetSummary, "I2", "1"},
		{"汇总合计", SheetSummary, "F5", "7"},
		{"记录表头为导入格式", SheetRecord, "C1", "人员编号"},
		{"记录轮次", SheetRecord, "A2", "2026-2"},
		{"记录角色", SheetRecord, "D3", "副组长"},
		{"记录第二组", SheetRecord, "B7", "第二巡察组"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := f.GetCellValue(c.sheet, c.cell)
			if err != nil || got != c.want {
				t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
			}
		})
	}
	rows, _ := f.GetRows(SheetRecord)
	if len(rows) != 1+7 {
		t.Errorf("编组记录 has %d rows, want header and 7 members", len(rows))
	}
}

var pageObj = regexp.MustCompile(`/Type /Page\n`)

// checkPDF reads a written PDF and returns its number of pages, failing
// unless it is a PDF with the embedded font.
func checkPDF(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s does not start with %%PDF-", path)
	}
	if !bytes.Contains(b, []byte("/FontFile2")) || !bytes.Contains(b, []byte("/BaseFont /cjk")) {
		t.Errorf("%s does not embed the TrueType font", path)
	}
	return len(pageObj.FindAll(b, -1))
}

func TestWritePDF(t *testing.T) {
	long := sample()
	for i := range 60 {
		long.Teams[2].Members = append(long.Teams[2].Members, Member{Role: "成员", Person: fmt.Sprintf("Q%03d", i), Name: "成员" + fmt.Sprint(i)})
	}
	cases := []struct {
		name  string
		r     *Roster
		pages int
	}{
		{"每组一页", sample(), 3},
		{"人数过多的组续页", long, 5},
		{"没有巡察组", &Roster{Round: "2026-9", Generated: "2026-11-21"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "名单.pdf")
			if err := WritePDF(path, c.r); err != nil {
				t.Fatal(err)
			}
			if got := checkPDF(t, path); got != c.pages {
				t.Errorf("pages = %d, want %d", got, c.pages)
			}
		})
	}
}

// sampleRecord draws three slots among five candidates, the last with none.
func sampleRecord(t *testing.T) *draw.Record {
	t.Helper()
	s, err := draw.Start("3721", "2026-2", []string{"P001", "P002", "P003", "P004", "P005"})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []struct {
		team, role string
		cands      []string
	}{
		{"第一巡察组", "组长", []string{"P001", "P002"}},
		{"第一巡察组", "成员", []string{"P003", "P004", "P005"}},
		{"第二巡察组", "组长", nil},
	} {
		if _, err := s.Draw(st.team, st.role, st.cands); err != nil {
			t.Fatal(err)
		}
	}
	return s.Record()
}

func TestWriteDrawPDF(t *testing.T) {
	rec := sampleRecord(t)
	path := filepath.Join(t.TempDir(), "抽取记录.pdf")
	info := DrawInfo{RoundName: "2026年第二轮巡察", Names: map[string]string{"P001": "张三", "P002": "李四"}, Printed: "2026-11-21"}
	if err := WriteDrawPDF(path, rec, info); err != nil {
		t.Fatal(err)
	}
	if got := checkPDF(t, path); got != 1 {
		t.Errorf("pages = %d, want 1", got)
	}

	cands := make([]string, 3000)
	for i := range cands {
		cands[i] = fmt.Sprintf("P%05d", i)
	}
	s, _ := draw.Start("88", "2026-2", cands)
	for i := range 280 {
		s.Draw(fmt.Sprintf("第%d巡察组", i/7+1), "成员", cands[i*10:i*10+10])
	}
	big := s.Record()
	if err := WriteDrawPDF(path, big, DrawInfo{Printed: "2026-11-21"}); err != nil {
		t.Fatal(err)
	}
	if got := checkPDF(t, path); got < 10 {
		t.Errorf("280 steps and 3000 candidates on %d pages", got)
	}

	bad := sampleRecord(t)
	if bad.Steps[0].Drawn == "P001" {
		bad.Steps[0].Drawn = "P002"
	} else {
		bad.Steps[0].Drawn = "P001"
	}
	err := WriteDrawPDF(filepath.Join(t.TempDir(), "x.pdf"), bad, info)
	if err == nil || !strings.Contains(err.Error(), "不予打印") {
		t.Errorf("a tampered record printed: %v", err)
	}
}

func TestOverrideNote(t *testing.T) {
	cases := []struct {
		name string
		o    Override
		want string
	}{
		{"整组豁免", Override{Rule: "R6", RuleName: "同组亲属", Approver: "王主任"}, "R6 同组亲属回避已豁免，批准人：王主任"},
		{"单个单位", Override{Rule: "R1", RuleName: "现任职", UnitName: "城关镇", Reason: "借调结束", Approver: "李书记", ApprovedAt: "2026-01-02 10:00:00"},
			"R1 现任职回避已豁免（城关镇），理由：借调结束，批准人：李书记（2026-01-02）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.o.String(); got != c.want {
				t.Errorf("got %q", got)
			}
		})
	}
}
