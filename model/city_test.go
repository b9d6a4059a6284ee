package model

import (
	"testing"

	"xuncha/app/vocab"
)

// A file of schema version 3, whose rounds have one type (交叉, 联动 …
// among the kinds), is upgraded: an 组织方式 word moves to Level with the
// 巡察类型 常规, a kind stays, a level already there is kept, the new
// columns and the plan table are there, and the step runs once.
func TestMigrateVersion3RoundTypes(t *testing.T) {
	path, db := upgradedFile(t, "v3.db",
		"CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)",
		"INSERT INTO meta VALUES ('schema_version', '3')",
		"CREATE TABLE terms (code text PRIMARY KEY, name text, start_date text NOT NULL, end_date text NOT NULL)",
		"INSERT INTO terms VALUES ('T1', '', '2024-01-01', '2028-12-31')",
		"CREATE TABLE rounds (code text PRIMARY KEY, term_code text NOT NULL, number integer NOT NULL DEFAULT 0, name text, type text, mode text)",
		"INSERT INTO rounds (code, term_code, number, type, mode) VALUES ('R1', 'T1', 1, '交叉', '混合编组'), ('R2', 'T1', 2, '联动', '本县'),"+
			" ('R3', 'T1', 3, '专项', '本县'), ('R4', 'T1', 4, '巡审联动', ''), ('R5', 'T1', 5, '提级', ''), ('R6', 'T1', 6, '', ''), ('R7', 'T1', 7, '回头看', '')",
		"CREATE TABLE counties (code text PRIMARY KEY, name text NOT NULL)",
		"INSERT INTO counties VALUES ('C01', '甲县')",
	)
	if v, _ := Version(db); v != SchemaVersion {
		t.Fatalf("version %d after upgrade", v)
	}
	want := map[string][2]string{
		"R1": {"常规", "交叉"}, "R2": {"常规", "上下联动"}, "R3": {"专项", ""}, "R4": {"常规", "巡审联动"},
		"R5": {"常规", "提级"}, "R6": {"", ""}, "R7": {"回头看", ""},
	}
	check := func() {
		t.Helper()
		var rs []Round
		if err := db.Order("code").Find(&rs).Error; err != nil {
			t.Fatal(err)
		}
		if len(rs) != len(want) {
			t.Fatalf("%d rounds after upgrade", len(rs))
		}
		for _, r := range rs {
			if got := [2]string{r.Type, r.Level}; got != want[r.Code] {
				t.Errorf("round %s: type, level = %v, want %v", r.Code, got, want[r.Code])
			}
		}
	}
	check()
	var c County
	if err := db.First(&c, "code = ?", "C01").Error; err != nil || c.Level != "" {
		t.Fatalf("county after upgrade: %+v %v", c, err)
	}
	if !db.Migrator().HasTable(&PlanItem{}) {
		t.Fatal("plan table not added")
	}
	// A round saved after the upgrade with a level of its own and the
	// type 交叉 (as no program writes it now) is left alone when the file
	// opens again: the step ran once.
	if err := db.Model(&Round{}).Where("code = ?", "R3").Update("level", "本级").Error; err != nil {
		t.Fatal(err)
	}
	want["R3"] = [2]string{"专项", "本级"}
	Close(db)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	check()
}

// splitRoundTypes keeps a level a round already has.
func TestSplitRoundTypesKeepsLevel(t *testing.T) {
	db, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	for _, r := range []any{
		&Term{Code: "T1", StartDate: "2024-01-01", EndDate: "2028-12-31"},
		&Round{Code: "R1", TermCode: "T1", Type: "交叉", Level: "提级"},
		&Round{Code: "R2", TermCode: "T1", Type: "交叉"},
	} {
		if err := db.Create(r).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := splitRoundTypes(db); err != nil {
		t.Fatal(err)
	}
	var rs []Round
	db.Order("code").Find(&rs)
	if rs[0].Type != "常规" || rs[0].Level != "提级" || rs[1].Type != "常规" || rs[1].Level != "交叉" {
		t.Fatalf("rounds: %+v", rs)
	}
}

// The step's words are vocab's: each maps to the 组织方式 vocab reads in a
// workbook's 巡察类型, and every word vocab reads so is among them.
func TestLevelWordsAreVocab(t *testing.T) {
	for _, w := range levelWords {
		if l, ok := vocab.LevelOfKindWord(w[0]); !ok || l != w[1] {
			t.Errorf("%s: vocab reads %q %v, the step %q", w[0], l, ok, w[1])
		}
	}
	for _, w := range append(append([]string{"联动"}, vocab.RoundLevels...), vocab.RoundKinds...) {
		_, ok := vocab.LevelOfKindWord(w)
		in := false
		for _, x := range levelWords {
			in = in || x[0] == w
		}
		if ok != in {
			t.Errorf("%s: vocab %v, the step %v", w, ok, in)
		}
	}
}
