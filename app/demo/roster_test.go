package demo_test

import (
	"testing"

	"xuncha/app"
	"xuncha/app/demo"
	"xuncha/app/recusal"
	"xuncha/model"
)

// TestPastRostersPassRecusal writes the city data, loads it back as a
// snapshot and checks the saved rosters of the past rounds with the
// default rules: the demonstration's own history breaks no hard rule,
// while the upcoming round has hits of every kind for the clerk to see.
func TestPastRostersPassRecusal(t *testing.T) {
	db, err := model.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	if err := demo.Write(db, demo.Generate(demo.City), "测试"); err != nil {
		t.Fatal(err)
	}
	s, err := (&app.Service{DB: db}).Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	c := recusal.New(s, recusal.Defaults())
	for i := range s.Rounds {
		r := &s.Rounds[i]
		if r.Code == "2026-S2" {
			continue // the city's upcoming round: city units only
		}
		if r.Code == "2026-2" {
			rules := map[string]int{}
			for _, h := range c.Round(r) {
				rules[h.Rule]++
			}
			for _, rule := range []string{"R1", "R2", "R3", "R3b", "R4", "R4b", "R5"} {
				if rules[rule] == 0 {
					t.Errorf("upcoming round: no %s hit", rule)
				}
			}
			continue
		}
		for _, h := range c.Roster(r) {
			if h.Severity == recusal.Hard {
				t.Errorf("%s: %s", r.Code, h)
			}
		}
	}
}
