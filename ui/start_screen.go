package ui

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pressWait is how long --screen NAME/BUTTON waits for the button to be
// enabled (a screen loads its data in the background).
const pressWait = 60 * time.Second

// openAtStart opens the screen named by --screen once the screens appear
// (after the sign-in): a navigation title (人员库), optionally followed by
// the text of a button of that screen or of the toolbar, pressed once it is
// enabled (编组/自动编组, 总览/导入工作簿, 人员库/新增). tools/screenshots
// uses it; an unknown name is said on the console and the first screen
// stays.
func (m *mainWindow) openAtStart(name string) {
	title, button, _ := strings.Cut(strings.TrimSpace(name), "/")
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
			if button != "" {
				m.pressWhenReady(button)
			}
			return
		}
		fmt.Fprintf(os.Stderr, "没有名为“%s”的界面，或当前用户无权查看 (no screen %q)\n", title, title)
	}
}

// pressWhenReady presses the button with the text given, in the toolbar
// or the current screen, as soon as it is shown and enabled.
func (m *mainWindow) pressWhenReady(text string) {
	go func() {
		deadline := time.Now().Add(pressWait)
		for time.Now().Before(deadline) {
			time.Sleep(200 * time.Millisecond)
			pressed := false
			fyne.DoAndWait(func() {
				var b *widget.Button
				for _, t := range m.tools {
					if t.Text == text {
						b = t
					}
				}
				if b == nil {
					b = buttonIn(m.body, text)
				}
				if b != nil && !b.Disabled() && b.Visible() && b.OnTapped != nil {
					b.OnTapped()
					pressed = true
				}
			})
			if pressed {
				return
			}
		}
		fmt.Fprintf(os.Stderr, "按钮“%s”未出现或不可用 (button %q not found)\n", text, text)
	}()
}

// buttonIn looks for a button with the text in o: through containers,
// splits, scrolls, tabs and cards.
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	var kids []fyne.CanvasObject
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *fyne.Container:
		kids = v.Objects
	case *container.Split:
		kids = []fyne.CanvasObject{v.Leading, v.Trailing}
	case *container.Scroll:
		kids = []fyne.CanvasObject{v.Content}
	case *container.AppTabs:
		if t := v.Selected(); t != nil {
			kids = []fyne.CanvasObject{t.Content}
		}
	case *widget.Card:
		kids = []fyne.CanvasObject{v.Content}
	}
	for _, k := range kids {
		if b := buttonIn(k, text); b != nil {
			return b
		}
	}
	return nil
}
