package ui

// The workbook and data-package actions of the window's toolbar.

import "xuncha/app/workbook"

// onImport opens the import dialog; the screens reload after an import
// that wrote something.
func (m *mainWindow) onImport() {
	newImportDialog(m.svc, m.win, m.reload).show()
}

// onExportAll writes every sheet to one workbook.
func (m *mainWindow) onExportAll() {
	saveXLSX(m.win, "全部数据.xlsx", func(path string) error { return m.svc.ExportAll(path) }, "已导出全部数据")
}

// onTemplate writes the empty import workbook.
func (m *mainWindow) onTemplate() {
	saveXLSX(m.win, "导入模板.xlsx", workbook.WriteTemplate, "已生成空白导入模板")
}

// onPackageExport opens the export of a data package.
func (m *mainWindow) onPackageExport() { newPackageExport(m.svc, m.win).show() }

// onPackageImport asks for a data package and opens its import.
func (m *mainWindow) onPackageImport() { newPackageImport(m.svc, m.win, m.reload).choose() }
