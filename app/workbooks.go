package app

import (
	"xuncha/app/workbook"
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
	res, err := workbook.Import(s.DB, paths, opt)
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
// same data. It needs PermRead.
func (s *Service) ExportAll(path string) error {
	if err := s.Require(PermRead); err != nil {
		return err
	}
	return workbook.ExportAll(s.DB, path)
}
