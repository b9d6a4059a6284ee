package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// unitForm edits one unit: its fields, its leadership (班子成员) and, for
// reading, its sub-units.
type unitForm struct {
	svc     *app.Service
	win     fyne.Window
	detail  *app.UnitDetail
	isNew   bool
	onSaved func(code string)

	counties, units []app.Option

	code, name       *widget.Entry
	county, category *widget.Select
	parent           *widgets.Picker
	sectors          *codesField    // 领域
	priority         *widget.Select // 重点等级
	leaders          *widgets.EditList
	leaderRows       []*leaderRow
	errors           *widget.Label
	save             *widget.Button
	dlg              dialog.Dialog
	guard            *formGuard
}

type leaderRow struct{ name, post, idNumber *widget.Entry }

func newUnitForm(svc *app.Service, win fyne.Window, d *app.UnitDetail, isNew bool, onSaved func(string)) *unitForm {
	f := &unitForm{svc: svc, win: win, detail: d, isNew: isNew, onSaved: onSaved}
	var err error
	if f.counties, err = svc.CountyOptions(); err == nil {
		f.units, err = svc.UnitOptions("")
	}
	if err != nil {
		dialog.ShowError(err, win)
	}
	return f
}

func (f *unitForm) show() {
	title := "编辑单位 " + f.detail.Unit.Name
	if f.isNew {
		title = "新增单位"
	}
	f.errors = widget.NewLabel("")
	f.errors.Importance = widget.DangerImportance
	f.errors.Wrapping = fyne.TextWrapBreak
	f.errors.Hide()
	f.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { closeForm(f.win, f.guard, f.dlg.Hide) })
	if !f.svc.Can(app.PermEdit) {
		title += "（只读）"
		f.save.Disable()
		cancel.SetText("关闭")
	}
	body := f.build()
	f.guard = newFormGuard(title, func() any { return f.collect() })
	content := container.NewBorder(nil, container.NewVBox(f.errors, container.NewHBox(f.guard, layout.NewSpacer(), cancel, f.save)), nil, nil, body)
	f.dlg = dialog.NewCustomWithoutButtons(title, content, f.win)
	fitDialog(f.dlg, f.win, fyne.NewSize(900, 600))
	f.dlg.Show()
}

func (f *unitForm) build() fyne.CanvasObject {
	u := f.detail.Unit
	f.code = entry(u.Code)
	if !f.isNew {
		f.code.Disable()
	}
	f.name = entry(u.Name)
	f.county = widget.NewSelect(labels(f.counties), nil)
	f.county.PlaceHolder = "选择县区"
	f.county.SetSelected(labelOf(f.counties, u.CountyCode))
	f.category = widget.NewSelect(vocab.Categories, nil)
	f.category.PlaceHolder = "选择类别"
	f.category.SetSelected(u.Category)
	f.parent = widgets.NewPicker(f.units)
	if u.ParentCode != nil {
		f.parent.SetCode(*u.ParentCode)
	}
	f.sectors = newCodesField(f.win, "领域", "如 教育、卫生健康；可填列表以外的领域", f.sectorChoices)
	f.sectors.set(fieldrule.SplitSectors(u.Sectors))
	f.priority = widget.NewSelect(append([]string{noPriority}, vocab.Priorities...), nil)
	f.priority.SetSelected(noPriority)
	if u.Priority != "" {
		f.priority.SetSelected(u.Priority)
	}
	fields := widget.NewForm(
		widget.NewFormItem("单位编码 *", codeField(f.code, f.isNew)), widget.NewFormItem("单位名称 *", f.name),
		widget.NewFormItem("县区 *", f.county), widget.NewFormItem("单位类别 *", f.category),
		widget.NewFormItem("上级单位", f.parent), widget.NewFormItem("领域", f.sectors.content()),
		widget.NewFormItem("重点等级", f.priority))
	fields.Items[6].HintText = "A 为优先安排巡察的重点单位；巡察规划中 A 级单位未列入计划时提示"
	f.leaders = widgets.NewEditList([]string{"姓名 *", "职务", "身份证号"}, []float32{160, 0, 220}, "添加班子成员",
		func() { f.addLeader(model.UnitLeader{}) })
	for _, l := range f.detail.Leaders {
		f.addLeader(l)
	}
	kids := widget.NewList(func() int { return len(f.detail.Children) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := f.detail.Children[i]
			o.(*widget.Label).SetText(c.Code + "  " + c.Name + "（" + c.Category + "）")
		})
	var sub fyne.CanvasObject = kids
	if len(f.detail.Children) == 0 {
		sub = widget.NewLabel("没有下级单位。下级单位在其自身的表单中填写“上级单位”。")
	}
	tabs := container.NewAppTabs(
		container.NewTabItem("班子成员", f.leaders),
		container.NewTabItem("下级单位", sub))
	return container.NewBorder(fields, nil, nil, nil, tabs)
}

// noPriority is the choice of no 重点等级.
const noPriority = "（无）"

// sectorChoices are the 领域 the form offers: the settings' list and the
// words units hold.
func (f *unitForm) sectorChoices() []widgets.CheckItem {
	sectors, err := f.svc.Sectors()
	if err != nil {
		dialog.ShowError(err, f.win)
	}
	out := make([]widgets.CheckItem, len(sectors))
	for i, s := range sectors {
		out[i] = widgets.CheckItem{Key: s, Text: s}
	}
	return out
}

func (f *unitForm) addLeader(l model.UnitLeader) {
	r := &leaderRow{name: entry(l.Name), post: entry(l.Post), idNumber: entry(l.IDNumber)}
	f.leaderRows = append(f.leaderRows, r)
	f.leaders.AddRow(func() { f.leaderRows = remove(f.leaderRows, r) }, r.name, r.post, r.idNumber)
}

func (f *unitForm) collect() *app.UnitDetail {
	u := f.detail.Unit
	u.Code, u.Name = f.code.Text, f.name.Text
	u.CountyCode, u.Category = app.CodeOfLabel(f.county.Selected), f.category.Selected
	u.ParentCode = nil
	if c := f.parent.Code(); c != "" {
		u.ParentCode = &c
	}
	u.Sectors = f.sectors.text()
	u.Priority = ""
	if f.priority.Selected != noPriority {
		u.Priority = f.priority.Selected
	}
	d := &app.UnitDetail{Unit: u}
	for _, r := range f.leaderRows {
		d.Leaders = append(d.Leaders, model.UnitLeader{Name: r.name.Text, Post: r.post.Text, IDNumber: r.idNumber.Text})
	}
	return d
}

func (f *unitForm) onSave() {
	d := f.collect()
	var err error
	if f.isNew {
		err = f.svc.AddUnit(d)
	} else {
		err = f.svc.SaveUnit(d)
	}
	formSaved(err, f.errors, f.dlg, f.win, f.onSaved, d.Unit.Code, f.onSave, reopenForm(f.win,
		func() (*app.UnitDetail, error) { return f.svc.UnitDetail(d.Unit.Code) },
		func(fresh *app.UnitDetail) { newUnitForm(f.svc, f.win, fresh, false, f.onSaved).show() }))
}
