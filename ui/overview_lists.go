package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/ui/widgets"
)

// textTable is a read-only table of text under column titles.
type textTable struct {
	cols   []string
	widths []float32
	data   [][]string
	table  *widget.Table
	warn   func(row, col int) bool // cells to show in the danger colour; may be nil
	wrap   int                     // the column whose text wraps (its rows grow to show it whole); -1: none
}

func newTextTable(cols []string, widths []float32) *textTable {
	t := &textTable{cols: cols, widths: widths, wrap: -1}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.data), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text := ""
			if id.Row < len(t.data) && id.Col < len(t.data[id.Row]) {
				text = t.data[id.Row][id.Col]
			}
			l.Truncation, l.Wrapping = fyne.TextTruncateEllipsis, fyne.TextWrapOff
			if id.Col == t.wrap {
				l.Truncation, l.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
			}
			l.Importance = widget.MediumImportance
			if t.warn != nil && id.Row < len(t.data) && t.warn(id.Row, id.Col) {
				l.Importance = widget.DangerImportance
			}
			l.SetText(text)
		})
	t.table.ShowHeaderColumn = false
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 && id.Col < len(t.cols) {
			l.SetText(t.cols[id.Col])
		}
	}
	for i, w := range widths {
		t.table.SetColumnWidth(i, w)
	}
	return t
}

// set shows rows.
func (t *textTable) set(rows [][]string) {
	t.data = rows
	if t.wrap >= 0 {
		for i, r := range rows {
			if t.wrap < len(r) {
				t.table.SetRowHeight(i, wrappedHeight(r[t.wrap], t.widths[t.wrap]))
			}
		}
	}
	t.table.Refresh()
}

// wrappedHeight is the height of a label of width w showing text wrapped
// (at least one line).
func wrappedHeight(text string, w float32) float32 {
	size, pad := theme.TextSize(), theme.InnerPadding()
	one := fyne.MeasureText("国", size, fyne.TextStyle{})
	avail := max(w-2*pad, one.Width)
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(float64(fyne.MeasureText(para, size, fyne.TextStyle{}).Width/avail))))
	}
	return float32(lines)*one.Height + 2*pad
}

// progressRows are the term's rounds not completed: code, name, status,
// the stage today falls in (or when the round starts), its dates, the days
// left, and teams/units.
func progressRows(cal *calendar.Calendar, term string, today civil.Date) [][]string {
	var out [][]string
	for _, r := range cal.Rounds(term) {
		sc := cal.Schedule(r)
		st := sc.Status(today)
		if st == calendar.Done {
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
			stage, dates = "未开始", fmt.Sprintf("准备 %s 起", sc.Dates.PrepStart)
			left = fmt.Sprintf("%d天后开始", today.DaysUntil(sc.Dates.PrepStart))
		}
		out = append(out, []string{r.Code, r.Name, string(st), stage, dates, left, fmt.Sprintf("%d/%d", len(r.Teams), units)})
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
