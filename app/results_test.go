package app

import (
	"errors"
	"strings"
	"testing"

	"xuncha/app/auth"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/internal/testworld"
	"xuncha/model"
)

var resultsToday = civil.MustParse(testworld.ResultsToday)

// resultsOffice is the results world with a 管理员 王主任, a 经办人 小李
// and a 领导 张书记; it returns a service signed in as each.
func resultsOffice(t *testing.T) (admin, clerk, leader *Service) {
	t.Helper()
	db := testworld.DB(t, testworld.Results()...)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(auth.CreateFirstAdmin(db, "王主任", "admin-pass-1"))
	must(auth.AddUser(db, "王主任", "小李", "经办人", "clerk-pass-1"))
	must(auth.AddUser(db, "王主任", "张书记", "领导", "leader-pass-1"))
	as := func(name, role string) *Service { return &Service{DB: db, User: name, Role: role} }
	return as("王主任", "管理员"), as("小李", "经办人"), as("张书记", "领导")
}

func auditCount(t *testing.T, s *Service, action string) int64 {
	var n int64
	s.DB.Model(&model.AuditEntry{}).Where("action = ?", action).Count(&n)
	return n
}

func TestRoundResultsUnitsAndClueRight(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	rr, err := clerk.RoundResults("R2026-1", resultsToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(rr.Units) != 3 || rr.Units[0].Unit != "U0101" || rr.Units[2].Team != "第二巡察组" {
		t.Fatalf("units %+v", rr.Units)
	}
	u1, u2 := rr.Units[0], rr.Units[1]
	if len(u1.Findings) != 1 || len(u1.Items) != 3 || u1.Open != 2 || u1.Overdue != 1 || u1.Rate != 0.3333 {
		t.Errorf("U0101 = %+v", u1)
	}
	if u1.Report.Received.String() != "2026-05-20" || u2.Report.Due.String() != "2026-05-31" || !u2.Report.Overdue {
		t.Errorf("reports: U0101 %+v, U0102 %+v", u1.Report, u2.Report)
	}
	if rr.ClueRows || len(u2.Clues) != 0 || u2.ClueCount != 1 {
		t.Errorf("a clerk without 线索管理 sees clue rows: %+v", u2)
	}
	if n := auditCount(t, clerk, "查看线索"); n != 0 {
		t.Errorf("counts only, yet %d views audited", n)
	}
	if _, err := clerk.Clues(""); err == nil {
		t.Error("a clerk listed the clues")
	}
	rr, err = admin.RoundResults("R2026-1", resultsToday)
	if err != nil {
		t.Fatal(err)
	}
	if !rr.ClueRows || len(rr.Units[1].Clues) != 1 || rr.Units[1].Clues[0].Code != "X0001" {
		t.Errorf("管理员's clue rows %+v", rr.Units[1].Clues)
	}
	if n := auditCount(t, admin, "查看线索"); n != 1 {
		t.Errorf("%d views audited, want 1", n)
	}
	if err := admin.SetClueRight("小李", true); err != nil {
		t.Fatal(err)
	}
	if cs, err := clerk.Clues("R2026-1"); err != nil || len(cs) != 2 {
		t.Errorf("granted clerk: %d clues, %v", len(cs), err)
	}
	if n := auditCount(t, admin, "查看线索"); n != 2 {
		t.Errorf("%d views audited, want 2", n)
	}
}

// 审核 and 销号 are the 管理员's and the 领导's; a clerk's save keeps the
// review columns; 销号 needs 通过 and a 完成日期.
func TestReviewAndCloseRights(t *testing.T) {
	admin, clerk, leader := resultsOffice(t)
	var denied *auth.DeniedError
	if err := clerk.ReviewItem(itemAsRead(t, clerk, "Z0003"), "通过"); !errors.As(err, &denied) {
		t.Errorf("clerk reviewed: %v", err)
	}
	if err := clerk.CloseItem(itemAsRead(t, clerk, "Z0003"), resultsToday); !errors.As(err, &denied) {
		t.Errorf("clerk closed: %v", err)
	}
	if err := leader.CloseItem(itemAsRead(t, leader, "Z0003"), resultsToday); err == nil || !strings.Contains(err.Error(), "通过") {
		t.Errorf("closed without 通过: %v", err)
	}
	if err := leader.ReviewItem(itemAsRead(t, leader, "Z0003"), "通过"); err != nil {
		t.Fatal(err)
	}
	if err := leader.CloseItem(itemAsRead(t, leader, "Z0003"), resultsToday); err != nil {
		t.Fatal(err)
	}
	var it model.RectifyItem
	admin.DB.First(&it, "code = ?", "Z0003")
	if it.State != "已销号" || it.Reviewer != "张书记" || it.ClosedOn != "2026-06-01" {
		t.Errorf("Z0003 = %+v", it)
	}
	if auditCount(t, admin, "审核") != 1 || auditCount(t, admin, "销号") != 1 {
		t.Error("审核/销号 not audited")
	}
	// 退回 sends a done item back.
	if err := admin.ReviewItem(itemAsRead(t, admin, "Z0001"), "退回"); err != nil {
		t.Fatal(err)
	}
	// A leader does not edit otherwise.
	if err := leader.SaveItem(model.RectifyItem{Code: "Z0005", FindingCode: "F02", Measure: "x", Due: "2026-07-11", State: "未启动"}, false); !errors.As(err, &denied) {
		t.Errorf("leader edited an item: %v", err)
	}
	// A clerk's save keeps 审核结果 and cannot close.
	edit := it
	edit.Review, edit.Reviewer, edit.Note = "退回", "小李", "补充材料"
	if err := clerk.SaveItem(edit, false); err != nil {
		t.Fatal(err)
	}
	var after model.RectifyItem
	admin.DB.First(&after, "code = ?", "Z0003")
	if after.Review != "通过" || after.Reviewer != "张书记" || after.Note != "补充材料" {
		t.Errorf("after a clerk's save: %+v", after)
	}
	open := model.RectifyItem{Code: "Z0002", FindingCode: "F01", Measure: "开展专题学习", Due: "2026-06-01", State: "已销号", DoneOn: "2026-05-30"}
	if err := clerk.SaveItem(open, false); err == nil {
		t.Error("a clerk closed an item by saving it")
	}
}

// itemAsRead is item code as s reads it now, with its stamp (what a
// screen shows).
func itemAsRead(t *testing.T, s *Service, code string) model.RectifyItem {
	t.Helper()
	var it model.RectifyItem
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&it).Error; err != nil || it.Code == "" {
		t.Fatalf("item %s: %v", code, err)
	}
	return it
}

// itemsAsRead are the items codes as s reads them now.
func itemsAsRead(t *testing.T, s *Service, codes ...string) []model.RectifyItem {
	t.Helper()
	out := make([]model.RectifyItem, len(codes))
	for i, c := range codes {
		out[i] = itemAsRead(t, s, c)
	}
	return out
}

func TestBulkStateAndCopyMeasure(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	if err := clerk.SetItemsState(itemsAsRead(t, clerk, "Z0001", "Z0002"), "已完成", 0); err == nil {
		t.Error("已完成 without a date accepted")
	}
	if err := clerk.SetItemsState(itemsAsRead(t, clerk, "Z0001", "Z0004"), "整改中", 0); err == nil {
		t.Error("a closed item's state changed in bulk")
	}
	var z1 model.RectifyItem
	admin.DB.First(&z1, "code = ?", "Z0001")
	if z1.State != "整改中" {
		t.Errorf("a refused bulk change wrote: %+v", z1)
	}
	if err := clerk.SetItemsState(itemsAsRead(t, clerk, "Z0002", "Z0001"), "已完成", resultsToday); err != nil {
		t.Fatal(err)
	}
	if err := clerk.CopyMeasure(itemAsRead(t, clerk, "Z0005"), itemsAsRead(t, clerk, "Z0001", "Z0002")); err != nil {
		t.Fatal(err)
	}
	var rows []model.RectifyItem
	admin.DB.Where("code IN ?", []string{"Z0001", "Z0002"}).Order("code").Find(&rows)
	for _, r := range rows {
		if r.State != "已完成" || r.DoneOn != "2026-06-01" || r.Measure != "完善接待制度" || r.Dept != "财务科" {
			t.Errorf("%s = %+v", r.Code, r)
		}
	}
}

func TestSaveFindingAndClueChecks(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	for _, c := range []struct {
		name string
		f    model.Finding
		want string
	}{
		{"单位不是该组的", model.Finding{Code: "F09", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0201", Category: "其他", Description: "x"}, "不是轮次"},
		{"未知类别", model.Finding{Code: "F09", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0101", Category: "作风", Description: "x"}, "问题类别"},
		{"描述太长", model.Finding{Code: "F09", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0101", Category: "其他", Description: strings.Repeat("字", 501)}, "超过500字"},
		{"编号重复", model.Finding{Code: "F01", RoundCode: "R2026-1", Team: "第一巡察组", UnitCode: "U0101", Category: "其他", Description: "x"}, "已存在"},
	} {
		if err := clerk.SaveFinding(c.f, true); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if err := clerk.SaveFinding(model.Finding{Code: "F09", RoundCode: "R2026-1", Team: "第二巡察组", UnitCode: "U0201", Category: "其他", Description: "新问题"}, true); err != nil {
		t.Fatal(err)
	}
	if err := clerk.DeleteFinding("F01"); err == nil {
		t.Error("a finding with items deleted")
	}
	clue := model.Clue{Code: "X0009", RoundCode: "R2026-1", Team: "第二巡察组", UnitCode: "U0201", Category: "违纪违法", Receiver: "纪委监委", HandedOn: "2026-04-01"}
	if err := clerk.SaveClue(clue, true); err == nil {
		t.Error("a clerk without 线索管理 saved a clue")
	}
	clue.FeedbackOn = "2026-03-01"
	if err := admin.SaveClue(clue, true); err == nil || !strings.Contains(err.Error(), "早于移交日期") {
		t.Errorf("feedback before hand-over: %v", err)
	}
	clue.FeedbackOn = ""
	if err := admin.SaveClue(clue, true); err != nil {
		t.Fatal(err)
	}
}

// A team keeps the units its findings and clues name: deleting it, or
// taking such a unit away, is refused; a unit without results may go.
func TestTeamKeepsUnitsWithResults(t *testing.T) {
	admin, _, _ := resultsOffice(t)
	if err := admin.DeleteTeam(1); err == nil || !strings.Contains(err.Error(), "U0101") {
		t.Errorf("a team with findings deleted: %v", err)
	}
	if _, err := admin.SetTeamUnits(1, []string{"U0101"}); err == nil || !strings.Contains(err.Error(), "U0102") {
		t.Errorf("a unit with findings taken away: %v", err)
	}
	if err := admin.DeleteTeam(2); err != nil {
		t.Errorf("a team without results: %v", err)
	}
}

func TestMilestonesAndReportReceived(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	cal, err := admin.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	if ov := cal.Overdue("T1", resultsToday); len(ov) != 1 || ov[0].Unit != "U0102" || ov[0].Due != civil.MustParse("2026-05-31") || ov[0].DaysOverdue != 1 {
		t.Errorf("the overview's overdue reports = %+v", ov)
	}
	if err := clerk.RecordMilestone(MilestoneEntry{Round: "R2026-1", Team: "第一巡察组", Unit: "U0201", Kind: "整改报告收到", Date: resultsToday}); err == nil {
		t.Error("a milestone for a unit of another team")
	}
	if err := clerk.RecordMilestone(MilestoneEntry{Round: "R2026-1", Team: "第一巡察组", Kind: "开会", Date: resultsToday}); err == nil {
		t.Error("an unknown step recorded")
	}
	if err := clerk.RecordReportReceived(1, "U0102", resultsToday); err != nil {
		t.Fatal(err)
	}
	rep, err := admin.Ledger("R2026-1", resultsToday)
	if err != nil {
		t.Fatal(err)
	}
	u2 := rep.Rounds[0].Units[1]
	if u2.Unit != "U0102" || u2.ReportReceived != "2026-06-01" || u2.ReportOverdue {
		t.Errorf("U0102 after the report came in: %+v", u2)
	}
	sn, err := admin.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	// Before U0102's report came in, the calendar's overview counted it
	// overdue from its 反馈 milestone (the round has no stage dates).
	if got := sn.Rounds[0].Teams[0].Units[1].ReportReceived; got != resultsToday {
		t.Errorf("the snapshot's report date = %s (the calendar reads milestones)", got)
	}
	if got := sn.Rounds[0].Teams[0].Units[1].ReportDue; got != civil.MustParse("2026-05-31") {
		t.Errorf("the snapshot's report due = %s, want 2026-05-31 (反馈 + 2 months)", got)
	}
	// A round-level 反馈 reaches the second team; a zero date removes.
	if err := clerk.RecordMilestone(MilestoneEntry{Round: "R2026-1", Kind: "反馈", Date: civil.MustParse("2026-04-30")}); err != nil {
		t.Fatal(err)
	}
	rep, _ = admin.Ledger("R2026-1", resultsToday)
	if u := rep.Rounds[0].Units[2]; u.ReportDue != "2026-06-30" {
		t.Errorf("U0201 report due %q, want 2026-06-30", u.ReportDue)
	}
	if err := clerk.RecordMilestone(MilestoneEntry{Round: "R2026-1", Kind: "反馈"}); err != nil {
		t.Fatal(err)
	}
	rep, _ = admin.Ledger("R2026-1", resultsToday)
	if u := rep.Rounds[0].Units[2]; u.ReportDue != "" {
		t.Errorf("removed 反馈 still counts: %+v", u)
	}
	ms, _ := clerk.Milestones("R2026-1")
	if len(ms) != 3 || ms[2].Recorder != "小李" {
		t.Errorf("milestones %+v", ms)
	}
}

func TestSuperviseAndFigures(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	l, err := clerk.Supervise(ledger.Filter{}, resultsToday)
	if err != nil {
		t.Fatal(err)
	}
	if l.HiddenClues != 1 || l.HiddenOverdue != 1 {
		t.Errorf("clerk: hidden %d/%d", l.HiddenClues, l.HiddenOverdue)
	}
	l, _ = clerk.Supervise(ledger.Filter{Dept: "财务科"}, resultsToday)
	if len(l.Rows) != 1 || l.Rows[0].Code != "Z0005" || l.Rows[0].Urgency != ledger.UrgOpen {
		t.Errorf("财务科: %+v", l.Rows)
	}
	l, _ = admin.Supervise(ledger.Filter{County: "C01"}, resultsToday)
	var clue bool
	for _, r := range l.Rows {
		clue = clue || r.Kind == ledger.OpenClue
	}
	if !clue || auditCount(t, admin, "查看线索") != 1 {
		t.Error("管理员: clue rows missing or the view not audited")
	}
	fs, err := admin.LedgerFigures(resultsToday)
	if err != nil || len(fs) != 2 || fs[0].County != "C01" || fs[0].ItemsOverdue != 1 || fs[0].CluesOverdue != 1 {
		t.Errorf("figures %+v %v", fs, err)
	}
}
