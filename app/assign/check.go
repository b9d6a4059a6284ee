package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/vocab"
)

// Codes of the composition rules a Violation names besides the recusal
// rules (R1–R7; R4 stands for locality).
const (
	RuleRole   = "角色"   // the person's pools do not allow the role
	RuleStatus = "状态"   // 暂停, 出库, not in any pool, or excluded by hand
	RuleTwice  = "重复编入" // one person in two slots
	RuleCount  = "名额"   // more people in a role than the table allows
	RuleCap    = "同县上限" // more than K people of one other county
	RuleSkill  = "必备特长" // a required skill missing
	RuleLocal  = "R4"   // locality: local roles from the team's county, the others from elsewhere
)

// Violation is a rule an assignment breaks (Hard) or a soft rule it hits.
type Violation struct {
	Team, Person, Rule, Reason string
	Hard                       bool
}

// Check re-checks teams (an assignment, say after a hand edit) against
// every rule: the role table, statuses, one slot per person, locality,
// hard and soft recusal, the county cap, the required skills and close
// relatives; and it reports the objective's 提示 (a team short of its
// experienced core, a newly promoted cadre who owes rounds left out).
// Hard violations come first, then by team, person and rule.
func Check(in *Instance, set Settings, teams []TeamResult) ([]Violation, error) {
	rv, err := CheckRoster(in, set, teams)
	if err != nil {
		return nil, err
	}
	return rv.Violations, nil
}

// Review is what Check finds in a roster, with the objective's tiers.
type Review struct {
	Violations []Violation
	Tiers      Tiers
}

// CheckRoster is Check with the objective's tiers of the roster.
func CheckRoster(in *Instance, set Settings, teams []TeamResult) (*Review, error) {
	w, err := newWorld(&Instance{Round: in.Round, Mode: in.Mode, Seed: in.Seed, Start: in.Start, Teams: in.Teams, People: in.People,
		Hits: in.Hits, Pairs: in.Pairs, Between: in.Between, Lifted: in.Lifted, Excluded: in.Excluded,
		CountyNames: in.CountyNames, UnitNames: in.UnitNames, City: in.City, Joint: in.Joint}, set)
	if err != nil {
		return nil, err
	}
	if w.mode == vocab.ModeSwap {
		w.routes(teams)
	}
	rv := &Review{}
	where := map[string]string{}
	placed := make([]int32, len(w.people))
	for i := range placed {
		placed[i] = -1
	}
	members := make([][]mem, len(w.teams))
	var seen []int32
	for _, tr := range teams {
		t := w.teamIndex(tr.Team)
		if t < 0 {
			return nil, fmt.Errorf("巡察组 %s 不在本轮次", tr.Team)
		}
		vs, ms := w.checkTeam(t, tr.Members, where)
		rv.Violations = append(rv.Violations, vs...)
		members[t] = ms
		seen = append(seen, t)
		for _, m := range ms {
			placed[m.p] = t
		}
	}
	for _, t := range seen {
		w.addTiers(&rv.Tiers, t, members[t])
		if why := w.coreWarning(t, members[t], placed); why != "" {
			rv.Violations = append(rv.Violations, Violation{Team: w.teams[t].name, Rule: RuleCore, Reason: why})
		}
	}
	left := w.owingLeft(placed)
	rv.Tiers.OwingLeft = int64(len(left))
	for _, x := range w.owingWarnings(placed) {
		rv.Violations = append(rv.Violations, Violation{Person: x.Person, Rule: x.Rule, Reason: x.Reason})
	}
	slices.SortStableFunc(rv.Violations, func(a, b Violation) int {
		if a.Hard != b.Hard {
			if a.Hard {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(w.teamIndex(a.Team), w.teamIndex(b.Team)), strings.Compare(a.Person, b.Person),
			strings.Compare(a.Rule, b.Rule), strings.Compare(a.Reason, b.Reason))
	})
	return rv, nil
}

// routes sets the 成建制交叉 sources from the teams themselves: the county
// most of each county's non-local members come from.
func (w *world) routes(teams []TeamResult) {
	count := map[[2]int32]int{}
	for _, tr := range teams {
		t := w.teamIndex(tr.Team)
		for _, m := range tr.Members {
			if p, ok := w.pidx[m.Person]; ok && t >= 0 && w.people[p].county != w.teams[t].county {
				count[[2]int32{w.teams[t].county, w.people[p].county}]++
			}
		}
	}
	for t := range w.teams {
		tc, best, n := w.teams[t].county, int32(-1), 0
		for c := range w.counties {
			if k := count[[2]int32{tc, int32(c)}]; k > n {
				best, n = int32(c), k
			}
		}
		w.source[t] = best
	}
}

// checkTeam checks team t of members, where holds the teams of the
// people met so far; it returns the violations and the members by row.
func (w *world) checkTeam(t int32, members []Member, where map[string]string) ([]Violation, []mem) {
	var out []Violation
	name := w.teams[t].name
	bad := func(person, rule, reason string, hard bool) {
		out = append(out, Violation{name, person, rule, reason, hard})
	}
	used := make([]int, len(w.rows))
	var ms []mem
	excluded := map[string]bool{}
	for _, x := range w.in.Excluded {
		excluded[x] = true
	}
	for _, m := range members {
		p, ok := w.pidx[m.Person]
		if !ok {
			bad(m.Person, RuleStatus, "人员 "+m.Person+" 不存在", true)
			continue
		}
		pi := &w.people[p]
		if other, dup := where[m.Person]; dup {
			bad(m.Person, RuleTwice, fmt.Sprintf("%s 已编入%s", m.Person, other), true)
		}
		where[m.Person] = name
		if pi.status != vocab.StatusActive || !pi.pools.Any() || excluded[m.Person] {
			bad(m.Person, RuleStatus, fmt.Sprintf("%s 的状态为%s，或不在任何人员库，或已被排除", m.Person, pi.status), true)
		}
		row := w.rowFor(pi, t, m.Role, used)
		if row < 0 {
			bad(m.Person, RuleCount, fmt.Sprintf("%s 的 %s 名额已满（编组设置 %d 人）", name, m.Role, w.set.Wanted(m.Role)), true)
			continue
		}
		used[row]++
		if !w.poolOK(pi, row) {
			bad(m.Person, RuleRole, fmt.Sprintf("%s 不符合 %s 的人员库条件（%s）", m.Person, m.Role, w.rowDesc(t, row)), true)
		}
		if !w.localOK(pi.county, t, row) {
			why := fmt.Sprintf("%s 的工作关系地为 %s，%s须来自%s", m.Person, w.in.countyName(w.countyCode(pi.county)), m.Role, strings.Split(w.rowDesc(t, row), "，")[0])
			if w.localLifted(pi, t, row) {
				bad(m.Person, RuleLocal, why+"（已豁免）", false)
			} else {
				bad(m.Person, RuleLocal, why, true)
			}
		}
		for _, k := range w.hitsOf(p, t) {
			h := &w.in.Hits[k]
			switch {
			case !h.binds(m.Role):
				// it binds other roles only (R4's, R9's, R2's long stint)
			case h.Hard && !h.Overridden:
				bad(m.Person, h.Rule, h.Reason, true)
			case !h.Hard:
				bad(m.Person, h.Rule, h.Reason, false)
			case h.Overridden:
				bad(m.Person, h.Rule, h.Reason+"（已豁免）", false)
			}
		}
		ms = append(ms, mem{p: p, row: row})
	}
	return append(out, w.checkTogether(t, ms)...), ms
}

// localLifted reports whether an approved R4 override lets pi, of team
// t's own county, fill row r, which must come from elsewhere.
func (w *world) localLifted(pi *pinfo, t int32, r int) bool {
	if w.rows[r].local || pi.county != w.teams[t].county {
		return false
	}
	return slices.Contains(w.in.Lifted, Lift{Person: pi.code, Team: w.teams[t].name})
}

// rowFor picks the row a member in role takes: the first with room whose
// pools and locality the person meets, else the first with room.
func (w *world) rowFor(pi *pinfo, t int32, role string, used []int) int {
	first := -1
	for r, row := range w.rows {
		if row.role != role || used[r] >= row.count {
			continue
		}
		if w.poolOK(pi, r) && w.localOK(pi.county, t, r) {
			return r
		}
		if first < 0 {
			first = r
		}
	}
	return first
}

// checkTogether checks what concerns the members together: the county
// cap, the required skills and the pairs.
func (w *world) checkTogether(t int32, ms []mem) []Violation {
	var out []Violation
	name := w.teams[t].name
	if w.mode == vocab.ModeMixed {
		per := map[int32][]string{}
		var cs []int32
		for _, m := range ms {
			if pi := &w.people[m.p]; w.capped(pi.county, t, m.row) {
				if per[pi.county] == nil {
					cs = append(cs, pi.county)
				}
				per[pi.county] = append(per[pi.county], pi.code)
			}
		}
		slices.Sort(cs)
		for _, c := range cs {
			if ps := per[c]; int32(len(ps)) > w.k {
				out = append(out, Violation{name, ps[len(ps)-1], RuleCap, fmt.Sprintf("%s 有 %d 名 %s 人员（%s），超过每县 %d 人的上限",
					name, len(ps), w.in.countyName(w.countyCode(c)), strings.Join(ps, "、"), w.k), true})
			}
		}
	}
	var have uint32
	for _, m := range ms {
		have |= w.people[m.p].groups
	}
	full := len(ms) == w.set.Slots()
	for g := range w.groups {
		if have&(1<<g) == 0 {
			why := fmt.Sprintf("%s缺%s人员", name, w.gnames[g])
			if g == w.joint {
				why += "（" + w.in.Joint + "）"
			}
			if !full {
				why += "（尚有空缺，须留给" + w.groupHolder(g) + "）"
			}
			out = append(out, Violation{name, "", RuleSkill, why, full})
		}
	}
	for i, a := range ms {
		for _, b := range ms[i+1:] {
			for _, pr := range w.between(a.p, b.p) {
				lifted := slices.Contains(pr.Lifted, name)
				reason := pr.Reason
				if lifted {
					reason += "（已豁免）"
				}
				out = append(out, Violation{name, w.people[a.p].code, pr.Rule, reason, pr.Hard && !lifted})
			}
		}
	}
	return out
}

func (w *world) countyCode(c int32) string {
	if c < 0 || int(c) >= len(w.counties) {
		return ""
	}
	return w.counties[c]
}
