package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// personForm edits one person: the basic fields and, on tabs, the work
// history, relatives, declarations and service record. 保存 checks the
// whole form; the errors stay on the form until they are fixed.
type personForm struct {
	svc     *app.Service
	win     fyne.Window
	detail  *app.PersonDetail
	isNew   bool
	onSaved func(code string)

	counties, units []app.Option
	teams           []app.TeamOption

	code, name, idNumber, post, rank *widget.Entry
	native                           *widgets.Picker // 籍贯: a county, or words
	gender, county, status           *widget.Select
	birth, promoted, joined          *widgets.DateEntry
	unit, recommend                  *widgets.Picker
	statusReason                     *widget.Entry
	pools                            *widget.CheckGroup
	skills                           *widgets.CheckFlow
	fullTime                         *widget.Check

	history   *historyTab
	relatives *relativesTab
	decls     *declarationsTab
	service   *serviceTab
	ties      *tiesTab
	trainings *trainingsTab

	tabs   *container.AppTabs
	errors *widget.Label
	save   *widget.Button
	dlg    dialog.Dialog
	guard  *formGuard    // what 取消 and Esc ask about
	check  *recusalCheck // the 回避检查 opened last

	resume                *widget.Button
	resumeDlg             dialog.Dialog // the 巡察履历 dialog opened last, for tests
	resumePDF, resumeXLSX *widget.Button
}

func newPersonForm(svc *app.Service, win fyne.Window, d *app.PersonDetail, isNew bool, onSaved func(string)) *personForm {
	f := &personForm{svc: svc, win: win, detail: d, isNew: isNew, onSaved: onSaved}
	var err error
	if f.counties, err = svc.CountyOptions(); err == nil {
		if f.units, err = svc.UnitOptions(""); err == nil {
			f.teams, err = svc.TeamOptions()
		}
	}
	if err != nil {
		dialog.ShowError(err, win)
	}
	return f
}

func (f *personForm) show() {
	title := "编辑人员 " + f.detail.Person.Name
	if f.isNew {
		title = "新增人员"
	}
	f.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { closeForm(f.win, f.guard, f.dlg.Hide) })
	if !f.svc.Can(app.PermEdit) {
		title = "查看人员 " + f.detail.Person.Name + "（只读）"
		f.save.Disable()
		cancel.SetText("关闭")
	}
	recusal := widget.NewButtonWithIcon("回避检查", theme.WarningIcon(), f.onRecusalCheck)
	f.resume = widget.NewButtonWithIcon("巡察履历", theme.DocumentIcon(), f.onResume)
	if f.isNew {
		f.resume.Disable()
	}
	body := f.build()
	f.guard = newFormGuard(title, func() any { return f.collect() })
	buttons := container.NewHBox(recusal, f.resume, f.guard, layout.NewSpacer(), cancel, f.save)
	content := container.NewBorder(nil, container.NewVBox(f.errors0(), buttons), nil, nil, body)
	f.dlg = dialog.NewCustomWithoutButtons(title, content, f.win)
	fitDialog(f.dlg, f.win, fyne.NewSize(1060, 680))
	f.dlg.Show()
}

func (f *personForm) errors0() fyne.CanvasObject {
	f.errors = widget.NewLabel("")
	f.errors.Importance = widget.DangerImportance
	f.errors.Wrapping = fyne.TextWrapBreak
	f.errors.Hide()
	return f.errors
}

// build returns the form's tabs.
func (f *personForm) build() fyne.CanvasObject {
	p := f.detail.Person
	f.code = entry(p.Code)
	if !f.isNew {
		f.code.Disable()
	}
	f.name = entry(p.Name)
	f.gender = widget.NewSelect([]string{"", "男", "女"}, nil)
	f.gender.PlaceHolder = "（未填）"
	f.gender.SetSelected(p.Gender)
	f.birth = widgets.NewDateEntry()
	f.birth.SetText(p.BirthDate)
	f.idNumber = entry(p.IDNumber)
	f.idNumber.SetPlaceHolder("18位，可不填")
	f.county = widget.NewSelect(labels(f.counties), nil)
	f.county.PlaceHolder = "选择县区"
	f.county.SetSelected(labelOf(f.counties, p.HomeCountyCode))
	f.native = widgets.NewPicker(f.counties)
	f.native.SetCode(p.NativePlace)
	f.native.SetPlaceHolder("选择县区，或填写文字")
	f.unit = widgets.NewPicker(f.units)
	if p.CurrentUnitCode != nil {
		f.unit.SetCode(*p.CurrentUnitCode)
	}
	f.post = entry(p.Post)
	f.rank = entry(p.Rank)
	f.pools = widget.NewCheckGroup(vocab.Pools, nil)
	f.pools.Horizontal = true
	f.pools.SetSelected(app.SplitList(app.PoolsText(app.PersonToSnap(p).Pools)))
	f.fullTime = widget.NewCheck("专职", nil)
	f.fullTime.SetChecked(p.FullTime)
	f.skills = widgets.NewCheckFlow(vocab.Skills, nil)
	f.skills.SetSelected(app.SplitList(p.Skills))
	f.status = widget.NewSelect(vocab.Statuses, nil)
	f.status.SetSelected(p.Status)
	f.promoted = widgets.NewDateEntry()
	f.promoted.SetText(p.PromotedOn)
	f.recommend = widgets.NewPicker(f.units)
	if p.RecommendUnitCode != nil {
		f.recommend.SetCode(*p.RecommendUnitCode)
	}
	f.joined = widgets.NewDateEntry()
	f.joined.SetText(p.JoinedOn)
	f.statusReason = entry(p.StatusReason)
	f.statusReason.SetPlaceHolder("如暂停、出库的原因")

	left := widget.NewForm(
		widget.NewFormItem("人员编号 *", codeField(f.code, f.isNew)), widget.NewFormItem("姓名 *", f.name),
		widget.NewFormItem("性别", f.gender), widget.NewFormItem("出生日期", f.birth),
		widget.NewFormItem("身份证号", f.idNumber), widget.NewFormItem("工作关系地 *", f.county),
		widget.NewFormItem("籍贯", f.native))
	right := widget.NewForm(
		widget.NewFormItem("现工作单位", f.unit), widget.NewFormItem("职务", f.post),
		widget.NewFormItem("职级", f.rank), widget.NewFormItem("状态", f.status),
		widget.NewFormItem("状态原因", f.statusReason), widget.NewFormItem("新提拔日期", f.promoted))
	left.Append("推荐单位", f.recommend)
	left.Append("入库日期", f.joined)
	pools := widget.NewForm(widget.NewFormItem("人员库", container.NewHBox(f.pools, f.fullTime)),
		widget.NewFormItem("专业特长", f.skills))
	basic := container.NewVBox(container.NewGridWithColumns(2, left, right), pools)

	f.history = newHistoryTab(f.detail.History, f.units)
	f.relatives = newRelativesTab(f.detail.Relatives, f.units)
	person := p.Code
	if f.isNew {
		person = ""
	}
	f.decls = newDeclarationsTab(f.detail.Declarations, f.units, f.svc, f.win, person)
	f.service = newServiceTab(f.detail.Service, f.teams)
	f.ties = newTiesTab(f.detail.Ties, f.units)
	f.trainings = newTrainingsTab(f.detail.Trainings)
	f.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewVScroll(basic)),
		container.NewTabItem("工作经历", f.history.list),
		container.NewTabItem("亲属关系", f.relatives.list),
		container.NewTabItem("社会关系", f.ties.list),
		container.NewTabItem("回避申报", f.decls.list),
		container.NewTabItem("巡察经历", f.service.list),
		container.NewTabItem("培训记录", f.trainings.list),
		container.NewTabItem("状态历史", statusTab(f.detail.StatusHistory)),
	)
	return f.tabs
}

// collect reads the form into a detail to save.
func (f *personForm) collect() *app.PersonDetail {
	p := f.detail.Person
	p.Code, p.Name = f.code.Text, f.name.Text
	p.Gender, p.BirthDate, p.IDNumber = f.gender.Selected, f.birth.Date(), f.idNumber.Text
	p.HomeCountyCode = app.CodeOfLabel(f.county.Selected)
	p.NativePlace, p.Post, p.Rank = f.native.Value(), f.post.Text, f.rank.Text
	p.CurrentUnitCode = nil
	if c := f.unit.Code(); c != "" {
		p.CurrentUnitCode = &c
	}
	p.InLeaderPool = slices.Contains(f.pools.Selected, vocab.PoolLeader)
	p.InStaffPool = slices.Contains(f.pools.Selected, vocab.PoolStaff)
	p.InExpertPool = slices.Contains(f.pools.Selected, vocab.PoolExpert)
	p.FullTime = f.fullTime.Checked
	p.Skills = strings.Join(f.skills.Selected, "、")
	p.Status, p.PromotedOn = f.status.Selected, f.promoted.Date()
	p.RecommendUnitCode = nil
	if c := f.recommend.Code(); c != "" {
		p.RecommendUnitCode = &c
	}
	p.JoinedOn, p.StatusReason = f.joined.Date(), f.statusReason.Text
	return &app.PersonDetail{Person: p, History: f.history.values(), Relatives: f.relatives.values(),
		Declarations: f.decls.values(), Service: f.service.values(), Ties: f.ties.values(), Trainings: f.trainings.values()}
}

func (f *personForm) onSave() {
	d := f.collect()
	if len(f.trainings.bad) > 0 {
		f.errors.SetText(strings.Join(f.trainings.bad, "\n"))
		f.errors.Show()
		return
	}
	var err error
	if f.isNew {
		err = f.svc.AddPerson(d)
	} else {
		err = f.svc.SavePerson(d)
	}
	formSaved(err, f.errors, f.dlg, f.win, f.onSaved, d.Person.Code, f.onSave, reopenForm(f.win,
		func() (*app.PersonDetail, error) { return f.svc.PersonDetail(d.Person.Code) },
		func(fresh *app.PersonDetail) { newPersonForm(f.svc, f.win, fresh, false, f.onSaved).show() }))
}

func entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

func labels(opts []app.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Label()
	}
	return out
}

func labelOf(opts []app.Option, code string) string {
	for _, o := range opts {
		if o.Code == code {
			return o.Label()
		}
	}
	return code
}

// codeField shows the code entry of a new record, and the code as text
// (codes are keys and do not change) for an existing one.
func codeField(e *widget.Entry, isNew bool) fyne.CanvasObject {
	if isNew {
		return e
	}
	return widget.NewLabelWithStyle(e.Text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
