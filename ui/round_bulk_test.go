package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// 按县区批量建组: one team per county chosen, with its first units.
func TestCountyTeamsFromRoundForm(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	f := s.form
	before := len(f.round.Teams)
	d := f.teams.onCountyTeams()
	d.perTeam.SetText("2")
	d.onlyFree.SetChecked(false)
	d.counties.SetChecked([]string{"C01"})
	test.Tap(d.dlg.OK)
	if d.dlg.Note.Visible() && d.dlg.Note.Text != "" {
		t.Fatalf("refused: %s", d.dlg.Note.Text)
	}
	if len(f.round.Teams) != before+1 {
		t.Fatalf("teams %d → %d", before, len(f.round.Teams))
	}
	nt := f.round.Teams[len(f.round.Teams)-1]
	if nt.Name != "第二巡察组" || len(nt.Units) != 2 || !strings.Contains(f.saved.Text, "已建 1 个巡察组") {
		t.Errorf("new team %s with %d units; %q", nt.Name, len(nt.Units), f.saved.Text)
	}
}

// 复制轮次 from the list: a new round with the same teams, its dates moved,
// opened at once.
func TestCopyRoundFromList(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	l := s.list
	l.selectKey("2025-1")
	d := s.copyRound("2025-1")
	test.Type(d.code, "2027-1")
	test.Type(d.start, "2027/3/3")
	d.units.SetChecked(true)
	test.Tap(d.dlg.OK)
	if s.form == nil || s.form.round == nil || s.form.round.Code != "2027-1" {
		t.Fatalf("the copy was not opened (note %q)", d.dlg.Note.Text)
	}
	r := s.form.round
	if r.Name != "2025年第一轮巡察" || len(r.Teams) != 1 || len(r.Teams[0].Units) != 2 {
		t.Errorf("copy %s with %d teams", r.Name, len(r.Teams))
	}
	if got := s.cal.Schedule(r).Dates.OnsiteEnd.String(); got != "2027-03-31" {
		t.Errorf("进驻结束 moved to %s, want 2027-03-31", got)
	}
}
