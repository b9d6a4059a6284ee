package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantCheckDB writes a small planted database for `xuncha check`: one
// round of two teams in 安平县, and people who hit each rule R1–R5 (R2 in
// both its clauses, R3b, R4b), one on 暂停, one with an approved override.
func plantCheckDB(t *testing.T) string {
	t.Helper()
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U0101", Name: "东村", CountyCode: "C01", Category: vocab.CatVillage, ParentCode: testworld.Ptr("U01")},
		&model.Unit{Code: "U02", Name: "县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.Unit{Code: "U10", Name: "平山镇", CountyCode: "C02", Category: vocab.CatTownship},
		&model.UnitLeader{UnitCode: "U01", Name: "孙立", Post: "党委书记", IDNumber: "130101197002020033"},
		&model.UnitLeader{UnitCode: "U02", Name: "赵建国", Post: "局长"},
		// R1: works in the village under the township.
		&model.Person{Code: "P01", Name: "甲", HomeCountyCode: "C02", CurrentUnitCode: testworld.Ptr("U0101"), InStaffPool: true, Status: "在库"},
		// R4 (and R4b by county name).
		&model.Person{Code: "P02", Name: "乙", HomeCountyCode: "C01", NativePlace: "安平县", InLeaderPool: true, Status: "在库"},
		// R2: left the bureau within 3 years; R2 long-stint: the township 2008–2014.
		&model.Person{Code: "P03", Name: "丙", HomeCountyCode: "C02", InLeaderPool: true, Status: "在库"},
		&model.WorkHistory{PersonCode: "P03", UnitCode: "U02", StartDate: "2020-01-01", EndDate: "2023-03-01"},
		&model.WorkHistory{PersonCode: "P03", UnitCode: "U01", StartDate: "2008-01-01", EndDate: "2014-06-30"},
		// R3 by ID with another spelling; R3b; 其他 ignored.
		&model.Person{Code: "P04", Name: "丁", HomeCountyCode: "C02", InExpertPool: true, Status: "在库"},
		&model.Relative{PersonCode: "P04", Name: "孙丽", Relation: "配偶的兄弟姐妹的配偶", IDNumber: "130101197002020033"},
		&model.Relative{PersonCode: "P04", Name: "钱七", Relation: "子女", UnitCode: testworld.Ptr("U02"), Post: "科员"},
		&model.Relative{PersonCode: "P04", Name: "赵建国", Relation: "其他"},
		// R4b by code; R5 declared.
		&model.Person{Code: "P05", Name: "戊", HomeCountyCode: "C02", NativePlace: "C01", InStaffPool: true, Status: "在库"},
		&model.Declaration{PersonCode: "P05", UnitCode: "U02", Reason: "曾参与该局 2024 年度预算审核"},
		// On 暂停: never in the report.
		&model.Person{Code: "P06", Name: "己", HomeCountyCode: "C01", CurrentUnitCode: testworld.Ptr("U02"), InStaffPool: true, Status: "暂停"},
		&model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "2026-1", TermCode: "T1", Number: 1, Name: "第一轮", Mode: vocab.ModeMixed, OnsiteStart: "2026-03-01", OnsiteEnd: "2026-04-01"},
		&model.Team{RoundCode: "2026-1", Name: "第一巡察组", Seq: 1},
		&model.Team{RoundCode: "2026-1", Name: "第二巡察组", Seq: 2},
		&model.TeamUnit{TeamID: 1, RoundCode: "2026-1", UnitCode: "U01"},
		&model.TeamUnit{TeamID: 1, RoundCode: "2026-1", UnitCode: "U0101"},
		&model.TeamUnit{TeamID: 2, RoundCode: "2026-1", UnitCode: "U02"},
		&model.Override{TeamID: 2, PersonCode: "P03", Rule: "R2", UnitCode: "U02", Reason: "已调离满三年差一天",
			EnteredBy: "小王", EnteredAt: "2026-02-01 09:00:00", Approver: "李主任", ApprovedAt: "2026-02-02 10:00:00"},
	}
	return testworld.File(t, "check.db", rows...)
}

func TestCheckRoundJSONGolden(t *testing.T) {
	db := plantCheckDB(t)
	got := sameTwice(t, func(out string) []string { return []string{"check", "--db", db, "--round", "2026-1", "--json", out} })
	matchGolden(t, "check_round.json", got)
}

// TestCheckRoundFocusKeepsJSON: with --focus the JSON still holds every
// hit (the golden file), while stdout lists the focused view.
func TestCheckRoundFocusKeepsJSON(t *testing.T) {
	db := plantCheckDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"check", "--db", db, "--round", "2026-1", "--json", out, "--focus"}
	})
	matchGolden(t, "check_round.json", got)
	stdout, _, code := runCLI(t, "check", "--db", db, "--round", "2026-1", "--json", filepath.Join(t.TempDir(), "h.json"), "--focus")
	if code != 0 || !strings.Contains(stdout, "已写出") || !strings.Contains(stdout, "【排除候选】") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
}

func TestCheckCommand(t *testing.T) {
	db := plantCheckDB(t)
	cases := []checkCase{
		{"村干部对镇回避", []string{"--person", "P01", "--unit", "U01", "--date", "2026-03-01"}, 0,
			[]string{"R1 现任职 [回避] 现工作单位 东村，是被巡察单位 安平镇 的下级单位"}},
		{"本县人员任副组长只有籍贯提示", []string{"--person", "P02", "--unit", "U02", "--role", "副组长", "--date", "2026-03-01"}, 0,
			[]string{"R4b 籍贯 [提示]"}},
		{"本县副组长无回避", []string{"--person", "P05", "--unit", "U10", "--role", "副组长", "--date", "2026-03-01"}, 0, []string{"无回避"}},
		{"轮次汇总", []string{"--round", "2026-1"}, 0,
			[]string{"轮次 2026-1 第一轮", "R2   曾任职", "其中已豁免 1 条", "R5   申报"}},
		{"轮次重点", []string{"--round", "2026-1", "--focus"}, 0,
			[]string{"重点：已编入 0 条，排除候选 ", "【排除候选】\n  第一巡察组  甲（P01）  R1 现任职 [回避]  U01 安平镇",
				"第一巡察组  丙（P03）  R2 曾任职 [回避]  U01 安平镇", "【其他】",
				"第一巡察组、第二巡察组  乙（P02）  R4 地域 [回避]  U01 安平镇 等 3 条",
				"第二巡察组  丙（P03）  R2 曾任职 [回避]  U02 县财政局  2020-01 至 2023-03 在 县财政局 工作，距进驻不足3年（已豁免）"}},
		{"重点只用于整轮", []string{"--person", "P01", "--unit", "U01", "--focus"}, 2, []string{"--focus 只用于 --round"}},
		{"缺少单位", []string{"--person", "P01"}, 2, []string{"需要 --person 和 --unit"}},
		{"日期格式错误", []string{"--person", "P01", "--unit", "U01", "--date", "2026年3月"}, 2, []string{"--date"}},
		{"未知轮次", []string{"--round", "2099-9"}, 1, []string{"轮次 2099-9 未找到"}},
	}
	runCheckCases(t, db, cases)
}

// TestCheckTeamCommand checks one person against one team of a round,
// with the team's units and its reference date: the check the person
// form's 回避检查 makes.
func TestCheckTeamCommand(t *testing.T) {
	db := plantCheckDB(t)
	cases := []checkCase{
		{"村干部对第一巡察组回避", []string{"--person", "P01", "--round", "2026-1", "--team", "第一巡察组", "--date", "2026-03-01"}, 0,
			[]string{"R1 现任职 [回避] 现工作单位 东村"}},
		{"已豁免的曾任职", []string{"--person", "P03", "--round", "2026-1", "--team", "第二巡察组", "--date", "2026-03-01"}, 0,
			[]string{"R2 曾任职 [回避]", "（已豁免）"}},
		{"本县副组长对外县组无回避", []string{"--person", "P05", "--round", "2026-1", "--team", "第一巡察组", "--role", "副组长", "--date", "2026-03-01"}, 0,
			[]string{"R4b 籍贯 [提示]"}},
		{"巡察组须与轮次同用", []string{"--person", "P01", "--team", "第一巡察组"}, 2, []string{"--team 须与 --person 和 --round 同用"}},
		{"巡察组不与单位同用", []string{"--person", "P01", "--unit", "U01", "--round", "2026-1", "--team", "第一巡察组"}, 2, []string{"不能与 --unit 同用"}},
		{"未知巡察组", []string{"--person", "P01", "--round", "2026-1", "--team", "第九巡察组"}, 1, []string{"第九巡察组 未找到"}},
	}
	runCheckCases(t, db, cases)
}

// checkCase is a run of xuncha check on the planted database: its
// arguments, the exit code, and pieces of stdout (code 0) or stderr.
type checkCase struct {
	name string
	args []string
	code int
	want []string
}

// runCheckCases runs each case as a subtest.
func runCheckCases(t *testing.T, db string, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"check", "--db", db}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			got := stdout
			if code != 0 {
				got = stderr
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
		})
	}
}
