package assign

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/snap"
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
	if got, want := e.Summary(), "自动编组：名额 6，已编入 6，全部编满；以老带新缺 0 名，轮换 0 轮次，新提拔编入 0 人（未编入 0 人），同县区重复 1 人，提示 0 条，特长不适配 0 人；违规 0 条，提示 0 条"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if e.Dirty || e.Filled() != 6 || e.Locked() != 0 || len(e.Unfilled) != 0 {
		t.Errorf("fresh edit: dirty %v, filled %d, locked %d, unfilled %v", e.Dirty, e.Filled(), e.Locked(), e.Unfilled)
	}
}

// TestRosterEditMoveChecksAtOnce moves C onto the team R1 bars them from
// (into the slot of a member taken off): the broken rule shows on C, on
// the team and in the totals at once.
func TestRosterEditMoveChecksAtOnce(t *testing.T) {
	e := newEdit(t)
	if err := e.Exclude(memberOf(t, e, "第二组", vocab.RoleMember)); err != nil {
		t.Fatal(err)
	}
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

// memberOf returns a member of team in role other than C.
func memberOf(t *testing.T, e *RosterEdit, team, role string) string {
	t.Helper()
	for _, m := range e.Team(team).Members {
		if m.Role == role && m.Person != "C" {
			return m.Person
		}
	}
	t.Fatalf("no %s on %s", role, team)
	return ""
}

// TestRosterEditFullTeam: a role whose slots are all taken refuses a move
// (from another team, or from another role of the same team), naming the
// team, the role and the person moved; the roster stays as it was. A move
// within the same role of the same team is no overfill.
func TestRosterEditFullTeam(t *testing.T) {
	e := newEdit(t)
	before := e.Res
	var outside string
	for _, m := range e.Team("第一组").Members {
		if m.Role == vocab.RoleMember {
			outside = m.Person
		}
	}
	err := e.Move(outside, "第二组", vocab.RoleMember)
	if err == nil || !strings.Contains(err.Error(), "第二组 的 成员 名额已满（编组设置 2 人），不能再移入 姓名"+outside) {
		t.Fatalf("a move into a full team: %v", err)
	}
	leader := memberOf(t, e, "第二组", vocab.RoleLeader)
	if err := e.Move(leader, "第二组", vocab.RoleMember); err == nil || !strings.Contains(err.Error(), "成员 名额已满") {
		t.Fatalf("a leader made a third 成员: %v", err)
	}
	if e.Res != before || e.Dirty || e.NextUndo() != "" {
		t.Fatal("a refused move changed the roster")
	}
	inside := memberOf(t, e, "第二组", vocab.RoleMember)
	if err := e.Move(inside, "第二组", vocab.RoleMember); err != nil {
		t.Fatalf("a member moved onto their own role: %v", err)
	}
	if hard, _ := e.Counts("第二组"); hard != 0 {
		t.Errorf("%+v", e.TeamViolations("第二组"))
	}
	// a roster saved under other settings may still hold one too many
	over := e.Res.clone()
	over.remove(outside)
	over.team("第二组").Members = append(over.team("第二组").Members, Member{Person: outside, Role: vocab.RoleMember})
	vs, err := Check(e.In, e.Set, over.Teams)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(vs, func(v Violation) bool {
		return v.Rule == RuleCount && v.Hard && v.Reason == "第二组 的 成员 名额已满（编组设置 2 人）"
	}) {
		t.Errorf("an overfull team checked: %+v", vs)
	}
}

// TestRosterEditUndo: each hand edit is taken back in turn, the last
// first, down to the roster as solved; a re-solve is taken back too, and
// saving ends what can be taken back.
func TestRosterEditUndo(t *testing.T) {
	e := newEdit(t)
	solved := e.Res
	a := memberOf(t, e, "第一组", vocab.RoleMember)
	b := memberOf(t, e, "第二组", vocab.RoleMember)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(e.Swap(a, b))
	must(e.Exclude(a))
	must(e.SetLocked(b, false))
	if e.NextUndo() != "解锁 姓名"+b || e.Locked() != 0 {
		t.Fatalf("next undo %q, locked %d", e.NextUndo(), e.Locked())
	}
	for _, want := range []string{"解锁 姓名" + b, "排除 姓名" + a, "交换 姓名" + a + " 与 姓名" + b} {
		if got := e.Undo(); got != want {
			t.Fatalf("undid %q, want %q", got, want)
		}
	}
	if e.Res != solved || e.Dirty || len(e.Excluded) != 0 || e.Source != SourceSolve || e.Undo() != "" {
		t.Fatalf("after undoing all: dirty %v, excluded %v", e.Dirty, e.Excluded)
	}
	if !e.Unsaved() {
		t.Error("a solved roster not yet saved reads as saved")
	}
	must(e.Exclude(a))
	r, err := e.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if r.NextUndo() != "重新编组（全部）" {
		t.Fatalf("next undo after a re-solve: %q", r.NextUndo())
	}
	r.Undo()
	if tm, _ := r.Member(a); tm != nil || len(r.Unfilled) != 1 || r.NextUndo() != "排除 姓名"+a {
		t.Fatalf("undoing the re-solve: %s placed %v, unfilled %v", a, tm != nil, r.Unfilled)
	}
	r.Saved()
	if r.NextUndo() != "" || r.Unsaved() {
		t.Error("a saved roster can still be taken back, or reads unsaved")
	}
}

// TestRosterEditResolveScopes: 本组 re-solves one team and leaves the
// others' members where they are (their locks as they were); 仅空缺
// fills only the empty slots.
func TestRosterEditResolveScopes(t *testing.T) {
	in, set := editWorld()
	in.People = append(in.People, person("G", "C4", snap.StaffPool), person("H", "C3", snap.StaffPool), person("J", "C4", snap.StaffPool))
	e, err := NewRosterEdit(in, set, mustSolve(t, in, set), SourceSolve)
	if err != nil {
		t.Fatal(err)
	}
	a := memberOf(t, e, "第一组", vocab.RoleMember)
	b := memberOf(t, e, "第二组", vocab.RoleMember)
	if err := e.Exclude(a); err != nil {
		t.Fatal(err)
	}
	if err := e.Exclude(b); err != nil {
		t.Fatal(err)
	}
	second := slices.Clone(e.Team("第二组").Members)
	e.SetLocked(second[0].Person, true)
	second[0].Locked = true
	r, err := e.ResolveIn(ResolveTeam, "第一组")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Team("第二组").Members, second) {
		t.Errorf("本组 changed 第二组: %+v → %+v", second, r.Team("第二组").Members)
	}
	if len(r.Team("第一组").Members) != 3 {
		t.Errorf("第一组 not re-filled: %+v", r.Team("第一组").Members)
	}
	first := slices.Clone(e.Team("第一组").Members)
	r, err = e.ResolveIn(ResolveEmpty, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range []struct {
		name string
		was  []Member
	}{{"第一组", first}, {"第二组", second}} {
		got := r.Team(tm.name).Members
		for _, m := range tm.was {
			if !slices.Contains(got, m) {
				t.Errorf("仅空缺 moved %s of %s: %+v", m.Person, tm.name, got)
			}
		}
	}
	if len(r.Unfilled) != 0 {
		t.Errorf("仅空缺 left %v", r.Unfilled)
	}
	if _, err := e.ResolveIn(ResolveTeam, "第九组"); err == nil {
		t.Error("an unknown team re-solved")
	}
}
