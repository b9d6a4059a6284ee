package ui

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pressWait is how long --screen NAME/BUTTON waits for each button to be
// enabled (a screen loads its data in the background).
const pressWait = 60 * time.Second

// openAtStart opens the screen named by --screen once the screens appear
// (after the sign-in): a navigation title (人员库), optionally followed by
// the texts of buttons pressed in turn, each once it is shown and enabled,
// in the dialog on top or else in the toolbar and the screen
// (编组/自动编组, 人员库/新增, 总览/导入工作簿/选择文件…). tools/screenshots
// uses it; an unknown name is said on the console and the first screen
// stays.
func (m *mainWindow) openAtStart(name string) {
	parts := strings.Split(strings.TrimSpace(name), "/")
	title, buttons := parts[0], parts[1:]
	if title == "" {
		return
	}
	first := m.nav.OnSelected
	m.nav.OnSelected = func(i widget.ListItemID) {
		first(i)
		if m.views == nil {
			return // the screens are not there yet
		}
		m.nav.OnSelected = first // once
		for j, s := range m.screens {
			if s.title != title {
				continue
			}
			if j != i {
				m.nav.Select(j)
			}
			m.pressWhenReady(buttons)
			return
		}
		fmt.Fprintf(os.Stderr, "没有名为“%s”的界面，或当前用户无权查看 (no screen %q)\n", title, title)
	}
}

// pressWhenReady presses the buttons with the texts given, one after the
// other, each as soon as it is shown and enabled.
func (m *mainWindow) pressWhenReady(texts []string) {
	if len(texts) == 0 {
		return
	}
	m.session().work.start(func() {
		for _, text := range texts {
			if !m.pressOne(text) {
				fmt.Fprintf(os.Stderr, "按钮“%s”未出现或不可用 (button %q not found)\n", text, text)
				return
			}
		}
	})
}

// pressOne waits for the button with the text and presses it; false when
// it did not appear in time.
func (m *mainWindow) pressOne(text string) bool {
	deadline := time.Now().Add(pressWait)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		pressed := false
		fyne.DoAndWait(func() {
			b := m.buttonShown(text)
			if b != nil && !b.Disabled() && b.OnTapped != nil {
				b.OnTapped()
				pressed = true
			}
		})
		if pressed {
			return true
		}
	}
	return false
}

// buttonShown finds the button with the text in the dialog on top, or
// else in the toolbar and the current screen.
func (m *mainWindow) buttonShown(text string) *widget.Button {
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		return buttonIn(top, text)
	}
	for _, t := range m.tools {
		if t.Text == text {
			return t
		}
	}
	return buttonIn(m.body, text)
}

// buttonIn looks for a visible button with the text in o.
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	for _, b := range buttonsIn(o) {
		if b.Text == text {
			return b
		}
	}
	return nil
}

// contentField is the exported Content field of a widget (a card, a
// scroll, a pop-up, Fyne's overlay container), or nil.
func contentField(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}
