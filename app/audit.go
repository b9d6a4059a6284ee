package app

// The service methods of the audit log: its pages, filters, export and
// the check of its hash chain. Each asks for PermAudit first.

import "xuncha/app/audit"

// AuditLog returns one page of the audit log, newest first.
func (s *Service) AuditLog(f audit.Filter) (audit.Page, error) {
	if err := s.Require(PermAudit); err != nil {
		return audit.Page{}, err
	}
	return audit.Query(s.DB, f)
}

// AuditFacets returns the users, actions and entities in the log, for the
// viewer's filters.
func (s *Service) AuditFacets() (audit.Facets, error) {
	if err := s.Require(PermAudit); err != nil {
		return audit.Facets{}, err
	}
	return audit.ListFacets(s.DB)
}

// ExportAudit writes the entries that match f to an xlsx workbook.
func (s *Service) ExportAudit(f audit.Filter, path string) (int, error) {
	if err := s.Require(PermAudit); err != nil {
		return 0, err
	}
	return audit.Export(s.DB, f, path)
}

// VerifyAudit checks the hash chain of the whole log.
func (s *Service) VerifyAudit() ([]audit.Problem, error) {
	if err := s.Require(PermAudit); err != nil {
		return nil, err
	}
	return audit.Verify(s.DB)
}
