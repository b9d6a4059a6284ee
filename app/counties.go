package app

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// CountyRow is a jurisdiction (县区 or 市本级, SPEC §8.1) with what names it.
type CountyRow struct {
	model.County
	Units  int // 单位 in it
	People int // 人员 whose 工作关系地 it is
}

// LevelText is the 级别 as shown: a blank level reads 县区.
func (r CountyRow) LevelText() string {
	if r.Level == "" {
		return vocab.LevelCounty
	}
	return r.Level
}

// Counties lists every jurisdiction by code with its units and people.
func (s *Service) Counties() ([]CountyRow, error) {
	var cs []model.County
	if err := s.DB.Order("code").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("读取县区失败: %w", err)
	}
	units, err := countBy(s.DB, &model.Unit{}, "county_code")
	if err != nil {
		return nil, err
	}
	people, err := countBy(s.DB, &model.Person{}, "home_county_code")
	if err != nil {
		return nil, err
	}
	out := make([]CountyRow, len(cs))
	for i, c := range cs {
		out[i] = CountyRow{County: c, Units: units[c.Code], People: people[c.Code]}
	}
	return out, nil
}

// countBy counts the rows of m per value of column.
func countBy(db *gorm.DB, m any, column string) (map[string]int, error) {
	var rows []struct {
		K string
		N int
	}
	if err := db.Model(m).Select(column + " as k, count(*) as n").Group(column).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取县区引用失败: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.K] = r.N
	}
	return out, nil
}

// SaveCounty stores jurisdiction c: a new one when read is nil (its code
// must be new), otherwise the one the form read as read (its code kept).
// The save goes only over the record as read: if another user changed its
// name or 级别 meanwhile, it is refused and nothing is written. A
// *FormErrors lists every field that is wrong.
func (s *Service) SaveCounty(read *model.County, c model.County) error {
	ck, err := s.newChecker()
	if err != nil {
		return err
	}
	ck.code("县区编码", &c.Code)
	ck.required("县区名称", &c.Name)
	ck.text("县区名称", &c.Name)
	c.Level = strings.TrimSpace(c.Level)
	if c.Level == vocab.LevelCounty {
		c.Level = "" // stored blank, as imports store it
	}
	if c.Level != "" && !slices.Contains(vocab.CountyLevels, c.Level) {
		ck.add("级别", "应为 %s", strings.Join(vocab.CountyLevels, "、"))
	}
	if read != nil && c.Code != read.Code {
		ck.add("县区编码", "县区编码不能修改")
	}
	if err := ck.result(); err != nil {
		return err
	}
	e := audit.Entry{Action: "新增", Entity: "县区", Key: c.Code, After: c}
	if read != nil {
		e.Action, e.Before = "修改", *read
	}
	return s.Write(e, func(tx *gorm.DB) error {
		var now model.County
		if err := tx.Where("code = ?", c.Code).Limit(1).Find(&now).Error; err != nil {
			return fmt.Errorf("读取县区失败: %w", err)
		}
		switch {
		case read == nil && now.Code != "":
			return &FormErrors{{"县区编码", fmt.Sprintf("县区编码 %s 已存在（%s）", c.Code, now.Name)}}
		case read != nil && now.Code == "":
			return fmt.Errorf("县区 %s 已被其他用户删除，请刷新后重试", c.Code)
		case read != nil && (now.Name != read.Name || now.Level != read.Level):
			return fmt.Errorf("县区 %s 已被其他用户修改（现为 %s），请刷新后重试", c.Code, now.Name)
		case read == nil:
			return tx.Create(&c).Error
		}
		return tx.Model(&model.County{}).Where("code = ?", c.Code).
			Updates(map[string]any{"name": c.Name, "level": c.Level}).Error
	})
}

// DeleteCounty removes jurisdiction code. One that units, people or a
// term's scope name is kept, and the message says what names it.
func (s *Service) DeleteCounty(code string) error {
	var old model.County
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&old).Error; err != nil {
		return fmt.Errorf("读取县区失败: %w", err)
	}
	if old.Code == "" {
		return fmt.Errorf("县区 %s %w", code, ErrNotFound)
	}
	e := audit.Entry{Action: "删除", Entity: "县区", Key: code, Before: old}
	return s.Write(e, func(tx *gorm.DB) error {
		var uses []string
		for _, q := range []struct {
			what  string
			m     any
			where string
		}{
			{"单位", &model.Unit{}, "county_code = ?"},
			{"人员（工作关系地）", &model.Person{}, "home_county_code = ?"},
			{"届期范围", &model.TermScope{}, "county_code = ?"},
		} {
			var n int64
			if err := tx.Model(q.m).Where(q.where, code).Count(&n).Error; err != nil {
				return fmt.Errorf("读取县区引用失败: %w", err)
			}
			if n > 0 {
				uses = append(uses, fmt.Sprintf("%s%d条", q.what, n))
			}
		}
		if len(uses) > 0 {
			return fmt.Errorf("%s（%s）仍被引用：%s，不能删除", old.Name, code, strings.Join(uses, "、"))
		}
		return tx.Where("code = ?", code).Delete(&model.County{}).Error
	})
}
