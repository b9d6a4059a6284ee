package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// hintLine is the part of the status bar that shows, while the pointer is
// on a table cell cut short by its column, the cell's whole text, in the
// place of the status line.
type hintLine struct {
	widget.Label
	status fyne.CanvasObject // the status line it stands in for
}

func newHintLine(status fyne.CanvasObject) *hintLine {
	h := &hintLine{status: status}
	h.Truncation = fyne.TextTruncateEllipsis
	h.TextStyle.Bold = true
	h.ExtendBaseWidget(h)
	h.Hide()
	return h
}

// set shows text, or the status line again for "".
func (h *hintLine) set(text string) {
	h.SetText(text)
	if text == "" {
		h.Hide()
		h.status.Show()
		return
	}
	h.status.Hide()
	h.Show()
}

// showHint shows text in the status bar of the window o is in (a table
// cell's whole text); "" clears it. A window without a status bar (a
// dialog's table under test) shows nothing.
func showHint(o fyne.CanvasObject, text string) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	var h *hintLine
	walkAll(c.Content(), func(o fyne.CanvasObject) {
		if x, ok := o.(*hintLine); ok && h == nil {
			h = x
		}
	})
	if h != nil {
		h.set(text)
	}
}

// walkAll is walkObjects that goes into hidden objects too.
func walkAll(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if c, ok := o.(*fyne.Container); ok {
		f(o)
		for _, k := range c.Objects {
			walkAll(k, f)
		}
		return
	}
	if o != nil {
		f(o)
	}
}
