package model

// Tests of shared mode against a real PostgreSQL server (internal/pgtest):
// they run in the SQLite pass too, and are skipped only where the server's
// binaries are not installed.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"xuncha/app/vocab"
	"xuncha/internal/pgtest"
)

// helperMain is the child process of the tests that start several real
// processes: XUNCHA_MODEL_HELPER=open opens XUNCHA_HELPER_DSN (migrating
// it) and exits 0, or prints the error and exits 1.
func helperMain() bool {
	if os.Getenv("XUNCHA_MODEL_HELPER") != "open" {
		return false
	}
	db, err := Open(os.Getenv("XUNCHA_HELPER_DSN"))
	if err == nil {
		var v int
		v, err = Version(db)
		if err == nil && v != SchemaVersion {
			err = fmt.Errorf("version %d after Open", v)
		}
		Close(db)
	}
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	os.Exit(0)
	return true
}

// Several processes that start at once on a fresh server database: one
// migrates (under the advisory lock), the others wait and find the schema
// up to date; all of them open it.
func TestServerMigrationRunsOnceUnderConcurrentStarts(t *testing.T) {
	url := pgtest.Start(t).NewDB(t)
	const n = 6
	var wg sync.WaitGroup
	outs := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "XUNCHA_MODEL_HELPER=open", "XUNCHA_HELPER_DSN="+url)
			out, err := cmd.CombinedOutput()
			outs[i], errs[i] = string(out), err
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	db, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	if probs := serverSchemaProblems(db); len(probs) > 0 {
		t.Errorf("schema after concurrent starts: %v", probs)
	}
	var metas []Meta
	db.Order("key").Find(&metas)
	if len(metas) != 2 || metas[0].Key != fingerprintKey || metas[1].Value != fmt.Sprint(SchemaVersion) {
		t.Errorf("meta = %+v", metas)
	}
}

// The password comes from the URL, XUNCHA_DB_PASSWORD, the password file
// or a password typed in this process; without one the answer says a
// password is needed, and a wrong one is refused as such.
func TestServerPassword(t *testing.T) {
	s := pgtest.Start(t)
	name := pgtest.Name(s.NewDB(t))
	bare := s.BareURL(name)
	t.Setenv(PasswordEnv, "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	if _, err := Open(bare); !errors.Is(err, ErrPasswordNeeded) {
		t.Fatalf("no password: %v", err)
	}
	t.Setenv(PasswordEnv, "wrong")
	if _, err := Open(bare); !errors.Is(err, ErrBadPassword) {
		t.Fatalf("wrong password: %v", err)
	} else if msg, _ := Explain(err); !strings.Contains(msg, "密码") {
		t.Errorf("explained as %q", msg)
	}
	t.Setenv(PasswordEnv, s.Password)
	db, err := Open(bare)
	if err != nil {
		t.Fatalf("XUNCHA_DB_PASSWORD: %v", err)
	}
	Close(db)
	t.Setenv(PasswordEnv, "")
	pass := filepath.Join(t.TempDir(), "pgpass")
	os.WriteFile(pass, []byte(fmt.Sprintf("127.0.0.1:%d:%s:%s:%s\n", s.Port, name, pgtest.Role, s.Password)), 0o600)
	t.Setenv("PGPASSFILE", pass)
	if db, err = Open(bare); err != nil {
		t.Fatalf("password file: %v", err)
	}
	Close(db)
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	RememberPassword(bare, s.Password)
	defer RememberPassword(bare, "")
	if db, err = Open(bare); err != nil {
		t.Fatalf("typed password: %v", err)
	}
	Close(db)
	if strings.Contains(Redacted(s.URL(name)), s.Password) {
		t.Error("Redacted keeps the password")
	}
}

// Text columns sort by bytes on the server, as on SQLite, although the
// server's database has a Chinese collation.
func TestServerOrdersTextByBytes(t *testing.T) {
	db, _ := serverDB(t)
	names := []string{"张三", "李四", "王五", "Zhao", "alpha", "P-01", "P01", "赵六"}
	db.Create(&County{Code: "C1", Name: "甲县"})
	for i, n := range names {
		if err := db.Create(&Person{Code: fmt.Sprintf("P%d", i), Name: n, HomeCountyCode: "C1", Status: vocab.StatusActive}).Error; err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	db.Model(&Person{}).Order("name").Pluck("name", &got)
	want := append([]string(nil), names...)
	sort.Strings(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ORDER BY name = %v, want byte order %v", got, want)
	}
}

// A connection cut in the middle of a write loses the whole write (the
// server rolls it back), is explained in Chinese, and the next try goes
// through on a new connection.
func TestServerLostConnection(t *testing.T) {
	s := pgtest.Start(t)
	db, url := serverDB(t)
	name := pgtest.Name(url)
	err := Transact(db, func(tx *gorm.DB) error {
		if err := tx.Create(&County{Code: "C1", Name: "甲县"}).Error; err != nil {
			return err
		}
		ctx := context.Background()
		c, err := pgx.Connect(ctx, s.URL("postgres"))
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", name); err != nil {
			return err
		}
		return tx.Create(&County{Code: "C2", Name: "乙县"}).Error
	})
	if err == nil || !ConnLost(err) {
		t.Fatalf("cut connection: %v (ConnLost false)", err)
	}
	if msg, ok := Explain(err); !ok || !strings.Contains(msg, "连接中断") {
		t.Errorf("explained as %q", msg)
	}
	var n int64
	for i := 0; i < 3; i++ { // the pool finds its connections broken one by one
		if err = db.Model(&County{}).Count(&n).Error; err == nil {
			break
		}
	}
	if err != nil || n != 0 {
		t.Fatalf("after the cut: %d counties, %v (the write must be gone whole)", n, err)
	}
	if err := Transact(db, func(tx *gorm.DB) error { return tx.Create(&County{Code: "C1", Name: "甲县"}).Error }); err != nil {
		t.Fatalf("retry: %v", err)
	}
}

// A restore takes the server database alone: refused while another
// client has it open, allowed once it closed; a client that starts during
// the restore waits for it.
func TestServerRestoreTakesTheDatabaseAlone(t *testing.T) {
	db, url := serverDB(t)
	if _, _, err := takeServerAlone(url); !errors.Is(err, ErrServerInUse) {
		t.Fatalf("with another client: %v", err)
	}
	Close(db)
	_, release, err := takeServerAlone(url)
	if err != nil {
		t.Fatalf("alone: %v", err)
	}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		db, err := Open(url)
		if err == nil {
			Close(db)
		}
		done <- err
	}()
	time.Sleep(700 * time.Millisecond)
	release()
	if err := <-done; err != nil || time.Since(start) < 700*time.Millisecond {
		t.Fatalf("open during the restore: %v after %v (it must wait)", err, time.Since(start))
	}
}

// The least-privilege roles of docs/共享模式.md: the owner builds the
// schema; the clerks' role then opens the database (no DDL at start, the
// schema being up to date), writes rows and audit entries, and cannot
// change the schema.
func TestServerLeastPrivilegeRole(t *testing.T) {
	s := pgtest.Start(t)
	name := pgtest.Name(s.NewDB(t))
	owner, clerk := "own_"+name, "app_"+name
	s.Exec(t, "CREATE ROLE "+owner+" LOGIN PASSWORD 'pw-owner'", "CREATE ROLE "+clerk+" LOGIN PASSWORD 'pw-app'",
		"ALTER DATABASE "+name+" OWNER TO "+owner)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, s.URL(name))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"REVOKE ALL ON SCHEMA public FROM PUBLIC",
		"GRANT ALL ON SCHEMA public TO " + owner,
		"GRANT USAGE ON SCHEMA public TO " + clerk,
		"ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + clerk,
		"ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + clerk,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	c.Close(ctx)
	as := func(role, pw string) string {
		return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", role, pw, s.Port, name)
	}
	db, err := Open(as(owner, "pw-owner"))
	if err != nil {
		t.Fatalf("owner's first start: %v", err)
	}
	Close(db)
	db, err = Open(as(clerk, "pw-app"))
	if err != nil {
		t.Fatalf("the clerks' role: %v", err)
	}
	defer Close(db)
	err = Transact(db, func(tx *gorm.DB) error {
		if err := tx.Create(&County{Code: "C1", Name: "甲县"}).Error; err != nil {
			return err
		}
		prev, err := AuditHead(tx)
		if err != nil {
			return err
		}
		return tx.Create(&AuditEntry{At: "2026-03-01T00:00:00Z", User: "张三", Action: "新增", PrevHash: prev, Hash: "h"}).Error
	})
	if err != nil {
		t.Fatalf("the clerks' role writes: %v", err)
	}
	if err := db.Exec("CREATE TABLE extra (a int)").Error; err == nil || !ReadOnly(err) {
		t.Errorf("the clerks' role changed the schema: %v", err)
	}
	if err := db.Exec(`TRUNCATE "counties"`).Error; err == nil {
		t.Error("the clerks' role emptied a table")
	}
}

// Writers that all read and write the same row conflict on every try: the
// serializable tries fail and are run again, the later ones alone; in the
// end every increment landed once, and the audit entries they appended
// are one chain in the order of their ids.
func TestServerTransactRetriesToTheEnd(t *testing.T) {
	db, _ := serverDB(t)
	db.Create(&Setting{Key: "counter", Value: "0"})
	const writers, each = 8, 6
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				errs <- Transact(db, func(tx *gorm.DB) error {
					var s Setting
					if err := tx.Where("key = ?", "counter").First(&s).Error; err != nil {
						return err
					}
					var n int
					fmt.Sscan(s.Value, &n)
					time.Sleep(2 * time.Millisecond) // another writer reads the same value meanwhile
					if err := tx.Model(&s).Update("value", fmt.Sprint(n+1)).Error; err != nil {
						return err
					}
					prev, err := AuditHead(tx)
					if err != nil {
						return err
					}
					return tx.Create(&AuditEntry{At: "2026-03-01T00:00:00Z", User: fmt.Sprint(w), Action: "计数",
						Key: fmt.Sprint(i), PrevHash: prev, Hash: fmt.Sprintf("%d-%d-%d", w, i, n+1)}).Error
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a write gave up: %v", err)
		}
	}
	var s Setting
	db.Where("key = ?", "counter").First(&s)
	if s.Value != fmt.Sprint(writers*each) {
		t.Errorf("counter %s after %d increments: an update was lost", s.Value, writers*each)
	}
	var log []AuditEntry
	db.Order("id").Find(&log)
	prev := ""
	for _, e := range log {
		if e.PrevHash != prev {
			t.Fatalf("entry %d chained to %q, the entry before it is %q", e.ID, e.PrevHash, prev)
		}
		prev = e.Hash
	}
	if len(log) != writers*each {
		t.Errorf("%d entries", len(log))
	}
}
