package ledger

import (
	"sort"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// Report is `xuncha ledger --json` (SPEC §9.3). The fields are in the
// order the JSON writes them.
type Report struct {
	Today   string        `json:"today"`
	Rounds  []RoundFigure `json:"rounds"`
	Overdue []OverdueRow  `json:"overdue"`
}

// RoundFigure is one round's figures.
type RoundFigure struct {
	Round        string       `json:"round"`
	Findings     int          `json:"findings"`
	OnTheSpot    int          `json:"on_the_spot"`
	Items        int          `json:"items"`
	Done         int          `json:"done"`
	Closed       int          `json:"closed"`
	Overdue      int          `json:"overdue"`
	DueSoon      int          `json:"due_soon"`
	Rate         float64      `json:"rate"`
	Clues        int          `json:"clues"`
	CluesOverdue int          `json:"clues_overdue"`
	Units        []UnitFigure `json:"units"`
}

// UnitFigure is one unit's figures in a round.
type UnitFigure struct {
	Unit           string  `json:"unit"`
	Items          int     `json:"items"`
	Done           int     `json:"done"`
	Closed         int     `json:"closed"`
	Overdue        int     `json:"overdue"`
	Rate           float64 `json:"rate"`
	ReportDue      string  `json:"report_due"`
	ReportReceived string  `json:"report_received"`
	ReportOverdue  bool    `json:"report_overdue"`
}

// OverdueRow is one thing overdue on the report's day.
type OverdueRow struct {
	Kind string `json:"kind"` // 整改, 线索 or 整改报告
	Code string `json:"code"` // "" for a report
	Unit string `json:"unit"`
	Due  string `json:"due"`
	Days int    `json:"days"`
}

// The kinds of OverdueRow, in the order the list sorts them.
const (
	KindItem   = "整改"
	KindClue   = "线索"
	KindReport = "整改报告"
)

var kindRank = map[string]int{KindItem: 0, KindClue: 1, KindReport: 2}

// counts are the item figures of a unit or a round.
type counts struct{ items, done, closed, overdue, dueSoon int }

func (c *counts) add(it *Item, today, soon civil.Date) {
	c.items++
	switch it.State {
	case vocab.ItemDone:
		c.done++
	case vocab.ItemClosed:
		c.closed++
	default:
		if Overdue(it.Due, today) {
			c.overdue++
		} else if !it.Due.IsZero() && it.Due <= soon {
			c.dueSoon++
		}
	}
}

// Compute works out the ledger of d on today: every round of d, or only
// the round named by only when it is not empty.
func Compute(d *Data, set Settings, today civil.Date, only string) Report {
	set = set.Normalized()
	ix := newIndex(d)
	soon := today.AddDays(set.DueSoonDays)
	rep := Report{Today: Text(today), Rounds: []RoundFigure{}, Overdue: []OverdueRow{}}
	type key struct{ round, unit string }
	unitCounts := make(map[key]*counts)
	roundCounts := make(map[string]*counts)
	for i := range d.Items {
		it := &d.Items[i]
		f := ix.findings[it.Finding]
		if f == nil || (only != "" && f.Round != only) {
			continue
		}
		k := key{f.Round, f.Unit}
		if unitCounts[k] == nil {
			unitCounts[k] = &counts{}
		}
		if roundCounts[f.Round] == nil {
			roundCounts[f.Round] = &counts{}
		}
		unitCounts[k].add(it, today, soon)
		roundCounts[f.Round].add(it, today, soon)
		if ItemOpen(it.State) && Overdue(it.Due, today) {
			rep.Overdue = append(rep.Overdue, OverdueRow{KindItem, it.Code, f.Unit, Text(it.Due), Days(it.Due, today)})
		}
	}
	findings := make(map[string][2]int) // round → findings, on the spot
	for _, f := range d.Findings {
		n := findings[f.Round]
		n[0]++
		if f.OnTheSpot {
			n[1]++
		}
		findings[f.Round] = n
	}
	clues := make(map[string][2]int) // round → clues, overdue
	for _, c := range d.Clues {
		if only != "" && c.Round != only {
			continue
		}
		n := clues[c.Round]
		n[0]++
		due := ClueDue(c.HandedOn, c.FeedbackDue, set.ClueMonths)
		if c.FeedbackOn.IsZero() && Overdue(due, today) {
			n[1]++
			if d.ClueRows {
				rep.Overdue = append(rep.Overdue, OverdueRow{KindClue, c.Code, c.Unit, Text(due), Days(due, today)})
			}
		}
		clues[c.Round] = n
	}
	for _, r := range sortedRounds(d) {
		if only != "" && r.Code != only {
			continue
		}
		rc := roundCounts[r.Code]
		if rc == nil {
			rc = &counts{}
		}
		rf := RoundFigure{Round: r.Code, Findings: findings[r.Code][0], OnTheSpot: findings[r.Code][1],
			Items: rc.items, Done: rc.done, Closed: rc.closed, Overdue: rc.overdue, DueSoon: rc.dueSoon,
			Rate: Rate(rc.done+rc.closed, rc.items), Clues: clues[r.Code][0], CluesOverdue: clues[r.Code][1],
			Units: []UnitFigure{}}
		for _, tu := range teamUnits(r) {
			uc := unitCounts[key{r.Code, tu.unit}]
			if uc == nil {
				uc = &counts{}
			}
			rp := ix.report(r.Code, tu.team, tu.unit, set, today)
			rf.Units = append(rf.Units, UnitFigure{Unit: tu.unit, Items: uc.items, Done: uc.done, Closed: uc.closed,
				Overdue: uc.overdue, Rate: Rate(uc.done+uc.closed, uc.items), ReportDue: Text(rp.Due),
				ReportReceived: Text(rp.Received), ReportOverdue: rp.Overdue})
			if rp.Overdue {
				rep.Overdue = append(rep.Overdue, OverdueRow{KindReport, "", tu.unit, Text(rp.Due), Days(rp.Due, today)})
			}
		}
		rep.Rounds = append(rep.Rounds, rf)
	}
	sortOverdue(rep.Overdue)
	return rep
}

// teamUnit is a unit of a round with the team that inspects it.
type teamUnit struct{ team, unit string }

// teamUnits lists the units the round's teams inspect, by unit code.
func teamUnits(r Round) []teamUnit {
	var out []teamUnit
	for _, t := range r.Teams {
		for _, u := range t.Units {
			out = append(out, teamUnit{t.Name, u.Code})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].unit < out[j].unit })
	return out
}

// sortOverdue orders the list by kind (整改, 线索, 整改报告), due date, code,
// then unit.
func sortOverdue(rows []OverdueRow) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Kind != b.Kind {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Unit < b.Unit
	})
}
