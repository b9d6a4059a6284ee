package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/ui/widgets"
)

// stageColors are the colours of the stages, in calendar.Stages order:
// 准备 grey-blue, 进驻 seal red, 报告 orange, 反馈 amber, 整改 green,
// 督查验收 blue.
var stageColors = [...]color.NRGBA{
	{0x78, 0x90, 0x9c, 0xff},
	{0xc6, 0x28, 0x28, 0xff},
	{0xef, 0x6c, 0x00, 0xff},
	{0xf9, 0xa8, 0x25, 0xff},
	{0x2e, 0x7d, 0x32, 0xff},
	{0x15, 0x65, 0xc0, 0xff},
}

var (
	white     = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	darkText  = color.NRGBA{0x21, 0x21, 0x21, 0xff}
	greyText  = color.NRGBA{0x75, 0x75, 0x75, 0xff}
	gridLine  = color.NRGBA{0xd0, 0xd0, 0xd0, 0xff}
	todayTint = color.NRGBA{0xb7, 0x1c, 0x1c, 0x1c}
)

// stageColor returns the colour of stage st; an estimated stage (a date
// from the default lengths) is paler.
func stageColor(st calendar.Stage, estimated bool) color.NRGBA {
	c := stageColors[0]
	if int(st) >= 0 && int(st) < len(stageColors) {
		c = stageColors[st]
	}
	if estimated {
		c.A = 0x99
	}
	return c
}

// stageTextColor is the colour of text written on a bar of stage st.
func stageTextColor(st calendar.Stage) color.Color {
	if st == calendar.StageFeedback {
		return darkText
	}
	return white
}

// stageLegend is a row of swatches naming the stages' colours.
func stageLegend() fyne.CanvasObject {
	row := container.NewHBox()
	for _, st := range calendar.Stages {
		sw := canvas.NewRectangle(stageColor(st, false))
		sw.CornerRadius = 2
		row.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), sw)))
		row.Add(widget.NewLabel(st.String()))
	}
	pale := canvas.NewRectangle(stageColor(calendar.StageOnsite, true))
	pale.CornerRadius = 2
	note := widget.NewLabel("浅色：日期按默认天数估算")
	row.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), pale)))
	row.Add(note)
	return row
}

// spanText describes a stage: "准备 2026-11-23 至 2026-12-06（14天）".
func spanText(sp calendar.Span) string {
	s := fmt.Sprintf("%s %s 至 %s（%d天）", sp.Stage, sp.Start, sp.End, sp.Days())
	if sp.Estimated {
		s += "，按默认天数估算"
	}
	return s
}

// monthTitle is a month's heading: 2026年3月.
func monthTitle(y int, m int) string { return fmt.Sprintf("%d年%d月", y, m) }

// dateOrDash shows a date, or "—" when not set.
func dateOrDash(d civil.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

// fitText cuts text to width at size.
func fitText(text string, size float32, bold bool, width float32) string {
	return widgets.Fit(text, size, fyne.TextStyle{Bold: bold}, width)
}
