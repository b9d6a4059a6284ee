package app

// The service methods of data packages (数据包): export, preview and
// import. Each asks for its right first.

import "xuncha/app/datapkg"

// ExportPackage writes the data of the chosen counties to a data package
// at path, encrypted when passphrase is not empty.
func (s *Service) ExportPackage(counties []string, passphrase, path string) (*datapkg.Manifest, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	return datapkg.ExportAs(s.DB, counties, passphrase, path, s.CanSeeClues())
}

// PreviewPackage reports what importing the package at path would add,
// update and leave out as conflicts, without writing.
func (s *Service) PreviewPackage(path, passphrase string) (*datapkg.Report, error) {
	if err := s.Require(PermImport); err != nil {
		return nil, err
	}
	return datapkg.PreviewAs(s.DB, path, passphrase, s.packageRights())
}

// ImportPackage merges the package at path by code, in one transaction
// with its audit entry.
func (s *Service) ImportPackage(path, passphrase string) (*datapkg.Report, error) {
	if err := s.Require(PermImport); err != nil {
		return nil, err
	}
	r, err := datapkg.ImportAs(s.DB, path, passphrase, s.User, s.packageRights())
	if err == nil && r != nil && r.Written {
		s.notifyAll("导入数据包", "")
	}
	return r, dbError("导入数据包失败，未写入任何数据", err)
}

// packageRights are what the signed-in user may merge of a package's
// results: clue rows (线索管理), review and close-out (审核销号).
func (s *Service) packageRights() datapkg.Rights {
	return datapkg.Rights{Clues: s.CanSeeClues(), Review: s.Can(PermReview)}
}
