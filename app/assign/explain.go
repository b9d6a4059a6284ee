package assign

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/recusal"
	"xuncha/app/vocab"
)

// unfilled explains team t's empty slots: one entry per slot, a missing
// required skill taking the slot of its seat (or the last empty one).
func (w *world) unfilled(best *node, t int32, ms []mem, perRow []int, where []int32) []Unfilled {
	name := w.teams[t].name
	var have uint32
	for _, m := range ms {
		have |= w.people[m.p].groups
	}
	var slots []int
	for r, row := range w.rows {
		for k := perRow[r]; k < row.count; k++ {
			slots = append(slots, r)
		}
	}
	used := make([]bool, len(slots))
	var out []Unfilled
	for g := range w.groups {
		if have&(1<<g) != 0 || len(slots) == 0 {
			continue
		}
		at := -1
		if best != nil {
			for _, b := range best.teams[t].bins {
				if b.seat&(1<<g) != 0 {
					at = slices.IndexFunc(slots, func(r int) bool { return r == b.row })
				}
			}
		}
		for i := len(slots) - 1; at < 0 || used[at]; i-- {
			if i < 0 {
				at = -1
				break
			}
			at = i
		}
		if at < 0 {
			continue
		}
		used[at] = true
		var mask uint32
		for r := range w.rows {
			mask |= 1 << r
		}
		c := w.census(t, mask, 1<<g, ms, where)
		why := fmt.Sprintf("%s缺%s人员：%s", name, w.gnames[g], c.text(w, "具备该特长的"))
		if g == w.joint {
			why = fmt.Sprintf("%s缺巡审联动人员（%s）：%s", name, w.in.Joint, c.text(w, "符合巡审联动要求的"))
		}
		out = append(out, Unfilled{name, w.rows[slots[at]].role, why})
	}
	for i, r := range slots {
		if used[i] {
			continue
		}
		c := w.census(t, 1<<r, 0, ms, where)
		why := c.text(w, "")
		if c.free > 0 && have&w.allGroups() != w.allGroups() {
			why += "；尚未编入的人员须留待" + w.missingHolder(have)
		}
		out = append(out, Unfilled{name, w.rows[r].role,
			fmt.Sprintf("%s%s空缺（%s）：%s", name, w.rows[r].role, w.rowDesc(t, r), why)})
	}
	return out
}

func (w *world) allGroups() uint32 { return uint32(1)<<len(w.groups) - 1 }

// groupHolder names who meets required group g: "具备该特长的人员", or for
// the 巡审联动 group "符合巡审联动要求的人员".
func (w *world) groupHolder(g int) string {
	if g == w.joint {
		return "符合巡审联动要求的人员"
	}
	return "具备该特长的人员"
}

// missingHolder names who meets the required groups have lacks.
func (w *world) missingHolder(have uint32) string {
	skill, joint := false, false
	for g := range w.groups {
		if have&(1<<g) == 0 {
			skill = skill || g != w.joint
			joint = joint || g == w.joint
		}
	}
	switch {
	case skill && joint:
		return "具备必备专业特长或符合巡审联动要求的人员"
	case joint:
		return "符合巡审联动要求的人员"
	}
	return "具备必备专业特长的人员"
}

// census counts the people who could fill one of the rows in mask of team
// t (who meet the groups of need) and what keeps each of them out.
type census struct {
	cands, status, taken, same, kin, capped, free int
	rules                                         []string       // rule codes in order of first use
	ruleN                                         map[string]int // people kept out by each rule
	ruleUnits                                     map[string][]string
	elsewhere                                     []int // count per team
}

func (w *world) census(t int32, mask, need uint32, ms []mem, where []int32) *census {
	c := &census{ruleN: map[string]int{}, ruleUnits: map[string][]string{}, elsewhere: make([]int, len(w.teams))}
	excluded := map[string]bool{}
	for _, x := range w.in.Excluded {
		excluded[x] = true
	}
	perCounty := map[int32]int32{}
	for _, m := range ms {
		if c := w.people[m.p].county; w.capped(c, t, m.row) {
			perCounty[c]++
		}
	}
	for p := range w.people {
		pi := &w.people[p]
		if pi.groups&need != need {
			continue
		}
		var rows uint32
		cappedOnly := true
		for r := range w.rows {
			if mask&(1<<r) != 0 && w.poolOK(pi, r) && w.localOK(pi.county, t, r) {
				rows |= 1 << r
				cappedOnly = cappedOnly && w.capped(pi.county, t, r)
			}
		}
		if rows == 0 {
			continue
		}
		c.cands++
		if w.lockedOf[p] < 0 && (pi.status != vocab.StatusActive || excluded[pi.code]) {
			c.status++
			continue
		}
		if rule, unit := w.blockedBy(int32(p), t, rows); rule != "" {
			if c.ruleN[rule] == 0 {
				c.rules = append(c.rules, rule)
			}
			c.ruleN[rule]++
			if unit != "" && !slices.Contains(c.ruleUnits[rule], unit) {
				c.ruleUnits[rule] = append(c.ruleUnits[rule], unit)
			}
			continue
		}
		switch {
		case where[p] == t:
			c.same++
		case where[p] >= 0:
			c.taken++
			c.elsewhere[where[p]]++
		case w.kinOnTeam(int32(p), t, ms):
			c.kin++
		case cappedOnly && perCounty[pi.county] >= w.k:
			c.capped++
		default:
			c.free++
		}
	}
	slices.Sort(c.rules)
	return c
}

// blockedBy returns the first hard rule (and its unit) that keeps p off
// every row in rows of team t, or "".
func (w *world) blockedBy(p, t int32, rows uint32) (string, string) {
	hs := w.hitsOf(p, t)
	for r := range w.rows {
		if rows&(1<<r) == 0 {
			continue
		}
		blocked := false
		for _, k := range hs {
			h := &w.in.Hits[k]
			if h.Hard && !h.Overridden && h.binds(w.rows[r].role) {
				blocked = true
				break
			}
		}
		if !blocked {
			return "", ""
		}
	}
	for _, k := range hs {
		if h := &w.in.Hits[k]; h.Hard && !h.Overridden {
			return h.Rule, h.Unit
		}
	}
	return "", ""
}

func (w *world) kinOnTeam(p, t int32, ms []mem) bool {
	for _, m := range ms {
		if w.kin(p, m.p, t) {
			return true
		}
	}
	return false
}

// text writes the census as a sentence: "候选 4 人，其中 3 人与 XX局 存在
// R2 曾任职回避，1 人已编入第一组".
func (c *census) text(w *world, what string) string {
	if c.cands == 0 {
		return "没有" + what + "符合条件的候选人"
	}
	parts := []string{}
	if c.status > 0 {
		parts = append(parts, fmt.Sprintf("%d 人暂停、出库或被排除", c.status))
	}
	for _, r := range c.rules {
		s := fmt.Sprintf("%d 人", c.ruleN[r])
		if us := c.ruleUnits[r]; len(us) > 0 {
			names := make([]string, 0, 2)
			for _, u := range us[:min(len(us), 2)] {
				names = append(names, w.in.unitName(u))
			}
			s += "与 " + strings.Join(names, "、")
			if len(us) > 2 {
				s += fmt.Sprintf(" 等 %d 个单位", len(us))
			}
			s += " "
		}
		parts = append(parts, s+"存在 "+r+" "+ruleName(r)+"回避")
	}
	if c.taken > 0 {
		var ts []string
		for t, n := range c.elsewhere {
			if n > 0 && len(ts) < 3 {
				ts = append(ts, fmt.Sprintf("%s %d 人", w.teams[t].name, n))
			}
		}
		more := ""
		if len(ts) == 3 && c.taken > 0 {
			more = "等"
		}
		parts = append(parts, fmt.Sprintf("%d 人已编入其他组（%s%s）", c.taken, strings.Join(ts, "、"), more))
	}
	if c.same > 0 {
		parts = append(parts, fmt.Sprintf("%d 人已在本组担任其他角色", c.same))
	}
	if c.kin > 0 {
		parts = append(parts, fmt.Sprintf("%d 人与本组成员为近亲属（R6）", c.kin))
	}
	if c.capped > 0 {
		parts = append(parts, fmt.Sprintf("%d 人所在县区在本组已有 %d 人（同一县区上限）", c.capped, w.k))
	}
	if c.free > 0 {
		parts = append(parts, fmt.Sprintf("%d 人尚未编入", c.free))
	}
	return fmt.Sprintf("%s候选 %d 人，其中 %s", what, c.cands, strings.Join(parts, "，"))
}

// rowDesc says where row r of team t draws from: "其他县区，组长库".
func (w *world) rowDesc(t int32, r int) string {
	row := &w.rows[r]
	var from string
	switch {
	case row.local && w.teams[t].county >= 0 && w.city[w.teams[t].county]:
		from = "本级（" + w.in.countyName(w.tdata[t].County) + "）"
	case row.local:
		from = "本县（" + w.in.countyName(w.tdata[t].County) + "）"
	case row.from == vocab.FromCity:
		from = "市本级"
	case row.from == vocab.FromAny:
		from = "不限县区"
	case w.mode == vocab.ModeSwap && w.source[t] >= 0:
		from = "成建制交叉派出县区（" + w.in.countyName(w.counties[w.source[t]]) + "）"
	case w.mode == vocab.ModeSwap:
		from = "成建制交叉派出县区（未定）"
	default:
		from = "其他县区"
	}
	pools := "任一人员库"
	if len(w.set.Rows[r].Pools) > 0 {
		pools = strings.Join(w.set.Rows[r].Pools, "或")
	}
	if row.ft {
		pools += "、专职"
	}
	return from + "，" + pools
}

// ruleName is the Chinese name of a recusal rule ("" for another code).
func ruleName(r string) string {
	if n := recusal.RuleName(r); n != r {
		return n
	}
	return ""
}
