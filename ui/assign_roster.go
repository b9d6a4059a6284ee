package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/papers"
	"xuncha/app/roster"
)

// assignDocuments are the documents of the 编组 screen: the roster shown
// as xlsx or PDF (a draft unless it is the round's saved 编组记录), and
// the record of a draw, to save as the JSON xuncha draw-verify replays
// and to print for the witnesses to sign.
type assignDocuments struct {
	screen *assignScreen

	exportXLSX, exportPDF, recordBtn, verifyBtn *widget.Button
	notices                                     *widget.Button
	checked                                     *recordCheck // the replay shown last
	// recordPath is where the draw record's JSON was saved last, for the
	// replay command its printout names.
	recordPath string
}

// buttons makes the documents' buttons of the screen's toolbar; the draw
// record's shows once a draw was made.
func (p *assignDocuments) buttons() []fyne.CanvasObject {
	p.exportXLSX = widget.NewButtonWithIcon("名单 xlsx", theme.UploadIcon(), p.onExportXLSX)
	p.exportPDF = widget.NewButtonWithIcon("名单 PDF", theme.DocumentPrintIcon(), p.onExportPDF)
	p.recordBtn = widget.NewButtonWithIcon("抽取记录", theme.FileIcon(), p.showRecord)
	p.recordBtn.Hide()
	p.verifyBtn = widget.NewButtonWithIcon("核验抽取记录…", theme.SearchIcon(), p.onVerifyRecord)
	p.notices = widget.NewButtonWithIcon("回避告知书…", theme.DocumentIcon(), p.onNotices)
	return []fyne.CanvasObject{p.exportXLSX, p.exportPDF, p.notices, p.recordBtn, p.verifyBtn}
}

// rosterFileName is the file name offered for the roster of the round.
func (p *assignDocuments) rosterFileName(ext string) string {
	s := p.screen
	name := s.st.Res.Round
	if r := s.roundRow(); r != nil && r.Name != "" {
		name = r.Name
	}
	return name + "编组名单" + ext
}

// currentRoster builds the documents' roster of what the screen shows: a
// draft unless it is the round's saved 编组记录.
func (p *assignDocuments) currentRoster() (*roster.Roster, error) {
	s := p.screen
	r, err := s.svc.RosterFromResult(s.st.Res)
	if err != nil {
		return nil, err
	}
	r.Draft = s.st.Dirty || s.st.Source != assign.SourceSaved
	return r, nil
}

// writeRoster writes the roster shown to path as xlsx or PDF.
func (p *assignDocuments) writeRoster(path string, pdf bool) error {
	r, err := p.currentRoster()
	if err != nil {
		return err
	}
	if pdf {
		return roster.WritePDF(path, r)
	}
	return roster.WriteXLSX(path, r)
}

func (p *assignDocuments) onExportXLSX() {
	s := p.screen
	if s.st == nil {
		return
	}
	saveFile(s.win, "保存编组名单（Excel 工作簿）", p.rosterFileName(".xlsx"), ".xlsx",
		func(path string) error { return p.writeRoster(path, false) }, "已导出编组名单")
}

func (p *assignDocuments) onExportPDF() {
	s := p.screen
	if s.st == nil {
		return
	}
	saveFile(s.win, "保存编组名单（A4 PDF，每组一页）", p.rosterFileName(".pdf"), ".pdf",
		func(path string) error { return p.writeRoster(path, true) }, "已生成编组名单 PDF")
}

// onNotices opens the 回避告知书 (with their 申报表) and the 通知 of the
// round's saved roster; a roster not saved yet has none.
func (p *assignDocuments) onNotices() {
	s := p.screen
	if s.st == nil {
		return
	}
	if s.st.Unsaved() {
		dialog.ShowInformation("回避告知书", "回避告知书按已保存的编组记录生成；当前编组尚未保存，请先“保存编组”。", s.win)
		return
	}
	newPapersDialog(s.svc, s.win, today, app.PaperRequest{Round: s.st.Res.Round}, papers.KindInform, papers.KindFound).show()
}
