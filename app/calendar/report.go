package calendar

import (
	"xuncha/app/civil"
)

// Report is what `xuncha calendar --json` writes: a term's coverage, each
// round with its stage dates and status, the conflicts and the pace
// warning; and (Part II, SPEC §8) the 巡察类型 that count toward coverage,
// the groups of linked rounds, the 板块 view and the plan with its
// warnings. Slices are never null; field order is fixed, so the same
// snapshot, settings and day give byte-identical JSON.
type Report struct {
	Term          string           `json:"term"`
	TermName      string           `json:"term_name"`
	Start         civil.Date       `json:"start"`
	End           civil.Date       `json:"end"`
	Today         civil.Date       `json:"today"`
	Coverage      ReportCoverage   `json:"coverage"`
	Rounds        []ReportRound    `json:"rounds"`
	Conflicts     []ReportConflict `json:"conflicts"`
	PaceWarning   string           `json:"pace_warning"` // "" when the pace is enough
	CoverageKinds []string         `json:"coverage_kinds"`
	Linked        []ReportLink     `json:"linked"`
	Sectors       []ReportSector   `json:"sectors"`
	Plan          ReportPlan       `json:"plan"`
}

// ReportLink is a group of linked rounds (上下联动) in a Report: their
// codes, and whether every pair's on-site periods overlap.
type ReportLink struct {
	Rounds  []string `json:"rounds"`
	Overlap bool     `json:"overlap"`
}

// ReportSector is one 领域 of the 板块 view in a Report.
type ReportSector struct {
	Sector string              `json:"sector"`
	Rounds []ReportSectorRound `json:"rounds"`
}

// ReportSectorRound is what one round did in one 领域.
type ReportSectorRound struct {
	Round    string   `json:"round"`
	Units    int      `json:"units"`
	Counties []string `json:"counties"`
}

// ReportPlan is the plan of the term in a Report: the units planned and
// not, year by year, and the warnings.
type ReportPlan struct {
	Planned   int           `json:"planned"`
	Unplanned int           `json:"unplanned"`
	PerRound  float64       `json:"per_round"`
	ByYear    []PlanYear    `json:"by_year"`
	Warnings  []PlanWarning `json:"warnings"`
}

// ReportJoint is a round's 巡审联动 requirement in a Report.
type ReportJoint struct {
	Units      []string `json:"units"`
	Categories []string `json:"categories"`
}

// ReportCoverage is the coverage part of a Report.
type ReportCoverage struct {
	Counts
	ByCategory []CategoryCounts `json:"by_category"`
	ByCounty   []CountyCounts   `json:"by_county"`
	OpenUnits  []ReportUnit     `json:"open_units"`
	BySector   []SectorCounts   `json:"by_sector"`
}

// ReportUnit is an open unit in a Report.
type ReportUnit struct {
	Unit     string `json:"unit"`
	Name     string `json:"name"`
	County   string `json:"county"`
	Category string `json:"category"`
}

// ReportSpan is a stage's dates; Estimated marks dates from the defaults.
type ReportSpan struct {
	Start     civil.Date `json:"start"`
	End       civil.Date `json:"end"`
	Estimated bool       `json:"estimated,omitempty"`
}

// ReportStages are a round's six stages under their Chinese names, in order.
type ReportStages struct {
	Prep     ReportSpan `json:"准备"`
	Onsite   ReportSpan `json:"进驻"`
	Report   ReportSpan `json:"报告"`
	Feedback ReportSpan `json:"反馈"`
	Rectify  ReportSpan `json:"整改"`
	Check    ReportSpan `json:"督查验收"`
}

// ReportTeam is a team of a round in a Report.
type ReportTeam struct {
	Team    string     `json:"team"`
	County  string     `json:"county"`
	Units   []string   `json:"units"`
	Onsite  ReportSpan `json:"onsite"`
	Members int        `json:"members"`
}

// ReportRound is a round in a Report.
type ReportRound struct {
	Code   string       `json:"code"`
	Name   string       `json:"name"`
	Number int          `json:"number"`
	Type   string       `json:"type"`
	Mode   string       `json:"mode"`
	Stages ReportStages `json:"stages"`
	Status Status       `json:"status"`
	Teams  []ReportTeam `json:"teams"`
	Level  string       `json:"level"`
	Links  []string     `json:"links"`
	Joint  *ReportJoint `json:"joint,omitempty"`
}

// ReportConflict is a conflict in a Report.
type ReportConflict struct {
	Kind    string `json:"kind"`
	Round   string `json:"round"`
	Team    string `json:"team"`
	Person  string `json:"person"`
	Unit    string `json:"unit"`
	Message string `json:"message"`
}

func reportSpan(s Span) ReportSpan { return ReportSpan{s.Start, s.End, s.Estimated} }

// Report builds the report of term on day today.
func (c *Calendar) Report(term string, today civil.Date) (Report, error) {
	cv, err := c.Coverage(term, today)
	if err != nil {
		return Report{}, err
	}
	cs, err := c.Conflicts(term)
	if err != nil {
		return Report{}, err
	}
	t := c.Term(term)
	rep := Report{Term: t.Code, TermName: t.Name, Start: t.Start, End: t.End, Today: today,
		Rounds: []ReportRound{}, Conflicts: []ReportConflict{}, CoverageKinds: nonNil(c.set.CoverageKinds)}
	rep.Coverage = ReportCoverage{Counts: cv.Counts, ByCategory: nonNil(cv.ByCategory), ByCounty: nonNil(cv.ByCounty), OpenUnits: []ReportUnit{},
		BySector: nonNil(cv.BySector)}
	for i := range rep.Coverage.ByCounty {
		rep.Coverage.ByCounty[i].ByCategory = nonNil(rep.Coverage.ByCounty[i].ByCategory)
	}
	for _, u := range cv.OpenUnits() {
		rep.Coverage.OpenUnits = append(rep.Coverage.OpenUnits, ReportUnit{u.Unit, u.Name, u.County, u.Category})
	}
	if cv.Pace.Warn {
		rep.PaceWarning = cv.Pace.Message
	}
	for _, r := range c.Rounds(term) {
		s := c.Schedule(r)
		rr := ReportRound{Code: r.Code, Name: r.Name, Number: r.Number, Type: r.Type, Mode: r.Mode,
			Status: s.Status(today), Teams: []ReportTeam{}, Level: r.Level, Links: nonNil(r.Links)}
		if r.Joint.Set() {
			rr.Joint = &ReportJoint{Units: nonNil(r.Joint.Units), Categories: nonNil(r.Joint.Categories)}
		}
		if sp := s.Spans(); sp != nil {
			rr.Stages = ReportStages{reportSpan(sp[StagePrep]), reportSpan(sp[StageOnsite]), reportSpan(sp[StageReport]),
				reportSpan(sp[StageFeedback]), reportSpan(sp[StageRectify]), reportSpan(sp[StageCheck])}
		}
		for i := range r.Teams {
			tm := &r.Teams[i]
			units := tm.UnitCodes()
			rr.Teams = append(rr.Teams, ReportTeam{Team: tm.Name, County: tm.County, Units: units,
				Onsite: reportSpan(c.teamOnsite(r, tm)), Members: len(tm.Members)})
		}
		rep.Rounds = append(rep.Rounds, rr)
	}
	for _, x := range cs {
		rep.Conflicts = append(rep.Conflicts, ReportConflict{x.Kind, x.Round, x.Team, x.Person, x.Unit, x.Message})
	}
	c.reportCity(&rep, &cv)
	return rep, nil
}

// reportCity fills the parts of Part II: the linked rounds, the 板块 view
// and the plan, over the term's coverage cv.
func (c *Calendar) reportCity(rep *Report, cv *Coverage) {
	rep.Linked = []ReportLink{}
	for _, g := range c.Linked(rep.Term) {
		rep.Linked = append(rep.Linked, ReportLink{Rounds: g.Codes(), Overlap: len(g.Apart) == 0})
	}
	rep.Sectors = []ReportSector{}
	for _, v := range c.sectorViews(cv) {
		rs := ReportSector{Sector: v.Sector, Rounds: []ReportSectorRound{}}
		for _, r := range v.Rounds {
			rs.Rounds = append(rs.Rounds, ReportSectorRound{Round: r.Round, Units: r.Units, Counties: r.Counties})
		}
		rep.Sectors = append(rep.Sectors, rs)
	}
	p := c.planOf(cv)
	rep.Plan = ReportPlan{Planned: len(p.Units) - p.Unplanned, Unplanned: p.Unplanned, PerRound: p.PerRound,
		ByYear: nonNil(p.ByYear), Warnings: nonNil(p.Warnings)}
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
