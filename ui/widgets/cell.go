package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Cell is a table cell: a one-line label on a background that marks the
// selected row, answering a tap (select; with Ctrl or Shift, add to the
// selection), a double tap (open) and a right click (the row's menu). A
// text cut short by the column's width is told in full to OnHover while
// the pointer is on it.
type Cell struct {
	widget.BaseWidget
	Label *widget.Label
	bg    *canvas.Rectangle
	mod   fyne.KeyModifier // the modifiers held when the button went down

	OnTapped, OnDoubleTapped func()
	// OnSelect, when set, is called on a tap instead of OnTapped, with the
	// modifier keys held (Ctrl, Shift).
	OnSelect func(mod fyne.KeyModifier)
	// OnMenu is called on a right click, at the position in the window.
	OnMenu func(at fyne.Position)
	// OnHover is called with the whole text when the pointer comes onto a
	// cell whose text is cut short, and with "" when it leaves.
	OnHover func(full string)
}

var (
	_ fyne.Tappable          = (*Cell)(nil)
	_ fyne.DoubleTappable    = (*Cell)(nil)
	_ fyne.SecondaryTappable = (*Cell)(nil)
	_ desktop.Mouseable      = (*Cell)(nil)
	_ desktop.Hoverable      = (*Cell)(nil)
)

// NewCell returns an empty cell.
func NewCell() *Cell {
	c := &Cell{Label: widget.NewLabel(""), bg: canvas.NewRectangle(color.Transparent)}
	c.Label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// Set shows text, on the selection colour when selected.
func (c *Cell) Set(text string, selected bool, selColor color.Color) {
	c.Label.SetText(text)
	want := color.Color(color.Transparent)
	if selected {
		want = selColor
	}
	if c.bg.FillColor != want {
		c.bg.FillColor = want
		c.bg.Refresh()
	}
}

// CreateRenderer draws the background under the label.
func (c *Cell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.Label))
}

// MouseDown notes the modifier keys for the tap that follows.
func (c *Cell) MouseDown(ev *desktop.MouseEvent) { c.mod = ev.Modifier }

// MouseUp does nothing: the tap follows.
func (c *Cell) MouseUp(*desktop.MouseEvent) {}

// Tapped selects.
func (c *Cell) Tapped(*fyne.PointEvent) {
	mod := c.mod
	c.mod = 0
	switch {
	case c.OnSelect != nil:
		c.OnSelect(mod)
	case c.OnTapped != nil:
		c.OnTapped()
	}
}

// DoubleTapped opens.
func (c *Cell) DoubleTapped(*fyne.PointEvent) {
	if c.OnDoubleTapped != nil {
		c.OnDoubleTapped()
	}
}

// TappedSecondary opens the row's menu.
func (c *Cell) TappedSecondary(ev *fyne.PointEvent) {
	if c.OnMenu != nil {
		c.OnMenu(ev.AbsolutePosition)
	}
}

// MouseIn tells OnHover the whole text when it is cut short.
func (c *Cell) MouseIn(*desktop.MouseEvent) {
	if c.OnHover != nil && c.Truncated() {
		c.OnHover(c.Label.Text)
	}
}

// MouseMoved does nothing.
func (c *Cell) MouseMoved(*desktop.MouseEvent) {}

// MouseOut clears what MouseIn told.
func (c *Cell) MouseOut() {
	if c.OnHover != nil {
		c.OnHover("")
	}
}

// Truncated reports whether the cell's text is wider than the cell.
func (c *Cell) Truncated() bool {
	if c.Label.Text == "" || c.Size().Width <= 0 {
		return false
	}
	th := c.Theme()
	w := fyne.MeasureText(c.Label.Text, th.Size(theme.SizeNameText), c.Label.TextStyle).Width
	return w+2*th.Size(theme.SizeNameInnerPadding) > c.Size().Width
}
