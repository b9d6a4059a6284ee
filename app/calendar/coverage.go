package calendar

import (
	"fmt"
	"sort"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Unit states in a term's coverage.
const (
	StateCovered = "已覆盖" // on a team whose on-site stage has ended (today > 进驻结束)
	StatePlanned = "已计划" // on a team of the term whose on-site stage has not ended
	StateOpen    = "未安排" // on no team of the term
)

// Counts are the coverage figures of a group of units. Every required unit
// is in exactly one of Covered, Planned and Open.
type Counts struct {
	Total   int `json:"total"`
	Covered int `json:"covered"`
	Planned int `json:"planned"`
	Open    int `json:"open"`
}

// Percent returns the covered share in percent (0 for no units).
func (n Counts) Percent() float64 {
	if n.Total == 0 {
		return 0
	}
	return float64(n.Covered) * 100 / float64(n.Total)
}

func (n *Counts) add(state string) {
	n.Total++
	switch state {
	case StateCovered:
		n.Covered++
	case StatePlanned:
		n.Planned++
	default:
		n.Open++
	}
}

// CategoryCounts are the counts of one unit category.
type CategoryCounts struct {
	Category string `json:"category"`
	Counts
}

// CountyCounts are the counts of one county, with its categories.
type CountyCounts struct {
	County string `json:"county"`
	Name   string `json:"name"`
	Counts
	ByCategory []CategoryCounts `json:"by_category"`
}

// UnitState is where one required unit stands: which round and team cover
// it or plan to (the first one in round order).
type UnitState struct {
	Unit, Name, County, Category string
	State                        string // StateCovered, StatePlanned or StateOpen
	Round, Team                  string // "" when open
	OnsiteStart, OnsiteEnd       civil.Date
}

// Coverage is a term's coverage on one day (全覆盖).
type Coverage struct {
	Term  string
	Today civil.Date
	Counts
	ByCategory []CategoryCounts // categories with units, in display order
	ByCounty   []CountyCounts   // counties with units, in code order
	BySector   []SectorCounts   // 领域 with units, in display order (SPEC §8.2)
	Units      []UnitState      // every required unit, in code order
	Pace       Pace
}

// OpenUnits returns the required units on no team of the term, in code order.
func (cv *Coverage) OpenUnits() []UnitState {
	var out []UnitState
	for _, u := range cv.Units {
		if u.State == StateOpen {
			out = append(out, u)
		}
	}
	return out
}

// Cell returns the counts of one county and category (zero when none).
func (cv *Coverage) Cell(county, category string) Counts {
	for _, c := range cv.ByCounty {
		if c.County != county {
			continue
		}
		for _, k := range c.ByCategory {
			if k.Category == category {
				return k.Counts
			}
		}
	}
	return Counts{}
}

// errNoTerm is the message for a term code that names nothing.
func errNoTerm(code string) error { return fmt.Errorf("届期 %s 不存在", code) }

// Coverage returns the coverage of term on day today. A unit is covered
// when a team of a round of the term inspects it and today is after that
// team's 进驻结束 (the on-site stage has ended); planned when it is on a
// team of the term whose on-site stage has not ended (or has no dates);
// open otherwise. Only the units the term must cover (its scope) count,
// and only the rounds whose 巡察类型 counts toward coverage (settings).
func (c *Calendar) Coverage(term string, today civil.Date) (Coverage, error) {
	t := c.Term(term)
	if t == nil {
		return Coverage{}, errNoTerm(term)
	}
	rounds := c.Rounds(term)
	states := c.unitStates(rounds, today)
	required := c.Required(t)
	cv := Coverage{Term: term, Today: today}
	cats := categoryOrder(required)
	byCat := make(map[string]*Counts)
	type cell struct{ county, category string }
	byCell := make(map[cell]*Counts)
	byCounty := make(map[string]*Counts)
	for _, u := range required {
		st, ok := states[u.Code]
		if !ok {
			st = UnitState{State: StateOpen}
		}
		st.Unit, st.Name, st.County, st.Category = u.Code, u.Name, u.County, u.Category
		cv.Units = append(cv.Units, st)
		cv.Counts.add(st.State)
		slot(byCat, u.Category).add(st.State)
		slot(byCounty, u.County).add(st.State)
		slot(byCell, cell{u.County, u.Category}).add(st.State)
	}
	for _, k := range cats {
		if n := byCat[k]; n != nil {
			cv.ByCategory = append(cv.ByCategory, CategoryCounts{k, *n})
		}
	}
	for _, co := range countyOrder(c.snap, required) {
		cc := CountyCounts{County: co, Name: c.snap.CountyName(co), Counts: *byCounty[co]}
		for _, k := range cats {
			if n := byCell[cell{co, k}]; n != nil {
				cc.ByCategory = append(cc.ByCategory, CategoryCounts{k, *n})
			}
		}
		cv.ByCounty = append(cv.ByCounty, cc)
	}
	cv.BySector = c.bySector(cv.Units, required)
	cv.Pace = c.pace(t, c.covering(rounds), cv.Counts, today)
	return cv, nil
}

// covering returns the rounds whose 巡察类型 counts toward coverage.
func (c *Calendar) covering(rounds []*snap.Round) []*snap.Round {
	var out []*snap.Round
	for _, r := range rounds {
		if c.set.Covers(r.Type) {
			out = append(out, r)
		}
	}
	return out
}

// slot returns m[k], creating the counts on first use.
func slot[K comparable](m map[K]*Counts, k K) *Counts {
	if m[k] == nil {
		m[k] = &Counts{}
	}
	return m[k]
}

// countyOrder returns the counties of units: the snapshot's counties in
// code order first, then unknown codes sorted.
func countyOrder(s *snap.Snapshot, units []*snap.Unit) []string {
	have := make(map[string]bool)
	for _, u := range units {
		have[u.County] = true
	}
	var out []string
	for _, co := range s.Counties {
		if have[co.Code] {
			out = append(out, co.Code)
			delete(have, co.Code)
		}
	}
	var rest []string
	for _, u := range units {
		if have[u.County] {
			rest = append(rest, u.County)
			delete(have, u.County)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// unitStates returns, per unit on a team of the rounds that count toward
// coverage (their 巡察类型, SPEC §8.1), its state: covered by the first
// team (in round order) whose on-site stage ended before today, else
// planned by the first team that has it.
func (c *Calendar) unitStates(rounds []*snap.Round, today civil.Date) map[string]UnitState {
	out := make(map[string]UnitState)
	for _, tr := range roundTeams(c.covering(rounds)) {
		on := c.teamOnsite(tr.round, tr.team)
		state := StatePlanned
		if !on.End.IsZero() && on.End < today {
			state = StateCovered
		}
		for _, tu := range tr.team.Units {
			old, seen := out[tu.Unit]
			if seen && (old.State == StateCovered || state == StatePlanned) {
				continue
			}
			out[tu.Unit] = UnitState{State: state, Round: tr.round.Code, Team: tr.team.Name, OnsiteStart: on.Start, OnsiteEnd: on.End}
		}
	}
	return out
}
