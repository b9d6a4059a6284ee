package calendar

import (
	"fmt"
	"sort"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Conflict kinds, in the order Conflicts lists them.
const (
	KindStageOrder    = "阶段日期顺序错误" // a stage date before the one it follows
	KindBeyondTerm    = "超出届期"     // an on-site stage starting before the term or ending after it
	KindMixedCounties = "跨县编组"     // a team whose units lie in more than one county
	KindUnitTwoTeams  = "单位重复编组"   // a unit on two teams of one round
	KindUnitTwice     = "届期内重复巡察"  // a unit inspected in two rounds of one term
	KindPersonOverlap = "人员进驻时间重叠" // a person on two teams whose on-site dates overlap
)

// Kinds lists the conflict kinds in order (KindLinkApart last: linked
// rounds whose on-site periods do not overlap).
var Kinds = []string{KindStageOrder, KindBeyondTerm, KindMixedCounties, KindUnitTwoTeams, KindUnitTwice, KindPersonOverlap, KindLinkApart}

// Conflict is one problem in a term's plan. Round and Team name where it
// is (codes / team name); OtherRound and OtherTeam the other side of a
// pair (two teams, two rounds).
type Conflict struct {
	Kind                  string
	Round, Team           string
	Person, Unit          string
	OtherRound, OtherTeam string
	Message               string // a Chinese sentence naming the evidence
}

// Conflicts returns the conflicts of term's plan, kind by kind (Kinds
// order), each kind in round, team, unit and person order. A clean plan has
// none. The on-site stage is what must fall inside the term; the later
// stages may run past its end.
func (c *Calendar) Conflicts(term string) ([]Conflict, error) {
	t := c.Term(term)
	if t == nil {
		return nil, errNoTerm(term)
	}
	rounds := c.Rounds(term)
	var out []Conflict
	for _, r := range rounds {
		out = append(out, stageOrder(r)...)
	}
	for _, r := range rounds {
		out = append(out, c.beyondTerm(t, r)...)
	}
	out = append(out, c.mixedCounties(rounds)...)
	out = append(out, c.unitTwoTeams(rounds)...)
	out = append(out, c.unitTwice(rounds)...)
	out = append(out, c.personOverlap(rounds)...)
	out = append(out, c.linkApart(term)...)
	return out, nil
}

// label names a round in messages: its name, else its code.
func label(r *snap.Round) string {
	if r.Name != "" {
		return r.Name
	}
	return "轮次" + r.Code
}

func stageOrder(r *snap.Round) []Conflict {
	type named struct {
		name string
		d    civil.Date
	}
	dates := []named{{"准备开始", r.PrepStart}, {"进驻开始", r.OnsiteStart}, {"进驻结束", r.OnsiteEnd}, {"报告结束", r.ReportEnd},
		{"反馈日期", r.FeedbackDate}, {"整改报告期限", r.RectifyDue}, {"督查验收日期", r.CheckDate}}
	var out []Conflict
	var prev named
	for _, d := range dates {
		if d.d.IsZero() {
			continue
		}
		if !prev.d.IsZero() && d.d < prev.d {
			out = append(out, Conflict{Kind: KindStageOrder, Round: r.Code,
				Message: fmt.Sprintf("%s：%s（%s）早于%s（%s）", label(r), d.name, d.d, prev.name, prev.d)})
		}
		prev = d
	}
	for i := range r.Teams {
		tm := &r.Teams[i]
		if !tm.OnsiteStart.IsZero() && !tm.OnsiteEnd.IsZero() && tm.OnsiteEnd < tm.OnsiteStart {
			out = append(out, Conflict{Kind: KindStageOrder, Round: r.Code, Team: tm.Name,
				Message: fmt.Sprintf("%s%s：进驻结束（%s）早于进驻开始（%s）", label(r), tm.Name, tm.OnsiteEnd, tm.OnsiteStart)})
		}
	}
	return out
}

func (c *Calendar) beyondTerm(t *snap.Term, r *snap.Round) []Conflict {
	var out []Conflict
	check := func(team string, on Span) {
		who := label(r) + team
		if !on.Start.IsZero() && !t.Start.IsZero() && on.Start < t.Start {
			out = append(out, Conflict{Kind: KindBeyondTerm, Round: r.Code, Team: team,
				Message: fmt.Sprintf("%s进驻开始（%s）早于届期开始（%s）", who, on.Start, t.Start)})
		}
		if !on.End.IsZero() && !t.End.IsZero() && on.End > t.End {
			out = append(out, Conflict{Kind: KindBeyondTerm, Round: r.Code, Team: team,
				Message: fmt.Sprintf("%s进驻结束（%s）晚于届期结束（%s），跨越届期末", who, on.End, t.End)})
		}
	}
	round := c.Schedule(r).Span(StageOnsite)
	check("", round)
	for i := range r.Teams {
		tm := &r.Teams[i]
		if tm.OnsiteStart.IsZero() && tm.OnsiteEnd.IsZero() {
			continue
		}
		on := c.teamOnsite(r, tm)
		if on.Start < round.Start || on.End > round.End {
			check(tm.Name, on)
		}
	}
	return out
}

func (c *Calendar) mixedCounties(rounds []*snap.Round) []Conflict {
	var out []Conflict
	for _, tr := range roundTeams(rounds) {
		var counties []string
		first := ""
		for _, tu := range tr.team.Units {
			u := c.snap.Unit(tu.Unit)
			if u == nil {
				continue
			}
			if len(counties) == 0 || !contains(counties, u.County) {
				counties = append(counties, u.County)
				if len(counties) == 2 {
					first = u.Code
				}
			}
		}
		if len(counties) < 2 {
			continue
		}
		names := make([]string, len(counties))
		for i, co := range counties {
			names[i] = c.snap.CountyName(co)
		}
		out = append(out, Conflict{Kind: KindMixedCounties, Round: tr.round.Code, Team: tr.team.Name, Unit: first,
			Message: fmt.Sprintf("%s%s的被巡察单位分属%s，一个巡察组的单位应在同一县区", label(tr.round), tr.team.Name, strings.Join(names, "、"))})
	}
	return out
}

func (c *Calendar) unitTwoTeams(rounds []*snap.Round) []Conflict {
	var out []Conflict
	for _, r := range rounds {
		first := make(map[string]string)
		for i := range r.Teams {
			tm := &r.Teams[i]
			for _, tu := range tm.Units {
				if other, ok := first[tu.Unit]; ok && other != tm.Name {
					out = append(out, Conflict{Kind: KindUnitTwoTeams, Round: r.Code, Team: tm.Name, Unit: tu.Unit, OtherTeam: other,
						Message: fmt.Sprintf("%s：%s（%s）同时编入%s和%s", label(r), c.snap.UnitName(tu.Unit), tu.Unit, other, tm.Name)})
					continue
				}
				first[tu.Unit] = tm.Name
			}
		}
	}
	return out
}

// unitTwice flags a unit inspected in two rounds of the term whose
// 巡察类型 both count toward coverage and are of the kinds whose repeats
// are flagged (settings; a 回头看 or a 专项 after a 常规 is normal practice).
func (c *Calendar) unitTwice(rounds []*snap.Round) []Conflict {
	firstRound := make(map[string]teamRef)
	type later struct {
		unit string
		at   teamRef
	}
	var again []later
	var repeating []*snap.Round
	for _, r := range rounds {
		if c.set.Repeats(r.Type) {
			repeating = append(repeating, r)
		}
	}
	for _, tr := range roundTeams(repeating) {
		for _, tu := range tr.team.Units {
			f, ok := firstRound[tu.Unit]
			switch {
			case !ok:
				firstRound[tu.Unit] = tr
			case f.round != tr.round:
				again = append(again, later{tu.Unit, tr})
			}
		}
	}
	sort.SliceStable(again, func(i, j int) bool { return again[i].unit < again[j].unit })
	var out []Conflict
	for _, a := range again {
		f := firstRound[a.unit]
		out = append(out, Conflict{Kind: KindUnitTwice, Round: a.at.round.Code, Team: a.at.team.Name, Unit: a.unit,
			OtherRound: f.round.Code, OtherTeam: f.team.Name,
			Message: fmt.Sprintf("%s（%s）本届期内已由%s%s巡察，%s%s再次巡察", c.snap.UnitName(a.unit), a.unit,
				label(f.round), f.team.Name, label(a.at.round), a.at.team.Name)})
	}
	return out
}

func (c *Calendar) personOverlap(rounds []*snap.Round) []Conflict {
	type place struct {
		at teamRef
		on Span
	}
	byPerson := make(map[string][]place)
	var people []string
	for _, tr := range roundTeams(rounds) {
		on := c.teamOnsite(tr.round, tr.team)
		for _, m := range tr.team.Members {
			if _, ok := byPerson[m.Person]; !ok {
				people = append(people, m.Person)
			}
			byPerson[m.Person] = append(byPerson[m.Person], place{tr, on})
		}
	}
	sort.Strings(people)
	var out []Conflict
	for _, p := range people {
		ps := byPerson[p]
		for i := 0; i < len(ps); i++ {
			for j := i + 1; j < len(ps); j++ {
				a, b := ps[i], ps[j]
				if a.on.Days() == 0 || b.on.Days() == 0 || a.on.End < b.on.Start || b.on.End < a.on.Start {
					continue
				}
				out = append(out, Conflict{Kind: KindPersonOverlap, Round: a.at.round.Code, Team: a.at.team.Name, Person: p,
					OtherRound: b.at.round.Code, OtherTeam: b.at.team.Name,
					Message: fmt.Sprintf("%s同时编入%s%s（进驻%s至%s）和%s%s（进驻%s至%s），进驻时间重叠", c.personLabel(p),
						label(a.at.round), a.at.team.Name, a.on.Start, a.on.End, label(b.at.round), b.at.team.Name, b.on.Start, b.on.End)})
			}
		}
	}
	return out
}

// personLabel names a person in messages: 姓名（编号）.
func (c *Calendar) personLabel(code string) string {
	if p := c.snap.Person(code); p != nil && p.Name != "" {
		return p.Name + "（" + code + "）"
	}
	return code
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
