package assign

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/vocab"
)

// WhyNot answers the clerk's "why is this person not on that team?" for
// result res: for each role of the team, the rules that keep the person
// off it; where no rule does, where the person serves instead and who
// holds the role here, with what made them the better choice.
func WhyNot(in *Instance, set Settings, res *Result, person, team string) ([]string, error) {
	x := *in
	x.Locks = nil
	w, err := newWorld(&x, set)
	if err != nil {
		return nil, err
	}
	p, ok := w.pidx[person]
	if !ok {
		return nil, fmt.Errorf("人员 %s 不存在", person)
	}
	t := w.teamIndex(team)
	if t < 0 {
		return nil, fmt.Errorf("巡察组 %s 不在本轮次", team)
	}
	if w.mode == vocab.ModeSwap {
		w.routes(res.Teams)
	}
	pi := &w.people[p]
	tr := res.team(team)
	if tr == nil {
		return nil, fmt.Errorf("结果中没有巡察组 %s", team)
	}
	for _, m := range tr.Members {
		if m.Person == person {
			return []string{fmt.Sprintf("%s 已在%s担任%s", person, team, m.Role)}, nil
		}
	}
	if pi.status != vocab.StatusActive || !pi.pools.Any() || slices.Contains(in.Excluded, person) {
		return []string{fmt.Sprintf("%s 的状态为%s，或不在任何人员库，或已被手动排除：不能编入", person, pi.status)}, nil
	}
	var out []string
	var open []int
	for r, row := range w.rows {
		if row.count == 0 || slices.ContainsFunc(w.rows[:r], func(x rinfo) bool { return x.role == row.role }) {
			continue
		}
		if why := w.whyNotRow(p, t, r, tr); len(why) > 0 {
			out = append(out, row.role+"："+strings.Join(why, "；"))
		} else {
			open = append(open, r)
		}
	}
	if len(open) == 0 {
		return out, nil
	}
	where := "未编入任何组"
	if ot, i := res.find(person); ot != nil {
		where = fmt.Sprintf("已编入%s（%s），该位置对全局更优", ot.Team, ot.Members[i].Role)
	}
	for _, r := range open {
		role := w.rows[r].role
		var holders []string
		for _, m := range tr.Members {
			if m.Role != role {
				continue
			}
			if q, ok := w.pidx[m.Person]; ok {
				holders = append(holders, m.Person+"（"+w.compare(q, p, t, r, tr)+"）")
			}
		}
		line := fmt.Sprintf("%s：无规则限制，%s", role, where)
		if len(holders) > 0 {
			line += "；本组" + role + "由 " + strings.Join(holders, "、") + " 担任"
		} else {
			line += "；本组" + role + "尚有空缺"
		}
		out = append(out, line)
	}
	return out, nil
}

// whyNotRow lists the rules that keep p off row r of team t as it is.
func (w *world) whyNotRow(p, t int32, r int, tr *TeamResult) []string {
	pi := &w.people[p]
	row := &w.rows[r]
	var why []string
	if !w.poolOK(pi, r) {
		why = append(why, "不符合人员库条件（"+w.rowDesc(t, r)+"）")
	}
	if !w.localOK(pi.county, t, r) {
		why = append(why, fmt.Sprintf("R4 地域：须来自%s，该人员工作关系地为 %s", strings.Split(w.rowDesc(t, r), "，")[0],
			w.in.countyName(w.countyCode(pi.county))))
	}
	for _, k := range w.hitsOf(p, t) {
		if h := &w.in.Hits[k]; h.Hard && !h.Overridden && h.binds(row.role) {
			why = append(why, h.Rule+" "+ruleName(h.Rule)+"："+h.Reason)
		}
	}
	same := 0
	for _, m := range tr.Members {
		q, ok := w.pidx[m.Person]
		if !ok {
			continue
		}
		if w.kin(p, q, t) {
			for _, pr := range w.between(p, q) {
				if pr.Rule == "R6" {
					why = append(why, "R6 同组亲属："+pr.Reason)
				}
			}
		}
		if mr := slices.IndexFunc(w.rows, func(x rinfo) bool { return x.role == m.Role }); mr >= 0 && !w.rows[mr].local &&
			w.people[q].county == pi.county {
			same++
		}
	}
	if w.capped(pi.county, t, r) && int32(same) >= w.k {
		why = append(why, fmt.Sprintf("本组已有 %d 名 %s 人员（每县上限 %d 人）", same, w.in.countyName(w.countyCode(pi.county)), w.k))
	}
	return why
}

// compare says, tier by tier of the objective, what makes q, who holds
// a slot of row r on team t (as tr has it), the better choice there than
// p, or what p would have bettered.
func (w *world) compare(q, p, t int32, r int, tr *TeamResult) string {
	others := slices.DeleteFunc(w.mems(t, tr.Members), func(m mem) bool { return m.p == q })
	a, b := w.stand(q, t, r, others), w.stand(p, t, r, others)
	switch _, sign := decide(a, b); {
	case sign < 0:
		return why(a, b, "该人员")
	case sign > 0:
		return "按本组比较该人员更优：" + why(b, a, "现任") + "；但其编入他处对全局更优，或现任已锁定"
	}
	return "各项条件相当，按县区分布和编号择定"
}

// mems maps the members of team t to the rows of the composition table
// (people unknown or without a row left out).
func (w *world) mems(t int32, members []Member) []mem {
	used := make([]int, len(w.rows))
	var ms []mem
	for _, m := range members {
		p, ok := w.pidx[m.Person]
		if !ok {
			continue
		}
		r := w.rowFor(&w.people[p], t, m.Role, used)
		if r < 0 {
			continue
		}
		used[r]++
		ms = append(ms, mem{p: p, row: r, locked: m.Locked})
	}
	return ms
}
