package widgets

import (
	"image/color"

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
	Tag
	sev   recusal.Severity
	muted bool
}

// NewSeverityBadge returns a badge for sev ("" shows nothing).
func NewSeverityBadge(sev recusal.Severity) *SeverityBadge {
	b := &SeverityBadge{}
	b.ExtendBaseWidget(b)
	b.sev = sev
	b.set(string(sev), SeverityColor(sev), false)
	return b
}

// SetSeverity changes what the badge shows.
func (b *SeverityBadge) SetSeverity(sev recusal.Severity, muted bool) {
	if b.sev == sev && b.muted == muted {
		return
	}
	b.sev, b.muted = sev, muted
	b.set(string(sev), SeverityColor(sev), muted)
}

// Severity returns the severity shown and whether it is muted.
func (b *SeverityBadge) Severity() (recusal.Severity, bool) { return b.sev, b.muted }
