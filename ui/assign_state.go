package ui

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/draw"
	"xuncha/app/vocab"
)

// Where a roster on the 编组 screen comes from.
const (
	fromNone   = "尚未编组"
	fromSolve  = "自动编组"
	fromDraw   = "随机抽取"
	fromSaved  = "已保存的编组"
	fromResolv = "重新编组"
)

// handVacancy is the reason of a slot a hand edit left empty.
const handVacancy = "手动调整后空缺（可点“重新编组”补齐，锁定的人员不动）"

// rosterState is the roster the 编组 screen shows and edits: the problem
// it solves (instance and composition rules), the current result, the
// people excluded by hand, and what the rules say of it, checked again
// after every edit.
type rosterState struct {
	in       *assign.Instance
	set      assign.Settings
	res      *assign.Result
	base     *assign.Result // as solved, drawn or loaded: the reasons of its empty slots
	source   string
	dirty    bool     // changed since solved, drawn, loaded or saved
	excluded []string // kept out by hand, sorted
	rec      *draw.Record
	people   map[string]*app.PersonRow

	viols    []assign.Violation
	unfilled []assign.Unfilled
	byMember map[memberKey][]assign.Violation
	byTeam   map[string][]assign.Violation // every violation of a team (members' and the team's own)
}

type memberKey struct{ team, person string }

// check checks the current result against every rule and works out its
// empty slots; edits call it at once.
func (st *rosterState) check() error {
	vs, err := assign.Check(st.in, st.set, st.res.Teams)
	if err != nil {
		return err
	}
	empty := map[string]bool{}
	for _, t := range st.res.Teams {
		empty[t.Team] = len(t.Members) == 0
	}
	// a team nobody is on yet lacks every skill: no news
	vs = slices.DeleteFunc(vs, func(v assign.Violation) bool { return v.Rule == assign.RuleSkill && empty[v.Team] })
	st.viols = vs
	st.byMember = map[memberKey][]assign.Violation{}
	st.byTeam = map[string][]assign.Violation{}
	for _, v := range vs {
		st.byTeam[v.Team] = append(st.byTeam[v.Team], v)
		if v.Person != "" {
			k := memberKey{v.Team, v.Person}
			st.byMember[k] = append(st.byMember[k], v)
		}
	}
	st.unfilled = st.vacancies()
	return nil
}

// vacancies lists the slots of the composition table each team leaves
// empty, in roster order, with the solver's reason where the slot was
// already empty when solved, else the hand edit's.
func (st *rosterState) vacancies() []assign.Unfilled {
	reasons := map[[2]string][]string{}
	if st.base != nil {
		for _, u := range st.base.Unfilled {
			k := [2]string{u.Team, u.Role}
			reasons[k] = append(reasons[k], u.Reason)
		}
	}
	var out []assign.Unfilled
	for _, t := range st.res.Teams {
		for _, role := range vocab.Roles {
			want := 0
			for _, row := range st.set.Rows {
				if row.Role == role {
					want += row.Count
				}
			}
			have := 0
			for _, m := range t.Members {
				if m.Role == role {
					have++
				}
			}
			k := [2]string{t.Team, role}
			for i := range want - have {
				why := handVacancy
				if i < len(reasons[k]) {
					why = reasons[k][i]
				}
				out = append(out, assign.Unfilled{Team: t.Team, Role: role, Reason: why})
			}
		}
	}
	return out
}

// edit replaces the result by an edited copy, checks it and marks the
// roster changed.
func (st *rosterState) edit(res *assign.Result, err error) error {
	if err != nil {
		return err
	}
	old := st.res
	st.res = res
	if err := st.check(); err != nil {
		st.res = old
		return err
	}
	st.dirty = true
	return nil
}

// exclude takes person off their team and out of re-solving.
func (st *rosterState) exclude(person string) error {
	if !slices.Contains(st.excluded, person) {
		st.excluded = append(st.excluded, person)
		slices.Sort(st.excluded)
	}
	return st.edit(assign.Remove(st.res, person), nil)
}

// restore lets an excluded person be placed again.
func (st *rosterState) restore(person string) {
	st.excluded = slices.DeleteFunc(st.excluded, func(p string) bool { return p == person })
	st.dirty = true
}

// move places person on team in role (locked), restoring them if excluded.
func (st *rosterState) move(person, team, role string) error {
	res, err := assign.Move(st.res, person, team, role)
	if err == nil {
		st.excluded = slices.DeleteFunc(st.excluded, func(p string) bool { return p == person })
	}
	return st.edit(res, err)
}

// member returns the team and the member of person, or nil.
func (st *rosterState) member(person string) (*assign.TeamResult, *assign.Member) {
	for i := range st.res.Teams {
		t := &st.res.Teams[i]
		for j := range t.Members {
			if t.Members[j].Person == person {
				return t, &t.Members[j]
			}
		}
	}
	return nil, nil
}

// team returns the team named name, or nil.
func (st *rosterState) team(name string) *assign.TeamResult {
	for i := range st.res.Teams {
		if st.res.Teams[i].Team == name {
			return &st.res.Teams[i]
		}
	}
	return nil
}

// counts returns the number of hard and soft violations of team.
func (st *rosterState) counts(team string) (hard, soft int) {
	for _, v := range st.byTeam[team] {
		if v.Hard {
			hard++
		} else {
			soft++
		}
	}
	return hard, soft
}

// totals returns the number of hard and soft violations in all.
func (st *rosterState) totals() (hard, soft int) {
	for _, v := range st.viols {
		if v.Hard {
			hard++
		} else {
			soft++
		}
	}
	return hard, soft
}

// name returns a person's name (the code when unknown).
func (st *rosterState) name(code string) string {
	if p := st.people[code]; p != nil && p.Name != "" {
		return p.Name
	}
	if n := st.res.Names[code]; n != "" {
		return n
	}
	return code
}

// countyName returns a county's name.
func (st *rosterState) countyName(code string) string {
	if n := st.in.CountyNames[code]; n != "" {
		return n
	}
	return code
}

// unitNames writes a team's units by name.
func (st *rosterState) unitNames(t *assign.TeamResult) string {
	names := make([]string, len(t.Units))
	for i, u := range t.Units {
		names[i] = u
		if n := st.in.UnitNames[u]; n != "" {
			names[i] = n
		}
	}
	return strings.Join(names, "、")
}

// objective sums up how full the roster is and how sure that is.
func (st *rosterState) objective() string {
	filled, slots := 0, st.set.Slots()*len(st.res.Teams)
	for _, t := range st.res.Teams {
		filled += len(t.Members)
	}
	head := st.source
	if st.dirty {
		head = "手动调整后（未保存）"
	}
	s := fmt.Sprintf("%s：名额 %d，已编入 %d", head, slots, filled)
	o := st.res.Objective
	switch {
	case st.dirty, st.source == fromSaved, filled == 0:
	case filled == slots:
		s += "，全部编满"
	case st.source == fromDraw:
		s += fmt.Sprintf("，空缺 %d（上界 %d）", slots-filled, o.Bound)
	case o.Optimal:
		s += fmt.Sprintf("，空缺 %d（已证明无法编入更多）", slots-filled)
	default:
		s += fmt.Sprintf("，空缺 %d（上界 %d，未能证明最优）", slots-filled, o.Bound)
	}
	hard, soft := st.totals()
	return s + fmt.Sprintf("；违规 %d 条，提示 %d 条", hard, soft)
}
