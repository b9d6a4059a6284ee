package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/vocab"
	"xuncha/app/workbook"
	"xuncha/model"
)

// ImportWorkbook imports workbook and CSV files (see workbook.Import) in the
// signed-in user's name; it needs PermImport. Nothing is written unless the
// whole file is valid, or opt.ValidOnly says to import the valid rows.
func (s *Service) ImportWorkbook(paths []string, opt workbook.Options) (*workbook.Result, error) {
	if err := s.Require(PermImport); err != nil {
		return nil, err
	}
	if opt.User == "" {
		opt.User = s.User
	}
	opt.NoReview = opt.NoReview || !s.Can(PermReview)
	opt.NoClues = opt.NoClues || !s.CanSeeClues()
	res, err := workbook.Import(s.DB, paths, opt)
	if err == nil && res != nil && res.Written {
		s.notifyAll("导入", "")
	}
	return res, dbError("导入失败，未写入任何数据", err)
}

// ExportPeople writes the people with the given codes (nil: everyone) in
// the import format: an xlsx workbook, or a CSV of the 人员 sheet (UTF-8
// with BOM) when path ends in .csv. It needs PermRead.
func (s *Service) ExportPeople(codes []string, path string) error {
	if err := s.Require(PermRead); err != nil {
		return err
	}
	return workbook.ExportPeopleAs(s.DB, codes, path)
}

// ExportUnits writes the units with the given codes (nil: all) like
// ExportPeople.
func (s *Service) ExportUnits(codes []string, path string) error {
	if err := s.Require(PermRead); err != nil {
		return err
	}
	return workbook.ExportUnitsAs(s.DB, codes, path)
}

// ExportAll writes every sheet to an xlsx workbook that re-imports to the
// same data. It needs PermRead; the clues (线索移交) are written only for a
// user with 线索管理.
func (s *Service) ExportAll(path string) error {
	if err := s.Require(PermRead); err != nil {
		return err
	}
	return workbook.ExportAllSheets(s.DB, path, s.CanSeeClues())
}

// UnitCodes lists the codes of the units of county ("" every county), by
// code: what an export of a county's units holds.
func (s *Service) UnitCodes(county string) ([]string, error) {
	q, err := s.inCounty(&model.Unit{}, "county_code", county)
	if err != nil {
		return nil, err
	}
	var codes []string
	if err := q.Pluck("code", &codes).Error; err != nil {
		return nil, fmt.Errorf("读取单位失败: %w", err)
	}
	return nonNil(codes), nil
}

// PeopleCodes lists the codes of the people of county ("" every county)
// in pool ("" any pool, else one of vocab.Pools), by code: what an export
// of a county's people holds.
func (s *Service) PeopleCodes(county, pool string) ([]string, error) {
	q, err := s.inCounty(&model.Person{}, "home_county_code", county)
	if err != nil {
		return nil, err
	}
	switch pool {
	case "":
	case vocab.PoolLeader:
		q = q.Where("in_leader_pool = ?", true)
	case vocab.PoolStaff:
		q = q.Where("in_staff_pool = ?", true)
	case vocab.PoolExpert:
		q = q.Where("in_expert_pool = ?", true)
	default:
		return nil, fmt.Errorf("人员库 %q 无效（应为 %s）", pool, strings.Join(vocab.Pools, "、"))
	}
	var codes []string
	if err := q.Pluck("code", &codes).Error; err != nil {
		return nil, fmt.Errorf("读取人员失败: %w", err)
	}
	return nonNil(codes), nil
}

// inCounty is the query of the rows of m whose column is county (every
// row when county is ""), by code, after checking the county exists. It
// needs PermRead.
func (s *Service) inCounty(m any, column, county string) (*gorm.DB, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	q := s.DB.Model(m).Order("code")
	if county == "" {
		return q, nil
	}
	var n int64
	if err := s.DB.Model(&model.County{}).Where("code = ?", county).Count(&n).Error; err != nil {
		return nil, fmt.Errorf("读取县区失败: %w", err)
	}
	if n == 0 {
		return nil, fmt.Errorf("县区 %s 不存在 (no such county)", county)
	}
	return q.Where(column+" = ?", county), nil
}

// nonNil keeps an empty selection empty: to the exports nil means every
// row.
func nonNil(codes []string) []string {
	if codes == nil {
		return []string{}
	}
	return codes
}
