package system

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xuncha/app/backup"
	"xuncha/model"
)

// people counts the people in the database at path, after checking it
// (integrity_check, the audit chain).
func people(t *testing.T, path string) int64 {
	t.Helper()
	_, problems := tableCounts(t, path)
	if len(problems) > 0 {
		t.Fatalf("%s: %v", filepath.Base(path), problems)
	}
	db := openDB(t, path)
	defer model.Close(db)
	var n int64
	db.Model(&model.Person{}).Count(&n)
	return n
}

// timed is a run of the program with when it started and ended.
type timed struct {
	result
	start, end time.Time
}

// running is a started run of the program; done receives it once over.
type running struct {
	start time.Time
	done  chan timed
}

func startTimed(t *testing.T, args ...string) *running {
	t.Helper()
	c := exec.Command(bin, args...)
	var out, errb strings.Builder
	c.Stdout, c.Stderr = &out, &errb
	r := &running{start: time.Now(), done: make(chan timed, 1)}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.Wait()
		r.done <- timed{result{code: c.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String()}, r.start, time.Now()}
	}()
	return r
}

// TestRestoreWhileImporting runs restore and import as two real processes
// on one database file. The import of a whole city must never be lost: a
// restore while the import has the file is refused, and an import that
// starts during a restore waits and lands in the restored database. Only
// an import that finished before the restore began may be replaced by it,
// as the clerk asked.
func TestRestoreWhileImporting(t *testing.T) {
	program(t)
	dir := t.TempDir()
	src := demoDB(t, dir, "src.db")
	book := filepath.Join(dir, "book.xlsx")
	mustRun(t, "export", "--db", src, "all", book)
	empty := filepath.Join(dir, "empty.db")
	model.Close(openDB(t, empty))
	saved := filepath.Join(dir, "saved.db")
	mustRun(t, "backup", "--db", empty, "--to", saved)

	whole := filepath.Join(dir, "whole.db")
	copyFile(t, empty, whole)
	r := mustRun(t, "import", "--db", whole, book)
	want := people(t, whole)
	if want < 1000 {
		t.Fatalf("the import brought %d people", want)
	}
	t.Logf("a whole import: %d people in %v", want, r.took.Round(time.Millisecond))

	fresh := func(name string) string {
		db := filepath.Join(dir, name)
		copyFile(t, empty, db)
		return db
	}

	t.Run("导入进行中恢复被拒绝", func(t *testing.T) {
		db := fresh("busy.db")
		imp := startTimed(t, "import", "--db", db, book)
		for time.Since(imp.start) < 10*r.took {
			if _, err := os.Stat(db + "-shm"); err == nil {
				break // the import has the database open
			}
			time.Sleep(2 * time.Millisecond)
		}
		rs := startTimed(t, "restore", "--db", db, "--from", saved)
		res, im := <-rs.done, <-imp.done
		if im.code != 0 {
			t.Fatalf("import: exit %d %s", im.code, im.stderr)
		}
		if im.end.Before(res.end) {
			t.Skipf("the import (%v) was over before the restore (%v): machine too slow to overlap them", im.end.Sub(im.start), res.end.Sub(res.start))
		}
		if res.code == 0 || !strings.Contains(res.stderr, "正被其他程序使用") || !strings.Contains(res.stderr, "未恢复") {
			t.Fatalf("restore while the import ran: exit %d %s%s", res.code, res.stdout, res.stderr)
		}
		if n := people(t, db); n != want {
			t.Fatalf("%d people after the import, want %d: data lost", n, want)
		}
		if _, err := os.Stat(db + backup.AsideSuffix); !os.IsNotExist(err) {
			t.Fatal("the refused restore moved the database aside")
		}
	})

	t.Run("随机时刻", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
		var refused, after, before int
		for i := 0; i < 6; i++ {
			db := fresh(fmt.Sprintf("race-%d.db", i))
			delay := time.Duration(rng.Float64() * float64(r.took))
			var imp, res *running
			if i%2 == 0 {
				imp = startTimed(t, "import", "--db", db, book)
				time.Sleep(delay)
				res = startTimed(t, "restore", "--db", db, "--from", saved)
			} else {
				res = startTimed(t, "restore", "--db", db, "--from", saved)
				time.Sleep(delay / 20)
				imp = startTimed(t, "import", "--db", db, book)
			}
			im, rs := <-imp.done, <-res.done
			if im.code != 0 {
				t.Fatalf("run %d: import exit %d %s", i, im.code, im.stderr)
			}
			n := people(t, db)
			switch {
			case rs.code != 0:
				if !strings.Contains(rs.stderr, "正被其他程序使用") {
					t.Fatalf("run %d: restore failed otherwise: %s", i, rs.stderr)
				}
				refused++
				if n != want {
					t.Fatalf("run %d: restore refused, yet %d people of %d", i, n, want)
				}
			case n == want:
				after++ // the import went into the restored database
			case n == 0 && im.end.Before(rs.end):
				before++ // the import was done before the restore took the file
			default:
				t.Fatalf("run %d: both succeeded, %d people of %d (import %v–%v, restore %v–%v): the import was lost",
					i, n, want, im.start.Format("15:04:05.000"), im.end.Format("15:04:05.000"), rs.start.Format("15:04:05.000"), rs.end.Format("15:04:05.000"))
			}
		}
		t.Logf("restore refused %d times, import into the restored database %d, import replaced by a later restore %d; no import lost", refused, after, before)
	})
}

// TestLockoutAcrossTimeZones locks an account by five wrong passwords from
// a process in the zone furthest west and tries the right one from a
// process in the zone furthest east a minute later: still locked.
func TestLockoutAcrossTimeZones(t *testing.T) {
	program(t)
	if _, err := os.Stat("/usr/share/zoneinfo/Etc/GMT+12"); err != nil {
		t.Skip("no time zone data")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	model.Close(openDB(t, db))
	cmd := func(tz, pass string, args ...string) result {
		c := exec.Command(bin, args...)
		c.Env = append(os.Environ(), "TZ="+tz, "XUNCHA_PASSWORD="+pass, "XUNCHA_NEW_PASSWORD=admin-pass-1")
		return runCmd(t, c)
	}
	if r := cmd("Asia/Shanghai", "", "user", "add", "--db", db, "--name", "王主任", "--role", "管理员"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for i := 0; i < 5; i++ {
		cmd("Etc/GMT+12", "wrong-pass", "backup", "--db", db, "--user", "王主任")
	}
	r := cmd("Etc/GMT-14", "admin-pass-1", "backup", "--db", db, "--user", "王主任")
	if r.code == 0 || !strings.Contains(r.stderr, "已锁定") {
		t.Fatalf("the right password from another zone: exit %d %s%s", r.code, r.stdout, r.stderr)
	}
}

// english reports whether the first line of a message has English words in
// it (three ASCII letters in a row).
func english(msg string) bool {
	msg, _, _ = strings.Cut(msg, "\n")
	run := 0
	for _, r := range msg {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			if run++; run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// TestExportOnFullDisk runs exports under a file size limit (ulimit -f, as
// a full disk refuses writes): each fails with a Chinese message, the
// previous file stays as it was, and no temporary file is left.
func TestExportOnFullDisk(t *testing.T) {
	program(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	src := demoDB(t, dir, "src.db")
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o700)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"people.xlsx", []string{"export", "--db", src, "people"}},
		{"people.csv", []string{"export", "--db", src, "people"}},
		{"backup.db", []string{"backup", "--db", src, "--to"}},
	} {
		target := filepath.Join(out, c.name)
		previous := []byte("上一次的好文件")
		if c.name == "backup.db" {
			previous = nil // a backup is not written over an existing file
		} else {
			os.WriteFile(target, previous, 0o644)
		}
		script := `ulimit -f 128; exec "$@"`
		cmd := exec.Command("bash", append([]string{"-c", script, "bash", bin}, append(c.args, target)...)...)
		r := runCmd(t, cmd)
		why := "文件超过系统允许的大小"
		if c.name == "backup.db" {
			why = "磁盘已满" // SQLite reports a write error without the system's reason
		}
		if r.code == 0 || !strings.Contains(r.stderr, "无法保存") || !strings.Contains(r.stderr, why) || english(strings.ReplaceAll(r.stderr, target, "")) {
			t.Errorf("%s: exit %d %s", c.name, r.code, r.stderr)
		}
		got, err := os.ReadFile(target)
		if previous == nil {
			if err == nil {
				t.Errorf("%s: a partial backup was left (%d bytes)", c.name, len(got))
			}
		} else if string(got) != string(previous) {
			t.Errorf("%s: the previous file was changed", c.name)
		}
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("%s: temporary file %s left", c.name, e.Name())
			}
		}
	}
}
