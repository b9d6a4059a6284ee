package stats

import (
	"encoding/json"
	"reflect"
	"testing"

	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/obligation"
	"xuncha/app/snap"
)

func d(s string) civil.Date { return civil.MustParse(s) }

func members(codes ...string) []snap.Member {
	var out []snap.Member
	for i, c := range codes {
		role := "成员"
		if i == 0 {
			role = "组长"
		}
		out = append(out, snap.Member{Person: c, Role: role})
	}
	return out
}

func team(name string, units []string, people ...string) snap.Team {
	t := snap.Team{Name: name, Members: members(people...)}
	for _, u := range units {
		t.Units = append(t.Units, snap.TeamUnit{Unit: u})
	}
	return t
}

// planted is a world whose figures are worked out by hand in
// TestComputePlanted: three jurisdictions, a term with rounds in 2025 and
// 2026 (one to come, one without teams) and a round of the term before.
func planted() *Input {
	s := &snap.Snapshot{
		Counties: []snap.County{{Code: "C01", Name: "城关区"}, {Code: "C02", Name: "东湖区"}, {Code: "C03", Name: "西山区"}},
		Units: []snap.Unit{{Code: "U11", County: "C01"}, {Code: "U12", County: "C01"}, {Code: "U13", County: "C01"},
			{Code: "U21", County: "C02"}, {Code: "U22", County: "C02"}, {Code: "U31", County: "C03"}},
		People: []snap.Person{
			{Code: "P1", HomeCounty: "C02", FullTime: true, PromotedOn: d("2025-01-10"), Rank: "副科级"},
			{Code: "P2", HomeCounty: "C03", PromotedOn: d("2024-03-01"), Rank: "副科级"},
			{Code: "P3", HomeCounty: "C01"},
			{Code: "P4", HomeCounty: "C01", PromotedOn: d("2026-02-01"), Rank: "正科级"},
			{Code: "P5", HomeCounty: "C02", FullTime: true, PromotedOn: d("2023-06-01")},
			{Code: "P6", HomeCounty: "C03", PromotedOn: d("2025-10-01")},
			{Code: "P7", HomeCounty: "C01", PromotedOn: d("2025-05-05")},
			{Code: "P8", HomeCounty: "C02", PromotedOn: d("2026-05-01")},
		},
		Terms: []snap.Term{{Code: "T0", Start: d("2019-01-01"), End: d("2023-12-31")}, {Code: "T1", Name: "第十五届", Start: d("2024-01-01"), End: d("2028-12-31")}},
		Rounds: []snap.Round{
			{Code: "R0", Term: "T0", OnsiteStart: d("2023-03-01"), Teams: []snap.Team{team("Z1", []string{"U11"}, "P5")}},
			{Code: "R1", Term: "T1", Number: 1, OnsiteStart: d("2025-03-10"), Teams: []snap.Team{
				team("A1", []string{"U11"}, "P1", "P3"), team("A2", []string{"U21"}, "P2", "P5")}},
			{Code: "R2", Term: "T1", Number: 2, OnsiteStart: d("2026-04-07"), Teams: []snap.Team{
				team("B1", []string{"U12", "U13"}, "P1", "P2", "P6"), team("B2", []string{"U22"}, "P3", "P4")}},
			{Code: "R3", Term: "T1", Number: 3, OnsiteStart: d("2026-09-01"), Teams: []snap.Team{team("C1", []string{"U31"}, "P6", "P4", "P8")}},
			{Code: "R4", Term: "T1", Number: 4, OnsiteStart: d("2026-11-01")},
		},
	}
	s.Index()
	return &Input{
		Snap: s,
		Coverage: calendar.Coverage{ByCounty: []calendar.CountyCounts{
			{County: "C01", Name: "城关区", Counts: calendar.Counts{Total: 3, Covered: 2, Planned: 1}},
			{County: "C02", Name: "东湖区", Counts: calendar.Counts{Total: 2, Covered: 1, Planned: 1}},
			{County: "C03", Name: "西山区", Counts: calendar.Counts{Total: 1, Planned: 1}},
		}},
		Findings: []Finding{
			{Code: "F1", Round: "R1", Unit: "U11", Category: "党的建设缺失", OnTheSpot: true},
			{Code: "F2", Round: "R1", Unit: "U21", Category: "党的领导弱化"},
			{Code: "F3", Round: "R2", Unit: "U12", Category: "党的建设缺失"},
			{Code: "F4", Round: "R2", Unit: "U22", Category: "其他", OnTheSpot: true},
			{Code: "F5", Round: "R0", Unit: "U11", Category: "其他"},
		},
		Items: []Item{
			{Finding: "F1", State: "已完成", Due: d("2025-06-01")},
			{Finding: "F1", State: "整改中", Due: d("2026-05-31")},
			{Finding: "F2", State: "已销号", Due: d("2025-07-01")},
			{Finding: "F3", State: "未启动", Due: d("2026-06-01")},
			{Finding: "F3", State: "整改中", Due: d("2026-05-01")},
			{Finding: "F4", State: "已完成", Due: d("2026-01-01")},
			{Finding: "F5", State: "未启动", Due: d("2023-06-01")},
		},
		Clues: []Clue{
			{Round: "R1", Unit: "U11", Receiver: "纪委监委", Outcome: "立案审查", Opened: 2, Sanctioned: 1},
			{Round: "R2", Unit: "U12", Receiver: "纪委监委"},
			{Round: "R2", Unit: "U22", Receiver: "组织部", Outcome: "组织处理", Sanctioned: 1},
			{Round: "R0", Unit: "U11", Receiver: "纪委监委", Opened: 5},
		},
		Rule:       obligation.Default(),
		Categories: []string{"党的领导弱化", "党的建设缺失", "其他"},
	}
}

// The figures of several scopes, worked out by hand (see planted).
func TestComputePlanted(t *testing.T) {
	today := d("2026-06-01")
	cases := []struct {
		name string
		sc   Scope
		want Report
	}{
		{"整个届期", Scope{Term: "T1", Today: today}, Report{Term: "T1", Today: "2026-06-01", Rounds: 4, Teams: 5, UnitsInspected: 6,
			Coverage: Coverage{6, 3, 0.5},
			People: People{Placements: 12, Distinct: 7, FullTime: 3, ByHome: map[string]int{"C01": 4, "C02": 4, "C03": 4},
				NewlyPromotedServed: 6, Owing: 2},
			Findings:      Findings{4, 2, map[string]int{"党的建设缺失": 2, "党的领导弱化": 1, "其他": 1}},
			Rectification: Rectification{Items: 6, Done: 2, Closed: 1, Overdue: 2, Rate: 0.5},
			Clues:         Clues{Total: 3, ByReceiver: map[string]int{"纪委监委": 2, "组织部": 1}, CasesOpened: 2, Sanctioned: 2}}},
		{"2026年", Scope{Term: "T1", Year: 2026, Today: today}, Report{Term: "T1", Year: 2026, Today: "2026-06-01", Rounds: 3, Teams: 3,
			UnitsInspected: 4, Coverage: Coverage{6, 3, 0.5},
			People: People{Placements: 8, Distinct: 6, FullTime: 1, ByHome: map[string]int{"C01": 3, "C02": 2, "C03": 3},
				NewlyPromotedServed: 3, Owing: 2},
			Findings:      Findings{2, 1, map[string]int{"党的建设缺失": 1, "其他": 1}},
			Rectification: Rectification{Items: 3, Done: 1, Overdue: 1, Rate: 0.3333},
			Clues:         Clues{Total: 2, ByReceiver: map[string]int{"纪委监委": 1, "组织部": 1}, Sanctioned: 1}}},
		{"城关区", Scope{Term: "T1", County: "C01", Today: today}, Report{Term: "T1", County: "C01", Today: "2026-06-01", Rounds: 2,
			Teams: 2, UnitsInspected: 3, Coverage: Coverage{3, 2, 0.6667},
			People: People{Placements: 5, Distinct: 4, FullTime: 2, ByHome: map[string]int{"C01": 1, "C02": 2, "C03": 2},
				NewlyPromotedServed: 2, Owing: 1},
			Findings:      Findings{2, 1, map[string]int{"党的建设缺失": 2}},
			Rectification: Rectification{Items: 4, Done: 1, Overdue: 2, Rate: 0.25},
			Clues:         Clues{Total: 2, ByReceiver: map[string]int{"纪委监委": 2}, CasesOpened: 2, Sanctioned: 1}}},
		{"2026年东湖区", Scope{Term: "T1", Year: 2026, County: "C02", Today: today}, Report{Term: "T1", Year: 2026, County: "C02",
			Today: "2026-06-01", Rounds: 1, Teams: 1, UnitsInspected: 1, Coverage: Coverage{2, 1, 0.5},
			People:        People{Placements: 2, Distinct: 2, ByHome: map[string]int{"C01": 2}, NewlyPromotedServed: 1, Owing: 1},
			Findings:      Findings{1, 1, map[string]int{"其他": 1}},
			Rectification: Rectification{Items: 1, Done: 1, Rate: 1},
			Clues:         Clues{Total: 1, ByReceiver: map[string]int{"组织部": 1}, Sanctioned: 1}}},
		{"2027年西山区：什么也没有", Scope{Term: "T1", Year: 2027, County: "C03", Today: today}, Report{Term: "T1", Year: 2027,
			County: "C03", Today: "2026-06-01", Coverage: Coverage{1, 0, 0}, People: People{ByHome: map[string]int{}},
			Findings: Findings{ByCategory: map[string]int{}}, Clues: Clues{ByReceiver: map[string]int{}}}},
		{"一轮：R3", Scope{Term: "T1", Round: "R3", Today: today}, Report{Term: "T1", Today: "2026-06-01", Rounds: 1, Teams: 1,
			UnitsInspected: 1, Coverage: Coverage{6, 3, 0.5},
			People:   People{Placements: 3, Distinct: 3, ByHome: map[string]int{"C01": 1, "C02": 1, "C03": 1}, NewlyPromotedServed: 1, Owing: 2},
			Findings: Findings{ByCategory: map[string]int{}}, Clues: Clues{ByReceiver: map[string]int{}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := Compute(planted(), c.sc)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, c.want) {
				a, _ := json.Marshal(got)
				b, _ := json.Marshal(c.want)
				t.Errorf("got  %s\nwant %s", a, b)
			}
		})
	}
}

// The owing rule is a setting: two rounds owed make P1 (two rounds served)
// and P4 (one) … owe as worked out.
func TestOwingFollowsTheRule(t *testing.T) {
	in := planted()
	in.Rule = obligation.Rule{Rounds: 2, Years: 2}
	_, det, err := Compute(in, Scope{Term: "T1", Today: d("2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	// P1: 2 served since promotion → 0; P4: R2 → owes 1; P6: R2 → owes 1;
	// P7: none → 2; P8: none before the day → 2.
	var got []string
	for _, o := range det.Owing {
		got = append(got, o.Person+":"+string(rune('0'+o.Owed))+":"+o.By.String())
	}
	want := []string{"P4:1:2028-02-01", "P7:2:2027-05-05", "P8:2:2028-05-01", "P6:1:2027-10-01"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("owing %v, want %v", got, want)
	}
	in.Rule = obligation.Rule{Ranks: []string{"副科级"}, Rounds: 1, Years: 2}
	rep, _, _ := Compute(in, Scope{Term: "T1", Today: d("2026-06-01")})
	if rep.People.Owing != 0 {
		t.Errorf("only 副科级 bound: %d owe", rep.People.Owing)
	}
}

// The JSON is SPEC §12.2's: its keys in order, maps with only non-zero
// entries and sorted keys, year and county only when given.
func TestJSONShape(t *testing.T) {
	rep, _, err := Compute(planted(), Scope{Term: "T1", Year: 2026, County: "C02", Today: d("2026-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rep)
	want := `{"term":"T1","year":2026,"county":"C02","today":"2026-06-01","rounds":1,"teams":1,"units_inspected":1,` +
		`"coverage":{"required":2,"covered":1,"rate":0.5},"people":{"placements":2,"distinct":2,"full_time":0,"by_home":{"C01":2},` +
		`"newly_promoted_served":1,"owing":1},"findings":{"total":1,"on_the_spot":1,"by_category":{"其他":1}},` +
		`"rectification":{"items":1,"done":1,"closed":0,"overdue":0,"rate":1},"clues":{"total":1,"by_receiver":{"组织部":1},` +
		`"cases_opened":0,"sanctioned":1,"to_judiciary":0}}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
	rep, _, _ = Compute(planted(), Scope{Term: "T1", Today: d("2026-06-01")})
	if b, _ := json.Marshal(rep); string(b[:40]) != `{"term":"T1","today":"2026-06-01","round` {
		t.Errorf("without year and county: %s", b[:40])
	}
}

func TestUnknownScope(t *testing.T) {
	if _, _, err := Compute(planted(), Scope{Term: "T9"}); err == nil || err.Error() != "届期 T9 不存在" {
		t.Errorf("unknown term: %v", err)
	}
	if _, _, err := Compute(planted(), Scope{Term: "T1", County: "C9"}); err == nil || err.Error() != "县区 C9 不存在" {
		t.Errorf("unknown county: %v", err)
	}
}
