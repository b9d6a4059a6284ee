package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/vocab"
)

// SuggestLimit is how many candidates a slot's replacement list shows.
const SuggestLimit = 10

// Suggestions are the candidates for one slot of a roster (SPEC §10.3
// Replacement), ranked by the solver's objective.
type Suggestions struct {
	Round  string `json:"round"`
	Team   string `json:"team"`
	Role   string `json:"role"`
	Holder string `json:"holder,omitempty"` // the member the candidates would replace; "" for an empty slot
	// Candidates are the people who may take the slot under every rule,
	// best first (at most the limit asked for).
	Candidates []Suggestion `json:"candidates"`
	// More is how many more may take it; Refused sums up who may not and
	// why ("5 人存在回避（R1 3 人，R2 2 人）…").
	More    int    `json:"more"`
	Refused string `json:"refused"`
}

// Suggestion is one candidate for a slot: the facts the objective weighs
// and the reason for the place, tier by tier against the candidate before
// and against the member now in the slot.
type Suggestion struct {
	Rank       int      `json:"rank"`
	Person     string   `json:"person"`
	Name       string   `json:"name"`
	County     string   `json:"county"`
	Experience int      `json:"experience"`      // earlier rounds served, any term
	Served     int64    `json:"served"`          // rounds served this term (+1 for the previous round)
	Due        string   `json:"due,omitempty"`   // the deadline of a newly promoted cadre who owes rounds
	Hints      []string `json:"hints,omitempty"` // the 提示 that bind the role ("R3b 亲属（非班子）：…")
	Reason     string   `json:"reason"`
}

// Suggest ranks the candidates for a slot of role on team in roster res
// of instance in: the empty slot when holder is "" (the role must have
// one), else holder's slot; with holder "" and no empty slot, the one
// member in the role, if there is one. Candidates are the people not
// placed elsewhere (nor excluded) who may take the slot under every rule
// with the other members as they are; they rank by the objective's tiers
// after filling (the experienced core, the rotation, the obligations of
// newly promoted cadres, the spread of a county's people, 提示, skills),
// then by code. At most limit are listed (0: all).
func Suggest(in *Instance, set Settings, res *Result, team, role, holder string, limit int) (*Suggestions, error) {
	x := *in
	x.Locks = nil
	w, err := newWorld(&x, set)
	if err != nil {
		return nil, err
	}
	if w.mode == vocab.ModeSwap {
		w.routes(res.Teams)
	}
	t := w.teamIndex(team)
	tr := res.team(team)
	if t < 0 || tr == nil {
		return nil, fmt.Errorf("巡察组 %s 不在本轮次", team)
	}
	if set.Wanted(role) == 0 {
		return nil, fmt.Errorf("编组设置中没有 %s 这一角色", role)
	}
	holder, err = slotHolder(tr, role, holder, set.Wanted(role))
	if err != nil {
		return nil, err
	}
	var others []Member
	for _, m := range tr.Members {
		if m.Person != holder {
			others = append(others, m)
		}
	}
	ms := w.mems(t, others)
	used := make([]int, len(w.rows))
	for _, m := range ms {
		used[m.row]++
	}
	out := &Suggestions{Round: res.Round, Team: team, Role: role, Holder: holder, Candidates: []Suggestion{}}
	placed := map[string]bool{}
	for _, t := range res.Teams {
		for _, m := range t.Members {
			placed[m.Person] = true
		}
	}
	excluded := map[string]bool{}
	for _, c := range in.Excluded {
		excluded[c] = true
	}
	var ranked []standing
	refused := map[string]int{}
	for p := range w.people {
		pi := &w.people[p]
		if placed[pi.code] || excluded[pi.code] || pi.status != vocab.StatusActive || !pi.pools.Any() {
			continue
		}
		r := w.rowFor(pi, t, role, used)
		if why := w.refuse(int32(p), t, r, ms); why != "" {
			refused[why]++
			continue
		}
		ranked = append(ranked, w.stand(int32(p), t, r, ms))
	}
	slices.SortFunc(ranked, func(a, b standing) int {
		if _, c := decide(a, b); c != 0 {
			return c
		}
		return strings.Compare(w.people[a.p].code, w.people[b.p].code)
	})
	var cur *standing
	if q, ok := w.pidx[holder]; ok && holder != "" {
		if r := w.rowFor(&w.people[q], t, role, used); r >= 0 {
			st := w.stand(q, t, r, ms)
			cur = &st
		}
	}
	n := len(ranked)
	if limit > 0 {
		n = min(n, limit)
	}
	for i, st := range ranked[:n] {
		out.Candidates = append(out.Candidates, w.suggestion(i, st, ranked, cur, t))
	}
	out.More = len(ranked) - n
	out.Refused = refusedText(refused)
	return out, nil
}

// slotHolder works out the member whose slot is meant: holder when given
// (it must hold role on tr), none when the role has an empty slot, else
// the one member in the role.
func slotHolder(tr *TeamResult, role, holder string, wanted int) (string, error) {
	var in []string
	for _, m := range tr.Members {
		if m.Role == role {
			in = append(in, m.Person)
		}
	}
	switch {
	case holder != "" && !slices.Contains(in, holder):
		return "", fmt.Errorf("%s 不是%s的%s", holder, tr.Team, role)
	case holder != "":
		return holder, nil
	case len(in) < wanted:
		return "", nil
	case len(in) == 1:
		return in[0], nil
	}
	return "", fmt.Errorf("%s的%s已满（%s），请指明替换哪一位：%s/%s/人员编号", tr.Team, role, strings.Join(in, "、"), tr.Team, role)
}

// refuse says which rule keeps p out of a slot of row r on team t with
// members ms ("" when none): the pools, locality, hard recusal binding
// the role, close relatives, the county cap, a required skill (or the
// 巡审联动 requirement) a full team would lack.
func (w *world) refuse(p, t int32, r int, ms []mem) string {
	pi := &w.people[p]
	switch {
	case r < 0 || !w.poolOK(pi, r):
		return "不符合人员库条件"
	case !w.localOK(pi.county, t, r) && !w.localLifted(pi, t, r):
		return "不符合地域条件"
	}
	for _, k := range w.hitsOf(p, t) {
		if h := &w.in.Hits[k]; h.Hard && !h.Overridden && h.binds(w.rows[r].role) {
			return h.Rule + " " + ruleName(h.Rule) + "回避"
		}
	}
	same := int32(0)
	have := pi.groups
	for _, m := range ms {
		if w.kin(p, m.p, t) {
			return "与本组成员为近亲属（R6）"
		}
		if !w.rows[m.row].local && w.people[m.p].county == pi.county {
			same++
		}
		have |= w.people[m.p].groups
	}
	if w.capped(pi.county, t, r) && same >= w.k {
		return "所在县区在本组已达上限"
	}
	if len(ms)+1 == w.set.Slots() && have&w.allGroups() != w.allGroups() {
		return "编满后本组缺" + w.missingHolder(have)
	}
	return ""
}

// refusedText sums up the people kept out by each rule, the most first:
// "不能担任的 12 人：不符合地域条件 8 人，R1 现任职回避 3 人，…".
func refusedText(refused map[string]int) string {
	keys := sortedKeys(refused)
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(refused[b], refused[a]) })
	total := 0
	parts := make([]string, len(keys))
	for i, k := range keys {
		total += refused[k]
		parts[i] = fmt.Sprintf("%s %d 人", k, refused[k])
	}
	if total == 0 {
		return ""
	}
	return fmt.Sprintf("不能担任的 %d 人：%s", total, strings.Join(parts, "，"))
}

// suggestion writes candidate i of ranked, with the reason for its place:
// the tier it loses on to the one before it, and how it stands against
// the member now in the slot (cur, nil for an empty slot).
func (w *world) suggestion(i int, st standing, ranked []standing, cur *standing, t int32) Suggestion {
	pi := &w.people[st.p]
	ip := w.inIndex(st.p)
	s := Suggestion{Rank: i + 1, Person: pi.code, Name: w.in.People[ip].Name, County: w.countyCode(pi.county),
		Experience: int(pi.exp), Served: pi.fair}
	if pi.owed > 0 {
		s.Due = pi.due.String()
	}
	row := &w.rows[st.row]
	for _, k := range w.hitsOf(st.p, t) {
		h := &w.in.Hits[k]
		if (!h.Hard || h.Overridden) && h.binds(row.role) && !(h.Rule == "R4b" && row.local) {
			s.Hints = append(s.Hints, ruleLabel(h.Rule)+"："+h.Reason)
		}
	}
	var parts []string
	if i == 0 {
		parts = append(parts, "排序第一")
	} else {
		prev := ranked[i-1]
		line := "次于 " + w.people[prev.p].code + "：" + why(st, prev, w.people[prev.p].code)
		if tier, _ := decide(st, prev); tier == sEven {
			line += "，按编号排序"
		}
		parts = append(parts, line)
	}
	if cur != nil {
		name := "现任 " + w.people[cur.p].code
		switch _, c := decide(st, *cur); {
		case c < 0:
			parts = append(parts, "优于"+name+"："+why(st, *cur, name))
		case c > 0:
			parts = append(parts, "不及"+name+"："+why(st, *cur, name))
		default:
			parts = append(parts, "与"+name+" 相当")
		}
	}
	s.Reason = strings.Join(parts, "；")
	return s
}

// ruleLabel names a rule for a line: "R3b 亲属（非班子）", or the code
// alone when it has no name (培训).
func ruleLabel(rule string) string {
	if n := ruleName(rule); n != "" {
		return rule + " " + n
	}
	return rule
}
