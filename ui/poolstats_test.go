package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app/civil"
	"xuncha/app/poolstats"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestPoolStatsScreen: the screen counts the pools on the day shown, by
// age band among others, follows the county filter and a new day, and
// lists the recommending units.
func TestPoolStatsScreen(t *testing.T) {
	svc, w := testWorld(t)
	db := svc.DB
	db.Model(&model.Person{}).Where("code = ?", "P001").Updates(map[string]any{"birth_date": "1991-06-15", "recommend_unit_code": "U01"})
	db.Model(&model.Person{}).Where("code = ?", "P002").Updates(map[string]any{"birth_date": "1970-01-01", "recommend_unit_code": "U01"})
	testworld.Plant(t, db, &model.Term{Code: "T1", Name: "第一届", StartDate: "2024-01-01", EndDate: "2028-12-31"})
	s := newPoolStatsScreen(svc, w, fixedClock(day("2026-06-15")))
	content := s.build()
	w.SetContent(content)
	// usable at 1024×700 beside the navigation (SPEC §13.4)
	if min := content.MinSize(); min.Width > 1024-160 || min.Height > 700-120 {
		t.Errorf("the screen needs %v", min)
	}
	// 张三, 李四 and 王五 (暂停) are in the pools
	if s.total.value.Text != "3" || s.never.value.Text != "3" || s.served.value.Text != "0" {
		t.Fatalf("cards: %s %s %s", s.total.value.Text, s.never.value.Text, s.served.value.Text)
	}
	ages := s.charts["按年龄段"].Rows
	if len(ages) != 3 || ages[0].Label != poolstats.Age35to44 || ages[1].Label != poolstats.Age55Up || ages[2].Label != poolstats.AgeUnknown {
		t.Fatalf("ages: %+v", ages)
	}
	// the day before, 张三 is 34
	s.day.SetText("2026-06-14")
	test.Tap(s.refresh)
	if ages := s.charts["按年龄段"].Rows; ages[0].Label != poolstats.AgeUnder35 {
		t.Errorf("ages the day before: %+v", ages)
	}
	s.county.SetSelected("C02 河西县")
	if s.total.value.Text != "2" {
		t.Errorf("河西县: %s", s.total.value.Text)
	}
	if len(s.units.data) != 2 || s.units.data[0][0] != "U01" || s.units.data[0][3] != "1" || s.units.data[1][1] != poolstats.NoUnit {
		t.Errorf("units: %v", s.units.data)
	}
	s.day.SetText("明天")
	test.Tap(s.refresh)
	if s.msg.Text == "" {
		t.Error("a bad day gave no message")
	}
	path := filepath.Join(t.TempDir(), "统计.xlsx")
	s.day.SetText("2026-06-15")
	opt, err := s.options()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ExportPoolStats(path, opt); err != nil {
		t.Fatal(err)
	}
}

func day(s string) civil.Date { return civil.MustParse(s) }

// TestPoolStatsOwingTab: the 新提拔待参加巡察 tab lists who owes rounds on the
// day shown, the earliest deadline first, a near deadline in red, and
// follows a new day.
func TestPoolStatsOwingTab(t *testing.T) {
	svc, w := testWorld(t)
	svc.DB.Model(&model.Person{}).Where("code = ?", "P001").Updates(map[string]any{"promoted_on": "2025-03-01", "rank": "副科级"})
	svc.DB.Model(&model.Person{}).Where("code = ?", "P002").Updates(map[string]any{"promoted_on": "2024-08-01", "rank": "副科级"})
	s := newPoolStatsScreen(svc, w, fixedClock(day("2026-06-15")))
	w.SetContent(s.build())
	if got := s.tabs.Items[tabOwing].Text; got != "新提拔待参加巡察（2）" {
		t.Errorf("tab %q", got)
	}
	data := s.owing.table.data
	if len(data) != 2 || data[0][0] != "P002" || data[0][owingColDue] != "2026-08-01" || data[0][owingColLeft] != "47" || data[1][0] != "P001" {
		t.Fatalf("rows %v", data)
	}
	if owingColumns[owingColDue] != "截止日期" || owingColumns[owingColLeft] != "剩余天数" || len(owingColumns) != len(owingWidths) {
		t.Errorf("columns %v", owingColumns)
	}
	if !s.owing.table.warn(0, owingColDue) || !s.owing.table.warn(0, owingColLeft) || s.owing.table.warn(1, owingColLeft) || s.owing.table.warn(0, 0) {
		t.Error("only 李四's deadline is within 90 days, and only the deadline's cells are red")
	}
	if cellText(t, s.owing.table.table, 0, 1) != "李四" {
		t.Errorf("cell %q", cellText(t, s.owing.table.table, 0, 1))
	}
	// on 2026-08-02 李四's period is over
	s.day.SetText("2026-08-02")
	test.Tap(s.refresh)
	if len(s.owing.table.data) != 1 || s.tabs.Items[tabOwing].Text != "新提拔待参加巡察（1）" {
		t.Errorf("a day later: %v", s.owing.table.data)
	}
	s.tabs.SelectIndex(tabOwing)
	path := filepath.Join(t.TempDir(), "新提拔.xlsx")
	if _, err := svc.ExportOwing(path, day("2026-08-02")); err != nil {
		t.Fatal(err)
	}
}
