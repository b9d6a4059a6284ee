package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// tabTo presses Tab until the focus is on o, at most limit times.
func tabTo(t *testing.T, w fyne.Window, o fyne.Focusable, limit int) int {
	t.Helper()
	c := w.Canvas()
	c.Unfocus()
	for i := 1; i <= limit; i++ {
		c.FocusNext()
		if c.Focused() == o {
			return i
		}
	}
	t.Fatalf("Tab did not reach %T in %d presses (focused %T)", o, limit, c.Focused())
	return 0
}

// Tab goes from the filters to the table's rows (the column titles take
// no focus), and the keys move, select, open and copy there.
func TestPeopleTableByKeyboard(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	p := goTo(t, m, "人员库").(*peopleScreen)
	c := w.Canvas()
	tabTo(t, w, p.table, 30)
	if p.cur != "P001" {
		t.Fatalf("the table took the focus with no current row: %q", p.cur)
	}
	for _, o := range []fyne.CanvasObject{headerCell(p.table, 0)} {
		if _, ok := o.(fyne.Focusable); ok {
			t.Error("a column title takes the focus")
		}
	}
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.cur != "P002" || len(p.keys()) != 1 {
		t.Fatalf("↓: current %q, selected %v", p.cur, p.keys())
	}
	// Shift+↓ extends the selection; Ctrl+C copies it with the titles.
	p.table.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.table.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := strings.Join(p.keys(), " "); got != "P002 P003" {
		t.Fatalf("Shift+↓ selected %q", got)
	}
	clip := fyne.CurrentApp().Clipboard()
	p.table.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	lines := strings.Split(strings.TrimSuffix(clip.Content(), "\r\n"), "\r\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "人员编号\t姓名") || !strings.HasPrefix(lines[1], "P002\t李四") {
		t.Fatalf("Ctrl+C copied %q", clip.Content())
	}
	// Home, then Enter opens the current row's form; Esc closes it.
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.form == nil || p.form.detail.Person.Code != "P001" || c.Overlays().Top() == nil {
		t.Fatal("Enter did not open the current person")
	}
	key(m, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Error("Esc did not close the form")
	}
}

// Ctrl+click adds a row to the selection, Shift+click a range; Ctrl+A
// takes every row.
func TestTableClicksSelect(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	tableCell(s.table, 0, 1).OnSelect(0)
	tableCell(s.table, 2, 1).OnSelect(fyne.KeyModifierShortcutDefault)
	if got := strings.Join(s.keys(), " "); got != "P001 P003" || s.cur != "P003" {
		t.Fatalf("Ctrl+click: %q current %q", got, s.cur)
	}
	tableCell(s.table, 0, 1).OnSelect(0)
	tableCell(s.table, 2, 1).OnSelect(fyne.KeyModifierShift)
	if got := strings.Join(s.keys(), " "); got != "P001 P002 P003" {
		t.Fatalf("Shift+click: %q", got)
	}
	tableCell(s.table, 1, 1).OnSelect(0)
	s.table.TypedShortcut(&fyne.ShortcutSelectAll{})
	if len(s.keys()) != 3 {
		t.Errorf("Ctrl+A selected %v", s.keys())
	}
}

// A cell cut short by its column tells its whole text to the status bar.
func TestTruncatedCellInStatusBar(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	p := goTo(t, m, "人员库").(*peopleScreen)
	p.table.SetColumnWidth(1, 20)
	cell := tableCell(p.table, 0, 1)
	cell.Resize(fyne.NewSize(20, 30))
	if !cell.Truncated() {
		t.Fatal("a 20-wide cell of 张三 is not cut short")
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(1, 1))
	cell.MouseIn(&desktop.MouseEvent{})
	var h *hintLine
	walkAll(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if x, ok := o.(*hintLine); ok {
			h = x
		}
	})
	if h == nil || !h.Visible() || h.Text != "张三" || m.status.Visible() {
		t.Fatalf("hint %+v", h)
	}
	cell.MouseOut()
	if h.Visible() || !m.status.Visible() {
		t.Error("the status line did not come back")
	}
}

// Enter and Esc dismiss a message; Enter confirms a question, Esc says no.
func TestMessagesByKeyboard(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	c := w.Canvas()
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		dialog.ShowInformation("完成", "已导出", w)
		if !key(m, k) || c.Overlays().Top() != nil {
			t.Errorf("%s did not dismiss 完成", k)
		}
	}
	var answer []bool
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		dialog.ShowConfirm("删除", "确定？", func(ok bool) { answer = append(answer, ok) }, w)
		key(m, k)
	}
	if len(answer) != 2 || !answer[0] || answer[1] {
		t.Errorf("Enter, Esc on a question answered %v", answer)
	}
	// Enter on a focused button presses it.
	pressed := false
	b := widget.NewButton("试", func() { pressed = true })
	w.SetContent(b)
	c.Focus(b)
	key(m, fyne.KeyReturn)
	if !pressed {
		t.Errorf("Enter did not press the focused button (focused %T)", c.Focused())
	}
}

// Ctrl+F puts the cursor in the search; Ctrl+N opens a new record; F1
// opens the guide at the screen's section.
func TestScreenShortcuts(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	p := goTo(t, m, "人员库").(*peopleScreen)
	if !ctrl(m, fyne.KeyF) || w.Canvas().Focused() != p.search {
		t.Fatalf("Ctrl+F focused %T", w.Canvas().Focused())
	}
	w.Canvas().Unfocus()
	if !ctrl(m, fyne.KeyN) || p.form == nil || !p.form.isNew {
		t.Fatal("Ctrl+N did not open a new person")
	}
	key(m, fyne.KeyEscape)
	u := goTo(t, m, "单位").(*unitsScreen)
	if !ctrl(m, fyne.KeyF) || w.Canvas().Focused() != u.search {
		t.Error("Ctrl+F on 单位")
	}
	pl := goTo(t, m, "巡察规划").(*planScreen)
	if !ctrl(m, fyne.KeyF) || w.Canvas().Focused() != pl.search {
		t.Error("Ctrl+F on 巡察规划")
	}
	goTo(t, m, "编组")
	if !key(m, fyne.KeyF1) {
		t.Fatal("F1 not taken")
	}
	h := m.session().help
	if h == nil || len(h.secs) < 10 || h.secs[0].level != 1 {
		t.Fatal("no guide")
	}
	i := guideSectionFor(h.secs, "编组")
	if !strings.Contains(h.secs[i].title, "编组") || !strings.Contains(h.text.String(), "编组") {
		t.Errorf("F1 on 编组 opened %q", h.secs[i].title)
	}
	h.win.Close()
}

// The user guide splits at its headings, without the headings in code.
func TestGuideSections(t *testing.T) {
	md := "# 说明\n前言\n## 1. 安装\n装上\n![首次使用](img/a.png)\n### 1.1 细节\n```\n# 不是标题\n```\n## 2. 编组\n见[安装](#1-安装)。\n"
	secs := guideSections(md)
	var titles []string
	for _, s := range secs {
		titles = append(titles, s.title)
	}
	if strings.Join(titles, "|") != "说明|1. 安装|1.1 细节|2. 编组" {
		t.Fatalf("titles %v", titles)
	}
	if !strings.Contains(secs[1].text, "*（截图：首次使用）*") || !strings.Contains(secs[1].text, "1.1 细节") ||
		strings.Contains(secs[1].text, "2. 编组") {
		t.Errorf("section 1: %q", secs[1].text)
	}
	if !strings.Contains(secs[3].text, "见安装。") {
		t.Errorf("links: %q", secs[3].text)
	}
	if guideSectionFor(secs, "编组") != 3 || guideSectionFor(secs, "无此页") != 0 {
		t.Error("guideSectionFor")
	}
}

// The key hook takes the window's keys only: Esc, Enter, F1 and F5
// alone, Ctrl+F/N/S.
func TestWindowKeyFromGLFW(t *testing.T) {
	cases := []struct {
		key  glfw.Key
		mods glfw.ModifierKey
		name fyne.KeyName
		mod  fyne.KeyModifier
		ok   bool
	}{
		{glfw.KeyEscape, 0, fyne.KeyEscape, 0, true},
		{glfw.KeyEscape, glfw.ModCapsLock, fyne.KeyEscape, 0, true},
		{glfw.KeyKPEnter, 0, fyne.KeyEnter, 0, true},
		{glfw.KeyF5, glfw.ModShift, "", 0, false},
		{glfw.KeyS, glfw.ModControl, fyne.KeyS, fyne.KeyModifierControl, true},
		{glfw.KeyS, glfw.ModControl | glfw.ModShift, "", 0, false},
		{glfw.KeyS, 0, "", 0, false}, // typing an s
		{glfw.KeyA, glfw.ModControl, "", 0, false},
	}
	for _, c := range cases {
		name, mod, ok := windowKey(c.key, c.mods)
		if name != c.name || mod != c.mod || ok != c.ok {
			t.Errorf("windowKey(%v, %v) = %q %v %v", c.key, c.mods, name, mod, ok)
		}
	}
}
