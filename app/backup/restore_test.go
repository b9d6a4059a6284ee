package backup

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// otherProgram opens path as another program would: SQLite alone, no lock
// file of this program.
func otherProgram(t *testing.T, path string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(path+"?_pragma=busy_timeout(100)"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// world is a database with its accounts and a backup of an earlier state
// with other accounts: after a restore, or a kill in one, the file must be
// one or the other, whole.
type world struct {
	dir, path, backup string
}

const (
	oldCounties, backupCounties = 30, 10
	oldAdmin, backupAdmin       = "现任管理员", "备份时的管理员"
)

func newWorld(t *testing.T) world {
	t.Helper()
	dir := t.TempDir()
	db, path := newDB(t, dir, backupCounties)
	db.Create(&model.User{Name: backupAdmin, Role: vocab.UserAdmin, PasswordHash: "x"})
	w := world{dir: dir, path: path, backup: filepath.Join(dir, "备份", "xuncha-20260301-170000.db")}
	os.MkdirAll(filepath.Dir(w.backup), 0o700)
	if err := To(db, w.backup); err != nil {
		t.Fatal(err)
	}
	addCounties(t, db, backupCounties, oldCounties)
	db.Where("1 = 1").Delete(&model.User{})
	db.Create(&model.User{Name: oldAdmin, Role: vocab.UserAdmin, PasswordHash: "x"})
	model.Close(db)
	return w
}

// state opens the database as the next start does and says which it is:
// "old", "backup" (with the restore's audit entry), or what is wrong.
func (w world) state(t *testing.T) string {
	t.Helper()
	if r := CheckAtStart(w.path); !r.OK() || missing(w.path) {
		return fmt.Sprintf("check at start: missing=%v %s", missing(w.path), r.Message())
	}
	db, err := model.OpenExisting(w.path)
	if err != nil {
		return "open: " + err.Error()
	}
	defer model.Close(db)
	var n int64
	db.Model(&model.County{}).Count(&n)
	var users []string
	db.Model(&model.User{}).Pluck("name", &users)
	if ps, err := audit.Verify(db); err != nil || len(ps) > 0 {
		return fmt.Sprintf("audit chain: %v %v", ps, err)
	}
	var last model.AuditEntry
	db.Order("id desc").Limit(1).Find(&last)
	switch {
	case n == oldCounties && len(users) == 1 && users[0] == oldAdmin:
		return "old"
	case n == backupCounties && len(users) == 1 && users[0] == backupAdmin && last.Action == "恢复":
		return "backup"
	}
	return fmt.Sprintf("neither: %d counties, users %v, last entry %s", n, users, last.Action)
}

// litter lists the files an interrupted restore may leave.
func (w world) litter() []string {
	var out []string
	for _, s := range append([]string{""}, sidecars...) {
		if exists(w.path + TmpSuffix + s) {
			out = append(out, filepath.Base(w.path+TmpSuffix+s))
		}
	}
	return out
}

// TestMain lets this test binary act as another process: one that holds the
// database open, or one that restores and dies at a given step.
func TestMain(m *testing.M) {
	switch os.Getenv("BACKUP_HELPER") {
	case "":
		os.Exit(m.Run())
	case "hold":
		holdOpen(os.Getenv("BACKUP_DB"), os.Getenv("BACKUP_HOW"))
	case "restore":
		want := os.Getenv("BACKUP_DIE_AT")
		step = func(s string) {
			if s == want {
				os.Exit(9) // as a kill: no deferred cleanup, the OS drops the locks
			}
		}
		err := Restore(os.Getenv("BACKUP_FROM"), os.Getenv("BACKUP_DB"), "管理员")
		fmt.Println(err)
		os.Exit(0)
	}
}

// holdOpen opens the database (as this program, or as another program
// that takes no lock file), says "ready", and keeps it open — writing a
// county every few milliseconds when how says so — until its input closes.
func holdOpen(path, how string) {
	var db *gorm.DB
	var err error
	if how == "other" {
		db, err = gorm.Open(sqlite.Open(path+"?_pragma=busy_timeout(5000)"), &gorm.Config{Logger: logger.Discard})
		if err == nil {
			var n int64
			err = db.Model(&model.County{}).Count(&n).Error
		}
	} else {
		db, err = model.OpenExisting(path)
	}
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	fmt.Println("ready")
	done := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(done) }()
	for i := 0; ; i++ {
		select {
		case <-done:
			model.Close(db)
			fmt.Println("wrote", i)
			os.Exit(0)
		default:
		}
		if how == "write" {
			c := model.County{Code: fmt.Sprintf("W%05d", i), Name: "写入中"}
			if err := db.Create(&c).Error; err != nil {
				fmt.Println("write:", err)
				os.Exit(3)
			}
		} else {
			i--
		}
	}
}

// helper starts this test binary as another process with env.
func helper(t *testing.T, env ...string) (*exec.Cmd, io.WriteCloser, *bufio.Reader) {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^$")
	c.Env = append(os.Environ(), env...)
	in, _ := c.StdinPipe()
	out, _ := c.StdoutPipe()
	c.Stderr = os.Stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	line, err := r.ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "ready" {
		c.Process.Kill()
		t.Fatalf("helper: %q %v", line, err)
	}
	return c, in, r
}

// TestRestoreRefusedWhileAnotherProcessUsesTheDatabase: a restore while
// another process has the database open (idle, writing, or another
// program without the lock file) is refused and changes nothing; the
// writer's rows all stay. Once the other process is gone, it goes ahead.
func TestRestoreRefusedWhileAnotherProcessUsesTheDatabase(t *testing.T) {
	for _, how := range []string{"idle", "write", "other"} {
		t.Run(how, func(t *testing.T) {
			w := newWorld(t)
			c, in, out := helper(t, "BACKUP_HELPER=hold", "BACKUP_DB="+w.path, "BACKUP_HOW="+how)
			err := Restore(w.backup, w.path, "管理员")
			if !errors.Is(err, model.ErrInUse) || !strings.Contains(err.Error(), "正被其他程序使用") || !strings.Contains(err.Error(), "未恢复") {
				t.Errorf("Restore while %s = %v", how, err)
			}
			in.Close()
			rest, _ := io.ReadAll(out)
			c.Wait()
			var wrote int
			fmt.Sscanf(strings.TrimSpace(string(rest)), "wrote %d", &wrote)
			if how == "write" && wrote == 0 {
				t.Fatalf("the writer wrote nothing: %s", rest)
			}
			db, _ := model.OpenExisting(w.path)
			var n int64
			db.Model(&model.County{}).Count(&n)
			model.Close(db)
			if how == "write" && int(n) != oldCounties+wrote {
				t.Fatalf("%d counties after the writer wrote %d to %d: rows lost", n, wrote, oldCounties)
			}
			if exists(w.path+AsideSuffix) || len(w.litter()) > 0 {
				t.Fatalf("a refused restore left files: aside=%v %v", exists(w.path+AsideSuffix), w.litter())
			}
			os.Chmod(w.path, 0o640)
			if err := Restore(w.backup, w.path, "管理员"); err != nil {
				t.Fatalf("restore once alone: %v", err)
			}
			if info, _ := os.Stat(w.path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
				t.Errorf("the restored file has mode %v, not the database's 0640", info.Mode().Perm())
			}
			if got := w.state(t); got != "backup" {
				t.Fatal(got)
			}
		})
	}
}

// restoreSteps are the steps a restore reports, in order.
var restoreSteps = []string{"locked", "copied", "prepared", "alone", "aside", "sidecars", "renamed"}

// TestKillAtEachStepOfRestore kills a restoring process at each of its
// steps and starts again: the database is there, sound, with accounts —
// the old one before the last step, the whole backup with the record of
// its restore after it — and nothing of the restore is left behind.
func TestKillAtEachStepOfRestore(t *testing.T) {
	for _, at := range restoreSteps {
		t.Run(at, func(t *testing.T) {
			w := newWorld(t)
			c := exec.Command(os.Args[0], "-test.run=^$")
			c.Env = append(os.Environ(), "BACKUP_HELPER=restore", "BACKUP_DB="+w.path, "BACKUP_FROM="+w.backup, "BACKUP_DIE_AT="+at)
			out, _ := c.CombinedOutput()
			if c.ProcessState.ExitCode() != 9 {
				t.Fatalf("the restore did not die at %s: exit %d %s", at, c.ProcessState.ExitCode(), out)
			}
			if missing(w.path) {
				t.Fatalf("killed at %s: no database file", at)
			}
			note, err := Recover(w.path)
			if err != nil {
				t.Fatal(err)
			}
			want := "old"
			if at == "renamed" {
				want = "backup"
			}
			if got := w.state(t); got != want {
				t.Fatalf("killed at %s, then started: %s, want %s", at, got, want)
			}
			if l := w.litter(); len(l) > 0 {
				t.Fatalf("left behind: %v", l)
			}
			if (note != "") != (at != "locked" && at != "renamed") {
				t.Errorf("note after a kill at %s: %q", at, note)
			}
			if err := Restore(w.backup, w.path, "管理员"); err != nil {
				t.Fatalf("the next restore: %v", err)
			}
			if got := w.state(t); got != "backup" {
				t.Fatal(got)
			}
		})
	}
}

// TestRecoverOlderVersionLeftovers: an older version moved the database
// aside before renaming the copy into place; a kill between left no
// database. The next start finishes that restore when the copy is whole,
// and otherwise puts the old database back — never a new empty one.
func TestRecoverOlderVersionLeftovers(t *testing.T) {
	cases := []struct {
		name       string
		tmp        string // "whole", "cut" or ""
		want, note string
	}{
		{"副本完整", "whole", "backup", "现已完成"},
		{"副本不完整", "cut", "old", "已放回恢复前的数据库"},
		{"只有原数据库", "", "old", "已放回恢复前的数据库"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			b, _ := os.ReadFile(w.backup)
			switch c.tmp {
			case "whole":
				os.WriteFile(w.path+TmpSuffix, b, 0o600)
			case "cut":
				os.WriteFile(w.path+TmpSuffix, b[:len(b)/2], 0o600)
			}
			if err := os.Rename(w.path, w.path+AsideSuffix); err != nil {
				t.Fatal(err)
			}
			note, err := Recover(w.path)
			if err != nil || !strings.Contains(note, c.note) {
				t.Fatalf("Recover = %q, %v", note, err)
			}
			if got := w.state(t); got != c.want {
				t.Fatal(got)
			}
			if l := w.litter(); len(l) > 0 {
				t.Fatalf("left behind: %v", l)
			}
		})
	}
	w := newWorld(t)
	if note, err := Recover(w.path); note != "" || err != nil {
		t.Fatalf("nothing to recover: %q %v", note, err)
	}
}

// TestRestoreBringsTheBackupsWAL restores from a copy of a live database
// taken with its WAL: the rows still in the WAL are restored too.
func TestRestoreBringsTheBackupsWAL(t *testing.T) {
	w := newWorld(t)
	other := filepath.Join(w.dir, "另一台电脑", "xuncha.db")
	odb, _ := newDB(t, filepath.Dir(other)+string(filepath.Separator), 0)
	odb.Exec("PRAGMA wal_autocheckpoint = 0")
	odb.Create(&model.User{Name: backupAdmin, Role: vocab.UserAdmin, PasswordHash: "x"})
	addCounties(t, odb, 0, backupCounties)
	src := filepath.Join(w.dir, "拷来的.db")
	for _, s := range []string{"", "-wal"} {
		b, err := os.ReadFile(other + s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(src+s, b, 0o600)
	}
	model.Close(odb)
	if err := Restore(src, w.path, "管理员"); err != nil {
		t.Fatal(err)
	}
	if got := w.state(t); got != "backup" {
		t.Fatal(got)
	}
}

// A locked file is not a damaged one: the check at start says it is
// locked, offers no restore, and a restore without sign-in is refused.
func TestLockedIsNotDamaged(t *testing.T) {
	w := newWorld(t)
	holder := otherProgram(t, w.path)
	sqlDB, _ := holder.DB()
	sqlDB.SetMaxOpenConns(1)
	holder.Exec("PRAGMA locking_mode = EXCLUSIVE")
	if err := holder.Create(&model.County{Code: "X1", Name: "独占"}).Error; err != nil {
		t.Fatal(err)
	}
	r := CheckAtStart(w.path)
	var ue *UnreadableError
	if r.Damage != nil || !errors.As(r.Problem, &ue) || r.Restorable() {
		t.Fatalf("report: damage=%v problem=%v", r.Damage, r.Problem)
	}
	if msg := r.Message(); strings.Contains(msg, "已损坏") || !strings.Contains(msg, "锁定") || strings.Contains(msg, "(5)") {
		t.Fatalf("message %q", msg)
	}
	if err := RestoreDamaged(w.backup, w.path, "无人登录"); err == nil {
		t.Fatal("restored a locked, sound database without sign-in")
	}
	holder.Delete(&model.County{Code: "X1"})
	model.Close(holder)
	if err := RestoreDamaged(w.backup, w.path, "无人登录"); !errors.Is(err, ErrNotDamaged) {
		t.Fatalf("RestoreDamaged over a sound file = %v", err)
	}
	if got := w.state(t); got != "old" {
		t.Fatal(got)
	}
}
