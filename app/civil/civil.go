// Package civil is a calendar day without time or zone, the unit every date
// in 巡察统筹 is kept in.
package civil

import (
	"fmt"
	"time"
)

// Date is a calendar day encoded as YYYYMMDD (20260301); 0 is no date.
// Dates compare with < and ==.
type Date int32

// Layout is the one way dates are written: 2026-03-01.
const Layout = "2006-01-02"

// Of returns the Date of y-m-d; out-of-range parts are normalised as
// time.Date does.
func Of(y int, m time.Month, d int) Date {
	return FromTime(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// FromTime returns the calendar day of t in t's location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// Today is the current day on this machine's clock and zone.
func Today() Date { return FromTime(time.Now()) }

// Parse reads a date written as 2006-01-02. The empty string is no date.
func Parse(s string) (Date, error) {
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse(Layout, s)
	if err != nil {
		return 0, fmt.Errorf("日期 %q 不是 2006-01-02 的格式", s)
	}
	return FromTime(t), nil
}

// MustParse is Parse for dates known to be valid, such as constants in tests.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is no date.
func (d Date) IsZero() bool { return d == 0 }

// Year, Month and Day return the parts of d.
func (d Date) Year() int         { return int(d) / 10000 }
func (d Date) Month() time.Month { return time.Month(int(d) / 100 % 100) }
func (d Date) Day() int          { return int(d) % 100 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return FromTime(d.Time().AddDate(0, 0, n)) }

// AddYears returns the same day n years away; 29 February goes to 1 March
// in a year without it.
func (d Date) AddYears(n int) Date { return FromTime(d.Time().AddDate(n, 0, 0)) }

// AddMonths returns the same day n months away, normalised as time.AddDate.
func (d Date) AddMonths(n int) Date { return FromTime(d.Time().AddDate(0, n, 0)) }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String writes d as 2026-03-01, and no date as "".
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// Month writes d's month as 2021-03, as evidence sentences do.
func (d Date) YearMonth() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month()))
}

// MarshalText writes d as 2026-03-01.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads d from 2026-03-01.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
