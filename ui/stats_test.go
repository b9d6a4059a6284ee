package ui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"xuncha/internal/docxtext"
	"xuncha/model"
)

// 统计 shows the figures of the results world's term, follows the year and
// county filters, draws its six charts, lists the rounds, fits 1024×700,
// and asks for a year before a 年度汇报.
func TestStatsScreen(t *testing.T) {
	as, w := resultsWorld(t)
	s := newStatsScreen(as("小李"), w, fixedClock(resToday))
	content := s.build()
	w.SetContent(content)
	if min := content.MinSize(); min.Width > 1024-160 || min.Height > 700-120 {
		t.Errorf("the screen needs %v", min)
	}
	if s.rep == nil || s.rep.Term != "T1" {
		t.Fatalf("no figures: %v %q", s.rep, s.msg.Text)
	}
	// R2026-1: 2 teams, 3 units; 5 items, 1 done, 1 closed, 1 overdue.
	if s.rounds.value.Text != "1 / 2" || s.rect.value.Text != "40.0%" || s.findings.value.Text != "2" || s.clues.value.Text != "2" {
		t.Errorf("cards: %s %s %s %s", s.rounds.value.Text, s.rect.value.Text, s.findings.value.Text, s.clues.value.Text)
	}
	if len(s.charts) != 6 || s.charts[0].Title != "届内覆盖（按县区）" || len(s.charts[1].Rows) != 2 {
		t.Errorf("charts: %q, %d rows", s.charts[0].Title, len(s.charts[1].Rows))
	}
	if len(s.byRound.data) != 1 || s.byRound.data[0][0] != "R2026-1" {
		t.Errorf("rounds table %v", s.byRound.data)
	}
	s.county.SetSelected("C02 乙县")
	if s.rounds.value.Text != "1 / 1" || s.findings.value.Text != "0" {
		t.Errorf("乙县: %s %s", s.rounds.value.Text, s.findings.value.Text)
	}
	s.year.SetSelected("2025")
	if s.rounds.value.Text != "0 / 0" {
		t.Errorf("2025: %s", s.rounds.value.Text)
	}
	s.year.SetSelected(allYears)
	test.Tap(s.annual)
	if !strings.Contains(s.msg.Text, "请先在“年度”中选择一年") {
		t.Errorf("annual without a year: %q", s.msg.Text)
	}
	s.day.SetText("明天")
	test.Tap(s.refresh)
	if !strings.Contains(s.msg.Text, "统计日") {
		t.Errorf("a bad day: %q", s.msg.Text)
	}
}

// 统计 follows the term chosen (an earlier term with its own round and
// coverage), and its Excel… and PDF… write the figures shown — the scope
// chosen, not the whole term — where the clerk says.
func TestStatsTermAndExports(t *testing.T) {
	as, w := resultsWorld(t)
	db := as("王主任").DB
	must(t, db.Create(&model.Term{Code: "T0", Name: "第十四届", StartDate: "2021-01-01", EndDate: "2024-12-31"}).Error)
	must(t, db.Create(&model.Round{Code: "R2023-1", TermCode: "T0", Number: 1, Name: "2023年第一轮", OnsiteStart: "2023-03-01", OnsiteEnd: "2023-04-15"}).Error)
	must(t, db.Create(&model.Team{ID: 9, RoundCode: "R2023-1", Name: "第一巡察组", Seq: 1}).Error)
	must(t, db.Create(&model.TeamUnit{TeamID: 9, RoundCode: "R2023-1", UnitCode: "U0201"}).Error)
	s := newStatsScreen(as("小李"), w, fixedClock(resToday))
	w.SetContent(s.build())
	if s.rep.Term != "T1" || s.rounds.value.Text != "1 / 2" || s.coverage.value.Text != "100.0%" {
		t.Fatalf("the latest term first: %s, %s %s", s.rep.Term, s.rounds.value.Text, s.coverage.value.Text)
	}
	s.term.SetSelected("T0 第十四届")
	if s.rep.Term != "T0" || s.rounds.value.Text != "1 / 1" || s.coverage.value.Text != "33.3%" || s.findings.value.Text != "0" {
		t.Errorf("T0: %s %s %s", s.rounds.value.Text, s.coverage.value.Text, s.findings.value.Text)
	}
	if want := []string{allYears, "2021", "2022", "2023", "2024"}; !reflect.DeepEqual(s.year.Options, want) {
		t.Errorf("T0's years %v", s.year.Options)
	}
	if len(s.byRound.data) != 1 || s.byRound.data[0][0] != "R2023-1" {
		t.Errorf("T0's rounds %v", s.byRound.data)
	}
	s.county.SetSelected("C01 甲县")
	if s.rounds.value.Text != "0 / 0" || s.coverage.value.Text != "0.0%" {
		t.Errorf("T0, 甲县: %s %s", s.rounds.value.Text, s.coverage.value.Text)
	}

	s.term.SetSelected("T1 第十五届")
	s.year.SetSelected("2026")
	s.county.SetSelected("C01 甲县")
	if s.rounds.value.Text != "1 / 1" || s.findings.value.Text != "2" {
		t.Fatalf("T1, 2026, 甲县: %s %s", s.rounds.value.Text, s.findings.value.Text)
	}
	dir := lastFolder(t)
	test.Tap(s.xlsx)
	path := saveThrough(t, w, dir, "")
	if filepath.Base(path) != "巡察统计_T1_2026_C01.xlsx" {
		t.Errorf("offered %q", filepath.Base(path))
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := map[string]string{}
	rows, _ := f.GetRows("概况")
	for _, r := range rows {
		if len(r) == 2 {
			got[r[0]] = r[1]
		}
	}
	for k, v := range map[string]string{"统计范围": "第十五届（T1），2026年，甲县", "统计日": resToday.String(), "轮次": "1", "巡察组": "1",
		"被巡察单位": "2", "发现问题": "2", "移交线索": "2"} {
		if got[k] != v {
			t.Errorf("概况 %s = %q, want %q", k, got[k], v)
		}
	}
	if !strings.Contains(overlayText(w), "已导出统计报表") {
		t.Errorf("said %q", overlayText(w))
	}
	w.Canvas().Overlays().Top().Hide()
	test.Tap(s.pdf)
	path = saveThrough(t, w, dir, "")
	text := docxtext.Squeeze(docxtext.PDFText(t, path))
	for _, want := range []string{"巡察工作统计报表", "第十五届（T1），2026年，甲县", "届内覆盖（按县区）", "R2026-1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}
