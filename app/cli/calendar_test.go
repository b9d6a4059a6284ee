package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
)

// plantedService opens a new database file name in the test's folder and
// returns its path, the service over it and a check that fails the test
// on an error.
func plantedService(t *testing.T, name string) (string, *app.Service, func(error)) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	svc, err := app.Open(path, "测试")
	if err != nil {
		t.Fatal(err)
	}
	return path, svc, func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// plantCalendarDB writes a small term for `xuncha calendar`: two counties,
// seven units, a term of 2026 with two rounds — the first with every stage
// date entered, the second with only its on-site dates — and one unit
// inspected in both rounds.
func plantCalendarDB(t *testing.T) string {
	t.Helper()
	path, svc, must := plantedService(t, "calendar.db")
	defer svc.Close()
	for _, v := range []any{
		&[]model.County{{Code: "C01", Name: "甲县"}, {Code: "C02", Name: "乙县"}},
		&[]model.Unit{
			{Code: "U0101", Name: "甲县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
			{Code: "U0102", Name: "甲县人民医院", CountyCode: "C01", Category: vocab.CatInstitution},
			{Code: "U0103", Name: "城关镇", CountyCode: "C01", Category: vocab.CatTownship},
			{Code: "U0104", Name: "东关村", CountyCode: "C01", Category: vocab.CatVillage},
			{Code: "U0201", Name: "乙县交通运输局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
			{Code: "U0202", Name: "乙县水务公司", CountyCode: "C02", Category: vocab.CatStateFirm},
			{Code: "U0203", Name: "河口镇", CountyCode: "C02", Category: vocab.CatTownship},
		},
		&[]model.Person{{Code: "P1", Name: "张一", HomeCountyCode: "C02"}, {Code: "P2", Name: "李二", HomeCountyCode: "C01"}},
	} {
		must(svc.DB.Create(v).Error)
	}
	must(svc.SaveTerm(model.Term{Code: "T1", Name: "第十五届", StartDate: "2026-01-01", EndDate: "2026-12-31"}, nil))
	must(svc.SaveRound(model.Round{Code: "2026-1", TermCode: "T1", Name: "2026年第一轮", Type: "常规", Mode: vocab.ModeMixed,
		PrepStart: "2026-02-16", OnsiteStart: "2026-03-02", OnsiteEnd: "2026-03-31", ReportEnd: "2026-04-30",
		FeedbackDate: "2026-05-15", RectifyDue: "2026-07-14", CheckDate: "2026-10-12"}))
	must(svc.SaveRound(model.Round{Code: "2026-2", TermCode: "T1", Name: "2026年第二轮", Type: "专项", Mode: vocab.ModeLocal,
		OnsiteStart: "2026-09-01", OnsiteEnd: "2026-09-30"}))
	t1, _, err := svc.AddTeam("2026-1", "第一巡察组", []string{"U0101", "U0102"})
	must(err)
	_, _, err = svc.AddTeam("2026-1", "第二巡察组", []string{"U0201"})
	must(err)
	_, _, err = svc.AddTeam("2026-2", "第一巡察组", []string{"U0103", "U0102"})
	must(err)
	must(svc.DB.Create(&[]model.TeamMember{{TeamID: t1.ID, PersonCode: "P1", Role: vocab.RoleLeader}, {TeamID: t1.ID, PersonCode: "P2", Role: vocab.RoleDeputy}}).Error)
	return path
}

func TestCalendarJSONGolden(t *testing.T) {
	db := plantCalendarDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"calendar", "--db", db, "--term", "T1", "--today", "2026-06-01", "--json", out}
	})
	matchGolden(t, "calendar_term.json", got)
}

func TestCalendarCommand(t *testing.T) {
	db := plantCalendarDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
		code int
		has  string // in stdout (exit 0) or stderr
	}{
		{"文字摘要，默认今天所在届期", []string{"--today", "2026-06-01"}, 0, "进度预警"},
		{"届期计划xlsx", []string{"--today", "2026-06-01", "--xlsx", filepath.Join(dir, "plan.xlsx")}, 0, "已写入"},
		{"轮次日程xlsx", []string{"--round", "2026-1", "--xlsx", filepath.Join(dir, "round.xlsx")}, 0, "已写入"},
		{"日期格式错误", []string{"--today", "2026/06/01"}, 2, "--today"},
		{"round 未配 xlsx", []string{"--round", "2026-1"}, 2, "--xlsx"},
		{"届期不存在", []string{"--term", "T9"}, 1, "届期 T9 不存在"},
		{"轮次不存在", []string{"--round", "2026-9", "--xlsx", filepath.Join(dir, "x.xlsx")}, 1, "轮次 2026-9 不存在"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, append([]string{"calendar", "--db", db}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s%s", code, c.code, out, errs)
			}
			if got := out + errs; !strings.Contains(got, c.has) {
				t.Errorf("output lacks %q:\n%s", c.has, got)
			}
		})
	}
}

// plantCityCalendarDB writes a term with the city's part (SPEC §8): a
// 市本级 beside two counties, units with 领域 and 重点等级, a 常规 round
// inspecting 甲县财政局 twice over two rounds (flagged) and a 回头看 after
// it (not flagged), a city 上下联动 round linked with a county round whose
// on-site period it misses, a 巡审联动 round with its requirement, and a
// plan with a passed year and an A-grade unit left out.
func plantCityCalendarDB(t *testing.T) string {
	t.Helper()
	path, svc, must := plantedService(t, "city.db")
	defer svc.Close()
	for _, v := range []any{
		&[]model.County{{Code: "C00", Name: "清江市本级", Level: vocab.LevelCity}, {Code: "C01", Name: "甲县"}, {Code: "C02", Name: "乙县"}},
		&[]model.Unit{
			{Code: "U0001", Name: "市教育局", CountyCode: "C00", Category: vocab.CatCountyOrgan, Sectors: "教育", Priority: "A"},
			{Code: "U0002", Name: "市审计局", CountyCode: "C00", Category: vocab.CatCountyOrgan, Sectors: "财政金融", Priority: "B"},
			{Code: "U0101", Name: "甲县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan, Sectors: "财政金融", Priority: "A"},
			{Code: "U0102", Name: "甲县教育局", CountyCode: "C01", Category: vocab.CatCountyOrgan, Sectors: "教育", Priority: "B"},
			{Code: "U0103", Name: "甲县第一中学", CountyCode: "C01", Category: vocab.CatInstitution, Sectors: "教育"},
			{Code: "U0201", Name: "乙县教育局", CountyCode: "C02", Category: vocab.CatCountyOrgan, Sectors: "教育", Priority: "B"},
			{Code: "U0202", Name: "乙县水务公司", CountyCode: "C02", Category: vocab.CatStateFirm, Sectors: "水利、国资国企", Priority: "A"},
			{Code: "U0203", Name: "乙县城投公司", CountyCode: "C02", Category: vocab.CatStateFirm, Sectors: "住房城建、国资国企", Priority: "A"},
		},
	} {
		must(svc.DB.Create(v).Error)
	}
	must(svc.SaveTerm(model.Term{Code: "T1", Name: "第十五届", StartDate: "2025-01-01", EndDate: "2027-12-31"}, nil))
	for _, r := range []model.Round{
		{Code: "2025-1", TermCode: "T1", Name: "2025年第一轮", Type: vocab.KindRegular, Level: vocab.LevelOwn, Mode: vocab.ModeLocal,
			OnsiteStart: "2025-03-03", OnsiteEnd: "2025-04-01"},
		{Code: "2025-2", TermCode: "T1", Name: "2025年第二轮（回头看）", Type: vocab.KindReview, Level: vocab.LevelOwn, Mode: vocab.ModeLocal,
			OnsiteStart: "2025-09-01", OnsiteEnd: "2025-09-20"},
		{Code: "2026-1", TermCode: "T1", Name: "2026年第一轮", Type: vocab.KindRegular, Level: vocab.LevelCross, Mode: vocab.ModeMixed,
			OnsiteStart: "2026-03-02", OnsiteEnd: "2026-03-31"},
		{Code: "2026-C", TermCode: "T1", Name: "2026年市委上下联动巡察（教育）", Type: vocab.KindSpecial, Level: vocab.LevelLinked,
			Mode: vocab.ModeMixed, OnsiteStart: "2026-04-07", OnsiteEnd: "2026-05-06", Links: "2026-1"},
		{Code: "2026-A", TermCode: "T1", Name: "2026年巡审联动巡察", Type: vocab.KindRegular, Level: vocab.LevelAudit,
			Mode: vocab.ModeMixed, OnsiteStart: "2026-09-01", OnsiteEnd: "2026-09-30", JointUnits: "U0002", JointCategories: "国有企业"},
	} {
		must(svc.SaveRound(r))
	}
	for _, tm := range []struct {
		round, name string
		units       []string
	}{
		{"2025-1", "第一巡察组", []string{"U0101"}},
		{"2025-2", "第一巡察组", []string{"U0101"}},
		{"2026-1", "第一巡察组", []string{"U0101", "U0102"}},
		{"2026-1", "第二巡察组", []string{"U0201"}},
		{"2026-C", "第一巡察组", []string{"U0001"}},
		{"2026-A", "第一巡察组", []string{"U0202"}},
	} {
		_, _, err := svc.AddTeam(tm.round, tm.name, tm.units)
		must(err)
	}
	must(svc.SavePlan("T1", []app.PlanEdit{
		{Unit: "U0101", Year: 2025, RoundNo: 1}, {Unit: "U0102", Year: 2026}, {Unit: "U0103", Year: 2025, Note: "推迟"},
		{Unit: "U0201", Year: 2026}, {Unit: "U0202", Year: 2026, RoundNo: 3}, {Unit: "U0001", Year: 2026},
	}))
	return path
}

// calendar --json with the city's part: the round kinds, the links and
// the warning of their on-site periods, the repeat of two 常规 (and not of
// the 回头看), coverage per 领域 and the 板块 view, the plan's years and
// warnings.
func TestCalendarCityJSONGolden(t *testing.T) {
	db := plantCityCalendarDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"calendar", "--db", db, "--term", "T1", "--today", "2026-06-01", "--json", out}
	})
	matchGolden(t, "calendar_city.json", got)
	for _, want := range []string{`"kind": "联动轮次进驻不重叠"`, `"kind": "届期内重复巡察"`, `"sector": "教育"`,
		`"kind": "计划年度已过未巡察"`, `"kind": "A级单位未列入计划"`, `"level": "上下联动"`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the report lacks %s", want)
		}
	}
	out, errs, code := runCLI(t, "calendar", "--db", db, "--term", "T1", "--today", "2026-06-01")
	if code != 0 || !strings.Contains(out, "上下联动（1 组）") || !strings.Contains(out, "按领域") || !strings.Contains(out, "巡察规划：已列入 6 个单位") {
		t.Errorf("summary (%d):\n%s%s", code, out, errs)
	}
}
