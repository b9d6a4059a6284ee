package app

import (
	"strings"
	"testing"

	"xuncha/app/audit"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

func calendarService(t *testing.T) *Service {
	t.Helper()
	db := testworld.DB(t,
		&[]model.County{{Code: "C01", Name: "甲县"}, {Code: "C02", Name: "乙县"}},
		&[]model.Unit{
			{Code: "U0101", Name: "甲县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
			{Code: "U0102", Name: "甲县人民医院", CountyCode: "C01", Category: vocab.CatInstitution},
			{Code: "U0201", Name: "乙县交通运输局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
		},
		&[]model.Person{{Code: "P1", Name: "张一", HomeCountyCode: "C02"}, {Code: "P2", Name: "李二", HomeCountyCode: "C01"}},
	)
	return &Service{DB: db, User: "经办人甲"}
}

// auditTrail lists the audit log as "action entity key" lines.
func auditTrail(t *testing.T, s *Service) []string {
	t.Helper()
	var rows []model.AuditEntry
	if err := s.DB.Order("id").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if r.User != "经办人甲" {
			t.Errorf("audit entry %d by %q", r.ID, r.User)
		}
		out = append(out, r.Action+" "+r.Entity+" "+r.Key)
	}
	if ps, err := audit.Verify(s.DB); err != nil || len(ps) != 0 {
		t.Errorf("audit chain: %v %v", ps, err)
	}
	return out
}

func TestCalendarSettingsStored(t *testing.T) {
	s := calendarService(t)
	set, err := s.CalendarSettings()
	if err != nil || set.OnsiteDays != 30 || set.RectifyDays != 60 {
		t.Fatalf("defaults %+v %v", set, err)
	}
	set.OnsiteDays = 45
	set.NonWorkingDays = []civil.Date{civil.MustParse("2026-10-02"), civil.MustParse("2026-10-01")}
	if err := s.SaveCalendarSettings(set); err != nil {
		t.Fatal(err)
	}
	got, _ := s.CalendarSettings()
	if got.OnsiteDays != 45 || len(got.NonWorkingDays) != 2 || got.NonWorkingDays[0] != civil.MustParse("2026-10-01") {
		t.Errorf("reloaded %+v", got)
	}
	set.OnsiteDays = 0
	if err := s.SaveCalendarSettings(set); err == nil {
		t.Error("进驻 0 天 saved")
	}
	if trail := auditTrail(t, s); strings.Join(trail, ";") != "设置 设置 calendar" {
		t.Errorf("audit %v", trail)
	}
}

func TestSaveTermWithScope(t *testing.T) {
	s := calendarService(t)
	term := model.Term{Code: "T1", Name: "第十五届", StartDate: "2026-01-01", EndDate: "2030-12-31"}
	scope := []model.TermScope{{CountyCode: "C01"}, {CountyCode: "C02", Category: vocab.CatCountyOrgan}, {CountyCode: "C01"}}
	if err := s.SaveTerm(term, scope); err != nil {
		t.Fatal(err)
	}
	got, _ := s.TermScopes("T1")
	if len(got) != 2 {
		t.Fatalf("scope %+v", got)
	}
	terms, _ := s.Terms()
	term.Stamp = terms[0].Stamp // a form saves what it read
	if err := s.SaveTerm(term, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.TermScopes("T1"); len(got) != 0 {
		t.Errorf("scope not cleared: %+v", got)
	}
	for _, c := range []struct {
		name  string
		term  model.Term
		scope []model.TermScope
		want  string
	}{
		{"结束早于开始", model.Term{Code: "T2", StartDate: "2026-01-01", EndDate: "2025-12-31"}, nil, "须晚于开始日期"},
		{"日期格式错误", model.Term{Code: "T2", StartDate: "2026/01/01", EndDate: "2030-12-31"}, nil, "开始日期"},
		{"缺结束日期", model.Term{Code: "T2", StartDate: "2026-01-01"}, nil, "结束日期不能为空"},
		{"县区不存在", model.Term{Code: "T2", StartDate: "2026-01-01", EndDate: "2030-12-31"}, []model.TermScope{{CountyCode: "C09"}}, "县区 C09 不存在"},
		{"类别不存在", model.Term{Code: "T2", StartDate: "2026-01-01", EndDate: "2030-12-31"}, []model.TermScope{{Category: "学校"}}, "单位类别"},
	} {
		if err := s.SaveTerm(c.term, c.scope); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	terms, _ = s.Terms()
	if len(terms) != 1 {
		t.Errorf("terms %+v", terms)
	}
	if trail := auditTrail(t, s); strings.Join(trail, ";") != "新增 届期 T1;修改 届期 T1" {
		t.Errorf("audit %v", trail)
	}
}

func TestSaveRoundValidation(t *testing.T) {
	s := calendarService(t)
	if err := s.SaveTerm(model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2026-12-31"}, nil); err != nil {
		t.Fatal(err)
	}
	ok := model.Round{Code: "R1", TermCode: "T1", Name: "第一轮", Type: "常规", Mode: vocab.ModeMixed,
		OnsiteStart: "2026-03-02", OnsiteEnd: "2026-03-31", FeedbackDate: "2026-05-15"}
	for _, c := range []struct {
		name string
		edit func(r *model.Round)
		want string
	}{
		{"反馈早于进驻结束", func(r *model.Round) { r.FeedbackDate = "2026-03-15" }, "反馈日期（2026-03-15）早于进驻结束（2026-03-31）"},
		{"进驻超出届期", func(r *model.Round) { r.OnsiteEnd, r.FeedbackDate = "2027-01-10", "" }, "晚于届期结束"},
		{"进驻早于届期", func(r *model.Round) { r.OnsiteStart = "2025-12-01" }, "早于届期开始"},
		{"巡察类型不存在", func(r *model.Round) { r.Type = "例行" }, "巡察类型"},
		{"届期不存在", func(r *model.Round) { r.TermCode = "T9" }, "届期"},
		{"日期格式错误", func(r *model.Round) { r.CheckDate = "2026-02-30" }, "督查验收日期"},
		{"没有轮次编码", func(r *model.Round) { r.Code = "" }, "轮次编码"},
	} {
		r := ok
		c.edit(&r)
		if err := s.SaveRound(r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if err := s.SaveRound(ok); err != nil {
		t.Fatal(err)
	}
	second := ok
	second.Code, second.OnsiteStart, second.OnsiteEnd, second.FeedbackDate = "R2", "2026-09-01", "2026-09-30", ""
	if err := s.SaveRound(second); err != nil {
		t.Fatal(err)
	}
	ok.Name = "第一轮（调整）"
	ok.Stamp, _ = s.RoundStamp("R1") // a form saves what it read
	if err := s.SaveRound(ok); err != nil {
		t.Fatal(err)
	}
	rounds, _ := s.Rounds("T1")
	if len(rounds) != 2 || rounds[0].Number != 1 || rounds[1].Number != 2 || rounds[0].Name != "第一轮（调整）" {
		t.Errorf("rounds %+v", rounds)
	}
	if trail := auditTrail(t, s); strings.Join(trail, ";") != "新增 届期 T1;新增 轮次 R1;新增 轮次 R2;修改 轮次 R1" {
		t.Errorf("audit %v", trail)
	}
}

func TestTeamsReportsEvaluations(t *testing.T) {
	s := calendarService(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveTerm(model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2026-12-31"}, nil))
	must(s.SaveRound(model.Round{Code: "R1", TermCode: "T1", OnsiteStart: "2026-03-02", OnsiteEnd: "2026-03-31", FeedbackDate: "2026-05-15"}))
	must(s.SaveRound(model.Round{Code: "R2", TermCode: "T1", OnsiteStart: "2026-09-01", OnsiteEnd: "2026-09-30"}))

	t1, warn, err := s.AddTeam("R1", "第一组", []string{"U0101", "U0102"})
	must(err)
	if len(warn) != 0 || t1.Seq != 1 {
		t.Errorf("first team %+v %v", t1, warn)
	}
	for _, c := range []struct {
		name, team string
		units      []string
		want       string
	}{
		{"单位分属两县", "第二组", []string{"U0201", "U0102"}, "同一县区"},
		{"单位已在本轮其他组", "第二组", []string{"U0101"}, "已编入本轮的第一组"},
		{"组名重复", "第一组", []string{"U0201"}, "已有名为 第一组"},
		{"单位不存在", "第二组", []string{"U0999"}, "单位 U0999 不存在"},
		{"同一单位写了两次", "第二组", []string{"U0201", "U0201"}, "重复"},
	} {
		if _, _, err := s.AddTeam("R1", c.team, c.units); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	t2, warn, err := s.AddTeam("R2", "第一组", []string{"U0102"})
	must(err)
	if len(warn) != 1 || !strings.Contains(warn[0], "本届期内已在轮次 R1 巡察") {
		t.Errorf("warning for a unit inspected twice: %v", warn)
	}

	must(s.DB.Create(&model.TeamMember{TeamID: t1.ID, PersonCode: "P1", Role: vocab.RoleLeader}).Error)
	must(s.RecordReportReceived(t1.ID, "U0101", civil.MustParse("2026-07-10")))
	if err := s.RecordReportReceived(t1.ID, "U0201", civil.MustParse("2026-07-10")); err == nil {
		t.Error("report recorded for a unit the team does not inspect")
	}
	_, err = s.SetTeamUnits(t1.ID, []string{"U0102", "U0101"})
	must(err)
	must(s.SetEvaluation(t1.ID, "P1", "优秀", "组织协调有力"))
	if err := s.SetEvaluation(t1.ID, "P1", "良好", ""); err == nil || !strings.Contains(err.Error(), "鉴定等次") {
		t.Errorf("bad grade: %v", err)
	}
	if err := s.SetEvaluation(t1.ID, "P2", "称职", ""); err == nil {
		t.Error("evaluation of a non-member")
	}
	must(s.SetTeamOnsite(t2.ID, civil.MustParse("2026-09-05"), civil.MustParse("2026-10-04")))
	if err := s.SetTeamOnsite(t2.ID, civil.MustParse("2026-12-20"), civil.MustParse("2027-01-18")); err == nil {
		t.Error("team on site beyond the term")
	}

	cal, err := s.Calendar()
	must(err)
	sn := cal.Snapshot()
	r1 := sn.Round("R1")
	if len(r1.Teams) != 1 || len(r1.Teams[0].Units) != 2 || r1.Teams[0].Units[0].ReportReceived != civil.MustParse("2026-07-10") {
		t.Errorf("R1 teams %+v", r1.Teams)
	}
	if m := r1.Teams[0].Members[0]; m.Evaluation != "优秀" || m.Comment != "组织协调有力" {
		t.Errorf("member %+v", m)
	}
	if tm := sn.Round("R2").Teams[0]; tm.OnsiteStart != civil.MustParse("2026-09-05") {
		t.Errorf("R2 team %+v", tm)
	}
	cs, _ := cal.Conflicts("T1")
	if len(cs) != 1 || cs[0].Kind != calendar.KindUnitTwice {
		t.Errorf("conflicts %+v", cs)
	}

	must(s.DeleteRound("R1"))
	var n int64
	s.DB.Model(&model.TeamUnit{}).Where("round_code = ?", "R1").Count(&n)
	var m int64
	s.DB.Model(&model.TeamMember{}).Count(&m)
	if n != 0 || m != 0 {
		t.Errorf("after deleting R1: %d team units, %d members left", n, m)
	}
	if err := s.DeleteRound("R1"); err == nil {
		t.Error("deleted a missing round")
	}
	want := "新增 届期 T1;新增 轮次 R1;新增 轮次 R2;新增 巡察组 R1/第一组;新增 巡察组 R2/第一组;新增 巡察节点 R1/第一组/U0101/整改报告收到;" +
		"修改 巡察组 R1/第一组;鉴定 编组记录 R1/第一组/P1;修改 巡察组 R2/第一组;删除 轮次 R1"
	if trail := auditTrail(t, s); strings.Join(trail, ";") != want {
		t.Errorf("audit\n%s\nwant\n%s", strings.Join(trail, ";"), want)
	}
}
