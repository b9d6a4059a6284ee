package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
)

// plantCalendarDB writes a small term for `xuncha calendar`: two counties,
// seven units, a term of 2026 with two rounds — the first with every stage
// date entered, the second with only its on-site dates — and one unit
// inspected in both rounds.
func plantCalendarDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "calendar.db")
	svc, err := app.Open(path, "测试")
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
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
