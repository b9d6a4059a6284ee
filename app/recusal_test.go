package app

import (
	"errors"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/demo"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantRecusal stores a small world: 安平县 with 安平镇 (and its village
// 东村) and 县财政局; a round 2026-1 with one team inspecting 县财政局;
// 甲 works at 县财政局, 乙 is of 安平县, 丙's wife's brother leads the bureau.
func plantRecusal(t *testing.T) (*Service, uint) {
	t.Helper()
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U0101", Name: "东村", CountyCode: "C01", Category: vocab.CatVillage, ParentCode: testworld.Ptr("U01")},
		&model.Unit{Code: "U02", Name: "县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.UnitLeader{UnitCode: "U02", Name: "赵建国", Post: "局长"},
		&model.Person{Code: "P01", Name: "甲", HomeCountyCode: "C02", CurrentUnitCode: testworld.Ptr("U02"), InStaffPool: true, Status: "在库"},
		&model.Person{Code: "P02", Name: "乙", HomeCountyCode: "C01", InLeaderPool: true, Status: "在库"},
		&model.Person{Code: "P03", Name: "丙", HomeCountyCode: "C02", InStaffPool: true, Status: "在库"},
		&model.Relative{PersonCode: "P03", Name: "赵建国", Relation: "配偶的兄弟姐妹"},
		&model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "2026-1", TermCode: "T1", Number: 1, Name: "第一轮", Mode: vocab.ModeMixed, OnsiteStart: "2026-03-01", OnsiteEnd: "2026-04-01"},
		&model.Team{RoundCode: "2026-1", Name: "第一巡察组", Seq: 1},
		&model.TeamUnit{TeamID: 1, RoundCode: "2026-1", UnitCode: "U02"},
		&model.User{Name: "李主任", Role: vocab.UserLeader, PasswordHash: "x"},
		&model.User{Name: "小王", Role: vocab.UserClerk, PasswordHash: "x"},
		&model.User{Name: "管理员", Role: vocab.UserAdmin, PasswordHash: "x"},
	}
	return &Service{DB: testworld.DB(t, rows...), User: "小王", Role: vocab.UserClerk}, 1
}

// as returns a service on the same database signed in as user.
func as(svc *Service, user, role string) *Service {
	return &Service{DB: svc.DB, User: user, Role: role}
}

func TestRecusalSettings(t *testing.T) {
	clerk, _ := plantRecusal(t)
	if err := clerk.SaveRecusalSettings(recusal.Defaults()); err == nil {
		t.Fatal("a 经办人 changed the recusal settings")
	}
	svc := as(clerk, "管理员", vocab.UserAdmin)
	set, err := svc.RecusalSettings()
	if err != nil || set.Years != 3 || set.Severity[recusal.R1] != recusal.Hard {
		t.Fatalf("defaults = %+v, %v", set, err)
	}
	set.Years = 5
	set.Severity[recusal.R7] = recusal.Off
	if err := svc.SaveRecusalSettings(set); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.RecusalSettings()
	if got.Years != 5 || got.Severity[recusal.R7] != recusal.Off || got.Severity[recusal.R1] != recusal.Hard {
		t.Fatalf("saved settings read back as %+v", got)
	}
	bad := recusal.Defaults()
	bad.Depth = 9
	if err := svc.SaveRecusalSettings(bad); err == nil {
		t.Fatal("a depth of 9 was accepted")
	}
	if err := svc.ResetRecusalSettings(); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.RecusalSettings(); got.Years != 3 {
		t.Fatalf("after reset Years = %d", got.Years)
	}
}

func TestCheckPerson(t *testing.T) {
	svc, _ := plantRecusal(t)
	ref := civil.MustParse("2026-03-01")
	cases := []struct {
		name, person, unit, role string
		rules                    []string
	}{
		{"现任职于被巡察单位", "P01", "U02", "", []string{"R1"}},
		{"本县人员任组长须回避", "P02", "U02", "组长", []string{"R4"}},
		{"本县人员任副组长无须回避", "P02", "U02", "副组长", nil},
		{"配偶之兄任局长", "P03", "U02", "成员", []string{"R3"}},
		{"与他单位无关", "P03", "U01", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := svc.CheckPerson(tc.person, tc.unit, tc.role, ref)
			if err != nil {
				t.Fatal(err)
			}
			var rules []string
			for _, h := range hits {
				rules = append(rules, h.Rule)
			}
			if strings.Join(rules, ",") != strings.Join(tc.rules, ",") {
				t.Fatalf("rules = %v, want %v", rules, tc.rules)
			}
		})
	}
	if _, err := svc.CheckPerson("P99", "U02", "", ref); err == nil {
		t.Error("an unknown person gave no error")
	}
	if _, err := svc.CheckPerson("P01", "U02", "顾问", ref); err == nil {
		t.Error("an unknown role gave no error")
	}
}

// TestOverrideFlow follows an override through SPEC §10.3: a rule kept
// strictly (R3) cannot be asked for; a 可豁免 one (R4) is asked for with a
// reason by a clerk, approved by a 领导 (not by a clerk, not twice), lifts
// the hit, is withdrawn with a reason and binds again; asked for anew it
// stands beside the withdrawn one and is refused with a reason. Every step
// is audited.
func TestOverrideFlow(t *testing.T) {
	svc, team := plantRecusal(t)
	leader := as(svc, "李主任", vocab.UserLeader)
	refused := []struct {
		name, person, rule, unit, reason, want string
	}{
		{"无理由", "P02", "R4", "U02", " ", "写明理由"},
		{"未知规则", "P02", "R10", "U02", "理由", "无效"},
		{"非本组单位", "P02", "R4", "U01", "理由", "不是 第一巡察组 的被巡察单位"},
		{"不可豁免的规则", "P03", "R3", "U02", "该局长已调离", "R3 亲属 不可豁免"},
		{"并无此回避", "P01", "R4", "U02", "理由", "没有须回避的 R4 地域 情形"},
	}
	for _, tc := range refused {
		if err := svc.RequestOverride(team, tc.person, tc.rule, tc.unit, tc.reason); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	if err := leader.RequestOverride(team, "P02", "R4", "U02", "理由"); err == nil {
		t.Fatal("a 领导 requested an override (editing is the clerks')")
	}
	if err := svc.RequestOverride(team, "P02", "R4", "U02", "乙长期借调市里，与县财政局无往来"); err != nil {
		t.Fatal(err)
	}
	pending, err := svc.PendingOverrides()
	if err != nil || len(pending) != 1 || pending[0].PersonName != "乙" || pending[0].Team != "第一巡察组" ||
		pending[0].UnitName != "县财政局" || pending[0].Status != vocab.OverridePending {
		t.Fatalf("pending = %+v, %v", pending, err)
	}
	id := pending[0].ID
	if overridden(t, svc, "P02", "R4") {
		t.Fatal("an override awaiting approval lifted the hit")
	}
	if err := svc.ApproveOverride(id, "小王"); err == nil {
		t.Fatal("a clerk approved an override")
	}
	if err := svc.ApproveOverride(id, "李主任"); err == nil {
		t.Fatal("a clerk approved in a leader's name")
	}
	if err := svc.RefuseOverride(id, "不同意"); err == nil {
		t.Fatal("a clerk refused an override")
	}
	if err := leader.WithdrawOverride(id, "撤销"); err == nil {
		t.Fatal("a pending override was withdrawn")
	}
	if err := leader.ApproveOverride(id, "李主任"); err != nil {
		t.Fatal(err)
	}
	if err := leader.ApproveOverride(id, "李主任"); err == nil || !strings.Contains(err.Error(), "已由 李主任") {
		t.Fatalf("an override was approved twice: %v", err)
	}
	if err := leader.RefuseOverride(id, "不同意"); err == nil {
		t.Fatal("an approved override was refused")
	}
	if err := svc.RequestOverride(team, "P02", "R4", "", "整组"); err == nil {
		t.Fatal("a request beside an approved override of the same hit was accepted")
	}
	if p, _ := svc.PendingOverrides(); len(p) != 0 {
		t.Fatalf("still pending: %+v", p)
	}
	if !overridden(t, svc, "P02", "R4") {
		t.Fatal("the approved override is not marked")
	}
	if err := leader.WithdrawOverride(id, " "); err == nil {
		t.Fatal("an override was withdrawn without a reason")
	}
	if err := leader.WithdrawOverride(id, "乙已回县财政局工作"); err != nil {
		t.Fatal(err)
	}
	if overridden(t, svc, "P02", "R4") {
		t.Fatal("a withdrawn override still lifts the hit")
	}
	if err := svc.RequestOverride(team, "P02", "R4", "", "再次申请：乙已调离"); err != nil {
		t.Fatal(err)
	}
	all, _ := svc.Overrides(false)
	if len(all) != 2 || all[0].Status != vocab.OverridePending || all[1].Status != vocab.OverrideWithdrawn ||
		all[1].WithdrawnBy != "李主任" || all[1].WithdrawReason != "乙已回县财政局工作" {
		t.Fatalf("overrides = %+v", all)
	}
	if err := leader.RefuseOverride(all[0].ID, ""); err == nil {
		t.Fatal("an override was refused without a reason")
	}
	if err := leader.RefuseOverride(all[0].ID, "调离手续未办完"); err != nil {
		t.Fatal(err)
	}
	if overridden(t, svc, "P02", "R4") {
		t.Fatal("a refused override lifts the hit")
	}
	var actions []string
	svc.DB.Model(&model.AuditEntry{}).Where("entity = ?", "回避豁免").Order("id").Pluck("action", &actions)
	if strings.Join(actions, ",") != "豁免申请,豁免批准,豁免撤销,豁免申请,豁免驳回" {
		t.Fatalf("audit actions = %v", actions)
	}
}

// TestOverrideLiftableSetting: 可豁免 is a setting per rule; a rule made
// liftable may be asked for, and a rule made strict again after the
// request can only be refused.
func TestOverrideLiftableSetting(t *testing.T) {
	svc, team := plantRecusal(t)
	admin, leader := as(svc, "管理员", vocab.UserAdmin), as(svc, "李主任", vocab.UserLeader)
	set, _ := admin.RecusalSettings()
	if set.CanLift(recusal.R1) || set.CanLift(recusal.R3) || set.CanLift(recusal.R5) || set.CanLift(recusal.R6) ||
		!set.CanLift(recusal.R2) || !set.CanLift(recusal.R4) || !set.CanLift("R8") || !set.CanLift("R9") {
		t.Fatalf("default 可豁免 = %v", set.Liftable)
	}
	set.Liftable[recusal.R3] = true
	if err := admin.SaveRecusalSettings(set); err != nil {
		t.Fatal(err)
	}
	if err := svc.RequestOverride(team, "P03", "R3", "U02", "该局长已调离，名单未更新"); err != nil {
		t.Fatal(err)
	}
	set.Liftable[recusal.R3] = false
	if err := admin.SaveRecusalSettings(set); err != nil {
		t.Fatal(err)
	}
	p, _ := svc.PendingOverrides()
	if err := leader.ApproveOverride(p[0].ID, "李主任"); err == nil || !strings.Contains(err.Error(), "只能驳回") {
		t.Fatalf("approved an override of a rule kept strictly: %v", err)
	}
	if err := leader.RefuseOverride(p[0].ID, "严格执行回避制度"); err != nil {
		t.Fatal(err)
	}
	set.Liftable["R99"] = true
	if err := admin.SaveRecusalSettings(set); err == nil {
		t.Fatal("可豁免 of an unknown rule was saved")
	}
}

// TestOverrideEvidence: the approval shows the hit's reason sentence, the
// person, the team with its units and on-site dates, and the rule's
// setting now.
func TestOverrideEvidence(t *testing.T) {
	svc, team := plantRecusal(t)
	svc.DB.Model(&model.Person{}).Where("code = ?", "P02").Updates(map[string]any{"post": "副局长", "rank": "四级调研员"})
	if err := svc.RequestOverride(team, "P02", "R4", "", "乙长期借调市里"); err != nil {
		t.Fatal(err)
	}
	p, _ := svc.PendingOverrides()
	ev, err := svc.OverrideEvidence(p[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(ev.Lines(), "\n")
	for _, want := range []string{"R4 地域", "本组全部被巡察单位", "乙（P02）", "工作关系地 安平县", "职务 副局长", "职级 四级调研员",
		"第一巡察组", "U02 县财政局", "进驻：2026-03-01 至 2026-04-01", "工作关系地为 安平县，与被巡察单位同属一县",
		"适用角色：组长、联络员、成员", "可豁免", "理由：乙长期借调市里", "申请人：小王", "状态：待批"} {
		if !strings.Contains(text, want) {
			t.Errorf("evidence lacks %q:\n%s", want, text)
		}
	}
	svc.DB.Model(&model.Person{}).Where("code = ?", "P02").Update("home_county_code", "C02")
	ev, _ = svc.OverrideEvidence(p[0].ID)
	if len(ev.Hits) != 0 || !strings.Contains(strings.Join(ev.Lines(), "\n"), "已无此回避情形") {
		t.Fatalf("evidence after the data changed: %v", ev.Lines())
	}
	if _, err := svc.OverrideEvidence(999); err == nil {
		t.Fatal("evidence of an unknown override")
	}
}

// overridden reports whether person's hit of rule shows as lifted in the
// round check.
func overridden(t *testing.T, svc *Service, person, rule string) bool {
	t.Helper()
	rep, err := svc.CheckRound("2026-1")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		if r.Person == person && r.Rule == rule {
			return r.Overridden
		}
	}
	t.Fatalf("no %s hit of %s", rule, person)
	return false
}

func TestCheckRound(t *testing.T) {
	svc, _ := plantRecusal(t)
	rep, err := svc.CheckRound("2026-1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rep.Rows {
		got = append(got, r.Person+" "+r.PersonName+" "+r.Rule+" "+r.UnitName)
	}
	want := []string{"P01 甲 R1 县财政局", "P02 乙 R4 县财政局", "P03 丙 R3 县财政局"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("rows = %v, want %v", got, want)
	}
	if _, err := svc.CheckRound("2030-9"); err == nil {
		t.Fatal("an unknown round gave no error")
	}
}

// TestDemoRound runs the recusal check on the city demo's upcoming round:
// the demo plants every kind of conflict, so R1–R4 must all show.
func TestDemoRound(t *testing.T) {
	db, err := model.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	if err := demo.Write(db, demo.Generate(demo.City), "测试"); err != nil {
		t.Fatal(err)
	}
	svc := &Service{DB: db, User: "测试"}
	sn, err := svc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	asOf := civil.MustParse(demo.AsOf)
	var upcoming string
	for _, r := range sn.Rounds {
		if r.OnsiteStart > asOf && upcoming == "" {
			upcoming = r.Code
		}
	}
	if upcoming == "" {
		t.Fatal("the demo has no upcoming round")
	}
	rep, err := svc.CheckRound(upcoming)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, c := range rep.Summary() {
		count[c.Rule] += c.Hits
	}
	for _, rule := range []string{recusal.R1, recusal.R2, recusal.R3, recusal.R4} {
		if count[rule] == 0 {
			t.Errorf("no %s hit in round %s: %v", rule, upcoming, count)
		}
	}
	t.Logf("round %s: %v", upcoming, count)
}

// TestRoundCheckPendingAndTeams: the screen's check of a round carries
// the report, the teams in order, their counties and the overrides
// awaiting approval, for the unit asked and for the whole team.
func TestRoundCheckPendingAndTeams(t *testing.T) {
	svc, team := plantRecusal(t)
	rc, err := svc.RoundCheck("2026-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rc.Report.Rows) != 3 || strings.Join(rc.Order, ",") != "第一巡察组" || rc.Teams["第一巡察组"].ID != team {
		t.Fatalf("rows %d, order %v, teams %+v", len(rc.Report.Rows), rc.Order, rc.Teams)
	}
	if len(rc.Counties) != 1 || rc.Counties[0] != (Option{Code: "C01", Name: "安平县"}) {
		t.Errorf("counties %+v", rc.Counties)
	}
	hit := func(person string) recusal.Hit {
		for _, r := range rc.Report.Rows {
			if r.Person == person {
				return r.Hit
			}
		}
		t.Fatalf("no hit of %s", person)
		return recusal.Hit{}
	}
	if rc.Pending(hit("P03")) {
		t.Fatal("pending before any request")
	}
	admin := as(svc, "管理员", vocab.UserAdmin)
	set, _ := admin.RecusalSettings()
	set.Liftable[recusal.R1], set.Liftable[recusal.R3] = true, true // an office that lets them be lifted
	if err := admin.SaveRecusalSettings(set); err != nil {
		t.Fatal(err)
	}
	if err := svc.RequestOverride(team, "P03", "R3", "U02", "该局长已调离"); err != nil {
		t.Fatal(err)
	}
	if err := svc.RequestOverride(team, "P01", "R1", "", "整组豁免"); err != nil {
		t.Fatal(err)
	}
	if rc, err = svc.RoundCheck("2026-1"); err != nil {
		t.Fatal(err)
	}
	if !rc.Pending(hit("P03")) || !rc.Pending(hit("P01")) || rc.Pending(hit("P02")) {
		t.Errorf("pending: 丙 %v (for the unit), 甲 %v (for the team), 乙 %v (none)",
			rc.Pending(hit("P03")), rc.Pending(hit("P01")), rc.Pending(hit("P02")))
	}
	rc.MarkPending("第一巡察组", "P02", "R4", "U02")
	if !rc.Pending(hit("P02")) {
		t.Error("a request just made is not marked")
	}
	if _, err := svc.RoundCheck("2030-9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown round: %v", err)
	}
}

// TestCheckTeam checks people against the team of 2026-1 (县财政局) in a
// role and on a reference date, members included.
func TestCheckTeam(t *testing.T) {
	svc, _ := plantRecusal(t)
	ref := civil.MustParse("2026-03-01")
	rules := func(hits []recusal.Hit) string {
		var out []string
		for _, h := range hits {
			out = append(out, h.Rule+"@"+h.Unit+h.Other)
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct {
		name, person, role, want string
	}{
		{"现任职于被巡察单位", "P01", "", "R1@U02"},
		{"本县人员任组长须回避", "P02", vocab.RoleLeader, "R4@U02"},
		{"本县人员任副组长不回避", "P02", vocab.RoleDeputy, ""},
		{"配偶之兄任被巡察单位领导", "P03", vocab.RoleMember, "R3@U02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			hits, names, err := svc.CheckTeam(c.person, "2026-1", "第一巡察组", c.role, ref)
			if err != nil {
				t.Fatal(err)
			}
			if got := rules(hits); got != c.want {
				t.Errorf("hits %s, want %s", got, c.want)
			}
			if c.want != "" && names["U02"] != "U02 县财政局" {
				t.Errorf("names %v", names)
			}
		})
	}
	// a member on the team: 丙's wife's brother is no member, so plant a
	// close relative as a member and check 丙 against the team (R6)
	svc.DB.Create(&model.Relative{PersonCode: "P03", Name: "甲", Relation: "兄弟姐妹", RelativePerson: "P01"})
	svc.DB.Create(&model.TeamMember{TeamID: 1, PersonCode: "P01", Role: vocab.RoleMember})
	hits, names, err := svc.CheckTeam("P03", "2026-1", "第一巡察组", vocab.RoleMember, ref)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rules(hits), "R6@P01") || names["P01"] != "甲（P01）" {
		t.Errorf("hits %s, names %v", rules(hits), names)
	}
	for _, c := range []struct{ person, round, team, role string }{
		{"P99", "2026-1", "第一巡察组", ""}, {"P01", "2030-9", "第一巡察组", ""},
		{"P01", "2026-1", "第九巡察组", ""}, {"P01", "2026-1", "第一巡察组", "组员"},
	} {
		if _, _, err := svc.CheckTeam(c.person, c.round, c.team, c.role, ref); err == nil {
			t.Errorf("%+v gave no error", c)
		}
	}
}
