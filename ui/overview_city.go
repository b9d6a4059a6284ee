package ui

// The overview's parts of SPEC §8.2: coverage per 领域, the 板块 view
// (which rounds inspected which 领域, across how many jurisdictions) and
// the term plan against what was done, year by year.

import (
	"fmt"
	"strconv"
	"strings"

	"xuncha/app/calendar"
	"xuncha/ui/widgets"
)

// newSectorTable is the 板块轮动 list.
func newSectorTable() *textTable {
	return newTextTable([]string{"领域", "巡察轮次（单位数·县区数）", "应覆盖", "已覆盖", "已计划", "未安排", "涉及县区"},
		[]float32{84, 300, 54, 54, 54, 54, 70})
}

// sectorBars are the coverage bars per 领域.
func sectorBars(cv *calendar.Coverage) []widgets.BarRow {
	var out []widgets.BarRow
	for _, s := range cv.BySector {
		out = append(out, coverageRow(s.Sector, s.Counts))
	}
	return out
}

// sectorRows are the 板块 view: per 领域 its coverage, the jurisdictions
// reached of those it has units in, and the rounds that inspected it.
func sectorRows(vs []calendar.SectorView) [][]string {
	var out [][]string
	for _, v := range vs {
		var rounds []string
		for _, r := range v.Rounds {
			rounds = append(rounds, fmt.Sprintf("%s（%d·%d）", r.Round, r.Units, len(r.Counties)))
		}
		out = append(out, []string{v.Sector, strings.Join(rounds, "、"), strconv.Itoa(v.Total), strconv.Itoa(v.Covered),
			strconv.Itoa(v.Planned), strconv.Itoa(v.Open), fmt.Sprintf("%d / %d", v.Reached, v.Counties)})
	}
	return out
}

// newPlanYearTable is the 规划执行 list.
func newPlanYearTable() *textTable {
	t := newTextTable([]string{"年度", "计划单位", "已按计划完成", "尚未完成", "逾期未巡察", "当年实际巡察", "轮次", "可承载"},
		[]float32{60, 80, 100, 80, 90, 100, 60, 80})
	t.warn = func(row, col int) bool { return col == 4 && t.data[row][4] != "0" }
	return t
}

// planYearRows are the plan against what was done, year by year, and a
// last row of the plan's warnings.
func planYearRows(p calendar.Plan) [][]string {
	var out [][]string
	for _, y := range p.ByYear {
		capacity, rounds := "—", "—"
		if y.Year >= p.Today.Year() {
			rounds = strconv.Itoa(y.Rounds)
			if y.Capacity >= 0 {
				capacity = strconv.Itoa(y.Capacity)
			}
		}
		out = append(out, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Planned), strconv.Itoa(y.Done), strconv.Itoa(y.Open),
			strconv.Itoa(y.Passed), strconv.Itoa(y.Actual), rounds, capacity})
	}
	if len(p.Units) > 0 {
		out = append(out, []string{"未列入", strconv.Itoa(p.Unplanned), "", "", "", "", "", ""})
	}
	return out
}
