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
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// overrideColumns are the titles of the override table; overrideWidths
// their widths.
var (
	overrideColumns = []string{"状态", "轮次", "巡察组", "人员", "规则", "单位", "理由", "申请人", "申请时间", "批准人", "批准时间"}
	overrideWidths  = []float32{70, 70, 110, 140, 120, 180, 300, 80, 160, 80, 160}
)

// overrideList is the 豁免审批 tab: the overrides of hard recusal hits,
// newest request first. A 领导 user approves the selected pending one;
// everyone else reads.
type overrideList struct {
	svc *app.Service
	win fyne.Window

	rows []app.OverrideView
	view []int
	sel  uint // ID of the selected override, 0 for none

	onlyPending *widget.Check
	count       *widget.Label
	table       *widget.Table
	detail      *widget.Label
	approve     *widget.Button
	note        *widget.Label
	confirm     *widget.Button // the 批准 of the open confirmation, for tests

	onChanged func()            // an override was approved
	onReload  func(pending int) // the list was read again
}

func newOverrideList(svc *app.Service, win fyne.Window, onChanged func()) *overrideList {
	return &overrideList{svc: svc, win: win, onChanged: onChanged}
}

func (l *overrideList) build() fyne.CanvasObject {
	l.onlyPending = widget.NewCheck("只看待批", func(bool) { l.onFilterChanged() })
	l.count = widget.NewLabel("")
	l.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(l.view), len(overrideColumns) },
		func() fyne.CanvasObject { return widgets.NewCell() },
		l.updateCell)
	l.table.ShowHeaderColumn = false
	titledHeaders(l.table, overrideColumns)
	for i, w := range overrideWidths {
		l.table.SetColumnWidth(i, w)
	}
	l.detail = widget.NewLabel("")
	l.detail.Wrapping = fyne.TextWrapWord
	l.approve = widget.NewButtonWithIcon("批准", theme.ConfirmIcon(), l.onApprove)
	l.approve.Importance = widget.HighImportance
	l.approve.Disable()
	l.note = widget.NewLabel("")
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), l.reload)
	bar := container.NewHBox(l.onlyPending, l.count, refresh, widget.NewSeparator(), l.approve, l.note)
	body := container.NewVSplit(l.table, widget.NewCard("", "", container.NewVScroll(l.detail)))
	body.Offset = 0.8
	l.reload()
	return container.NewBorder(bar, nil, nil, nil, body)
}

// reload reads the overrides again.
func (l *overrideList) reload() {
	rows, err := l.svc.Overrides(false)
	if err != nil {
		dialog.ShowError(err, l.win)
		return
	}
	l.rows = rows
	if l.canApprove() {
		l.note.SetText("")
	} else {
		l.note.SetText("只有以“领导”账户登录的用户可以批准豁免；此处只能查看。")
	}
	l.onFilterChanged()
	if l.onReload != nil {
		pending := 0
		for _, o := range rows {
			if o.Pending() {
				pending++
			}
		}
		l.onReload(pending)
	}
}

func (l *overrideList) onFilterChanged() {
	if l.table == nil {
		return
	}
	l.view = l.view[:0]
	pending := 0
	for i, o := range l.rows {
		if o.Pending() {
			pending++
		}
		if !l.onlyPending.Checked || o.Pending() {
			l.view = append(l.view, i)
		}
	}
	l.count.SetText(fmt.Sprintf("共 %d 项，待批 %d 项", len(l.rows), pending))
	l.table.Refresh()
	l.showDetail()
}

func overrideCell(o *app.OverrideView, col int) string {
	switch col {
	case 0:
		if o.Pending() {
			return "待批"
		}
		return "已批准"
	case 1:
		return o.Round
	case 2:
		return o.Team
	case 3:
		return o.PersonName + " " + o.Person
	case 4:
		return o.Rule + " " + recusal.RuleName(o.Rule)
	case 5:
		if o.Unit == "" {
			return "本组全部单位"
		}
		return o.Unit + " " + o.UnitName
	case 6:
		return o.Reason
	case 7:
		return o.EnteredBy
	case 8:
		return o.EnteredAt
	case 9:
		return o.Approver
	case 10:
		return o.ApprovedAt
	}
	return ""
}

func (l *overrideList) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	c := obj.(*widgets.Cell)
	if id.Row >= len(l.view) {
		c.Set("", false, nil)
		return
	}
	o := &l.rows[l.view[id.Row]]
	c.Set(overrideCell(o, id.Col), o.ID == l.sel, theme.Color(theme.ColorNameSelection))
	oid := o.ID
	c.OnTapped = func() { l.onSelect(oid) }
	c.OnDoubleTapped = func() { l.onSelect(oid); l.onApprove() }
}

func (l *overrideList) onSelect(id uint) {
	l.sel = id
	l.table.Refresh()
	l.showDetail()
}

// selected returns the selected override when it is shown.
func (l *overrideList) selected() *app.OverrideView {
	for _, i := range l.view {
		if l.rows[i].ID == l.sel {
			return &l.rows[i]
		}
	}
	return nil
}

func (l *overrideList) showDetail() {
	o := l.selected()
	if o == nil {
		l.detail.SetText("单击一项查看申请理由。")
		l.approve.Disable()
		return
	}
	l.detail.SetText(overrideText(o))
	if o.Pending() && l.canApprove() {
		l.approve.Enable()
	} else {
		l.approve.Disable()
	}
}

// overrideText describes an override in full.
func overrideText(o *app.OverrideView) string {
	unit := "本组全部被巡察单位"
	if o.Unit != "" {
		unit = o.Unit + " " + o.UnitName
	}
	s := fmt.Sprintf("%s %s：%s（%s）的 %s %s 回避，单位：%s\n理由：%s\n申请：%s %s",
		o.Round, o.Team, o.PersonName, o.Person, o.Rule, recusal.RuleName(o.Rule), unit, o.Reason, o.EnteredBy, o.EnteredAt)
	if o.Pending() {
		return s + "\n状态：待领导批准"
	}
	return s + fmt.Sprintf("\n批准：%s %s", o.Approver, o.ApprovedAt)
}

// canApprove reports whether the signed-in user may approve: a 领导
// account (the approver recorded must be one; a database without accounts
// has nobody who may).
func (l *overrideList) canApprove() bool {
	return l.svc.Can(app.PermApprove) && l.svc.Role == vocab.UserLeader
}

// onApprove asks the leader to confirm, then approves in their name.
func (l *overrideList) onApprove() {
	o := l.selected()
	if o == nil || !o.Pending() || !l.canApprove() {
		return
	}
	id := o.ID
	msg := widget.NewLabel(overrideText(o) + "\n\n以 " + l.svc.User + " 的名义批准此项豁免？批准记入审计日志。")
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	l.confirm = widget.NewButtonWithIcon("批准", theme.ConfirmIcon(), func() {
		d.Hide()
		if err := l.svc.ApproveOverride(id, l.svc.User); err != nil {
			dialog.ShowError(err, l.win)
			return
		}
		l.reload()
		if l.onChanged != nil {
			l.onChanged()
		}
	})
	l.confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, l.confirm), nil, nil, msg)
	d = dialog.NewCustomWithoutButtons("批准豁免", content, l.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}
