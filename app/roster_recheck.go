package app

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/assign"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// A roster is computed on one snapshot and saved later: minutes later in
// the GUI, where the clerk adjusts it by hand, while another clerk or an
// import may change people, units and teams. Saving therefore checks the
// roster again, inside the transaction that writes it, against the data as
// they are then; what no roster may hold is refused, with every member and
// reason named. What a clerk may knowingly accept (an empty slot, a county
// over its cap, a missing skill, a local role filled from elsewhere) is
// shown on screen before saving and not checked here.

// recheckRoster lists why res cannot be saved over the data of sn (read in
// the saving transaction), with the composition rules set and the recusal
// checker c over sn: a team gone, added or inspecting other units; a
// member gone, not 在库, in no pool the role admits, placed twice, from the
// inspected county in a role that must come from elsewhere (unless an
// approved R4 override lifts it), or bound by a hard recusal hit (R1–R3,
// R5, R6 …) that no approved override lifts.
func recheckRoster(sn *snap.Snapshot, c *recusal.Checker, set assign.Settings, res *assign.Result) []rosterProblem {
	r := sn.Round(res.Round)
	if r == nil {
		return []rosterProblem{{reason: fmt.Sprintf("轮次 %s 已不存在", res.Round)}}
	}
	run := *r
	if res.Mode != "" {
		run.Mode = res.Mode
	}
	out := teamChanges(r, res)
	where := map[string]string{}
	for _, tr := range res.Teams {
		t := teamNamed(r, tr.Team)
		var placed []*snap.Person
		for _, m := range tr.Members {
			p := sn.Person(m.Person)
			bad := func(reason string) {
				out = append(out, rosterProblem{tr.Team, personLabel(p, m.Person), reason})
			}
			if other, twice := where[m.Person]; twice {
				bad("已编入" + other + "，每人每轮只能编入一个巡察组")
			}
			where[m.Person] = tr.Team
			switch {
			case p == nil:
				bad("已不在人员库中（可能已被删除）")
				continue
			case p.Status != vocab.StatusActive:
				bad("状态为" + p.Status)
			case !admitted(set, m.Role, p):
				bad(fmt.Sprintf("不在“%s”可用的人员库中", m.Role))
			}
			if t == nil {
				continue
			}
			if why := originProblem(sn, set, run.Mode, m.Role, p, t.County); why != "" && !localLifted(c, r.Code, t, p.Code) {
				bad(why)
			}
			for _, h := range c.Team(p, &run, t) {
				if h.Rule != recusal.R4 && h.Blocks(m.Role) {
					bad(h.Rule + " " + recusal.RuleName(h.Rule) + "：" + h.Reason)
				}
			}
			placed = append(placed, p)
		}
		if t != nil {
			out = append(out, pairProblems(c, r.Code, t.Name, placed)...)
		}
	}
	return out
}

// localLifted reports whether approved R4 overrides of round let person,
// of the inspected county, take a role on team t that must come from
// elsewhere: one for every unit of the team, or one for each unit.
func localLifted(c *recusal.Checker, round string, t *snap.Team, person string) bool {
	units := t.UnitCodes()
	if len(units) == 0 {
		return c.Lifted(round, t.Name, person, recusal.R4, "")
	}
	for _, u := range units {
		if !c.Lifted(round, t.Name, person, recusal.R4, u) {
			return false
		}
	}
	return true
}

// teamChanges lists how the round's teams differ from the teams of res: a
// team gone or added, a team's units changed.
func teamChanges(r *snap.Round, res *assign.Result) []rosterProblem {
	var out []rosterProblem
	named := map[string]bool{}
	for _, tr := range res.Teams {
		named[tr.Team] = true
		t := teamNamed(r, tr.Team)
		if t == nil {
			out = append(out, rosterProblem{reason: fmt.Sprintf("巡察组 %s 已不在轮次 %s 中", tr.Team, r.Code)})
			continue
		}
		have, want := sortedCodes(t.UnitCodes()), sortedCodes(tr.Units)
		if !slices.Equal(have, want) {
			out = append(out, rosterProblem{reason: fmt.Sprintf("%s 的被巡察单位已变为 %s（编组时为 %s）", tr.Team, codes(have), codes(want))})
		}
	}
	for _, t := range r.Teams {
		if !named[t.Name] {
			out = append(out, rosterProblem{reason: fmt.Sprintf("轮次 %s 中新增了巡察组 %s", r.Code, t.Name)})
		}
	}
	return out
}

// pairProblems lists the hard R6-type hits between members of one team
// that no approved override (of either of the two) lifts.
func pairProblems(c *recusal.Checker, round, team string, ps []*snap.Person) []rosterProblem {
	var out []rosterProblem
	for i, a := range ps {
		for _, b := range ps[i+1:] {
			for _, h := range c.Pair(a, b) {
				h.Team = team
				other := h
				other.Person, other.Other = h.Other, h.Person
				if h.Severity == recusal.Hard && !c.Overridden(round, h) && !c.Overridden(round, other) {
					out = append(out, rosterProblem{team, personLabel(a, a.Code), h.Rule + " " + recusal.RuleName(h.Rule) + "：" + h.Reason})
				}
			}
		}
	}
	return out
}

// admitted reports whether p may fill some row of role: in a pool at all,
// and in one the row admits.
func admitted(set assign.Settings, role string, p *snap.Person) bool {
	if !p.Pools.Any() {
		return false
	}
	return slices.ContainsFunc(set.Rows, func(row assign.Row) bool {
		return row.Role == role && row.Admits(p.Pools, p.FullTime)
	})
}

// originProblem says why p may not hold role on a team inspecting
// jurisdiction county in a round of mode by where the role's people come
// from (SPEC §5, §8.1), or "": every row of the role comes from elsewhere
// (异地, not in 本县) and p is of the inspected jurisdiction, or every row
// of it comes from 市本级 and p is not. A local role filled from elsewhere
// is what a clerk may knowingly accept.
func originProblem(sn *snap.Snapshot, set assign.Settings, mode, role string, p *snap.Person, county string) string {
	from := roleOrigin(set, role)
	switch {
	case from == vocab.FromElsewhere && mode != vocab.ModeLocal && p.HomeCounty == county:
		return fmt.Sprintf("R4 %s：工作关系地为被巡察县区 %s，%s须从其他县区产生",
			recusal.RuleName(recusal.R4), sn.CountyName(county), role)
	case from == vocab.FromCity && !sn.CityLevel(p.HomeCounty):
		return fmt.Sprintf("R4 %s：工作关系地为 %s，不属市本级，%s须由市本级产生",
			recusal.RuleName(recusal.R4), sn.CountyName(p.HomeCounty), role)
	}
	return ""
}

// roleOrigin is where every row of role comes from, "" when its rows
// differ or it has none.
func roleOrigin(set assign.Settings, role string) string {
	from := ""
	for _, row := range set.Rows {
		if row.Role != role {
			continue
		}
		if from != "" && from != row.From() {
			return ""
		}
		from = row.From()
	}
	return from
}

func teamNamed(r *snap.Round, name string) *snap.Team {
	for i := range r.Teams {
		if r.Teams[i].Name == name {
			return &r.Teams[i]
		}
	}
	return nil
}

// personLabel names a member: 张三（P001）, or the code of one gone.
func personLabel(p *snap.Person, code string) string {
	if p == nil {
		return code
	}
	return p.Name + "（" + code + "）"
}

func sortedCodes(cs []string) []string {
	out := slices.Clone(cs)
	slices.Sort(out)
	return slices.Compact(out)
}

func codes(cs []string) string {
	if len(cs) == 0 {
		return "（无）"
	}
	return strings.Join(cs, "、")
}

// rosterProblem is one reason a roster cannot be saved: of a member
// (team, who) or of the round and its teams (reason alone).
type rosterProblem struct{ team, who, reason string }

// rosterRefused is the message of a roster the saving re-check refused:
// a line per team and reason, naming every member it concerns, so that a
// round whose people were all set 出库 reads as a line per team.
func rosterRefused(round string, problems []rosterProblem) error {
	type group struct {
		key  rosterProblem // team and reason
		whom []string
	}
	var groups []*group
	at := map[rosterProblem]*group{}
	for _, p := range problems {
		k := rosterProblem{team: p.team, reason: p.reason}
		g, ok := at[k]
		if !ok {
			g = &group{key: k}
			at[k] = g
			groups = append(groups, g)
		}
		if p.who != "" {
			g.whom = append(g.whom, p.who)
		}
	}
	lines := make([]string, len(groups))
	for i, g := range groups {
		lines[i] = g.key.reason
		if len(g.whom) > 0 {
			lines[i] = g.key.team + " " + strings.Join(g.whom, "、") + "：" + g.key.reason
		}
	}
	return fmt.Errorf("轮次 %s 的编组未保存：以下人员或巡察组不符合保存条件（编组之后，人员、单位或巡察组可能已被其他用户或导入修改），请重新编组后再保存：\n  %s",
		round, strings.Join(lines, "\n  "))
}
