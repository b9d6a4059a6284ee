package widgets

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/widget"

	"xuncha/app/civil"
)

// DateEntry is an entry for a date written 2026-03-01, or empty. Fyne's
// date picker shows English month names; clerks type dates as digits.
type DateEntry struct {
	widget.Entry
}

// NewDateEntry returns an empty date entry.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = "2026-03-01"
	e.Validator = ValidateDate
	return e
}

// ValidateDate accepts "" and dates written 2006-01-02.
func ValidateDate(s string) error {
	if _, err := civil.Parse(strings.TrimSpace(s)); err != nil {
		return errors.New("日期应写成 2026-03-01")
	}
	return nil
}

// Date returns the trimmed text.
func (e *DateEntry) Date() string { return strings.TrimSpace(e.Text) }
