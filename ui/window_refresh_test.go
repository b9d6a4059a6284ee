package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/app/vocab"
)

// deskWindow is the main window over svc with every screen, signed in as
// svc's user, showing 总览.
func deskWindow(t *testing.T, svc *app.Service, w fyne.Window) *mainWindow {
	t.Helper()
	m := newMainWindow(fyne.CurrentApp(), w, "测试")
	w.SetContent(m.build())
	m.setService(svc, ":memory:")
	t.Cleanup(func() { m.svc = nil }) // closed by the test world
	return m
}

// screenIndex is the position of the screen titled title in the
// navigation.
func screenIndex(t *testing.T, m *mainWindow, title string) int {
	t.Helper()
	i := slices.IndexFunc(m.screens, func(s screen) bool { return s.title == title })
	if i < 0 {
		t.Fatalf("no screen %s", title)
	}
	return i
}

// goTo chooses the screen titled title in the navigation and returns it.
func goTo(t *testing.T, m *mainWindow, title string) view {
	t.Helper()
	i := screenIndex(t, m, title)
	m.nav.Select(i)
	if m.cur != i {
		t.Fatalf("did not go to %s (still on %s)", title, m.screens[m.cur].title)
	}
	return m.views[i]
}

// teamStates are the 配备 column of 总览 › 组配备, by team.
func teamStates(o *overviewScreen) map[string]string {
	out := map[string]string{}
	for _, r := range o.teams.data {
		out[r[1]] = r[5]
	}
	return out
}

// After 保存编组 the overview's 组配备 shows the teams filled, without a
// restart or 刷新.
func TestOverviewShowsRosterSavedInAssign(t *testing.T) {
	svc, w := assignWorld(t)
	m := deskWindow(t, svc, w)
	o := m.views[0].(*overviewScreen)
	if got := teamStates(o); got["第一巡察组"] != "未编组" {
		t.Fatalf("before: %v", got)
	}
	s := goTo(t, m, "编组").(*assignScreen)
	test.Tap(s.solve)
	test.Tap(s.save)
	if s.dlg != nil && s.dlg.dlg != nil && s.saved == 0 {
		test.Tap(s.dlg.ok) // the save asks when rules are broken
	}
	if s.unsaved() != "" {
		t.Fatalf("roster not saved: %s", s.status.Text)
	}
	goTo(t, m, "总览")
	got := teamStates(o)
	for _, team := range []string{"第一巡察组", "第二巡察组"} {
		if got[team] == "未编组" || got[team] == "" {
			t.Errorf("总览 › 组配备 still says %s %q after 保存编组", team, got[team])
		}
	}
}

// A round created in 巡察日历 is in 编组's list of rounds at once.
func TestAssignListsRoundCreatedInCalendar(t *testing.T) {
	svc, w := assignWorld(t)
	m := deskWindow(t, svc, w)
	s := goTo(t, m, "编组").(*assignScreen)
	if slices.Contains(s.round.Options, "2027-2") {
		t.Fatal("round there before")
	}
	c := goTo(t, m, "巡察日历").(*calendarScreen)
	f := typeNewRound(c, "2027-2", "2027年第二轮巡察", "2027-06-01")
	if f.errors.Visible() {
		t.Fatalf("round not saved: %s", f.errors.Text)
	}
	f.dlg.Hide()
	goTo(t, m, "编组")
	if !slices.ContainsFunc(s.round.Options, func(o string) bool { return strings.HasPrefix(o, "2027-2 ") }) {
		t.Errorf("编组's rounds after creating 2027-2 in 巡察日历: %v", s.round.Options)
	}
}

// A leader's approval of an override leaves 总览's 待批豁免 at once.
func TestOverviewPendingOverridesAfterApproval(t *testing.T) {
	svc, w := recusalWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, svc.AddUser("周书记", vocab.UserLeader, "leader-pass-1"))
	must(t, svc.RequestOverride(1, "P001", "R4", "U01", "仅有业务往来"))
	m := deskWindow(t, svc, w)
	o := m.views[0].(*overviewScreen)
	if len(o.overrides.data) != 1 || !strings.HasPrefix(o.tabs.Items[2].Text, "待批豁免（1）") {
		t.Fatalf("pending before: %v %q", o.overrides.data, o.tabs.Items[2].Text)
	}
	goTo(t, m, "回避报告")
	views, err := svc.PendingOverrides()
	if err != nil || len(views) != 1 {
		t.Fatal(views, err)
	}
	must(t, svc.Login("周书记", "leader-pass-1")) // the leader, at this desk
	must(t, svc.ApproveOverride(views[0].ID, "周书记"))
	goTo(t, m, "总览")
	if len(o.overrides.data) != 0 || !strings.HasPrefix(o.tabs.Items[2].Text, "待批豁免（0）") {
		t.Errorf("pending after approval: %v %q", o.overrides.data, o.tabs.Items[2].Text)
	}
}

// F5 reads the screen shown again: a person added behind its back shows.
func TestF5ReadsScreenAgain(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	p := goTo(t, m, "人员库").(*peopleScreen)
	n := len(p.view)
	// Written by another clerk in shared mode, or another process: the
	// service here is not told.
	must(t, svc.DB.Exec("INSERT INTO people (code, name, home_county_code, status) VALUES ('P009', '新人', 'C01', '在库')").Error)
	if len(p.view) != n {
		t.Fatal("shown before F5")
	}
	m.handleKey(&fyne.KeyEvent{Name: fyne.KeyF5}, 0)
	if len(p.view) != n+1 || !strings.Contains(m.status.Text, "已刷新") {
		t.Errorf("after F5: %d people (was %d), status %q", len(p.view), n, m.status.Text)
	}
}
