package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/civil"
)

// monthHint is the line under the grid when the pointer is on no bar.
const monthHint = "将鼠标移到色条上查看详情，单击色条打开轮次；← → 键切换月份。"

// monthTab is the 月视图 of the calendar screen: a month's grid with its
// heading, the buttons and keys that move a month, and the stage legend.
type monthTab struct {
	s     *calendarScreen
	year  int
	month time.Month

	heading          *widget.Label
	prev, next, home *widget.Button
	expand           *widget.Check
	grid             *monthGrid
	info             *widget.Label
}

func newMonthTab(s *calendarScreen) *monthTab {
	t := s.clock()
	return &monthTab{s: s, year: t.Year(), month: t.Month()}
}

func (m *monthTab) build() fyne.CanvasObject {
	m.heading = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	m.heading.SizeName = theme.SizeNameSubHeadingText
	m.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { m.move(-1); m.focus() })
	m.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { m.move(1); m.focus() })
	m.home = widget.NewButton("本月", func() { m.goToday(); m.focus() })
	m.expand = widget.NewCheck("逐组显示", func(bool) { m.refresh() })
	m.grid = newMonthGrid()
	m.grid.OnOpen = m.s.openRound
	m.grid.OnKey = m.onKey
	m.info = widget.NewLabel(monthHint)
	m.info.Truncation = fyne.TextTruncateEllipsis
	m.grid.OnHover = func(text string) {
		if text == "" {
			text = monthHint
		}
		m.info.SetText(text)
	}
	heading := container.NewGridWrap(fyne.NewSize(160, m.heading.MinSize().Height), m.heading)
	top := container.NewHBox(m.prev, heading, m.next, m.home, layout.NewSpacer(), m.expand)
	m.refresh()
	return container.NewBorder(container.NewVBox(top, stageLegend()), m.info, nil, nil, container.NewVScroll(m.grid))
}

// refresh draws the month again from the screen's calendar.
func (m *monthTab) refresh() {
	if m.grid == nil {
		return
	}
	m.heading.SetText(monthTitle(m.year, int(m.month)))
	if m.s.cal == nil {
		return
	}
	m.grid.set(m.s.cal.Month(m.year, m.month), m.s.clock(), m.expand.Checked)
	m.info.SetText(monthHint)
}

// move shows the month n months later (earlier when n < 0).
func (m *monthTab) move(n int) {
	d := civil.Of(m.year, m.month, 1).AddMonths(n)
	m.show(d.Year(), d.Month())
}

// show shows month mon of year y.
func (m *monthTab) show(y int, mon time.Month) {
	m.year, m.month = y, mon
	m.refresh()
}

// goToday shows the month of today.
func (m *monthTab) goToday() {
	t := m.s.clock()
	m.show(t.Year(), t.Month())
}

// focus gives the grid the keyboard, so that the arrows keep moving months.
func (m *monthTab) focus() {
	if c := m.s.win.Canvas(); c != nil {
		c.Focus(m.grid)
	}
}

// onKey moves a month on ← → (and Page Up / Page Down), back to today's
// month on Home.
func (m *monthTab) onKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyLeft, fyne.KeyPageUp:
		m.move(-1)
	case fyne.KeyRight, fyne.KeyPageDown:
		m.move(1)
	case fyne.KeyHome:
		m.goToday()
	default:
		return false
	}
	return true
}
