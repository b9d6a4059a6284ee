package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/internal/pgtest"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// offered is the button named text of the dialog on top of w, failing the
// test when there is none.
func offered(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog offering %s", text)
	}
	b := findButton(top, text)
	if b == nil {
		t.Fatalf("the dialog on top offers no %s", text)
	}
	return b
}

// saveFindingAs saves finding F01 with description desc as user, from what it
// reads now: another clerk's save.
func saveFindingAs(t *testing.T, svc *app.Service, desc string) {
	t.Helper()
	var f model.Finding
	svc.DB.First(&f, "code = ?", "F01")
	f.Description = desc
	must(t, svc.SaveFinding(f, false))
}

// The finding form of 成果 refused over another clerk's newer save: the
// form stays open with the reason and what was typed; 重新载入 opens the
// finding as it is now, and saving that goes through.
func TestResultsFormReloadsOverANewerSave(t *testing.T) {
	as, w := resultsWorld(t)
	s := openResults(t, as("小李"), w)
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	s.findings.table.Select(widget.TableCellID{Row: 0, Col: 2})
	form := s.dlg
	desc := s.fields["问题描述（≤500字）"].(*widget.Entry)
	saveFindingAs(t, as("王主任"), "王主任改写的描述")
	desc.SetText("小李改写的描述")
	form.Submit()
	if !strings.Contains(form.Note.Text, "该记录已被 王主任 于 ") || desc.Text != "小李改写的描述" {
		t.Fatalf("form after the refused save: note %q, typed %q", form.Note.Text, desc.Text)
	}
	var f model.Finding
	as("王主任").DB.First(&f, "code = ?", "F01")
	if f.Description != "王主任改写的描述" {
		t.Fatalf("the refused save wrote %q", f.Description)
	}
	test.Tap(offered(t, w, "重新载入"))
	if s.dlg == form {
		t.Fatal("重新载入 opened no new form")
	}
	desc = s.fields["问题描述（≤500字）"].(*widget.Entry)
	if desc.Text != "王主任改写的描述" {
		t.Fatalf("the form reloaded shows %q", desc.Text)
	}
	desc.SetText("小李在最新内容上改写")
	s.dlg.Submit()
	as("王主任").DB.First(&f, "code = ?", "F01")
	if f.Description != "小李在最新内容上改写" {
		t.Errorf("after reloading and saving: %q", f.Description)
	}
}

// The bulk state change of ticked items, one of which another clerk
// changed since the screen showed it: nothing is written, and 重新载入
// shows the items as they are now.
func TestResultsBulkReloadsOverANewerSave(t *testing.T) {
	as, w := resultsWorld(t)
	s := openResults(t, as("小李"), w)
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	for _, r := range []int{0, 1} {
		test.Tap(tableCell(s.items, r, 0))
	}
	admin := as("王主任")
	var z2 model.RectifyItem
	admin.DB.First(&z2, "code = ?", "Z0002")
	z2.Owner = "王科长"
	must(t, admin.SaveItem(z2, false))
	test.Tap(s.bulk)
	s.fields["改为"].(*widget.Select).SetSelected(vocab.ItemInProgress)
	s.dlg.Submit()
	if !strings.Contains(s.dlg.Note.Text, "整改措施 Z0002：该记录已被 王主任 于 ") {
		t.Fatalf("bulk over a newer save: %q", s.dlg.Note.Text)
	}
	var n int64
	admin.DB.Model(&model.RectifyItem{}).Where("code IN ? AND state = ?", []string{"Z0001", "Z0002"}, vocab.ItemInProgress).Count(&n)
	if n != 1 { // Z0001 was 整改中 before
		t.Fatalf("the refused bulk change wrote: %d items 整改中", n)
	}
	test.Tap(offered(t, w, "重新载入"))
	if it := s.item("Z0002"); it == nil || it.Owner != "王科长" {
		t.Errorf("after 重新载入 the screen shows %+v", it)
	}
}

// A settings section saved over another 管理员's newer save is refused and
// offers to show the settings as stored now.
func TestSettingsSectionReloadsOverANewerSave(t *testing.T) {
	as, w := resultsWorld(t)
	s := newSettingsScreen(as("王主任"), w, nil)
	w.SetContent(s.build())
	l := s.ledger
	other := as("王主任")
	set, _ := other.LedgerSettings()
	set.DueSoonDays = 30
	must(t, other.SaveLedgerSettings(set))
	l.soon.SetText("10")
	test.Tap(l.save)
	if !l.errors.Visible() || !strings.Contains(l.errors.Text, "该记录已被 王主任 于 ") {
		t.Fatalf("saved over a newer save: %q", l.errors.Text)
	}
	if got, _ := other.LedgerSettings(); got.DueSoonDays != 30 {
		t.Fatalf("the refused save wrote %d", got.DueSoonDays)
	}
	test.Tap(offered(t, w, "重新载入"))
	if l.soon.Text != "30" {
		t.Fatalf("reloaded: %q", l.soon.Text)
	}
	l.soon.SetText("10")
	test.Tap(l.save)
	if got, _ := other.LedgerSettings(); got.DueSoonDays != 10 || l.errors.Visible() {
		t.Errorf("saved after reloading: %d (%q)", got.DueSoonDays, l.errors.Text)
	}
}

// The 鉴定 tab saved over another clerk's grade is refused and offers to
// show the sheet as it is now.
func TestEvalTabReloadsOverANewerSave(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	ev := s.form.evals
	other := &app.Service{DB: svc.DB, User: "王经办"}
	sheet, err := other.TeamEvaluations(ev.sheet.TeamID)
	must(t, err)
	m := sheet.Members[1]
	m.Grade = "优秀"
	must(t, other.ProposeEvaluations(sheet.TeamID, []app.MemberEval{m}, nil))
	ev.list[1].grade.SetSelected("基本称职")
	test.Tap(ev.save)
	if !strings.Contains(ev.msg.Text, "该记录已被 王经办 于 ") {
		t.Fatalf("saved over a newer grade: %q", ev.msg.Text)
	}
	test.Tap(offered(t, w, "重新载入"))
	if got := s.form.evals.list[1].grade.Selected; got != "优秀" {
		t.Errorf("reloaded grade %q", got)
	}
}

// A save cut off from the server: the form keeps what was typed and offers
// 重试; once the server is back, 重试 saves it.
func TestSaveOnALostConnectionOffersRetry(t *testing.T) {
	if _, err := pgtest.BinDir(); err != nil {
		t.Skip(err)
	}
	srv, err := pgtest.StartServer() // a server of its own, to stop
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	url, err := srv.CreateDB("lost")
	must(t, err)
	db, err := model.Open(url)
	must(t, err)
	t.Cleanup(func() { model.Close(db) })
	testworld.Plant(t, db, testworld.Results()...)
	test.NewTempApp(t).Settings().SetTheme(appTheme{})
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	s := openResults(t, &app.Service{DB: db, User: "小李"}, w)
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	s.findings.table.Select(widget.TableCellID{Row: 0, Col: 2})
	form := s.dlg
	desc := s.fields["问题描述（≤500字）"].(*widget.Entry)
	desc.SetText("断线前填写的描述")

	srv.Pause()
	form.Submit()
	if !strings.Contains(form.Note.Text, "连接中断") || desc.Text != "断线前填写的描述" {
		t.Fatalf("the form after the cut: note %q, typed %q", form.Note.Text, desc.Text)
	}
	retry := offered(t, w, "重试")
	must(t, srv.Resume())
	test.Tap(retry)
	var f model.Finding
	must(t, db.First(&f, "code = ?", "F01").Error)
	if f.Description != "断线前填写的描述" || f.ChangedBy != "小李" {
		t.Errorf("after 重试: %+v", f)
	}
	if form.Note.Text != "" {
		t.Errorf("the form still says %q", form.Note.Text)
	}
}

// The 巡察组 tab saved over another clerk's change of the team: refused,
// and 重新载入 shows the team's units and dates as they are now.
func TestTeamsTabReloadsOverANewerSave(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	tab := s.form.teams
	tab.list.Select(0)
	other := &app.Service{DB: svc.DB, User: "王经办"}
	id := s.form.round.Teams[0].ID
	must(t, other.SetTeamOnsite(id, civil.MustParse("2026-04-03"), civil.MustParse("2026-04-28")))
	tab.end.SetText("2026-04-25")
	test.Tap(tab.save)
	if !strings.Contains(tab.msg.Text, "该记录已被 王经办 于 ") {
		t.Fatalf("saved over a newer change: %q", tab.msg.Text)
	}
	if ed, _ := other.TeamForEdit(id); ed.End != civil.MustParse("2026-04-28") {
		t.Fatalf("the refused save wrote %s", ed.End)
	}
	test.Tap(offered(t, w, "重新载入"))
	if tab.start.Text != "2026-04-03" || tab.end.Text != "2026-04-28" {
		t.Errorf("reloaded: %q – %q", tab.start.Text, tab.end.Text)
	}
}

// The 整改报告 tab records the received dates of its units all or none,
// each over the step as the tab read it.
func TestReportsTabRefusesAStaleDate(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2025-1")
	tab := s.form.reports
	other := &app.Service{DB: svc.DB, User: "王经办"}
	ms, _ := other.Milestones("2025-1")
	var own model.Milestone
	for _, m := range ms {
		if m.UnitCode == "U02" {
			own = m
		}
	}
	must(t, other.RecordMilestone(app.MilestoneEntry{Round: "2025-1", Team: "第一巡察组", Unit: "U02",
		Kind: vocab.MsRectifyReport, Date: civil.MustParse("2025-07-03"), Seen: &own.Stamp}))
	for _, r := range tab.list {
		r.date.SetText("2025-07-05") // U01 newly, U02 over the other clerk's date
	}
	test.Tap(tab.save)
	if !strings.Contains(tab.msg.Text, "该记录已被 王经办 于 ") {
		t.Fatalf("saved over a newer date: %q", tab.msg.Text)
	}
	ms, _ = other.Milestones("2025-1")
	for _, m := range ms {
		if m.UnitCode == "U01" {
			t.Errorf("U01 written although U02 was refused: %+v", m)
		}
	}
	test.Tap(offered(t, w, "重新载入"))
	for _, r := range s.form.reports.list {
		if r.unit == "U02" && r.date.Text != "2025-07-03" {
			t.Errorf("reloaded U02: %q", r.date.Text)
		}
	}
}

// A leader's approval of an override whose request was asked again with a
// new reason after the dialog opened: refused, and 重新载入 shows the new
// reason; approving that goes through.
func TestOverrideDecisionReloadsOverANewReason(t *testing.T) {
	svc, w := recusalWorld(t)
	signIn(t, svc)
	var team model.Team
	svc.DB.First(&team, "name = ?", "第二巡察组")
	clerk := &app.Service{DB: svc.DB, User: "经办乙", Role: vocab.UserClerk}
	must(t, clerk.RequestOverride(team.ID, "P004", "R4", "U03", "孙七长期在市里借调"))
	pending, _ := clerk.PendingOverrides()
	leader := &app.Service{DB: svc.DB, User: "周领导", Role: vocab.UserLeader}
	dec := showOverrideDecision(leader, w, pending[0].ID, nil)
	must(t, clerk.RequestOverride(team.ID, "P004", "R4", "U03", "补充：借调期间未回原单位"))
	test.Tap(dec.approve)
	if !dec.errors.Visible() || !strings.Contains(dec.errors.Text, "该记录已被 经办乙 于 ") {
		t.Fatalf("approved over a new reason: %q", dec.errors.Text)
	}
	if p, _ := clerk.PendingOverrides(); len(p) != 1 {
		t.Fatalf("the refused approval wrote: %+v", p)
	}
	test.Tap(offered(t, w, "重新载入"))
	if dec.reopened == nil || !strings.Contains(dec.reopened.evidence.Text, "补充：借调期间未回原单位") {
		t.Fatal("重新载入 does not show the new reason")
	}
	test.Tap(dec.reopened.approve)
	if p, _ := clerk.PendingOverrides(); len(p) != 0 {
		t.Errorf("approval after reloading: still pending %+v", p)
	}
}

// The role of an account changed by another 管理员 since the list was
// shown: the role dialog is refused and 重新载入 shows the accounts anew.
func TestRoleDialogReloadsOverANewerChange(t *testing.T) {
	svc, w := testWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, svc.AddUser("赵主任", vocab.UserAdmin, "admin-pass-2"))
	must(t, svc.AddUser("小李", vocab.UserClerk, "clerk-pass-1"))
	s := newUsersScreen(svc, w, nil, nil)
	w.SetContent(s.build())
	test.Tap(tableCell(s.table, usersRow(t, s, "小李"), 0))
	test.Tap(s.role)
	other := &app.Service{DB: svc.DB, User: "赵主任", Role: vocab.UserAdmin}
	must(t, other.SetUserRole("小李", vocab.UserLeader))
	s.roleSel.SetSelected(vocab.UserAdmin)
	s.dlg.Submit()
	if !strings.Contains(s.dlg.Note.Text, "该记录已被 赵主任 于 ") {
		t.Fatalf("role saved over a newer change: %q", s.dlg.Note.Text)
	}
	test.Tap(offered(t, w, "重新载入"))
	if got := cellText(t, s.table, usersRow(t, s, "小李"), 1); got != vocab.UserLeader {
		t.Errorf("reloaded role %q", got)
	}
}

// A person or unit form whose save lost the connection keeps its content
// and offers 重试, which saves again.
func TestFormSavedOffersRetryOnALostConnection(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(900, 700))
	form := dialog.NewCustomWithoutButtons("表单", widget.NewLabel("表单"), w)
	form.Show()
	errs := widget.NewLabel("")
	retried := false
	formSaved(fmt.Errorf("保存人员失败: %w", model.ErrConnLost), errs, form, w, nil, "P001", func() { retried = true }, nil)
	if !errs.Visible() || !strings.Contains(errs.Text, "连接中断") {
		t.Fatalf("the form says %q", errs.Text)
	}
	test.Tap(offered(t, w, "重试"))
	if !retried {
		t.Error("重试 did not save again")
	}
}

// The round form saved over another clerk's change of the round: refused,
// and 重新载入 opens the round as it is now.
func TestRoundFormReloadsOverANewerSave(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	form := s.form
	other := &app.Service{DB: svc.DB, User: "王经办"}
	rounds, _ := other.Rounds("T1")
	for _, r := range rounds {
		if r.Code == "2026-1" {
			r.Name = "王经办改的名称"
			must(t, other.SaveRound(r))
		}
	}
	form.name.SetText("本表单改的名称")
	test.Tap(form.save)
	if !strings.Contains(form.errors.Text, "该记录已被 王经办 于 ") {
		t.Fatalf("saved over a newer change: %q", form.errors.Text)
	}
	test.Tap(offered(t, w, "重新载入"))
	if s.form == form || s.form.name.Text != "王经办改的名称" {
		t.Errorf("reloaded: %q", s.form.name.Text)
	}
}
