package app

import "xuncha/app/workbook"

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
