package model

import (
	"fmt"
	"testing"

	"xuncha/app/vocab"
)

// TestLoadTablesOrder plants rows against the order LoadTables promises
// (later keys first) and checks each table comes back in its order.
func TestLoadTablesOrder(t *testing.T) {
	db := testDB(t)
	for _, r := range []any{
		&County{Code: "C2", Name: "乙县"}, &County{Code: "C1", Name: "甲县"},
		&Unit{Code: "U2", Name: "乙局", CountyCode: "C1", Category: vocab.CatCountyOrgan},
		&Unit{Code: "U1", Name: "甲局", CountyCode: "C1", Category: vocab.CatCountyOrgan},
		&Person{Code: "P1", Name: "甲", HomeCountyCode: "C1", Status: vocab.StatusActive},
		&Person{Code: "P2", Name: "乙", HomeCountyCode: "C1", Status: vocab.StatusActive},
		&WorkHistory{PersonCode: "P1", UnitCode: "U1", StartDate: "2015-01-01"},
		&WorkHistory{PersonCode: "P1", UnitCode: "U2", StartDate: "2010-01-01"},
		&Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&Round{Code: "R-A", TermCode: "T1", Number: 2},
		&Round{Code: "R-B", TermCode: "T1", Number: 1},
		&Team{RoundCode: "R-A", Name: "A组", Seq: 2},
		&Team{RoundCode: "R-A", Name: "B组", Seq: 1},
		&TeamUnit{TeamID: 1, RoundCode: "R-A", UnitCode: "U2"},
		&TeamUnit{TeamID: 1, RoundCode: "R-A", UnitCode: "U1"},
		&TeamMember{TeamID: 1, PersonCode: "P2", Role: vocab.RoleMember},
		&TeamMember{TeamID: 1, PersonCode: "P1", Role: vocab.RoleMember},
	} {
		if err := db.Create(r).Error; err != nil {
			t.Fatalf("plant %T: %v", r, err)
		}
	}
	all, err := LoadTables(db)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range all.Counties {
		got["县区"] += c.Code + " "
	}
	for _, u := range all.Units {
		got["单位"] += u.Code + " "
	}
	for _, h := range all.History {
		got["工作经历"] += h.UnitCode + "@" + h.StartDate + " "
	}
	for _, r := range all.Rounds {
		got["轮次"] += r.Code + " "
	}
	for _, x := range all.Teams {
		got["巡察组"] += x.Name + " "
	}
	for _, u := range all.TeamUnits {
		got["被巡察单位"] += u.UnitCode + " "
	}
	for _, m := range all.Members {
		got["编组记录"] += fmt.Sprintf("%s#%d ", m.PersonCode, m.ID)
	}
	for table, want := range map[string]string{
		"县区":    "C1 C2 ",
		"单位":    "U1 U2 ",
		"工作经历":  "U2@2010-01-01 U1@2015-01-01 ", // by start date
		"轮次":    "R-B R-A ",                     // by number within the term
		"巡察组":   "B组 A组 ",                       // by seq
		"被巡察单位": "U1 U2 ",                       // by unit within the team
		"编组记录":  "P2#1 P1#2 ",                   // as stored
	} {
		if got[table] != want {
			t.Errorf("%s: %q, want %q", table, got[table], want)
		}
	}
}
