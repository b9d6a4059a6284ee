package cli

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/ledger"
	"xuncha/app/workbook"
)

// plantLedgerDB imports the ledger workbook of testdata/ledger (one CSV per
// sheet, as an office would fill them) into a new database.
func plantLedgerDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ledger.db")
	files, err := filepath.Glob(filepath.Join("testdata", "ledger", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatal("no ledger workbook", err)
	}
	sort.Strings(files)
	args := append([]string{"import", "--db", db}, files...)
	if out, stderr, code := runCLI(t, args...); code != 0 {
		t.Fatalf("import: exit %d: %s %s", code, out, stderr)
	}
	return db
}

// `xuncha ledger --json` of the planted workbook on 2026-06-01 is the
// golden file, byte for byte, twice.
func TestLedgerJSONGolden(t *testing.T) {
	db := plantLedgerDB(t)
	got := sameTwice(t, func(out string) []string {
		return []string{"ledger", "--db", db, "--today", "2026-06-01", "--json", out}
	})
	matchGolden(t, "ledger_2026-06-01.json", got)

	var rep ledger.Report
	if err := json.Unmarshal(got, &rep); err != nil {
		t.Fatal(err)
	}
	// The planted rules, read back from the JSON.
	byRound := map[string]ledger.RoundFigure{}
	for _, r := range rep.Rounds {
		byRound[r.Round] = r
	}
	r := byRound["R2026-1"]
	if r.Items != 8 || r.Done != 1 || r.Closed != 1 || r.Overdue != 2 || r.DueSoon != 3 || r.Rate != 0.25 ||
		r.Findings != 2 || r.OnTheSpot != 1 || r.Clues != 3 || r.CluesOverdue != 1 || len(r.Units) != 4 {
		t.Errorf("R2026-1 = %+v", r)
	}
	old := byRound["R2025-2"]
	for _, u := range old.Units {
		switch u.Unit {
		case "U0201": // round 反馈 2025-12-31 → 2026-02-28; the team's report came 2026-03-02
			if u.ReportDue != "2026-02-28" || u.ReportReceived != "2026-03-02" || u.ReportOverdue {
				t.Errorf("U0201 = %+v", u)
			}
		case "U0202": // the team's own 反馈 2025-08-31 → 2025-10-31, none received
			if u.ReportDue != "2025-10-31" || u.ReportReceived != "" || !u.ReportOverdue {
				t.Errorf("U0202 = %+v", u)
			}
		}
	}
	// X0004: no 反馈时限, 移交 2025-11-30 + 3 months = 2026-02-28.
	found := false
	for _, o := range rep.Overdue {
		if o.Code == "X0004" {
			found = o.Due == "2026-02-28" && o.Days == 93
		}
	}
	if !found {
		t.Errorf("X0004 not overdue from 2026-02-28: %+v", rep.Overdue)
	}
	if nf := byRound["R2026-2"]; len(nf.Units) != 1 || nf.Units[0].ReportDue != "" || nf.Items != 0 {
		t.Errorf("R2026-2 (no 反馈 yet) = %+v", nf)
	}
}

func TestLedgerOneRoundAndErrors(t *testing.T) {
	db := plantLedgerDB(t)
	out, stderr, code := runCLI(t, "ledger", "--db", db, "--round", "R2025-2", "--today", "2026-06-01", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep ledger.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Rounds) != 1 || rep.Rounds[0].Round != "R2025-2" {
		t.Errorf("--round: %+v", rep.Rounds)
	}
	for _, o := range rep.Overdue {
		if o.Code == "Z0001" {
			t.Errorf("an item of another round listed: %+v", o)
		}
	}
	if _, stderr, code := runCLI(t, "ledger", "--db", db, "--round", "R9"); code != 1 || !strings.Contains(stderr, "R9") {
		t.Errorf("unknown round: exit %d, %s", code, stderr)
	}
	if _, _, code := runCLI(t, "ledger", "--db", db, "--today", "2026-02-30"); code != 2 {
		t.Errorf("bad --today: exit %d, want 2", code)
	}
	out, _, code = runCLI(t, "ledger", "--db", db, "--today", "2026-06-01")
	if code != 0 || !strings.Contains(out, "R2026-1") || !strings.Contains(out, "逾期（") {
		t.Errorf("summary: exit %d\n%s", code, out)
	}
}

// 线索管理: a 经办人 without the right gets the clue counts of the ledger
// but no clue in its overdue list; once a 管理员 grants it (xuncha user
// grant --clue), the clue rows appear; revoked, they go again. A 领导 may
// read the ledger too.
func TestLedgerClueRight(t *testing.T) {
	db := plantLedgerDB(t)
	t.Setenv(NewPasswordEnv, "admin-pass-1")
	mustRun(t, "user", "add", "--db", db, "--name", "王主任", "--role", "管理员")
	t.Setenv(PasswordEnv, "admin-pass-1")
	for _, u := range [][2]string{{"小李", "经办人"}, {"张书记", "领导"}} {
		t.Setenv(NewPasswordEnv, u[0]+"-pass-1")
		mustRun(t, "user", "add", "--db", db, "--user", "王主任", "--name", u[0], "--role", u[1])
	}
	clueRows := func(user string) (rows, counted int) {
		t.Helper()
		t.Setenv(PasswordEnv, user+"-pass-1")
		if user == "王主任" {
			t.Setenv(PasswordEnv, "admin-pass-1")
		}
		var rep ledger.Report
		if err := json.Unmarshal([]byte(mustRun(t, "ledger", "--db", db, "--user", user, "--today", "2026-06-01", "--json", "-")), &rep); err != nil {
			t.Fatal(err)
		}
		for _, o := range rep.Overdue {
			if o.Kind == ledger.KindClue {
				rows++
			}
		}
		for _, r := range rep.Rounds {
			counted += r.CluesOverdue
		}
		return
	}
	if rows, n := clueRows("小李"); rows != 0 || n != 2 {
		t.Errorf("clerk without 线索管理: %d clue rows, %d counted; want 0 and 2", rows, n)
	}
	if rows, _ := clueRows("王主任"); rows != 2 {
		t.Errorf("管理员: %d clue rows, want 2", rows)
	}
	if rows, n := clueRows("张书记"); rows != 0 || n != 2 {
		t.Errorf("领导 without 线索管理: %d rows, %d counted", rows, n)
	}
	t.Setenv(PasswordEnv, "小李-pass-1")
	if _, _, code := runCLI(t, "user", "grant", "--db", db, "--user", "小李", "--name", "小李", "--clue"); code == 0 {
		t.Error("a clerk granted themselves 线索管理")
	}
	t.Setenv(PasswordEnv, "admin-pass-1")
	mustRun(t, "user", "grant", "--db", db, "--user", "王主任", "--name", "小李", "--clue")
	if out := mustRun(t, "user", "list", "--db", db, "--user", "王主任"); !strings.Contains(out, "线索管理") {
		t.Errorf("user list does not show the right:\n%s", out)
	}
	if rows, _ := clueRows("小李"); rows != 2 {
		t.Errorf("clerk granted 线索管理: %d clue rows, want 2", rows)
	}
	t.Setenv(PasswordEnv, "admin-pass-1")
	mustRun(t, "user", "revoke", "--db", db, "--user", "王主任", "--name", "小李", "--clue")
	if rows, _ := clueRows("小李"); rows != 0 {
		t.Errorf("after revoke: %d clue rows", rows)
	}
	if _, _, code := runCLI(t, "user", "grant", "--db", db, "--user", "王主任", "--name", "小李"); code != 2 {
		t.Errorf("grant without --clue: exit %d, want 2", code)
	}
}

// The unit's round trip from the command line: export, a unit that writes
// into 审核结果 is refused (exit 1, the cell named), a good file previews
// and imports.
func TestUnitBookCommands(t *testing.T) {
	db := plantLedgerDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "U0102.xlsx")
	if out := mustRun(t, "unitbook", "export", "--db", db, "--round", "R2026-1", "--unit", "U0102", file); !strings.Contains(out, "4 条") {
		t.Errorf("export: %s", out)
	}
	out, _, code := runCLI(t, "unitbook", "import", "--db", db, "--preview", file)
	if code != 0 || !strings.Contains(out, "变更 0 处") {
		t.Errorf("unchanged file: exit %d %s", code, out)
	}
	if _, _, code := runCLI(t, "unitbook", "export", "--db", db, "--round", "R2026-1", file); code != 2 {
		t.Errorf("export without --unit: exit %d", code)
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f.UnprotectSheet(workbook.UnitSheet)
	f.SetCellStr(workbook.UnitSheet, "K4", "通过") // 审核结果 of Z0006
	f.SetCellStr(workbook.UnitSheet, "J5", "已联系供应商")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, stderr, code := runCLI(t, "unitbook", "import", "--db", db, file)
	if code != 1 || !strings.Contains(stderr, "单位整改填报 第4行 审核结果") {
		t.Errorf("a file setting 审核结果: exit %d\n%s", code, stderr)
	}
	f, _ = excelize.OpenFile(file)
	f.SetCellStr(workbook.UnitSheet, "K4", "")
	f.Save()
	f.Close()
	out, stderr, code = runCLI(t, "unitbook", "import", "--db", db, file)
	if code != 0 || !strings.Contains(out, "已导入 1 处变更") {
		t.Errorf("good file: exit %d\n%s%s", code, out, stderr)
	}
}
