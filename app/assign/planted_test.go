package assign

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// person makes a placeable person: code, county, pools, skills.
func person(code, county string, pools snap.PoolSet, skills ...string) Person {
	return Person{Code: code, Name: "姓名" + code, County: county, Pools: pools, Skills: skills, Status: "在库"}
}

func team(name string, seq int, county string, units ...string) Team {
	return Team{Name: name, Seq: seq, County: county, Units: units}
}

// rows makes a composition of remote rows (role, count, pools).
func rows(k int, rs ...Row) Settings {
	return Settings{Rows: rs, MaxPerCounty: k}
}

func remote(role string, n int, pools ...string) Row { return Row{Role: role, Count: n, Pools: pools} }

func mustSolve(t *testing.T, in *Instance, set Settings) *Result {
	t.Helper()
	res, err := Solve(in, set)
	if err != nil {
		t.Fatal(err)
	}
	if err := newOracle(in, set).valid(res); err != nil {
		t.Fatalf("invalid result: %v", err)
	}
	return res
}

func members(res *Result, team string) []string {
	var out []string
	for _, t := range res.Teams {
		if t.Team == team {
			for _, m := range t.Members {
				out = append(out, m.Role+":"+m.Person)
			}
		}
	}
	return out
}

func TestPlanted(t *testing.T) {
	L, S, E := snap.LeaderPool, snap.StaffPool, snap.ExpertPool
	cases := []struct {
		name   string
		in     *Instance
		set    Settings
		filled int
		check  func(t *testing.T, res *Result)
	}{
		{
			// X is the cheapest leader and could lead either team; a greedy
			// pass gives X to the first team and leaves the second without
			// a leader, since Y may not lead it.
			name: "灵活人员被贪心先占",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
				People: []Person{person("X", "C2", L), {Code: "Y", County: "C3", Pools: L, Status: "在库", Served: 2}},
				Hits:   []Hit{{Person: "Y", Team: "第二组", Unit: "U2", Rule: "R1", Hard: true, Reason: "Y 现任职于 U2"}}},
			set:    rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader)),
			filled: 2,
			check: func(t *testing.T, res *Result) {
				if got := members(res, "第二组"); !slices.Equal(got, []string{"组长:X"}) {
					t.Errorf("第二组 = %v, want X as leader", got)
				}
			},
		},
		{
			// three counties, two of them other than the team's: at most
			// 2+2 of the five non-local slots can be filled
			name: "同县三人超限",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A1", "C2", S), person("A2", "C2", S), person("A3", "C2", S),
					person("B1", "C3", S), person("B2", "C3", S), person("B3", "C3", S)}},
			set:    rows(2, remote(vocab.RoleMember, 5, vocab.PoolStaff)),
			filled: 4,
			check: func(t *testing.T, res *Result) {
				if len(res.Unfilled) != 1 || !strings.Contains(res.Unfilled[0].Reason, "同一县区上限") {
					t.Errorf("unfilled = %+v, want one slot kept empty by the county cap", res.Unfilled)
				}
				if !res.Objective.Optimal || res.Objective.Bound != 4 {
					t.Errorf("objective = %+v, want proven 4", res.Objective)
				}
			},
		},
		{
			// SPEC §5's example: the third team lacks a finance person
			name: "第三组缺财务人员",
			in: &Instance{Mode: vocab.ModeMixed, UnitNames: map[string]string{"U3": "县财政局"},
				Teams: []Team{team("第一组", 1, "C1", "U1"), team("第三组", 3, "C1", "U3")},
				People: []Person{person("F1", "C2", S, "财务"), person("F2", "C3", S, "财务"), person("F3", "C4", S, "审计"),
					person("F4", "C5", S, "财务"), person("N1", "C2", S), person("N2", "C3", S), person("N3", "C4", S)},
				Hits: []Hit{
					{Person: "F2", Team: "第三组", Unit: "U3", Rule: "R2", Hard: true, Reason: "曾任职"},
					{Person: "F3", Team: "第三组", Unit: "U3", Rule: "R2", Hard: true, Reason: "曾任职"},
					{Person: "F4", Team: "第三组", Unit: "U3", Rule: "R2", Hard: true, Reason: "曾任职"},
					{Person: "F2", Team: "第一组", Unit: "U1", Rule: "R1", Hard: true, Reason: "现任职"},
					{Person: "F3", Team: "第一组", Unit: "U1", Rule: "R1", Hard: true, Reason: "现任职"},
					{Person: "F4", Team: "第一组", Unit: "U1", Rule: "R1", Hard: true, Reason: "现任职"}}},
			set:    Settings{Rows: []Row{remote(vocab.RoleMember, 2, vocab.PoolStaff)}, MaxPerCounty: 2, RequiredSkills: []string{"财务|审计"}},
			filled: 3,
			check: func(t *testing.T, res *Result) {
				want := "第三组缺财务或审计人员：具备该特长的候选 4 人，其中 3 人与 县财政局 存在 R2 曾任职回避，1 人已编入其他组（第一组 1 人）"
				if len(res.Unfilled) != 1 || res.Unfilled[0].Reason != want {
					t.Errorf("unfilled = %+v\nwant reason %q", res.Unfilled, want)
				}
			},
		},
		{
			name: "近亲属不同组",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
				People: []Person{person("A", "C2", S), person("B", "C3", S), person("C", "C4", S), person("D", "C5", S)},
				Pairs:  []Pair{{A: "A", B: "B", Rule: "R6", Hard: true, Reason: "A 与 B 为近亲属"}}},
			set:    rows(2, remote(vocab.RoleMember, 2, vocab.PoolStaff)),
			filled: 4,
			check: func(t *testing.T, res *Result) {
				for _, tr := range res.Teams {
					if strings.Contains(fmt.Sprint(tr.Members), "A ") && strings.Contains(fmt.Sprint(tr.Members), "B ") {
						t.Errorf("%s holds both relatives: %v", tr.Team, tr.Members)
					}
				}
			},
		},
		{
			name: "豁免后可编入并提示",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", L)},
				Hits:   []Hit{{Person: "A", Team: "第一组", Unit: "U1", Rule: "R3", Hard: true, Overridden: true, Reason: "配偶任班子成员"}}},
			set:    rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader)),
			filled: 1,
			check: func(t *testing.T, res *Result) {
				if len(res.Warnings) != 1 || res.Warnings[0].Rule != "R3" || !strings.HasSuffix(res.Warnings[0].Reason, "（已豁免）") {
					t.Errorf("warnings = %+v, want the overridden R3", res.Warnings)
				}
			},
		},
		{
			name: "锁定人员保留且计入上限",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", S), person("B", "C2", S), person("C", "C3", S), person("D", "C2", S)},
				Locks:  []Lock{{Person: "D", Team: "第一组", Role: vocab.RoleMember}}},
			set:    rows(2, remote(vocab.RoleMember, 3, vocab.PoolStaff)),
			filled: 3,
			check: func(t *testing.T, res *Result) {
				got := members(res, "第一组")
				if !slices.Contains(got, "成员:D") || !slices.Contains(got, "成员:C") {
					t.Errorf("第一组 = %v, want D (locked) and C (C2 already has two)", got)
				}
			},
		},
		{
			name: "暂停出库与排除不编入",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{{Code: "A", County: "C2", Pools: S, Status: "暂停"}, {Code: "B", County: "C3", Pools: S, Status: "出库"},
					person("C", "C4", S)},
				Excluded: []string{"C"}},
			set:    rows(2, remote(vocab.RoleMember, 1, vocab.PoolStaff)),
			filled: 0,
			check: func(t *testing.T, res *Result) {
				if len(res.Unfilled) != 1 || !strings.Contains(res.Unfilled[0].Reason, "3 人暂停、出库或被排除") {
					t.Errorf("unfilled = %+v", res.Unfilled)
				}
			},
		},
		{
			name: "本县编组只用本县人员",
			in: &Instance{Mode: vocab.ModeLocal, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C1", L|S), person("B", "C2", L|S), person("C", "C1", S|E)}},
			set:    rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader), remote(vocab.RoleMember, 2, vocab.PoolStaff, vocab.PoolExpert)),
			filled: 2,
			check: func(t *testing.T, res *Result) {
				if got := members(res, "第一组"); !slices.Equal(got, []string{"组长:A", "成员:C"}) {
					t.Errorf("第一组 = %v", got)
				}
			},
		},
		{
			name: "新提拔干部优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: civil.MustParse("2026-03-01"), Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", S), {Code: "B", County: "C3", Pools: S, Status: "在库", PromotedOn: civil.MustParse("2025-06-01")},
					{Code: "C", County: "C4", Pools: S, Status: "在库", Served: 1, PromotedOn: civil.MustParse("2025-06-01")}}},
			set:    rows(2, remote(vocab.RoleMember, 1, vocab.PoolStaff)),
			filled: 1,
			check: func(t *testing.T, res *Result) {
				if got := members(res, "第一组"); !slices.Equal(got, []string{"成员:B"}) {
					t.Errorf("第一组 = %v, want the promoted cadre who has not served", got)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustSolve(t, c.in, c.set)
			if res.Objective.Filled != c.filled {
				t.Fatalf("filled %d, want %d; teams %+v unfilled %+v", res.Objective.Filled, c.filled, res.Teams, res.Unfilled)
			}
			c.check(t, res)
		})
	}
}

func TestDeterministic(t *testing.T) {
	in := synthetic(12, 600, 12)
	set := Defaults()
	a, _ := json.Marshal(mustSolve(t, in, set))
	for range 3 {
		b, _ := json.Marshal(mustSolve(t, in, set))
		if string(a) != string(b) {
			t.Fatal("same data and seed gave different results")
		}
	}
	in.Seed = "另一个种子"
	c, _ := json.Marshal(mustSolve(t, in, set))
	if string(a) == string(c) {
		t.Log("a different seed gave the same result (allowed, but unexpected)")
	}
}

func TestReasonsCountCandidates(t *testing.T) {
	for seed := range uint64(60) {
		in := randomInstance(seed, 9, 3)
		res := mustSolve(t, in, tinySettings(1, true))
		for _, u := range res.Unfilled {
			if !strings.Contains(u.Reason, "候选") || !strings.ContainsAny(u.Reason, "0123456789") {
				t.Fatalf("seed %d: reason without counts: %q", seed, u.Reason)
			}
		}
	}
}

func TestEdgeCases(t *testing.T) {
	set := Defaults()
	for name, in := range map[string]*Instance{
		"没有巡察组":   {Mode: vocab.ModeMixed, People: []Person{person("A", "C1", snap.StaffPool)}},
		"没有人员":    {Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")}},
		"组无被巡察单位": {Mode: vocab.ModeSwap, Teams: []Team{team("第一组", 1, "")}, People: []Person{person("A", "C1", snap.StaffPool)}},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Solve(in, set)
			if err != nil {
				t.Fatal(err)
			}
			if res.Objective.Filled != 0 || len(res.Unfilled) != res.Objective.Slots {
				t.Errorf("filled %d, %d unfilled of %d slots", res.Objective.Filled, len(res.Unfilled), res.Objective.Slots)
			}
		})
	}
	if _, err := Solve(&Instance{Mode: "随便"}, set); err == nil {
		t.Error("an unknown mode must be refused")
	}
	bad := &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")}, People: []Person{person("A", "C2", snap.StaffPool)},
		Locks: []Lock{{Person: "A", Team: "第一组", Role: vocab.RoleMember}, {Person: "A", Team: "第一组", Role: vocab.RoleLiaison}}}
	if _, err := Solve(bad, set); err == nil {
		t.Error("a person locked twice must be refused")
	}
}
