package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// scopeRow is one rule of a term's scope: a county and a category, either
// of which may be "any".
type scopeRow struct {
	county, category *widget.Select
}

// termForm is the dialog of a term: code, name, start and end, and the
// units it must cover as county/category rows (no rows: every unit), with
// the number of units they take in.
type termForm struct {
	s     *calendarScreen
	isNew bool
	stamp model.Stamp // of the term as read: a save over another clerk's newer one is refused

	code, name *widget.Entry
	start, end *widgets.DateEntry
	scope      *widgets.EditList
	rows       []*scopeRow
	counties   []app.Option
	required   *widget.Label
	errors     *widget.Label
	save       *widget.Button
	dlg        dialog.Dialog
	guard      *formGuard
}

// openTerm opens the form of the selected term, or of a new one.
func (s *calendarScreen) openTerm(isNew bool) {
	f := &termForm{s: s, isNew: isNew}
	var t model.Term
	var scope []model.TermScope
	if !isNew {
		for _, x := range s.terms {
			if x.Code == s.term {
				t = x
			}
		}
		if t.Code == "" {
			return
		}
		f.stamp = t.Stamp
		var err error
		if scope, err = s.svc.TermScopes(t.Code); err != nil {
			dialog.ShowError(err, s.win)
			return
		}
	}
	s.termForm = f
	f.show(t, scope)
}

func (f *termForm) show(t model.Term, scope []model.TermScope) {
	for _, c := range f.s.cal.Snapshot().Counties {
		f.counties = append(f.counties, app.Option{Code: c.Code, Name: c.Name})
	}
	f.code = entry(t.Code)
	f.code.SetPlaceHolder("如 T16")
	f.name = entry(t.Name)
	f.name.SetPlaceHolder("如 中共某县第十六届委员会任期")
	f.start = widgets.NewDateEntry()
	f.start.SetText(t.StartDate)
	f.end = widgets.NewDateEntry()
	f.end.SetText(t.EndDate)
	f.required = widget.NewLabel("")
	f.scope = widgets.NewEditList([]string{"县区", "单位类别"}, []float32{260, 200}, "添加范围", func() { f.addRow(model.TermScope{}) })
	for _, sc := range scope {
		f.addRow(sc)
	}
	f.errors = widget.NewLabel("")
	f.errors.Importance = widget.DangerImportance
	f.errors.Wrapping = fyne.TextWrapBreak
	f.errors.Hide()
	form := widget.NewForm(widget.NewFormItem("届期编码 *", f.code), widget.NewFormItem("名称", f.name),
		widget.NewFormItem("开始日期 *", f.start), widget.NewFormItem("结束日期 *", f.end))
	note := widget.NewLabel("覆盖范围：本届期须巡察的单位。每行是一个县区与单位类别的组合（可选“全部”）；不添加任何行则须覆盖全部单位。")
	note.Wrapping = fyne.TextWrapBreak
	f.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { closeForm(f.s.win, f.guard, f.dlg.Hide) })
	edit := f.s.canEdit()
	for _, w := range []fyne.Disableable{f.name, f.start, f.end, f.save, f.scope.Add} {
		setEnabled(w, edit)
	}
	setEnabled(f.code, edit && f.isNew)
	top := container.NewVBox(form, widget.NewSeparator(), note, f.required)
	f.guard = newFormGuard("届期", func() any {
		return []any{f.code.Text, f.name.Text, f.start.Text, f.end.Text, f.scopes()}
	})
	bottom := container.NewVBox(f.errors, container.NewHBox(f.guard, layout.NewSpacer(), cancel, f.save))
	title := "新建届期"
	if !f.isNew {
		title = "编辑届期 " + t.Code
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(top, bottom, nil, nil, f.scope), f.s.win)
	fitDialog(f.dlg, f.s.win, fyne.NewSize(680, 600))
	f.showRequired()
	f.dlg.Show()
}

// addRow adds a scope row.
func (f *termForm) addRow(sc model.TermScope) {
	row := &scopeRow{
		county:   widget.NewSelect(append([]string{anyCounty}, labels(f.counties)...), func(string) { f.showRequired() }),
		category: widget.NewSelect(append([]string{anyCategory}, vocab.Categories...), func(string) { f.showRequired() }),
	}
	row.county.SetSelected(anyCounty)
	if sc.CountyCode != "" {
		row.county.SetSelected(labelOf(f.counties, sc.CountyCode))
	}
	row.category.SetSelected(anyCategory)
	if sc.Category != "" {
		row.category.SetSelected(sc.Category)
	}
	setEnabled(row.county, f.s.canEdit())
	setEnabled(row.category, f.s.canEdit())
	f.rows = append(f.rows, row)
	f.scope.AddRow(func() {
		for i, r := range f.rows {
			if r == row {
				f.rows = append(f.rows[:i], f.rows[i+1:]...)
				break
			}
		}
		f.showRequired()
	}, row.county, row.category)
	if f.required != nil {
		f.showRequired()
	}
}

// scopes reads the rows.
func (f *termForm) scopes() []model.TermScope {
	var out []model.TermScope
	for _, r := range f.rows {
		sc := model.TermScope{}
		if r.county.Selected != anyCounty {
			sc.CountyCode = app.CodeOfLabel(r.county.Selected)
		}
		if r.category.Selected != anyCategory {
			sc.Category = r.category.Selected
		}
		out = append(out, sc)
	}
	return out
}

// showRequired counts the units the scope takes in.
func (f *termForm) showRequired() {
	sn := f.s.cal.Snapshot()
	t := &snap.Term{}
	for _, sc := range f.scopes() {
		t.Scope = append(t.Scope, snap.TermScope{County: sc.CountyCode, Category: sc.Category})
	}
	n := 0
	for i := range sn.Units {
		if calendar.InScope(t, &sn.Units[i]) {
			n++
		}
	}
	what := "全部单位"
	if len(t.Scope) > 0 {
		what = "所列范围内的单位"
	}
	f.required.SetText(fmt.Sprintf("应覆盖：%s，共 %d 个（单位库共 %d 个）", what, n, len(sn.Units)))
}

func (f *termForm) onSave() {
	t := model.Term{Code: strings.TrimSpace(f.code.Text), Name: strings.TrimSpace(f.name.Text),
		StartDate: f.start.Date(), EndDate: f.end.Date()}
	var err error
	if f.isNew && f.s.cal.Term(t.Code) != nil {
		err = fmt.Errorf("届期编码 %s 已存在", t.Code)
	} else {
		t.Stamp = f.stamp
		err = f.s.svc.SaveTerm(t, f.scopes())
	}
	if err != nil {
		f.errors.SetText("未保存：" + err.Error())
		f.errors.Show()
		saveFailed(err, f.s.win, f.onSave, func() { // the term as it is now
			f.dlg.Hide()
			f.s.reload()
			f.s.openTerm(false)
		})
		return
	}
	f.dlg.Hide()
	f.s.term = t.Code
	f.s.reload()
}
