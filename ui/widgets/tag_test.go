package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"xuncha/app/recusal"
)

func TestSeverityBadgeWordsColoursAndOutline(t *testing.T) {
	test.NewTempApp(t)
	b := NewSeverityBadge(recusal.Hard)
	r := test.WidgetRenderer(b)
	bg, text := r.Objects()[0].(*canvas.Rectangle), r.Objects()[1].(*canvas.Text)
	if text.Text != "回避" || bg.FillColor != HardColor || text.Color != color.White {
		t.Fatalf("hard: %q fill %v text %v", text.Text, bg.FillColor, text.Color)
	}
	b.SetSeverity(recusal.Hard, true) // lifted by an approved override
	if bg.FillColor != color.Transparent || bg.StrokeColor != HardColor || text.Color != HardColor {
		t.Fatalf("muted: fill %v stroke %v text %v", bg.FillColor, bg.StrokeColor, text.Color)
	}
	b.SetSeverity(recusal.Soft, false)
	if sev, muted := b.Severity(); sev != recusal.Soft || muted || text.Text != "提示" || bg.FillColor != SoftColor {
		t.Fatalf("soft: %v %v %q %v", sev, muted, text.Text, bg.FillColor)
	}
	b.SetSeverity("", false)
	if text.Text != "" || bg.FillColor != color.Transparent || b.MinSize().Width > 3*8 {
		t.Fatalf("empty badge: %q %v %v", text.Text, bg.FillColor, b.MinSize())
	}
	g := NewTag("违规 2", HardColor)
	gr := test.WidgetRenderer(g)
	if gr.Objects()[1].(*canvas.Text).Text != "违规 2" || gr.Objects()[0].(*canvas.Rectangle).FillColor != HardColor {
		t.Fatal("tag not drawn as given")
	}
}
