package demo

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"gorm.io/gorm"

	"xuncha/model"
)

// rowCounts counts the rows of every table Write fills.
func rowCounts(t *testing.T, db *gorm.DB) Counts {
	var c Counts
	for _, x := range []struct {
		model any
		n     *int
	}{
		{&model.County{}, &c.Counties}, {&model.Unit{}, &c.Units}, {&model.UnitLeader{}, &c.Leaders},
		{&model.Person{}, &c.People}, {&model.WorkHistory{}, &c.History}, {&model.Relative{}, &c.Relatives},
		{&model.Declaration{}, &c.Declarations}, {&model.Term{}, &c.Terms}, {&model.Round{}, &c.Rounds},
		{&model.Team{}, &c.Teams}, {&model.TeamUnit{}, &c.TeamUnits}, {&model.TeamMember{}, &c.Members},
		{&model.Tie{}, &c.Ties}, {&model.Training{}, &c.Trainings}, {&model.StatusChange{}, &c.StatusHist},
		{&model.TeamEvaluation{}, &c.TeamEvals},
		{&model.Milestone{}, &c.Milestones}, {&model.Finding{}, &c.Findings}, {&model.RectifyItem{}, &c.Items},
		{&model.Clue{}, &c.Clues},
		{&model.TermScope{}, &c.Scopes}, {&model.PlanItem{}, &c.Plans},
	} {
		var n int64
		if err := db.Model(x.model).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		*x.n = int(n)
	}
	return c
}

func testWrite(t *testing.T, s Scale, path string) {
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	d := Generate(s)
	if err := Write(db, d, "测试"); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if got, want := rowCounts(t, db), d.Counts(); got != want {
		t.Errorf("rows %+v, want %+v", got, want)
	}
	var entries []model.AuditEntry
	db.Find(&entries)
	if len(entries) != 1 || entries[0].Action != "演示数据" || entries[0].User != "测试" {
		t.Errorf("audit log %+v, want one 演示数据 entry by 测试", entries)
	}
	if !reflect.DeepEqual(d, Generate(s)) {
		t.Error("Write changed the data it wrote")
	}
	err = Write(db, Generate(s), "测试")
	if !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second Write: %v, want ErrNotEmpty", err)
	}
	if got, want := rowCounts(t, db), d.Counts(); got != want {
		t.Errorf("after refused Write: rows %+v, want %+v", got, want)
	}
	if ps, err := model.IntegrityCheck(db); err != nil || ps != nil {
		t.Errorf("integrity check: %v %v", ps, err)
	}
}

func TestWriteCityInMemory(t *testing.T) { testWrite(t, City, ":memory:") }

func TestWriteProvinceToFile(t *testing.T) {
	if testing.Short() {
		t.Skip("province data set in -short mode")
	}
	testWrite(t, Province, filepath.Join(t.TempDir(), "演示 数据.db"))
}

func BenchmarkGenerateCity(b *testing.B) {
	for b.Loop() {
		Generate(City)
	}
}

func BenchmarkWriteCity(b *testing.B) {
	d := Generate(City)
	for b.Loop() {
		db, err := model.Open(filepath.Join(b.TempDir(), "x.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(db, d, "bench"); err != nil {
			b.Fatal(err)
		}
		model.Close(db)
	}
}
