package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantAssignDB writes a small round for `xuncha assign`: two teams in
// 安平县 and people of 安平县 (for the local roles) and of two other
// counties, so that the county cap (2 per county) leaves one slot of each
// team empty.
func plantAssignDB(t *testing.T) string {
	t.Helper()
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"}, &model.County{Code: "C03", Name: "临河县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U02", Name: "县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "2026-1", TermCode: "T1", Number: 1, Name: "第一轮", Mode: vocab.ModeMixed, OnsiteStart: "2026-03-01", OnsiteEnd: "2026-04-01"},
		&model.Team{RoundCode: "2026-1", Name: "第一巡察组", Seq: 1},
		&model.Team{RoundCode: "2026-1", Name: "第二巡察组", Seq: 2},
		&model.TeamUnit{TeamID: 1, RoundCode: "2026-1", UnitCode: "U01"},
		&model.TeamUnit{TeamID: 2, RoundCode: "2026-1", UnitCode: "U02"},
	}
	for i := range 4 { // locals: deputies and full-time staff
		rows = append(rows, &model.Person{Code: fmt.Sprintf("P1%02d", i), Name: fmt.Sprintf("本地%d", i), HomeCountyCode: "C01",
			InStaffPool: true, FullTime: i%2 == 0, Status: "在库"})
	}
	for c, county := range []string{"C02", "C03"} {
		for i := range 6 {
			p := &model.Person{Code: fmt.Sprintf("P%d%02d", c+2, i), Name: fmt.Sprintf("外县%d-%d", c+2, i), HomeCountyCode: county,
				InStaffPool: true, InLeaderPool: i == 0, Status: "在库"}
			if i == 1 {
				p.Skills = "财务"
			}
			rows = append(rows, p)
		}
	}
	// 外县2-2 worked in 县财政局 until last year: R2 keeps them off 第二巡察组
	rows = append(rows, &model.WorkHistory{PersonCode: "P202", UnitCode: "U02", StartDate: "2018-01-01", EndDate: "2025-06-30"})
	return testworld.File(t, "assign.db", rows...)
}

func TestAssignJSONGolden(t *testing.T) {
	db := plantAssignDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"assign", "--db", db, "--round", "2026-1", "--seed", "12345", "--json", out}
	})
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range doc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"mode", "objective", "round", "seed", "teams", "unfilled", "warnings"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	matchGolden(t, "assign_round.json", got)
}

func TestAssignSummaryAndSave(t *testing.T) {
	db := plantAssignDB(t)
	out, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--save")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"共 14 个名额，已编入 12 个", "已证明无法编入更多", "同一县区上限", "已保存为轮次 2026-1 的编组记录"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	sdb, err := model.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(sdb)
	var n, audits int64
	sdb.Model(&model.TeamMember{}).Count(&n)
	sdb.Model(&model.AuditEntry{}).Where("action = ?", "编组").Count(&audits)
	if n != 12 || audits != 1 {
		t.Errorf("saved %d members with %d audit entries, want 12 and 1", n, audits)
	}
}

func TestAssignUsage(t *testing.T) {
	for _, args := range [][]string{
		{"assign", "--db", "x.db"},
		{"assign", "--round", "R", "--draw", "123"},
		{"assign", "--round", "R", "--record", "r.json"},
	} {
		if _, _, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	db := plantAssignDB(t)
	if _, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--mode", "随便"); code != 1 || !strings.Contains(stderr, "编组方式") {
		t.Errorf("bad mode: exit %d, %s", code, stderr)
	}
}

func TestDrawAndVerify(t *testing.T) {
	db := plantAssignDB(t)
	rec := filepath.Join(t.TempDir(), "record.json")
	if _, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--draw", "现场宣读 58213", "--record", rec); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out, stderr, code := runCLI(t, "draw-verify", rec)
	if code != 0 || !strings.Contains(out, "抽取记录一致") {
		t.Fatalf("verify: exit %d\n%s%s", code, out, stderr)
	}
	b, _ := os.ReadFile(rec)
	tampered := strings.Replace(string(b), `"witness": "现场宣读 58213"`, `"witness": "现场宣读 58214"`, 1)
	os.WriteFile(rec, []byte(tampered), 0o644)
	if _, stderr, code := runCLI(t, "draw-verify", rec); code != 1 || !strings.Contains(stderr, "不一致") {
		t.Fatalf("tampered record: exit %d, %s", code, stderr)
	}
}

func TestAssignSuggest(t *testing.T) {
	db := plantAssignDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"assign", "--db", db, "--round", "2026-1", "--seed", "12345", "--suggest", "第一巡察组/成员/P305", "--json", out}
	})
	matchGolden(t, "assign_suggest.json", got)
	out, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--seed", "12345", "--suggest", "第二巡察组/成员")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// the county cap keeps everyone left off the empty slot
	for _, want := range []string{"候选替换：第二巡察组 成员（空缺；按自动编组）", "没有可担任的人员", "不能担任的 4 人：所在县区在本组已达上限 3 人，R2 曾任职回避 1 人"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = runCLI(t, "assign", "--db", db, "--round", "2026-1", "--seed", "12345", "--suggest", "第一巡察组/成员/P305")
	if !strings.Contains(out, "1. P302 外县3-2（临河县）：排序第一") { // the county by name, as on the screen
		t.Errorf("a filled slot's candidates:\n%s", out)
	}
	// saved, the roster is the saved one
	if _, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--seed", "12345", "--save"); code != 0 {
		t.Fatalf("save: %s", stderr)
	}
	out, _, _ = runCLI(t, "assign", "--db", db, "--round", "2026-1", "--suggest", "第一巡察组/组长")
	if !strings.Contains(out, "候选替换：第一巡察组 组长（替换 P200；按已保存的编组") || !strings.Contains(out, "不能担任的 4 人：不符合人员库条件 4 人") {
		t.Errorf("after saving:\n%s", out)
	}
	if _, stderr, code := runCLI(t, "assign", "--db", db, "--round", "2026-1", "--suggest", "第一巡察组/成员/P999"); code != 1 || !strings.Contains(stderr, "P999 不是第一巡察组的成员") {
		t.Errorf("a member not on the team: exit %d %s", code, stderr)
	}
	for _, args := range [][]string{
		{"assign", "--db", db, "--round", "2026-1", "--suggest", "第一巡察组"},
		{"assign", "--db", db, "--round", "2026-1", "--suggest", "第一巡察组/成员", "--save"},
	} {
		if _, _, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
