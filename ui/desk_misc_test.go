package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The 被巡察单位 list filters as the clerk types, by code, name or the
// name's pinyin initials.
func TestUnitPickerFindsByInitials(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	test.Tap(s.newRound)
	f := s.form
	test.Type(f.code, "2026-2")
	test.Type(f.name, "2026年第二轮巡察")
	test.Type(f.dates[dOnsiteStart], "2026-06-01")
	test.Tap(f.save)
	test.Tap(f.teams.add)
	p := f.teams.picker
	p.onlyFree.SetChecked(false)
	p.county.SetSelected("C01 城关区")
	test.Type(p.search, "xwb")
	if got := listedUnits(p); got != "U01" {
		t.Errorf("xwb lists %q, want U01 (县委办公室)", got)
	}
}
