package workbook

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"gorm.io/gorm"

	"xuncha/app/demo"
	"xuncha/model"
)

// notInWorkbook are the tables a workbook does not carry, and why: they
// are not data an office exchanges in the import format.
var notInWorkbook = map[string]string{
	"meta":          "the file's own schema version",
	"settings":      "this installation's settings",
	"users":         "accounts and their password hashes",
	"audit_entries": "the audit log of this file",
	"overrides":     "approvals of a 领导 user, given in the program, not imported from a file",
	"status_changes": "the history of this file's status changes: each import writes its own entries, " +
		"dated the day of the import",
	"team_evaluations": "a team's own 鉴定: no sheet of SPEC §6.1 holds it (data packages carry it)",
}

// dumpTables reads every table a workbook carries, each row as JSON
// without its surrogate id and with a team id replaced by the team's round
// and name, rows sorted: two databases holding the same data dump the
// same, whatever ids they gave their rows.
func dumpTables(t *testing.T, db *gorm.DB) map[string][]string {
	t.Helper()
	var teams []model.Team
	if err := db.Find(&teams).Error; err != nil {
		t.Fatal(err)
	}
	teamKey := map[int64]string{}
	for _, tm := range teams {
		teamKey[int64(tm.ID)] = tm.RoundCode + "/" + tm.Name
	}
	out := map[string][]string{}
	for _, m := range model.All() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			t.Fatal(err)
		}
		table := stmt.Schema.Table
		if _, skip := notInWorkbook[table]; skip {
			continue
		}
		var rows []map[string]any
		if err := db.Table(table).Find(&rows).Error; err != nil {
			t.Fatal(err)
		}
		lines := []string{}
		for _, r := range rows {
			delete(r, "id")
			for _, c := range []string{"version", "changed_by", "changed_at"} { // the stamp: the database's bookkeeping, not data
				delete(r, c)
			}
			if id, ok := r["team_id"]; ok {
				r["team_id"] = teamKey[toInt(id)]
			}
			b, err := json.Marshal(r) // map keys come out sorted
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(b))
		}
		slices.Sort(lines)
		out[table] = lines
	}
	return out
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int:
		return int64(x)
	}
	panic(fmt.Sprintf("id %v (%T)", v, v))
}

// plantFidelity adds to the demo data what it lacks and the workbook must
// still carry: a term's scope, a round numbered out of order, a round whose
// on-site dates are not its teams' span, a team with dates of its own,
// teams numbered with a gap, locked members, a comment.
func plantFidelity(t *testing.T, db *gorm.DB) {
	t.Helper()
	var rounds []model.Round
	db.Order("term_code, number, code").Limit(2).Find(&rounds)
	r, r2 := rounds[0], rounds[1]
	var teams []model.Team
	db.Where("round_code = ?", r.Code).Order("seq").Find(&teams)
	if len(teams) < 2 {
		t.Fatalf("round %s has %d teams", r.Code, len(teams))
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO term_scopes (term_code, county_code, category) VALUES (?, 'C01', ''), (?, '', '国有企业'), (?, 'C02', '村社区')",
			[]any{r.TermCode, r.TermCode, r.TermCode}},
		{"UPDATE rounds SET number = 7, onsite_start = date(onsite_start, '-3 days') WHERE code = ?", []any{r.Code}},
		{"UPDATE teams SET onsite_start = date(?, '+2 days'), onsite_end = date(?, '-2 days') WHERE id = ?", []any{r.OnsiteStart, r.OnsiteEnd, teams[0].ID}},
		{"UPDATE teams SET seq = seq + 4 WHERE id = ?", []any{teams[len(teams)-1].ID}},
		// every team of r2 on site inside the round: the round's dates are
		// not its rows' span
		{"UPDATE teams SET onsite_start = date(?, '+1 days'), onsite_end = date(?, '-1 days') WHERE round_code = ?",
			[]any{r2.OnsiteStart, r2.OnsiteEnd, r2.Code}},
		{"UPDATE team_members SET locked = 1, comment = '锁定：熟悉该单位' WHERE id IN (SELECT id FROM team_members WHERE team_id = ? LIMIT 2)", []any{teams[1].ID}},
		// Part II: a 市本级, 领域 and 重点等级, the round kinds, linked
		// rounds, a 巡审联动 requirement and the plan
		{"UPDATE counties SET level = '市本级' WHERE code = 'C01'", nil},
		{"UPDATE units SET sectors = '教育、卫生健康', priority = 'A' WHERE code IN (SELECT code FROM units ORDER BY code LIMIT 3)", nil},
		{"UPDATE rounds SET type = '回头看', level = '上下联动', links = ?, joint_units = (SELECT min(code) FROM units), joint_categories = '国有企业' WHERE code = ?",
			[]any{r2.Code, r.Code}},
		{"UPDATE rounds SET links = ? WHERE code = ?", []any{r.Code, r2.Code}},
		{"UPDATE plan_items SET note = '与乡镇一并', round_no = 3 WHERE id = 1", nil},
	} {
		if err := db.Exec(q.sql, q.args...).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// TestExportAllFidelity: ExportAll → import into an empty database →
// ExportAll gives the same workbook, and the two databases hold the same
// rows in every table a workbook carries: every field, not only the count.
func TestExportAllFidelity(t *testing.T) {
	src, _ := demoExport(t, demo.City)
	plantFidelity(t, src)
	first := filepath.Join(t.TempDir(), "全部.xlsx")
	if err := ExportAll(src, first); err != nil {
		t.Fatal(err)
	}
	fresh := fileDB(t)
	res := mustImport(t, fresh, Options{User: "测试"}, first)
	if len(res.Problems) > 0 || !res.Written {
		t.Fatalf("import: written %v, problems %v", res.Written, res.Problems[:min(5, len(res.Problems))])
	}
	a, b := dumpTables(t, src), dumpTables(t, fresh)
	for table, rows := range a {
		if len(rows) == 0 && table != "term_scopes" {
			t.Errorf("table %s is empty in the source: the test proves nothing for it", table)
		}
		if !reflect.DeepEqual(rows, b[table]) {
			t.Errorf("table %s differs after the round trip (%d vs %d rows)%s", table, len(rows), len(b[table]), firstDiff(rows, b[table]))
		}
	}
	second := filepath.Join(t.TempDir(), "再导出.xlsx")
	if err := ExportAll(fresh, second); err != nil {
		t.Fatal(err)
	}
	wa, wb := readBook(t, first), readBook(t, second)
	for sheet := range wa {
		if !reflect.DeepEqual(wa[sheet], wb[sheet]) {
			t.Errorf("sheet %s differs between the two exports", sheet)
		}
	}
}

// firstDiff shows the first row where two sorted dumps part.
func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return "\n  source:   " + a[i] + "\n  imported: " + b[i]
		}
	}
	return ""
}
