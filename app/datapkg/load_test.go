package datapkg

import (
	"testing"

	"xuncha/app/vocab"
	"xuncha/model"
)

// TestLoadAllKeyOrder plants rows whose order in model.LoadTables (by
// start date, round number, team seq, team id) differs from their key
// order, and checks that the package data come in key order.
func TestLoadAllKeyOrder(t *testing.T) {
	db := emptyDB(t)
	for _, r := range []any{
		&model.County{Code: "C1", Name: "甲县"},
		&model.Unit{Code: "U1", Name: "甲局", CountyCode: "C1", Category: vocab.CatCountyOrgan},
		&model.Unit{Code: "U2", Name: "乙局", CountyCode: "C1", Category: vocab.CatCountyOrgan},
		&model.Person{Code: "P1", Name: "甲", HomeCountyCode: "C1", Status: vocab.StatusActive},
		&model.WorkHistory{PersonCode: "P1", UnitCode: "U2", StartDate: "2010-01-01"},
		&model.WorkHistory{PersonCode: "P1", UnitCode: "U1", StartDate: "2015-01-01"},
		&model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "R-A", TermCode: "T1", Number: 2},
		&model.Round{Code: "R-B", TermCode: "T1", Number: 1},
		&model.Team{RoundCode: "R-A", Name: "B组", Seq: 1},
		&model.Team{RoundCode: "R-A", Name: "A组", Seq: 2},
		&model.TeamUnit{TeamID: 1, RoundCode: "R-A", UnitCode: "U2"},
		&model.TeamUnit{TeamID: 2, RoundCode: "R-A", UnitCode: "U1"},
	} {
		if err := db.Create(r).Error; err != nil {
			t.Fatalf("plant %T: %v", r, err)
		}
	}
	d, _, err := loadAll(db)
	if err != nil {
		t.Fatal(err)
	}
	var history, rounds, teams, units string
	for _, h := range d.History {
		history += h.Unit + " "
	}
	for _, r := range d.Rounds {
		rounds += r.Code + " "
	}
	for _, x := range d.Teams {
		teams += x.Name + " "
	}
	for _, u := range d.TeamUnits {
		units += u.Unit + "/" + u.Team + " "
	}
	for _, c := range []struct{ what, got, want string }{
		{"工作经历按人员、单位、起始日期", history, "U1 U2 "},
		{"轮次按编码", rounds, "R-A R-B "},
		{"巡察组按轮次、组名", teams, "A组 B组 "},
		{"被巡察单位按轮次、单位", units, "U1/A组 U2/B组 "},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
}
