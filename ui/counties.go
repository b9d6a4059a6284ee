package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
)

// countiesDialog is 县区管理: the jurisdictions (县区 and 市本级, SPEC §8.1)
// with their 级别 and what they hold, added, renamed, given their 级别 and
// removed while nothing names them.
type countiesDialog struct {
	svc     *app.Service
	win     fyne.Window
	rows    []app.CountyRow
	list    *textTable
	chosen  int // the row selected, -1 none
	dlg     dialog.Dialog
	changed func() // after a change: the screen behind reloads

	add, editB, del *widget.Button
	form            *countyForm // the form opened last
}

// countyForm is the form of one jurisdiction.
type countyForm struct {
	code, name *widget.Entry
	level      *widget.RadioGroup
	errs       *widget.Label
	save       *widget.Button
	guard      *formGuard // 取消 and Esc ask before dropping what was typed
	dlg        dialog.Dialog
}

func showCounties(svc *app.Service, win fyne.Window, changed func()) *countiesDialog {
	d := &countiesDialog{svc: svc, win: win, chosen: -1, changed: changed}
	d.list = newTextTable([]string{"县区编码", "名称", "级别", "单位", "人员"}, []float32{110, 200, 80, 70, 70})
	d.list.table.OnSelected = func(id widget.TableCellID) { d.chosen = id.Row }
	d.add = widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), func() { d.edit(-1) })
	d.editB = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), func() { d.edit(d.chosen) })
	d.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), d.onDelete)
	if !svc.Can(app.PermEdit) {
		d.add.Disable()
		d.editB.Disable()
		d.del.Disable()
	}
	note := widget.NewLabel("级别为“市本级”的是市直机关、市属国企和市级干部所在的一级，其余为县区；回避、编组中的“本地”“异地”都按县区（含市本级）区分。")
	note.Wrapping = fyne.TextWrapBreak
	closeB := widget.NewButton("关闭", func() { d.dlg.Hide() })
	top := container.NewVBox(note, container.NewHBox(d.add, d.editB, d.del))
	d.dlg = dialog.NewCustomWithoutButtons("县区管理", container.NewBorder(top, container.NewHBox(layout.NewSpacer(), closeB), nil, nil, d.list.table), win)
	d.dlg.Resize(fyne.NewSize(620, 520))
	d.reload()
	d.dlg.Show()
	return d
}

func (d *countiesDialog) reload() {
	rows, err := d.svc.Counties()
	if err != nil {
		dialog.ShowError(err, d.win)
		return
	}
	d.rows = rows
	data := make([][]string, len(rows))
	for i, r := range rows {
		data[i] = []string{r.Code, r.Name, r.LevelText(), strconv.Itoa(r.Units), strconv.Itoa(r.People)}
	}
	d.chosen = -1
	d.list.table.UnselectAll()
	d.list.set(data)
}

// edit opens the form of row i, or of a new jurisdiction when i < 0.
func (d *countiesDialog) edit(i int) {
	isNew := i < 0
	var read *model.County
	if !isNew {
		if i >= len(d.rows) {
			dialog.ShowInformation("编辑", "请先在表中选择一个县区。", d.win)
			return
		}
		c := d.rows[i].County
		read = &c
	}
	f := &countyForm{code: widget.NewEntry(), name: widget.NewEntry(), level: widget.NewRadioGroup(vocab.CountyLevels, nil)}
	d.form = f
	f.level.Horizontal = true
	f.level.Required = true
	f.level.SetSelected(vocab.LevelCounty)
	if read != nil {
		f.code.SetText(read.Code)
		f.code.Disable()
		f.name.SetText(read.Name)
		f.level.SetSelected(d.rows[i].LevelText())
	}
	f.errs = widget.NewLabel("")
	f.errs.Importance = widget.DangerImportance
	f.errs.Wrapping = fyne.TextWrapBreak
	f.errs.Hide()
	form := widget.NewForm(widget.NewFormItem("县区编码 *", f.code), widget.NewFormItem("名称 *", f.name), widget.NewFormItem("级别", f.level))
	var save func()
	save = func() {
		err := d.svc.SaveCounty(read, model.County{Code: f.code.Text, Name: f.name.Text, Level: f.level.Selected})
		formSaved(err, f.errs, f.dlg, d.win, func(string) { d.reload(); d.changed() }, f.code.Text, save, d.reload)
	}
	f.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), save)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { closeForm(d.win, f.guard, f.dlg.Hide) })
	title := "新增县区"
	if read != nil {
		title = "编辑县区 " + read.Code
	}
	f.guard = newFormGuard(title, func() any { return fieldValues(form) })
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, f.errs, container.NewHBox(f.guard, layout.NewSpacer(), cancel, f.save)), d.win)
	f.dlg.Resize(fyne.NewSize(460, 260))
	f.dlg.Show()
	if isNew {
		d.win.Canvas().Focus(f.code)
	} else {
		d.win.Canvas().Focus(f.name)
	}
}

func (d *countiesDialog) onDelete() {
	if d.chosen < 0 || d.chosen >= len(d.rows) {
		dialog.ShowInformation("删除", "请先在表中选择一个县区。", d.win)
		return
	}
	r := d.rows[d.chosen]
	confirmDelete(d.win, "删除县区", fmt.Sprintf("确定删除县区 %s（%s）？", r.Name, r.Code),
		func() error { return d.svc.DeleteCounty(r.Code) },
		func() { d.reload(); d.changed() })
}
