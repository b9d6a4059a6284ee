package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/papers"
)

// papersDialog is 文书 (SPEC §12.1): the documents of a round of the kinds
// where it was opened (公告 and 通知 from the round, 告知书 from a saved
// roster, 反馈意见 and 整改通知书 from a unit's results, 移交函 from the
// clue register, 鉴定表 from the 鉴定 tab, 督办通知 from the 督办 list),
// narrowed to a team, a unit or a member when opened from one. A document
// chosen from the list is opened in WPS or Word, printed (as PDF) or
// saved as .docx or .pdf; 全部打包 saves every document listed (and one
// PDF per kind) as one zip.
type papersDialog struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date
	req   app.PaperRequest
	kinds []papers.Kind

	kind                      *widget.Select
	list                      *widget.List
	names                     []string
	chosen                    int
	note                      *widget.Label
	open, print, save, zipAll *widget.Button
	dlg                       dialog.Dialog
}

// newPapersDialog returns the dialog for the documents of req's round of
// kinds (the first shown first), narrowed as req is.
func newPapersDialog(svc *app.Service, win fyne.Window, clock func() civil.Date, req app.PaperRequest, kinds ...papers.Kind) *papersDialog {
	return &papersDialog{svc: svc, win: win, clock: clock, req: req, kinds: kinds, chosen: -1}
}

// show opens the dialog.
func (d *papersDialog) show() {
	var titles []string
	for _, k := range d.kinds {
		titles = append(titles, k.Title())
	}
	d.note = widget.NewLabel("")
	d.note.Wrapping = fyne.TextWrapBreak
	d.list = widget.NewList(func() int { return len(d.names) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.names[i]) })
	d.list.OnSelected = func(i widget.ListItemID) { d.chosen = i; d.enable() }
	d.open = widget.NewButtonWithIcon("打开", theme.FileIcon(), d.onOpen)
	d.print = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), d.onPrint)
	d.save = widget.NewButtonWithIcon("另存为…", theme.DocumentSaveIcon(), d.onSave)
	d.zipAll = widget.NewButtonWithIcon("全部打包…", theme.DownloadIcon(), d.onZip)
	d.kind = widget.NewSelect(titles, func(string) { d.load() })
	closeBtn := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { d.dlg.Hide() })
	head := container.NewHBox(widget.NewLabel("文书"), container.NewGridWrap(fyne.NewSize(260, d.kind.MinSize().Height), d.kind),
		widget.NewLabel(d.scope()))
	buttons := container.NewHBox(d.open, d.print, d.save, layout.NewSpacer(), d.zipAll, closeBtn)
	body := container.NewBorder(head, container.NewVBox(d.note, buttons), nil, nil, d.list)
	d.dlg = dialog.NewCustomWithoutButtons("文书 — 轮次 "+d.req.Round, body, d.win)
	d.dlg.Resize(fyne.NewSize(min(760, d.win.Canvas().Size().Width-40), min(520, d.win.Canvas().Size().Height-40)))
	d.dlg.Show()
	if len(titles) > 0 {
		d.kind.SetSelected(titles[0]) // lists the documents
	}
}

// scope says what narrows the documents.
func (d *papersDialog) scope() string {
	var parts []string
	for _, x := range []struct{ name, v string }{{"巡察组", d.req.Team}, {"单位", d.req.Unit}, {"人员", d.req.Person}} {
		if x.v != "" {
			parts = append(parts, x.name+"："+x.v)
		}
	}
	return strings.Join(parts, "　")
}

// request is the request of the kind chosen, on today.
func (d *papersDialog) request() app.PaperRequest {
	r := d.req
	r.Kind, r.Today = d.kinds[d.kind.SelectedIndex()], d.clock()
	return r
}

// load lists the documents of the kind chosen.
func (d *papersDialog) load() {
	d.names, d.chosen = nil, -1
	d.list.UnselectAll()
	req := d.request()
	var names []string
	runBusy(d.win, "正在列出文书…", func() (err error) {
		names, err = d.svc.PaperNames(req)
		return err
	}, func(err error) { d.listed(names, err) })
}

// listed shows the documents listed, or why there are none.
func (d *papersDialog) listed(names []string, err error) {
	switch {
	case errors.Is(err, app.ErrNoPapers):
		d.note.SetText("没有这种文书：" + d.kind.Selected + "要有" + needs(d.request().Kind) + "才能生成。")
	case err != nil:
		d.note.SetText(err.Error())
	default:
		d.names = names
		d.note.SetText("共 " + strconv.Itoa(len(names)) + " 份。选中一份后可打开、打印或另存为 Word（.docx）或 PDF；“全部打包”把所列文书（另附每种一份 PDF）存为一个 zip。")
	}
	d.list.Refresh()
	if len(d.names) == 1 {
		d.list.Select(0)
	}
	d.enable()
}

// needs says what a kind of document is made from.
func needs(k papers.Kind) string {
	switch k {
	case papers.KindInform, papers.KindAppraise:
		return "已保存的编组记录"
	case papers.KindRectify:
		return "整改措施"
	case papers.KindUrge:
		return "逾期的整改措施或整改报告"
	case papers.KindHandover:
		return "移交的线索"
	}
	return "巡察组和被巡察单位"
}

// enable turns on what the choice allows.
func (d *papersDialog) enable() {
	one := d.chosen >= 0 && d.chosen < len(d.names)
	for _, b := range []*widget.Button{d.open, d.print, d.save} {
		if one {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if len(d.names) > 0 {
		d.zipAll.Enable()
	} else {
		d.zipAll.Disable()
	}
}

// scratch writes the chosen document as ext into the program's folder of
// documents to open or print, and returns its path.
func (d *papersDialog) scratch(ext string) (string, error) {
	dir := filepath.Join(os.TempDir(), "xuncha-文书")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, d.names[d.chosen]+ext)
	return path, d.svc.WritePaper(d.request(), d.names[d.chosen], path)
}

// onOpen opens the chosen document (.docx) in WPS or Word.
func (d *papersDialog) onOpen() { d.act(".docx", opener.Open, "已打开 ") }

// onPrint sends the chosen document (as PDF) to the default printer.
func (d *papersDialog) onPrint() { d.act(".pdf", opener.Print, "已送打印机：") }

func (d *papersDialog) act(ext string, do func(string) error, done string) {
	if d.chosen < 0 {
		return
	}
	runBusy(d.win, "正在生成 "+d.names[d.chosen]+"…", func() error {
		path, err := d.scratch(ext)
		if err == nil {
			err = do(path)
		}
		return err
	}, func(err error) {
		if err != nil {
			d.note.SetText(err.Error())
			return
		}
		d.note.SetText(done + d.names[d.chosen] + ext)
	})
}

// onSave saves the chosen document as .docx or .pdf.
func (d *papersDialog) onSave() {
	if d.chosen < 0 {
		return
	}
	name, req := d.names[d.chosen], d.request()
	saveAs(d.win, fileDialog{title: "保存文书（.docx 或 .pdf）", name: name + ".docx", exts: []string{".docx", ".pdf"}},
		func(path string) error { return d.svc.WritePaper(req, name, path) }, "已保存"+req.Kind.Title())
}

// onZip saves every document listed as one zip.
func (d *papersDialog) onZip() {
	req := d.request()
	saveFile(d.win, "保存全部文书（zip）", d.req.Round+" "+req.Kind.Title()+".zip", ".zip", func(path string) error {
		_, err := d.svc.WritePapersZip(req, path, app.PaperFormats{Docx: true, PDF: true})
		return err
	}, "已保存全部"+req.Kind.Title())
}
