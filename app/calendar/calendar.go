// Package calendar is the inspection calendar of 巡察统筹 (SPEC §3): the
// stages of each round and its status on a given day, the coverage of a
// term (全覆盖) with its pace warning, the conflicts of a term's plan, and
// the views the screens draw — a month, a timeline across the term, the
// leaders' overview — and the xlsx exports of a term's plan and a round's
// schedule.
//
// It is pure over a snap.Snapshot: it imports neither gorm nor Fyne, and
// never reads the clock — every function that depends on the day takes
// today as a parameter. Output order never depends on map order.
package calendar

import (
	"sort"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// Calendar answers calendar questions over one snapshot with one set of
// settings.
type Calendar struct {
	snap *snap.Snapshot
	set  Settings
}

// New returns the calendar of snapshot s (which must be indexed) with
// settings set.
func New(s *snap.Snapshot, set Settings) *Calendar {
	return &Calendar{snap: s, set: set.Normalized()}
}

// Settings returns the settings the calendar works with.
func (c *Calendar) Settings() Settings { return c.set }

// Snapshot returns the snapshot the calendar works on.
func (c *Calendar) Snapshot() *snap.Snapshot { return c.snap }

// Term returns the term with code code, or nil.
func (c *Calendar) Term(code string) *snap.Term {
	for i := range c.snap.Terms {
		if c.snap.Terms[i].Code == code {
			return &c.snap.Terms[i]
		}
	}
	return nil
}

// Rounds returns the rounds of term in snapshot order (number, then code).
func (c *Calendar) Rounds(term string) []*snap.Round {
	var out []*snap.Round
	for i := range c.snap.Rounds {
		if c.snap.Rounds[i].Term == term {
			out = append(out, &c.snap.Rounds[i])
		}
	}
	return out
}

// InScope reports whether unit u is one term t must cover: every unit when
// the term has no scope rules, else a unit that matches one of them.
func InScope(t *snap.Term, u *snap.Unit) bool {
	if len(t.Scope) == 0 {
		return true
	}
	for _, sc := range t.Scope {
		if (sc.County == "" || sc.County == u.County) && (sc.Category == "" || sc.Category == u.Category) {
			return true
		}
	}
	return false
}

// Required returns the units term t must cover, in code order.
func (c *Calendar) Required(t *snap.Term) []*snap.Unit {
	var out []*snap.Unit
	for i := range c.snap.Units {
		if InScope(t, &c.snap.Units[i]) {
			out = append(out, &c.snap.Units[i])
		}
	}
	return out
}

// categoryOrder returns the categories in display order: vocab.Categories first,
// then any other category met in units, sorted.
func categoryOrder(units []*snap.Unit) []string {
	out := append([]string(nil), vocab.Categories...)
	known := make(map[string]bool, len(out))
	for _, c := range out {
		known[c] = true
	}
	var extra []string
	for _, u := range units {
		if !known[u.Category] {
			known[u.Category] = true
			extra = append(extra, u.Category)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// teamRef names a team of a round.
type teamRef struct {
	round *snap.Round
	team  *snap.Team
}

// roundTeams returns the teams of the rounds, round by round in the order
// given, teams in their stored order (seq, then name).
func roundTeams(rounds []*snap.Round) []teamRef {
	var out []teamRef
	for _, r := range rounds {
		for i := range r.Teams {
			out = append(out, teamRef{r, &r.Teams[i]})
		}
	}
	return out
}

// CurrentTerm returns the code of the term that contains today; else of
// the latest term that started before today; else of the earliest term;
// "" when there is none. Screens and the headless face open on it.
func (c *Calendar) CurrentTerm(today civil.Date) string {
	best := -1
	for i, t := range c.snap.Terms {
		if t.Start <= today && today <= t.End {
			return t.Code
		}
		if t.Start <= today && (best < 0 || t.Start > c.snap.Terms[best].Start) {
			best = i
		}
	}
	if best >= 0 {
		return c.snap.Terms[best].Code
	}
	earliest := ""
	var start civil.Date
	for _, t := range c.snap.Terms {
		if earliest == "" || t.Start < start {
			earliest, start = t.Code, t.Start
		}
	}
	return earliest
}
