package ui

// Unsaved work is never lost without a word: switching user, closing the
// window, leaving a screen, reading it again (F5) and closing a form ask
// first when something is not saved. A screen tells what it has not saved
// through unsavedView; an open form carries a formGuard among its widgets,
// which the window finds on its dialogs.

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/ui/widgets"
)

// unsavedView is a screen that may hold work not saved yet.
type unsavedView interface {
	// unsaved says what is not saved ("编组 2026-2 的随机抽取结果"), or "".
	unsaved() string
	// discard forgets it and shows the saved data again.
	discard()
}

// viewUnsaved is what screen v has not saved, "" for nothing.
func viewUnsaved(v view) string {
	if u, ok := v.(unsavedView); ok {
		return u.unsaved()
	}
	return ""
}

// formGuard sits invisible in an open form and knows whether its values
// changed since it opened: state returns them (any value that marshals to
// JSON), compared with what it returned at first.
type formGuard struct {
	widget.BaseWidget
	what  string
	state func() any
	first string
}

// newFormGuard watches the form named what (人员 P001 张三) through state;
// call it once the form's fields hold their first values.
func newFormGuard(what string, state func() any) *formGuard {
	g := &formGuard{what: what, state: state}
	g.ExtendBaseWidget(g)
	g.first = g.snapshot()
	return g
}

func (g *formGuard) snapshot() string {
	b, err := json.Marshal(g.state())
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// unsaved says what changed and is not saved, "" for nothing.
func (g *formGuard) unsaved() string {
	if g == nil || g.snapshot() == g.first {
		return ""
	}
	return g.what + "的修改"
}

// reset takes the form's values now as saved.
func (g *formGuard) reset() {
	if g != nil {
		g.first = g.snapshot()
	}
}

// CreateRenderer draws nothing.
func (g *formGuard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// closeForm closes a form with hide, after asking when g has unsaved
// changes.
func closeForm(win fyne.Window, g *formGuard, hide func()) {
	what := g.unsaved()
	if what == "" {
		hide()
		return
	}
	askDiscard(win, "关闭表单", []string{what}, discardNote, "放弃修改并关闭", hide)
}

// guardFormDialog makes d, a form dialog whose fields are in form, ask
// before 取消 or Esc drops what was typed: its guard (named what) takes
// the fields' values as they are now, when the dialog is about to show.
func guardFormDialog(win fyne.Window, d *widgets.FormDialog, what string, form fyne.CanvasObject) {
	g := newFormGuard(what, func() any { return fieldValues(form) })
	d.Hold(g)
	d.Cancel.OnTapped = func() { closeForm(win, g, d.Hide) }
}

// fieldValues are the values of the fields inside o, in order: what a
// form holds.
func fieldValues(o fyne.CanvasObject) []any {
	var out []any
	walkObjects(o, true, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Entry:
			out = append(out, v.Text)
		case *widgets.DateEntry:
			out = append(out, v.Text)
		case *widgets.Picker:
			out = append(out, v.Text)
		case *widget.SelectEntry:
			out = append(out, v.Text)
		case *widget.Select:
			out = append(out, v.Selected)
		case *widget.Check:
			out = append(out, v.Checked)
		case *widget.CheckGroup:
			out = append(out, v.Selected)
		case *widget.RadioGroup:
			out = append(out, v.Selected)
		case *widgets.CheckFlow:
			out = append(out, v.Selected)
		}
	})
	return out
}

// What the clerk is told about the unsaved work when going on.
const (
	discardNote = "继续将放弃这些修改。"
	leaveNote   = "离开后这些修改仍留在该页，但尚未保存；回到该页可以继续并保存。"
)

// askDiscard asks, saying note, whether to go on with action though the
// work listed is unsaved; proceed runs on yes. 返回 (also Esc) keeps
// everything as it is; use askDiscardOr to be told.
func askDiscard(win fyne.Window, title string, what []string, note, action string, proceed func()) {
	askDiscardOr(win, title, what, note, action, proceed, nil)
}

// askDiscardOr is askDiscard that runs back (when not nil) on 返回.
func askDiscardOr(win fyne.Window, title string, what []string, note, action string, proceed, back func()) {
	msg := widget.NewLabel("以下内容尚未保存：\n　· " + strings.Join(what, "\n　· ") + "\n\n" + note)
	msg.Wrapping = fyne.TextWrapBreak
	var d *dialog.CustomDialog
	stay := widget.NewButtonWithIcon("返回", theme.NavigateBackIcon(), func() {
		d.Hide()
		if back != nil {
			back()
		}
	})
	drop := widget.NewButtonWithIcon(action, theme.DeleteIcon(), func() { d.Hide(); proceed() })
	drop.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), stay, drop)), win)
	d.Show()
	d.Resize(fyne.NewSize(min(480, win.Canvas().Size().Width-40), d.MinSize().Height))
}

// formGuards are the guards of the forms open in the window's dialogs.
func formGuards(c fyne.Canvas) []*formGuard {
	var out []*formGuard
	for _, o := range c.Overlays().List() {
		walkObjects(o, true, func(o fyne.CanvasObject) {
			if g, ok := o.(*formGuard); ok {
				out = append(out, g)
			}
		})
	}
	return out
}

// walkObjects calls f on o and everything visible inside it: through
// containers, splits, scrolls, tabs (the selected one, or all with
// allTabs), forms, and the widgets that hold one Content (cards, pop-ups,
// Fyne's overlays).
func walkObjects(o fyne.CanvasObject, allTabs bool, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, k := range v.Objects {
			walkObjects(k, allTabs, f)
		}
	case *container.Split:
		walkObjects(v.Leading, allTabs, f)
		walkObjects(v.Trailing, allTabs, f)
	case *container.Scroll:
		walkObjects(v.Content, allTabs, f)
	case *container.AppTabs:
		for _, t := range v.Items {
			if allTabs || t == v.Selected() {
				walkObjects(t.Content, allTabs, f)
			}
		}
	case *widget.Form:
		for _, it := range v.Items {
			walkObjects(it.Widget, allTabs, f)
		}
	case *widget.Button:
	default:
		walkObjects(contentField(o), allTabs, f)
	}
}

// unsavedWork lists what the window holds unsaved: the open forms' and
// every screen's.
func (m *mainWindow) unsavedWork() []string {
	var out []string
	for _, g := range formGuards(m.win.Canvas()) {
		if w := g.unsaved(); w != "" {
			out = append(out, w)
		}
	}
	for i, v := range m.views {
		if m.built[i] == nil {
			continue
		}
		if w := viewUnsaved(v); w != "" {
			out = append(out, m.screens[i].title+"："+w)
		}
	}
	return out
}

// guardAll runs proceed (切换用户, closing the window), after asking when
// anything is unsaved.
func (m *mainWindow) guardAll(title, action string, proceed func()) {
	what := m.unsavedWork()
	if len(what) == 0 {
		proceed()
		return
	}
	askDiscard(m.win, title, what, discardNote, action, proceed)
}

// leaveScreen runs proceed (showing another screen) after asking when the
// screen shown has unsaved work; on 返回 it stays.
func (m *mainWindow) leaveScreen(proceed, stay func()) {
	if m.cur < 0 || m.views == nil {
		proceed()
		return
	}
	what := viewUnsaved(m.views[m.cur])
	if what == "" {
		proceed()
		return
	}
	askDiscardOr(m.win, "离开“"+m.screens[m.cur].title+"”", []string{what}, leaveNote, "离开此页", proceed, stay)
}
