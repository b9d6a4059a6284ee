package ui

import (
	"errors"
	"fmt"
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
	"xuncha/app/datapkg"
	"xuncha/ui/widgets"
)

// Columns of the preview's tables.
var (
	pkgCountColumns    = []string{"对象", "新增", "更新", "不变", "冲突"}
	pkgConflictColumns = []string{"对象", "编码", "冲突原因（不导入）"}
)

// packageImport reads a data package from another office: it shows what
// the package holds, asks for the passphrase when it is encrypted, previews
// what would be added, updated or is in conflict, and merges it by code in
// one transaction when the clerk confirms. A tampered or truncated package
// is refused with the reason.
type packageImport struct {
	svc        *app.Service
	win        fyne.Window
	onImported func()
	work       tasks

	path      string
	encrypted bool
	report    *datapkg.Report

	info              *widget.Label
	pass              *widget.Entry
	preview, confirm  *widget.Button
	counts, conflicts *widget.Table
	verdict           *widget.Label
	note              *widgets.Note
	dlg               dialog.Dialog
}

func newPackageImport(svc *app.Service, win fyne.Window, onImported func()) *packageImport {
	return &packageImport{svc: svc, win: win, onImported: onImported}
}

// choose asks for the package file.
func (d *packageImport) choose() {
	fileDialog{title: "选择数据包（" + datapkg.Ext + "）", exts: []string{datapkg.Ext}}.open(d.win, d.open)
}

// open shows the dialog for the package at path.
func (d *packageImport) open(path string) {
	d.path = path
	enc, man, err := datapkg.Encrypted(path)
	d.dlg = dialog.NewCustomWithoutButtons("数据包导入 — "+filepath.Base(path), d.build(), d.win)
	d.dlg.Resize(fyne.NewSize(960, 640))
	d.dlg.Show()
	if err != nil {
		d.refuse(err)
		return
	}
	d.encrypted = enc
	d.info.SetText(manifestText(man))
	if enc {
		d.pass.Enable()
		d.pass.SetPlaceHolder("数据包已加密，请输入口令")
		d.win.Canvas().Focus(d.pass)
	}
	d.preview.Enable()
}

func (d *packageImport) build() fyne.CanvasObject {
	d.info = widget.NewLabel("")
	d.info.Wrapping = fyne.TextWrapBreak
	d.pass = widget.NewPasswordEntry()
	d.pass.SetPlaceHolder("数据包未加密，不需要口令")
	d.pass.Disable()
	d.pass.OnSubmitted = func(string) { d.onPreview() }
	d.preview = widget.NewButtonWithIcon("预览", theme.SearchIcon(), d.onPreview)
	d.preview.Disable()
	d.confirm = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), d.onConfirm)
	d.confirm.Importance = widget.HighImportance
	d.confirm.Disable()
	cancel := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.verdict = widget.NewLabel("")
	d.verdict.Wrapping = fyne.TextWrapBreak
	d.verdict.Hide()
	d.note = widgets.NewNote()
	d.counts = d.countTable()
	d.conflicts = d.conflictTable()
	top := container.NewVBox(d.info,
		container.NewBorder(nil, nil, widget.NewLabel("口令"), d.preview, d.pass), d.note, d.verdict)
	body := container.NewVSplit(
		container.NewBorder(widget.NewLabelWithStyle("各类数据", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, d.counts),
		container.NewBorder(widget.NewLabelWithStyle("冲突（不导入）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, d.conflicts))
	body.Offset = 0.65
	return container.NewBorder(top, container.NewHBox(layout.NewSpacer(), cancel, d.confirm), nil, nil, body)
}

func (d *packageImport) countTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(d.countRows()), len(pkgCountColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			rows := d.countRows()
			if id.Row >= len(rows) {
				return
			}
			c := rows[id.Row]
			o.(*widget.Label).SetText([]string{c.Entity, strconv.Itoa(c.Added), strconv.Itoa(c.Updated),
				strconv.Itoa(c.Unchanged), strconv.Itoa(c.Conflicted)}[id.Col])
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	titledHeaders(t, pkgCountColumns)
	t.SetColumnWidth(0, 160)
	for i := 1; i < len(pkgCountColumns); i++ {
		t.SetColumnWidth(i, 100)
	}
	return t
}

// countRows are the total, then the entities the import changes, then
// those it leaves as they are; entities without rows are left out.
func (d *packageImport) countRows() []datapkg.Counts {
	if d.report == nil {
		return nil
	}
	out := []datapkg.Counts{d.report.Total()}
	var same []datapkg.Counts
	for _, c := range d.report.Entities {
		switch {
		case c.Added+c.Updated+c.Conflicted > 0:
			out = append(out, c)
		case c.Unchanged > 0:
			same = append(same, c)
		}
	}
	return append(out, same...)
}

func (d *packageImport) conflictTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) {
			if d.report == nil {
				return 0, len(pkgConflictColumns)
			}
			return len(d.report.Conflicts), len(pkgConflictColumns)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := d.report.Conflicts[id.Row]
			o.(*widget.Label).SetText([]string{c.Entity, c.Key, c.Reason}[id.Col])
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	titledHeaders(t, pkgConflictColumns)
	for i, w := range []float32{120, 200, 560} {
		t.SetColumnWidth(i, w)
	}
	return t
}

// manifestText says what the package says it holds, before it is opened.
func manifestText(m *datapkg.Manifest) string {
	enc := "未加密"
	if m.Encryption != nil {
		enc = "已加密"
	}
	var parts []string
	for _, c := range m.Counts {
		if c.Rows > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.Entity, c.Rows))
		}
	}
	if m.CluesLeftOut {
		enc += "，导出人无线索管理权限：不含线索明细"
	}
	return fmt.Sprintf("生成时间 %s，县区 %s，%s。\n内容：%s。\n请先预览，核对将新增、更新的数据和冲突，再确认导入。",
		m.Created, strings.Join(m.Counties, "、"), enc, strings.Join(parts, "，"))
}

func (d *packageImport) onPreview() {
	if d.encrypted && d.pass.Text == "" {
		d.note.Error(datapkg.ErrNeedPassphrase)
		return
	}
	pass := d.pass.Text
	var rep *datapkg.Report
	d.confirm.Disable()
	d.work.busy(d.win, "正在检查数据包…", func() error {
		var err error
		rep, err = d.svc.PreviewPackage(d.path, pass)
		return err
	}, func(err error) {
		if err != nil {
			d.refuse(err)
			return
		}
		d.note.Clear()
		d.show(rep)
		t := rep.Total()
		d.verdict.SetText(fmt.Sprintf("预览：将新增 %d 行，更新 %d 行，%d 行不变，%d 行冲突（不导入）。确认后一次写入；中途出错则什么也不写。",
			t.Added, t.Updated, t.Unchanged, t.Conflicted))
		d.verdict.Show()
		if t.Added+t.Updated > 0 {
			d.confirm.Enable()
		}
	})
}

func (d *packageImport) onConfirm() {
	pass := d.pass.Text
	var rep *datapkg.Report
	d.confirm.Disable()
	d.work.busy(d.win, "正在导入数据包…", func() error {
		var err error
		rep, err = d.svc.ImportPackage(d.path, pass)
		return err
	}, func(err error) {
		if err != nil {
			d.refuse(err)
			return
		}
		d.show(rep)
		t := rep.Total()
		d.note.OK(fmt.Sprintf("已导入：新增 %d 行，更新 %d 行；%d 行冲突，未导入。", t.Added, t.Updated, t.Conflicted))
		d.verdict.Hide()
		d.preview.Disable()
		if d.onImported != nil {
			d.onImported()
		}
	})
}

// refuse says why the package cannot be imported; a package that cannot
// be read cannot be previewed again either, but a wrong passphrase can be
// typed again.
func (d *packageImport) refuse(err error) {
	d.show(nil)
	d.verdict.Hide()
	d.note.Error(err)
	if errors.Is(err, datapkg.ErrBadPassphrase) || errors.Is(err, datapkg.ErrNeedPassphrase) {
		d.pass.SetText("")
		return
	}
	d.preview.Disable()
}

func (d *packageImport) show(r *datapkg.Report) {
	d.report = r
	d.counts.Refresh()
	d.conflicts.Refresh()
}
