package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Note is the line under a form or a screen that says how the last action
// went: an error in red, a success in green, or nothing (hidden). It keeps
// the message in the window, where a test can read it and the clerk can
// read it again, instead of a dialog that hides what it is about.
type Note struct {
	widget.Label
}

// NewNote returns an empty, hidden note that wraps its text.
func NewNote() *Note {
	n := &Note{}
	n.Wrapping = fyne.TextWrapBreak
	n.ExtendBaseWidget(n)
	n.Hide()
	return n
}

// Error shows err in red; a nil err clears the note.
func (n *Note) Error(err error) {
	if err == nil {
		n.Clear()
		return
	}
	n.show(err.Error(), widget.DangerImportance)
}

// Fail shows msg in red.
func (n *Note) Fail(msg string) { n.show(msg, widget.DangerImportance) }

// OK shows msg in green.
func (n *Note) OK(msg string) { n.show(msg, widget.SuccessImportance) }

// Info shows msg in the usual colour.
func (n *Note) Info(msg string) { n.show(msg, widget.MediumImportance) }

// Failed reports whether the note shows an error.
func (n *Note) Failed() bool { return n.Visible() && n.Importance == widget.DangerImportance }

// Clear hides the note.
func (n *Note) Clear() {
	n.Text = ""
	n.Hide()
}

func (n *Note) show(msg string, imp widget.Importance) {
	n.Importance = imp
	n.SetText(msg)
	n.Show()
}
