package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	overrideColumns = []string{"状态", "轮次", "巡察组", "人员", "规则", "单位", "理由", "申请人", "申请时间", "处理人", "处理时间"}
	overrideWidths  = []float32{70, 70, 110, 140, 120, 180, 300, 80, 160, 80, 160}
)

// overrideList is the 豁免审批 tab: the overrides of hard recusal hits,
// newest request first, filtered by state. 审批… (or a double click) opens
// the selected one with its evidence (overrideDecision), where a 领导
// approves or refuses a request and withdraws an approved override;
// everyone else reads.
type overrideList struct {
	svc *app.Service
	win fyne.Window

	rows []app.OverrideView
	view []int
	sel  uint // ID of the selected override, 0 for none

	state  *widget.Select // 全部, or one of vocab.OverrideStates
	count  *widget.Label
	table  *widget.Table
	detail *widget.Label
	open   *widget.Button
	note   *widget.Label
	dec    *overrideDecision // the decision opened last, for tests

	onChanged func()            // an override was decided
	onReload  func(pending int) // the list was read again
}

func newOverrideList(svc *app.Service, win fyne.Window, onChanged func()) *overrideList {
	return &overrideList{svc: svc, win: win, onChanged: onChanged}
}

func (l *overrideList) build() fyne.CanvasObject {
	l.state = widget.NewSelect(append([]string{all}, vocab.OverrideStates...), func(string) { l.onFilterChanged() })
	l.state.Selected = all
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
	l.detail.Wrapping = fyne.TextWrapBreak
	l.open = widget.NewButtonWithIcon("审批…", theme.ConfirmIcon(), l.onOpen)
	l.open.Importance = widget.HighImportance
	l.open.Disable()
	l.note = widget.NewLabel("")
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), l.reload)
	bar := container.NewHBox(widget.NewLabel("状态"), l.state, l.count, refresh, widget.NewSeparator(), l.open, l.note)
	body := container.NewVSplit(l.table, widget.NewCard("", "", container.NewVScroll(l.detail)))
	body.Offset = 0.75
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
	if canDecide(l.svc) {
		l.note.SetText("")
		l.open.SetText("审批…")
	} else {
		l.note.SetText("只有以“领导”账户登录的用户可以审批豁免；此处只能查看。")
		l.open.SetText("查看…")
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
		if l.state.Selected == all || o.Status == l.state.Selected {
			l.view = append(l.view, i)
		}
	}
	l.count.SetText(fmt.Sprintf("共 %d 项，待批 %d 项", len(l.rows), pending))
	l.table.Refresh()
	l.showDetail()
}

// decider returns who decided o last and when: the approver, the leader
// who refused it, or who withdrew it.
func decider(o *app.OverrideView) (who, when string) {
	switch o.Status {
	case vocab.OverrideRefused:
		return o.RefusedBy, o.RefusedAt
	case vocab.OverrideWithdrawn:
		return o.WithdrawnBy, o.WithdrawnAt
	}
	return o.Approver, o.ApprovedAt
}

func overrideCell(o *app.OverrideView, col int) string {
	switch col {
	case 0:
		return o.Status
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
		who, _ := decider(o)
		return who
	case 10:
		_, when := decider(o)
		return when
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
	c.Label.Importance = widget.MediumImportance
	if id.Col == 0 && o.Pending() {
		c.Label.Importance = widget.WarningImportance
	}
	oid := o.ID
	c.OnTapped = func() { l.onSelect(oid) }
	c.OnDoubleTapped = func() { l.onSelect(oid); l.onOpen() }
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
		l.detail.SetText("单击一项查看申请理由；双击或点“审批…”查看依据并处理。")
		l.open.Disable()
		return
	}
	l.detail.SetText(overrideText(o))
	l.open.Enable()
}

// overrideText describes an override in full.
func overrideText(o *app.OverrideView) string {
	unit := "本组全部被巡察单位"
	if o.Unit != "" {
		unit = o.Unit + " " + o.UnitName
	}
	s := fmt.Sprintf("%s %s：%s（%s）的 %s %s 回避，单位：%s\n理由：%s\n申请：%s %s",
		o.Round, o.Team, o.PersonName, o.Person, o.Rule, recusal.RuleName(o.Rule), unit, o.Reason, o.EnteredBy, o.EnteredAt)
	if o.Approver != "" {
		s += fmt.Sprintf("\n批准：%s %s", o.Approver, o.ApprovedAt)
	}
	if o.RefusedBy != "" {
		s += fmt.Sprintf("\n驳回：%s %s，理由：%s", o.RefusedBy, o.RefusedAt, o.RefuseReason)
	}
	if o.WithdrawnBy != "" {
		s += fmt.Sprintf("\n撤销：%s %s，理由：%s", o.WithdrawnBy, o.WithdrawnAt, o.WithdrawReason)
	}
	return s + "\n状态：" + o.Status
}

// onOpen opens the selected override with its evidence, to decide on it.
func (l *overrideList) onOpen() {
	o := l.selected()
	if o == nil {
		return
	}
	l.dec = showOverrideDecision(l.svc, l.win, o.ID, func() {
		l.reload()
		if l.onChanged != nil {
			l.onChanged()
		}
	})
}
