package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fileDialogSize fits long Chinese file names; a file dialog is resized
// after Show, where it sizes its content.
var fileDialogSize = fyne.NewSize(900, 600)

// fileDialog is what every open, save and folder dialog of the window
// shares: it starts in the folder used last (the first time: 文档), and
// remembers the folder of the file or folder chosen.
type fileDialog struct {
	title string
	exts  []string // the extensions offered (".xlsx"); a name typed without one gets the first
	name  string   // the file name offered by a save dialog
	dir   string   // start here instead of the folder used last
}

// open asks for an existing file; onPath gets its path.
func (o fileDialog) open(w fyne.Window, onPath func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := rc.URI().Path()
		rc.Close()
		rememberFolder(prefs(), filepath.Dir(path))
		onPath(path)
	}, w)
	o.show(w, d)
}

// save asks where to save a file; onPath gets a path with one of the
// extensions, where no file is left by the dialog (it makes an empty one).
func (o fileDialog) save(w fyne.Window, onPath func(path string)) {
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
		removeIfEmpty(path)
		rememberFolder(prefs(), filepath.Dir(path))
		onPath(withExt(path, o.exts))
	}, w)
	d.SetFileName(o.name)
	o.show(w, d)
}

// folder asks for a folder.
func (o fileDialog) folder(w fyne.Window, onPath func(path string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if u == nil {
			return
		}
		rememberFolder(prefs(), u.Path())
		onPath(u.Path())
	}, w)
	o.show(w, d)
}

func (o fileDialog) show(w fyne.Window, d *dialog.FileDialog) {
	d.SetTitleText(o.title)
	if len(o.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(o.exts))
	}
	dir := o.dir
	if !isDir(dir) {
		dir = startFolder(prefs())
	}
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
	d.Resize(fitSize(fileDialogSize, w.Canvas().Size()))
	chinesePlaces(w)
}

// prefs are the app's preferences (in memory under test).
func prefs() fyne.Preferences { return fyne.CurrentApp().Preferences() }

// withExt returns path, with the first of exts added when it has none of
// them (名单 → 名单.xlsx; 名单.csv stays when .csv is offered).
func withExt(path string, exts []string) string {
	if len(exts) == 0 {
		return path
	}
	for _, e := range exts {
		if strings.EqualFold(filepath.Ext(path), e) {
			return path
		}
	}
	return path + exts[0]
}

// removeIfEmpty removes the empty file a save dialog made: the writers
// make their own (through a temporary file, or not at all when they fail).
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}

// saveFile asks where to save a file named name with extension ext
// (".pdf"), writes it with write away from the window's thread and says
// done when it is written.
func saveFile(w fyne.Window, title, name, ext string, write func(path string) error, done string) {
	saveAs(w, fileDialog{title: title, name: name, exts: []string{ext}}, write, done)
}

// saveXLSX asks where to save an xlsx file named name, writes it with write
// away from the window's thread, and says done when it is written.
func saveXLSX(w fyne.Window, name string, write func(path string) error, done string) {
	saveFile(w, "保存为 Excel 工作簿", name, ".xlsx", write, done)
}

// saveList is saveXLSX for a list that may also be saved as CSV (write
// gets a path ending in .csv then; workbook.ExportPeopleAs does both).
func saveList(w fyne.Window, name string, write func(path string) error, done string) {
	saveAs(w, fileDialog{title: "保存为 Excel 工作簿（.xlsx）或 CSV（.csv）", name: name, exts: []string{".xlsx", ".csv"}}, write, done)
}

// saveAs asks for the path with o, then writes under a busy dialog and
// says done with the path.
func saveAs(w fyne.Window, o fileDialog, write func(path string) error, done string) {
	o.save(w, func(path string) {
		runBusy(w, "正在写入 "+filepath.Base(path)+"…", func() error { return write(path) }, func(err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			showExported(w, done, path)
		})
	})
}

// exportedDialog is the message after an export, with what can be done
// with the file.
type exportedDialog struct {
	dlg                        *dialog.CustomDialog
	open, folder, print, close *widget.Button
	note                       *widget.Label
}

// showExported says done with the file's path and offers 打开文件, 打开所在
// 文件夹 and, for a document, 打印; 确定 (also Enter and Esc) closes it.
func showExported(w fyne.Window, done, path string) *exportedDialog {
	d := &exportedDialog{note: widget.NewLabel("")}
	d.note.Importance = widget.DangerImportance
	d.note.Wrapping = fyne.TextWrapBreak
	d.note.Hide()
	do := func(act fileAction) func() {
		return func() {
			if err := doFile(act, path); err != nil {
				d.note.SetText(err.Error())
				d.note.Show()
				return
			}
			d.dlg.Hide()
		}
	}
	d.open = widget.NewButtonWithIcon("打开文件", theme.FileIcon(), do(actOpen))
	d.folder = widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), do(actFolder))
	d.close = widget.NewButtonWithIcon("确定", theme.ConfirmIcon(), func() { d.dlg.Hide() })
	d.close.Importance = widget.HighImportance
	buttons := container.NewHBox(d.open, d.folder)
	if printable(path) {
		d.print = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), do(actPrint))
		buttons.Add(d.print)
	}
	buttons.Add(layout.NewSpacer())
	buttons.Add(d.close)
	msg := widget.NewLabel(done + "：\n" + path)
	msg.Wrapping = fyne.TextWrapBreak
	d.dlg = dialog.NewCustomWithoutButtons("完成", container.NewVBox(msg, d.note, buttons), w)
	d.dlg.Show()
	d.dlg.Resize(fyne.NewSize(min(560, w.Canvas().Size().Width-2*dialogMargin), d.dlg.MinSize().Height))
	return d
}

// printable reports whether a file is a document the default printer
// takes as it is (a PDF).
func printable(path string) bool { return strings.EqualFold(filepath.Ext(path), ".pdf") }
