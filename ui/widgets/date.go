package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/civil"
)

// datePlaceHolder is what an empty date field shows: words, not a date a
// reader could take for one.
const datePlaceHolder = "年-月-日"

// DateEntry is an entry for a date, or empty. It takes a date written any
// way the imports take one (2027-03-01, 2027-3-1, 2027/3/1, 2027年3月1日,
// civil.ParseWritten) and writes it 2027-03-01 once the cursor leaves it;
// the calendar button at its end picks a day from a month shown in Chinese.
type DateEntry struct {
	widget.Entry
	pick   *widget.Button
	picker *widget.PopUp // the calendar open, if any
}

// NewDateEntry returns an empty date entry.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = datePlaceHolder
	e.Validator = ValidateDate
	e.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.ShowPicker)
	e.pick.Importance = widget.LowImportance
	e.ActionItem = e.pick
	return e
}

// ValidateDate accepts "" and a date written any way civil.ParseWritten
// reads one.
func ValidateDate(s string) error {
	_, err := civil.ParseWritten(s)
	return err
}

// Date returns the date typed, written 2026-03-01; what is not a date comes
// back as typed (trimmed), for the form's check to name it.
func (e *DateEntry) Date() string {
	s := strings.TrimSpace(e.Text)
	if d, err := civil.ParseWritten(s); err == nil {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	return s
}

// FocusLost writes the date the standard way.
func (e *DateEntry) FocusLost() {
	e.Entry.FocusLost()
	e.normalise()
}

// normalise rewrites a date typed another way as 2026-03-01.
func (e *DateEntry) normalise() {
	if d := e.Date(); d != e.Text && ValidateDate(e.Text) == nil {
		e.SetText(d)
	}
}

// ShowPicker opens the calendar under the entry, at the date typed (or
// today); a day chosen is written into the entry.
func (e *DateEntry) ShowPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil || e.Disabled() {
		return
	}
	at, _ := civil.ParseWritten(e.Text)
	p := NewDatePicker(at, func(d civil.Date) {
		e.SetText(d.String())
		e.HidePicker()
		c.Focus(e)
	})
	e.picker = widget.NewPopUp(p, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pos.Y += e.Size().Height
	if room := c.Size().Height - p.MinSize().Height; pos.Y > room && room > 0 {
		pos.Y = room
	}
	e.picker.ShowAtPosition(pos)
}

// HidePicker closes the calendar.
func (e *DateEntry) HidePicker() {
	if e.picker != nil {
		e.picker.Hide()
		e.picker = nil
	}
}

// Picker is the calendar open, for tests; nil when none.
func (e *DateEntry) Picker() *DatePicker {
	if e.picker == nil {
		return nil
	}
	return e.picker.Content.(*DatePicker)
}
