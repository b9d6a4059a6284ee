package model

import (
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"xuncha/app/vocab"
)

// Two clerks read the same version of a person; the first save counts the
// version up, the second is refused with who saved first and when, and
// writes nothing; a save over a deleted record says so. An import's
// Overwrite counts the version up too, so a form open before it is
// refused.
func TestSaveStampedRefusesAStaleVersion(t *testing.T) {
	db := testDB(t)
	db.Create(&County{Code: "C1", Name: "甲县"})
	p := Person{Code: "P1", Name: "张三", HomeCountyCode: "C1", Status: vocab.StatusActive}
	at := time.Date(2026, 3, 1, 2, 2, 0, 0, time.UTC)
	SetStamp(&p, "王经办", at)
	if err := db.Create(&p).Error; err != nil {
		t.Fatal(err)
	}
	var a, b Person
	db.First(&a, "code = ?", "P1")
	db.First(&b, "code = ?", "P1")
	a.Post, b.Post = "科长", "处长"
	save := func(rec *Person, read Stamp, by string, when time.Time) error {
		return Transact(db, func(tx *gorm.DB) error { return SaveStamped(tx, rec, read, by, when) })
	}
	later := at.Add(8 * time.Hour)
	if err := save(&a, StampOf(&a), "张三", later); err != nil {
		t.Fatal(err)
	}
	if a.Version != 2 || a.ChangedBy != "张三" {
		t.Errorf("stamp after save = %+v", a.Stamp)
	}
	err := save(&b, StampOf(&b), "李四", later.Add(time.Minute))
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.By != "张三" || !ce.At.Equal(later) {
		t.Fatalf("stale save: %v", err)
	}
	want := "该记录已被 张三 于 " + later.In(time.Local).Format(ConflictTimeLayout) + " 修改，请刷新后重试"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	if b.Version != 1 {
		t.Errorf("a refused save changed the form's stamp: %+v", b.Stamp)
	}
	var now Person
	db.First(&now, "code = ?", "P1")
	if now.Post != "科长" || now.Version != 2 {
		t.Errorf("stored %q v%d, want the first save's", now.Post, now.Version)
	}
	if err := save(&a, StampOf(&a), "张三", later); err != nil {
		t.Fatalf("saving again on one's own stamp: %v", err)
	}
	if err := Transact(db, func(tx *gorm.DB) error { return Overwrite(WithActor(tx, "导入员"), &now) }); err != nil {
		t.Fatal(err)
	}
	if now.Version != 4 || now.ChangedBy != "导入员" {
		t.Errorf("stamp after an import = %+v", now.Stamp)
	}
	if err := save(&a, StampOf(&a), "张三", later); !errors.As(err, &ce) || ce.By != "导入员" {
		t.Errorf("save after an import: %v", err)
	}
	db.Delete(&Person{}, "code = ?", "P1")
	if err := save(&a, StampOf(&a), "张三", later); !errors.As(err, &ce) || !ce.Gone {
		t.Errorf("save over a deleted record: %v", err)
	}
}
