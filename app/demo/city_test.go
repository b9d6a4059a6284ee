package demo_test

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/demo"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
)

// TestCityDemo: the city demo has a 市本级 with its units and cadres, a
// staffed 上下联动 round linked with the spring round and in step with it
// (no warning, nobody on both), an upcoming 巡审联动 round whose
// requirement some city cadres meet, 领域 and 重点等级 on the units, a
// five-year plan with something for each warning to say, and a county's
// own plan to set against the city's.
func TestCityDemo(t *testing.T) {
	db := testworld.DB(t)
	if err := demo.Write(db, demo.Generate(demo.City), "测试"); err != nil {
		t.Fatal(err)
	}
	svc := &app.Service{DB: db}
	sn, err := svc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var city []string
	for _, c := range sn.Counties {
		if c.City {
			city = append(city, c.Code)
		}
	}
	if len(city) != 1 || sn.CountyName(city[0]) != "清江市本级" {
		t.Fatalf("市本级 %v", city)
	}
	units, people := 0, 0
	for _, u := range sn.Units {
		if u.County == city[0] {
			units++
		}
		if len(u.Sectors) == 0 && !strings.Contains(u.Name, "巡察") {
			t.Errorf("unit %s %s has no 领域", u.Code, u.Name)
		}
	}
	for _, p := range sn.People {
		if p.HomeCounty == city[0] {
			people++
		}
	}
	if units < 20 || people < 60 {
		t.Errorf("市本级 has %d units and %d people", units, people)
	}
	s1, s2 := sn.Round("2026-S1"), sn.Round("2026-S2")
	if s1 == nil || s2 == nil || s1.Level != vocab.LevelLinked || s2.Level != vocab.LevelAudit ||
		!slices.Equal(s1.Links, []string{"2026-1"}) || !slices.Equal(sn.Round("2026-1").Links, []string{"2026-S1"}) {
		t.Fatalf("city rounds %+v %+v", s1, s2)
	}
	if len(s2.Joint.Units) != 1 || sn.UnitName(s2.Joint.Units[0]) != "清江市审计局" {
		t.Errorf("巡审联动 requirement %+v", s2.Joint)
	}
	meets := 0
	for _, p := range sn.People {
		if p.CurrentUnit == s2.Joint.Units[0] && p.Active() {
			meets++
		}
	}
	if meets < 2 {
		t.Errorf("%d active people of the 市审计局", meets)
	}
	cal, err := svc.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	today := civil.MustParse(demo.AsOf)
	cs, _ := cal.Conflicts("T15")
	for _, c := range cs {
		if c.Kind == calendar.KindLinkApart || c.Kind == calendar.KindPersonOverlap {
			t.Errorf("conflict %s", c.Message)
		}
	}
	p, _ := cal.Plan("T15", today)
	kinds := map[string]int{}
	for _, w := range p.Warnings {
		kinds[w.Kind]++
	}
	if kinds[calendar.PlanPassed] == 0 || kinds[calendar.PlanUnplannedA] == 0 {
		t.Errorf("plan warnings %v", kinds)
	}
	cv, _ := cal.Coverage("T15", today)
	if len(cv.BySector) < 10 {
		t.Errorf("coverage by 领域 %+v", cv.BySector)
	}
	ds, err := cal.ComparePlans("T15-C01", "T15", "C01")
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, d := range ds {
		states[d.State]++
	}
	if states[calendar.DiffSame] == 0 || states[calendar.DiffYear] == 0 {
		t.Errorf("county against city plan %v", states)
	}
}
