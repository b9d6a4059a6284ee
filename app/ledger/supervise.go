package ledger

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// The 督办 list (SPEC §9.2): everything open across rounds — items,
// clues, milestones — sorted by due date, with what is overdue and what
// is due soon; and the leaders' figures per round and jurisdiction.

// Urgency is where an open thing stands on a day.
type Urgency int

// The urgencies, most urgent first.
const (
	UrgOverdue Urgency = iota // red
	UrgDueSoon                // amber
	UrgOpen
)

// String names the urgency as the list shows it.
func (u Urgency) String() string {
	return [...]string{"逾期", "临期", "未到期"}[u]
}

// The kinds of an open thing.
const (
	OpenItem      = "整改"
	OpenClue      = "线索"
	OpenMilestone = "节点"
)

// OpenRow is one open thing.
type OpenRow struct {
	Kind              string // 整改, 线索 or 节点
	Code              string // the item's or clue's code; the milestone's name
	Round, Team, Unit string
	UnitName, County  string
	Dept              string // 责任部门 of an item
	What              string // the measure, the receiver, or the step
	Due               civil.Date
	Days              int // today − due: positive when overdue
	Urgency           Urgency
}

// Filter narrows the list; empty fields match everything.
type Filter struct {
	County, Round, Unit, Dept string
	Urgency                   []Urgency // nil: any
}

func (f Filter) match(r *OpenRow) bool {
	if (f.County != "" && r.County != f.County) || (f.Round != "" && r.Round != f.Round) ||
		(f.Unit != "" && r.Unit != f.Unit) || (f.Dept != "" && r.Dept != f.Dept) {
		return false
	}
	if f.Urgency == nil {
		return true
	}
	for _, u := range f.Urgency {
		if u == r.Urgency {
			return true
		}
	}
	return false
}

// OpenList is the 督办 list and what it leaves unnamed.
type OpenList struct {
	Rows []OpenRow
	// HiddenClues counts the open clues that match the filter but are not
	// listed because the reader may see counts only; HiddenOverdue of them
	// are overdue.
	HiddenClues, HiddenOverdue int
}

// dueMilestones are the steps with a due date: the unit's reports, due
// some months after the 反馈.
func dueMilestones(set Settings) []struct {
	kind   string
	months int
} {
	return []struct {
		kind   string
		months int
	}{{vocab.MsRectifyReport, set.ReportMonths}, {vocab.MsDutyReport, set.DutyMonths}}
}

// Open lists everything open in d on today that f lets through, sorted by
// due date, then kind, code and unit.
func Open(d *Data, set Settings, today civil.Date, f Filter) OpenList {
	set = set.Normalized()
	ix := newIndex(d)
	units := unitIndex(d)
	out := OpenList{Rows: make([]OpenRow, 0, len(d.Items)+len(d.Clues)+len(d.Milestones)/2)}
	soon := today.AddDays(set.DueSoonDays)
	urgency := func(due civil.Date) Urgency {
		switch {
		case Overdue(due, today):
			return UrgOverdue
		case !due.IsZero() && due <= soon:
			return UrgDueSoon
		}
		return UrgOpen
	}
	add := func(r OpenRow) {
		r.Days, r.Urgency = Days(r.Due, today), urgency(r.Due)
		if u, ok := units[r.Unit]; ok {
			r.UnitName, r.County = u.Name, u.County
		}
		if f.match(&r) {
			out.Rows = append(out.Rows, r)
		}
	}
	for i := range d.Items {
		it := &d.Items[i]
		fd := ix.findings[it.Finding]
		if fd == nil || !ItemOpen(it.State) {
			continue
		}
		add(OpenRow{Kind: OpenItem, Code: it.Code, Round: fd.Round, Team: fd.Team, Unit: fd.Unit, Dept: it.Dept,
			What: it.Measure, Due: it.Due})
	}
	for _, c := range d.Clues {
		if !c.FeedbackOn.IsZero() {
			continue
		}
		r := OpenRow{Kind: OpenClue, Code: c.Code, Round: c.Round, Team: c.Team, Unit: c.Unit, What: c.Receiver,
			Due: ClueDue(c.HandedOn, c.FeedbackDue, set.ClueMonths)}
		if d.ClueRows {
			add(r)
			continue
		}
		r.Days, r.Urgency = Days(r.Due, today), urgency(r.Due)
		if u, ok := units[r.Unit]; ok {
			r.County = u.County
		}
		if f.Dept == "" && f.match(&r) {
			out.HiddenClues++
			if r.Urgency == UrgOverdue {
				out.HiddenOverdue++
			}
		}
	}
	for _, r := range sortedRounds(d) {
		for _, tu := range teamUnits(r) {
			feedback := ix.milestone(r.Code, tu.team, tu.unit, vocab.MsFeedback)
			if feedback.IsZero() {
				continue
			}
			for _, m := range dueMilestones(set) {
				if !ix.milestone(r.Code, tu.team, tu.unit, m.kind).IsZero() {
					continue
				}
				add(OpenRow{Kind: OpenMilestone, Code: m.kind, Round: r.Code, Team: tu.team, Unit: tu.unit,
					What: m.kind, Due: AddMonths(feedback, m.months)})
			}
		}
	}
	sortOpen(out.Rows)
	return out
}

// sortOpen orders rows by due date, then kind, code and unit. It sorts
// indexes and moves each row once: the rows are large.
func sortOpen(rows []OpenRow) {
	idx := make([]int32, len(rows))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(x, y int32) int {
		a, b := &rows[x], &rows[y]
		switch {
		case a.Due != b.Due:
			return cmp.Compare(a.Due, b.Due)
		case a.Kind != b.Kind:
			return strings.Compare(a.Kind, b.Kind)
		case a.Code != b.Code:
			return strings.Compare(a.Code, b.Code)
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	sorted := make([]OpenRow, len(rows))
	for i, j := range idx {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}

// unitIndex maps the units the rounds' teams inspect to their names and
// jurisdictions.
func unitIndex(d *Data) map[string]Unit {
	m := make(map[string]Unit)
	for _, r := range d.Rounds {
		for _, t := range r.Teams {
			for _, u := range t.Units {
				m[u.Code] = u
			}
		}
	}
	return m
}

// Figure is the leaders' figures of one round in one jurisdiction.
type Figure struct {
	Round, County                                 string
	Items, Done, Closed                           int
	Rate                                          float64
	ItemsOverdue, CluesOverdue, MilestonesOverdue int
}

// Figures works out, per round and jurisdiction (by the inspected unit's),
// the rectification rate and what is overdue on today: the leaders'
// overview. Rounds without teams are left out; sorted by round, county.
func Figures(d *Data, set Settings, today civil.Date) []Figure {
	set = set.Normalized()
	ix := newIndex(d)
	units := unitIndex(d)
	type key struct{ round, county string }
	m := make(map[key]*Figure)
	get := func(round, unit string) *Figure {
		k := key{round, units[unit].County}
		if m[k] == nil {
			m[k] = &Figure{Round: round, County: k.county}
		}
		return m[k]
	}
	for _, r := range d.Rounds {
		for _, t := range r.Teams {
			for _, u := range t.Units {
				get(r.Code, u.Code)
			}
		}
	}
	for i := range d.Items {
		it := &d.Items[i]
		fd := ix.findings[it.Finding]
		if fd == nil {
			continue
		}
		g := get(fd.Round, fd.Unit)
		g.Items++
		switch {
		case it.State == vocab.ItemDone:
			g.Done++
		case it.State == vocab.ItemClosed:
			g.Closed++
		case Overdue(it.Due, today):
			g.ItemsOverdue++
		}
	}
	for _, c := range d.Clues {
		if c.FeedbackOn.IsZero() && Overdue(ClueDue(c.HandedOn, c.FeedbackDue, set.ClueMonths), today) {
			get(c.Round, c.Unit).CluesOverdue++
		}
	}
	open := Open(&Data{Rounds: d.Rounds, Milestones: d.Milestones}, set, today, Filter{Urgency: []Urgency{UrgOverdue}})
	for _, r := range open.Rows {
		get(r.Round, r.Unit).MilestonesOverdue++
	}
	out := make([]Figure, 0, len(m))
	for _, g := range m {
		g.Rate = Rate(g.Done+g.Closed, g.Items)
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Round != out[j].Round {
			return out[i].Round < out[j].Round
		}
		return out[i].County < out[j].County
	})
	return out
}
