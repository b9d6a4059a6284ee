package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"xuncha/app/workbook"
)

// saveXLSX asks where to save an xlsx file named name, writes it with write
// away from the window's thread, and says done when it is written.
func saveXLSX(w fyne.Window, name string, write func(path string) error, done string) {
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
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			path += ".xlsx"
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
	d.SetTitleText("保存为 Excel 工作簿")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
	d.Resize(fyne.NewSize(900, 600)) // after Show: a file dialog sizes its content there
}

// onImport opens the import dialog; the screens reload after an import
// that wrote something.
func (m *mainWindow) onImport() {
	newImportDialog(m.svc, m.win, m.reload).show()
}

func (m *mainWindow) onExportAll() {
	saveXLSX(m.win, "全部数据.xlsx", func(path string) error { return workbook.ExportAll(m.svc.DB, path) }, "已导出全部数据")
}

func (m *mainWindow) onTemplate() {
	saveXLSX(m.win, "导入模板.xlsx", workbook.WriteTemplate, "已生成空白导入模板")
}
