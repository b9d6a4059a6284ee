package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/assign"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantOwingDB writes people promoted at the boundaries of the default
// rules (every rank, one round within two years), an earlier round two of
// them served in, and a round to come one of them is placed in.
func plantOwingDB(t *testing.T) string {
	t.Helper()
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Term{Code: "T1", StartDate: "2024-01-01", EndDate: "2028-12-31"},
		&model.Round{Code: "2025-1", TermCode: "T1", Number: 1, Name: "第一轮", OnsiteStart: "2025-09-01", OnsiteEnd: "2025-10-01"},
		&model.Round{Code: "2026-2", TermCode: "T1", Number: 2, Name: "第二轮", OnsiteStart: "2026-09-01", OnsiteEnd: "2026-10-01"},
		&model.Team{RoundCode: "2025-1", Name: "第一巡察组", Seq: 1},
		&model.Team{RoundCode: "2026-2", Name: "第一巡察组", Seq: 1},
		&model.TeamUnit{TeamID: 1, RoundCode: "2025-1", UnitCode: "U01"},
		&model.TeamUnit{TeamID: 2, RoundCode: "2026-2", UnitCode: "U01"},
	}
	person := func(code, name, county, rank, promoted string) *model.Person {
		return &model.Person{Code: code, Name: name, HomeCountyCode: county, Rank: rank, PromotedOn: promoted, InStaffPool: true, Status: "在库"}
	}
	rows = append(rows,
		person("P01", "期限当日", "C01", "副科级", "2024-06-01"),     // due 2026-06-01, the day itself: owes
		person("P02", "期限前一日已过", "C01", "副科级", "2024-05-31"),  // due 2026-05-31: no longer owes
		person("P03", "已参加一轮", "C02", "副科级", "2025-03-01"),    // served 2025-1 after it: owes nothing
		person("P04", "提拔前参加", "C02", "四级主任科员", "2025-10-15"), // served 2025-1 before it: owes; placed in 2026-2
		person("P05", "未提拔", "C02", "科员", ""),
		&model.TeamMember{TeamID: 1, PersonCode: "P03", Role: vocab.RoleMember},
		&model.TeamMember{TeamID: 1, PersonCode: "P04", Role: vocab.RoleMember},
		&model.TeamMember{TeamID: 2, PersonCode: "P04", Role: vocab.RoleMember},
	)
	return testworld.File(t, "owing.db", rows...)
}

func TestOwingJSONGolden(t *testing.T) {
	db := plantOwingDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"owing", "--db", db, "--today", "2026-06-01", "--json", out}
	})
	var rep struct {
		Owing []assign.Owing `json:"owing"`
	}
	if err := json.Unmarshal(got, &rep); err != nil {
		t.Fatal(err)
	}
	var who []string
	for _, o := range rep.Owing {
		who = append(who, o.Person)
	}
	if strings.Join(who, ",") != "P01,P04" {
		t.Errorf("owing %v, want P01 (due that day) then P04", who)
	}
	matchGolden(t, "owing.json", got)
}

func TestOwingTextAndWorkbook(t *testing.T) {
	db := plantOwingDB(t)
	out, stderr, code := runCLI(t, "owing", "--db", db, "--today", "2026-06-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"新提拔干部（任何职级）自新提拔日期起 2 年内应参加巡察 1 轮；尚欠轮次 2 人",
		"P01 期限当日（安平县，副科级）2024-06-01 提拔，须于 2026-06-01 前参加巡察，已参加 0 轮，尚欠 1 轮（剩 0 天）",
		"P04 提拔前参加", "已编入 2026-2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	xlsx := filepath.Join(t.TempDir(), "owing.xlsx")
	if _, stderr, code := runCLI(t, "owing", "--db", db, "--today", "2026-06-01", "--xlsx", xlsx); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(assign.SheetOwing)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[3][1] != "P01" || rows[4][1] != "P04" || rows[4][14] != "已编入 2026-2" || rows[2][12] != "截止日期" {
		t.Errorf("workbook rows %q", rows)
	}
	for _, args := range [][]string{{"owing", "--db", db, "--today", "明天"}, {"owing", "--db", db, "多余"}} {
		if _, _, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
