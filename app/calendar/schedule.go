package calendar

import (
	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Status is where a round stands on a given day.
type Status string

// The statuses of a round. Unscheduled is a round without an on-site start.
const (
	Unscheduled Status = "未排期"
	Preparing   Status = "筹备中"
	OnSite      Status = "进驻中"
	Reporting   Status = "报告中"
	Rectifying  Status = "整改中"
	Done        Status = "已完成"
)

// Statuses lists the statuses in the order a round goes through them.
var Statuses = []Status{Unscheduled, Preparing, OnSite, Reporting, Rectifying, Done}

// Span is one stage on the calendar, both ends included. A stage whose End
// is before its Start has no days (two stage dates on the same day).
type Span struct {
	Stage      Stage
	Start, End civil.Date
	Estimated  bool // a date of it comes from the default lengths, not from the round
}

// Days returns the number of days of the span (0 when empty or unknown).
func (s Span) Days() int {
	if s.Start.IsZero() || s.End.IsZero() || s.End < s.Start {
		return 0
	}
	return s.Start.DaysUntil(s.End) + 1
}

// Contains reports whether d is a day of the span.
func (s Span) Contains(d civil.Date) bool {
	return !s.Start.IsZero() && s.Start <= d && d <= s.End
}

// Schedule is a round's (or one team's) stage dates: Stored as entered,
// Dates with the missing ones filled from the default lengths.
type Schedule struct {
	Stored Dates
	Dates  Dates
}

// Known reports whether the schedule has an on-site start, without which
// no stage can be placed.
func (s Schedule) Known() bool { return !s.Dates.OnsiteStart.IsZero() }

// Spans returns the six stages in order:
//
//	准备     准备开始 … 进驻开始−1
//	进驻     进驻开始 … 进驻结束
//	报告     进驻结束+1 … 报告结束
//	反馈     报告结束+1 … 反馈日
//	整改     反馈日+1 … 整改报告期限
//	督查验收 整改报告期限+1 … 督查验收日
func (s Schedule) Spans() []Span {
	d, st := s.Dates, s.Stored
	if !s.Known() {
		return nil
	}
	return []Span{
		{StagePrep, d.PrepStart, d.OnsiteStart.AddDays(-1), st.PrepStart.IsZero()},
		{StageOnsite, d.OnsiteStart, d.OnsiteEnd, st.OnsiteEnd.IsZero()},
		{StageReport, d.OnsiteEnd.AddDays(1), d.ReportEnd, st.ReportEnd.IsZero()},
		{StageFeedback, d.ReportEnd.AddDays(1), d.FeedbackDate, st.FeedbackDate.IsZero()},
		{StageRectify, d.FeedbackDate.AddDays(1), d.RectifyDue, st.RectifyDue.IsZero()},
		{StageCheck, d.RectifyDue.AddDays(1), d.CheckDate, st.CheckDate.IsZero()},
	}
}

// Span returns stage st of the schedule (zero Span when unknown).
func (s Schedule) Span(st Stage) Span {
	sp := s.Spans()
	if int(st) < 0 || int(st) >= len(sp) {
		return Span{Stage: st}
	}
	return sp[st]
}

// Status returns where the round stands on day today. The boundaries:
//
//   - before 进驻开始: 筹备中 (the preparation stage and anything earlier);
//   - from 进驻开始 to 进驻结束, both included: 进驻中;
//   - from the day after 进驻结束 to the feedback day included: 报告中;
//   - from the day after the feedback to the 督查验收 day included: 整改中
//     (rectification and its follow-up check);
//   - from the day after 督查验收: 已完成.
//
// A schedule without an on-site start is 未排期.
func (s Schedule) Status(today civil.Date) Status {
	d := s.Dates
	switch {
	case !s.Known():
		return Unscheduled
	case today < d.OnsiteStart:
		return Preparing
	case today <= d.OnsiteEnd:
		return OnSite
	case today <= d.FeedbackDate:
		return Reporting
	case today <= d.CheckDate:
		return Rectifying
	}
	return Done
}

// StageAt returns the stage day today falls in; false before the
// preparation starts, after the follow-up check, or when unknown.
func (s Schedule) StageAt(today civil.Date) (Span, bool) {
	for _, sp := range s.Spans() {
		if sp.Contains(today) {
			return sp, true
		}
	}
	return Span{}, false
}

// storedDates reads a round's stage dates as entered.
func storedDates(r *snap.Round) Dates {
	return Dates{PrepStart: r.PrepStart, OnsiteStart: r.OnsiteStart, OnsiteEnd: r.OnsiteEnd, ReportEnd: r.ReportEnd,
		FeedbackDate: r.FeedbackDate, RectifyDue: r.RectifyDue, CheckDate: r.CheckDate}
}

// Schedule returns round r's schedule. When the round has no on-site dates
// of its own they come from its teams: the earliest start, the latest end.
func (c *Calendar) Schedule(r *snap.Round) Schedule {
	st := storedDates(r)
	if st.OnsiteStart.IsZero() || st.OnsiteEnd.IsZero() {
		var first, last civil.Date
		for i := range r.Teams {
			t := &r.Teams[i]
			if s := t.OnsiteStart; !s.IsZero() && (first.IsZero() || s < first) {
				first = s
			}
			if e := t.OnsiteEnd; e > last {
				last = e
			}
		}
		if st.OnsiteStart.IsZero() {
			st.OnsiteStart = first
		}
		if st.OnsiteEnd.IsZero() {
			st.OnsiteEnd = last
		}
	}
	return Schedule{Stored: st, Dates: c.set.Complete(st)}
}

// TeamSchedule returns the schedule of team t of round r: its own on-site
// dates when it has them, the round's other stage dates.
func (c *Calendar) TeamSchedule(r *snap.Round, t *snap.Team) Schedule {
	st := storedDates(r)
	if !t.OnsiteStart.IsZero() {
		st.OnsiteStart = t.OnsiteStart
	}
	if !t.OnsiteEnd.IsZero() {
		st.OnsiteEnd = t.OnsiteEnd
	}
	if st.OnsiteStart.IsZero() {
		return c.Schedule(r)
	}
	return Schedule{Stored: st, Dates: c.set.Complete(st)}
}

// Status returns round r's status on day today (see Schedule.Status).
func (c *Calendar) Status(r *snap.Round, today civil.Date) Status {
	return c.Schedule(r).Status(today)
}

// teamOnsite returns the on-site span of team t of round r.
func (c *Calendar) teamOnsite(r *snap.Round, t *snap.Team) Span {
	return c.TeamSchedule(r, t).Span(StageOnsite)
}
