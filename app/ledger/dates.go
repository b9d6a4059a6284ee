// Package ledger is the rectification ledger (整改台账) of SPEC §9 as pure
// Go over plain values: the date rules (overdue, due soon, a report's due
// date by the month-end rule, a clue's feedback deadline), the figures of
// `xuncha ledger --json` (§9.3), and the 督办 list of everything open. It
// imports neither gorm nor Fyne: the service loads the rows and hands them
// over.
package ledger

import (
	"time"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// Settings are the ledger's parameters (settings key "ledger").
type Settings struct {
	DueSoonDays  int      // an open item due today or in the next N days is due soon (15)
	ReportMonths int      // 整改报告收到 is due N months after 反馈 (2)
	DutyMonths   int      // 履职情况报告收到 is due N months after 反馈 (2)
	ClueMonths   int      // a clue's 反馈时限 when none is given: 移交日期 + N months (3)
	Categories   []string // 问题类别 offered and accepted
}

// Defaults are the settings of SPEC §9.
func Defaults() Settings {
	return Settings{DueSoonDays: 15, ReportMonths: 2, DutyMonths: 2, ClueMonths: 3,
		Categories: append([]string(nil), vocab.FindingCategories...)}
}

// Normalized returns s with every unset number at its default, so that a
// setting saved before a field existed reads as the default.
func (s Settings) Normalized() Settings {
	d := Defaults()
	if s.DueSoonDays <= 0 {
		s.DueSoonDays = d.DueSoonDays
	}
	if s.ReportMonths <= 0 {
		s.ReportMonths = d.ReportMonths
	}
	if s.DutyMonths <= 0 {
		s.DutyMonths = d.DutyMonths
	}
	if s.ClueMonths <= 0 {
		s.ClueMonths = d.ClueMonths
	}
	if len(s.Categories) == 0 {
		s.Categories = d.Categories
	}
	return s
}

// AddMonths returns the same day of the month n months after d, or that
// month's last day when it has no such day: 2026-12-31 + 2 months is
// 2027-02-28, 2026-08-31 + 2 months is 2026-10-31. No date stays no date.
func AddMonths(d civil.Date, n int) civil.Date {
	if d.IsZero() {
		return 0
	}
	first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return civil.Of(first.Year(), first.Month(), min(d.Day(), last))
}

// Overdue reports whether something due on due and not done is overdue on
// today: from the day after its due date.
func Overdue(due, today civil.Date) bool { return !due.IsZero() && due < today }

// DueSoon reports whether something due on due is due today or in the next
// days days (and so not yet overdue).
func DueSoon(due, today civil.Date, days int) bool {
	return !due.IsZero() && due >= today && due <= today.AddDays(days)
}

// Days is today − due, in days (positive when overdue).
func Days(due, today civil.Date) int { return dayNumber(today) - dayNumber(due) }

// dayNumber counts the days from 1970-01-01 to d, by integer arithmetic
// (the days-from-civil algorithm): the ledger takes it for every row.
func dayNumber(d civil.Date) int {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// ParseDate reads a stored date (2006-01-02) fast; anything else is
// read by civil.Parse, and a date it refuses is no date.
func ParseDate(s string) civil.Date {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		n := 0
		for i, c := range []byte(s) {
			if i == 4 || i == 7 {
				continue
			}
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if m, d := n/100%100, n%100; n > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			if dd := civil.Date(n); d <= 28 || dd.String() == s && AddMonths(dd, 0) == dd {
				return dd
			}
		}
	}
	d, _ := civil.Parse(s)
	return d
}

// ItemOpen reports whether an item in state is still to be done: neither
// 已完成 nor 已销号.
func ItemOpen(state string) bool { return state != vocab.ItemDone && state != vocab.ItemClosed }

// ClueDue is a clue's feedback deadline: its 反馈时限, or 移交日期 + months
// when it has none.
func ClueDue(handedOn, feedbackDue civil.Date, months int) civil.Date {
	if !feedbackDue.IsZero() {
		return feedbackDue
	}
	return AddMonths(handedOn, months)
}

// Rate is done / all rounded to 4 decimals, 0 when there is nothing.
func Rate(done, all int) float64 {
	if all == 0 {
		return 0
	}
	q := (done*20000 + all) / (2 * all) // done/all in ten-thousandths, half up
	return float64(q) / 10000
}

// SettingsKey is the settings key the ledger's settings are saved under.
const SettingsKey = "ledger"

// Text writes d as 2026-03-01 ("" for no date), as civil.Date.String does
// but without fmt: the ledger writes one for every unit and overdue row.
func Text(d civil.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Year(), int(d.Month()), d.Day()
	if y < 0 || y > 9999 {
		return d.String()
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + day/10), byte('0' + day%10)}
	return string(b[:])
}
