package audit

import (
	"time"

	"xuncha/model"
)

// Times that decide something — the order and the days of the audit log,
// an account's lock — are stored in UTC, with a Z that says so, and shown
// in the local time of whoever reads them: a process started with another
// TZ neither escapes a lock nor reorders the log. Entries written before
// (2006-01-02 15:04:05, the writer's local time, zone unknown) cannot be
// rewritten, for they are hash-chained: they are shown and filtered as
// they were written.

// StoredLayout is how a time is stored: UTC, marked Z.
const StoredLayout = model.StoredTimeLayout

// Stored formats t for storing.
func Stored(t time.Time) string { return t.UTC().Format(StoredLayout) }

// ParseStored reads a stored time; ok is false for a time written before
// times were stored in UTC (no zone), or anything else.
func ParseStored(s string) (time.Time, bool) {
	t, err := time.Parse(StoredLayout, s)
	return t, err == nil
}

// Shown is how a stored time is shown: in local time as TimeLayout. A time
// written before, without zone, is shown as written.
func Shown(s string) string {
	if t, ok := ParseStored(s); ok {
		return t.Local().Format(TimeLayout)
	}
	return s
}
