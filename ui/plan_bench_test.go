package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"gorm.io/gorm"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/vocab"
	"xuncha/model"
)

// provincePlanDB writes a province with its 市本级 into a database file:
// 101 jurisdictions of 40 units (4,040, each with 领域), a five-year term
// planned for nine units in ten, ten rounds of 300 teams of one unit.
func provincePlanDB(tb testing.TB) *app.Service {
	tb.Helper()
	svc, err := app.Open(filepath.Join(tb.TempDir(), "province.db"), "测试")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { svc.Close() })
	sectors := calendar.DefaultSectors()
	var counties []model.County
	var units []model.Unit
	for c := 0; c <= 100; c++ {
		code := fmt.Sprintf("C%03d", c)
		counties = append(counties, model.County{Code: code, Name: fmt.Sprintf("县%03d", c)})
		for u := 0; u < 40; u++ {
			units = append(units, model.Unit{Code: fmt.Sprintf("U%03d%02d", c, u), Name: fmt.Sprintf("县%03d单位%02d", c, u),
				CountyCode: code, Category: vocab.Categories[u%5], Sectors: sectors[(c+u)%len(sectors)]})
		}
	}
	counties[0].Level = vocab.LevelCity
	var plans []model.PlanItem
	for i, u := range units {
		if i%10 != 9 {
			plans = append(plans, model.PlanItem{TermCode: "T", UnitCode: u.Code, Year: 2026 + i%5})
		}
	}
	var rounds []model.Round
	var teams []model.Team
	var tus []model.TeamUnit
	for r := 0; r < 10; r++ {
		code := fmt.Sprintf("R%02d", r)
		start := fmt.Sprintf("%d-%02d-01", 2026+r/2, 3+6*(r%2))
		rounds = append(rounds, model.Round{Code: code, TermCode: "T", Number: r + 1, Type: vocab.KindRegular, OnsiteStart: start})
		for t := 0; t < 300; t++ {
			id := uint(len(teams) + 1)
			teams = append(teams, model.Team{ID: id, RoundCode: code, Name: fmt.Sprintf("第%d组", t+1), Seq: t + 1})
			tus = append(tus, model.TeamUnit{TeamID: id, RoundCode: code, UnitCode: units[(r*300+t)%len(units)].Code})
		}
	}
	err = svc.DB.Transaction(func(tx *gorm.DB) error {
		for _, f := range []func() error{
			func() error { return model.InsertMany(tx, counties) }, func() error { return model.InsertMany(tx, units) },
			func() error {
				return tx.Create(&model.Term{Code: "T", StartDate: "2026-01-01", EndDate: "2030-12-31"}).Error
			},
			func() error { return model.InsertMany(tx, rounds) }, func() error { return model.InsertMany(tx, teams) },
			func() error { return model.InsertMany(tx, tus) }, func() error { return model.InsertMany(tx, plans) },
		} {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return svc
}

// BenchmarkPlanGridOpenProvince opens 巡察规划 on a province: read the plan's
// tables, work out the plan and its warnings, lay the rows out and show
// the table.
func BenchmarkPlanGridOpenProvince(b *testing.B) {
	svc := provincePlanDB(b)
	a := test.NewTempApp(b)
	a.Settings().SetTheme(appTheme{})
	w := test.NewTempWindow(b, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := newPlanScreen(svc, w, fixedClock(calToday))
		w.SetContent(s.build())
		if len(s.plan.Units) != 4040 {
			b.Fatalf("%d units", len(s.plan.Units))
		}
	}
}

// The plan grid of a province draws only the cells on screen: scrolling
// through 4,040 units reuses a screenful of cells, never one per unit.
func TestPlanGridProvinceCells(t *testing.T) {
	if testing.Short() {
		t.Skip("a province")
	}
	svc := provincePlanDB(t)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(appTheme{})
	w := test.NewTempWindow(t, widget.NewLabel(""))
	s := newPlanScreen(svc, w, fixedClock(calToday))
	content := s.build()
	created := 0
	create := s.table.CreateCell
	s.table.CreateCell = func() fyne.CanvasObject { created++; return create() }
	w.SetContent(content)
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	if len(s.rows) < 4040 {
		t.Fatalf("%d rows", len(s.rows))
	}
	for _, row := range []int{500, 1500, 3000, len(s.rows) - 1} {
		s.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	}
	if created == 0 || created > 600 {
		t.Errorf("%d cells created for %d rows", created, len(s.rows))
	}
}
