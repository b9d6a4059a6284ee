package calendar

import (
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

func TestFillDefaults(t *testing.T) {
	holidays := Defaults()
	holidays.NonWorkingDays = []civil.Date{d("2026-02-15"), d("2026-02-16"), d("2026-03-31"),
		d("2026-05-01"), d("2026-05-02"), d("2026-05-03"), d("2026-05-04"), d("2026-05-05")}
	for _, c := range []struct {
		name string
		set  Settings
		in   Dates
		want Dates
	}{
		{"只填进驻开始，按默认天数", Defaults(), Dates{OnsiteStart: d("2026-03-02")},
			Dates{d("2026-02-16"), d("2026-03-02"), d("2026-03-31"), d("2026-04-30"), d("2026-05-15"), d("2026-07-14"), d("2026-10-12")}},
		{"落在非工作日的日期顺延，准备开始提前", holidays, Dates{OnsiteStart: d("2026-03-02")},
			Dates{d("2026-02-14"), d("2026-03-02"), d("2026-04-01"), d("2026-05-06"), d("2026-05-21"), d("2026-07-20"), d("2026-10-18")}},
		{"已录入的日期保留，其后按默认推算", Defaults(), Dates{OnsiteStart: d("2026-03-02"), OnsiteEnd: d("2026-03-20"), FeedbackDate: d("2026-05-01")},
			Dates{d("2026-02-16"), d("2026-03-02"), d("2026-03-20"), d("2026-04-19"), d("2026-05-01"), d("2026-06-30"), d("2026-09-28")}},
		{"进驻45天", Settings{PrepDays: 7, OnsiteDays: 45, ReportDays: 20, FeedbackDays: 10, RectifyDays: 60, CheckDays: 30}, Dates{OnsiteStart: d("2026-03-02")},
			Dates{d("2026-02-23"), d("2026-03-02"), d("2026-04-15"), d("2026-05-05"), d("2026-05-15"), d("2026-07-14"), d("2026-08-13")}},
		{"没有进驻开始则无从推算", Defaults(), Dates{ReportEnd: d("2026-04-30")}, Dates{ReportEnd: d("2026-04-30")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.set.Complete(c.in); got != c.want {
				t.Errorf("Complete = %+v\nwant       %+v", got, c.want)
			}
		})
	}
	if got := Defaults().Fill(d("2026-03-02")); got != Defaults().Complete(Dates{OnsiteStart: d("2026-03-02")}) {
		t.Errorf("Fill differs from Complete: %+v", got)
	}
}

func TestDefaultsAndValidate(t *testing.T) {
	s := Defaults()
	want := []int{14, 30, 30, 15, 60, 90}
	for i, st := range Stages {
		if s.Days(st) != want[i] {
			t.Errorf("%s default %d, want %d", st, s.Days(st), want[i])
		}
	}
	if err := s.Validate(); err != nil {
		t.Errorf("defaults invalid: %v", err)
	}
	bad := s
	bad.OnsiteDays = 0
	if err := bad.Validate(); err == nil {
		t.Error("进驻 0 天 accepted")
	}
	bad = s
	bad.RectifyDays = -1
	if err := bad.Validate(); err == nil {
		t.Error("negative 整改 accepted")
	}
	n := Settings{NonWorkingDays: []civil.Date{d("2026-05-02"), d("2026-05-01"), d("2026-05-02")}}.Normalized()
	if len(n.NonWorkingDays) != 2 || n.NonWorkingDays[0] != d("2026-05-01") {
		t.Errorf("Normalized = %v", n.NonWorkingDays)
	}
}

func TestStatusBoundaries(t *testing.T) {
	c := cal(world())
	r := c.Snapshot().Round("R1")
	for _, x := range []struct {
		day    string
		status Status
		stage  string // "" for none
	}{
		{"2026-02-15", Preparing, ""},
		{"2026-02-16", Preparing, "准备"},
		{"2026-03-01", Preparing, "准备"},
		{"2026-03-02", OnSite, "进驻"},
		{"2026-03-31", OnSite, "进驻"},
		{"2026-04-01", Reporting, "报告"},
		{"2026-04-30", Reporting, "报告"},
		{"2026-05-01", Reporting, "反馈"},
		{"2026-05-15", Reporting, "反馈"},
		{"2026-05-16", Rectifying, "整改"},
		{"2026-07-14", Rectifying, "整改"},
		{"2026-07-15", Rectifying, "督查验收"},
		{"2026-10-12", Rectifying, "督查验收"},
		{"2026-10-13", Done, ""},
	} {
		s := c.Schedule(r)
		if got := c.Status(r, d(x.day)); got != x.status {
			t.Errorf("%s: status %s, want %s", x.day, got, x.status)
		}
		sp, ok := s.StageAt(d(x.day))
		got := ""
		if ok {
			got = sp.Stage.String()
		}
		if got != x.stage {
			t.Errorf("%s: stage %q, want %q", x.day, got, x.stage)
		}
	}
	if got := c.Status(&snap.Round{Code: "X"}, d("2026-03-01")); got != Unscheduled {
		t.Errorf("round without dates: %s", got)
	}
}

func TestScheduleFromTeams(t *testing.T) {
	r := &snap.Round{Code: "X", Teams: []snap.Team{
		{Name: "甲", OnsiteStart: d("2026-04-10"), OnsiteEnd: d("2026-05-09")},
		{Name: "乙", OnsiteStart: d("2026-04-01"), OnsiteEnd: d("2026-04-30")},
	}}
	c := cal(world())
	s := c.Schedule(r)
	if s.Dates.OnsiteStart != d("2026-04-01") || s.Dates.OnsiteEnd != d("2026-05-09") {
		t.Errorf("round on site from teams: %s … %s", s.Dates.OnsiteStart, s.Dates.OnsiteEnd)
	}
	ts := c.TeamSchedule(r, &r.Teams[0])
	if on := ts.Span(StageOnsite); on.Start != d("2026-04-10") || on.Days() != 30 {
		t.Errorf("team on site %+v", on)
	}
	if p := ts.Span(StagePrep); p.End != d("2026-04-09") || !p.Estimated {
		t.Errorf("team prep %+v", p)
	}
}
