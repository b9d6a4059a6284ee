package ledger

import "testing"

func countiesOf(d *Data) *Data {
	for ri := range d.Rounds {
		for ti := range d.Rounds[ri].Teams {
			for ui := range d.Rounds[ri].Teams[ti].Units {
				u := &d.Rounds[ri].Teams[ti].Units[ui]
				u.County = "C" + u.Code[1:3]
			}
		}
	}
	return d
}

func TestOpenListSortedAndColoured(t *testing.T) {
	data := countiesOf(planted())
	data.Items[0].Dept = "办公室"
	l := Open(data, Defaults(), d("2026-06-01"), Filter{})
	if len(l.Rows) == 0 {
		t.Fatal("nothing open")
	}
	for i := 1; i < len(l.Rows); i++ {
		if l.Rows[i].Due < l.Rows[i-1].Due {
			t.Fatalf("not sorted by due date at %d: %+v", i, l.Rows)
		}
	}
	got := map[string]OpenRow{}
	for _, r := range l.Rows {
		got[r.Kind+" "+r.Code+" "+r.Unit] = r
		if r.Kind == OpenItem && (r.Code == "Z0004" || r.Code == "Z0005") {
			t.Errorf("a done or closed item is open: %+v", r)
		}
		if r.Kind == OpenClue && r.Code == "X0002" {
			t.Errorf("an answered clue is open: %+v", r)
		}
	}
	for key, want := range map[string]Urgency{
		"整改 Z0001 U0101":    UrgOverdue, // due yesterday
		"整改 Z0002 U0101":    UrgDueSoon, // due today
		"整改 Z0006 U0102":    UrgDueSoon, // day 15
		"整改 Z0007 U0102":    UrgOpen,    // day 16
		"线索 X0001 U0102":    UrgOverdue, // 移交 + 3 months passed
		"线索 X0003 U0103":    UrgDueSoon, // 反馈时限 today
		"节点 整改报告收到 U0102":   UrgOverdue, // 反馈 03-31 + 2 months = 05-31
		"节点 履职情况报告收到 U0101": UrgOverdue,
		"节点 整改报告收到 U0103":   UrgDueSoon, // due today
	} {
		r, ok := got[key]
		if !ok {
			t.Errorf("%s not in the list", key)
			continue
		}
		if r.Urgency != want {
			t.Errorf("%s: %v, want %v", key, r.Urgency, want)
		}
	}
	if _, ok := got["节点 整改报告收到 U0101"]; ok {
		t.Error("a received report is still open")
	}
	if r := got["整改 Z0001 U0101"]; r.Days != 1 || r.County != "C01" || r.Dept != "办公室" {
		t.Errorf("Z0001 = %+v", r)
	}
}

func TestOpenListFiltersAndHiddenClues(t *testing.T) {
	data := countiesOf(planted())
	data.ClueRows = false
	l := Open(data, Defaults(), d("2026-06-01"), Filter{Round: "R2026-1"})
	for _, r := range l.Rows {
		if r.Kind == OpenClue {
			t.Errorf("clue row without the right: %+v", r)
		}
		if r.Round != "R2026-1" {
			t.Errorf("filter by round let %+v through", r)
		}
	}
	if l.HiddenClues != 2 || l.HiddenOverdue != 1 {
		t.Errorf("hidden clues %d (overdue %d), want 2 (1)", l.HiddenClues, l.HiddenOverdue)
	}
	l = Open(data, Defaults(), d("2026-06-01"), Filter{Unit: "U0102", Urgency: []Urgency{UrgOverdue}})
	for _, r := range l.Rows {
		if r.Unit != "U0102" || r.Urgency != UrgOverdue {
			t.Errorf("filter by unit and urgency let %+v through", r)
		}
	}
	if len(l.Rows) != 3 { // Z0008 and the two missing reports
		t.Errorf("U0102 overdue = %+v", l.Rows)
	}
}

func TestFigures(t *testing.T) {
	data := countiesOf(planted())
	fs := Figures(data, Defaults(), d("2026-06-01"))
	var r1 *Figure
	for i := range fs {
		if fs[i].Round == "R2026-1" && fs[i].County == "C01" {
			r1 = &fs[i]
		}
	}
	if r1 == nil {
		t.Fatalf("no figure for R2026-1 C01: %+v", fs)
	}
	if r1.Items != 8 || r1.Rate != 0.25 || r1.ItemsOverdue != 2 || r1.CluesOverdue != 1 {
		t.Errorf("R2026-1 C01 = %+v", *r1)
	}
	// Overdue steps: U0101 履职; U0102 整改报告 and 履职 (03-31 + 2 months).
	if r1.MilestonesOverdue != 3 {
		t.Errorf("milestones overdue = %d, want 3", r1.MilestonesOverdue)
	}
}
