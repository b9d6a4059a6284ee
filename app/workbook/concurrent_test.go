package workbook

import (
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"xuncha/model"
)

// fileDB opens a new database file, which (unlike :memory:) two imports
// can hold at once.
func fileDB(t *testing.T) *gorm.DB {
	t.Helper()
	db, err := model.Open(filepath.Join(t.TempDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { model.Close(db) })
	return db
}

// raceBase is the database both imports of a race start from: two
// counties, four units, one person, a round whose first team inspects U01.
func raceBase() sheets {
	return sheets{
		SheetCounties: {{"县区编码", "县区名称"}, {"C01", "城关区"}, {"C02", "东城区"}},
		SheetUnits: {
			{"单位编码", "单位名称", "县区编码", "单位类别", "上级单位编码"},
			{"U01", "城关区财政局", "C01", "县直机关", ""},
			{"U02", "城关区审计局", "C01", "县直机关", ""},
			{"U05", "城关镇", "C01", "乡镇街道", ""},
			{"U06", "城关镇东村", "C01", "村社区", ""},
		},
		SheetPeople: {{"人员编号", "姓名", "工作关系地", "人员库"}, {"P001", "李四", "C01", "组长库"}},
		SheetTerms:  {{"届期编码", "开始日期", "结束日期"}, {"T1", "2021-06-01", "2026-05-31"}},
		SheetTasks: {
			{"届期编码", "轮次编码", "巡察组", "被巡察单位编码", "进驻开始", "进驻结束"},
			{"T1", "2026-1", "第一巡察组", "U01", "2026-03-01", "2026-04-15"},
		},
	}
}

// race imports first, and from the moment first has read its files and is
// about to check them against the database, runs second to the end: the
// order in which another process's import can commit while this one
// works. It returns both results (first's error fails the test when
// wantErr is false).
func race(t *testing.T, db *gorm.DB, first, second string) (a, b *Result) {
	t.Helper()
	testHookBeforeWrite = func() {
		testHookBeforeWrite = nil
		b = mustImport(t, db, Options{User: "乙"}, second)
	}
	defer func() { testHookBeforeWrite = nil }()
	a = mustImport(t, db, Options{User: "甲"}, first)
	if b == nil {
		t.Fatal("the second import did not run")
	}
	return a, b
}

func problemsText(res *Result) string {
	var parts []string
	for _, p := range res.Problems {
		parts = append(parts, p.String())
	}
	return strings.Join(parts, "\n")
}

// TestConcurrentImportsParentCycle: A sets U05 under U06 while B sets U06
// under U05. B commits first; A, checked inside its transaction, sees B's
// parent and refuses the cycle instead of writing it.
func TestConcurrentImportsParentCycle(t *testing.T) {
	db := fileDB(t)
	mustImport(t, db, Options{}, raceBase().write(t, "base.xlsx"))
	unitRow := func(code, name, cat, parent string) string {
		return sheets{SheetUnits: {{"单位编码", "单位名称", "县区编码", "单位类别", "上级单位编码"},
			{code, name, "C01", cat, parent}}}.write(t, code+".xlsx")
	}
	a, b := race(t, db, unitRow("U05", "城关镇", "乡镇街道", "U06"), unitRow("U06", "城关镇东村", "村社区", "U05"))
	if !b.Written || len(b.Problems) > 0 {
		t.Fatalf("the first to commit: written %v, problems %v", b.Written, b.Problems)
	}
	if a.Written || !strings.Contains(problemsText(a), "上级单位形成循环") {
		t.Fatalf("the second: written %v, problems:\n%s", a.Written, problemsText(a))
	}
	parents := map[string]string{}
	var units []model.Unit
	db.Find(&units)
	for _, u := range units {
		parents[u.Code] = deref(u.ParentCode)
	}
	if parents["U06"] != "U05" || parents["U05"] != "" {
		t.Fatalf("parents after the race: %v", parents)
	}
}

// TestConcurrentImportsSameNewCode: both imports add person P009. The
// second to commit finds it there and updates it; it does not fail on
// the database's unique key.
func TestConcurrentImportsSameNewCode(t *testing.T) {
	db := fileDB(t)
	mustImport(t, db, Options{}, raceBase().write(t, "base.xlsx"))
	person := func(name string) string {
		return sheets{SheetPeople: {{"人员编号", "姓名", "工作关系地"}, {"P009", name, "C01"}}}.write(t, name+".xlsx")
	}
	a, b := race(t, db, person("甲方"), person("乙方"))
	if !a.Written || !b.Written || len(a.Problems)+len(b.Problems) > 0 {
		t.Fatalf("written %v/%v, problems %v %v", a.Written, b.Written, a.Problems, b.Problems)
	}
	if s := summary(a, SheetPeople); s.Updated != 1 {
		t.Errorf("the second import %v, want P009 updated", s)
	}
	var p model.Person
	db.First(&p, "code = ?", "P009")
	if p.Name != "甲方" {
		t.Errorf("P009 is %q, want the last import's 甲方", p.Name)
	}
}

// TestConcurrentImportsTeamCounty: A adds U02 to 第一巡察组 (whose U01 is
// in C01) while B moves U02 to C02. Whichever commits second is refused,
// so that no team inspects units of two counties.
func TestConcurrentImportsTeamCounty(t *testing.T) {
	addToTeam := sheets{SheetTasks: {
		{"届期编码", "轮次编码", "巡察组", "被巡察单位编码", "进驻开始", "进驻结束"},
		{"T1", "2026-1", "第一巡察组", "U02", "2026-03-01", "2026-04-15"},
	}}
	moveUnit := sheets{SheetUnits: {
		{"单位编码", "单位名称", "县区编码", "单位类别"},
		{"U02", "城关区审计局", "C02", "县直机关"},
	}}
	for _, tc := range []struct {
		name          string
		first, second sheets // first starts first; second commits first
		refused       string // the sheet of the import refused
	}{
		{"移动单位先提交", addToTeam, moveUnit, SheetTasks},
		{"编组先提交", moveUnit, addToTeam, SheetUnits},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := fileDB(t)
			mustImport(t, db, Options{}, raceBase().write(t, "base.xlsx"))
			a, b := race(t, db, tc.first.write(t, "a.xlsx"), tc.second.write(t, "b.xlsx"))
			if !b.Written {
				t.Fatalf("the first to commit: %v", b.Problems)
			}
			if a.Written || !strings.Contains(problemsText(a), "同一巡察组的单位须在同一县区") || a.Problems[0].Sheet != tc.refused {
				t.Fatalf("the second: written %v, problems:\n%s", a.Written, problemsText(a))
			}
			var counties []string
			db.Raw(`SELECT DISTINCT u.county_code FROM team_units tu JOIN units u ON u.code = tu.unit_code
				JOIN teams t ON t.id = tu.team_id WHERE t.name = ?`, "第一巡察组").Scan(&counties)
			if len(counties) != 1 {
				t.Fatalf("第一巡察组 inspects units of counties %v", counties)
			}
		})
	}
}
