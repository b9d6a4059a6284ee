package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// CheckFlow is a group of check boxes that flows onto as many lines as its
// width needs, where Fyne's horizontal CheckGroup keeps one line however
// narrow the window: the nine skills fit a window of 1024.
type CheckFlow struct {
	widget.BaseWidget
	Options   []string
	Selected  []string // in the order of Options
	OnChanged func([]string)

	checks   []*widget.Check
	disabled bool
	quiet    bool // SetSelected is setting the boxes
}

var _ fyne.Disableable = (*CheckFlow)(nil)

// NewCheckFlow returns the group of options, none checked.
func NewCheckFlow(options []string, changed func([]string)) *CheckFlow {
	f := &CheckFlow{Options: options, OnChanged: changed}
	for _, o := range options {
		o := o
		f.checks = append(f.checks, widget.NewCheck(o, func(on bool) { f.onCheck(o, on) }))
	}
	f.ExtendBaseWidget(f)
	return f
}

func (f *CheckFlow) onCheck(option string, on bool) {
	if f.quiet {
		return
	}
	f.Selected = f.read()
	if f.OnChanged != nil {
		f.OnChanged(f.Selected)
	}
}

// read lists the boxes checked, in the order of the options.
func (f *CheckFlow) read() []string {
	var out []string
	for i, c := range f.checks {
		if c.Checked {
			out = append(out, f.Options[i])
		}
	}
	return out
}

// SetSelected checks the options in sel and unchecks the others.
func (f *CheckFlow) SetSelected(sel []string) {
	f.quiet = true
	for i, c := range f.checks {
		c.SetChecked(slices.Contains(sel, f.Options[i]))
	}
	f.quiet = false
	f.Selected = f.read()
}

// Disable makes the boxes read-only.
func (f *CheckFlow) Disable() {
	f.disabled = true
	for _, c := range f.checks {
		c.Disable()
	}
}

// Enable lets the boxes be checked.
func (f *CheckFlow) Enable() {
	f.disabled = false
	for _, c := range f.checks {
		c.Enable()
	}
}

// Disabled reports whether the boxes are read-only.
func (f *CheckFlow) Disabled() bool { return f.disabled }

// CreateRenderer lays the boxes out in cells as wide as the widest.
func (f *CheckFlow) CreateRenderer() fyne.WidgetRenderer {
	cell := fyne.NewSize(0, 0)
	objs := make([]fyne.CanvasObject, len(f.checks))
	for i, c := range f.checks {
		cell = cell.Max(c.MinSize())
		objs[i] = c
	}
	return widget.NewSimpleRenderer(container.NewGridWrap(cell, objs...))
}
