package calendar

import (
	"path/filepath"
	"testing"
	"time"
	"unicode"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// TestDegenerateData runs every view over data a clerk can leave half
// entered: none of them may panic, and the shares they compute stay finite.
func TestDegenerateData(t *testing.T) {
	today := d("2026-06-01")
	cases := []struct {
		name string
		s    *snap.Snapshot
		term string
	}{
		{"空数据库", &snap.Snapshot{}, "T1"},
		{"届期无单位无轮次", &snap.Snapshot{Terms: []snap.Term{{Code: "T1", Start: d("2026-01-01"), End: d("2026-12-31")}}}, "T1"},
		{"届期无日期", &snap.Snapshot{Terms: []snap.Term{{Code: "T1"}}, Units: []snap.Unit{{Code: "U1", County: "C1"}}}, "T1"},
		{"届期结束早于开始", &snap.Snapshot{Terms: []snap.Term{{Code: "T1", Start: d("2026-12-31"), End: d("2026-01-01")}},
			Units: []snap.Unit{{Code: "U1", County: "C1"}}}, "T1"},
		{"轮次无日期无巡察组", &snap.Snapshot{Terms: []snap.Term{{Code: "T1", Start: d("2026-01-01"), End: d("2026-12-31")}},
			Rounds: []snap.Round{{Code: "R1", Term: "T1"}}}, "T1"},
		{"巡察组无单位无成员", &snap.Snapshot{Terms: []snap.Term{{Code: "T1", Start: d("2026-01-01"), End: d("2026-12-31")}},
			Rounds: []snap.Round{{Code: "R1", Term: "T1", OnsiteStart: d("2026-03-01"), OnsiteEnd: d("2026-03-30"),
				Teams: []snap.Team{{Name: "第一组"}}}}}, "T1"},
		{"巡察组单位和人员不存在", &snap.Snapshot{Terms: []snap.Term{{Code: "T1", Start: d("2026-01-01"), End: d("2026-12-31")}},
			Rounds: []snap.Round{{Code: "R1", Term: "T1", OnsiteStart: d("2026-03-01"), OnsiteEnd: d("2026-02-01"), RectifyDue: d("2026-04-01"),
				Teams: []snap.Team{{Name: "第一组", County: "C9", Units: units("U9", "U9"), Members: members("P9", "P9")}}}},
			Overrides: []snap.Override{{Round: "R1", Team: "第一组", Person: "P9"}}}, "T1"},
		{"轮次的届期不存在", &snap.Snapshot{Rounds: []snap.Round{{Code: "R1", Term: "T9", OnsiteStart: d("2026-03-01"),
			Teams: []snap.Team{{Name: "第一组", Units: units("U1")}}}}}, "T9"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.Index()
			c := cal(tc.s)
			cv, err := c.Coverage(tc.term, today)
			chinese(t, "Coverage", err)
			if err == nil {
				if p := cv.Percent(); p != p || p < 0 || p > 100 {
					t.Errorf("覆盖率 %v", p)
				}
				cv.OpenUnits()
			}
			_, err = c.Conflicts(tc.term)
			chinese(t, "Conflicts", err)
			c.CurrentTerm(today)
			for _, m := range []time.Month{1, 2, 3, 12} {
				c.Month(2026, m)
			}
			c.Overdue(tc.term, today)
			c.Overview(tc.term, today, OverviewOptions{})
			_, err = c.Report(tc.term, today)
			chinese(t, "Report", err)
			if tl, err := c.Timeline(tc.term, today); err == nil {
				if o := tl.Offset(today); o != o {
					t.Errorf("时间轴位置 %v", o)
				}
			}
			dir := t.TempDir()
			c.ExportTermPlan(tc.term, today, filepath.Join(dir, "plan.xlsx"))
			for i := range tc.s.Rounds {
				r := &tc.s.Rounds[i]
				c.Status(r, today)
				c.Schedule(r).Status(today)
				for j := range r.Teams {
					c.TeamSchedule(r, &r.Teams[j])
				}
				c.UnitChoices(r.Code, ChoiceFilter{})
				c.ExportRoundSchedule(r.Code, today, filepath.Join(dir, r.Code+".xlsx"))
			}
			_, err = c.UnitChoices("无此轮次", ChoiceFilter{})
			chinese(t, "UnitChoices", err)
			c.ExportRoundSchedule("无此轮次", today, filepath.Join(dir, "none.xlsx"))
		})
	}
}

// TestZeroDays keeps the views finite on dates the zero value stands for.
func TestZeroDays(t *testing.T) {
	c := cal(world())
	var zero civil.Date
	c.Month(0, 0)
	c.Coverage("T1", zero)
	c.Overview("T1", zero, OverviewOptions{TeamSize: -1})
	c.Timeline("T1", zero)
}

// chinese fails the test when err is in English (three Latin letters in a
// row; codes such as R1 or U0101 are fine).
func chinese(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	run := 0
	for _, r := range err.Error() {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			if run++; run >= 3 {
				t.Errorf("%s: %q is not Chinese", what, err)
				return
			}
		} else {
			run = 0
		}
	}
}
