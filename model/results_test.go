package model

import (
	"path/filepath"
	"testing"
)

// A file of schema 1 kept the date a unit's rectification report came in
// on its team unit row; the upgrade moves it into a 整改报告收到 milestone
// of that unit, and nothing is lost.
func TestMigrateMovesReportReceivedIntoMilestones(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"ALTER TABLE team_units ADD COLUMN report_received text",
		"INSERT INTO counties (code, name) VALUES ('C01', '甲县')",
		"INSERT INTO units (code, name, county_code, category) VALUES ('U1', '甲局', 'C01', '县直机关'), ('U2', '乙局', 'C01', '县直机关'), ('U3', '丙局', 'C01', '县直机关')",
		"INSERT INTO terms (code, start_date, end_date) VALUES ('T1', '2021-01-01', '2025-12-31')",
		"INSERT INTO rounds (code, term_code) VALUES ('R1', 'T1')",
		"INSERT INTO teams (id, round_code, name) VALUES (7, 'R1', '第一巡察组')",
		"INSERT INTO team_units (team_id, round_code, unit_code, report_received) VALUES (7, 'R1', 'U1', '2023-07-01'), (7, 'R1', 'U2', ''), (7, 'R1', 'U3', NULL)",
		"UPDATE meta SET value = '1' WHERE key = 'schema_version'",
	} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatal(stmt, err)
		}
	}
	Close(db)
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	var ms []Milestone
	db.Order("unit_code").Find(&ms)
	if len(ms) != 1 || ms[0].RoundCode != "R1" || ms[0].Team != "第一巡察组" || ms[0].UnitCode != "U1" ||
		ms[0].Kind != "整改报告收到" || ms[0].Date != "2023-07-01" {
		t.Fatalf("milestones after upgrade = %+v", ms)
	}
	var left int64
	db.Raw("SELECT count(*) FROM team_units WHERE report_received <> ''").Scan(&left)
	if left != 0 {
		t.Errorf("%d old dates left in team_units", left)
	}
	if v, _ := Version(db); v != SchemaVersion {
		t.Errorf("version %d", v)
	}
	// Opening again runs nothing twice.
	Close(db)
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	var n int64
	db.Model(&Milestone{}).Count(&n)
	if n != 1 {
		t.Errorf("%d milestones after a second open", n)
	}
}
