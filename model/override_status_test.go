package model

import (
	"testing"

	"xuncha/app/vocab"
)

// A file of schema version 1 (overrides without a status, one override
// per team, person, rule and unit) is upgraded: the approved override
// stays approved, the pending one pending, and a new request may stand
// beside a refused one of the same key.
func TestMigrateOverrideStatus(t *testing.T) {
	_, db := upgradedFile(t, "v1.db",
		"CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
		"INSERT INTO meta VALUES ('schema_version', '1')",
		"CREATE TABLE overrides (id integer PRIMARY KEY AUTOINCREMENT, team_id integer NOT NULL, person_code text NOT NULL, "+
			"rule text NOT NULL, unit_code text, reason text NOT NULL, approver text, entered_by text NOT NULL, "+
			"entered_at text NOT NULL, approved_at text)",
		"CREATE UNIQUE INDEX idx_override_key ON overrides (team_id, person_code, rule, unit_code)",
		"INSERT INTO overrides (team_id, person_code, rule, unit_code, reason, approver, entered_by, entered_at, approved_at) "+
			"VALUES (1, 'P01', 'R2', 'U01', '调离已满三年', '李主任', '小王', '2026-01-02 09:00:00', '2026-01-03 10:00:00')",
		"INSERT INTO overrides (team_id, person_code, rule, unit_code, reason, approver, entered_by, entered_at, approved_at) "+
			"VALUES (1, 'P02', 'R4', '', '本县人员任联络员', '', '小王', '2026-01-04 09:00:00', '')",
	)
	defer Close(db)
	if v, _ := Version(db); v != SchemaVersion {
		t.Fatalf("version %d after upgrade", v)
	}
	var rows []Override
	if err := db.Order("id").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Status != vocab.OverrideApproved || rows[0].Approver != "李主任" ||
		rows[1].Status != vocab.OverridePending || rows[1].Reason != "本县人员任联络员" {
		t.Fatalf("overrides after upgrade: %+v", rows)
	}
	if db.Migrator().HasIndex(&Override{}, "idx_override_key") {
		t.Fatal("the unique index over team, person, rule and unit is still there")
	}
	for _, r := range []any{&Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&Round{Code: "2026-1", TermCode: "T1"}, &Team{ID: 1, RoundCode: "2026-1", Name: "第一巡察组"}} {
		if err := db.Create(r).Error; err != nil {
			t.Fatal(err)
		}
	}
	db.Model(&rows[1]).Updates(map[string]any{"status": vocab.OverrideRefused, "refused_by": "李主任"})
	again := Override{TeamID: 1, PersonCode: "P02", Rule: "R4", Reason: "新情况", EnteredBy: "小王",
		EnteredAt: "2026-01-05 09:00:00", Status: vocab.OverridePending}
	if err := db.Create(&again).Error; err != nil {
		t.Fatalf("a new request beside a refused one: %v", err)
	}
}
