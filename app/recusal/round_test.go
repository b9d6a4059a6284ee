package recusal

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"xuncha/app/snap"
)

// roundWorld is the planted world with people and a round of two teams:
// 第一巡察组 inspects 安平镇 and 东村, 第二巡察组 inspects 县财政局.
func roundWorld(mode string, overrides ...snap.Override) *snap.Snapshot {
	s := world()
	s.People = []snap.Person{
		{Code: "P01", Name: "甲", HomeCounty: "C02", CurrentUnit: "U0101", Status: "在库", Pools: snap.StaffPool},
		{Code: "P02", Name: "乙", HomeCounty: "C01", Status: "在库", Pools: snap.LeaderPool},
		{Code: "P03", Name: "丙", HomeCounty: "C02", Status: "暂停", Pools: snap.StaffPool, CurrentUnit: "U02"},
		{Code: "P04", Name: "丁", HomeCounty: "C02", Status: "在库", Pools: snap.ExpertPool,
			History: []snap.Stint{stint("U02", "2022-01-01", "2024-12-31")}},
		{Code: "P05", Name: "戊", HomeCounty: "C02", Status: "在库", Pools: snap.StaffPool,
			Relatives: []snap.Relative{{Name: "王五", Relation: "配偶的兄弟姐妹"}}},
		{Code: "P06", Name: "己", HomeCounty: "C02", Status: "在库", Pools: 0, CurrentUnit: "U02"},
		{Code: "P07", Name: "庚", HomeCounty: "C02", Status: "在库", Pools: snap.StaffPool, CurrentUnit: "U1001"},
	}
	s.Rounds = []snap.Round{{Code: "2026-1", Name: "第一轮", Mode: mode, OnsiteStart: ref,
		Teams: []snap.Team{
			{Name: "第二巡察组", Seq: 2, County: "C01", Units: []snap.TeamUnit{{Unit: "U02"}}},
			{Name: "第一巡察组", Seq: 1, County: "C01", Units: []snap.TeamUnit{{Unit: "U0101"}, {Unit: "U01"}}},
		}}}
	s.Overrides = overrides
	s.Index()
	return s
}

type roundHit struct{ team, person, unit, rule string }

func TestRound(t *testing.T) {
	cases := []struct {
		name      string
		mode      string
		overrides []snap.Override
		expect    []roundHit
		lifted    []bool
	}{
		{"混合编组：按组序、人员、单位、规则排列；暂停与不在库者略过", "混合编组", nil, []roundHit{
			{"第一巡察组", "P01", "U01", R1}, {"第一巡察组", "P01", "U0101", R1},
			{"第一巡察组", "P02", "U01", R4}, {"第一巡察组", "P02", "U0101", R4},
			{"第一巡察组", "P05", "U01", R3},
			{"第二巡察组", "P02", "U02", R4}, {"第二巡察组", "P04", "U02", R2},
		}, nil},
		{"本县轮次不查地域", "本县", nil, []roundHit{
			{"第一巡察组", "P01", "U01", R1}, {"第一巡察组", "P01", "U0101", R1},
			{"第一巡察组", "P05", "U01", R3},
			{"第二巡察组", "P04", "U02", R2},
		}, nil},
		{"已批准的豁免标记，未批准的不标记", "本县", []snap.Override{
			{Round: "2026-1", Team: "第一巡察组", Person: "P01", Rule: R1, Unit: "U0101", Approved: true},
			{Round: "2026-1", Team: "第一巡察组", Person: "P05", Rule: R3, Approved: false},
			{Round: "2026-1", Team: "第二巡察组", Person: "P04", Rule: R2, Approved: true},
		}, []roundHit{
			{"第一巡察组", "P01", "U01", R1}, {"第一巡察组", "P01", "U0101", R1},
			{"第一巡察组", "P05", "U01", R3},
			{"第二巡察组", "P04", "U02", R2},
		}, []bool{false, true, false, true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := roundWorld(tc.mode, tc.overrides...)
			got := New(s, Defaults()).Round(&s.Rounds[0])
			if len(got) != len(tc.expect) {
				t.Fatalf("got %d hits, want %d:\n%s", len(got), len(tc.expect), dump(got))
			}
			for i, w := range tc.expect {
				h := got[i]
				if (roundHit{h.Team, h.Person, h.Unit, h.Rule}) != w {
					t.Errorf("hit %d = %v, want %v", i, roundHit{h.Team, h.Person, h.Unit, h.Rule}, w)
				}
				if tc.lifted != nil && h.Overridden != tc.lifted[i] {
					t.Errorf("hit %d overridden = %v, want %v", i, h.Overridden, tc.lifted[i])
				}
			}
		})
	}
}

func TestPair(t *testing.T) {
	a := snap.Person{Code: "P01", Name: "甲", IDNumber: "130101198001010011", CurrentUnit: "U02"}
	cases := []struct {
		name   string
		b      snap.Person
		plantA []snap.Relative
		expect []want
	}{
		{"按亲属人员编号为近亲属", snap.Person{Code: "P02", Name: "乙"},
			[]snap.Relative{{Name: "乙", Relation: "兄弟姐妹", Person: "P02"}},
			[]want{{R6, Hard, nil, "甲 与 乙 为近亲属：甲的兄弟姐妹为 乙（亲属人员编号 P02）"}}},
		{"对方按身份证号登记本人", snap.Person{Code: "P02", Name: "乙",
			Relatives: []snap.Relative{{Name: "甲", Relation: "配偶", IDNumber: "130101198001010011"}}}, nil,
			[]want{{R6, Hard, nil, "乙的配偶为 甲（身份证号相同）"}}},
		{"关系为其他不算同组亲属", snap.Person{Code: "P02", Name: "乙"},
			[]snap.Relative{{Name: "乙", Relation: "其他", Person: "P02"}}, nil},
		{"同在一个单位工作", snap.Person{Code: "P02", Name: "乙", CurrentUnit: "U02"}, nil,
			[]want{{R7, Soft, nil, "甲 与 乙 同在 县财政局 工作"}}},
		{"工作经历未结束亦算同单位", snap.Person{Code: "P02", Name: "乙",
			History: []snap.Stint{stint("U02", "2024-01-01", "")}}, nil,
			[]want{{R7, Soft, nil, "县财政局"}}},
		{"不同单位无关系", snap.Person{Code: "P02", Name: "乙", CurrentUnit: "U03"}, nil, nil},
	}
	c := New(world(), Defaults())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pa := a
			pa.Relatives = tc.plantA
			got := c.Pair(&pa, &tc.b)
			checkHits(t, got, tc.expect)
			for _, h := range got {
				if h.Person != "P01" || h.Other != "P02" || h.Unit != "" {
					t.Errorf("hit names %s/%s/%q, want P01/P02/\"\"", h.Person, h.Other, h.Unit)
				}
			}
		})
	}
}

func TestRoster(t *testing.T) {
	s := roundWorld("混合编组")
	s.People[3].Relatives = []snap.Relative{{Name: "甲", Relation: "表兄弟姐妹", Person: "P01"}}
	s.Rounds[0].Teams[1].Members = []snap.Member{
		{Person: "P02", Role: "副组长"}, // R4 does not bind 副组长
		{Person: "P04", Role: "成员"},
		{Person: "P01", Role: "成员"},
	}
	got := New(s, Defaults()).Roster(&s.Rounds[0])
	expect := []roundHit{
		{"第一巡察组", "P01", "U01", R1}, {"第一巡察组", "P01", "U0101", R1},
		{"第一巡察组", "P04", "", R6},
	}
	if len(got) != len(expect) {
		t.Fatalf("got %d hits, want %d:\n%s", len(got), len(expect), dump(got))
	}
	for i, w := range expect {
		if h := got[i]; (roundHit{h.Team, h.Person, h.Unit, h.Rule}) != w {
			t.Errorf("hit %d = %v, want %v", i, roundHit{h.Team, h.Person, h.Unit, h.Rule}, w)
		}
	}
}

func TestWriteJSONGolden(t *testing.T) {
	s := roundWorld("混合编组")
	hits := New(s, Defaults()).Round(&s.Rounds[0])
	var a, b bytes.Buffer
	if err := WriteJSON(&a, "2026-1", hits); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&b, "2026-1", New(roundWorld("混合编组"), Defaults()).Round(&s.Rounds[0])); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs wrote different bytes")
	}
	golden := filepath.Join("testdata", "round.json")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, a.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), want) {
		t.Fatalf("JSON differs from %s:\n%s", golden, a.String())
	}
}
