package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/internal/testworld"

	"fyne.io/fyne/v2/test"
	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"xuncha/app/backup"
	"xuncha/model"
)

func TestStartupOffersRestoreOfDamagedDatabase(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	if _, err := svc.BackupNow(); err != nil {
		t.Fatal(err)
	}
	must(t, svc.Close())
	testworld.Damage(t, path)

	m.startup(path)
	m.session().work.wait()
	p := m.session().damage
	if p == nil || m.views != nil || m.svc != nil {
		t.Fatal("a damaged database should not be opened")
	}
	if p.restore == nil || !strings.Contains(p.restore.Text, "从最新的完好备份恢复（") {
		t.Fatalf("no restore offered; message %q", p.report.Message())
	}
	if !strings.Contains(p.report.Message(), "已损坏") {
		t.Errorf("message = %q", p.report.Message())
	}
	test.Tap(p.restore)
	m.session().work.wait()
	if m.svc == nil || m.session().first == nil {
		t.Fatalf("after restore the database should open (at its first 管理员); note %q", p.note.Text)
	}
	if n := countCounties(t, m); n != 2 {
		t.Errorf("counties after restore = %d", n)
	}
	if _, err := os.Stat(path + ".before-restore"); err != nil {
		t.Errorf("the damaged file was not kept: %v", err)
	}
}

func TestStartupWithoutBackupSaysSo(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	must(t, svc.Close())
	testworld.Damage(t, path)
	m.startup(path)
	m.session().work.wait()
	p := m.session().damage
	if p == nil || p.restore != nil || p.other == nil || !strings.Contains(p.report.Message(), "没有找到完好的备份") {
		t.Fatalf("without backups: panel %v", p != nil)
	}
}

func TestStartupOpensSoundDatabase(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	must(t, svc.Close())
	m.startup(path)
	m.session().work.wait()
	if m.session().damage != nil || m.svc == nil || m.session().first == nil {
		t.Fatal("a sound database without accounts should open at its first 管理员")
	}
}

// A database another program keeps locked is not damaged: the window says
// it is locked, offers no restore (which would replace a sound file), and
// 重试 opens it once the other program lets go.
func TestStartupLockedIsNotDamage(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	must(t, svc.Close())
	holder, err := gorm.Open(sqlite.Open(path), &gorm.Config{Logger: logger.Discard})
	must(t, err)
	sqlDB, _ := holder.DB()
	sqlDB.SetMaxOpenConns(1)
	must(t, holder.Exec("PRAGMA locking_mode = EXCLUSIVE").Error)
	must(t, holder.Create(&model.County{Code: "C09", Name: "独占县"}).Error)
	m.startup(path)
	m.session().work.wait()
	p := m.session().damage
	if p == nil || m.svc != nil {
		t.Fatal("a locked database was opened")
	}
	msg := p.report.Message()
	if p.restore != nil || p.other != nil || p.retry == nil || strings.Contains(msg, "已损坏") || !strings.Contains(msg, "锁定") {
		t.Fatalf("panel: restore=%v other=%v retry=%v message %q", p.restore != nil, p.other != nil, p.retry != nil, msg)
	}
	model.Close(holder)
	test.Tap(p.retry)
	m.session().work.wait()
	if m.svc == nil || countCounties(t, m) != 3 {
		t.Fatal("重试 did not open the database once free")
	}
}

// A --db naming no file is asked about, not made into a new database; the
// default path's first start still offers the demo and an empty start.
func TestBeginAtMissingDatabase(t *testing.T) {
	m, svc, _ := fileWorld(t, "巡察.db")
	must(t, svc.Close())
	typo := filepath.Join(t.TempDir(), "输错的名字.db")
	m.begin(typo, true)
	top := m.win.Canvas().Overlays().Top()
	if top == nil || findButton(top, "退出") == nil || findButton(top, "在此新建空白数据库") == nil {
		t.Fatal("no question about the missing --db file")
	}
	if _, err := os.Stat(typo); !os.IsNotExist(err) {
		t.Fatal("the missing file was created")
	}
	m.win.Canvas().Overlays().Remove(top)
	m.begin(filepath.Join(t.TempDir(), "xuncha.db"), false)
	if top := m.win.Canvas().Overlays().Top(); top == nil || findButton(top, "从空白开始") == nil || findButton(top, "退出") != nil {
		t.Fatal("no first start at the default path")
	}
}

// A restore that an older version left half done (the database renamed
// aside, the copy not yet in place) is put right at start: the old
// database opens, with a note, and no 首次使用 is offered.
func TestBeginAfterInterruptedRestore(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	must(t, svc.Close())
	must(t, os.Rename(path, path+backup.AsideSuffix))
	m.begin(path, false)
	m.session().work.wait()
	if m.svc == nil || countCounties(t, m) != 2 {
		t.Fatal("the database from before the restore was not opened")
	}
	top := m.win.Canvas().Overlays().Top()
	if top != nil && findButton(top, "从空白开始") != nil {
		t.Fatal("首次使用 offered after an interrupted restore")
	}
}
