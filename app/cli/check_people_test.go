package cli

import (
	"testing"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantPeopleCheckDB is a round of one team inspecting 安平镇 (its 党委书记
// 孙立), with people who hit R8 and R9 and some who just miss them:
//
//	P01 曾上下级 of 孙立, ended 2023-03-01 (N = 3 before 进驻 2026-03-01): R8 回避
//	P02 曾上下级 of 孙立, ended 2023-02-28: nothing
//	P03 同学 of 孙立 (by ID number), ended 1990: R8 提示
//	P04 不称职 confirmed in 2025-1: R9 回避 for 组长, 副组长
//	P05 基本称职 confirmed: R9 提示; P06 不称职 only proposed: nothing
//	P07 a declaration marked 不予回避: nothing; P08 one with an empty 处理: R5
func plantPeopleCheckDB(t *testing.T) string {
	t.Helper()
	person := func(code, name string) *model.Person {
		return &model.Person{Code: code, Name: name, HomeCountyCode: "C02", InStaffPool: true, Status: "在库"}
	}
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.UnitLeader{UnitCode: "U01", Name: "孙立", Post: "党委书记", IDNumber: "130101197002020033"},
		person("P01", "甲"), person("P02", "乙"), person("P03", "丙"), person("P04", "丁"),
		person("P05", "戊"), person("P06", "己"), person("P07", "庚"), person("P08", "辛"),
		&model.Tie{PersonCode: "P01", Name: "孙立", Relation: vocab.TieSuperior, EndDate: "2023-03-01"},
		&model.Tie{PersonCode: "P02", Name: "孙立", Relation: vocab.TieSuperior, EndDate: "2023-02-28"},
		&model.Tie{PersonCode: "P03", Name: "孙力", Relation: vocab.TieClassmate, IDNumber: "130101197002020033", EndDate: "1990-07-01"},
		&model.Declaration{PersonCode: "P07", UnitCode: "U01", Reason: "曾在该镇挂职", Handling: vocab.NotRecused, Handler: "李主任", HandlingReason: "挂职已满五年"},
		&model.Declaration{PersonCode: "P08", UnitCode: "U01", Reason: "配偶在该镇工作", Source: vocab.DeclReview},
		&model.Term{Code: "T1", StartDate: "2024-01-01", EndDate: "2028-12-31"},
		&model.Round{Code: "2025-1", TermCode: "T1", Number: 1, Name: "上一轮", Mode: vocab.ModeMixed, OnsiteStart: "2025-03-01", OnsiteEnd: "2025-04-01"},
		&model.Round{Code: "2026-1", TermCode: "T1", Number: 2, Name: "本轮", Mode: vocab.ModeLocal, OnsiteStart: "2026-03-01", OnsiteEnd: "2026-04-01"},
		&model.Team{RoundCode: "2025-1", Name: "第一巡察组", Seq: 1},
		&model.Team{RoundCode: "2026-1", Name: "第一巡察组", Seq: 1},
		&model.TeamUnit{TeamID: 2, RoundCode: "2026-1", UnitCode: "U01"},
		&model.TeamMember{TeamID: 1, PersonCode: "P04", Role: vocab.RoleMember, Evaluation: "不称职", EvalState: vocab.EvalConfirmed},
		&model.TeamMember{TeamID: 1, PersonCode: "P05", Role: vocab.RoleMember, Evaluation: "基本称职", EvalState: vocab.EvalConfirmed},
		&model.TeamMember{TeamID: 1, PersonCode: "P06", Role: vocab.RoleMember, Evaluation: "不称职", EvalState: vocab.EvalProposed},
	}
	return testworld.File(t, "people.db", rows...)
}

// TestCheckRoundPeopleGolden: `check --round --json` writes the R8 and R9
// hits (R9 with its roles and no unit), byte-stable.
func TestCheckRoundPeopleGolden(t *testing.T) {
	db := plantPeopleCheckDB(t)
	got := sameTwice(t, func(out string) []string { return []string{"check", "--db", db, "--round", "2026-1", "--json", out} })
	matchGolden(t, "check_round_people.json", got)
}
