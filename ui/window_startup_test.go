package ui

import (
	"os"
	"strings"
	"testing"

	"xuncha/internal/testworld"

	"fyne.io/fyne/v2/test"
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
