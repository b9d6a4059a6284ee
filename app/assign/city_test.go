package assign

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// The city as a jurisdiction (SPEC §8.1): a row's origin 本地, 异地, 市本级
// or 不限, the 市本级 jurisdictions of an instance, and the 巡审联动
// requirement as a required group.

// row makes a composition row of origin from.
func row(role string, n int, from string, pools ...string) Row {
	return Row{Role: role, Count: n, Origin: from, Pools: pools}
}

// cityPerson is a person of the 市本级 jurisdiction CITY.
func cityPerson(code string, pools snap.PoolSet, skills ...string) Person {
	return person(code, "CITY", pools, skills...)
}

func TestCityPlanted(t *testing.T) {
	L, S := snap.LeaderPool, snap.StaffPool
	joint := func(p Person) Person { p.Joint = true; return p }
	cases := []struct {
		name   string
		in     *Instance
		set    Settings
		filled int
		want   map[string][]string // team → members (role:person)
		unfill string              // in the reason of an unfilled slot
	}{
		{
			// The 组长 slot of origin 市本级 takes the city cadre, though the
			// county cadre of another county is cheaper (never served).
			name: "市本级组长只由市本级人员担任",
			in: &Instance{Mode: vocab.ModeMixed, City: []string{"CITY"}, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", L), {Code: "Z", County: "CITY", Pools: L, Status: "在库", Served: 3}}},
			set:    rows(2, row(vocab.RoleLeader, 1, vocab.FromCity, vocab.PoolLeader)),
			filled: 1,
			want:   map[string][]string{"第一组": {"组长:Z"}},
		},
		{
			name: "没有市本级人员时市本级组长空缺并说明",
			in: &Instance{Mode: vocab.ModeMixed, City: []string{"CITY"}, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", L), person("B", "C3", L)}},
			set:    rows(2, row(vocab.RoleLeader, 1, vocab.FromCity, vocab.PoolLeader)),
			filled: 0,
			unfill: "市本级",
		},
		{
			// Default composition: 组长 异地. A city cadre comes from
			// elsewhere for a county team.
			name: "市本级干部担任县区巡察组组长",
			in: &Instance{Mode: vocab.ModeMixed, City: []string{"CITY"}, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{cityPerson("Z", L), person("A", "C1", L)}},
			set:    rows(2, row(vocab.RoleLeader, 1, vocab.FromElsewhere, vocab.PoolLeader)),
			filled: 1,
			want:   map[string][]string{"第一组": {"组长:Z"}},
		},
		{
			// A team inspecting a 市直 unit: its local roles come from the
			// city level, and a county cadre is from elsewhere.
			name: "县区干部巡察市直单位为异地",
			in: &Instance{Mode: vocab.ModeMixed, City: []string{"CITY"}, Teams: []Team{team("市一组", 1, "CITY", "U9")},
				People: []Person{cityPerson("Z1", S), {Code: "Z2", County: "CITY", Pools: S, Status: "在库", Served: 1}, person("A", "C1", S)}},
			set: rows(2, row(vocab.RoleDeputy, 1, vocab.FromLocal), row(vocab.RoleMember, 1, vocab.FromElsewhere, vocab.PoolStaff)),
			// Z2 may not be a 成员 (异地) on a city team, however free: only A is.
			filled: 2,
			want:   map[string][]string{"市一组": {"副组长:Z1", "成员:A"}},
		},
		{
			// 不限: anyone, the team's own people too, and they do not count
			// toward the cap on one other county.
			name: "不限来源含本地人员且不计入同县上限",
			in: &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C1", S), person("B", "C1", S), person("C", "C2", S), person("D", "C2", S)}},
			set:    rows(1, row(vocab.RoleMember, 3, vocab.FromAny, vocab.PoolStaff)),
			filled: 3, // A, B local and one of C, D (cap 1)
		},
		{
			// In 本县 every row but a 市本级 one is local; the 市本级 row still
			// takes a city cadre.
			name: "本县轮次的市本级行仍由市本级人员担任",
			in: &Instance{Mode: vocab.ModeLocal, City: []string{"CITY"}, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{cityPerson("Z", L), person("A", "C1", L), person("B", "C1", S), person("C", "C2", S)}},
			set:    rows(2, row(vocab.RoleLeader, 1, vocab.FromCity, vocab.PoolLeader), row(vocab.RoleMember, 2, vocab.FromElsewhere, vocab.PoolStaff)),
			filled: 2,
			want:   map[string][]string{"第一组": {"组长:Z", "成员:B"}},
		},
		{
			// 成建制交叉: the 市本级 row is not the source county's; the others are.
			name: "成建制交叉的市本级行",
			in: &Instance{Mode: vocab.ModeSwap, City: []string{"CITY"}, Seed: "1",
				Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C2", "U2")},
				People: []Person{cityPerson("Z1", L), cityPerson("Z2", L), person("A1", "C1", S), person("A2", "C1", S),
					person("B1", "C2", S), person("B2", "C2", S)}},
			set: rows(1, row(vocab.RoleLeader, 1, vocab.FromCity, vocab.PoolLeader), row(vocab.RoleMember, 2, vocab.FromElsewhere, vocab.PoolStaff)),
			// the members of each team come from the one other county, no cap
			filled: 6,
		},
		{
			// 巡审联动: the team needs a member of the 审计局; J is dearer
			// (served twice) but the only one.
			name: "巡审联动须有一人来自审计局",
			in: &Instance{Mode: vocab.ModeMixed, Joint: "现工作单位为 县审计局", Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", S), person("B", "C3", S), joint(Person{Code: "J", County: "C4", Pools: S, Status: "在库", Served: 2})}},
			set:    rows(2, row(vocab.RoleMember, 2, vocab.FromElsewhere, vocab.PoolStaff)),
			filled: 2,
			want:   map[string][]string{"第一组": {"成员:A", "成员:J"}},
		},
		{
			name: "巡审联动无人符合时空缺并说明",
			in: &Instance{Mode: vocab.ModeMixed, Joint: "现工作单位为 县审计局", Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", S), person("B", "C3", S)}},
			set:    rows(2, row(vocab.RoleMember, 2, vocab.FromElsewhere, vocab.PoolStaff)),
			filled: 1,
			unfill: "缺巡审联动人员（现工作单位为 县审计局）",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustSolve(t, c.in, c.set)
			if res.Objective.Filled != c.filled {
				t.Fatalf("filled %d, want %d; teams %+v unfilled %+v", res.Objective.Filled, c.filled, res.Teams, res.Unfilled)
			}
			for team, want := range c.want {
				if got := members(res, team); !slices.Equal(got, want) {
					t.Errorf("%s = %v, want %v", team, got, want)
				}
			}
			if c.unfill != "" && !slices.ContainsFunc(res.Unfilled, func(u Unfilled) bool { return strings.Contains(u.Reason, c.unfill) }) {
				t.Errorf("no unfilled reason with %q: %+v", c.unfill, res.Unfilled)
			}
			if !res.Objective.Optimal {
				t.Errorf("not proven optimal: %+v", res.Objective)
			}
		})
	}
}

// Check names a county cadre in a 市本级 slot, a city cadre in an 异地
// slot of a city team, and a team without its 巡审联动 member.
func TestCityCheck(t *testing.T) {
	in := &Instance{Mode: vocab.ModeMixed, City: []string{"CITY"}, Joint: "现工作单位为 审计局",
		Teams:  []Team{team("市一组", 1, "CITY", "U9")},
		People: []Person{person("A", "C1", snap.LeaderPool), cityPerson("Z", snap.StaffPool)}}
	set := rows(2, row(vocab.RoleLeader, 1, vocab.FromCity), row(vocab.RoleMember, 1, vocab.FromElsewhere))
	vs, err := Check(in, set, []TeamResult{{Team: "市一组", Members: []Member{{Person: "A", Role: vocab.RoleLeader}, {Person: "Z", Role: vocab.RoleMember}}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.Rule+" "+v.Person+" "+v.Reason)
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"R4 A A 的工作关系地为 C1，组长须来自市本级", "R4 Z Z 的工作关系地为 CITY，成员须来自其他县区", "缺巡审联动人员（现工作单位为 审计局）"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no violation %q in\n%s", want, joined)
		}
	}
}

// Settings stored before origins (the flag "local") keep their meaning;
// a stored origin reads as itself; an unknown one is refused.
func TestRowOriginJSON(t *testing.T) {
	var set Settings
	err := json.Unmarshal([]byte(`{"rows":[{"role":"组长","count":1,"local":false,"pools":["组长库"]},`+
		`{"role":"副组长","count":1,"local":true},{"role":"成员","count":2,"origin":"市本级"},{"role":"联络员","count":1}],"maxPerCounty":2}`), &set)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range set.Rows {
		got = append(got, r.From())
	}
	if want := []string{vocab.FromElsewhere, vocab.FromLocal, vocab.FromCity, vocab.FromElsewhere}; !slices.Equal(got, want) {
		t.Fatalf("origins %v, want %v", got, want)
	}
	if err := set.Validate(); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(row(vocab.RoleDeputy, 1, vocab.FromLocal))
	if !strings.Contains(string(b), `"origin":"本地"`) || strings.Contains(string(b), "local") {
		t.Errorf("a row is written with its origin: %s", b)
	}
	if (Row{Role: vocab.RoleDeputy, Count: 1, Local: true}).From() != vocab.FromLocal {
		t.Error("a row of before origins, local, is not 本地")
	}
	set.Rows[0].Origin = "外省"
	if err := set.Validate(); err == nil || !strings.Contains(err.Error(), "来源") {
		t.Errorf("an unknown origin: %v", err)
	}
}

// citySettings are small compositions with every origin, for exhaustive
// checks.
func citySettings(k int, variant uint64) Settings {
	s := Settings{MaxPerCounty: k, SkillsByCategory: map[string][]string{"国有企业": {"财务"}}}
	switch variant % 3 {
	case 0:
		s.Rows = []Row{row(vocab.RoleLeader, 1, vocab.FromCity, vocab.PoolLeader), row(vocab.RoleDeputy, 1, vocab.FromLocal),
			row(vocab.RoleMember, 2, vocab.FromAny, vocab.PoolStaff, vocab.PoolExpert)}
	case 1:
		s.Rows = []Row{row(vocab.RoleLeader, 1, vocab.FromElsewhere, vocab.PoolLeader), row(vocab.RoleMember, 1, vocab.FromCity),
			row(vocab.RoleMember, 2, vocab.FromElsewhere, vocab.PoolStaff)}
	default:
		s.Rows = []Row{row(vocab.RoleLeader, 1, vocab.FromCity, vocab.PoolLeader), row(vocab.RoleMember, 2, vocab.FromAny),
			row(vocab.RoleLiaison, 1, vocab.FromElsewhere, vocab.PoolStaff)}
	}
	if variant%2 == 0 {
		s.RequiredSkills = []string{"财务|审计"}
	}
	return s
}

// cityInstance is a random instance whose county C0 is the 市本级, with a
// 巡审联动 requirement met by some people in one seed of two.
func cityInstance(seed uint64, people, teams int) *Instance {
	in := randomInstance(seed, people, teams)
	in.City = []string{"C0"}
	r := rand.New(rand.NewPCG(seed, 11))
	if seed%2 == 1 {
		in.Joint = "现工作单位为 审计局"
		for i := range in.People {
			in.People[i].Joint = r.IntN(4) == 0
		}
	}
	return in
}

// The solver stays exact for filling with origins and the 巡审联动
// requirement: on small instances it fills what an exhaustive search
// fills, and proves it.
func TestCityFillMatchesExhaustiveSearch(t *testing.T) {
	for seed := range uint64(240) {
		in := cityInstance(seed, 9+int(seed%4), 2+int(seed%2))
		if seed%5 == 4 {
			in.Mode = vocab.ModeLocal
		}
		set := citySettings(1+int(seed%2), seed/2)
		if seed%4 < 2 { // the experienced core and the stable roles weigh: filling stays exact
			set.Experience = DefaultExperience()
		}
		checkExhaustive(t, seed, in, set)
	}
}

// The objective's tiers stay exact with origins and the 巡审联动
// requirement: on small rounds the teams lack as few experienced members,
// and as few people who owe rounds are left out, as any assignment that
// fills as many slots.
func TestCityCoreMatchesExhaustiveSearch(t *testing.T) {
	for seed := range uint64(200) {
		in := cityInstance(seed+1000, 8+int(seed%3), 2)
		if seed%5 == 4 {
			in.Mode = vocab.ModeLocal
		}
		set := citySettings(1+int(seed%2), seed/2)
		set.Experience = Experience{Core: 1 + int(seed%4)/3, StableRoles: []string{vocab.RoleLeader}}
		checkCore(t, seed, in, set)
	}
}

func TestCityOwingMatchesExhaustiveSearch(t *testing.T) {
	for seed := range uint64(200) {
		in := cityInstance(seed+2000, 8+int(seed%3), 2)
		if seed%5 == 4 {
			in.Mode = vocab.ModeLocal
		}
		owingOnly(in, seed)
		checkOwing(t, seed, in, citySettings(1+int(seed%2), seed/2))
	}
}

// Mid-sized rounds with a 市本级 jurisdiction, every origin and the
// 巡审联动 requirement: whatever the solver returns keeps every hard rule,
// in each mode.
func TestCityMediumRoundsValid(t *testing.T) {
	for i, mode := range []string{vocab.ModeMixed, vocab.ModeSwap, vocab.ModeLocal} {
		in := synthetic(8, 240, 12)
		in.Mode = mode
		in.City = []string{in.People[0].County}
		in.Joint = "现工作单位为 审计局"
		for k := range in.People {
			in.People[k].Joint = k%9 == 0
		}
		set := Defaults()
		set.Rows[0].Origin = vocab.FromCity
		set.Rows = append(set.Rows, row(vocab.RoleMember, 1, vocab.FromAny))
		res, err := Solve(in, set)
		if err != nil {
			t.Fatal(err)
		}
		if err := newOracle(in, set).valid(res); err != nil {
			t.Fatalf("case %d (%s): %v", i, mode, err)
		}
		o := res.Objective
		if o.Filled > o.Bound || o.Optimal != (o.Filled == o.Bound) {
			t.Fatalf("case %d: objective %+v", i, o)
		}
		t.Logf("case %d (%s): filled %d of %d, bound %d", i, mode, o.Filled, o.Slots, o.Bound)
	}
}
