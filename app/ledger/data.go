package ledger

import (
	"sort"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// Data is what the ledger is computed over: the rounds with their teams
// and units, and the results rows.
type Data struct {
	Rounds     []Round // sorted by code
	Milestones []Milestone
	Findings   []Finding
	Items      []Item
	Clues      []Clue
	// ClueRows is false when the reader may see clue counts only (SPEC
	// §9.2): Clues then still holds the clues, to be counted, but no list
	// names them.
	ClueRows bool
}

// Round is a round with the teams it sent.
type Round struct {
	Code, Name string
	Teams      []Team // sorted by name
}

// Team is a team with the units it inspects.
type Team struct {
	Name  string
	Units []Unit // sorted by code
}

// Unit is a unit a team inspects.
type Unit struct {
	Code, Name, County string
}

// Milestone is a dated step (节点): of one unit of a team, of a whole
// team (Unit ""), or of every team of the round (Team "").
type Milestone struct {
	Round, Team, Unit, Kind string
	Date                    civil.Date
	Recorder                string
}

// Finding is a problem found in a unit.
type Finding struct {
	Code, Round, Team, Unit, Category string
	OnTheSpot                         bool
}

// Item is a rectification item; Finding names the finding it answers.
type Item struct {
	Code, Finding, Dept, Owner, State, Measure string
	Due, DoneOn                                civil.Date
}

// Clue is a clue hand-over, by its dates only.
type Clue struct {
	Code, Round, Team, Unit, Receiver string
	HandedOn, FeedbackDue, FeedbackOn civil.Date
}

// index finds milestones and findings fast.
type index struct {
	ms       map[msKey]civil.Date
	findings map[string]*Finding
}

type msKey struct{ round, team, unit, kind string }

func newIndex(d *Data) *index {
	ix := &index{ms: make(map[msKey]civil.Date, len(d.Milestones)), findings: make(map[string]*Finding, len(d.Findings))}
	for _, m := range d.Milestones {
		ix.ms[msKey{m.Round, m.Team, m.Unit, m.Kind}] = m.Date
	}
	for i := range d.Findings {
		ix.findings[d.Findings[i].Code] = &d.Findings[i]
	}
	return ix
}

// milestone is the date of step kind for unit of team in round: the
// unit's own, else the team's, else the round's; zero when not recorded.
func (ix *index) milestone(round, team, unit, kind string) civil.Date {
	if d, ok := ix.ms[msKey{round, team, unit, kind}]; ok {
		return d
	}
	if unit != "" {
		if d, ok := ix.ms[msKey{round, team, "", kind}]; ok {
			return d
		}
	}
	if team != "" {
		return ix.ms[msKey{round, "", "", kind}]
	}
	return 0
}

// UnitReport is where a unit stands with its rectification report.
type UnitReport struct {
	Due, Received civil.Date
	Overdue       bool
}

// report works out a unit's 整改报告: due ReportMonths after its 反馈.
func (ix *index) report(round, team, unit string, set Settings, today civil.Date) UnitReport {
	r := UnitReport{
		Due:      AddMonths(ix.milestone(round, team, unit, vocab.MsFeedback), set.ReportMonths),
		Received: ix.milestone(round, team, unit, vocab.MsRectifyReport),
	}
	r.Overdue = r.Received.IsZero() && Overdue(r.Due, today)
	return r
}

// Lookup finds the milestones of a data set as the ledger resolves them.
type Lookup struct{ ix *index }

// NewLookup indexes d's milestones and findings.
func NewLookup(d *Data) Lookup { return Lookup{newIndex(d)} }

// Milestone is the date of step kind for unit of team in round: the
// unit's own, else the team's, else the round's; zero when not recorded.
func (l Lookup) Milestone(round, team, unit, kind string) civil.Date {
	return l.ix.milestone(round, team, unit, kind)
}

// sortedRounds returns d's rounds sorted by code, their teams by name and
// units by code.
func sortedRounds(d *Data) []Round {
	rs := append([]Round(nil), d.Rounds...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].Code < rs[j].Code })
	return rs
}
