package workbook

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/model"
)

// TestValidOnly imports a workbook with bad rows, keeping the good ones:
// a bad row is rejected, and so is every row that refers to it.
func TestValidOnly(t *testing.T) {
	db := openDB(t)
	book := baseBook().clone().
		set(SheetPeople, 2, "身份证号", "110105198001010021"). // P001 rejected …
		set(SheetUnits, 5, "单位类别", "机关")                   // … and U04
	res := mustImport(t, db, Options{ValidOnly: true, User: "测试"}, book.write(t, "b.xlsx"))
	if !res.Written {
		t.Fatal("nothing written")
	}
	for _, w := range []wantProblem{
		{SheetPeople, 2, "身份证号", "校验位错误"},
		{SheetUnits, 5, "单位类别", "“机关”无效"},
		{SheetLeaders, 3, "单位编码", "引用的单位“U04”有错误"},
		{SheetPeople, 3, "现工作单位编码", "引用的单位“U04”有错误"},
		{SheetHistory, 2, "人员编号", "引用的人员“P001”有错误"},
	} {
		if !w.in(res.Problems) {
			t.Errorf("want %+v in %v", w, res.Problems)
		}
	}
	want := map[string][2]int{ // sheet → added, rejected
		SheetCounties: {2, 0}, SheetUnits: {3, 1}, SheetLeaders: {1, 1}, SheetPeople: {0, 2},
		SheetHistory: {0, 2}, SheetRelatives: {0, 2}, SheetDeclarations: {0, 1}, SheetTerms: {1, 0},
		SheetTasks: {2, 1}, SheetMembers: {0, 2}, SheetTies: {0, 2}, SheetTrainings: {0, 2}, SheetPlan: {2, 0},
		// U04 rejected: its finding, that finding's item, and its clue go too.
		SheetMilestones: {3, 0}, SheetFindings: {1, 1}, SheetItems: {2, 1}, SheetClues: {1, 1},
	}
	for _, s := range res.Sheets {
		if w := want[s.Sheet]; s.Added != w[0] || s.Rejected != w[1] || s.Updated+s.Unchanged != 0 {
			t.Errorf("%v, want added %d rejected %d", s, w[0], w[1])
		}
	}
	n := counts(t, db)
	for table, want := range map[string]int64{
		"counties": 2, "units": 3, "unit_leaders": 1, "people": 0, "teams": 1, "team_units": 2, "audit_entries": 1,
	} {
		if n[table] != want {
			t.Errorf("%s: %d rows, want %d", table, n[table], want)
		}
	}
}

// TestUpdateByCode changes rows and checks they update in place, while
// the columns a file leaves out keep their values.
func TestUpdateByCode(t *testing.T) {
	db := openDB(t)
	mustImport(t, db, Options{}, baseBook().write(t, "b.xlsx"))

	changed := baseBook().clone().
		set(SheetPeople, 2, "姓名", "李肆").
		set(SheetHistory, 2, "结束日期", "2020-06-30").
		set(SheetRelatives, 2, "关系", "配偶"). // 妻子 is 配偶 already: unchanged
		set(SheetTasks, 4, "巡察组", "第一巡察组"). // U04 moves … but is in C02: refused
		set(SheetMembers, 3, "鉴定", "称职")
	res := mustImport(t, db, Options{}, changed.write(t, "c.xlsx"))
	if !(wantProblem{SheetTasks, 4, "被巡察单位编码", "同一巡察组的单位须在同一县区"}).in(res.Problems) || res.Written {
		t.Fatalf("moving U04 into a C01 team: %v", res.Problems)
	}
	changed.set(SheetTasks, 4, "巡察组", "第二巡察组").set(SheetTasks, 3, "巡察组", "第三巡察组")
	res = mustImport(t, db, Options{}, changed.write(t, "d.xlsx"))
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	// 巡察任务: U02 moves to a new team (updated), which shortens 第一巡察组's
	// 进驻 to U01's dates (U01's row updated); U04's row is as it was.
	for sheet, want := range map[string][3]int{ // added, updated, unchanged
		SheetPeople: {0, 1, 1}, SheetHistory: {0, 1, 1}, SheetRelatives: {0, 0, 2},
		SheetTasks: {0, 2, 1}, SheetMembers: {0, 1, 1}, SheetCounties: {0, 0, 2},
	} {
		s := summary(res, sheet)
		if s.Added != want[0] || s.Updated != want[1] || s.Unchanged != want[2] {
			t.Errorf("%v, want %v", s, want)
		}
	}
	var teams []model.Team
	db.Order("seq").Find(&teams)
	if len(teams) != 3 || teams[2].Name != "第三巡察组" || teams[2].Seq != 3 {
		t.Errorf("teams = %+v", teams)
	}
	var tu model.TeamUnit
	db.First(&tu, "unit_code = ?", "U02")
	if tu.TeamID != teams[2].ID {
		t.Errorf("U02 on team %d, want %d", tu.TeamID, teams[2].ID)
	}
	n := counts(t, db)
	if n["people"] != 2 || n["work_histories"] != 2 || n["team_units"] != 3 || n["audit_entries"] != 2 {
		t.Errorf("counts %v", n)
	}

	// A file with only some columns of 人员 leaves the others alone.
	partial := sheets{SheetPeople: {{"人员编号", "姓名", "工作关系地"}, {"P001", "李四", "C01"}}}
	res = mustImport(t, db, Options{}, partial.write(t, "e.xlsx"))
	if s := summary(res, SheetPeople); s.Updated != 1 || len(res.Problems) > 0 {
		t.Fatalf("%v %v", s, res.Problems)
	}
	var p model.Person
	db.First(&p, "code = ?", "P001")
	if p.Name != "李四" || p.Skills != "财务、审计" || !p.InLeaderPool || p.IDNumber == "" {
		t.Errorf("partial update lost fields: %+v", p)
	}
}

// TestReferencesToDatabase imports people alone, referring to counties and
// units already in the database; and one sheet split over two files.
func TestReferencesToDatabase(t *testing.T) {
	db := openDB(t)
	b := baseBook()
	mustImport(t, db, Options{}, sheets{SheetCounties: b[SheetCounties], SheetUnits: b[SheetUnits]}.write(t, "a.xlsx"))
	first := sheets{SheetPeople: b[SheetPeople][:2]}.write(t, "p1.xlsx")
	second := sheets{SheetPeople: {b[SheetPeople][0], b[SheetPeople][2], b[SheetPeople][1]}}.write(t, "p2.xlsx")
	res := mustImport(t, db, Options{}, first, second)
	want := wantProblem{"人员（p2.xlsx）", 3, "人员编号", "与人员（p1.xlsx） 第2行重复"}
	if !want.in(res.Problems) || len(res.Problems) != 1 {
		t.Fatalf("want only %+v, got %v", want, res.Problems)
	}
	second = sheets{SheetPeople: {b[SheetPeople][0], b[SheetPeople][2]}}.write(t, "p2.xlsx")
	res = mustImport(t, db, Options{}, first, second)
	if s := summary(res, SheetPeople); len(res.Problems) > 0 || s.Added != 2 {
		t.Fatalf("%v %v", s, res.Problems)
	}
}

// TestProgress checks the steps reported end at the total.
func TestProgress(t *testing.T) {
	var got [][2]int
	_, err := Import(openDB(t), []string{baseBook().write(t, "b.xlsx")}, Options{Progress: func(d, n int) { got = append(got, [2]int{d, n}) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[len(got)-1][0] != got[len(got)-1][1] {
		t.Errorf("progress %v", got)
	}
}

// TestProgressByRows checks that a large file reports progress as its rows
// are read: many small steps, never backwards, one total, ending full.
func TestProgressByRows(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("人员编号,姓名,工作关系地,人员库\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "P%05d,人员%d,C01,工作人员库\n", i, i)
	}
	people := filepath.Join(dir, "人员.csv")
	counties := filepath.Join(dir, "县区.csv")
	if err := os.WriteFile(people, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(counties, []byte("县区编码,县区名称\nC01,甲县\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got [][2]int
	res, err := Import(openDB(t), []string{counties, people}, Options{Progress: func(d, n int) { got = append(got, [2]int{d, n}) }})
	if err != nil || !res.Written {
		t.Fatalf("import: %v %+v", err, res)
	}
	if len(got) < 20 || len(got) > 110 {
		t.Fatalf("%d progress reports", len(got))
	}
	for i, g := range got {
		if g[1] != got[0][1] || (i > 0 && g[0] < got[i-1][0]) {
			t.Fatalf("report %d = %v after %v", i, g, got[max(i-1, 0)])
		}
	}
	if last := got[len(got)-1]; last[0] != last[1] {
		t.Fatalf("last report %v", last)
	}
}
