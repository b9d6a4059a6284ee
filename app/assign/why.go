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
				holders = append(holders, m.Person+"（"+w.compare(q, p, t, r)+"）")
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

// compare says what makes q the better choice than p on team t, tier by
// tier.
func (w *world) compare(q, p, t int32, r int) string {
	a, b := &w.people[q], &w.people[p]
	switch {
	case a.fair != b.fair:
		return fmt.Sprintf("本届参加轮次（含上一轮加计）%d，该人员 %d", a.fair, b.fair)
	case a.promoted != b.promoted:
		if a.promoted {
			return "新提拔干部优先"
		}
		return "该人员为新提拔干部，但其他位置更需要"
	}
	c := w.load(t)
	sa, sb := w.softIn(c, q, r), w.softIn(c, p, r)
	d := w.teams[t].desire
	switch {
	case sa != sb:
		return fmt.Sprintf("提示类回避 %d 条，该人员 %d 条", sa, sb)
	case d != 0 && (a.skills&d != 0) != (b.skills&d != 0):
		return "专业特长更适合本组被巡察单位"
	}
	return "条件相当，按县区分布和编号择定"
}
