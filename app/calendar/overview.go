package calendar

import (
	"xuncha/app/civil"
	"xuncha/app/snap"
)

// DefaultTeamSize is the members a team expects when the caller does not
// say: SPEC §5's default composition, 组长 + 副组长 + 专职工作人员 + 联络员 +
// 3 成员.
const DefaultTeamSize = 7

// OverviewOptions are what the overview needs from other capabilities.
type OverviewOptions struct {
	TeamSize int // members a full team has (the composition settings); 0: DefaultTeamSize
}

// RoundProgress is a round under way and the stage it is in.
type RoundProgress struct {
	Code, Name   string
	Status       Status
	Stage        Span // the stage today falls in
	DaysLeft     int  // days of the stage left, today included
	Teams, Units int
}

// TeamFill is a team of a round not yet completed and how full it is.
type TeamFill struct {
	Round, RoundName, Team, County string
	Units, Members, Expected       int
}

// Full reports whether the team has at least the expected members.
func (f TeamFill) Full() bool { return f.Members >= f.Expected }

// OverdueReport is a unit whose rectification report is overdue: its due
// day has passed and no received date is recorded.
type OverdueReport struct {
	Round, RoundName, Team string
	Unit, UnitName, County string
	Due                    civil.Date
	DaysOverdue            int
}

// Overview is the leaders' page (总览) of a term on one day.
type Overview struct {
	Term             string
	Today            civil.Date
	Coverage         Coverage
	InProgress       []RoundProgress // rounds with a stage today, round order
	Teams            []TeamFill      // teams of rounds not completed, round and team order
	PendingOverrides []snap.Override // overrides of the term's rounds awaiting approval
	Overdue          []OverdueReport // round, team, unit order
	Sectors          []SectorView    // the 板块 view (SPEC §8.2)
	Plan             Plan            // the plan against what was done
}

// Overview builds the leaders' page of term on day today.
func (c *Calendar) Overview(term string, today civil.Date, opt OverviewOptions) (Overview, error) {
	cv, err := c.Coverage(term, today)
	if err != nil {
		return Overview{}, err
	}
	if opt.TeamSize <= 0 {
		opt.TeamSize = DefaultTeamSize
	}
	ov := Overview{Term: term, Today: today, Coverage: cv, Overdue: c.Overdue(term, today),
		Sectors: c.sectorViews(&cv), Plan: c.planOf(&cv)}
	rounds := c.Rounds(term)
	inTerm := make(map[string]bool, len(rounds))
	for _, r := range rounds {
		inTerm[r.Code] = true
		s := c.Schedule(r)
		st := s.Status(today)
		units := 0
		for i := range r.Teams {
			units += len(r.Teams[i].Units)
		}
		if sp, ok := s.StageAt(today); ok {
			ov.InProgress = append(ov.InProgress, RoundProgress{Code: r.Code, Name: r.Name, Status: st, Stage: sp,
				DaysLeft: today.DaysUntil(sp.End) + 1, Teams: len(r.Teams), Units: units})
		}
		if st == Done {
			continue
		}
		for i := range r.Teams {
			t := &r.Teams[i]
			ov.Teams = append(ov.Teams, TeamFill{Round: r.Code, RoundName: r.Name, Team: t.Name, County: t.County,
				Units: len(t.Units), Members: len(t.Members), Expected: opt.TeamSize})
		}
	}
	for _, o := range c.snap.Overrides {
		if o.Pending() && inTerm[o.Round] {
			ov.PendingOverrides = append(ov.PendingOverrides, o)
		}
	}
	return ov, nil
}

// Overdue returns the units of term whose rectification report is overdue
// on day today: the due day is before today and no received date is
// recorded. The due day is the unit's from its 反馈 milestone (SPEC §9.3)
// when one is recorded, else the round's stages' (整改报告期限, or the
// feedback day plus the 整改 days) — and then only for rounds whose
// feedback day or due day is entered: an estimated feedback is no fact to
// chase a unit over.
func (c *Calendar) Overdue(term string, today civil.Date) []OverdueReport {
	var out []OverdueReport
	for _, tr := range roundTeams(c.Rounds(term)) {
		r := tr.round
		stage := civil.Date(0)
		if !r.FeedbackDate.IsZero() || !r.RectifyDue.IsZero() {
			stage = c.TeamSchedule(r, tr.team).Dates.RectifyDue
		}
		for _, tu := range tr.team.Units {
			due := tu.ReportDueOr(stage)
			if !tu.ReportReceived.IsZero() || due.IsZero() || due >= today {
				continue
			}
			u := c.snap.Unit(tu.Unit)
			county := ""
			if u != nil {
				county = u.County
			}
			out = append(out, OverdueReport{Round: r.Code, RoundName: r.Name, Team: tr.team.Name, Unit: tu.Unit,
				UnitName: c.snap.UnitName(tu.Unit), County: county, Due: due, DaysOverdue: due.DaysUntil(today)})
		}
	}
	return out
}
