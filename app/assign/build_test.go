package assign

import (
	"slices"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

func buildSnapshot() *snap.Snapshot {
	d := civil.MustParse
	s := &snap.Snapshot{
		Counties: []snap.County{{Code: "C1", Name: "东县"}, {Code: "C2", Name: "西县"}, {Code: "C3", Name: "南县"}},
		Units: []snap.Unit{{Code: "U1", Name: "东县财政局", County: "C1", Category: "县直机关"},
			{Code: "U2", Name: "东县城投公司", County: "C1", Category: "国有企业"}},
		Terms: []snap.Term{{Code: "T", Start: d("2024-01-01"), End: d("2028-12-31")}},
	}
	person := func(code, county string, promoted string) snap.Person {
		p := snap.Person{Code: code, Name: "人员" + code, HomeCounty: county, Pools: snap.StaffPool | snap.LeaderPool, Status: "在库"}
		if promoted != "" {
			p.PromotedOn = d(promoted)
		}
		return p
	}
	s.People = []snap.Person{
		person("P1", "C2", "2025-06-01"), // promoted, has not served since
		person("P2", "C2", "2024-06-01"), // promoted, served in round 1 after it
		person("P3", "C3", ""),
		person("P4", "C3", ""),
		person("P5", "C1", ""),
	}
	s.People[3].Relatives = []snap.Relative{{Name: "人员P3", Relation: "兄弟姐妹", Person: "P3"}}
	s.People[4].CurrentUnit = "U1"
	s.Rounds = []snap.Round{
		{Code: "R1", Term: "T", Number: 1, Mode: vocab.ModeMixed, OnsiteStart: d("2025-03-01"),
			Teams: []snap.Team{{Name: "甲组", Seq: 1, County: "C1", Units: []snap.TeamUnit{{Unit: "U1"}},
				Members: []snap.Member{{Person: "P2", Role: vocab.RoleMember}, {Person: "P3", Role: vocab.RoleMember}}}}},
		{Code: "R2", Term: "T", Number: 2, Mode: vocab.ModeMixed, OnsiteStart: d("2025-09-01"),
			Teams: []snap.Team{{Name: "乙组", Seq: 1, County: "C1", Units: []snap.TeamUnit{{Unit: "U2"}},
				Members: []snap.Member{{Person: "P3", Role: vocab.RoleMember}}}}},
		{Code: "R3", Term: "T", Number: 3, Mode: vocab.ModeMixed, OnsiteStart: d("2026-03-01"),
			Teams: []snap.Team{{Name: "第一组", Seq: 1, County: "C1", Units: []snap.TeamUnit{{Unit: "U1"}, {Unit: "U2"}},
				Members: []snap.Member{{Person: "P4", Role: vocab.RoleMember, Locked: true}, {Person: "P1", Role: vocab.RoleMember}}}}},
	}
	s.Overrides = []snap.Override{{Round: "R3", Team: "第一组", Person: "P4", Rule: "R6", Approved: true}}
	s.Index()
	return s
}

func TestFromSnapshot(t *testing.T) {
	s := buildSnapshot()
	set := recusal.Defaults()
	in, err := FromSnapshot(s, recusal.New(s, set), set, "R3", "", "9")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Person{}
	for _, p := range in.People {
		got[p.Code] = p
	}
	if in.Start != civil.MustParse("2026-03-01") {
		t.Errorf("start = %s, want the round's 进驻开始", in.Start)
	}
	for _, c := range []struct {
		code               string
		served, exp, since int
		previous           bool
	}{{"P1", 0, 0, 0, false}, {"P2", 1, 1, 1, false}, {"P3", 2, 2, 0, true}, {"P4", 0, 0, 0, false}} {
		p := got[c.code]
		if p.Served != c.served || p.Previous != c.previous || p.Experience != c.exp || p.SincePromoted != c.since {
			t.Errorf("%s: served %d previous %v experience %d since promoted %d, want %d %v %d %d", c.code, p.Served, p.Previous,
				p.Experience, p.SincePromoted, c.served, c.previous, c.exp, c.since)
		}
	}
	if owed, due := DefaultExperience().Owes(got["P1"].Rank, got["P1"].PromotedOn, got["P1"].SincePromoted, in.Start); owed != 1 || due != civil.MustParse("2027-06-01") {
		t.Errorf("P1 owes %d by %s, want 1 by 2027-06-01", owed, due)
	}
	if owed, _ := DefaultExperience().Owes(got["P2"].Rank, got["P2"].PromotedOn, got["P2"].SincePromoted, in.Start); owed != 0 {
		t.Errorf("P2, who served since promotion, owes %d", owed)
	}
	if !slices.Equal(in.Locks, []Lock{{Person: "P4", Team: "第一组", Role: vocab.RoleMember}}) {
		t.Errorf("locks = %+v", in.Locks)
	}
	if len(in.Pairs) != 1 || in.Pairs[0].Rule != "R6" || !slices.Equal(in.Pairs[0].Lifted, []string{"第一组"}) {
		t.Errorf("pairs = %+v, want P3–P4 R6 lifted on 第一组", in.Pairs)
	}
	if !slices.ContainsFunc(in.Hits, func(h Hit) bool { return h.Person == "P5" && h.Rule == "R1" && h.Hard }) {
		t.Errorf("hits lack P5's R1: %+v", in.Hits)
	}
	if !slices.Equal(in.Teams[0].Categories, []string{"县直机关", "国有企业"}) {
		t.Errorf("categories = %v", in.Teams[0].Categories)
	}
	if !slices.Equal(in.Previous, []Route{{Inspected: "C1", Source: "C3"}}) {
		t.Errorf("previous routes = %+v", in.Previous)
	}
	set2 := Settings{Rows: []Row{remote(vocab.RoleMember, 3, vocab.PoolStaff)}, MaxPerCounty: 2}
	v, err := Check(in, set2, []TeamResult{{Team: "第一组", Members: []Member{{Person: "P3", Role: vocab.RoleMember}, {Person: "P4", Role: vocab.RoleMember}}}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(v, func(x Violation) bool { return x.Rule == "R6" && !x.Hard }) || hardCount(v) != 0 {
		t.Errorf("P3 and P4 may serve together under the approved override, with a warning: %+v", v)
	}
}
