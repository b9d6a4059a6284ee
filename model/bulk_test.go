package model

import (
	"fmt"
	"testing"

	"xuncha/app/vocab"

	"gorm.io/gorm"
)

func TestInsertManyBatchesAndNulls(t *testing.T) {
	db := testDB(t)
	var counties []County
	for i := range 2500 {
		counties = append(counties, County{Code: fmt.Sprintf("C%04d", i), Name: fmt.Sprintf("县%d", i)})
	}
	parent := "U0"
	units := []Unit{
		{Code: "U0", Name: "安平镇", CountyCode: "C0000", Category: vocab.CatTownship},
		{Code: "U1", Name: "东村", CountyCode: "C0000", Category: vocab.CatVillage, ParentCode: &parent},
	}
	err := db.Transaction(func(tx *gorm.DB) error {
		if err := DeferForeignKeys(tx); err != nil {
			return err
		}
		if err := InsertMany(tx, units); err != nil { // before their county: checked at commit
			return err
		}
		return InsertMany(tx, counties)
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	db.Model(&County{}).Count(&n)
	if n != 2500 {
		t.Errorf("counties = %d, want 2500", n)
	}
	var got []Unit
	db.Order("code").Find(&got)
	if len(got) != 2 || got[0].ParentCode != nil || got[1].ParentCode == nil || *got[1].ParentCode != "U0" {
		t.Errorf("units = %+v", got)
	}
	var c County
	db.First(&c, "code = ?", "C1234")
	if c.Name != "县1234" {
		t.Errorf("county C1234 = %+v", c)
	}
}
