package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// calToday is the day the calendar tests run on: 2026-1 is on site.
var calToday = civil.MustParse("2026-04-15")

func fixedClock(d civil.Date) func() civil.Date { return func() civil.Date { return d } }

// calendarWorld is testWorld with 河西县教育局 (U04), term T1 and two rounds:
//
//	2025-1 (all dates entered, finished): 第一巡察组 U01 (rectification
//	       report not received, due 2025-07-15), U02 (received)
//	2026-1 (进驻 2026-04-01 … 2026-04-30): 第一巡察组 U03 with 张三 组长
//	       and 李四 成员
//
// On calToday U01 and U02 are covered, U03 planned, U0201 and U04 open.
func calendarWorld(t *testing.T) (*app.Service, fyne.Window) {
	t.Helper()
	svc, w := testWorld(t)
	must(t, svc.DB.Create(&model.Unit{Code: "U04", Name: "河西县教育局", CountyCode: "C02", Category: vocab.CatCountyOrgan}).Error)
	must(t, svc.SaveTerm(model.Term{Code: "T1", Name: "第一届", StartDate: "2024-01-01", EndDate: "2028-12-31"}, nil))
	must(t, svc.SaveRound(model.Round{Code: "2025-1", TermCode: "T1", Name: "2025年第一轮巡察", Type: "常规", Mode: vocab.ModeMixed,
		PrepStart: "2025-02-17", OnsiteStart: "2025-03-03", OnsiteEnd: "2025-03-31", ReportEnd: "2025-04-30",
		FeedbackDate: "2025-05-15", RectifyDue: "2025-07-15", CheckDate: "2025-10-15"}))
	old, _, err := svc.AddTeam("2025-1", "第一巡察组", []string{"U01", "U02"})
	must(t, err)
	must(t, svc.RecordReportReceived(old.ID, "U02", civil.MustParse("2025-07-01")))
	must(t, svc.SaveRound(model.Round{Code: "2026-1", TermCode: "T1", Name: "2026年第一轮巡察", Type: "交叉", Mode: vocab.ModeMixed,
		OnsiteStart: "2026-04-01", OnsiteEnd: "2026-04-30"}))
	tm, _, err := svc.AddTeam("2026-1", "第一巡察组", []string{"U03"})
	must(t, err)
	for _, m := range []model.TeamMember{{TeamID: tm.ID, PersonCode: "P001", Role: vocab.RoleLeader},
		{TeamID: tm.ID, PersonCode: "P002", Role: vocab.RoleMember}} {
		must(t, svc.DB.Create(&m).Error)
	}
	return svc, w
}

func openCalendar(t *testing.T, svc *app.Service, w fyne.Window, today civil.Date) *calendarScreen {
	t.Helper()
	s := newCalendarScreen(svc, w, fixedClock(today))
	w.SetContent(s.build())
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	return s
}

func TestCalendarMonthNavigation(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	m := s.month
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"打开时显示今天所在月份", func() {}, "2026年4月"},
		{"点击下一月", func() { test.Tap(m.next) }, "2026年5月"},
		{"点击上一月两次", func() { test.Tap(m.prev); test.Tap(m.prev) }, "2026年3月"},
		{"焦点在月历上按右方向键", func() { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) }, "2026年4月"},
		{"无焦点时按左方向键", func() { w.Canvas().Unfocus(); w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyLeft}) }, "2026年3月"},
		{"跨年", func() {
			for i := 0; i < 10; i++ {
				test.Tap(m.next)
			}
		}, "2027年1月"},
		{"回到本月", func() { test.Tap(m.home) }, "2026年4月"},
	}
	for _, st := range steps {
		st.do()
		if got := m.heading.Text; got != st.want {
			t.Fatalf("%s: heading %q, want %q", st.name, got, st.want)
		}
	}
	if w.Canvas().Focused() != m.grid {
		t.Errorf("the grid should keep the keyboard after the buttons")
	}
}

func TestCalendarMonthBarsAndToday(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	g := s.month.grid
	if len(g.mv.Weeks) != 5 || g.mv.Weeks[0].Days[0].Date != civil.MustParse("2026-03-30") {
		t.Fatalf("April 2026 weeks = %d, first Monday %s", len(g.mv.Weeks), g.mv.Weeks[0].Days[0].Date)
	}
	var labels []string
	for _, b := range g.bars {
		labels = append(labels, b.label())
	}
	if got := strings.Join(labels, "|"); got != "2026-1 第一巡察组 进驻" {
		t.Errorf("bars of April = %s", got)
	}
	if g.today != calToday {
		t.Errorf("today = %s", g.today)
	}
	test.Tap(s.month.next)
	test.Tap(s.month.next) // June: 2026-1's rectification, estimated
	found := false
	for _, b := range g.bars {
		if b.Round == "2026-1" && b.Stage == calendar.StageRectify && b.Estimated {
			found = true
		}
	}
	if !found {
		t.Errorf("June should show 2026-1's estimated rectification: %v", g.bars)
	}
}

// barPos returns a point inside the first part of the bar of stage st.
func barPos(t *testing.T, g *monthGrid, st calendar.Stage) fyne.Position {
	t.Helper()
	colW, tops, _ := g.geometry(g.Size())
	for w, segs := range g.lanes {
		for _, sg := range segs {
			if g.bars[sg.bar].Stage == st {
				p, sz := segRect(sg, colW, tops[w])
				return fyne.NewPos(p.X+sz.Width/2, p.Y+sz.Height/2)
			}
		}
	}
	t.Fatalf("no bar of stage %s", st)
	return fyne.Position{}
}

func TestCalendarMonthTapOpensRound(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	g := s.month.grid
	if g.Size().Width < 7*gridMinColW {
		t.Fatalf("grid not laid out: %v", g.Size())
	}
	test.TapAt(g, fyne.NewPos(3, 3)) // the weekday heading: nothing
	if s.form != nil {
		t.Fatal("a tap off the bars opened a form")
	}
	test.TapAt(g, barPos(t, g, calendar.StageOnsite))
	f := s.form
	if f == nil || f.round == nil || f.round.Code != "2026-1" {
		t.Fatalf("tapping the on-site bar opened %+v", f)
	}
	if f.code.Text != "2026-1" || !f.code.Disabled() || f.dates[dOnsiteEnd].Text != "2026-04-30" {
		t.Errorf("form shows code %q (disabled %v), 进驻结束 %q", f.code.Text, f.code.Disabled(), f.dates[dOnsiteEnd].Text)
	}
	if !strings.Contains(f.status.Text, "进驻中") {
		t.Errorf("status = %q", f.status.Text)
	}
	if got := f.teams.length(); got != 1 {
		t.Errorf("teams listed = %d", got)
	}
}

func TestCalendarListAndTimeline(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	l := s.list
	if rows(l.table) != 2 || cellText(t, l.table, 0, 1) != "2025-1" || cellText(t, l.table, 1, 6) != "进驻中" {
		t.Fatalf("list: %d rows, %q %q", rows(l.table), cellText(t, l.table, 0, 1), cellText(t, l.table, 1, 6))
	}
	if got := cellText(t, l.table, 1, 7); !strings.HasPrefix(got, "进驻（至2026-04-30，剩16天）") {
		t.Errorf("current stage = %q", got)
	}
	if got := cellText(t, l.table, 0, 6); got != "已完成" {
		t.Errorf("2025-1 status = %q", got)
	}
	test.DoubleTap(tableCell(l.table, 0, 2))
	if s.form == nil || s.form.round.Code != "2025-1" {
		t.Fatalf("double tap did not open 2025-1")
	}
	tl := s.timeline.tl
	if tl.Term != "T1" || len(tl.Rounds) != 2 || tl.Rounds[1].Status != calendar.OnSite {
		t.Errorf("timeline = %+v", tl)
	}
	if l.conflictsTitle.Text != "冲突：无" || !s.conflictBtn.Hidden {
		t.Errorf("conflicts title %q, button hidden %v", l.conflictsTitle.Text, s.conflictBtn.Hidden)
	}
}
