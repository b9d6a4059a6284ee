package assign

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/vocab"
)

func newEdit(t *testing.T) *RosterEdit {
	t.Helper()
	in, set := editWorld()
	e, err := NewRosterEdit(in, set, mustSolve(t, in, set), SourceSolve)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestRosterEditSummary(t *testing.T) {
	e := newEdit(t)
	if got, want := e.Summary(), "自动编组：名额 6，已编入 6，全部编满；违规 0 条，提示 0 条"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if e.Dirty || e.Filled() != 6 || e.Locked() != 0 || len(e.Unfilled) != 0 {
		t.Errorf("fresh edit: dirty %v, filled %d, locked %d, unfilled %v", e.Dirty, e.Filled(), e.Locked(), e.Unfilled)
	}
}

// TestRosterEditMoveChecksAtOnce moves C onto the team R1 bars them from:
// the broken rule shows on C, on the team and in the totals at once.
func TestRosterEditMoveChecksAtOnce(t *testing.T) {
	e := newEdit(t)
	if err := e.Move("C", "第二组", vocab.RoleMember); err != nil {
		t.Fatal(err)
	}
	tm, m := e.Member("C")
	if tm == nil || tm.Team != "第二组" || !m.Locked {
		t.Fatalf("C after the move: %+v %+v", tm, m)
	}
	if !slices.ContainsFunc(e.MemberViolations("第二组", "C"), func(v Violation) bool { return v.Rule == "R1" && v.Hard }) {
		t.Errorf("R1 not on C: %+v", e.MemberViolations("第二组", "C"))
	}
	if hard, _ := e.Counts("第二组"); hard == 0 {
		t.Error("第二组 counts no hard violation")
	}
	if len(e.TeamViolations("第二组")) < len(e.MemberViolations("第二组", "C")) {
		t.Error("the team's violations leave out its member's")
	}
	if !e.Dirty || !strings.HasPrefix(e.Summary(), "手动调整后（未保存）：名额 6") {
		t.Errorf("dirty %v, summary %q", e.Dirty, e.Summary())
	}
}

// TestRosterEditRefusedEditChangesNothing: an edit that fails leaves the
// roster as it was, clean.
func TestRosterEditRefusedEditChangesNothing(t *testing.T) {
	e := newEdit(t)
	before := e.Res
	for name, err := range map[string]error{
		"不在本轮的组": e.Move("A", "第九组", vocab.RoleMember),
		"无效角色":   e.Move("A", "第一组", "组员"),
		"未编入者交换": e.Swap("A", "无此人"),
		"未编入者顶替": e.Replace("无此人", "A"),
	} {
		if err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if e.Res != before || e.Dirty {
		t.Errorf("a refused edit changed the roster (dirty %v)", e.Dirty)
	}
}

func TestRosterEditExcludeReadmitReplace(t *testing.T) {
	e := newEdit(t)
	t1 := e.Res.Teams[0]
	out := t1.Members[len(t1.Members)-1]
	if err := e.Exclude(out.Person); err != nil {
		t.Fatal(err)
	}
	if tm, _ := e.Member(out.Person); tm != nil || !slices.Equal(e.Excluded, []string{out.Person}) {
		t.Fatalf("excluded %s still placed or not listed: %v", out.Person, e.Excluded)
	}
	if len(e.Unfilled) != 1 || e.Unfilled[0] != (Unfilled{Team: t1.Team, Role: out.Role, Reason: HandVacancy}) {
		t.Errorf("vacancy after excluding: %+v", e.Unfilled)
	}
	if slices.ContainsFunc(e.Free(), func(p Person) bool { return p.Code == out.Person }) {
		t.Error("an excluded person is offered as free")
	}
	e.Readmit(out.Person)
	if len(e.Excluded) != 0 || !slices.ContainsFunc(e.Free(), func(p Person) bool { return p.Code == out.Person }) {
		t.Errorf("readmitted %s not free: %v", out.Person, e.Excluded)
	}
	// the one free person takes the place of a placed one
	free := e.Free()
	stay := e.Res.Teams[1].Members[1]
	if err := e.Replace(stay.Person, free[0].Code); err != nil {
		t.Fatal(err)
	}
	tm, m := e.Member(free[0].Code)
	if tm == nil || tm.Team != e.Res.Teams[1].Team || m.Role != stay.Role || !m.Locked {
		t.Errorf("%s did not take the place of %s: %+v %+v", free[0].Code, stay.Person, tm, m)
	}
	if tm, _ := e.Member(stay.Person); tm != nil {
		t.Errorf("%s still on %s", stay.Person, tm.Team)
	}
}

// TestRosterEditVacancyReasons: a slot empty in the base keeps the
// base's reason; a slot a hand edit empties gets HandVacancy.
func TestRosterEditVacancyReasons(t *testing.T) {
	in, set := editWorld()
	res := &Result{Round: "R", Mode: vocab.ModeMixed, Teams: []TeamResult{
		{Team: "第一组", County: "C1", Units: []string{"U1"}, Members: []Member{{Person: "A", Role: vocab.RoleLeader}, {Person: "D", Role: vocab.RoleMember}}},
		{Team: "第二组", County: "C1", Units: []string{"U2"}, Members: []Member{}},
	}, Unfilled: []Unfilled{{Team: "第一组", Role: vocab.RoleMember, Reason: "原有空缺的原因"}}}
	e, err := NewRosterEdit(in, set, res, SourceSaved)
	if err != nil {
		t.Fatal(err)
	}
	if set.Wanted(vocab.RoleMember) != 2 || set.Wanted(vocab.RoleDeputy) != 0 {
		t.Fatalf("wanted: 成员 %d, 副组长 %d", set.Wanted(vocab.RoleMember), set.Wanted(vocab.RoleDeputy))
	}
	if err := e.Exclude("A"); err != nil {
		t.Fatal(err)
	}
	var first []string
	for _, u := range e.Unfilled {
		if u.Team == "第一组" {
			first = append(first, u.Role+"："+u.Reason)
		}
	}
	want := []string{vocab.RoleLeader + "：" + HandVacancy, vocab.RoleMember + "：原有空缺的原因"}
	if !slices.Equal(first, want) {
		t.Errorf("第一组's vacancies %q, want %q", first, want)
	}
	for _, v := range e.Violations {
		if v.Team == "第二组" && v.Rule == RuleSkill {
			t.Errorf("an empty team is reported lacking a skill: %+v", v)
		}
	}
}

func TestRosterEditResolveKeepsLocksAndExclusions(t *testing.T) {
	e := newEdit(t)
	keep := e.Res.Teams[1].Members[0]
	if err := e.SetLocked(keep.Person, true); err != nil {
		t.Fatal(err)
	}
	out := e.Res.Teams[0].Members[1].Person
	if err := e.Exclude(out); err != nil {
		t.Fatal(err)
	}
	r, err := e.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if tm, m := r.Member(keep.Person); tm == nil || tm.Team != e.Res.Teams[1].Team || m.Role != keep.Role || !m.Locked {
		t.Errorf("the locked %s moved: %+v %+v", keep.Person, tm, m)
	}
	if tm, _ := r.Member(out); tm != nil {
		t.Errorf("the excluded %s was placed on %s", out, tm.Team)
	}
	if r.Source != SourceResolve || !r.Dirty || !slices.Equal(r.Excluded, []string{out}) {
		t.Errorf("re-solved: source %q, dirty %v, excluded %v", r.Source, r.Dirty, r.Excluded)
	}
	r.Saved()
	if r.Dirty || r.Source != SourceSaved || !strings.HasPrefix(r.Summary(), SourceSaved+"：") {
		t.Errorf("saved: dirty %v, source %q, summary %q", r.Dirty, r.Source, r.Summary())
	}
}
