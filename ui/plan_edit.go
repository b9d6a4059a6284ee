package ui

// The dialogs of the plan grid: one unit's place in the plan, and the
// term's plan set against another term's.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// planEdit is the dialog of one unit's place in the plan: its year (or
// none), its round in the term and a note.
type planEdit struct {
	s           *planScreen
	unit        *calendar.PlanUnit
	read        model.PlanItem // the unit's plan row as the dialog read it, its stamp with it
	year        *widget.Select
	round, note *widget.Entry
	dlg         *widgets.FormDialog
}

// openUnit opens the dialog of unit code.
func (s *planScreen) openUnit(code string) {
	var u *calendar.PlanUnit
	for i := range s.plan.Units {
		if s.plan.Units[i].Unit == code {
			u = &s.plan.Units[i]
		}
	}
	if u == nil {
		return
	}
	read, err := s.svc.PlanEntry(s.term, code) // the row as it is now, with its stamp
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	f := &planEdit{s: s, unit: u, read: read}
	years := []string{outOfPlan}
	for _, y := range s.plan.Years {
		years = append(years, strconv.Itoa(y))
	}
	f.year = widget.NewSelect(years, nil)
	f.year.SetSelected(outOfPlan)
	if read.Year != 0 {
		f.year.SetSelected(strconv.Itoa(read.Year))
	}
	f.round = numberEntry()
	if read.RoundNo > 0 {
		f.round.SetText(strconv.Itoa(read.RoundNo))
	}
	f.round.SetPlaceHolder("如 3，可空")
	f.note = widget.NewEntry()
	f.note.SetText(read.Note)
	state := widget.NewLabel(stateText(u))
	form := widget.NewForm(widget.NewFormItem("单位", widget.NewLabel(u.Unit+" "+u.Name)), widget.NewFormItem("现状", state),
		widget.NewFormItem("计划年度", f.year), widget.NewFormItem("计划轮次", f.round), widget.NewFormItem("备注", f.note))
	f.dlg = widgets.NewFormDialog("巡察规划", "保存", form, f.save, s.win)
	setEnabled(f.dlg.OK, s.editable)
	f.dlg.Show(520)
	s.form = f
}

// save stores the unit's place, only over the row as the dialog read it:
// refused over another clerk's change, it offers 重新载入 (the dialog
// opened again on the plan as it is now); cut off from the server, 重试.
func (f *planEdit) save() error {
	e := app.PlanEdit{Unit: f.unit.Unit, Note: strings.TrimSpace(f.note.Text), Read: &f.read.Stamp}
	if f.year.Selected != outOfPlan {
		e.Year, _ = strconv.Atoi(f.year.Selected)
	}
	if t := strings.TrimSpace(f.round.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			return fmt.Errorf("计划轮次应为数字")
		}
		e.RoundNo = n
	}
	if err := f.s.svc.SavePlan(f.s.term, []app.PlanEdit{e}); err != nil {
		return saveFailed(err, f.s.win, f.dlg.Submit, func() {
			f.dlg.Hide()
			f.s.reload()
			f.s.openUnit(f.unit.Unit)
		})
	}
	f.s.reload()
	return nil
}

// planCompare lists the term's plan against another term's, unit by unit,
// for the jurisdiction the grid is filtered to.
type planCompare struct {
	other string
	diffs []calendar.PlanDiff
	table *textTable
	dlg   dialog.Dialog
}

// onCompare opens the comparison with the term chosen.
func (s *planScreen) onCompare() {
	other := app.CodeOfLabel(s.compare.Selected)
	if other == "" || s.term == "" {
		return
	}
	county := s.filter().county
	ds, err := s.cal.ComparePlans(s.term, other, county)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	c := &planCompare{other: other, diffs: ds}
	c.table = newTextTable([]string{"单位编码", "单位名称", "县区", "本届期计划", "对照届期计划", "比较"}, []float32{86, 220, 96, 110, 110, 120})
	c.table.warn = func(row, col int) bool { return col == 5 && c.diffs[row].State != calendar.DiffSame }
	var rows [][]string
	counts := map[string]int{}
	year := func(y, r int) string {
		switch {
		case y == 0:
			return "—"
		case r > 0:
			return fmt.Sprintf("%d年·第%d轮", y, r)
		}
		return fmt.Sprintf("%d年", y)
	}
	for _, d := range ds {
		counts[d.State]++
		rows = append(rows, []string{d.Unit, d.Name, s.cal.Snapshot().CountyName(d.County), year(d.YearA, d.RoundA), year(d.YearB, d.RoundB), d.State})
	}
	c.table.set(rows)
	where := "全部县区"
	if county != "" {
		where = s.cal.Snapshot().CountyName(county)
	}
	var parts []string
	for _, st := range []string{calendar.DiffSame, calendar.DiffYear, calendar.DiffRound, calendar.DiffOnlyA, calendar.DiffOnlyB} {
		parts = append(parts, fmt.Sprintf("%s %d", st, counts[st]))
	}
	head := widget.NewLabel(fmt.Sprintf("届期 %s 与 %s 的巡察规划对照（%s，%d 个单位）：%s", s.term, other, where, len(ds), strings.Join(parts, "，")))
	head.Wrapping = fyne.TextWrapBreak
	c.dlg = dialog.NewCustom("规划对照", "关闭", container.NewBorder(head, nil, nil, nil, c.table.table), s.win)
	c.dlg.Resize(fyne.NewSize(820, 560))
	c.dlg.Show()
	s.diff = c
	setChoicesQuietly(s.compare, s.compare.Options, "")
}
