package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"xuncha/app/roster"
)

// saveFile asks where to save a file named name with extension ext
// (".pdf"), writes it with write away from the window's thread and says
// done when it is written.
func saveFile(w fyne.Window, title, name, ext string, write func(path string) error, done string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		runBusy(w, "正在写入 "+filepath.Base(path)+"…", func() error { return write(path) }, func(err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			dialog.ShowInformation("完成", done+"：\n"+path, w)
		})
	}, w)
	d.SetFileName(name)
	d.SetTitleText(title)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
	d.Resize(fyne.NewSize(900, 600)) // after Show: a file dialog sizes its content there
}

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
