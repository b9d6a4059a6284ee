package ui

import (
	"fmt"
	"strconv"
	"strings"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/ui/widgets"
)

// textTable is a read-only table of text under column titles: a rowTable
// whose rows are known by their whole text.
type textTable struct {
	*rowTable
	data [][]string
}

func newTextTable(cols []string, widths []float32) *textTable {
	t := &textTable{}
	t.rowTable = newRowTable(cols, widths, func() int { return len(t.data) },
		func(r int) string { return strings.Join(t.data[r], "\t") },
		func(r, c int) string {
			if c < len(t.data[r]) {
				return t.data[r][c]
			}
			return ""
		})
	return t
}

// set shows rows.
func (t *textTable) set(rows [][]string) {
	t.data = rows
	t.fitRows()
	t.table.Refresh()
}

// progressRows are the term's rounds not completed: code, name, status,
// the stage today falls in (or when the round starts), its dates, the days
// left, and teams/units.
func progressRows(cal *calendar.Calendar, term string, today civil.Date) [][]string {
	var out [][]string
	for _, r := range cal.Rounds(term) {
		sc := cal.Schedule(r)
		if sc.Status(today) == calendar.Done {
			continue
		}
		units := 0
		for i := range r.Teams {
			units += len(r.Teams[i].Units)
		}
		stage, dates, left := "—", "—", "—"
		if sp, ok := sc.StageAt(today); ok {
			stage, dates, left = sp.Stage.String(), fmt.Sprintf("%s 至 %s", sp.Start, sp.End), strconv.Itoa(today.DaysUntil(sp.End)+1)
		} else if sc.Known() && today < sc.Dates.PrepStart {
			dates = fmt.Sprintf("准备 %s 起", sc.Dates.PrepStart)
			left = fmt.Sprintf("%d天后开始", today.DaysUntil(sc.Dates.PrepStart))
		}
		out = append(out, []string{r.Code, r.Name, roundStatus(sc, today), stage, dates, left, fmt.Sprintf("%d/%d", len(r.Teams), units)})
	}
	return out
}

// teamRows are the teams of rounds not completed and how full they are.
func teamRows(ov calendar.Overview, sn *snap.Snapshot) [][]string {
	var out [][]string
	for _, t := range ov.Teams {
		state := "已配齐"
		if !t.Full() {
			state = fmt.Sprintf("缺%d人", t.Expected-t.Members)
		}
		if t.Members == 0 {
			state = "未编组"
		}
		out = append(out, []string{t.Round, t.Team, sn.CountyName(t.County), strconv.Itoa(t.Units),
			fmt.Sprintf("%d / %d", t.Members, t.Expected), state})
	}
	return out
}

// overrideRows are the overrides awaiting a leader's approval.
func overrideRows(vs []app.OverrideView) [][]string {
	var out [][]string
	for _, v := range vs {
		unit := "全部单位"
		if v.Unit != "" {
			unit = v.UnitName
		}
		out = append(out, []string{v.Round, v.Team, v.PersonName + "（" + v.Person + "）", v.Rule, unit, v.Reason, v.EnteredBy, v.EnteredAt})
	}
	return out
}

// overdueRows are the rectification reports overdue.
func overdueRows(ov calendar.Overview, sn *snap.Snapshot) [][]string {
	var out [][]string
	for _, o := range ov.Overdue {
		out = append(out, []string{o.Round, o.Team, o.Unit, o.UnitName, sn.CountyName(o.County), o.Due.String(),
			strconv.Itoa(o.DaysOverdue)})
	}
	return out
}

// openRows are the units on no team of the term.
func openRows(cv *calendar.Coverage, sn *snap.Snapshot) [][]string {
	var out [][]string
	for _, u := range cv.OpenUnits() {
		out = append(out, []string{u.Unit, u.Name, sn.CountyName(u.County), u.Category})
	}
	return out
}

// coverageRow is a bar of the coverage charts: covered, planned, open.
func coverageRow(label string, n calendar.Counts) widgets.BarRow {
	return widgets.BarRow{Label: label, Values: []int{n.Covered, n.Planned, n.Open},
		Note: fmt.Sprintf("%d/%d  %.1f%%", n.Covered, n.Total, n.Percent())}
}
