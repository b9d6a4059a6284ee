package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"xuncha/internal/testworld"
	"xuncha/model"
)

// snapshot is a folder's files and their bytes, to prove a refused
// command changed nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

func sameFolder(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := snapshot(t, dir)
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

// A command other than demo and the imports refuses a --db path with no
// database (missing, or 0 bytes) and creates nothing there.
func TestMistypedDBRefused(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, db := range []string{filepath.Join(dir, "输错.db"), filepath.Join(dir, "不存在的文件夹", "x.db"), empty} {
		for _, args := range [][]string{
			{"export", "--db", db, "people", filepath.Join(dir, "out.xlsx")},
			{"check", "--db", db, "--round", "R1"},
			{"calendar", "--db", db},
			{"backup", "--db", db},
			{"backup", "--list", "--db", db},
			{"restore", "--db", db, "--from", filepath.Join(dir, "b.db")},
			{"user", "list", "--db", db},
			{"audit", "verify", "--db", db},
			{"package", "export", "--db", db, "--county", "C01", filepath.Join(dir, "p.xpkg")},
			{"roster", "--db", db, "--round", "R1", "--pdf", filepath.Join(dir, "r.pdf")},
			{"assign", "--db", db, "--round", "R1"},
		} {
			before := snapshot(t, dir)
			_, stderr, code := runCLI(t, args...)
			if code != 1 || !strings.Contains(stderr, "不存在") {
				t.Errorf("%v: exit %d %s", args, code, stderr)
			}
			sameFolder(t, dir, before)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "不存在的文件夹")); !os.IsNotExist(err) {
		t.Error("a refused command made the folder")
	}
	// The imports make the database.
	counties := writeCSV(t, dir, "县区.csv", "县区编码*,县区名称*\nC01,城关区\n")
	mustRun(t, "import", "--db", empty, counties)
	mustRun(t, "export", "--db", empty, "people", filepath.Join(dir, "out.xlsx"))
}

// No command turns a file that is not this program's database into one:
// another program's SQLite file and a bad version record are refused with
// a Chinese message, the file byte for byte as before.
func TestOtherFilesNotTurnedIntoDatabases(t *testing.T) {
	dir := t.TempDir()
	plant := func(name string, stmts ...string) string {
		path := filepath.Join(dir, name)
		raw, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if err := raw.Exec(s).Error; err != nil {
				t.Fatal(err)
			}
		}
		model.Close(raw)
		return path
	}
	other := plant("other.db", "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('别的程序的数据')")
	abc := plant("abc.db", "CREATE TABLE meta (key text PRIMARY KEY, value text)", "INSERT INTO meta VALUES ('schema_version', 'abc')")
	neg := plant("neg.db", "CREATE TABLE meta (key text PRIMARY KEY, value text)", "INSERT INTO meta VALUES ('schema_version', '-5')")
	counties := writeCSV(t, dir, "县区.csv", "县区编码*,县区名称*\nC01,城关区\n")
	for _, c := range []struct{ db, want string }{{other, "notes"}, {abc, `"abc"`}, {neg, `"-5"`}} {
		for _, args := range [][]string{
			{"export", "--db", c.db, "people", filepath.Join(dir, "out.xlsx")},
			{"import", "--db", c.db, counties},
			{"user", "list", "--db", c.db},
			{"backup", "--db", c.db},
		} {
			before := snapshot(t, dir)
			_, stderr, code := runCLI(t, args...)
			if code != 1 || !strings.Contains(stderr, "不是本程序的数据库") || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "strconv") {
				t.Errorf("%v: exit %d %s", args, code, stderr)
			}
			sameFolder(t, dir, before)
		}
	}
}

// An output path that is the open database (under another spelling, or
// its WAL), another database, or an input of the same command is refused
// before anything is written.
func TestOutputThatIsAnInputRefused(t *testing.T) {
	dir := t.TempDir()
	db := testworld.File(t, "d.db", &model.County{Code: "C01", Name: "城关区"})
	ddir := filepath.Dir(db)
	other := filepath.Join(ddir, "sub")
	os.Mkdir(other, 0o700)
	alias := filepath.Join(other, "..", "d.db")
	src := writeCSV(t, dir, "人员.csv", "人员编号,姓名,工作关系地\nP001,李四,C09\n")
	rec := writeCSV(t, dir, "record.json", "{}")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"日历JSON写到数据库", []string{"calendar", "--db", db, "--json", db}, "是数据库文件"},
		{"换一种写法", []string{"calendar", "--db", db, "--json", alias}, "是数据库文件"},
		{"写到数据库的WAL", []string{"calendar", "--db", db, "--json", db + "-wal"}, "附属文件"},
		{"写到锁文件", []string{"export", "--db", db, "people", db + "-lock"}, "附属文件"},
		{"备份到数据库本身", []string{"backup", "--db", db, "--to", db}, "是数据库文件"},
		{"问题清单写到源文件", []string{"import", "--db", db, "--errors", src, src}, "本命令读取的文件"},
		{"打印记录写到记录", []string{"draw-print", rec, rec}, "本命令读取的文件"},
		{"两个输出同名", []string{"roster", "--db", db, "--round", "R1", "--pdf", filepath.Join(dir, "名单"), "--xlsx", filepath.Join(dir, "名单")}, "两个输出文件相同"},
		{"导出到文件夹", []string{"export", "--db", db, "people", other}, "文件夹"},
		{"台账JSON写到数据库", []string{"ledger", "--db", db, "--json", db}, "是数据库文件"},
		{"填报表写到数据库", []string{"unitbook", "export", "--db", db, "--round", "R1", "--unit", "U01", alias}, "是数据库文件"},
		{"履历写到数据库", []string{"resume", "--db", db, "--person", "P001", "--pdf", db}, "是数据库文件"},
		{"统计写到锁文件", []string{"poolstats", "--db", db, "--xlsx", db + "-lock"}, "附属文件"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, beforeD := snapshot(t, dir), snapshot(t, ddir)
			_, stderr, code := runCLI(t, c.args...)
			if code == 0 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d %s", code, stderr)
			}
			sameFolder(t, dir, before)
			for _, name := range []string{"d.db"} {
				if beforeD[name] != snapshot(t, ddir)[name] {
					t.Fatalf("%s changed", name)
				}
			}
		})
	}
	b, _ := os.ReadFile(db)
	if !bytes.HasPrefix(b, []byte("SQLite format 3")) {
		t.Fatal("database overwritten")
	}
}

// A '?' or '#' in the --db path is part of the file's name.
func TestDBPathWithQuestionMark(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows forbids ? in names")
	}
	dir := filepath.Join(t.TempDir(), "科室?共享#1")
	os.MkdirAll(dir, 0o700)
	db := filepath.Join(dir, "巡察?2026.db")
	counties := writeCSV(t, dir, "县区.csv", "县区编码*,县区名称*\nC01,城关区\n")
	mustRun(t, "import", "--db", db, counties)
	mustRun(t, "backup", "--db", db, "--to", filepath.Join(dir, "b?1.db"))
	var names []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "b?1.db 县区.csv 巡察?2026.db 巡察?2026.db-lock" {
		t.Fatalf("folder: %s", got)
	}
}
