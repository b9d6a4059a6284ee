package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app/backup"
	"xuncha/internal/pgtest"
	"xuncha/model"
)

// TestMain gives the tests of shared mode a throwaway PostgreSQL server
// (internal/pgtest), stopped when the tests end.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// sameOnBoth lists the headless outputs that must be byte-identical on
// SQLite and on PostgreSQL for the same data and seed (SPEC §13.1). Each
// gets the database, a round and a term of the demo, and the output file.
// A new JSON output (ledger --json …) adds its row here.
var sameOnBoth = []struct {
	name string
	args func(db, round, term, out string) []string
}{
	{"check --json", func(db, round, _, out string) []string {
		return []string{"check", "--db", db, "--round", round, "--json", out}
	}},
	{"assign --json", func(db, round, _, out string) []string {
		return []string{"assign", "--db", db, "--round", round, "--seed", "12345", "--json", out}
	}},
	{"calendar --json", func(db, _, term, out string) []string {
		return []string{"calendar", "--db", db, "--term", term, "--today", "2026-06-01", "--json", out}
	}},
}

// The city demo written into a desktop file and into a server database
// gives the same outputs, byte for byte; a migrate of the file to another
// server database holds the same rows (each table counted and compared),
// and gives the same outputs again.
func TestSameOutputsOnSQLiteAndServer(t *testing.T) {
	srv := pgtest.Start(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "demo.db")
	server, moved := srv.NewDB(t), srv.NewDB(t)
	for _, db := range []string{file, server} {
		if _, stderr, code := runCLI(t, "demo", "--db", db); code != 0 {
			t.Fatalf("demo --db %s: %s", model.Redacted(db), stderr)
		}
	}
	out, stderr, code := runCLI(t, "migrate", "--from", file, "--to", moved)
	if code != 0 || !strings.Contains(out, "逐表核对一致") || strings.Contains(out, "不一致") {
		t.Fatalf("migrate: %d\n%s%s", code, out, stderr)
	}
	round, term := demoRoundAndTerm(t, file)
	for _, c := range sameOnBoth {
		var want []byte
		for i, db := range []string{file, server, moved} {
			path := filepath.Join(dir, strings.Fields(c.name)[0]+string(rune('a'+i))+".json")
			if _, stderr, code := runCLI(t, c.args(db, round, term, path)...); code != 0 {
				t.Fatalf("%s on %s: %s", c.name, model.Redacted(db), stderr)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				want = got
				t.Logf("%s: %d bytes", c.name, len(got))
				continue
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the output on %s differs from the desktop file's (%d and %d bytes)", c.name, model.Redacted(db), len(got), len(want))
			}
		}
	}
	back := filepath.Join(dir, "back.db")
	if out, stderr, code := runCLI(t, "migrate", "--from", moved, "--to", back); code != 0 || strings.Contains(out, "不一致") {
		t.Fatalf("migrate back: %d\n%s%s", code, out, stderr)
	}
	if err := backup.Check(back); err != nil {
		t.Errorf("the file migrated back: %v", err)
	}
	if out, stderr, code := runCLI(t, "migrate", "--from", file, "--to", moved); code == 0 || !strings.Contains(stderr, "已有数据") {
		t.Errorf("migrate into a database with data: %d %s%s", code, out, stderr)
	}
}

// demoRoundAndTerm returns the newest round of the demo and its term.
func demoRoundAndTerm(t *testing.T, path string) (string, string) {
	t.Helper()
	db, err := model.OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	var r model.Round
	if err := db.Order("onsite_start desc, code").Limit(1).Find(&r).Error; err != nil || r.Code == "" {
		t.Fatalf("no round in the demo: %v", err)
	}
	return r.Code, r.TermCode
}

// A server database's backup is the same kind of file a desktop's is; a
// restore into the server is refused while another client is connected,
// and otherwise puts the backup's data back whole, with the restore in
// the audit log and the chain unbroken.
func TestServerBackupAndRestore(t *testing.T) {
	srv := pgtest.Start(t)
	url := srv.NewDB(t)
	if _, err := os.Stat(plantAssignDB(t)); err != nil {
		t.Fatal(err)
	}
	if out, stderr, code := runCLI(t, "migrate", "--from", plantAssignDB(t), "--to", url); code != 0 {
		t.Fatalf("migrate: %s%s", out, stderr)
	}
	file := filepath.Join(t.TempDir(), "备份.db")
	if out, stderr, code := runCLI(t, "backup", "--db", url, "--to", file); code != 0 {
		t.Fatalf("backup: %s%s", out, stderr)
	}
	if err := backup.Check(file); err != nil {
		t.Fatalf("the server's backup is not a sound backup file: %v", err)
	}
	other, err := model.OpenExisting(url)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Where("code = ?", "P100").Delete(&model.Person{}).Error; err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "restore", "--db", url, "--from", file)
	if code == 0 || !strings.Contains(stderr, "其他用户") {
		t.Fatalf("restore with another client connected: %d %s", code, stderr)
	}
	model.Close(other)
	if out, stderr, code := runCLI(t, "restore", "--db", url, "--from", file); code != 0 {
		t.Fatalf("restore: %s%s", out, stderr)
	}
	db, err := model.OpenExisting(url)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	var n int64
	db.Model(&model.Person{}).Where("code = ?", "P100").Count(&n)
	var last model.AuditEntry
	db.Order("id desc").Limit(1).Find(&last)
	if n != 1 || last.Action != "恢复" {
		t.Errorf("after the restore: P100 %d times, last audit entry %q", n, last.Action)
	}
	if out, stderr, code := runCLI(t, "audit", "verify", "--db", url); code != 0 {
		t.Errorf("audit verify: %s%s", out, stderr)
	}
}
