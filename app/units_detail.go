package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xuncha/app/audit"
	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
	"xuncha/model"
)

// UnitDetail is a unit with its leadership (班子成员) and its sub-units.
// The sub-units are shown, not saved: a sub-unit names its parent.
type UnitDetail struct {
	Unit     model.Unit
	Leaders  []model.UnitLeader
	Children []model.Unit
}

// UnitDetail loads unit code with its leaders and sub-units.
func (s *Service) UnitDetail(code string) (*UnitDetail, error) {
	d := &UnitDetail{}
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&d.Unit).Error; err != nil {
		return nil, fmt.Errorf("读取单位失败: %w", err)
	}
	if d.Unit.Code == "" {
		return nil, fmt.Errorf("单位 %s %w", code, ErrNotFound)
	}
	if err := s.DB.Where("unit_code = ?", code).Order("id").Find(&d.Leaders).Error; err != nil {
		return nil, fmt.Errorf("读取班子成员失败: %w", err)
	}
	if err := s.DB.Where("parent_code = ?", code).Order("code").Find(&d.Children).Error; err != nil {
		return nil, fmt.Errorf("读取下级单位失败: %w", err)
	}
	return d, nil
}

// AddUnit stores a new unit with its leaders; the code must be new.
func (s *Service) AddUnit(d *UnitDetail) error { return s.saveUnit(d, true) }

// SaveUnit stores the changes to an existing unit and the whole of its
// leadership in one transaction with an audit entry. A *FormErrors lists
// every field that is wrong.
func (s *Service) SaveUnit(d *UnitDetail) error { return s.saveUnit(d, false) }

func (s *Service) saveUnit(d *UnitDetail, create bool) error {
	if err := s.checkUnit(d); err != nil {
		return err
	}
	code := d.Unit.Code
	old, err := s.UnitDetail(code)
	switch {
	case err != nil && !errors.Is(err, ErrNotFound):
		return err
	case create && err == nil:
		return &FormErrors{{"单位编码", fmt.Sprintf("单位编码 %s 已存在（%s）", code, old.Unit.Name)}}
	case !create && err != nil:
		return err
	}
	if !create {
		for _, c := range old.Children {
			if c.CountyCode != d.Unit.CountyCode {
				return &FormErrors{{"县区", fmt.Sprintf("下级单位 %s（%s）属于县区 %s；上下级单位须在同一县区", c.Name, c.Code, c.CountyCode)}}
			}
		}
		d.Children = old.Children
	}
	e := audit.Entry{Action: "修改", Entity: "单位", Key: code, Before: old, After: d}
	if create {
		e.Action, e.Before = "新增", nil
	}
	read := model.StampOf(&d.Unit)
	return s.Write(e, func(tx *gorm.DB) error {
		if err := s.saveStamped(tx, &d.Unit, read, create); err != nil {
			return fmt.Errorf("保存单位失败: %w", err)
		}
		if err := tx.Where("unit_code = ?", code).Delete(&model.UnitLeader{}).Error; err != nil {
			return fmt.Errorf("保存班子成员失败: %w", err)
		}
		for i := range d.Leaders {
			l := d.Leaders[i]
			l.ID, l.UnitCode = 0, code
			if err := tx.Omit(clause.Associations).Create(&l).Error; err != nil {
				return fmt.Errorf("保存班子成员失败: %w", err)
			}
		}
		return nil
	})
}

// checkUnit checks d and trims its text: required fields, the county and
// category, the parent (in the same county, not itself or below itself),
// and the leaders.
func (s *Service) checkUnit(d *UnitDetail) error {
	ck, err := s.newChecker()
	if err != nil {
		return err
	}
	u := &d.Unit
	ck.code("单位编码", &u.Code)
	ck.required("单位名称", &u.Name)
	if ck.required("县区", &u.CountyCode) && !ck.hasCounty(u.CountyCode) {
		ck.add("县区", "县区编码 %s 不存在", u.CountyCode)
	}
	if !slices.Contains(vocab.Categories, u.Category) {
		ck.add("单位类别", "应为 %s", strings.Join(vocab.Categories, "、"))
	}
	if w, err := fieldrule.Sectors(u.Sectors); err != nil {
		ck.add("领域", "%s", err.Error())
	} else {
		u.Sectors = w
	}
	if p, err := fieldrule.Priority(u.Priority); err != nil {
		ck.add("重点等级", "%s", err.Error())
	} else {
		u.Priority = p
	}
	if u.ParentCode != nil {
		if msg := s.parentProblem(u); msg != "" {
			ck.add("上级单位", "%s", msg)
		}
		if *u.ParentCode == "" {
			u.ParentCode = nil
		}
	}
	seen := map[string]int{}
	for i := range d.Leaders {
		l := &d.Leaders[i]
		f := fmt.Sprintf("班子成员第%d行 ", i+1)
		if ck.required(f+"姓名", &l.Name) {
			if j, ok := seen[l.Name]; ok {
				ck.add(f+"姓名", "与第%d行重名", j)
			}
			seen[l.Name] = i + 1
		}
		ck.text(f+"职务", &l.Post)
		ck.idNumber(f+"身份证号", &l.IDNumber)
	}
	return ck.result()
}

// parentProblem says what is wrong with u's parent, or "".
func (s *Service) parentProblem(u *model.Unit) string {
	p := strings.TrimSpace(*u.ParentCode)
	*u.ParentCode = p
	if p == "" {
		return ""
	}
	if p == u.Code {
		return "上级单位不能是本单位"
	}
	seen := map[string]bool{}
	for at, first := p, true; at != ""; first = false {
		if at == u.Code {
			return fmt.Sprintf("%s 是本单位的下级单位，不能作为上级单位（上下级成环）", p)
		}
		if seen[at] {
			return fmt.Sprintf("单位 %s 的上级单位链条成环", at)
		}
		seen[at] = true
		var x model.Unit
		if err := s.DB.Where("code = ?", at).Limit(1).Find(&x).Error; err != nil || x.Code == "" {
			return fmt.Sprintf("单位编码 %s 不存在", at)
		}
		if first && x.CountyCode != u.CountyCode {
			return fmt.Sprintf("上级单位 %s（%s）属于县区 %s，本单位属于 %s；上下级单位须在同一县区", x.Name, x.Code, x.CountyCode, u.CountyCode)
		}
		at = deref(x.ParentCode)
	}
	return ""
}

// DeleteUnit removes unit code with its leaders. A unit that anything else
// names (sub-units, people's work history or current unit, declarations,
// inspection teams, relatives) is kept, and the message says what names it.
func (s *Service) DeleteUnit(code string) error {
	old, err := s.UnitDetail(code)
	if err != nil {
		return err
	}
	var uses []string
	for _, q := range []struct {
		what  string
		m     any
		where string
	}{
		{"下级单位", &model.Unit{}, "parent_code = ?"},
		{"人员现工作单位", &model.Person{}, "current_unit_code = ?"},
		{"工作经历", &model.WorkHistory{}, "unit_code = ?"},
		{"亲属工作单位", &model.Relative{}, "unit_code = ?"},
		{"回避申报", &model.Declaration{}, "unit_code = ?"},
		{"巡察任务", &model.TeamUnit{}, "unit_code = ?"},
		{"巡察规划", &model.PlanItem{}, "unit_code = ?"},
	} {
		var n int64
		if err := s.DB.Model(q.m).Where(q.where, code).Count(&n).Error; err != nil {
			return fmt.Errorf("读取单位引用失败: %w", err)
		}
		if n > 0 {
			uses = append(uses, fmt.Sprintf("%s%d条", q.what, n))
		}
	}
	if len(uses) > 0 {
		return fmt.Errorf("%s（%s）仍被引用：%s，不能删除", old.Unit.Name, code, strings.Join(uses, "、"))
	}
	e := audit.Entry{Action: "删除", Entity: "单位", Key: code, Before: old}
	return s.Write(e, func(tx *gorm.DB) error {
		if err := tx.Where("unit_code = ?", code).Delete(&model.UnitLeader{}).Error; err != nil {
			return fmt.Errorf("删除单位失败: %w", err)
		}
		if err := tx.Where("code = ?", code).Delete(&model.Unit{}).Error; err != nil {
			return fmt.Errorf("删除单位失败: %w", err)
		}
		return nil
	})
}
