package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
)

// all is the first choice of every filter: no filtering.
const all = "全部"

// peopleWidths are the column widths of the people table.
var peopleWidths = []float32{90, 80, 50, 100, 200, 120, 170, 130, 60, 50}

// peopleScreen is 人员库: the pools of people, filtered and sorted, with
// the person form and the export of the filtered list.
type peopleScreen struct {
	svc *app.Service
	win fyne.Window

	*codeTable
	tab      *app.PeopleTable
	counties []app.Option

	county, pool, skill, status *widget.Select
	search                      *widget.Entry
	count                       *widget.Label
	add, edit, del, export      *widget.Button
	form                        *personForm // the form opened last
}

func newPeopleScreen(svc *app.Service, win fyne.Window) *peopleScreen {
	s := &peopleScreen{svc: svc, win: win}
	s.codeTable = newCodeTable(app.PeopleColumns, peopleWidths, func(row, col int) (string, string) {
		r := &s.tab.Rows[row]
		return r.Code, r.Cell(col)
	}, s.resort, s.onEdit)
	s.menu = s.selectionMenu
	return s
}

func (s *peopleScreen) build() fyne.CanvasObject {
	s.county = widget.NewSelect(nil, func(string) { s.onFilterChanged() })
	s.pool = widget.NewSelect(append([]string{all}, vocab.Pools...), func(string) { s.onFilterChanged() })
	s.skill = widget.NewSelect(append([]string{all}, vocab.Skills...), func(string) { s.onFilterChanged() })
	s.status = widget.NewSelect(append([]string{all}, vocab.Statuses...), func(string) { s.onFilterChanged() })
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("姓名或人员编号")
	s.search.OnChanged = func(string) { s.onFilterChanged() }
	s.count = widget.NewLabel("")
	s.add = widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), s.onAdd)
	s.edit = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.export = widget.NewButtonWithIcon("导出所选列表", theme.UploadIcon(), s.onExport)

	s.reload()
	s.pool.SetSelected(all)
	s.skill.SetSelected(all)
	s.status.SetSelected(all)
	filters := container.NewHBox(
		widget.NewLabel("县区"), s.county, widget.NewLabel("人员库"), s.pool,
		widget.NewLabel("特长"), s.skill, widget.NewLabel("状态"), s.status)
	if !s.svc.Can(app.PermEdit) { // 领导 read: the form opens read-only
		s.add.Disable()
		s.del.Disable()
		s.edit.SetText("查看")
	}
	actions := container.NewBorder(nil, nil, container.NewHBox(s.add, s.edit, s.del, widget.NewSeparator(), s.export),
		s.count, s.search)
	return container.NewBorder(container.NewVBox(filters, actions), nil, nil, nil, s.table)
}

// reload reads the people again (after an import or a save elsewhere).
func (s *peopleScreen) reload() {
	tab, err := s.svc.PeopleTable()
	if err != nil {
		dialog.ShowError(err, s.win)
		tab = app.NewPeopleTable(nil)
	}
	s.tab = tab
	s.tab.Sort(s.sortCol, s.sortAsc)
	counties, err := s.svc.CountyOptions()
	if err != nil {
		dialog.ShowError(err, s.win)
	}
	s.counties = counties
	if setCountyChoices(s.county, counties) {
		return // choosing 全部 filtered
	}
	s.onFilterChanged()
}

// filter is what the filter bar says.
func (s *peopleScreen) filter() app.PeopleFilter {
	pick := func(w *widget.Select) string {
		if w.Selected == all {
			return ""
		}
		return w.Selected
	}
	return app.PeopleFilter{County: app.CodeOfLabel(pick(s.county)), Pool: pick(s.pool), Skill: pick(s.skill),
		Status: pick(s.status), Text: s.search.Text}
}

func (s *peopleScreen) onFilterChanged() {
	if s.tab == nil || s.table == nil {
		return
	}
	s.view = s.tab.Filter(s.filter())
	s.count.SetText(fmt.Sprintf("共 %d 人", len(s.view)))
	s.table.Refresh()
}

// resort sorts the rows as the table asks and shows them again.
func (s *peopleScreen) resort() {
	s.tab.Sort(s.sortCol, s.sortAsc)
	s.onFilterChanged()
}

func (s *peopleScreen) onAdd() {
	d := &app.PersonDetail{Person: model.Person{Status: vocab.StatusActive}}
	if c := s.filter().County; c != "" {
		d.Person.HomeCountyCode = c
	}
	s.openForm(d, true)
}

func (s *peopleScreen) onEdit() {
	if s.cur == "" {
		dialog.ShowInformation("编辑", "请先在表中选择一人（单击选中，双击打开）。", s.win)
		return
	}
	d, err := s.svc.PersonDetail(s.cur)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.openForm(d, false)
}

func (s *peopleScreen) openForm(d *app.PersonDetail, isNew bool) *personForm {
	s.form = newPersonForm(s.svc, s.win, d, isNew, s.onSaved)
	s.form.show()
	return s.form
}

// onSaved puts the saved person's row into the table.
func (s *peopleScreen) onSaved(code string) {
	r, err := s.svc.PeopleRow(code)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.tab.Put(r)
	s.selectKey(code)
	s.resort()
}

func (s *peopleScreen) onDelete() {
	if s.cur == "" {
		dialog.ShowInformation("删除", "请先在表中选择一人。", s.win)
		return
	}
	code := s.cur
	confirmDelete(s.win, "删除人员", fmt.Sprintf("确定删除人员 %s 及其工作经历、亲属关系和回避申报？", code),
		func() error { return s.svc.DeletePerson(code) },
		func() {
			s.tab.Remove(code)
			s.selectKey("")
			s.resort()
		})
}

// onExport writes the filtered list (with history, relatives and
// declarations) in the import format.
func (s *peopleScreen) onExport() {
	codes := s.tab.Codes(s.view)
	if len(codes) == 0 {
		dialog.ShowInformation("导出", "当前筛选下没有人员。", s.win)
		return
	}
	s.exportCodes(codes)
}

// exportCodes writes the people with codes (with history, relatives and
// declarations) in the import format.
func (s *peopleScreen) exportCodes(codes []string) {
	saveList(s.win, "人员名单.xlsx", func(path string) error {
		return s.svc.ExportPeople(codes, path)
	}, fmt.Sprintf("已导出 %d 人", len(codes)))
}

// keySearch puts the cursor in the search field (Ctrl+F).
func (s *peopleScreen) keySearch() { focus(s.win, s.search) }

// keyNew opens the form of a new person (Ctrl+N).
func (s *peopleScreen) keyNew() { press(s.add) }

// selectionMenu is the right-click menu of the rows selected: copy them,
// export them, and set their status (one change, audited).
func (s *peopleScreen) selectionMenu() *fyne.Menu {
	codes := s.keys()
	items := []*fyne.MenuItem{s.copyItem(),
		fyne.NewMenuItem(fmt.Sprintf("导出所选 %d 人…", len(codes)), func() { s.exportCodes(codes) }),
		fyne.NewMenuItemSeparator()}
	for _, st := range vocab.Statuses {
		it := fyne.NewMenuItem(fmt.Sprintf("所选 %d 人设为“%s”…", len(codes), st), func() { s.setStatus(codes, st) })
		it.Disabled = !s.svc.Can(app.PermEdit)
		items = append(items, it)
	}
	return fyne.NewMenu("", items...)
}

// setStatus asks, then gives the people with codes the status.
func (s *peopleScreen) setStatus(codes []string, status string) {
	dialog.ShowConfirm("修改状态", fmt.Sprintf("将所选 %d 人的状态设为“%s”？", len(codes), status), func(ok bool) {
		if !ok {
			return
		}
		n, err := s.svc.SetPeopleStatus(codes, status)
		if err != nil {
			dialog.ShowError(err, s.win)
			return
		}
		s.reload()
		dialog.ShowInformation("修改状态", fmt.Sprintf("已将 %d 人设为“%s”（其余 %d 人原已是该状态）。", n, status, len(codes)-n), s.win)
	}, s.win)
}
