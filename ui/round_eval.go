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
	"xuncha/app/papers"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

var evalWidths = []float32{170, 100, 120, 64, 0}

// evalRow is one member's evaluation on the 鉴定 tab.
type evalRow struct {
	member  app.MemberEval
	grade   *widget.Select
	comment *widget.Entry
	state   *widget.Label
}

// evalTab is the 鉴定 tab of the round form (SPEC §11.2): after a round,
// the clerks enter each member's grade (优秀/称职/基本称职/不称职) and 评语,
// and the team's own, as proposed (拟定); a 领导 confirms them (确定), or
// returns confirmed ones with a reason so that they may be changed. A
// confirmed grade is read only here; only confirmed grades count (R9, the
// 巡察履历).
type evalTab struct {
	f     *roundForm
	team  *widget.Select
	rows  *fyne.Container
	list  []evalRow
	sheet *app.TeamEvalSheet

	ownGrade   *widget.Select
	ownComment *widget.Entry
	ownState   *widget.Label

	hint, pending, msg      *widget.Label
	save, confirm, giveBack *widget.Button
	forms                   *widget.Button // 鉴定表

	returnDlg dialog.Dialog // the open 退回 dialog, for tests
	returnWhy *widget.Entry
	returnOK  *widget.Button
}

func newEvalTab(f *roundForm) *evalTab { return &evalTab{f: f} }

func (t *evalTab) build() fyne.CanvasObject {
	t.team = widget.NewSelect(nil, func(string) { t.showRows() })
	t.hint = widget.NewLabel("")
	t.pending = widget.NewLabel("")
	t.pending.Importance = widget.WarningImportance
	t.msg = widget.NewLabel("")
	t.msg.Wrapping = fyne.TextWrapBreak
	t.save = widget.NewButtonWithIcon("保存（拟定）", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.confirm = widget.NewButtonWithIcon("确定本组鉴定", theme.ConfirmIcon(), t.onConfirm)
	t.giveBack = widget.NewButtonWithIcon("退回…", theme.ContentUndoIcon(), t.onReturn)
	t.forms = widget.NewButtonWithIcon("鉴定表…", theme.DocumentIcon(), t.onForms)
	t.ownGrade = widget.NewSelect(append([]string{""}, vocab.Evaluations...), nil)
	t.ownComment = widget.NewEntry()
	t.ownComment.SetPlaceHolder("本组评语（512字以内）")
	t.ownState = widget.NewLabel("")
	t.rows = container.NewVBox()
	head := container.New(&widgets.Columns{Widths: evalWidths}, bold("成员"), bold("角色"), bold("鉴定等次"), bold("状态"), bold("评语"))
	top := container.NewVBox(container.NewHBox(widget.NewLabel("巡察组"),
		container.NewGridWrap(fyne.NewSize(170, t.team.MinSize().Height), t.team), t.pending, t.hint), head)
	own := container.New(&widgets.Columns{Widths: evalWidths}, bold("本组鉴定"), widget.NewLabel(""), t.ownGrade, t.ownState, t.ownComment)
	note := widget.NewLabel("经办人填写后保存为“拟定”；领导“确定”后生效（回避规则 R9、巡察履历只看已确定的鉴定），已确定的须领导退回后才能修改。")
	note.Wrapping = fyne.TextWrapBreak
	bottom := container.NewVBox(widget.NewSeparator(), own, note, t.msg,
		container.NewHBox(t.forms, layout.NewSpacer(), t.giveBack, t.confirm, t.save))
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(t.rows))
}

// refresh reads the round's teams again.
func (t *evalTab) refresh() {
	r := t.f.round
	if t.team == nil || r == nil {
		return
	}
	var opts []string
	for _, tm := range r.Teams {
		opts = append(opts, tm.Name)
	}
	t.team.Options = opts
	if t.teamNamed(t.team.Selected) == nil && len(opts) > 0 {
		t.team.SetSelected(opts[0]) // shows the rows
	} else {
		t.team.Refresh()
		t.showRows()
	}
	t.hint.SetText("")
	if sc := t.f.s.cal.Schedule(r); !sc.Known() || t.f.s.clock() <= sc.Dates.OnsiteEnd {
		t.hint.SetText("鉴定一般在进驻结束后填写。")
	}
}

func (t *evalTab) teamNamed(name string) *snap.Team {
	if t.f.round == nil {
		return nil
	}
	for i := range t.f.round.Teams {
		if t.f.round.Teams[i].Name == name {
			return &t.f.round.Teams[i]
		}
	}
	return nil
}

// showRows reads and lists the 鉴定 of the team chosen.
func (t *evalTab) showRows() {
	t.rows.RemoveAll()
	t.list = t.list[:0]
	t.sheet = nil
	tm := t.teamNamed(t.team.Selected)
	if tm == nil {
		t.applyRights()
		return
	}
	sheet, err := t.f.s.svc.TeamEvaluations(tm.ID)
	if err != nil {
		t.msg.Importance = widget.DangerImportance
		t.msg.SetText(err.Error())
		return
	}
	t.sheet = sheet
	edit := t.f.editable()
	for _, m := range sheet.Members {
		row := evalRow{member: m, grade: widget.NewSelect(append([]string{""}, vocab.Evaluations...), nil),
			comment: entry(m.Comment), state: widget.NewLabel(m.State)}
		row.grade.SetSelected(m.Grade)
		row.comment.SetPlaceHolder("评语（256字以内）")
		open := edit && m.State != vocab.EvalConfirmed
		setEnabled(row.grade, open)
		setEnabled(row.comment, open)
		var grade, comment fyne.CanvasObject = row.grade, row.comment
		if m.State == vocab.EvalConfirmed { // read only: shown as text, not as a greyed field
			grade = widget.NewLabelWithStyle(m.Grade, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			cl := widget.NewLabel(m.Comment)
			cl.Truncation = fyne.TextTruncateEllipsis
			comment = cl
		}
		t.rows.Add(container.New(&widgets.Columns{Widths: evalWidths}, widget.NewLabel(nameOr(m.Name, m.Person)+"（"+m.Person+"）"),
			widget.NewLabel(m.Role), grade, row.state, comment))
		t.list = append(t.list, row)
	}
	if len(sheet.Members) == 0 {
		t.rows.Add(widget.NewLabel("本组尚未编组（在“编组”中为本组配备人员）。"))
	}
	t.ownGrade.SetSelected(sheet.Own.Grade)
	t.ownComment.SetText(sheet.Own.Comment)
	t.ownState.SetText(sheet.Own.State)
	t.pending.SetText("")
	if n := sheet.Proposed(); n > 0 {
		t.pending.SetText(fmt.Sprintf("%d 项鉴定待领导确定", n))
	}
	t.applyRights()
}

// applyRights enables what the user may do: the clerks enter and save,
// a 领导 confirms and returns.
func (t *evalTab) applyRights() {
	edit := t.f.editable() && t.sheet != nil
	ownOpen := edit && t.sheet.Own.State != vocab.EvalConfirmed
	setEnabled(t.ownGrade, ownOpen)
	setEnabled(t.ownComment, ownOpen)
	setEnabled(t.save, edit)
	lead := t.sheet != nil && t.f.s.svc.Can(app.PermConfirmEval)
	setEnabled(t.confirm, lead && t.sheet.Proposed() > 0)
	setEnabled(t.giveBack, lead && t.confirmedCount() > 0)
}

// confirmedCount is how many grades of the sheet are confirmed.
func (t *evalTab) confirmedCount() int {
	n := 0
	for _, m := range t.sheet.Members {
		if m.State == vocab.EvalConfirmed {
			n++
		}
	}
	if t.sheet.Own.State == vocab.EvalConfirmed {
		n++
	}
	return n
}

// onSave proposes the grades and 评语 changed.
func (t *evalTab) onSave() {
	if t.sheet == nil {
		return
	}
	var ms []app.MemberEval
	for _, row := range t.list {
		m := row.member
		m.Grade, m.Comment = row.grade.Selected, strings.TrimSpace(row.comment.Text)
		if m.Grade != row.member.Grade || m.Comment != row.member.Comment {
			ms = append(ms, m)
		}
	}
	own := &app.TeamEval{Grade: t.ownGrade.Selected, Comment: strings.TrimSpace(t.ownComment.Text), Stamp: t.sheet.Own.Stamp}
	ownChanged := own.Grade != t.sheet.Own.Grade || own.Comment != t.sheet.Own.Comment
	if len(ms) == 0 && !ownChanged {
		t.say(widget.MediumImportance, "没有改动。")
		return
	}
	if !ownChanged {
		own = nil
	}
	if err := t.f.s.svc.ProposeEvaluations(t.sheet.TeamID, ms, own); err != nil {
		t.failed("未保存：", err, t.onSave)
		return
	}
	what := fmt.Sprintf("%d 人的鉴定", len(ms))
	if ownChanged {
		what += "和本组鉴定"
	}
	t.done(fmt.Sprintf("已保存%s %s（拟定）", t.sheet.Team, what))
}

// onConfirm confirms every proposed grade of the team, the team's own too.
func (t *evalTab) onConfirm() {
	if t.sheet == nil {
		return
	}
	n := t.sheet.Proposed()
	if err := t.f.s.svc.ConfirmEvaluations(t.sheet, nil, true); err != nil {
		t.failed("", err, t.onConfirm)
		return
	}
	t.done(fmt.Sprintf("已确定%s %d 项鉴定", t.sheet.Team, n))
}

// onReturn asks a 领导 why, then returns every confirmed grade of the team
// to proposed.
func (t *evalTab) onReturn() {
	if t.sheet == nil {
		return
	}
	sheet := t.sheet
	t.returnWhy = widget.NewMultiLineEntry()
	t.returnWhy.SetPlaceHolder("退回理由（必填）")
	note := widget.NewLabel("")
	note.Importance = widget.DangerImportance
	var d dialog.Dialog
	t.returnOK = widget.NewButtonWithIcon("退回", theme.ConfirmIcon(), func() {
		if err := t.f.s.svc.ReturnEvaluations(sheet, nil, true, t.returnWhy.Text); err != nil {
			note.SetText(err.Error())
			saveFailed(err, t.f.s.win, t.returnOK.OnTapped, func() {
				d.Hide()
				t.reload()
			})
			return
		}
		d.Hide()
		t.done("已退回" + sheet.Team + "的鉴定，经办人可以修改后重新保存")
	})
	t.returnOK.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.Hide() })
	label := widget.NewLabel(fmt.Sprintf("将%s已确定的 %d 项鉴定退回为“拟定”，由经办人修改后重新保存，再由领导确定。", sheet.Team, t.confirmedCount()))
	label.Wrapping = fyne.TextWrapBreak
	d = dialog.NewCustomWithoutButtons("退回鉴定", container.NewBorder(label, container.NewVBox(note,
		container.NewHBox(layout.NewSpacer(), cancel, t.returnOK)), nil, nil, t.returnWhy), t.f.s.win)
	d.Resize(fyne.NewSize(480, 280))
	d.Show()
	t.returnDlg = d
}

// done reloads the round and the team's sheet after a change and says msg.
func (t *evalTab) done(msg string) {
	t.f.afterWrite(t.f.round.Code, msg)
	t.say(widget.SuccessImportance, msg+"。")
}

// failed says why a change of the sheet failed (after prefix); refused
// over another clerk's change it offers to show the sheet as it is now,
// cut off from the server to try again (retry).
func (t *evalTab) failed(prefix string, err error, retry func()) {
	t.say(widget.DangerImportance, prefix+err.Error())
	saveFailed(err, t.f.s.win, retry, t.reload)
}

// reload shows the round and the team's sheet as they are now, the
// changes not saved given up.
func (t *evalTab) reload() { t.f.afterWrite(t.f.round.Code, "") }

func (t *evalTab) say(imp widget.Importance, msg string) {
	t.msg.Importance = imp
	t.msg.SetText(msg)
}

// nameOr returns a, or b when a is empty.
func nameOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// onForms opens the 巡察人员鉴定表 of the team chosen, one per member.
func (t *evalTab) onForms() {
	if t.f.round == nil || t.team.Selected == "" {
		return
	}
	newPapersDialog(t.f.s.svc, t.f.s.win, t.f.s.clock, app.PaperRequest{Round: t.f.round.Code, Team: t.team.Selected},
		papers.KindAppraise).show()
}
