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
	Tiers      Tiers       // the objective's tiers of the current result

	byMember map[memberKey][]Violation
	byTeam   map[string][]Violation // every violation of a team (members' and the team's own)
	undo     []editState            // the states before each hand edit, the last edit last
}

// editState is a roster as it was before a hand edit, and what the edit
// did ("移动 张三").
type editState struct {
	res, base *Result
	excluded  []string
	dirty     bool
	source    string
	what      string
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
	in := *e.In
	in.Excluded = append(slices.Clone(in.Excluded), e.Excluded...)
	rv, err := CheckRoster(&in, e.Set, e.Res.Teams)
	if err != nil {
		return err
	}
	vs := rv.Violations
	empty := map[string]bool{}
	for _, t := range e.Res.Teams {
		empty[t.Team] = len(t.Members) == 0
	}
	// a team nobody is on yet lacks every skill and experience, and with
	// nobody placed at all everyone who owes rounds is left out: no news
	none := e.Filled() == 0
	vs = slices.DeleteFunc(vs, func(v Violation) bool {
		return (v.Rule == RuleSkill || v.Rule == RuleCore) && empty[v.Team] || v.Rule == RuleOwing && none
	})
	e.Violations, e.Tiers = vs, rv.Tiers
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

// apply makes a hand edit (what: "移动 张三"): the result and the people
// excluded become res and excluded, checked at once, the roster marked
// changed, and the state before kept for Undo. On an error (err, or of
// the check) the roster stays as it was.
func (e *RosterEdit) apply(what string, res *Result, excluded []string, err error) error {
	if err != nil {
		return err
	}
	prev := e.state(what)
	e.Res, e.Excluded = res, excluded
	if err := e.check(); err != nil {
		e.restore(prev)
		return err
	}
	e.Dirty = true
	e.undo = append(e.undo, prev)
	return nil
}

// state is the roster as it is now, before the edit what.
func (e *RosterEdit) state(what string) editState {
	return editState{res: e.Res, base: e.Base, excluded: slices.Clone(e.Excluded), dirty: e.Dirty, source: e.Source, what: what}
}

// restore puts the roster back as st was (the check of st's result ran
// before, so it runs again without fail).
func (e *RosterEdit) restore(st editState) {
	e.Res, e.Base, e.Excluded, e.Dirty, e.Source = st.res, st.base, st.excluded, st.dirty, st.source
	e.check()
}

// Undo takes back the last hand edit (or re-solve) and returns what it
// was; it returns "" when there is nothing to take back.
func (e *RosterEdit) Undo() string {
	if len(e.undo) == 0 {
		return ""
	}
	st := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	e.restore(st)
	return st.what
}

// NextUndo says what Undo would take back ("移动 张三"), or "".
func (e *RosterEdit) NextUndo() string {
	if len(e.undo) == 0 {
		return ""
	}
	return e.undo[len(e.undo)-1].what
}

// Unsaved reports whether the roster differs from the round's saved
// 编组记录: edited by hand, or solved, drawn or re-solved and not saved.
func (e *RosterEdit) Unsaved() bool {
	return e.Dirty || e.Source == SourceSolve || e.Source == SourceDraw || e.Source == SourceResolve
}

// without returns excluded without person.
func without(excluded []string, person string) []string {
	return slices.DeleteFunc(slices.Clone(excluded), func(p string) bool { return p == person })
}

// Move places person on team in role, locked there, taking them off any
// other place and out of the excluded. A role whose slots on the team are
// all taken refuses the move ("第十二巡察组 的 成员 名额已满"): swap with a
// member instead, or take one off first.
func (e *RosterEdit) Move(person, team, role string) error {
	if err := e.room(person, team, role); err != nil {
		return err
	}
	res, err := Move(e.Res, person, team, role)
	return e.apply("移动 "+e.Name(person), res, without(e.Excluded, person), err)
}

// room says why person cannot be moved to team in role: the role's slots
// there are all taken by others.
func (e *RosterEdit) room(person, team, role string) error {
	t := e.Team(team)
	if t == nil {
		return nil // Move says so
	}
	n := 0
	for _, m := range t.Members {
		if m.Role == role && m.Person != person {
			n++
		}
	}
	if want := e.Set.Wanted(role); n >= want {
		return fmt.Errorf("%s 的 %s 名额已满（编组设置 %d 人），不能再移入 %s：可改用“与…交换”，或先移出、排除该组的一名%s",
			team, role, want, e.Name(person), role)
	}
	return nil
}

// Swap exchanges the places of two placed people and locks both.
func (e *RosterEdit) Swap(a, b string) error {
	res, err := Swap(e.Res, a, b)
	return e.apply("交换 "+e.Name(a)+" 与 "+e.Name(b), res, e.Excluded, err)
}

// Replace puts other, not placed, in person's place (locked); person
// leaves the team.
func (e *RosterEdit) Replace(person, other string) error {
	t, m := e.Member(person)
	if t == nil {
		return fmt.Errorf("%s 未编入任何组", person)
	}
	res, err := Move(Remove(e.Res, person), other, t.Team, m.Role)
	return e.apply(e.Name(other)+" 顶替 "+e.Name(person), res, without(e.Excluded, other), err)
}

// SetLocked locks person where they are (Resolve keeps them), or unlocks
// them.
func (e *RosterEdit) SetLocked(person string, locked bool) error {
	what := "锁定 "
	if !locked {
		what = "解锁 "
	}
	res, err := SetLocked(e.Res, person, locked)
	return e.apply(what+e.Name(person), res, e.Excluded, err)
}

// Exclude takes person off their team and out of re-solving.
func (e *RosterEdit) Exclude(person string) error {
	excluded := slices.Clone(e.Excluded)
	if !slices.Contains(excluded, person) {
		excluded = append(excluded, person)
		slices.Sort(excluded)
	}
	return e.apply("排除 "+e.Name(person), Remove(e.Res, person), excluded, nil)
}

// Readmit lets an excluded person be placed again.
func (e *RosterEdit) Readmit(person string) {
	e.apply("恢复 "+e.Name(person), e.Res, without(e.Excluded, person), nil)
}

// What a re-solve (Resolve) may change.
const (
	ResolveAll   = "全部"  // every member not locked, on every team
	ResolveTeam  = "本组"  // the members not locked of one team; the other teams stay
	ResolveEmpty = "仅空缺" // only the empty slots: every member stays
)

// ResolveScopes lists what a re-solve may change, in the order offered.
var ResolveScopes = []string{ResolveTeam, ResolveEmpty, ResolveAll}

// Resolve solves the rest again, keeping the locked members where they
// are and leaving out the excluded people: a new edit, changed against
// what was saved, with the same exclusions and draw record; Undo on it
// brings back this roster.
func (e *RosterEdit) Resolve() (*RosterEdit, error) { return e.ResolveIn(ResolveAll, "") }

// ResolveIn is Resolve limited by scope: ResolveTeam re-solves only team
// (the other teams stay as they are, their empty slots too), ResolveEmpty
// only fills the empty slots (every member stays), ResolveAll is Resolve.
// Members kept by the scope keep their lock as it was.
func (e *RosterEdit) ResolveIn(scope, team string) (*RosterEdit, error) {
	keep := e.Res.clone()
	kept := map[string]bool{} // kept by the scope, not locked by hand
	for i := range keep.Teams {
		t := &keep.Teams[i]
		if scope == ResolveAll || scope == ResolveTeam && t.Team == team {
			continue
		}
		for j := range t.Members {
			if m := &t.Members[j]; !m.Locked {
				m.Locked, kept[m.Person] = true, true
			}
		}
	}
	if scope == ResolveTeam && e.Team(team) == nil {
		return nil, fmt.Errorf("巡察组 %s 不在本轮次", team)
	}
	res, err := Resolve(e.In, e.Set, keep, e.Excluded)
	if err != nil {
		return nil, err
	}
	for i := range res.Teams {
		t := &res.Teams[i]
		if scope == ResolveTeam && t.Team != team {
			// the solver may have filled another team's empty slot: it stays empty
			t.Members = slices.Clone(e.Team(t.Team).Members)
			continue
		}
		for j := range t.Members {
			if m := &t.Members[j]; kept[m.Person] {
				m.Locked = false
			}
		}
	}
	if scope == ResolveTeam {
		res.Unfilled = slices.DeleteFunc(res.Unfilled, func(u Unfilled) bool { return u.Team != team })
		for _, u := range e.Unfilled {
			if u.Team != team {
				res.Unfilled = append(res.Unfilled, u)
			}
		}
		res.Warnings = slices.DeleteFunc(res.Warnings, func(w Warning) bool { return w.Team != team })
		for _, w := range e.Res.Warnings {
			if w.Team != team {
				res.Warnings = append(res.Warnings, w)
			}
		}
	}
	out, err := NewRosterEdit(e.In, e.Set, res, SourceResolve)
	if err != nil {
		return nil, err
	}
	out.Dirty, out.Excluded, out.Rec = true, slices.Clone(e.Excluded), e.Rec
	out.undo = append(slices.Clone(e.undo), e.state("重新编组（"+scope+"）"))
	return out, nil
}

// Saved records that the roster is now the round's saved 编组记录; what
// was done before can no longer be taken back.
func (e *RosterEdit) Saved() {
	e.Dirty = false
	e.Source = SourceSaved
	e.undo = nil
}

// Suggest ranks the candidates for a slot of the roster (see Suggest):
// the empty slot of role on team when holder is "", else holder's; at
// most SuggestLimit of them. Placing one (Move into an empty slot,
// Replace a holder) checks the roster at once.
func (e *RosterEdit) Suggest(team, role, holder string) (*Suggestions, error) {
	in := *e.In
	in.Excluded = append(slices.Clone(in.Excluded), e.Excluded...)
	return Suggest(&in, e.Set, e.Res, team, role, holder, SuggestLimit)
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

// Summary says how full the roster is and how sure that is, the tiers of
// the objective that follow filling, and how many rules it breaks:
// "自动编组：名额 14，已编入 14，全部编满；以老带新 …；违规 0 条，提示 2 条".
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
	if filled > 0 {
		s += "；" + TiersText(e.Tiers)
	}
	hard, soft := e.Totals()
	return s + fmt.Sprintf("；违规 %d 条，提示 %d 条", hard, soft)
}
