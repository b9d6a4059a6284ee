package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/internal/testworld"
	"xuncha/model"
)

var t0 = time.Date(2026, 3, 1, 17, 30, 0, 0, time.Local)

// newDB creates a database file with n counties.
func newDB(t *testing.T, dir string, n int) (*gorm.DB, string) {
	t.Helper()
	path := filepath.Join(dir, "xuncha.db")
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addCounties(t, db, 0, n)
	return db, path
}

func addCounties(t *testing.T, db *gorm.DB, from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		c := model.County{Code: fmt.Sprintf("C%03d", i), Name: fmt.Sprintf("第%d县%s", i, strings.Repeat("名", 40))}
		if err := db.Create(&c).Error; err != nil {
			t.Fatal(err)
		}
	}
}

func counties(t *testing.T, path string) int64 {
	t.Helper()
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	var n int64
	db.Model(&model.County{}).Count(&n)
	return n
}

func TestBackupRotation(t *testing.T) {
	dir := t.TempDir()
	db, path := newDB(t, dir, 3)
	defer model.Close(db)
	folder := Defaults().Folder(path)
	var made []string
	for i, d := range []time.Duration{0, time.Second, time.Second, time.Hour, 25 * time.Hour} {
		f, err := backupAt(db, folder, 3, t0.Add(d))
		if err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		made = append(made, f.Name)
	}
	want := []string{"xuncha-20260301-173000.db", "xuncha-20260301-173001.db", "xuncha-20260301-173001-2.db",
		"xuncha-20260301-183000.db", "xuncha-20260302-183000.db"}
	if strings.Join(made, " ") != strings.Join(want, " ") {
		t.Fatalf("names\n got %v\nwant %v", made, want)
	}
	files, err := List(folder, path)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, f := range files {
		kept = append(kept, f.Name)
		if err := Check(f.Path); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	if got := strings.Join(kept, " "); got != "xuncha-20260302-183000.db xuncha-20260301-183000.db xuncha-20260301-173001-2.db" {
		t.Fatalf("kept %s", got)
	}
	for _, c := range []struct {
		now  time.Time
		want bool
	}{{t0.Add(26 * time.Hour), false}, {t0.Add(48 * time.Hour), true}} {
		if due, _ := DailyDue(folder, path, c.now); due != c.want {
			t.Errorf("DailyDue at %v = %v", c.now, due)
		}
	}
}

// TestRotateKeepsAllBelowOne rotates with a keep of 0 and below (a setting
// edited by hand): nothing is deleted, and nothing panics.
func TestRotateKeepsAllBelowOne(t *testing.T) {
	dir := t.TempDir()
	db, path := newDB(t, dir, 1)
	defer model.Close(db)
	folder := Defaults().Folder(path)
	for i := range 2 {
		if _, err := backupAt(db, folder, 0, t0.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	for _, keep := range []int{0, -1} {
		gone, err := Rotate(folder, path, keep)
		if err != nil || len(gone) > 0 {
			t.Errorf("Rotate(keep %d) deleted %v, %v", keep, gone, err)
		}
	}
	if files, _ := List(folder, path); len(files) != 2 {
		t.Errorf("%d backups left, want 2", len(files))
	}
}

func TestCheckFindsDamage(t *testing.T) {
	dir := t.TempDir()
	db, path := newDB(t, dir, 200)
	good := filepath.Join(dir, "good.db")
	if err := model.BackupTo(db, good); err != nil {
		t.Fatal(err)
	}
	model.Close(db)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	raw, _ := os.ReadFile(good)
	half := write("damaged.db", raw)
	testworld.Damage(t, half)
	header := append([]byte("not a sqlite header at all"), raw[26:]...)
	cases := []struct {
		name, path string
		ok         bool
	}{
		{"完好的备份", good, true},
		{"后半部分被覆盖", half, false},
		{"文件头损坏", write("header.db", header), false},
		{"被截断", write("short.db", raw[:len(raw)/3]), false},
		{"空文件", write("empty.db", nil), false},
		{"不是本程序的数据库", foreignDB(t, dir), false},
		{"文件不存在", filepath.Join(dir, "missing.db"), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Check(c.path)
			var de *DamageError
			if c.ok != (err == nil) || (!c.ok && !errors.As(err, &de)) {
				t.Fatalf("Check = %v", err)
			}
			if err != nil && !strings.Contains(err.Error(), "已损坏") {
				t.Fatalf("message %q", err)
			}
		})
	}
	if err := checkLive(path); err != nil {
		t.Fatalf("live database: %v", err)
	}
}

func foreignDB(t *testing.T, dir string) string {
	path := filepath.Join(dir, "other.db")
	db := otherProgram(t, path)
	db.Exec("CREATE TABLE notes (x TEXT)")
	model.Close(db)
	return path
}

// TestDamageStartRestore is the whole story: a backup, more work, the file
// damaged, the check at start offering the backup, the restore.
func TestDamageStartRestore(t *testing.T) {
	dir := t.TempDir()
	db, path := newDB(t, dir, 50)
	folder := Defaults().Folder(path)
	older, err := backupAt(db, folder, 10, t0)
	if err != nil {
		t.Fatal(err)
	}
	addCounties(t, db, 50, 60)
	newer, err := backupAt(db, folder, 10, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	addCounties(t, db, 60, 300)
	model.Close(db)
	testworld.Damage(t, newer.Path) // the newest backup is bad too: the check passes over it
	testworld.Damage(t, path)

	r := CheckAtStart(path)
	if r.OK() || r.Newest == nil || r.Newest.Name != older.Name || len(r.Skipped) != 1 {
		t.Fatalf("report: ok=%v newest=%v skipped=%v damage=%v", r.OK(), r.Newest, r.Skipped, r.Damage)
	}
	if msg := r.Message(); !strings.Contains(msg, "已损坏") || !strings.Contains(msg, older.Name) {
		t.Fatalf("message %q", msg)
	}
	if err := RestoreDamaged(r.Newest.Path, path, "王主任"); err != nil {
		t.Fatal(err)
	}
	if n := counties(t, path); n != 50 {
		t.Fatalf("restored %d counties, want 50", n)
	}
	if _, err := os.Stat(path + AsideSuffix); err != nil {
		t.Fatalf("damaged file not kept aside: %v", err)
	}
	if r := CheckAtStart(path); !r.OK() {
		t.Fatalf("after restore: %v", r.Damage)
	}
	db, _ = model.Open(path)
	defer model.Close(db)
	var e model.AuditEntry
	db.Last(&e)
	if e.Action != "恢复" || e.User != "王主任" || e.Key != older.Name {
		t.Fatalf("audit %+v", e)
	}
	if ps, _ := audit.Verify(db); len(ps) != 0 {
		t.Fatalf("chain %v", ps)
	}
}

func TestRestoreRefusesDamagedBackup(t *testing.T) {
	dir := t.TempDir()
	db, path := newDB(t, dir, 20)
	bad := filepath.Join(dir, "bad.db")
	model.BackupTo(db, bad)
	model.Close(db)
	testworld.Damage(t, bad)
	if err := Restore(bad, path, "王主任"); err == nil || !strings.Contains(err.Error(), "未恢复") {
		t.Fatalf("Restore = %v", err)
	}
	if n := counties(t, path); n != 20 {
		t.Fatalf("database changed: %d counties", n)
	}
	if _, err := os.Stat(path + AsideSuffix); !os.IsNotExist(err) {
		t.Fatal("a refused restore moved the database aside")
	}
	if err := Restore(path, path, "王主任"); err == nil {
		t.Fatal("restored a file over itself")
	}
}

func TestCheckAtStartSoundOrMissing(t *testing.T) {
	dir := t.TempDir()
	if r := CheckAtStart(filepath.Join(dir, "new.db")); !r.OK() {
		t.Fatal("a missing file is a new database, not damage")
	}
	db, path := newDB(t, dir, 1)
	model.Close(db)
	if r := CheckAtStart(path); !r.OK() {
		t.Fatal(r.Damage)
	}
}

type memStore map[string]any

func (m memStore) LoadSetting(key string, v any) error {
	if s, ok := m[key]; ok {
		*(v.(*Settings)) = s.(Settings)
	}
	return nil
}

func (m memStore) SaveSetting(key string, v any) error { m[key] = v; return nil }

func TestSettings(t *testing.T) {
	st := memStore{}
	if s, _ := Load(st); s != Defaults() {
		t.Fatalf("defaults %+v", s)
	}
	abs, _ := filepath.Abs("备份盘")
	cases := []struct {
		name string
		s    Settings
		ok   bool
	}{
		{"保留五份", Settings{Dir: abs, Keep: 5, Daily: true}, true},
		{"保留零份", Settings{Keep: 0}, false},
		{"相对路径", Settings{Dir: "backups", Keep: 5}, false},
	}
	for _, c := range cases {
		if err := Save(st, c.s); (err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if s, _ := Load(st); s.Keep != 5 || s.Folder("/x/xuncha.db") != abs {
		t.Fatalf("loaded %+v", s)
	}
}
