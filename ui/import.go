package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/outfile"
	"xuncha/app/workbook"
)

// importDialog imports workbooks (xlsx, or CSV files named for their
// sheet): the clerk chooses the files, checks them (仅检查: every problem
// and what would change, nothing written) or imports them, with a progress
// bar; the result shows every sheet at once with what was (or would be)
// added, updated, unchanged and rejected, and every problem with its
// sheet, row and column; the problems can be saved as an xlsx list to
// correct the workbook by.
type importDialog struct {
	svc      *app.Service
	win      fyne.Window
	onImport func() // after an import that wrote something

	paths     []string
	files     *widget.Label
	validOnly *widget.Check
	start     *widget.Button
	check     *widget.Button
	checked   bool // the result shown is of 仅检查
	progress  *widget.ProgressBar
	verdict   *widget.Label
	summary   *fyne.Container // every sheet side by side: a column each
	problems  *widget.Table
	saveErrs  *widget.Button
	result    *workbook.Result
	done      chan struct{} // closed when a result (or error) is shown
	dlg       dialog.Dialog
}

func newImportDialog(svc *app.Service, win fyne.Window, onImport func()) *importDialog {
	return &importDialog{svc: svc, win: win, onImport: onImport}
}

func (d *importDialog) show() {
	d.dlg = dialog.NewCustomWithoutButtons("导入工作簿", d.build(), d.win)
	fitDialog(d.dlg, d.win, fyne.NewSize(1000, 660))
	d.dlg.Show()
}

func (d *importDialog) build() fyne.CanvasObject {
	d.files = widget.NewLabel("尚未选择文件。可选 xlsx 工作簿，或以工作表命名的 CSV 文件（如 人员.csv），可多选几次。")
	d.files.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon("选择文件…", theme.FolderOpenIcon(), d.onChoose)
	clear := widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), func() { d.paths = nil; d.showFiles() })
	d.validOnly = widget.NewCheck("只导入有效行（有问题的行跳过，其余照常写入）", nil)
	d.start = widget.NewButtonWithIcon("开始导入", theme.ConfirmIcon(), func() { d.run(false) })
	d.start.Importance = widget.HighImportance
	d.start.Disable()
	d.check = widget.NewButtonWithIcon("仅检查", theme.SearchIcon(), func() { d.run(true) })
	d.check.Disable()
	d.progress = widget.NewProgressBar()
	d.progress.Hide()
	d.verdict = widget.NewLabel("")
	d.verdict.Wrapping = fyne.TextWrapBreak
	d.summary = container.NewGridWithColumns(1)
	d.problems = d.problemTable()
	d.saveErrs = widget.NewButtonWithIcon("保存错误清单…", theme.DocumentSaveIcon(), d.onSaveProblems)
	d.saveErrs.Disable()
	closeBtn := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { d.dlg.Hide() })

	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(choose, clear), d.files),
		container.NewHBox(d.validOnly, layout.NewSpacer(), d.check, d.start),
		d.progress, d.verdict,
		widget.NewLabelWithStyle("各工作表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHScroll(d.summary))
	problems := container.NewBorder(widget.NewLabelWithStyle("问题清单", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, d.problems)
	bottom := container.NewHBox(d.saveErrs, layout.NewSpacer(), closeBtn)
	return container.NewBorder(top, bottom, nil, nil, problems)
}

// summaryRows name the rows of the summary: under each sheet's name,
// what the import did (or would do) with its rows.
var summaryRows = []string{"工作表", "新增", "更新", "未变", "拒绝"}

// showSummary lays out every sheet of the result side by side, a column
// each, so that all of them show at once.
func (d *importDialog) showSummary() {
	var sheets []workbook.SheetSummary
	if d.result != nil {
		sheets = d.result.Sheets
	}
	d.summary.Objects = nil
	d.summary.Layout = layout.NewGridLayoutWithColumns(len(sheets) + 1)
	for r, title := range summaryRows {
		d.summary.Add(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, s := range sheets {
			text := []string{s.Sheet, strconv.Itoa(s.Added), strconv.Itoa(s.Updated), strconv.Itoa(s.Unchanged), strconv.Itoa(s.Rejected)}[r]
			l := widget.NewLabel(text)
			if r == 0 {
				l.TextStyle.Bold = true
			}
			if r == 4 && s.Rejected > 0 {
				l.Importance = widget.DangerImportance
			}
			d.summary.Add(l)
		}
	}
	d.summary.Refresh()
}

// summaryCell is the text under sheet's column at row (a row of
// summaryRows), for tests.
func (d *importDialog) summaryCell(sheet, row string) string {
	cols := len(d.result.Sheets) + 1
	for c := 1; c < cols; c++ {
		if d.summary.Objects[c].(*widget.Label).Text != sheet {
			continue
		}
		for r, name := range summaryRows {
			if name == row {
				return d.summary.Objects[r*cols+c].(*widget.Label).Text
			}
		}
	}
	return ""
}

var problemColumns = []string{"工作表", "行", "列", "问题"}

func (d *importDialog) problemTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) {
			if d.result == nil {
				return 0, len(problemColumns)
			}
			return len(d.result.Problems), len(problemColumns)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(problemCell(d.result.Problems[id.Row], id.Col))
		})
	titledHeaders(t, problemColumns)
	for i, w := range []float32{120, 60, 140, 600} {
		t.SetColumnWidth(i, w)
	}
	return t
}

// problemCell is column col of the problem table.
func problemCell(p workbook.Problem, col int) string {
	switch col {
	case 0:
		return p.Sheet
	case 1:
		if p.Row == 0 {
			return ""
		}
		return strconv.Itoa(p.Row)
	case 2:
		return p.Column
	}
	return p.Message
}

// titledHeaders gives a table a header row with titles and no header column.
func titledHeaders(t *widget.Table, titles []string) {
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(titles) {
			l.SetText(titles[id.Col])
		} else {
			l.SetText("")
		}
	}
}

func (d *importDialog) onChoose() {
	fileDialog{title: "选择要导入的工作簿（xlsx 或 CSV）", exts: []string{".xlsx", ".csv"}}.open(d.win, d.addFile)
}

// addFile adds a file to import.
func (d *importDialog) addFile(path string) {
	for _, p := range d.paths {
		if p == path {
			return
		}
	}
	d.paths = append(d.paths, path)
	d.showFiles()
}

func (d *importDialog) showFiles() {
	if len(d.paths) == 0 {
		d.files.SetText("尚未选择文件。")
		d.start.Disable()
		d.check.Disable()
		return
	}
	text := "待导入："
	for i, p := range d.paths {
		if i > 0 {
			text += "、"
		}
		text += filepath.Base(p)
	}
	d.files.SetText(text)
	d.start.Enable()
	d.check.Enable()
}

// run imports the files, or only checks them, away from the window's
// thread; progress and the result come back through fyne.Do.
func (d *importDialog) run(checkOnly bool) {
	if err := d.svc.Require(app.PermImport); err != nil {
		d.verdict.SetText(err.Error())
		return
	}
	paths := append([]string(nil), d.paths...)
	opt := workbook.Options{ValidOnly: d.validOnly.Checked && !checkOnly, CheckOnly: checkOnly, User: d.svc.User}
	d.checked = checkOnly
	opt.Progress = func(done, total int) {
		fyne.Do(func() {
			if total > 0 {
				d.progress.SetValue(float64(done) / float64(total))
			}
		})
	}
	d.done = make(chan struct{})
	d.start.Disable()
	d.check.Disable()
	d.saveErrs.Disable()
	d.progress.SetValue(0)
	d.progress.Show()
	d.verdict.SetText(map[bool]string{false: "正在导入…", true: "正在检查…"}[checkOnly])
	goBackground(func() {
		res, err := d.svc.ImportWorkbook(paths, opt)
		fyne.Do(func() { d.showResult(res, err) })
	})
}

func (d *importDialog) showResult(res *workbook.Result, err error) {
	defer close(d.done)
	d.progress.Hide()
	d.start.Enable()
	d.check.Enable()
	if err != nil {
		d.result = nil
		d.verdict.SetText("导入失败：" + err.Error())
		d.showSummary()
		d.problems.Refresh()
		return
	}
	d.result = res
	d.verdict.SetText(verdictText(res, d.checked))
	d.showSummary()
	d.problems.Refresh()
	if len(res.Problems) > 0 {
		d.saveErrs.Enable()
	}
	if res.Written && d.onImport != nil {
		d.onImport()
	}
}

// verdictText says in one sentence what the import did, or what it
// would do (checked: 仅检查).
func verdictText(res *workbook.Result, checked bool) string {
	n := len(res.Problems)
	switch {
	case checked && n == 0:
		return "仅检查：没有发现问题，未写入任何数据。表中是导入将新增、更新的行数；点“开始导入”即按此写入。"
	case checked:
		return fmt.Sprintf("仅检查：发现 %d 个问题（下表一次列出全部），未写入任何数据。请保存错误清单，改正后再检查。", n)
	case n == 0 && res.Written:
		return "导入完成，没有发现问题。"
	case n == 0:
		return "没有需要写入的变化。"
	case res.Written:
		return fmt.Sprintf("已导入有效行；发现 %d 个问题，相关行已跳过。可保存错误清单，改正后再导入。", n)
	}
	return fmt.Sprintf("发现 %d 个问题，未写入任何数据。请保存错误清单，改正工作簿后重新导入，或勾选“只导入有效行”。", n)
}

func (d *importDialog) onSaveProblems() {
	if d.result == nil || len(d.result.Problems) == 0 {
		return
	}
	ps, inputs := d.result.Problems, append([]string(nil), d.paths...)
	saveXLSX(d.win, "导入错误清单.xlsx", func(path string) error {
		if err := outfile.Check(path, inputs...); err != nil { // not over the workbook being imported
			return err
		}
		return workbook.WriteProblems(path, ps)
	},
		fmt.Sprintf("已保存 %d 个问题", len(ps)))
}
