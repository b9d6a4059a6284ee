package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/internal/testworld"
	"xuncha/model"
)

func countCounties(t *testing.T, m *mainWindow) int64 {
	t.Helper()
	var n int64
	must(t, m.svc.DB.Model(&model.County{}).Count(&n).Error)
	return n
}

// backupScreenOf opens the 数据备份 screen of the window.
func backupScreenOf(t *testing.T, m *mainWindow) *backupScreen {
	t.Helper()
	for i, s := range m.screens {
		if s.title == "数据备份" {
			m.nav.Select(i)
			m.session().work.wait()
			b := m.views[i].(*backupScreen)
			b.work.wait()
			return b
		}
	}
	t.Fatalf("no 数据备份 in %v", navTitles(m))
	return nil
}

func TestBackupNowThenRestore(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	login(t, m, "王主任", "admin-pass-1")
	s := backupScreenOf(t, m)
	daily := rows(s.table) // the day's automatic backup, made on entering
	test.Tap(s.now)
	s.work.wait()
	if rows(s.table) != daily+1 || !strings.Contains(s.note.Text, "已备份") {
		t.Fatalf("after 立即备份: %d rows (before %d), note %q", rows(s.table), daily, s.note.Text)
	}
	if got := cellText(t, s.table, 0, 3); got != "完好" {
		t.Errorf("the new backup's check = %q", got)
	}

	// more work after the backup, then restore it
	must(t, svc.DB.Create(&model.County{Code: "C03", Name: "新县"}).Error)
	if countCounties(t, m) != 3 {
		t.Fatal("seed")
	}
	test.Tap(tableCell(s.table, 0, 0))
	test.Tap(s.restore)
	if s.confirm == nil {
		t.Fatalf("no confirmation; note %q", s.note.Text)
	}
	s.confirm.Submit()
	if s.confirm.Note.Failed() {
		t.Fatalf("restore refused: %s", s.confirm.Note.Text)
	}
	m.session().work.wait()
	if countCounties(t, m) != 2 {
		t.Errorf("counties after restore = %d, want the 2 of the backup", countCounties(t, m))
	}
	if _, err := os.Stat(path + ".before-restore"); err != nil {
		t.Errorf("the replaced file was not kept: %v", err)
	}
	if m.views == nil || svc.User != "王主任" {
		t.Errorf("after restore: screens %v, user %q", m.views != nil, svc.User)
	}
}

func TestClerkCannotRestoreOrChangeBackupSettings(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	login(t, m, "小李", "clerk-pass-1")
	s := backupScreenOf(t, m)
	test.Tap(s.now)
	s.work.wait()
	if rows(s.table) == 0 || s.note.Failed() {
		t.Fatalf("a clerk may back up: note %q", s.note.Text)
	}
	if !s.restore.Disabled() || !s.saveSet.Disabled() || !s.keep.Disabled() || !strings.Contains(s.rights.Text, "管理员") {
		t.Errorf("clerk: restore disabled %v, settings disabled %v, note %q", s.restore.Disabled(), s.saveSet.Disabled(), s.rights.Text)
	}
	if err := svc.Restore(s.files[0].Path); err == nil || !strings.Contains(err.Error(), "无权") {
		t.Errorf("the service let a clerk restore: %v", err)
	}
	set, _ := svc.BackupSettings()
	set.Keep = 3
	if err := svc.SaveBackupSettings(set); err == nil {
		t.Error("the service let a clerk change the backup settings")
	}
}

func TestBackupSettingsSaved(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	login(t, m, "王主任", "admin-pass-1")
	s := backupScreenOf(t, m)
	s.keep.SetText("零")
	test.Tap(s.saveSet)
	if !s.setNote.Failed() {
		t.Error("a keep that is not a number was accepted")
	}
	s.keep.SetText("3")
	s.daily.SetChecked(false)
	test.Tap(s.saveSet)
	set, err := svc.BackupSettings()
	if err != nil || set.Keep != 3 || set.Daily || !set.AtExit {
		t.Errorf("saved settings %+v %v (note %q)", set, err, s.setNote.Text)
	}
}

func TestDamagedBackupMarkedAndRefused(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	login(t, m, "王主任", "admin-pass-1")
	s := backupScreenOf(t, m)
	if rows(s.table) == 0 {
		t.Fatal("no backup listed")
	}
	testworld.Damage(t, s.files[0].Path)
	test.Tap(s.refresh)
	s.work.wait()
	if got := cellText(t, s.table, 0, 3); !strings.HasPrefix(got, "损坏") || strings.Contains(got, "\n") {
		t.Errorf("a damaged backup shows %q", got)
	}
	test.Tap(tableCell(s.table, 0, 0))
	test.Tap(s.restore)
	if !s.note.Failed() || !strings.Contains(s.note.Text, "不能用来恢复") {
		t.Errorf("restoring a damaged backup: %q", s.note.Text)
	}
}
