package app

import (
	"errors"
	"strings"
	"testing"

	"xuncha/app/vocab"
	"xuncha/model"
)

// The jurisdictions (SPEC §8.1): 级别 checked and stored blank for 县区, a
// code never changed nor taken twice, a save only over the record as read,
// a jurisdiction that units or people name kept, each change audited.
func TestCounties(t *testing.T) {
	s := formWorld(t)
	rows, err := s.Counties()
	if err != nil || len(rows) != 2 || rows[0].Code != "C01" || rows[0].Units != 3 || rows[0].LevelText() != vocab.LevelCounty {
		t.Fatalf("Counties = %+v, %v", rows, err)
	}
	var fe *FormErrors
	if err := s.SaveCounty(nil, model.County{Code: "C09", Name: "市本级", Level: "省本级"}); !errors.As(err, &fe) || !strings.Contains(err.Error(), "级别") {
		t.Errorf("a bad 级别: %v", err)
	}
	if err := s.SaveCounty(nil, model.County{Code: " ", Name: ""}); !errors.As(err, &fe) || len(*fe) < 2 {
		t.Errorf("empty code and name: %v", err)
	}
	if err := s.SaveCounty(nil, model.County{Code: "C01", Name: "又一个"}); !errors.As(err, &fe) || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("a code taken: %v", err)
	}
	countiesOK(t, s.SaveCounty(nil, model.County{Code: "C09", Name: "清江市本级", Level: vocab.LevelCity}))
	read := model.County{Code: "C02", Name: "河西县"}
	countiesOK(t, s.SaveCounty(&read, model.County{Code: "C02", Name: "河西县", Level: vocab.LevelCounty}))
	if err := s.SaveCounty(&read, model.County{Code: "C03", Name: "河西县"}); err == nil || !strings.Contains(err.Error(), "不能修改") {
		t.Errorf("a code changed: %v", err)
	}
	countiesOK(t, s.SaveCounty(&read, model.County{Code: "C02", Name: "河西区"}))
	if err := s.SaveCounty(&read, model.County{Code: "C02", Name: "河东县"}); err == nil || !strings.Contains(err.Error(), "已被其他用户修改") {
		t.Errorf("over a newer change: %v", err)
	}
	if err := s.DeleteCounty("C02"); err == nil || !strings.Contains(err.Error(), "仍被引用") {
		t.Errorf("delete a county with units: %v", err)
	}
	countiesOK(t, s.DeleteCounty("C09"))
	rows, _ = s.Counties()
	if len(rows) != 2 || rows[1].Name != "河西区" || rows[1].Level != "" {
		t.Errorf("after: %+v", rows)
	}
	var entries []model.AuditEntry
	countiesOK(t, s.DB.Where("entity = ?", "县区").Order("id").Find(&entries).Error)
	var acts []string
	for _, e := range entries {
		acts = append(acts, e.Action+" "+e.Key)
	}
	if got := strings.Join(acts, ", "); got != "新增 C09, 修改 C02, 修改 C02, 删除 C09" {
		t.Errorf("audited: %s", got)
	}
}

func countiesOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
