package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// roundLevel is the team choice of the 节点 tab for steps of the whole
// round (every team).
const roundLevel = "本轮（全部巡察组）"

var milestoneWidths = []float32{150, 130, 90, 110, 0}

// milestoneRow is one step on the 节点 tab.
type milestoneRow struct {
	kind   string
	stored string      // the date stored for the team (or round) shown
	seen   model.Stamp // its stamp (zero when none is stored): saved only while it is still so
	date   *widgets.DateEntry
}

// milestonesTab is the 节点 tab of the round form (SPEC §9.1): for the
// round or one team, the date each step after the on-site stage actually
// happened and who recorded it; the reports' due dates (反馈 + months from
// the settings) and whether they are overdue.
type milestonesTab struct {
	f       *roundForm
	team    *widget.Select
	rows    *fyne.Container
	list    []milestoneRow
	msg     *widget.Label
	save    *widget.Button
	stored  []model.Milestone
	ledgerS ledger.Settings
}

func newMilestonesTab(f *roundForm) *milestonesTab { return &milestonesTab{f: f} }

func (t *milestonesTab) build() fyne.CanvasObject {
	t.team = widget.NewSelect(nil, func(string) { t.showRows() })
	t.msg = widget.NewLabel("")
	t.msg.Wrapping = fyne.TextWrapBreak
	t.save = widget.NewButtonWithIcon("保存节点", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.rows = container.NewVBox()
	head := container.New(&widgets.Columns{Widths: milestoneWidths}, bold("节点"), bold("日期"), bold("记录人"), bold("应完成"), bold("状态"))
	note := widget.NewLabel("节点记录实际办理的日期。选“本轮”记录的节点适用于各组；单位的整改报告收到日期在“整改报告”页按单位记录。")
	note.Wrapping = fyne.TextWrapBreak
	top := container.NewVBox(container.NewHBox(widget.NewLabel("记录对象"),
		container.NewGridWrap(fyne.NewSize(200, t.team.MinSize().Height), t.team)), note, head)
	bottom := container.NewVBox(t.msg, container.NewHBox(layout.NewSpacer(), t.save))
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(t.rows))
}

// refresh reads the round's milestones again.
func (t *milestonesTab) refresh() {
	if t.team == nil || t.f.round == nil {
		return
	}
	ms, err := t.f.s.svc.Milestones(t.f.round.Code)
	if err != nil {
		t.msg.SetText(err.Error())
		return
	}
	t.stored = ms
	if t.ledgerS, err = t.f.s.svc.LedgerSettings(); err != nil {
		t.msg.SetText(err.Error())
	}
	opts := []string{roundLevel}
	for _, tm := range t.f.round.Teams {
		opts = append(opts, tm.Name)
	}
	t.team.Options = opts
	if t.team.Selected == "" {
		t.team.SetSelected(roundLevel)
	} else {
		t.showRows()
	}
	setEnabled(t.save, t.f.editable())
}

// teamName is the team chosen ("" for the round).
func (t *milestonesTab) teamName() string {
	if t.team.Selected == roundLevel {
		return ""
	}
	return t.team.Selected
}

// own returns the stored step kind of team (unit-level steps aside).
func (t *milestonesTab) own(team, kind string) (model.Milestone, bool) {
	for _, m := range t.stored {
		if m.Team == team && m.UnitCode == "" && m.Kind == kind {
			return m, true
		}
	}
	return model.Milestone{}, false
}

// showRows shows the steps of the chosen team or the round.
func (t *milestonesTab) showRows() {
	if t.f.round == nil {
		return
	}
	team := t.teamName()
	today := t.f.s.clock()
	feedback := civil.Date(0)
	if m, ok := t.own(team, vocab.MsFeedback); ok {
		feedback = civil.MustParse(m.Date)
	} else if m, ok := t.own("", vocab.MsFeedback); ok && team != "" {
		feedback = civil.MustParse(m.Date)
	}
	t.list = t.list[:0]
	t.rows.RemoveAll()
	for _, kind := range vocab.Milestones {
		row := milestoneRow{kind: kind, date: widgets.NewDateEntry()}
		recorder := ""
		m, ok := t.own(team, kind)
		if ok {
			row.stored, row.seen, recorder = m.Date, m.Stamp, m.Recorder
			row.date.SetText(m.Date)
		} else if inherited, ok := t.own("", kind); ok && team != "" {
			row.date.SetPlaceHolder("本轮 " + inherited.Date)
		}
		setEnabled(row.date, t.f.editable())
		due, state := t.dueState(kind, feedback, row.stored, today)
		if got, all := t.unitsDone(team, kind); all > 0 && row.stored == "" && due != "" && due != "反馈后计算" {
			state = fmt.Sprintf("单位已收到 %d/%d", got, all)
			if got < all && ledger.Overdue(civil.MustParse(due), today) {
				state = fmt.Sprintf("逾期%d天：%d 个单位未收到", ledger.Days(civil.MustParse(due), today), all-got)
			}
		}
		stateLb := widget.NewLabel(state)
		if strings.HasPrefix(state, "逾期") {
			stateLb.Importance = widget.DangerImportance
		}
		t.list = append(t.list, row)
		t.rows.Add(container.New(&widgets.Columns{Widths: milestoneWidths}, widget.NewLabel(kind), row.date,
			widget.NewLabel(recorder), widget.NewLabel(due), stateLb))
	}
	t.rows.Refresh()
}

// unitsDone counts the units of team ("" every team) that have step kind
// of their own, and the units there are.
func (t *milestonesTab) unitsDone(team, kind string) (done, all int) {
	own := map[string]bool{}
	for _, m := range t.stored {
		if m.UnitCode != "" && m.Kind == kind && (team == "" || m.Team == team) {
			own[m.Team+"/"+m.UnitCode] = true
		}
	}
	for _, tm := range t.f.round.Teams {
		if team != "" && tm.Name != team {
			continue
		}
		for _, u := range tm.Units {
			all++
			if own[tm.Name+"/"+u.Unit] {
				done++
			}
		}
	}
	return done, all
}

// dueState is a step's due date and its state on today: only the reports
// have due dates (反馈 + the months of the settings).
func (t *milestonesTab) dueState(kind string, feedback civil.Date, done string, today civil.Date) (string, string) {
	months := 0
	switch kind {
	case vocab.MsRectifyReport:
		months = t.ledgerS.ReportMonths
	case vocab.MsDutyReport:
		months = t.ledgerS.DutyMonths
	}
	if months == 0 {
		if done != "" {
			return "", "已记录"
		}
		return "", ""
	}
	if feedback.IsZero() {
		return "反馈后计算", ""
	}
	due := ledger.AddMonths(feedback, months)
	switch {
	case done != "":
		return due.String(), "已记录"
	case ledger.Overdue(due, today):
		return due.String(), fmt.Sprintf("逾期%d天", ledger.Days(due, today))
	case ledger.DueSoon(due, today, t.ledgerS.DueSoonDays):
		return due.String(), "临期"
	}
	return due.String(), "未到期"
}

// onSave records every step whose date changed, all or none: a step
// another clerk changed since the tab read it refuses them all, and the
// tab offers to show the steps as they are now.
func (t *milestonesTab) onSave() {
	team := t.teamName()
	var changes []app.MilestoneEntry
	for _, r := range t.list {
		if err := widgets.ValidateDate(r.date.Date()); err != nil {
			t.msg.SetText(r.kind + "：" + err.Error())
			return
		}
		if r.date.Date() == r.stored {
			continue
		}
		d, _ := civil.Parse(r.date.Date())
		seen := r.seen
		changes = append(changes, app.MilestoneEntry{Round: t.f.round.Code, Team: team, Kind: r.kind, Date: d, Seen: &seen})
	}
	if len(changes) == 0 {
		t.msg.SetText("没有改动。")
		return
	}
	if err := t.f.s.svc.RecordMilestones(changes); err != nil {
		t.msg.SetText("未保存：" + err.Error())
		if !app.IsConflict(err) && !app.ConnLost(err) {
			dialog.ShowError(err, t.f.s.win)
		}
		saveFailed(err, t.f.s.win, t.onSave, func() { t.f.afterWrite(t.f.round.Code, "") })
		return
	}
	t.f.afterWrite(t.f.round.Code, fmt.Sprintf("已保存 %d 个节点", len(changes)))
	t.msg.SetText("")
}
