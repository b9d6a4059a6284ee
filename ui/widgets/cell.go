package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Cell is a table cell: a one-line label on a background that marks the
// selected row, answering a tap (select) and a double tap (open).
type Cell struct {
	widget.BaseWidget
	Label *widget.Label
	bg    *canvas.Rectangle

	OnTapped, OnDoubleTapped func()
}

var (
	_ fyne.Tappable       = (*Cell)(nil)
	_ fyne.DoubleTappable = (*Cell)(nil)
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

// Tapped selects.
func (c *Cell) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// DoubleTapped opens.
func (c *Cell) DoubleTapped(*fyne.PointEvent) {
	if c.OnDoubleTapped != nil {
		c.OnDoubleTapped()
	}
}
