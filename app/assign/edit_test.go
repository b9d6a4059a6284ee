package assign

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// editWorld: two teams in C1, people from C2–C4, one of them barred from
// the second team by R1.
func editWorld() (*Instance, Settings) {
	S, L := snap.StaffPool, snap.LeaderPool
	in := &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
		People: []Person{person("A", "C2", L|S), person("B", "C3", L|S), person("C", "C4", S), person("D", "C2", S),
			person("E", "C3", S), person("F", "C2", S)},
		Hits: []Hit{{Person: "C", Team: "第二组", Unit: "U2", Rule: "R1", Hard: true, Reason: "C 现任职于 U2"}},
	}
	return in, rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader), remote(vocab.RoleMember, 2, vocab.PoolStaff))
}

func TestHandEditsAreChecked(t *testing.T) {
	in, set := editWorld()
	res := mustSolve(t, in, set)
	if v, err := Check(in, set, res.Teams); err != nil || hardCount(v) != 0 {
		t.Fatalf("solver result fails its own check: %v %v", v, err)
	}
	moved, err := Move(res, "C", "第二组", vocab.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Check(in, set, moved.Teams)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(v, func(x Violation) bool { return x.Hard && x.Rule == "R1" && x.Person == "C" }) {
		t.Errorf("moving C onto 第二组 should break R1: %+v", v)
	}
	twice, _ := Move(res, "A", "第二组", vocab.RoleLeader)
	twice.Teams[0].Members = append(twice.Teams[0].Members, Member{Person: "A", Role: vocab.RoleMember})
	v, _ = Check(in, set, twice.Teams)
	if !slices.ContainsFunc(v, func(x Violation) bool { return x.Rule == RuleTwice }) {
		t.Errorf("a person in two places must be caught: %+v", v)
	}
	re, err := Resolve(in, set, moved, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := members(re, "第二组"); !slices.Contains(got, "成员:C") {
		t.Errorf("the locked move must survive a re-solve: %v", got)
	}
	if !slices.ContainsFunc(re.Warnings, func(w Warning) bool { return w.Rule == "R1" && strings.Contains(w.Reason, "锁定") }) {
		t.Errorf("a locked member breaking R1 must be warned: %+v", re.Warnings)
	}
}

func TestSwapAndExclude(t *testing.T) {
	in, set := editWorld()
	res := mustSolve(t, in, set)
	a, b := res.Teams[0].Members[0].Person, res.Teams[1].Members[0].Person
	sw, err := Swap(res, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if sw.Teams[0].Members[0].Person != b || sw.Teams[1].Members[0].Person != a {
		t.Errorf("swap did not exchange %s and %s: %+v", a, b, sw.Teams)
	}
	re, err := Resolve(in, set, res, []string{a})
	if err != nil {
		t.Fatal(err)
	}
	if tr, _ := re.find(a); tr != nil {
		t.Errorf("excluded %s still placed on %s", a, tr.Team)
	}
}

func TestWhyNot(t *testing.T) {
	in, set := editWorld()
	res := mustSolve(t, in, set)
	why, err := WhyNot(in, set, res, "C", "第二组")
	if err != nil {
		t.Fatal(err)
	}
	if len(why) == 0 || !strings.Contains(strings.Join(why, "\n"), "R1") {
		t.Errorf("why C not on 第二组: %q, want the R1 reason", why)
	}
	// someone placed on the other team: no rule, a better use
	other := res.Teams[0].Members[len(res.Teams[0].Members)-1].Person
	why, _ = WhyNot(in, set, res, other, "第二组")
	if j := strings.Join(why, "\n"); !strings.Contains(j, "已编入第一组") && !strings.Contains(j, "R") {
		t.Errorf("why %s not on 第二组: %q", other, why)
	}
}

func hardCount(v []Violation) int {
	n := 0
	for _, x := range v {
		if x.Hard {
			n++
		}
	}
	return n
}

// TestLocalityLifted: a person of the inspected county placed by hand in
// a role that must come from elsewhere breaks the locality rule (R4, "须来自
// 其他县区"), unless an approved R4 override lifts it on that team; the
// override of one team does not reach another.
func TestLocalityLifted(t *testing.T) {
	in, set := editWorld()
	in.People = append(in.People, person("G", "C1", snap.StaffPool))
	res := mustSolve(t, in, set)
	gone := res.Teams[0].Members[len(res.Teams[0].Members)-1].Person
	moved, err := Move(Remove(res, gone), "G", "第一组", vocab.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	local := func(in *Instance) *Violation {
		v, err := Check(in, set, moved.Teams)
		if err != nil {
			t.Fatal(err)
		}
		for i := range v {
			if v[i].Person == "G" && v[i].Rule == RuleLocal {
				return &v[i]
			}
		}
		return nil
	}
	v := local(in)
	if v == nil || !v.Hard || !strings.Contains(v.Reason, "成员须来自其他县区") {
		t.Fatalf("without an override: %+v", v)
	}
	in.Lifted = []Lift{{Person: "G", Team: "第二组"}}
	if v := local(in); v == nil || !v.Hard {
		t.Fatalf("an override of another team lifted it: %+v", v)
	}
	in.Lifted = []Lift{{Person: "G", Team: "第一组"}}
	if v := local(in); v == nil || v.Hard || !strings.HasSuffix(v.Reason, "（已豁免）") {
		t.Fatalf("under an approved override: %+v", v)
	}
}
