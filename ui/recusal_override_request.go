package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// overrideRequest is the dialog that asks for a hard hit to be lifted
// (申请豁免, SPEC §4.2): the hit, a written reason, and whether it covers
// every unit of the team. A 领导 user approves it later on 豁免审批.
type overrideRequest struct {
	svc    *app.Service
	win    fyne.Window
	row    recusal.Row
	teamID uint
	onDone func(unit string) // after a request was stored; unit "" = every unit

	reason    *widget.Entry
	wholeTeam *widget.Check
	errors    *widget.Label
	submit    *widget.Button
	dlg       dialog.Dialog
}

// onRequest opens the request for the selected hard hit.
func (s *recusalScreen) onRequest() {
	row := s.selected()
	if row == nil || row.Severity != recusal.Hard || row.Overridden {
		return
	}
	if row.Hits > 1 {
		dialog.ShowInformation("申请豁免", "此行合并了多条回避；请勾选“显示全部”，再选择具体的巡察组和单位申请豁免。", s.win)
		return
	}
	if !s.res.CanLift(row.Rule) {
		dialog.ShowInformation("申请豁免", row.Rule+" "+recusal.RuleName(row.Rule)+" 不可豁免（严格执行回避制度）。", s.win)
		return
	}
	if !s.svc.Can(app.PermEdit) {
		dialog.ShowInformation("申请豁免", "只有经办人或管理员可以申请豁免。", s.win)
		return
	}
	t, ok := s.res.Teams[row.Team]
	if !ok || t.ID == 0 {
		dialog.ShowInformation("申请豁免", row.Team+" 尚未保存，不能申请豁免。", s.win)
		return
	}
	r := *row.Row
	s.req = &overrideRequest{svc: s.svc, win: s.win, row: r, teamID: t.ID, onDone: func(unit string) {
		s.res.MarkPending(r.Team, r.Person, r.Rule, unit)
		s.onFilterChanged()
		s.overrides.reload()
	}}
	s.req.show()
}

func (d *overrideRequest) show() {
	r := d.row
	head := container.NewHBox(widgets.NewSeverityBadge(r.Severity),
		widget.NewLabelWithStyle(fmt.Sprintf("%s %s　%s　%s（%s）", r.Rule, recusal.RuleName(r.Rule), r.Team, r.PersonName, r.Person),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	evidence := widget.NewLabel("情形：" + r.Reason)
	evidence.Wrapping = fyne.TextWrapBreak
	d.reason = widget.NewMultiLineEntry()
	d.reason.SetPlaceHolder("写明豁免的理由（必填），例如：该单位仅为业务往来，经巡察办研究同意……")
	d.reason.Wrapping = fyne.TextWrapBreak
	d.reason.SetMinRowsVisible(4)
	d.wholeTeam = widget.NewCheck("适用于本组全部被巡察单位", nil)
	if r.Unit == "" {
		d.wholeTeam.SetChecked(true)
		d.wholeTeam.Disable()
	} else {
		d.wholeTeam.Text = fmt.Sprintf("适用于 %s 的全部被巡察单位（不勾选：仅 %s）", r.Team, r.UnitName)
	}
	note := widget.NewLabel("申请提交后须由“领导”角色的用户在“豁免审批”中批准或驳回；批准的豁免可以撤销。每一步均记入审计日志，名单上标注该成员。")
	note.Wrapping = fyne.TextWrapBreak
	d.errors = widget.NewLabel("")
	d.errors.Importance = widget.DangerImportance
	d.errors.Hide()
	d.submit = widget.NewButtonWithIcon("提交申请", theme.MailSendIcon(), d.onSubmit)
	d.submit.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.dlg.Hide() })
	form := container.NewVBox(head, evidence, widget.NewSeparator(), widget.NewLabel("豁免理由"), d.reason, d.wholeTeam, note)
	content := container.NewBorder(nil, container.NewVBox(d.errors, container.NewHBox(layout.NewSpacer(), cancel, d.submit)), nil, nil, form)
	d.dlg = dialog.NewCustomWithoutButtons("申请回避豁免", content, d.win)
	d.dlg.Resize(fyne.NewSize(680, 460))
	d.dlg.Show()
}

func (d *overrideRequest) onSubmit() {
	unit := d.row.Unit
	if d.wholeTeam.Checked {
		unit = ""
	}
	if err := d.svc.RequestOverride(d.teamID, d.row.Person, d.row.Rule, unit, d.reason.Text); err != nil {
		d.errors.SetText("未提交：" + err.Error())
		d.errors.Show()
		return
	}
	d.errors.Hide()
	d.dlg.Hide()
	if d.onDone != nil {
		d.onDone(unit)
	}
}
