package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// allTeams is the team filter's choice for every team of the round.
const allTeams = "全部巡察组"

var reportWidths = []float32{130, 0, 110, 140, 60, 110}

// reportRow is one unit's rectification report on the 整改报告 tab.
type reportRow struct {
	team   *snap.Team
	unit   string
	stored civil.Date
	seen   model.Stamp // of the unit's own 整改报告收到 step (zero: none): saved only while it is still so
	due    civil.Date
	date   *widgets.DateEntry
}

// reportsTab is the 整改报告 tab of the round form: per team and unit, the
// day the rectification report is due (反馈 + 整改 days) and the day it was
// received, which the clerk records.
type reportsTab struct {
	f        *roundForm
	team     *widget.Select
	onlyOpen *widget.Check
	rows     *fyne.Container
	list     []reportRow
	summary  *widget.Label
	msg      *widget.Label
	save     *widget.Button
}

func newReportsTab(f *roundForm) *reportsTab { return &reportsTab{f: f} }

func (t *reportsTab) build() fyne.CanvasObject {
	t.team = widget.NewSelect(nil, func(string) { t.showRows() })
	t.onlyOpen = widget.NewCheck("只显示未收到", func(bool) { t.showRows() })
	t.summary = widget.NewLabel("")
	t.msg = widget.NewLabel("")
	t.msg.Wrapping = fyne.TextWrapBreak
	t.save = widget.NewButtonWithIcon("保存收到日期", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.rows = container.NewVBox()
	head := container.New(&widgets.Columns{Widths: reportWidths}, bold("巡察组"), bold("被巡察单位"), bold("整改报告期限"),
		bold("收到日期"), widget.NewLabel(""), bold("状态"))
	top := container.NewVBox(container.NewHBox(widget.NewLabel("巡察组"),
		container.NewGridWrap(fyne.NewSize(170, t.team.MinSize().Height), t.team), t.onlyOpen, t.summary), head)
	bottom := container.NewVBox(t.msg, container.NewHBox(layout.NewSpacer(), t.save))
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(t.rows))
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// refresh reads the round's teams again.
func (t *reportsTab) refresh() {
	if t.team == nil || t.f.round == nil {
		return
	}
	opts := []string{allTeams}
	for _, tm := range t.f.round.Teams {
		opts = append(opts, tm.Name)
	}
	t.team.Options = opts
	if t.team.Selected == "" {
		t.team.SetSelected(allTeams) // shows the rows
	} else {
		t.team.Refresh()
		t.showRows()
	}
	setEnabled(t.save, t.f.editable())
}

// showRows lists the units of the team chosen.
func (t *reportsTab) showRows() {
	r := t.f.round
	if r == nil {
		return
	}
	cal, today := t.f.s.cal, t.f.s.clock()
	sn := cal.Snapshot()
	own, err := t.ownSteps(r.Code)
	if err != nil {
		t.fail(err.Error())
	}
	t.list = t.list[:0]
	t.rows.RemoveAll()
	total, received, overdue := 0, 0, 0
	for i := range r.Teams {
		tm := &r.Teams[i]
		stage := cal.TeamSchedule(r, tm).Dates.RectifyDue
		for _, tu := range tm.Units {
			due := tu.ReportDueOr(stage)
			m, ok := own[tm.Name+"/"+tu.Unit]
			if d, err := civil.Parse(m.Date); ok && err == nil {
				tu.ReportReceived = d // as read with its stamp
			}
			total++
			switch {
			case !tu.ReportReceived.IsZero():
				received++
			case !due.IsZero() && due < today:
				overdue++
			}
			if (t.team.Selected != allTeams && t.team.Selected != tm.Name) || (t.onlyOpen.Checked && !tu.ReportReceived.IsZero()) {
				continue
			}
			row := reportRow{team: tm, unit: tu.Unit, stored: tu.ReportReceived, seen: m.Stamp, due: due, date: widgets.NewDateEntry()}
			row.date.PlaceHolder = "未收到"
			row.date.SetText(dateText(tu.ReportReceived))
			setEnabled(row.date, t.f.editable())
			d := row.date
			todayBtn := widget.NewButton("今天", func() { d.SetText(today.String()) })
			setEnabled(todayBtn, t.f.editable())
			state := widget.NewLabel(reportState(due, tu.ReportReceived, today))
			if tu.ReportReceived.IsZero() && !due.IsZero() && due < today {
				state.Importance = widget.DangerImportance
			}
			unit := widget.NewLabel(tu.Unit + " " + sn.UnitName(tu.Unit))
			unit.Truncation = fyne.TextTruncateEllipsis
			t.rows.Add(container.New(&widgets.Columns{Widths: reportWidths}, widget.NewLabel(tm.Name), unit,
				widget.NewLabel(dateOrDash(due)), d, todayBtn, state))
			t.list = append(t.list, row)
		}
	}
	t.summary.SetText(fmt.Sprintf("本轮 %d 个单位：已收到 %d，逾期未收到 %d", total, received, overdue))
	if len(t.list) == 0 {
		t.rows.Add(widget.NewLabel("（没有要显示的单位）"))
	}
}

// ownSteps reads the units' own 整改报告收到 steps of round, by team/unit.
func (t *reportsTab) ownSteps(round string) (map[string]model.Milestone, error) {
	ms, err := t.f.s.svc.Milestones(round)
	out := map[string]model.Milestone{}
	for _, m := range ms {
		if m.UnitCode != "" && m.Kind == vocab.MsRectifyReport {
			out[m.Team+"/"+m.UnitCode] = m
		}
	}
	return out, err
}

// reportState describes a report on day today.
func reportState(due, received, today civil.Date) string {
	switch {
	case !received.IsZero():
		return "已收到"
	case due.IsZero():
		return "—"
	case due < today:
		return fmt.Sprintf("逾期%d天", due.DaysUntil(today))
	}
	return fmt.Sprintf("还有%d天", today.DaysUntil(due))
}

// onSave records the received dates changed.
func (t *reportsTab) onSave() {
	var bad []string
	type change struct {
		row reportRow
		day civil.Date
	}
	var changes []change
	for _, row := range t.list {
		d, err := civil.Parse(row.date.Date())
		if err != nil {
			bad = append(bad, row.unit)
			continue
		}
		if d != row.stored {
			changes = append(changes, change{row, d})
		}
	}
	if len(bad) > 0 {
		t.fail(fmt.Sprintf("单位 %v 的收到日期应写成 2026-03-01，或留空。", bad))
		return
	}
	if len(changes) == 0 {
		t.msg.Importance = widget.MediumImportance
		t.msg.SetText("没有改动。")
		return
	}
	entries := make([]app.MilestoneEntry, len(changes))
	for i, c := range changes {
		seen := c.row.seen
		entries[i] = app.MilestoneEntry{Round: t.f.round.Code, Team: c.row.team.Name, Unit: c.row.unit,
			Kind: vocab.MsRectifyReport, Date: c.day, Seen: &seen}
	}
	if err := t.f.s.svc.RecordMilestones(entries); err != nil { // all or none
		t.fail("未保存：" + err.Error())
		saveFailed(err, t.f.s.win, t.onSave, func() { t.f.afterWrite(t.f.round.Code, "") })
		return
	}
	t.f.afterWrite(t.f.round.Code, fmt.Sprintf("已保存 %d 个收到日期", len(changes)))
	t.msg.Importance = widget.SuccessImportance
	t.msg.SetText(fmt.Sprintf("已保存 %d 个收到日期。", len(changes)))
}

func (t *reportsTab) fail(msg string) {
	t.msg.Importance = widget.DangerImportance
	t.msg.SetText(msg)
}
