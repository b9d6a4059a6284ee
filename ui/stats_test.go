package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
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
