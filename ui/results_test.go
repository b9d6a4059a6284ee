package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/auth"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/internal/testworld"
	"xuncha/model"
	"xuncha/ui/widgets"
)

var resToday = civil.MustParse(testworld.ResultsToday)

// resultsWorld is the results world (testworld.Results) with a 管理员
// 王主任, a 经办人 小李 and a 领导 张书记, and a window; as signs a
// service in as one of them.
func resultsWorld(t *testing.T) (as func(name string) *app.Service, w fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(appTheme{})
	db := testworld.DB(t, testworld.Results()...)
	must(t, auth.CreateFirstAdmin(db, "王主任", "admin-pass-1"))
	must(t, auth.AddUser(db, "王主任", "小李", "经办人", "clerk-pass-1"))
	must(t, auth.AddUser(db, "王主任", "张书记", "领导", "leader-pass-1"))
	roles := map[string]string{"王主任": "管理员", "小李": "经办人", "张书记": "领导"}
	w = test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	return func(name string) *app.Service { return &app.Service{DB: db, User: name, Role: roles[name]} }, w
}

func openResults(t *testing.T, svc *app.Service, w fyne.Window) *resultsScreen {
	t.Helper()
	s := newResultsScreen(svc, w, fixedClock(resToday))
	w.SetContent(s.build())
	return s
}

func TestResultsScreenAsClerk(t *testing.T) {
	as, w := resultsWorld(t)
	s := openResults(t, as("小李"), w)
	if s.round() != "R2026-1" || rows(s.units) != 3 {
		t.Fatalf("round %q, %d units", s.round(), rows(s.units))
	}
	if got := cellText(t, s.units, 1, 5); got != "逾期1天" {
		t.Errorf("U0102's report = %q, want 逾期1天", got)
	}
	if got := cellText(t, s.units, 0, 3); got != "33.3%" {
		t.Errorf("U0101's rate = %q", got)
	}
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	if !strings.Contains(s.head.Text, "甲县财政局") || rows(s.items) != 3 || len(s.findings.data) != 1 {
		t.Fatalf("unit shown: %q, %d items", s.head.Text, rows(s.items))
	}
	if !s.review.Hidden || !s.closeOut.Hidden {
		t.Error("审核/销号 offered to a clerk")
	}
	if !strings.Contains(s.clueNote.Text, "只显示数量") || len(s.clues.data) != 0 {
		t.Errorf("clue rows for a clerk: %q %v", s.clueNote.Text, s.clues.data)
	}
	// Tick Z0001 and Z0002, change their state in one go.
	for _, r := range []int{0, 1} {
		test.Tap(tableCell(s.items, r, 0))
	}
	if s.bulk.Disabled() || len(s.ticked()) != 2 {
		t.Fatalf("ticked %v", s.ticked())
	}
	test.Tap(s.bulk)
	s.fields["改为"].(*widget.Select).SetSelected("已完成")
	s.fields["完成日期（改为已完成时）"].(*widgets.DateEntry).SetText("2026-05-30")
	s.dlg.Submit()
	var done int64
	as("王主任").DB.Model(&model.RectifyItem{}).Where("state = ? AND done_on = ?", "已完成", "2026-05-30").Count(&done)
	if done != 2 {
		t.Errorf("%d items done after the bulk change, want 2", done)
	}
	// A new item through the form; Ctrl-free: the button.
	test.Tap(s.addItem)
	s.fields["整改措施"].(*widget.Entry).SetText("建立长效机制")
	s.fields["完成时限"].(*widgets.DateEntry).SetText("2026-09-30")
	s.fields["继续新增"].(*widget.Check).SetChecked(true)
	s.dlg.Submit()
	if rows(s.items) != 4 {
		t.Errorf("%d items after adding one", rows(s.items))
	}
	// 保存后接着新增: the next item's form is open, with the same deadline.
	if got := s.fields["完成时限"].(*widgets.DateEntry).Text; got != "2026-09-30" {
		t.Fatalf("next item's deadline %q", got)
	}
	s.fields["整改措施"].(*widget.Entry).SetText("开展回头看")
	s.fields["继续新增"].(*widget.Check).SetChecked(false)
	s.dlg.Submit()
	if rows(s.items) != 5 {
		t.Errorf("%d items after adding two", rows(s.items))
	}
	// A tap on a finding row opens it; its description changes.
	s.findings.table.Select(widget.TableCellID{Row: 0, Col: 2})
	s.fields["问题描述（≤500字）"].(*widget.Entry).SetText("“三会一课”制度落实不到位")
	s.dlg.Submit()
	var f model.Finding
	as("王主任").DB.First(&f, "code = ?", "F01")
	if f.Description != "“三会一课”制度落实不到位" {
		t.Errorf("finding after its form: %+v", f)
	}
	// A form that fails keeps the dialog with the reason.
	test.Tap(s.addFinding)
	s.fields["问题描述（≤500字）"].(*widget.Entry).SetText(strings.Repeat("长", 501))
	s.dlg.Submit()
	if !strings.Contains(s.dlg.Note.Text, "超过500字") {
		t.Errorf("form error = %q", s.dlg.Note.Text)
	}
}

func TestResultsScreenReviewAndClues(t *testing.T) {
	as, w := resultsWorld(t)
	admin := as("王主任")
	s := openResults(t, as("张书记"), w)
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	// Z0003 (已完成) is the third row; choose it, review 通过, then 销号.
	var row int
	for i, it := range s.itemRows {
		if it.Code == "Z0003" {
			row = i
		}
	}
	test.Tap(tableCell(s.items, row, 1))
	if s.review.Disabled() || !s.editItem.Disabled() {
		t.Fatalf("leader: review disabled %v, edit disabled %v", s.review.Disabled(), s.editItem.Disabled())
	}
	test.Tap(s.review)
	s.dlg.Submit()
	test.Tap(s.closeOut)
	s.dlg.Submit()
	var it model.RectifyItem
	admin.DB.First(&it, "code = ?", "Z0003")
	if it.State != "已销号" || it.Reviewer != "张书记" || it.ClosedOn != "2026-06-01" {
		t.Errorf("Z0003 after 审核 and 销号 = %+v", it)
	}
	// The 管理员 sees U0102's clue rows, and the view is audited.
	s = openResults(t, admin, w)
	s.units.Select(widget.TableCellID{Row: 1, Col: 1})
	if len(s.clues.data) != 1 || s.clues.data[0][0] != "X0001" || s.clues.data[0][5] != "2026-05-19" {
		t.Errorf("clue rows %v", s.clues.data)
	}
	var n int64
	admin.DB.Model(&model.AuditEntry{}).Where("action = ?", "查看线索").Count(&n)
	if n == 0 {
		t.Error("the view of clue rows was not audited")
	}
	// A tap on the clue row opens it: its feedback recorded.
	s.clues.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.fields["反馈日期"].(*widgets.DateEntry).SetText("2026-05-30")
	s.fields["处置结果"].(*widget.Select).SetSelected("初核")
	s.dlg.Submit()
	var c model.Clue
	admin.DB.First(&c, "code = ?", "X0001")
	if c.FeedbackOn != "2026-05-30" || c.Outcome != "初核" {
		t.Errorf("clue after its form: %+v", c)
	}
}

func TestSuperviseScreen(t *testing.T) {
	as, w := resultsWorld(t)
	var opened []string
	s := newSuperviseScreen(as("小李"), w, fixedClock(resToday), func(r, u string) { opened = append(opened, r+"/"+u) })
	w.SetContent(s.build())
	// Overdue and due soon by default: Z0001 (overdue), Z0002 (today), the
	// reports of U0102 (overdue) and 履职 of both units.
	if len(s.list.Rows) == 0 || s.list.Rows[0].Urgency != ledger.UrgOverdue {
		t.Fatalf("rows %+v", s.list.Rows)
	}
	for i := 1; i < len(s.list.Rows); i++ {
		if s.list.Rows[i].Due < s.list.Rows[i-1].Due {
			t.Fatal("not sorted by due date")
		}
	}
	if !strings.Contains(s.summary.Text, "另有未反馈线索 1 条（其中逾期 1 条）") {
		t.Errorf("summary %q", s.summary.Text)
	}
	for _, r := range s.list.Rows {
		if r.Kind == ledger.OpenClue {
			t.Errorf("clue row for a clerk: %+v", r)
		}
	}
	s.urg[2].SetChecked(true)
	s.dept.SetSelected("财务科")
	if len(s.list.Rows) != 1 || s.list.Rows[0].Code != "Z0005" {
		t.Errorf("财务科 = %+v", s.list.Rows)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if len(opened) != 1 || opened[0] != "R2026-1/U0102" {
		t.Errorf("opened %v", opened)
	}
	s.setFilter(ledger.Filter{County: "C02", Urgency: []ledger.Urgency{ledger.UrgOverdue}})
	if s.county.Selected != "C02 乙县" || len(s.list.Rows) != 0 || s.urg[2].Checked {
		t.Errorf("drill-down filter: %q, %d rows", s.county.Selected, len(s.list.Rows))
	}
}

func TestOverviewResultsDrillDown(t *testing.T) {
	as, w := resultsWorld(t)
	s := newOverviewScreen(as("王主任"), w, fixedClock(resToday))
	var got []ledger.Filter
	s.results = newOverviewResults(s.svc, w)
	s.results.drill = func(f ledger.Filter) { got = append(got, f) }
	w.SetContent(s.build())
	last := s.tabs.Items[4]
	if last.Text != "整改台账（1）" || s.tabs.Items[5].Text != "未安排单位（0）" {
		t.Errorf("tab %q", last.Text)
	}
	d := s.results.table.data
	if len(d) != 2 || d[0][1] != "甲县" || d[0][5] != "40.0%" || d[0][6] != "1" || d[0][7] != "1" {
		t.Errorf("figures %v", d)
	}
	s.results.table.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if len(got) != 1 || got[0].Round != "R2026-1" || got[0].County != "C01" {
		t.Errorf("drill %+v", got)
	}
}

func TestUsersClueRight(t *testing.T) {
	as, w := resultsWorld(t)
	admin := as("王主任")
	s := newUsersScreen(admin, w, nil, nil)
	w.SetContent(s.build())
	s.selectKey("小李")
	test.Tap(s.clue)
	yes := findButton(w.Canvas().Overlays().Top(), "是")
	if yes == nil {
		yes = findButton(w.Canvas().Overlays().Top(), "Yes")
	}
	if yes == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(yes)
	acc, _ := auth.Lookup(admin.DB, "小李")
	if !acc.ClueRight {
		t.Fatal("not granted")
	}
	if got := clueRightText(acc); got != "已授予" {
		t.Errorf("cell %q", got)
	}
}

// The round form's 节点 tab records a team's 反馈 and shows the reports'
// due dates (反馈 + 2 months, month-end rule) and whether they are overdue.
func TestRoundFormMilestonesTab(t *testing.T) {
	as, w := resultsWorld(t)
	svc := as("小李")
	s := openCalendar(t, svc, w, resToday)
	s.openRound("R2026-1")
	tab := s.form.ms
	tab.team.SetSelected("第二巡察组")
	row := func(kind string) *milestoneRow {
		for i := range tab.list {
			if tab.list[i].kind == kind {
				return &tab.list[i]
			}
		}
		t.Fatalf("no row %s", kind)
		return nil
	}
	row("反馈").date.SetText("2026-03-31")
	test.Tap(tab.save)
	ms, _ := svc.Milestones("R2026-1")
	found := false
	for _, m := range ms {
		found = found || (m.Team == "第二巡察组" && m.Kind == "反馈" && m.Date == "2026-03-31" && m.Recorder == "小李")
	}
	if !found {
		t.Fatalf("反馈 not recorded: %+v", ms)
	}
	due, state := tab.dueState("整改报告收到", civil.MustParse("2026-03-31"), "", resToday)
	if due != "2026-05-31" || state != "逾期1天" {
		t.Errorf("report due %s, %s", due, state)
	}
	due, state = tab.dueState("整改报告收到", civil.MustParse("2026-12-31"), "", resToday)
	if due != "2027-02-28" || state != "未到期" {
		t.Errorf("反馈 on 12-31: due %s, %s", due, state)
	}
	// The round's level: a step for every team, shown under a team as 本轮.
	tab.team.SetSelected(roundLevel)
	row("督查验收").date.SetText("2026-05-30")
	test.Tap(tab.save)
	tab.team.SetSelected("第一巡察组")
	if got := row("督查验收").date.PlaceHolder; got != "本轮 2026-05-30" {
		t.Errorf("inherited step shows %q", got)
	}
}

func TestLedgerSettingsSection(t *testing.T) {
	as, w := resultsWorld(t)
	admin := as("王主任")
	s := newSettingsScreen(admin, w, nil)
	w.SetContent(s.build())
	l := s.ledger
	if l.soon.Text != "15" || l.report.Text != "2" || !strings.Contains(l.categories.Text, "选人用人问题") {
		t.Fatalf("defaults shown: %q %q", l.soon.Text, l.report.Text)
	}
	l.soon.SetText("10")
	l.categories.SetText("作风问题\n其他")
	test.Tap(l.save)
	set, _ := admin.LedgerSettings()
	if set.DueSoonDays != 10 || len(set.Categories) != 2 {
		t.Errorf("saved %+v", set)
	}
	l.report.SetText("0")
	test.Tap(l.save)
	if !l.errors.Visible() {
		t.Error("0 months accepted")
	}
	// A clerk reads only.
	c := newSettingsScreen(as("小李"), w, nil)
	w.SetContent(c.build())
	if !c.ledger.save.Disabled() {
		t.Error("a clerk may save settings")
	}
}
