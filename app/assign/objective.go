package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// The objective's tiers that a roster reports as 提示 besides the rules:
// a team short of its experienced core, and a newly promoted cadre who
// owes rounds and is not placed (SPEC §11.3).
const (
	RuleCore  = "以老带新"
	RuleOwing = "新提拔"
)

// coreWant is how many experienced members each team should have.
func (w *world) coreWant() int32 {
	if w.coreBit == 0 {
		return 0
	}
	return int32(min(w.set.Experience.Core, w.set.Slots()))
}

// coreShort is how many experienced members a team of members ms lacks.
func (w *world) coreShort(ms []mem) int32 {
	n := w.coreWant()
	for _, m := range ms {
		if w.people[m.p].exp > 0 {
			n--
		}
	}
	return max(n, 0)
}

// coreWarning says why team t of members ms lacks experienced members, or
// "" when it does not; where is where everyone is placed.
func (w *world) coreWarning(t int32, ms []mem, where []int32) string {
	short := w.coreShort(ms)
	if short == 0 {
		return ""
	}
	want := w.coreWant()
	head := fmt.Sprintf("%s没有参加过巡察的成员", w.teams[t].name)
	if short < want {
		head = fmt.Sprintf("%s只有 %d 名参加过巡察的成员", w.teams[t].name, want-short)
	}
	var all uint32
	for r := range w.rows {
		all |= 1 << r
	}
	c := w.census(t, all, w.coreBit, ms, where)
	return fmt.Sprintf("%s（以老带新：每组至少 %d 名）：%s", head, want, c.text(w, "参加过巡察的"))
}

// owingLeft lists the people who owe rounds as newly promoted cadres, may
// be placed (在库, in a pool, not excluded by hand) and are not placed:
// earliest deadline first, then by code.
func (w *world) owingLeft(where []int32) []int32 {
	excluded := map[string]bool{}
	for _, x := range w.in.Excluded {
		excluded[x] = true
	}
	var out []int32
	for p := range w.people {
		pi := &w.people[p]
		if pi.owed > 0 && where[p] < 0 && pi.status == vocab.StatusActive && pi.pools.Any() && !excluded[pi.code] {
			out = append(out, int32(p))
		}
	}
	slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(w.people[a].due, w.people[b].due) })
	return out
}

// owingWarnings are the warnings of the people owingLeft lists: what they
// owe and why they are not placed.
func (w *world) owingWarnings(where []int32) []Warning {
	var out []Warning
	for _, p := range w.owingLeft(where) {
		out = append(out, Warning{Person: w.people[p].code, Rule: RuleOwing, Reason: w.owingText(p) + "，本轮未编入：" + w.notPlaced(p, where)})
	}
	return out
}

// owingText says what p owes: "新提拔（2025-03-01，副科级）须于 2027-03-01
// 前参加巡察，尚欠 1 轮".
func (w *world) owingText(p int32) string {
	pi := &w.people[p]
	in := &w.in.People[w.inIndex(p)]
	what := in.PromotedOn.String()
	if in.Rank != "" {
		what += "，" + in.Rank
	}
	return fmt.Sprintf("新提拔（%s）须于 %s 前参加巡察，尚欠 %d 轮", what, pi.due, pi.owed)
}

// inIndex returns the index in in.People of person p.
func (w *world) inIndex(p int32) int {
	if w.inAt == nil {
		w.inAt = make([]int32, len(w.people))
		for i, x := range w.in.People {
			w.inAt[w.pidx[x.Code]] = int32(i)
		}
	}
	return int(w.inAt[p])
}

// notPlaced sums up why p, placeable, is on no team: the teams whose every
// role the rules close to p, and those where the roles p could take went
// to others the objective ranks first.
func (w *world) notPlaced(p int32, where []int32) string {
	pi := &w.people[p]
	closed, open := 0, 0
	for t := range w.teams {
		c := w.load(int32(t))
		ok := false
		for r := range w.rows {
			if w.poolOK(pi, r) && w.localOK(pi.county, int32(t), r) && c.blocked(p)&(1<<r) == 0 {
				ok = true
				break
			}
		}
		if ok {
			open++
		} else {
			closed++
		}
	}
	var parts []string
	if closed > 0 {
		parts = append(parts, fmt.Sprintf("%d 个组因人员库、地域或回避规则不能编入", closed))
	}
	if open > 0 {
		parts = append(parts, fmt.Sprintf("%d 个组可担任的角色已由其他人员担任（同县上限、近亲属或排序更前），可用“候选替换”查看", open))
	}
	if len(parts) == 0 {
		return "本轮没有巡察组"
	}
	return strings.Join(parts, "；")
}

// standing is where a person stands in one slot by the objective's tiers
// after filling, in their order: what it makes of the team's experienced
// core, the rotation (rounds served this term, in roles that rotate), the
// obligation of a newly promoted cadre (owing first, the earliest deadline
// first), the members of the same county, the 提示 binding the role, and
// the skills the units ask for.
type standing struct {
	p     int32
	row   int        // the row of the slot
	core  int32      // experienced members the team lacks with p in the slot
	fair  int64      // rounds served this term (+1 previous); 0 in a stable role
	owes  bool       // owes rounds as a newly promoted cadre
	due   civil.Date // by when
	same  int32      // members of p's county beyond the first, in roles from elsewhere
	soft  int8       // soft hits binding the role
	noFit bool       // no skill the units ask for
}

// The tiers of a standing, in order, for what decides between two.
const (
	sCore = iota
	sFair
	sOwe
	sSpread
	sSoft
	sSkill
	sEven // nothing: equal on every tier
)

// stand works out where p stands in a slot of row r on team t whose other
// members are others.
func (w *world) stand(p, t int32, r int, others []mem) standing {
	pi := &w.people[p]
	ms := append(slices.Clone(others), mem{p: p, row: r})
	st := standing{p: p, row: r, core: w.coreShort(ms), owes: pi.owed > 0, due: pi.due, soft: w.softIn(w.load(t), p, r)}
	if w.rows[r].rotated {
		st.fair = pi.fair
	}
	if !w.rows[r].local {
		for _, m := range others {
			if !w.rows[m.row].local && w.people[m.p].county == pi.county {
				st.same++
			}
		}
	}
	if d := w.teams[t].desire; d != 0 && pi.skills&d == 0 {
		st.noFit = true
	}
	return st
}

// decide compares a and b tier by tier: the first tier they differ on
// (sEven when none) and its sign (negative when a stands first).
func decide(a, b standing) (int, int) {
	owe := func(s standing) int {
		if s.owes {
			return 0
		}
		return 1
	}
	fit := func(s standing) int {
		if s.noFit {
			return 1
		}
		return 0
	}
	for tier, c := range []int{cmp.Compare(a.core, b.core), cmp.Compare(a.fair, b.fair),
		cmp.Or(cmp.Compare(owe(a), owe(b)), cmp.Compare(a.due, b.due)), cmp.Compare(a.same, b.same),
		cmp.Compare(a.soft, b.soft), cmp.Compare(fit(a), fit(b))} {
		if c != 0 {
			return tier, c
		}
	}
	return sEven, 0
}

// why names the tier a and b first differ on, with a's figure and, in
// brackets, b's: "轮换：本届已参加 1 轮，含上一轮加计（张三 2 轮）".
func why(a, b standing, bName string) string {
	tier, _ := decide(a, b)
	switch tier {
	case sCore:
		return fmt.Sprintf("以老带新：本组缺参加过巡察的成员 %d 名（%s %d 名）", a.core, bName, b.core)
	case sFair:
		return fmt.Sprintf("轮换：本届已参加 %d 轮，含上一轮加计（%s %d 轮）", a.fair, bName, b.fair)
	case sOwe:
		switch {
		case a.owes && !b.owes:
			return fmt.Sprintf("新提拔：须于 %s 前参加巡察（%s 无此要求）", a.due, bName)
		case a.owes:
			return fmt.Sprintf("新提拔：期限 %s（%s %s）", a.due, bName, b.due)
		}
		return fmt.Sprintf("新提拔：无参加巡察的要求（%s 须于 %s 前参加）", bName, b.due)
	case sSpread:
		return fmt.Sprintf("县区分布：本组已有同县区人员 %d 名（%s %d 名）", a.same, bName, b.same)
	case sSoft:
		return fmt.Sprintf("提示 %d 条（%s %d 条）", a.soft, bName, b.soft)
	case sSkill:
		if a.noFit {
			return fmt.Sprintf("专业特长不适合被巡察单位（%s 适合）", bName)
		}
		return fmt.Sprintf("专业特长适合被巡察单位（%s 不适合）", bName)
	}
	return "各项条件相当"
}

// TiersText writes the tiers of the objective that follow filling, in
// their order: "以老带新缺 0 名，轮换 12 轮次，新提拔编入 3 人（未编入 1
// 人），同县区重复 2 人，提示 1 条，特长不适配 5 人".
func TiersText(t Tiers) string {
	return fmt.Sprintf("以老带新缺 %d 名，轮换 %d 轮次，新提拔编入 %d 人（未编入 %d 人），同县区重复 %d 人，提示 %d 条，特长不适配 %d 人",
		t.CoreShort, t.Fair, t.Owing, t.OwingLeft, t.SameCounty, t.Soft, t.NoSkillFit)
}
