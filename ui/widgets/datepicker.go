package widgets

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/civil"
)

// weekdays head the calendar's columns, Monday first as Chinese
// calendars are.
var weekdays = []string{"一", "二", "三", "四", "五", "六", "日"}

// DatePicker is a month of days to choose from, in Chinese (Fyne's own
// calendar names months in English): ◀ ▶ turn the month, « » the year,
// 今天 goes to today; the day chosen is marked.
type DatePicker struct {
	widget.BaseWidget
	month    civil.Date // the first of the month shown
	chosen   civil.Date
	today    civil.Date
	onPick   func(civil.Date)
	title    *widget.Label
	days     *fyne.Container
	dayBtns  []*widget.Button // the buttons of the days of the month shown, from the 1st
	controls []*widget.Button // «, ◀, ▶, », 今天
}

// NewDatePicker shows the month of at (of today when at is no date);
// onPick gets the day chosen.
func NewDatePicker(at civil.Date, onPick func(civil.Date)) *DatePicker {
	p := &DatePicker{chosen: at, today: civil.Today(), onPick: onPick}
	if at.IsZero() {
		at = p.today
	}
	p.month = civil.Of(at.Year(), at.Month(), 1)
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.days = container.NewGridWithColumns(7)
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	p.controls = []*widget.Button{
		btn("«", nil, func() { p.turn(-12) }), btn("", theme.NavigateBackIcon(), func() { p.turn(-1) }),
		btn("", theme.NavigateNextIcon(), func() { p.turn(1) }), btn("»", nil, func() { p.turn(12) }),
		btn("今天", nil, func() { p.pick(p.today) }),
	}
	p.ExtendBaseWidget(p)
	p.show()
	return p
}

// Month is the first day of the month shown.
func (p *DatePicker) Month() civil.Date { return p.month }

// Day returns the button of day d of the month shown, for tests.
func (p *DatePicker) Day(d int) *widget.Button { return p.dayBtns[d-1] }

// Turn shows the month n months on (back when negative).
func (p *DatePicker) turn(n int) {
	p.month = p.month.AddMonths(n)
	p.show()
}

func (p *DatePicker) pick(d civil.Date) {
	p.chosen = d
	if p.onPick != nil {
		p.onPick(d)
	}
}

// show lays out the month.
func (p *DatePicker) show() {
	p.title.SetText(fmt.Sprintf("%d年%d月", p.month.Year(), int(p.month.Month())))
	p.days.RemoveAll()
	p.dayBtns = p.dayBtns[:0]
	for _, w := range weekdays {
		p.days.Add(widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	lead := (int(p.month.Time().Weekday()) + 6) % 7 // Monday first
	for range lead {
		p.days.Add(widget.NewLabel(""))
	}
	for d := p.month; d.Month() == p.month.Month(); d = d.AddDays(1) {
		day := d
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { p.pick(day) })
		switch {
		case d == p.chosen:
			b.Importance = widget.HighImportance
		case d == p.today:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		p.dayBtns = append(p.dayBtns, b)
		p.days.Add(b)
	}
}

// CreateRenderer lays out the title with its buttons over the days.
func (p *DatePicker) CreateRenderer() fyne.WidgetRenderer {
	c := p.controls
	head := container.NewBorder(nil, nil, container.NewHBox(c[0], c[1]), container.NewHBox(c[2], c[3]), p.title)
	return widget.NewSimpleRenderer(container.NewPadded(container.NewBorder(head, container.NewCenter(c[4]), nil, nil, p.days)))
}
