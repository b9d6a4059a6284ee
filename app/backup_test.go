package app

import (
	"os"
	"testing"

	"xuncha/app/backup"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestRestoreDamaged restores a damaged database from its newest backup
// without anyone signing in, and records who did it and why; a sound
// database is refused (its restore is a 管理员's).
func TestRestoreDamaged(t *testing.T) {
	path := testworld.File(t, "巡察.db", &model.County{Code: "C01", Name: "安平县"})
	svc, err := Open(path, "测试")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.BackupNow(); err != nil {
		t.Fatal(err)
	}
	svc.Close()

	sound := backup.CheckAtStart(path)
	if _, err := RestoreDamaged(sound, sound.Path, "小王"); err == nil {
		t.Fatal("a sound database was restored without signing in")
	}
	if _, err := os.Stat(path + backup.AsideSuffix); !os.IsNotExist(err) {
		t.Fatalf("the refused restore touched the file: %v", err)
	}

	testworld.Damage(t, path)
	r := backup.CheckAtStart(path)
	if r.OK() || r.Newest == nil {
		t.Fatalf("damage not found or no backup offered: %v", r.Damage)
	}
	got, err := RestoreDamaged(r, r.Newest.Path, "小王")
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if got.User != "小王" {
		t.Errorf("opened for %q", got.User)
	}
	var c model.County
	if err := got.DB.Where("code = ?", "C01").First(&c).Error; err != nil {
		t.Errorf("restored data: %v", err)
	}
	var e model.AuditEntry
	got.DB.Where("action = ?", "恢复").Order("id desc").Limit(1).Find(&e)
	if e.User != "小王（数据库损坏时恢复）" || e.Key != r.Newest.Name {
		t.Errorf("audit entry %+v", e)
	}
	if _, err := os.Stat(path + backup.AsideSuffix); err != nil {
		t.Errorf("the damaged file was not kept aside: %v", err)
	}
}
