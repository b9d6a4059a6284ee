package model

import (
	"testing"
)

// A file of schema version 1 (鉴定 without a state, no training, ties,
// status history or team evaluations) is upgraded: its grades count as
// confirmed, a member without a grade stays without a state, and the new
// tables and columns are there.
func TestMigrateVersion1Evaluations(t *testing.T) {
	path, db := upgradedFile(t, "v1.db",
		"CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
		"INSERT INTO meta VALUES ('schema_version', '1')",
		"CREATE TABLE team_members (id integer PRIMARY KEY AUTOINCREMENT, team_id integer NOT NULL, person_code text NOT NULL, role text NOT NULL, evaluation text, comment text, locked numeric NOT NULL DEFAULT false)",
		"INSERT INTO team_members (team_id, person_code, role, evaluation, comment) VALUES (1, 'P1', '组长', '不称职', '缺席'), (1, 'P2', '成员', '', '')",
		"CREATE TABLE people (code text PRIMARY KEY, name text NOT NULL, home_county_code text NOT NULL, status text NOT NULL DEFAULT '在库')",
		"INSERT INTO people (code, name, home_county_code) VALUES ('P1', '甲', 'C01')",
	)
	if v, _ := Version(db); v != SchemaVersion {
		t.Fatalf("version %d after upgrade", v)
	}
	var ms []TeamMember
	if err := db.Order("id").Find(&ms).Error; err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].EvalState != "确定" || ms[1].EvalState != "" {
		t.Fatalf("members after upgrade: %+v", ms)
	}
	var p Person
	if err := db.First(&p, "code = ?", "P1").Error; err != nil || p.JoinedOn != "" || p.RecommendUnitCode != nil {
		t.Fatalf("person after upgrade: %+v %v", p, err)
	}
	for _, m := range []any{&StatusChange{}, &Training{}, &Tie{}, &TeamEvaluation{}} {
		if !db.Migrator().HasTable(m) {
			t.Errorf("table of %T not added", m)
		}
	}
	// A grade proposed after the upgrade keeps its state when the file is
	// opened again: the step runs once.
	db.Model(&TeamMember{}).Where("person_code = ?", "P2").Updates(map[string]any{"evaluation": "称职", "eval_state": "拟定"})
	Close(db)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	var m TeamMember
	db.First(&m, "person_code = ?", "P2")
	if m.EvalState != "拟定" {
		t.Fatalf("the upgrade step ran again: %+v", m)
	}
}
