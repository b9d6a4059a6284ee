package ui

// The window's keys (SPEC §13.4): Esc closes the dialog or form on top
// (through its own 取消, which asks when there are unsaved changes) or the
// pop-up open; Enter confirms a dialog (its default button, or its only
// one) and presses a focused button; F5 reads the screen again; F1 opens
// the user guide; Ctrl+F, Ctrl+N and Ctrl+S search, add and save on the
// screens that have them, and Ctrl+S saves the form on top.
//
// Fyne gives a key to the focused widget first, and an entry keeps Esc,
// F5 or Ctrl+S to itself. So the window takes these keys before any widget
// does (hookKeys, window_keys_glfw.go); without the hook (under test) they
// reach handleKey when nothing is focused, through the canvas.

import (
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// What a screen may do on a key; each is optional.
type (
	// searcher puts the cursor in the screen's search field (Ctrl+F).
	searcher interface{ keySearch() }
	// adder starts a new record (Ctrl+N).
	adder interface{ keyNew() }
	// saver saves what the screen edits (Ctrl+S).
	saver interface{ keySave() }
)

// windowShortcuts are the Ctrl+ keys the window answers.
var windowShortcuts = []fyne.KeyName{fyne.KeyF, fyne.KeyN, fyne.KeyS}

// listenKeys makes the canvas pass the window's keys to handleKey when no
// widget takes them.
func (m *mainWindow) listenKeys() {
	c := m.win.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { m.handleKey(ev, 0) })
	for _, k := range windowShortcuts {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(sc fyne.Shortcut) {
			k := sc.(*desktop.CustomShortcut)
			m.handleKey(&fyne.KeyEvent{Name: k.KeyName}, k.Modifier)
		})
	}
}

// handleKey does what key with mod means to the window, and reports
// whether it did anything (a key it leaves goes on to the focused widget).
func (m *mainWindow) handleKey(ev *fyne.KeyEvent, mod fyne.KeyModifier) bool {
	c := m.win.Canvas()
	top := c.Overlays().Top()
	switch {
	case mod == 0 && ev.Name == fyne.KeyF1:
		m.showHelp()
		return true
	case top != nil:
		return overlayKey(c, top, ev, mod)
	case mod == 0 && ev.Name == fyne.KeyF5:
		m.refresh()
		return true
	case mod == 0 && isReturn(ev.Name):
		return pressFocusedButton(c)
	case mod == fyne.KeyModifierShortcutDefault:
		return m.screenShortcut(ev.Name)
	}
	return false
}

func isReturn(k fyne.KeyName) bool { return k == fyne.KeyReturn || k == fyne.KeyEnter }

// screenShortcut runs Ctrl+F, Ctrl+N or Ctrl+S on the screen shown.
func (m *mainWindow) screenShortcut(key fyne.KeyName) bool {
	if m.views == nil || m.cur < 0 {
		return false
	}
	v := m.views[m.cur]
	switch key {
	case fyne.KeyF:
		if s, ok := v.(searcher); ok {
			s.keySearch()
			return true
		}
	case fyne.KeyN:
		if a, ok := v.(adder); ok {
			a.keyNew()
			return true
		}
	case fyne.KeyS:
		if s, ok := v.(saver); ok {
			s.keySave()
			return true
		}
	}
	return false
}

// refresh reads the screen shown again (F5), the others when next shown;
// unsaved work on it is given up only when the clerk says so.
func (m *mainWindow) refresh() {
	if m.views == nil || m.cur < 0 {
		return
	}
	v, title := m.views[m.cur], m.screens[m.cur].title
	done := func() {
		if m.refreshData(true) {
			m.status.SetText("已刷新“" + title + "”（数据库：" + m.path + "）")
		}
	}
	if w := viewUnsaved(v); w != "" {
		askDiscard(m.win, "刷新“"+title+"”", []string{w}, discardNote, "放弃修改并刷新", func() {
			v.(unsavedView).discard()
			done()
		})
		return
	}
	done()
}

// overlayKey handles a key while a dialog, a form or a pop-up is on top.
// A menu (a drop-down's choices) answers its own keys.
func overlayKey(c fyne.Canvas, top fyne.CanvasObject, ev *fyne.KeyEvent, mod fyne.KeyModifier) bool {
	content := contentField(top)
	if _, ok := content.(*widget.PopUpMenu); ok {
		return false
	}
	bs := buttonsIn(top)
	switch {
	case mod == 0 && ev.Name == fyne.KeyEscape:
		if p, ok := content.(*widget.PopUp); ok && !modal(p) { // a calendar, a list of matches
			p.Hide()
			return true
		}
		if b := cancelButton(bs); b != nil {
			b.OnTapped()
			return true
		}
	case mod == 0 && isReturn(ev.Name):
		if pressFocusedButton(c) {
			return true
		}
		if entryTakesReturn(c.Focused()) {
			return false
		}
		if b := defaultButton(bs); b != nil {
			b.OnTapped()
			return true
		}
	case mod == fyne.KeyModifierShortcutDefault && ev.Name == fyne.KeyS:
		if b := defaultButton(bs); b != nil && strings.Contains(b.Text, "保存") {
			b.OnTapped()
			return true
		}
	}
	return false
}

// modal reports whether a pop-up is modal (a dialog's), read from its
// unexported field: Fyne does not say otherwise.
func modal(p *widget.PopUp) bool {
	f := reflect.ValueOf(p).Elem().FieldByName("modal")
	return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
}

// pressFocusedButton presses the focused button (Fyne presses it on the
// space bar only).
func pressFocusedButton(c fyne.Canvas) bool {
	b, ok := c.Focused().(*widget.Button)
	if !ok || !usable(b) {
		return false
	}
	b.OnTapped()
	return true
}

// entryTakesReturn reports whether the focused widget uses Enter itself:
// a multi-line entry (a new line) or an entry that submits.
func entryTakesReturn(o fyne.Focusable) bool {
	if o == nil {
		return false
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false
	}
	s := v.Elem()
	if f := s.FieldByName("MultiLine"); f.IsValid() && f.Kind() == reflect.Bool && f.Bool() {
		return true
	}
	f := s.FieldByName("OnSubmitted")
	return f.IsValid() && f.Kind() == reflect.Func && !f.IsNil()
}

// cancelWords name the buttons that close a dialog without doing anything.
// (Fyne's own, in English when no Chinese words are loaded: under test).
var cancelWords = []string{"取消", "关闭", "否", "返回", "Cancel", "No", "Close"}

// cancelButton is the dialog's 取消 (关闭, 否 …); else its only button, or
// its 确定 when nothing else can close it (a message, with things to do
// with what it tells); nil for none.
func cancelButton(bs []*widget.Button) *widget.Button {
	for _, b := range bs {
		for _, w := range cancelWords {
			if b.Text == w && usable(b) {
				return b
			}
		}
	}
	if len(bs) == 1 && usable(bs[0]) {
		return bs[0]
	}
	for _, b := range bs {
		if b.Text == "确定" && usable(b) {
			return b
		}
	}
	return nil
}

// defaultButton is the dialog's confirming button: the last one marked
// important, else its only button; nil for none.
func defaultButton(bs []*widget.Button) *widget.Button {
	var out *widget.Button
	for _, b := range bs {
		if b.Importance == widget.HighImportance && usable(b) {
			out = b
		}
	}
	if out == nil && len(bs) == 1 && usable(bs[0]) {
		out = bs[0]
	}
	return out
}

func usable(b *widget.Button) bool { return !b.Disabled() && b.OnTapped != nil }

// buttonsIn lists the visible buttons in o, in the order drawn.
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	walkObjects(o, false, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b)
		}
	})
	return out
}

// press presses b as a click would, when it is enabled.
func press(b *widget.Button) {
	if b != nil && usable(b) {
		b.OnTapped()
	}
}

// focus gives o the keyboard in win.
func focus(win fyne.Window, o fyne.Focusable) { win.Canvas().Focus(o) }
