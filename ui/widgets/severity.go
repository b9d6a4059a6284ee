package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/recusal"
)

// Severity colours: the seal red of the theme for 回避, amber for 提示.
var (
	HardColor = color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}
	SoftColor = color.NRGBA{R: 0xc7, G: 0x7c, B: 0x02, A: 0xff}
)

// SeverityColor returns the colour of a severity (transparent for none).
func SeverityColor(s recusal.Severity) color.Color {
	switch s {
	case recusal.Hard:
		return HardColor
	case recusal.Soft:
		return SoftColor
	}
	return color.Transparent
}

// SeverityBadge shows a severity as its word on a coloured tag: 回避 in
// white on red, 提示 in white on amber. The word is always written, so the
// badge reads the same in print and to the colour-blind. A muted badge (a
// hard hit lifted by an approved override) is drawn as an outline.
type SeverityBadge struct {
	widget.BaseWidget
	sev   recusal.Severity
	muted bool
}

// NewSeverityBadge returns a badge for sev ("" shows nothing).
func NewSeverityBadge(sev recusal.Severity) *SeverityBadge {
	b := &SeverityBadge{sev: sev}
	b.ExtendBaseWidget(b)
	return b
}

// SetSeverity changes what the badge shows.
func (b *SeverityBadge) SetSeverity(sev recusal.Severity, muted bool) {
	if b.sev == sev && b.muted == muted {
		return
	}
	b.sev, b.muted = sev, muted
	b.Refresh()
}

// Severity returns the severity shown and whether it is muted.
func (b *SeverityBadge) Severity() (recusal.Severity, bool) { return b.sev, b.muted }

// Text returns the word shown.
func (b *SeverityBadge) Text() string { return string(b.sev) }

// CreateRenderer draws the tag.
func (b *SeverityBadge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{b: b, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.White)}
	r.bg.CornerRadius = 4
	r.bg.StrokeWidth = 1.5
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b    *SeverityBadge
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *badgeRenderer) pad() (float32, float32) { return theme.Padding() * 1.5, theme.Padding() / 2 }

func (r *badgeRenderer) tagSize() fyne.Size {
	px, py := r.pad()
	ts := r.text.MinSize()
	return fyne.NewSize(ts.Width+2*px, ts.Height+2*py)
}

// Layout puts the tag at the leading edge, centred vertically.
func (r *badgeRenderer) Layout(size fyne.Size) {
	tag := r.tagSize()
	pos := fyne.NewPos(theme.Padding(), (size.Height-tag.Height)/2)
	r.bg.Move(pos)
	r.bg.Resize(tag)
	px, py := r.pad()
	r.text.Move(pos.Add(fyne.NewPos(px, py)))
	r.text.Resize(r.text.MinSize())
}

func (r *badgeRenderer) MinSize() fyne.Size {
	tag := r.tagSize()
	return fyne.NewSize(tag.Width+2*theme.Padding(), tag.Height)
}

func (r *badgeRenderer) Refresh() {
	c := SeverityColor(r.b.sev)
	r.text.Text = string(r.b.sev)
	r.text.TextSize = theme.TextSize() * 0.9
	if r.b.muted {
		r.bg.FillColor, r.bg.StrokeColor, r.text.Color = color.Transparent, c, c
	} else {
		r.bg.FillColor, r.bg.StrokeColor, r.text.Color = c, c, color.White
	}
	r.bg.Refresh()
	r.text.Refresh()
	r.Layout(r.b.Size())
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *badgeRenderer) Destroy() {}
