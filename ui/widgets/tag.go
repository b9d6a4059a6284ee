package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tag is a short word in white on a coloured tag: "违规" on red for a
// broken composition rule, "违规 3" for a count; SeverityBadge is one. An
// outlined tag is drawn in its colour on no fill. An empty tag shows
// nothing.
type Tag struct {
	widget.BaseWidget
	text    string
	fill    color.Color
	outline bool
}

// NewTag returns a tag showing text on fill.
func NewTag(text string, fill color.Color) *Tag {
	t := &Tag{text: text, fill: fill}
	t.ExtendBaseWidget(t)
	return t
}

// SetTag changes what the tag shows.
func (t *Tag) SetTag(text string, fill color.Color) { t.set(text, fill, false) }

func (t *Tag) set(text string, fill color.Color, outline bool) {
	if t.text == text && t.fill == fill && t.outline == outline {
		return
	}
	t.text, t.fill, t.outline = text, fill, outline
	t.Refresh()
}

// Text returns the word shown.
func (t *Tag) Text() string { return t.text }

// CreateRenderer draws the tag.
func (t *Tag) CreateRenderer() fyne.WidgetRenderer {
	r := &tagRenderer{t: t, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.White)}
	r.bg.CornerRadius = 4
	r.bg.StrokeWidth = 1.5
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type tagRenderer struct {
	t    *Tag
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *tagRenderer) pad() (float32, float32) { return theme.Padding() * 1.5, theme.Padding() / 2 }

func (r *tagRenderer) tagSize() fyne.Size {
	if r.t.text == "" {
		return fyne.NewSize(0, 0)
	}
	px, py := r.pad()
	ts := r.text.MinSize()
	return fyne.NewSize(ts.Width+2*px, ts.Height+2*py)
}

// Layout puts the tag at the leading edge, centred vertically.
func (r *tagRenderer) Layout(size fyne.Size) {
	tag := r.tagSize()
	pos := fyne.NewPos(theme.Padding(), (size.Height-tag.Height)/2)
	r.bg.Move(pos)
	r.bg.Resize(tag)
	px, py := r.pad()
	r.text.Move(pos.Add(fyne.NewPos(px, py)))
	r.text.Resize(r.text.MinSize())
}

func (r *tagRenderer) MinSize() fyne.Size {
	tag := r.tagSize()
	return fyne.NewSize(tag.Width+2*theme.Padding(), tag.Height)
}

func (r *tagRenderer) Refresh() {
	r.text.Text = r.t.text
	r.text.TextSize = theme.TextSize() * 0.9
	fill := r.t.fill
	if fill == nil || r.t.text == "" {
		fill = color.Transparent
	}
	if r.t.outline {
		r.bg.FillColor, r.bg.StrokeColor, r.text.Color = color.Transparent, fill, fill
	} else {
		r.bg.FillColor, r.bg.StrokeColor, r.text.Color = fill, fill, color.White
	}
	r.bg.Refresh()
	r.text.Refresh()
	r.Layout(r.t.Size())
}

func (r *tagRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *tagRenderer) Destroy() {}
