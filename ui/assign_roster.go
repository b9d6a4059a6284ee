package ui

import (
	"xuncha/app/roster"
)

// rosterFileName is the file name offered for the roster of the round.
func (s *assignScreen) rosterFileName(ext string) string {
	name := s.st.res.Round
	if r := s.roundRow(); r != nil && r.Name != "" {
		name = r.Name
	}
	return name + "编组名单" + ext
}

// currentRoster builds the documents' roster of what the screen shows: a
// draft unless it is the round's saved 编组记录.
func (s *assignScreen) currentRoster() (*roster.Roster, error) {
	r, err := s.svc.RosterFromResult(s.st.res)
	if err != nil {
		return nil, err
	}
	r.Draft = s.st.dirty || s.st.source != fromSaved
	return r, nil
}

// writeRoster writes the roster shown to path as xlsx or PDF.
func (s *assignScreen) writeRoster(path string, pdf bool) error {
	r, err := s.currentRoster()
	if err != nil {
		return err
	}
	if pdf {
		return roster.WritePDF(path, r)
	}
	return roster.WriteXLSX(path, r)
}

func (s *assignScreen) onExportXLSX() {
	if s.st == nil {
		return
	}
	saveFile(s.win, "保存编组名单（Excel 工作簿）", s.rosterFileName(".xlsx"), ".xlsx",
		func(path string) error { return s.writeRoster(path, false) }, "已导出编组名单")
}

func (s *assignScreen) onExportPDF() {
	if s.st == nil {
		return
	}
	saveFile(s.win, "保存编组名单（A4 PDF，每组一页）", s.rosterFileName(".pdf"), ".pdf",
		func(path string) error { return s.writeRoster(path, true) }, "已生成编组名单 PDF")
}
