package app

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"xuncha/app/auth"
	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// yearsWorld is plantRecusal's world with P03 丙 on the team of a past
// round (2025-1) whose 鉴定 the tests enter, and P01 甲 declaring a
// conflict with U01.
func yearsWorld(t *testing.T) (clerk, leader *Service, past uint) {
	t.Helper()
	clerk, _ = plantRecusal(t)
	testworld.Plant(t, clerk.DB,
		&model.Round{Code: "2025-1", TermCode: "T1", Number: 0, Name: "上一轮", Mode: vocab.ModeMixed, OnsiteStart: "2025-09-01", OnsiteEnd: "2025-10-01"},
		&model.Team{RoundCode: "2025-1", Name: "第九巡察组", Seq: 1},
		&model.TeamMember{TeamID: 2, PersonCode: "P03", Role: vocab.RoleMember},
		&model.TeamMember{TeamID: 2, PersonCode: "P02", Role: vocab.RoleLeader},
		&model.Declaration{PersonCode: "P01", UnitCode: "U02", Reason: "配偶在该局任会计"},
	)
	return clerk, as(clerk, "李主任", vocab.UserLeader), 2
}

// sheetOf is the 鉴定 sheet of team as s reads it now.
func sheetOf(t *testing.T, s *Service, team uint) *TeamEvalSheet {
	t.Helper()
	sheet, err := s.TeamEvaluations(team)
	if err != nil {
		t.Fatal(err)
	}
	return sheet
}

func denied(err error) bool {
	var d *auth.DeniedError
	return errors.As(err, &d)
}

// TestEvaluationFlow: a clerk proposes, a 领导 confirms; a confirmed grade
// cannot be changed by the clerk until the 领导 returns it (with a
// reason); a clerk cannot confirm and a 领导 cannot propose; only a
// confirmed grade counts for R9; every step is audited.
func TestEvaluationFlow(t *testing.T) {
	clerk, leader, team := yearsWorld(t)
	sheet, err := clerk.TeamEvaluations(team)
	if err != nil || len(sheet.Members) != 2 || sheet.Members[0].Role != vocab.RoleLeader || sheet.Members[1].Name != "丙" {
		t.Fatalf("sheet %+v, %v", sheet, err)
	}
	grades := []MemberEval{{Person: "P03", Grade: "不称职", Comment: " 多次缺席 "}, {Person: "P02", Grade: "优秀"}}
	if err := leader.ProposeEvaluations(team, grades, nil); !denied(err) {
		t.Fatalf("a 领导 proposed: %v", err)
	}
	if err := clerk.ProposeEvaluations(team, grades, &TeamEval{Grade: "称职", Comment: "按期完成"}); err != nil {
		t.Fatal(err)
	}
	sheet, _ = clerk.TeamEvaluations(team)
	if m := sheet.Members[1]; m.Grade != "不称职" || m.Comment != "多次缺席" || m.State != vocab.EvalProposed || sheet.Own.State != vocab.EvalProposed || sheet.Proposed() != 3 {
		t.Fatalf("after proposing: %+v", sheet)
	}
	r9 := func() int {
		hits, _, err := clerk.CheckTeam("P03", "2026-1", "第一巡察组", vocab.RoleLeader, civil.MustParse("2026-03-01"))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, h := range hits {
			if h.Rule == recusal.R9 {
				n++
			}
		}
		return n
	}
	if r9() != 0 {
		t.Fatal("a proposed 不称职 gave R9")
	}
	if err := clerk.ConfirmEvaluations(sheetOf(t, clerk, team), nil, true); !denied(err) {
		t.Fatalf("a clerk confirmed: %v", err)
	}
	if err := leader.ConfirmEvaluations(sheetOf(t, leader, team), []string{"P03"}, false); err != nil {
		t.Fatal(err)
	}
	if r9() != 1 {
		t.Fatal("a confirmed 不称职 gave no R9")
	}
	if err := clerk.SetEvaluation(team, "P03", "称职", ""); err == nil || !strings.Contains(err.Error(), "已确定") {
		t.Fatalf("a confirmed grade was changed: %v", err)
	}
	if err := leader.ReturnEvaluations(sheetOf(t, leader, team), []string{"P03"}, false, " "); err == nil {
		t.Fatal("returned without a reason")
	}
	if err := leader.ReturnEvaluations(sheetOf(t, leader, team), []string{"P03"}, false, "缺席有正当理由"); err != nil {
		t.Fatal(err)
	}
	if err := clerk.SetEvaluation(team, "P03", "称职", "补充说明后改定"); err != nil {
		t.Fatal(err)
	}
	if err := leader.ConfirmEvaluations(sheetOf(t, leader, team), nil, true); err != nil {
		t.Fatal(err)
	}
	sheet, _ = clerk.TeamEvaluations(team)
	if sheet.Proposed() != 0 || sheet.Members[1].Grade != "称职" || sheet.Own.State != vocab.EvalConfirmed {
		t.Fatalf("after confirming all: %+v", sheet)
	}
	if r9() != 0 {
		t.Fatal("the latest confirmed grade is 称职, yet R9 hit")
	}
	if err := leader.ConfirmEvaluations(sheetOf(t, leader, team), nil, true); err == nil {
		t.Fatal("confirming nothing gave no message")
	}
	var actions []string
	clerk.DB.Model(&model.AuditEntry{}).Where("entity = ?", "编组记录").Order("id").Pluck("action", &actions)
	if got := strings.Join(actions, " "); got != "鉴定 鉴定确定 鉴定退回 鉴定 鉴定确定" {
		t.Errorf("audit: %s", got)
	}
}

// TestPersonFormGrades: the person form proposes a grade it changes, keeps
// a confirmed one, and refuses to change it.
func TestPersonFormGrades(t *testing.T) {
	clerk, leader, team := yearsWorld(t)
	d, _ := clerk.PersonDetail("P03")
	d.Service[0].Evaluation = "基本称职"
	if err := clerk.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	d, _ = clerk.PersonDetail("P03")
	if d.Service[0].EvalState != vocab.EvalProposed {
		t.Fatalf("service record %+v", d.Service[0])
	}
	if err := leader.ConfirmEvaluations(sheetOf(t, leader, team), nil, false); err != nil {
		t.Fatal(err)
	}
	d, _ = clerk.PersonDetail("P03")
	d.Person.Post = "科员" // other changes keep the confirmed grade
	if err := clerk.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	d, _ = clerk.PersonDetail("P03")
	if d.Service[0].EvalState != vocab.EvalConfirmed || d.Person.Post != "科员" {
		t.Fatalf("after saving: %+v %+v", d.Service[0], d.Person)
	}
	d.Service[0].Evaluation = "优秀"
	var fe *FormErrors
	if err := clerk.SavePerson(d); !errors.As(err, &fe) || !strings.Contains(err.Error(), "已确定") {
		t.Fatalf("a confirmed grade was changed on the form: %v", err)
	}
}

// TestDeclarationHandling: only a 领导 marks a declaration 不予回避, with a
// reason; it then gives no R5 hit, while an empty 处理 binds; the person
// form keeps the decision unless the 事由 changes; each step is audited.
func TestDeclarationHandling(t *testing.T) {
	clerk, leader, _ := yearsWorld(t)
	r5 := func() int {
		hits, err := clerk.CheckPerson("P01", "U02", "", civil.MustParse("2026-03-01"))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, h := range hits {
			if h.Rule == recusal.R5 {
				n++
			}
		}
		return n
	}
	if r5() != 1 {
		t.Fatal("an unhandled declaration gave no R5")
	}
	if err := clerk.HandleDeclaration("P01", "U02", vocab.NotRecused, "已核实"); !denied(err) {
		t.Fatalf("a clerk decided 不予回避: %v", err)
	}
	if err := leader.HandleDeclaration("P01", "U02", vocab.NotRecused, " "); err == nil {
		t.Fatal("不予回避 without a reason")
	}
	if err := leader.HandleDeclaration("P01", "U02", vocab.NotRecused, "配偶已于2024年调离该局"); err != nil {
		t.Fatal(err)
	}
	if r5() != 0 {
		t.Fatal("不予回避 still gave R5")
	}
	d, _ := clerk.PersonDetail("P01")
	if x := d.Declarations[0]; x.Handling != vocab.NotRecused || x.Handler != "李主任" || x.HandlingReason != "配偶已于2024年调离该局" {
		t.Fatalf("declaration %+v", x)
	}
	d.Declarations[0].Handling, d.Declarations[0].Handler = "", "" // a form cannot undo it …
	d.Person.Post = "会计"
	if err := clerk.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	if r5() != 0 {
		t.Fatal("the form undid the 领导's decision")
	}
	d, _ = clerk.PersonDetail("P01")
	d.Declarations[0].Reason = "配偶在该局任出纳" // … but a new 事由 binds again
	if err := clerk.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	if r5() != 1 {
		t.Fatal("a changed 事由 kept the old decision")
	}
	var n int64
	clerk.DB.Model(&model.AuditEntry{}).Where("action = ?", "申报处理").Count(&n)
	if n != 1 {
		t.Errorf("%d 申报处理 entries", n)
	}
}

// TestPersonFormYears: ties and training are saved with the person and
// checked; a change of status is kept with its reason, user and day.
func TestPersonFormYears(t *testing.T) {
	clerk, _, _ := yearsWorld(t)
	d, _ := clerk.PersonDetail("P02")
	d.Ties = []model.Tie{{Name: "赵建国", Relation: vocab.TieSuperior, UnitCode: testworld.Ptr("U02"), IsUnitLeadership: true, EndDate: "2024-01-01"}}
	d.Trainings = []model.Training{{Name: "巡察干部培训", StartDate: "2025-05-01", EndDate: "2025-05-03", Hours: 24}}
	d.Person.Status, d.Person.StatusReason = vocab.StatusSuspended, "借调一年"
	d.Person.JoinedOn, d.Person.RecommendUnitCode = "2021-06-01", testworld.Ptr("U01")
	if err := clerk.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	d, _ = clerk.PersonDetail("P02")
	if len(d.Ties) != 1 || len(d.Trainings) != 1 || d.Person.JoinedOn != "2021-06-01" || *d.Person.RecommendUnitCode != "U01" {
		t.Fatalf("saved: %+v", d)
	}
	if len(d.StatusHistory) != 1 {
		t.Fatalf("history %+v", d.StatusHistory)
	}
	if h := d.StatusHistory[0]; h.Old != vocab.StatusActive || h.New != vocab.StatusSuspended || h.Reason != "借调一年" || h.User != "小王" || h.Source != vocab.ViaForm || h.Date != civil.Today().String() {
		t.Errorf("history row %+v", h)
	}
	d.Person.Post = "副局长" // no change of status, no history
	clerk.SavePerson(d)
	d, _ = clerk.PersonDetail("P02")
	if len(d.StatusHistory) != 1 {
		t.Errorf("history grew without a change: %+v", d.StatusHistory)
	}
	bad := *d
	bad.Ties = []model.Tie{{Name: "乙", Relation: "老乡", TiePerson: "P02"}, {Name: "", Relation: vocab.TieClassmate}}
	bad.Trainings = []model.Training{{Name: "培训", StartDate: "2025-05-03", EndDate: "2025-05-01", Hours: -1}}
	err := clerk.SavePerson(&bad)
	for _, want := range []string{"社会关系第1行 关系", "社会关系第1行 关系人人员编号：不能是本人", "社会关系第2行 姓名：必填",
		"培训记录第1行 结束日期", "培训记录第1行 学时"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("errors %v lack %q", err, want)
		}
	}
	np := &PersonDetail{Person: model.Person{Code: "P09", Name: "新人", HomeCountyCode: "C01", Status: vocab.StatusActive}}
	if err := clerk.AddPerson(np); err != nil {
		t.Fatal(err)
	}
	np, _ = clerk.PersonDetail("P09")
	if len(np.StatusHistory) != 1 || np.StatusHistory[0].Old != "" || np.StatusHistory[0].New != vocab.StatusActive {
		t.Errorf("a new person's history: %+v", np.StatusHistory)
	}
}

// TestTrainingUntrained plants the boundaries of "no training in the last
// N years" (进驻开始 2026-03-01, N = 3).
func TestTrainingUntrained(t *testing.T) {
	ref := civil.MustParse("2026-03-01")
	tr := func(from, to string) snap.Training {
		x := snap.Training{Name: "培训", From: civil.MustParse(from)}
		if to != "" {
			x.To = civil.MustParse(to)
		}
		return x
	}
	on := TrainingSettings{Warn: true, Years: 3}
	cases := []struct {
		name string
		set  TrainingSettings
		ts   []snap.Training
		want string
	}{
		{"恰在3年前结束的培训算", on, []snap.Training{tr("2023-02-20", "2023-03-01")}, ""},
		{"早一天结束不算", on, []snap.Training{tr("2023-02-20", "2023-02-28")}, "最近一次为 2023-02-20"},
		{"无结束日期按开始日期", on, []snap.Training{tr("2023-03-01", "")}, ""},
		{"进驻开始之后的培训不算", on, []snap.Training{tr("2026-03-02", "2026-03-05")}, "无培训记录"},
		{"进驻开始当天开始的培训算", on, []snap.Training{tr("2026-03-01", "2026-03-03")}, ""},
		{"没有培训", on, nil, "未参加培训（近3年）：无培训记录"},
		{"设置关闭不提示", TrainingSettings{Years: 3}, nil, ""},
		{"年限5年", TrainingSettings{Warn: true, Years: 5}, []snap.Training{tr("2021-03-01", "")}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.set.Untrained(&snap.Person{Trainings: tc.ts}, ref)
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTrainingWarning: with the setting on, the assignment warns of an
// untrained person it places; with it off (the default) it does not;
// only a 管理员 changes it.
func TestTrainingWarning(t *testing.T) {
	clerk, _, _ := yearsWorld(t)
	admin := as(clerk, "管理员", vocab.UserAdmin)
	in, _, err := clerk.AssignInstance("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range in.Hits {
		if h.Rule == RuleTraining {
			t.Fatal("a training warning with the setting off")
		}
	}
	if err := clerk.SaveTrainingSettings(TrainingSettings{Warn: true, Years: 3}); !denied(err) {
		t.Fatalf("a clerk changed the setting: %v", err)
	}
	if err := admin.SaveTrainingSettings(TrainingSettings{Warn: true, Years: 0}); err == nil {
		t.Fatal("0 years accepted")
	}
	if err := admin.SaveTrainingSettings(TrainingSettings{Warn: true, Years: 3}); err != nil {
		t.Fatal(err)
	}
	testworld.Plant(t, clerk.DB, &model.Training{PersonCode: "P02", Name: "培训班", StartDate: "2025-01-01"},
		&model.Person{Code: "P04", Name: "丁", HomeCountyCode: "C02", InStaffPool: true, Status: "在库"},
		&model.Training{PersonCode: "P04", Name: "培训班", StartDate: "2022-01-01", EndDate: "2022-01-03"})
	res, err := clerk.Assign("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	placed := map[string]bool{}
	for _, tm := range res.Teams {
		for _, m := range tm.Members {
			placed[m.Person] = true
		}
	}
	warned := map[string]bool{}
	for _, w := range res.Warnings {
		if w.Rule == RuleTraining {
			warned[w.Person] = true
			if !strings.Contains(w.Reason, "未参加培训（近3年）") {
				t.Errorf("warning %+v", w)
			}
		}
	}
	for _, p := range []string{"P01", "P03", "P04"} {
		if placed[p] && !warned[p] {
			t.Errorf("%s placed untrained without a warning", p)
		}
	}
	if warned["P02"] {
		t.Error("trained P02 warned")
	}
	if len(warned) == 0 {
		t.Fatalf("nobody untrained was placed: %+v", res.Teams)
	}
}

// TestRecusalNotices: each member of the saved roster gets their 提示,
// hard hits lifted by an approved override marked, and their declarations
// about the team's units.
func TestRecusalNotices(t *testing.T) {
	clerk, leader, _ := yearsWorld(t)
	testworld.Plant(t, clerk.DB,
		&model.TeamMember{TeamID: 1, PersonCode: "P01", Role: vocab.RoleMember},
		&model.TeamMember{TeamID: 1, PersonCode: "P03", Role: vocab.RoleLeader},
		&model.Tie{PersonCode: "P03", Name: "赵建国", Relation: vocab.TieClassmate},
	)
	// R1 cannot be lifted by default (SPEC §10.3): this office allows it.
	set, err := clerk.RecusalSettings()
	if err != nil {
		t.Fatal(err)
	}
	set.Liftable = map[string]bool{recusal.R1: true}
	b, _ := json.Marshal(set)
	testworld.Plant(t, clerk.DB, &model.Setting{Key: "recusal", Value: string(b)})
	if err := clerk.RequestOverride(1, "P01", recusal.R1, "U02", "熟悉财政业务，组织决定"); err != nil {
		t.Fatal(err)
	}
	ovs, _ := clerk.Overrides(true)
	if err := leader.ApproveOverride(ovs[0].ID, "李主任"); err != nil {
		t.Fatal(err)
	}
	ns, err := clerk.RecusalNotices("2026-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 2 || ns[0].Person != "P03" || ns[1].Person != "P01" {
		t.Fatalf("notices %+v", ns)
	}
	rules := func(n Notice) string {
		var out []string
		for _, h := range n.Hints {
			s := h.Rule
			if h.Overridden {
				s += "（已豁免）"
			}
			out = append(out, s)
		}
		return strings.Join(out, " ")
	}
	// 丙: a 同学 of the 局长 (R8 提示); the 配偶的兄弟姐妹 (R3) is hard, not lifted: not a 提示
	if got := rules(ns[0]); got != "R8" || ns[0].Role != vocab.RoleLeader || len(ns[0].Units) != 1 || ns[0].Units[0].Name != "县财政局" {
		t.Errorf("丙: %s %+v", got, ns[0])
	}
	// 甲: works there (R1, lifted) and declared it (R5, hard: not a 提示)
	if got := rules(ns[1]); got != "R1（已豁免）" || len(ns[1].Declarations) != 1 {
		t.Errorf("甲: %s %+v", got, ns[1])
	}
}
