package calendar

import (
	"fmt"
	"sort"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// The kinds of plan warning (SPEC §8.2), in the order Plan lists them.
const (
	PlanPassed     = "计划年度已过未巡察" // a unit whose planned year has passed and that is not covered
	PlanUnplannedA = "A级单位未列入计划" // an A-grade unit with no place in the plan and on no team
	PlanOverYear   = "年度计划超出承载"  // a year planned beyond what its rounds can carry at the current pace
	PlanOutside    = "计划超出范围"    // a plan row of a unit the term need not cover, or of a year outside the term
)

// PlanKinds lists the kinds of plan warning in order.
var PlanKinds = []string{PlanPassed, PlanUnplannedA, PlanOverYear, PlanOutside}

// PlanUnit is one unit the term must cover, with its place in the plan
// and where it stands: the coverage state and, when a team has it, the
// year that team goes on site (ActualYear).
type PlanUnit struct {
	Unit, Name, County, Category string
	Sectors                      []string
	Priority                     string
	Year, RoundNo                int // the plan; 0: not planned
	Note                         string
	State                        string // StateCovered, StatePlanned, StateOpen
	Round, Team                  string
	ActualYear                   int
}

// PlanYear is one year of the term in the plan: the units planned for it,
// of those the ones covered (Done) and the ones whose year has passed
// uncovered (Passed), the units covered or on a team that goes on site
// in it (Actual), the rounds it carries and what they can cover at the
// current pace (Capacity, -1 when the pace is unknown; only from this
// year on). Open is the planned units not yet covered.
type PlanYear struct {
	Year     int `json:"year"`
	Planned  int `json:"planned"`
	Done     int `json:"done"`
	Open     int `json:"open"`
	Passed   int `json:"passed"`
	Actual   int `json:"actual"`
	Rounds   int `json:"rounds"`
	Capacity int `json:"capacity"`
}

// PlanWarning is one warning of the plan, with a Chinese sentence.
type PlanWarning struct {
	Kind    string `json:"kind"`
	Unit    string `json:"unit"`
	Year    int    `json:"year"`
	Message string `json:"message"`
}

// Plan is a term's plan (巡察规划) on one day: its years, every unit the
// term must cover with its place in the plan, the plan against what was
// done, year by year, and the warnings.
//
// The current pace is the pace warning's (see Pace): the units covered
// per completed round (or, before any, planned per round with units), and
// the spacing of on-site starts so far (or the default cycle). A year
// carries the term's rounds not yet ended that start in it, and the
// rounds the pace warning still expects in it: one every SpacingDays
// after the last on-site start, none before today plus the preparation
// days, each ending its on-site stage within the term. Its capacity is
// PerRound × those rounds; a year from this one on whose planned, not yet
// covered units exceed it is warned about.
type Plan struct {
	Term        string
	Today       civil.Date
	Years       []int
	Units       []PlanUnit // the required units, in code order
	ByYear      []PlanYear
	Unplanned   int // required units with no place in the plan
	PerRound    float64
	SpacingDays int
	Warnings    []PlanWarning
}

// Plan returns the plan of term on day today.
func (c *Calendar) Plan(term string, today civil.Date) (Plan, error) {
	cv, err := c.Coverage(term, today)
	if err != nil {
		return Plan{}, err
	}
	return c.planOf(&cv), nil
}

// planOf is Plan over the term's coverage cv.
func (c *Calendar) planOf(cv *Coverage) Plan {
	term, today := cv.Term, cv.Today
	t := c.Term(term)
	p := Plan{Term: term, Today: today, PerRound: cv.Pace.PerRound, SpacingDays: cv.Pace.SpacingDays}
	for y := t.Start.Year(); y <= t.End.Year() && y-t.Start.Year() < 50; y++ {
		p.Years = append(p.Years, y)
	}
	planned := make(map[string]*snap.Plan)
	for i := range c.snap.Plans {
		if x := &c.snap.Plans[i]; x.Term == term {
			planned[x.Unit] = x
		}
	}
	byYear := make(map[int]*PlanYear, len(p.Years))
	for _, y := range p.Years {
		p.ByYear = append(p.ByYear, PlanYear{Year: y, Capacity: -1})
	}
	for i := range p.ByYear {
		byYear[p.ByYear[i].Year] = &p.ByYear[i]
	}
	required := make(map[string]bool, len(cv.Units))
	var passed, unplannedA []PlanWarning
	for _, st := range cv.Units {
		u := c.snap.Unit(st.Unit)
		pu := PlanUnit{Unit: st.Unit, Name: st.Name, County: st.County, Category: st.Category, Sectors: u.Sectors,
			Priority: u.Priority, State: st.State, Round: st.Round, Team: st.Team}
		required[st.Unit] = true
		if !st.OnsiteStart.IsZero() {
			pu.ActualYear = st.OnsiteStart.Year()
			if y := byYear[pu.ActualYear]; y != nil {
				y.Actual++
			}
		}
		if x := planned[st.Unit]; x != nil {
			pu.Year, pu.RoundNo, pu.Note = x.Year, x.RoundNo, x.Note
			if y := byYear[x.Year]; y != nil {
				y.Planned++
				switch {
				case st.State == StateCovered:
					y.Done++
				case x.Year < today.Year():
					y.Open++
					y.Passed++
					passed = append(passed, PlanWarning{PlanPassed, st.Unit, x.Year, passedText(&pu)})
				default:
					y.Open++
				}
			}
		} else {
			p.Unplanned++
			if pu.Priority == "A" && st.State == StateOpen {
				unplannedA = append(unplannedA, PlanWarning{PlanUnplannedA, st.Unit, 0,
					fmt.Sprintf("%s（%s）为A级重点单位，尚未列入巡察规划，也未编入本届期的巡察组", pu.Name, pu.Unit)})
			}
		}
		p.Units = append(p.Units, pu)
	}
	over := c.carry(&p, t, cv.Pace, today)
	p.Warnings = append(append(append(passed, unplannedA...), over...), c.outside(term, t, required)...)
	return p
}

// passedText explains a unit whose planned year passed uncovered.
func passedText(u *PlanUnit) string {
	s := fmt.Sprintf("%s（%s）计划于%d年巡察，该年度已过仍未完成巡察", u.Name, u.Unit, u.Year)
	if u.State == StatePlanned {
		s += fmt.Sprintf("（已编入%s%s）", u.Round, u.Team)
	}
	return s
}

// carry works out the rounds each year from this one on carries and what
// they can cover at the current pace, and warns about the years planned
// beyond it.
func (c *Calendar) carry(p *Plan, t *snap.Term, pace Pace, today civil.Date) []PlanWarning {
	rounds := make(map[int]int)
	var last civil.Date
	for _, r := range c.covering(c.Rounds(t.Code)) {
		s := c.Schedule(r)
		if !s.Known() {
			continue
		}
		if s.Dates.OnsiteStart > last {
			last = s.Dates.OnsiteStart
		}
		if s.Dates.OnsiteEnd >= today {
			rounds[s.Dates.OnsiteStart.Year()]++
		}
	}
	spacing := max(pace.SpacingDays, 1)
	next := today.AddDays(c.set.PrepDays)
	if !last.IsZero() && last.AddDays(spacing) > next {
		next = last.AddDays(spacing)
	}
	for ; next.AddDays(c.set.OnsiteDays-1) <= t.End; next = next.AddDays(spacing) {
		rounds[next.Year()]++
	}
	var out []PlanWarning
	for i := range p.ByYear {
		y := &p.ByYear[i]
		if y.Year < today.Year() {
			continue
		}
		y.Rounds = rounds[y.Year]
		if pace.PerRound <= 0 {
			continue
		}
		y.Capacity = int(pace.PerRound * float64(y.Rounds))
		if y.Open > y.Capacity {
			out = append(out, PlanWarning{PlanOverYear, "", y.Year, fmt.Sprintf(
				"%d年计划巡察%d个单位（尚未完成%d个），按目前进度（平均每轮%.1f个单位，每%d天一轮）该年约有%d轮、可承载%d个单位",
				y.Year, y.Planned, y.Open, pace.PerRound, spacing, y.Rounds, y.Capacity)})
		}
	}
	return out
}

// outside warns about the plan rows of term for units the term need not
// cover, or for a year outside the term.
func (c *Calendar) outside(term string, t *snap.Term, required map[string]bool) []PlanWarning {
	var out []PlanWarning
	for _, x := range c.snap.Plans {
		if x.Term != term {
			continue
		}
		switch {
		case !required[x.Unit]:
			out = append(out, PlanWarning{PlanOutside, x.Unit, x.Year,
				fmt.Sprintf("%s（%s）不在届期%s的覆盖范围内，却列入了巡察规划", c.snap.UnitName(x.Unit), x.Unit, term)})
		case x.Year < t.Start.Year() || x.Year > t.End.Year():
			out = append(out, PlanWarning{PlanOutside, x.Unit, x.Year,
				fmt.Sprintf("%s（%s）的计划年度%d年不在届期（%d—%d年）之内", c.snap.UnitName(x.Unit), x.Unit, x.Year, t.Start.Year(), t.End.Year())})
		}
	}
	return out
}

// Plan comparison states (SPEC §8.2: a county's plan against the city's).
const (
	DiffSame  = "一致"
	DiffYear  = "年度不同"
	DiffRound = "轮次不同"
	DiffOnlyA = "仅本届期规划"
	DiffOnlyB = "仅对照届期规划"
)

// PlanDiff is one unit in two plans.
type PlanDiff struct {
	Unit, Name, County string
	YearA, RoundA      int // 0: not in plan A
	YearB, RoundB      int
	State              string
}

// ComparePlans compares the plan of term a with that of term b unit by
// unit (a county's own term plan with the city's term plan, both in one
// database): every unit of jurisdiction county ("" any) in either plan,
// in unit code order.
func (c *Calendar) ComparePlans(a, b, county string) ([]PlanDiff, error) {
	for _, code := range []string{a, b} {
		if c.Term(code) == nil {
			return nil, errNoTerm(code)
		}
	}
	type pair struct{ a, b *snap.Plan }
	m := make(map[string]*pair)
	var codes []string
	for i := range c.snap.Plans {
		x := &c.snap.Plans[i]
		if x.Term != a && x.Term != b {
			continue
		}
		u := c.snap.Unit(x.Unit)
		if county != "" && (u == nil || u.County != county) {
			continue
		}
		pr := m[x.Unit]
		if pr == nil {
			pr = &pair{}
			m[x.Unit] = pr
			codes = append(codes, x.Unit)
		}
		if x.Term == a {
			pr.a = x
		} else {
			pr.b = x
		}
	}
	sort.Strings(codes)
	out := make([]PlanDiff, 0, len(codes))
	for _, code := range codes {
		pr := m[code]
		d := PlanDiff{Unit: code, Name: c.snap.UnitName(code)}
		if u := c.snap.Unit(code); u != nil {
			d.County = u.County
		}
		if pr.a != nil {
			d.YearA, d.RoundA = pr.a.Year, pr.a.RoundNo
		}
		if pr.b != nil {
			d.YearB, d.RoundB = pr.b.Year, pr.b.RoundNo
		}
		switch {
		case pr.b == nil:
			d.State = DiffOnlyA
		case pr.a == nil:
			d.State = DiffOnlyB
		case d.YearA != d.YearB:
			d.State = DiffYear
		case d.RoundA != 0 && d.RoundB != 0 && d.RoundA != d.RoundB:
			d.State = DiffRound
		default:
			d.State = DiffSame
		}
		out = append(out, d)
	}
	return out, nil
}
