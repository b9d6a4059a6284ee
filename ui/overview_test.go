package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/ui/widgets"
)

func TestOverviewShowsCoverage(t *testing.T) {
	svc, w := calendarWorld(t)
	s := newOverviewScreen(svc, w, fixedClock(calToday))
	w.SetContent(s.build())
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	cards := []struct {
		name string
		card *statCard
		want string
	}{{"应覆盖", s.total, "5"}, {"已覆盖", s.covered, "2"}, {"已计划", s.planned, "1"}, {"未安排", s.open, "2"}, {"在办轮次", s.rounds, "1"}}
	for _, c := range cards {
		if c.card.value.Text != c.want {
			t.Errorf("%s = %q, want %s", c.name, c.card.value.Text, c.want)
		}
	}
	if s.covered.note.Text != "覆盖率 40.0%" {
		t.Errorf("covered note = %q", s.covered.note.Text)
	}
	var cats []string
	for _, r := range s.byCategory.Rows {
		cats = append(cats, r.Label+":"+r.Note)
	}
	if got := strings.Join(cats, " "); got != "县直机关:1/3  33.3% 乡镇街道:1/1  100.0% 村社区:0/1  0.0%" {
		t.Errorf("by category = %s", got)
	}
	if len(s.byCounty.Rows) != 2 || s.byCounty.Rows[1].Label != "河西县" || s.byCounty.Rows[1].Values[1] != 1 || s.byCounty.Rows[1].Values[2] != 1 {
		t.Errorf("by county = %+v", s.byCounty.Rows)
	}
	if len(s.progress.data) != 1 || s.progress.data[0][0] != "2026-1" || s.progress.data[0][3] != "进驻" || s.progress.data[0][5] != "16" {
		t.Errorf("rounds in progress = %v", s.progress.data)
	}
	if len(s.teams.data) != 1 || s.teams.data[0][4] != "2 / 7" || s.teams.data[0][5] != "缺5人" {
		t.Errorf("team fill = %v", s.teams.data)
	}
	if len(s.overdue.data) != 1 || s.overdue.data[0][2] != "U01" || s.overdue.data[0][5] != "2025-07-15" {
		t.Errorf("overdue = %v", s.overdue.data)
	}
	if got := len(s.openUnits.data); got != 2 || s.openUnits.data[0][0] != "U0201" {
		t.Errorf("open units = %v", s.openUnits.data)
	}
	if s.tabs.Items[3].Text != "整改逾期（1）" {
		t.Errorf("tab title = %q", s.tabs.Items[3].Text)
	}
	if s.pace.Text == "" {
		t.Error("no pace estimate shown")
	}
}

func TestOverviewWithoutTerms(t *testing.T) {
	svc, w := testWorld(t)
	s := newOverviewScreen(svc, w, fixedClock(calToday))
	w.SetContent(s.build())
	if s.total.value.Text != "0" || !strings.Contains(s.pace.Text, "尚无届期") || s.byCounty.Rows != nil {
		t.Errorf("empty database: total %q, pace %q", s.total.value.Text, s.pace.Text)
	}
}

// TestOverviewOpensPendingOverride: a pending override on 总览 shows its
// reason whole (the row grows to wrap it) and opens, with its evidence, to
// the approval, where a 领导 approves it and 总览 no longer lists it.
func TestOverviewOpensPendingOverride(t *testing.T) {
	svc, w := calendarWorld(t)
	signIn(t, svc)
	rc, err := svc.RoundCheck("2026-1")
	must(t, err)
	reason := "李四长期借调市纪委，与河西县财政局已无工作往来；该局系其原单位，经巡察办研究，建议豁免地域回避，由其担任成员参加本轮巡察。"
	must(t, svc.RequestOverride(rc.Teams["第一巡察组"].ID, "P002", "R4", "", reason))
	must(t, svc.Login("周领导", "leader-pass-1"))
	s := newOverviewScreen(svc, w, fixedClock(calToday))
	w.SetContent(s.build())
	if len(s.overrides.data) != 1 || s.overrides.data[0][5] != reason || s.tabs.Items[2].Text != "待批豁免（1）" {
		t.Fatalf("pending on 总览: %v (tab %q)", s.overrides.data, s.tabs.Items[2].Text)
	}
	cell := s.overrides.table.CreateCell().(*widgets.Cell)
	s.overrides.table.UpdateCell(widget.TableCellID{Row: 0, Col: 5}, cell)
	if cell.Label.Wrapping != fyne.TextWrapBreak || cell.Label.Truncation != fyne.TextTruncateOff {
		t.Errorf("the reason is cut: wrapping %v, truncation %v", cell.Label.Wrapping, cell.Label.Truncation)
	}
	one := wrappedHeight("理由", 220)
	if h := wrappedHeight(reason, 220); h < 3*one/2 {
		t.Errorf("row height %v for a long reason (one line: %v)", h, one)
	}
	s.overrides.table.Select(widget.TableCellID{Row: 0, Col: 5})
	d := s.decision
	if d == nil || !strings.Contains(d.evidence.Text, "与被巡察单位同属一县") || !strings.Contains(d.evidence.Text, reason) {
		t.Fatalf("the approval opened from 总览: %+v", d)
	}
	test.Tap(d.approve)
	if len(s.overrides.data) != 0 || s.tabs.Items[2].Text != "待批豁免（0）" {
		t.Errorf("after approval 总览 lists %v (tab %q)", s.overrides.data, s.tabs.Items[2].Text)
	}
}
