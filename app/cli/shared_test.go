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
// gets the database, a round, its term and a person who served in it (of
// the demo), and the output file; stdout compares what the command prints
// instead (the outputs that are text on the console). A new output adds
// its row here.
var sameOnBoth = []struct {
	name   string
	stdout bool
	args   func(db string, d demoKeys, out string) []string
}{
	{"check --json", false, func(db string, d demoKeys, out string) []string {
		return []string{"check", "--db", db, "--round", d.round, "--json", out}
	}},
	{"assign --json", false, func(db string, d demoKeys, out string) []string {
		return []string{"assign", "--db", db, "--round", d.round, "--seed", "12345", "--json", out}
	}},
	{"calendar --json", false, func(db string, d demoKeys, out string) []string {
		return []string{"calendar", "--db", db, "--term", d.term, "--today", "2026-06-01", "--json", out}
	}},
	{"ledger --json", false, func(db string, _ demoKeys, out string) []string {
		return []string{"ledger", "--db", db, "--today", "2026-06-01", "--json", out}
	}},
	{"ledger --round", true, func(db string, d demoKeys, _ string) []string {
		return []string{"ledger", "--db", db, "--round", d.round, "--today", "2026-06-01"}
	}},
	{"poolstats", true, func(db string, d demoKeys, _ string) []string {
		return []string{"poolstats", "--db", db, "--day", "2026-06-01", "--term", d.term}
	}},
	{"resume", true, func(db string, d demoKeys, _ string) []string {
		return []string{"resume", "--db", db, "--person", d.person}
	}},
}

// demoKeys are the keys of the demo the outputs of sameOnBoth are asked
// for.
type demoKeys struct{ round, term, person string }

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
	keys := demoKeysOf(t, file)
	for _, c := range sameOnBoth {
		var want []byte
		for i, db := range []string{file, server, moved} {
			path := filepath.Join(dir, strings.Fields(c.name)[0]+string(rune('a'+i))+".json")
			stdout, stderr, code := runCLI(t, c.args(db, keys, path)...)
			if code != 0 {
				t.Fatalf("%s on %s: %s", c.name, model.Redacted(db), stderr)
			}
			got := []byte(stdout)
			if !c.stdout {
				var err error
				if got, err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
			}
			if i == 0 {
				if len(bytes.TrimSpace(got)) == 0 {
					t.Fatalf("%s printed nothing on the desktop file", c.name)
				}
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

// demoKeysOf returns the newest round of the demo, its term, and the
// first person (by code) who served on a team, who has a service record
// to show.
func demoKeysOf(t *testing.T, path string) demoKeys {
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
	var person []string
	err = db.Model(&model.TeamMember{}).Order("person_code").Limit(1).Pluck("person_code", &person).Error
	if err != nil || len(person) == 0 {
		t.Fatalf("nobody served in a round of the demo: %v", err)
	}
	return demoKeys{round: r.Code, term: r.TermCode, person: person[0]}
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
