package assign

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/draw"
	"xuncha/app/vocab"
)

// Where a roster being edited comes from: the head of its summary.
const (
	SourceNone    = "尚未编组"
	SourceSolve   = "自动编组"
	SourceDraw    = "随机抽取"
	SourceSaved   = "已保存的编组"
	SourceResolve = "重新编组"
)

// HandVacancy is the reason of a slot a hand edit left empty.
const HandVacancy = "手动调整后空缺（可点“重新编组”补齐，锁定的人员不动）"

// RosterEdit is a roster being adjusted by hand (the 编组 screen's): the
// problem it solves (instance and composition rules), the current result,
// the people excluded by hand, and what the rules say of it. Every hand
// edit checks the edited roster against every rule at once and keeps it
// only when the check ran; the fields are for reading.
type RosterEdit struct {
	In       *Instance
	Set      Settings
	Res      *Result
	Base     *Result // as solved, drawn or loaded: the reasons of its empty slots
	Source   string  // SourceSolve, SourceDraw …
	Dirty    bool    // changed since solved, drawn, loaded or saved
	Excluded []string
	Rec      *draw.Record // the draw's record, when drawn

	Violations []Violation // of the current result, as Check orders them
	Unfilled   []Unfilled  // the empty slots of the composition table, by team in roster order

	byMember map[memberKey][]Violation
	byTeam   map[string][]Violation // every violation of a team (members' and the team's own)
}

type memberKey struct{ team, person string }

// NewRosterEdit starts editing res, the result of in under set, which
// comes from source; it is checked at once.
func NewRosterEdit(in *Instance, set Settings, res *Result, source string) (*RosterEdit, error) {
	e := &RosterEdit{In: in, Set: set, Res: res, Base: res, Source: source}
	if err := e.check(); err != nil {
		return nil, err
	}
	return e, nil
}

// check checks the current result against every rule and works out its
// empty slots.
func (e *RosterEdit) check() error {
	vs, err := Check(e.In, e.Set, e.Res.Teams)
	if err != nil {
		return err
	}
	empty := map[string]bool{}
	for _, t := range e.Res.Teams {
		empty[t.Team] = len(t.Members) == 0
	}
	// a team nobody is on yet lacks every skill: no news
	vs = slices.DeleteFunc(vs, func(v Violation) bool { return v.Rule == RuleSkill && empty[v.Team] })
	e.Violations = vs
	e.byMember = map[memberKey][]Violation{}
	e.byTeam = map[string][]Violation{}
	for _, v := range vs {
		e.byTeam[v.Team] = append(e.byTeam[v.Team], v)
		if v.Person != "" {
			k := memberKey{v.Team, v.Person}
			e.byMember[k] = append(e.byMember[k], v)
		}
	}
	e.Unfilled = e.vacancies()
	return nil
}

// vacancies lists the slots of the composition table each team leaves
// empty, in roster order, with the reason the base result gave where the
// slot was already empty there, else HandVacancy.
func (e *RosterEdit) vacancies() []Unfilled {
	reasons := map[[2]string][]string{}
	if e.Base != nil {
		for _, u := range e.Base.Unfilled {
			k := [2]string{u.Team, u.Role}
			reasons[k] = append(reasons[k], u.Reason)
		}
	}
	var out []Unfilled
	for _, t := range e.Res.Teams {
		for _, role := range vocab.Roles {
			have := 0
			for _, m := range t.Members {
				if m.Role == role {
					have++
				}
			}
			k := [2]string{t.Team, role}
			for i := range e.Set.Wanted(role) - have {
				why := HandVacancy
				if i < len(reasons[k]) {
					why = reasons[k][i]
				}
				out = append(out, Unfilled{Team: t.Team, Role: role, Reason: why})
			}
		}
	}
	return out
}

// apply replaces the result by an edited copy, checks it and marks the
// roster changed; on an error the roster stays as it was.
func (e *RosterEdit) apply(res *Result, err error) error {
	if err != nil {
		return err
	}
	old := e.Res
	e.Res = res
	if err := e.check(); err != nil {
		e.Res = old
		return err
	}
	e.Dirty = true
	return nil
}

// Move places person on team in role, locked there, taking them off any
// other place and out of the excluded.
func (e *RosterEdit) Move(person, team, role string) error {
	res, err := Move(e.Res, person, team, role)
	if err == nil {
		e.Excluded = slices.DeleteFunc(e.Excluded, func(p string) bool { return p == person })
	}
	return e.apply(res, err)
}

// Swap exchanges the places of two placed people and locks both.
func (e *RosterEdit) Swap(a, b string) error { return e.apply(Swap(e.Res, a, b)) }

// Replace puts other, not placed, in person's place (locked); person
// leaves the team.
func (e *RosterEdit) Replace(person, other string) error {
	t, m := e.Member(person)
	if t == nil {
		return fmt.Errorf("%s 未编入任何组", person)
	}
	return e.apply(Move(Remove(e.Res, person), other, t.Team, m.Role))
}

// SetLocked locks person where they are (Resolve keeps them), or unlocks
// them.
func (e *RosterEdit) SetLocked(person string, locked bool) error {
	return e.apply(SetLocked(e.Res, person, locked))
}

// Exclude takes person off their team and out of re-solving.
func (e *RosterEdit) Exclude(person string) error {
	if !slices.Contains(e.Excluded, person) {
		e.Excluded = append(e.Excluded, person)
		slices.Sort(e.Excluded)
	}
	return e.apply(Remove(e.Res, person), nil)
}

// Readmit lets an excluded person be placed again.
func (e *RosterEdit) Readmit(person string) {
	e.Excluded = slices.DeleteFunc(e.Excluded, func(p string) bool { return p == person })
	e.Dirty = true
}

// Resolve solves the rest again, keeping the locked members where they
// are and leaving out the excluded people: a new edit, changed against
// what was saved, with the same exclusions and draw record.
func (e *RosterEdit) Resolve() (*RosterEdit, error) {
	res, err := Resolve(e.In, e.Set, e.Res, e.Excluded)
	if err != nil {
		return nil, err
	}
	out, err := NewRosterEdit(e.In, e.Set, res, SourceResolve)
	if err != nil {
		return nil, err
	}
	out.Dirty, out.Excluded, out.Rec = true, e.Excluded, e.Rec
	return out, nil
}

// Saved records that the roster is now the round's saved 编组记录.
func (e *RosterEdit) Saved() {
	e.Dirty = false
	e.Source = SourceSaved
}

// WhyNot answers why person is not on team (see WhyNot).
func (e *RosterEdit) WhyNot(person, team string) ([]string, error) {
	return WhyNot(e.In, e.Set, e.Res, person, team)
}

// Member returns the team and the member of person, or nil.
func (e *RosterEdit) Member(person string) (*TeamResult, *Member) {
	t, i := e.Res.find(person)
	if t == nil {
		return nil, nil
	}
	return t, &t.Members[i]
}

// Team returns the team named name, or nil.
func (e *RosterEdit) Team(name string) *TeamResult { return e.Res.team(name) }

// MemberViolations are the rules person breaks (or hits) on team.
func (e *RosterEdit) MemberViolations(team, person string) []Violation {
	return e.byMember[memberKey{team, person}]
}

// TeamViolations are every violation of team: its members' and its own.
func (e *RosterEdit) TeamViolations(team string) []Violation { return e.byTeam[team] }

// Counts returns the number of hard and soft violations of team.
func (e *RosterEdit) Counts(team string) (hard, soft int) { return split(e.byTeam[team]) }

// Totals returns the number of hard and soft violations in all.
func (e *RosterEdit) Totals() (hard, soft int) { return split(e.Violations) }

func split(vs []Violation) (hard, soft int) {
	for _, v := range vs {
		if v.Hard {
			hard++
		} else {
			soft++
		}
	}
	return hard, soft
}

// Filled is the number of people placed.
func (e *RosterEdit) Filled() int {
	n := 0
	for _, t := range e.Res.Teams {
		n += len(t.Members)
	}
	return n
}

// Locked is the number of people locked in place.
func (e *RosterEdit) Locked() int {
	n := 0
	for _, t := range e.Res.Teams {
		for _, m := range t.Members {
			if m.Locked {
				n++
			}
		}
	}
	return n
}

// Free lists the people who may still be placed, by code: active, in a
// pool, not placed and not excluded.
func (e *RosterEdit) Free() []Person {
	placed := map[string]bool{}
	for _, t := range e.Res.Teams {
		for _, m := range t.Members {
			placed[m.Person] = true
		}
	}
	var out []Person
	for _, p := range e.In.People {
		if placed[p.Code] || p.Status != vocab.StatusActive || !p.Pools.Any() || slices.Contains(e.Excluded, p.Code) {
			continue
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Person) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// Name returns a person's name: the instance's, the result's, or the code.
func (e *RosterEdit) Name(code string) string {
	for i := range e.In.People {
		if p := &e.In.People[i]; p.Code == code && p.Name != "" {
			return p.Name
		}
	}
	if n := e.Res.Names[code]; n != "" {
		return n
	}
	return code
}

// CountyName returns a county's name, or its code.
func (e *RosterEdit) CountyName(code string) string { return e.In.countyName(code) }

// UnitNames writes a team's units by name, with 、.
func (e *RosterEdit) UnitNames(t *TeamResult) string {
	names := make([]string, len(t.Units))
	for i, u := range t.Units {
		names[i] = e.In.unitName(u)
	}
	return strings.Join(names, "、")
}

// Summary says how full the roster is and how sure that is, and how many
// rules it breaks: "自动编组：名额 14，已编入 14，全部编满；违规 0 条，提示 2 条".
func (e *RosterEdit) Summary() string {
	filled, slots := e.Filled(), e.Set.Slots()*len(e.Res.Teams)
	head := e.Source
	if e.Dirty {
		head = "手动调整后（未保存）"
	}
	s := fmt.Sprintf("%s：名额 %d，已编入 %d", head, slots, filled)
	o := e.Res.Objective
	switch {
	case e.Dirty, e.Source == SourceSaved, filled == 0:
	case filled == slots:
		s += "，全部编满"
	case e.Source == SourceDraw:
		s += fmt.Sprintf("，空缺 %d（上界 %d）", slots-filled, o.Bound)
	case o.Optimal:
		s += fmt.Sprintf("，空缺 %d（已证明无法编入更多）", slots-filled)
	default:
		s += fmt.Sprintf("，空缺 %d（上界 %d，未能证明最优）", slots-filled, o.Bound)
	}
	hard, soft := e.Totals()
	return s + fmt.Sprintf("；违规 %d 条，提示 %d 条", hard, soft)
}
