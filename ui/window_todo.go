package ui

// 待办: what awaits the signed-in user (app.Service.Todo), shown to a 领导
// as they sign in and to anyone from the user menu. A double-click (or
// Enter) on an item goes to the screen where it is dealt with.

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
)

// todoDialog is the 待办 list.
type todoDialog struct {
	items []app.TodoItem
	list  *rowTable
	dlg   dialog.Dialog
}

// todoAtSignIn shows a 领导 what awaits them, when anything does.
func (m *mainWindow) todoAtSignIn() {
	if m.svc == nil || !m.svc.Can(app.PermApprove) {
		return
	}
	items, err := m.svc.Todo(today())
	if err != nil || len(items) == 0 {
		return
	}
	m.showTodo(items)
}

// onTodo shows the 待办 list from the user menu.
func (m *mainWindow) onTodo() {
	items, err := m.svc.Todo(today())
	if err != nil {
		dialog.ShowError(err, m.win)
		return
	}
	m.showTodo(items)
}

// showTodo lists items.
func (m *mainWindow) showTodo(items []app.TodoItem) *todoDialog {
	d := &todoDialog{items: items}
	d.list = newRowTable([]string{"类别", "事项", "办理"}, []float32{120, 560, 80},
		func() int { return len(d.items) }, strconv.Itoa,
		func(r, c int) string {
			it := d.items[r]
			return []string{it.Kind, it.Text, it.Screen}[c]
		})
	d.list.onOpen = func() {
		r, _ := strconv.Atoi(d.list.cur)
		d.dlg.Hide()
		m.goToScreen(d.items[r].Screen)
	}
	head := widget.NewLabel("双击一项（或选中后按回车）转到办理它的界面。")
	if len(items) == 0 {
		head.SetText("没有待办事项。")
	}
	closeBtn := widget.NewButton("关闭", func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("待办事项（%d）", len(items)),
		container.NewBorder(head, container.NewHBox(closeBtn), nil, nil, d.list.table), m.win)
	fitDialog(d.dlg, m.win, fyne.NewSize(820, 420))
	d.dlg.Show()
	m.session().todo = d
	return d
}

// goToScreen shows the screen titled title, when the user may see it.
func (m *mainWindow) goToScreen(title string) {
	for i, s := range m.screens {
		if s.title == title {
			m.nav.Select(i)
			return
		}
	}
}
