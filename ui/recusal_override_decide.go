package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
)

// overrideDecision is the approval of one override (豁免审批, SPEC §10.3):
// the evidence as the checker finds it now — the hit's reason sentence,
// the person, the team with its units and on-site dates, the rule's
// setting — and, for a 领导, 批准 or 驳回 of a pending request and 撤销 of
// an approved one, the last two with a written reason. Everyone else
// reads. Opened from the 豁免审批 list and from 总览's 待批豁免.
type overrideDecision struct {
	svc    *app.Service
	win    fyne.Window
	ev     *app.OverrideEvidence
	onDone func() // after a decision was stored

	evidence                  *widget.Label
	reason                    *widget.Entry // why it is refused or withdrawn
	note, errors              *widget.Label
	approve, refuse, withdraw *widget.Button
	dlg                       dialog.Dialog
	reopened                  *overrideDecision // the dialog 重新载入 opened, for tests
}

// showOverrideDecision opens the approval of override id.
func showOverrideDecision(svc *app.Service, win fyne.Window, id uint, onDone func()) *overrideDecision {
	ev, err := svc.OverrideEvidence(id)
	if err != nil {
		dialog.ShowError(err, win)
		return nil
	}
	d := &overrideDecision{svc: svc, win: win, ev: ev, onDone: onDone}
	d.show()
	return d
}

// canDecide reports whether the signed-in user may decide overrides: a
// 领导 account (the name recorded must be one; a database without
// accounts has nobody who may).
func canDecide(svc *app.Service) bool {
	return svc.Can(app.PermApprove) && svc.Role == vocab.UserLeader
}

func (d *overrideDecision) show() {
	ev := d.ev
	d.evidence = widget.NewLabel(strings.Join(ev.Lines(), "\n"))
	d.evidence.Wrapping = fyne.TextWrapBreak
	d.reason = widget.NewMultiLineEntry()
	d.reason.Wrapping = fyne.TextWrapBreak
	d.reason.SetMinRowsVisible(2)
	d.note = widget.NewLabel("")
	d.note.Wrapping = fyne.TextWrapBreak
	d.errors = widget.NewLabel("")
	d.errors.Importance = widget.DangerImportance
	d.errors.Wrapping = fyne.TextWrapBreak
	d.errors.Hide()
	d.approve = widget.NewButtonWithIcon("批准", theme.ConfirmIcon(), d.onApprove)
	d.approve.Importance = widget.HighImportance
	d.refuse = widget.NewButtonWithIcon("驳回", theme.CancelIcon(), d.onRefuse)
	d.refuse.Importance = widget.DangerImportance
	d.withdraw = widget.NewButtonWithIcon("撤销豁免", theme.ContentUndoIcon(), d.onWithdraw)
	d.withdraw.Importance = widget.DangerImportance
	closeBtn := widget.NewButton("关闭", func() { d.dlg.Hide() })
	lead := canDecide(d.svc)
	var form []fyne.CanvasObject
	switch {
	case !lead:
		d.note.SetText("只有以“领导”账户登录的用户可以批准、驳回或撤销豁免；此处只能查看。")
	case ev.Pending():
		d.reason.SetPlaceHolder("驳回时须写明理由；批准无须填写")
		d.note.SetText("以 " + d.svc.User + " 的名义批准或驳回此项申请；均记入审计日志。")
		if !ev.Liftable {
			d.note.SetText("该规则现已设为不可豁免：此项申请只能驳回。")
		}
		form = []fyne.CanvasObject{widget.NewLabel("驳回理由"), d.reason}
	case ev.InForce():
		d.reason.SetPlaceHolder("撤销时须写明理由")
		d.note.SetText("撤销后该回避重新生效，已编入的成员在保存编组时须调整；撤销记入审计日志。")
		form = []fyne.CanvasObject{widget.NewLabel("撤销理由"), d.reason}
	default:
		d.note.SetText("此项豁免已" + strings.TrimPrefix(ev.Status, "已") + "，无须处理。")
	}
	buttons := []fyne.CanvasObject{layout.NewSpacer(), closeBtn}
	if lead && ev.Pending() {
		buttons = append(buttons, d.refuse, d.approve)
		if !ev.Liftable {
			d.approve.Disable()
		}
	}
	if lead && ev.InForce() {
		buttons = append(buttons, d.withdraw)
	}
	body := container.NewVBox(append([]fyne.CanvasObject{d.evidence, widget.NewSeparator()}, form...)...)
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(600, 300))
	content := container.NewBorder(nil, container.NewVBox(d.note, d.errors, container.NewHBox(buttons...)), nil, nil, scroll)
	d.dlg = dialog.NewCustomWithoutButtons("豁免审批："+ev.PersonName+" "+ev.Rule, content, d.win)
	d.dlg.Resize(fyne.NewSize(720, 560))
	d.dlg.Show()
}

// done closes the dialog after a decision and tells the opener. A
// decision refused because the override changed since the dialog showed
// it (decided by another leader, asked again with a new reason) offers to
// show it as it is now; one cut off from the server, to try again.
func (d *overrideDecision) done(err error, retry func()) {
	if err != nil {
		d.errors.SetText("未处理：" + err.Error())
		d.errors.Show()
		saveFailed(err, d.win, retry, func() {
			d.dlg.Hide()
			if d.onDone != nil {
				d.onDone()
			}
			d.reopened = showOverrideDecision(d.svc, d.win, d.ev.ID, d.onDone)
		})
		return
	}
	d.dlg.Hide()
	if d.onDone != nil {
		d.onDone()
	}
}

// seeing is the service for a decision on the override as the dialog
// shows it (read with its stamp).
func (d *overrideDecision) seeing() *app.Service { return d.svc.Seeing(d.ev.Stamp) }

func (d *overrideDecision) onApprove() {
	d.done(d.seeing().ApproveOverride(d.ev.ID, d.svc.User), d.onApprove)
}

func (d *overrideDecision) onRefuse() {
	d.done(d.seeing().RefuseOverride(d.ev.ID, d.reason.Text), d.onRefuse)
}

func (d *overrideDecision) onWithdraw() {
	d.done(d.seeing().WithdrawOverride(d.ev.ID, d.reason.Text), d.onWithdraw)
}
