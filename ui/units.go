package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/vocab"
	"xuncha/model"
)

// unitWidths are the column widths of the units table.
var unitWidths = []float32{100, 280, 110, 100, 220, 80, 170, 80}

// unitsScreen is 单位: the units that can be inspected, filtered and
// sorted, with the unit form.
type unitsScreen struct {
	svc *app.Service
	win fyne.Window

	*codeTable
	tab *app.UnitsTable

	county, category *widget.Select
	sector, priority *widget.Select // 领域, 重点等级 (SPEC §8.2)
	search           *widget.Entry
	count            *widget.Label
	add              *widget.Button
	form             *unitForm // the form opened last
	counties         *countiesDialog
}

func newUnitsScreen(svc *app.Service, win fyne.Window) *unitsScreen {
	s := &unitsScreen{svc: svc, win: win}
	s.codeTable = newCodeTable(app.UnitColumns, unitWidths, func(row, col int) (string, string) {
		r := &s.tab.Rows[row]
		return r.Code, r.Cell(col)
	}, s.resort, s.onEdit)
	return s
}

func (s *unitsScreen) build() fyne.CanvasObject {
	s.county = widget.NewSelect(nil, func(string) { s.onFilterChanged() })
	s.category = widget.NewSelect(append([]string{all}, vocab.Categories...), func(string) { s.onFilterChanged() })
	s.sector = widget.NewSelect([]string{all}, func(string) { s.onFilterChanged() })
	s.priority = widget.NewSelect(append([]string{all}, vocab.Priorities...), func(string) { s.onFilterChanged() })
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("单位名称或编码")
	s.search.OnChanged = func(string) { s.onFilterChanged() }
	s.count = widget.NewLabel("")
	s.add = widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), s.onAdd)
	add := s.add
	edit := widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	export := widget.NewButtonWithIcon("导出所选列表", theme.UploadIcon(), s.onExport)
	counties := widget.NewButtonWithIcon("县区…", theme.ListIcon(), func() { s.counties = showCounties(s.svc, s.win, s.reload) })
	if !s.svc.Can(app.PermEdit) { // 领导 read: the form opens read-only
		add.Disable()
		del.Disable()
		edit.SetText("查看")
	}
	s.reload()
	s.category.SetSelected(all)
	s.sector.SetSelected(all)
	s.priority.SetSelected(all)
	filters := container.NewHBox(widget.NewLabel("县区"), s.county, widget.NewLabel("单位类别"), s.category,
		widget.NewLabel("领域"), s.sector, widget.NewLabel("重点等级"), s.priority)
	actions := container.NewBorder(nil, nil, container.NewHBox(add, edit, del, widget.NewSeparator(), export, counties), s.count, s.search)
	return container.NewBorder(container.NewVBox(filters, actions), nil, nil, nil, s.table)
}

func (s *unitsScreen) reload() {
	tab, err := s.svc.UnitsTable()
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.tab = tab
	s.tab.Sort(s.sortCol, s.sortAsc)
	counties, err := s.svc.CountyOptions()
	if err != nil {
		dialog.ShowError(err, s.win)
	}
	if sectors, err := s.svc.Sectors(); err == nil && s.sector != nil {
		s.sector.Options = append(append([]string{all}, sectors...), calendar.Unsectored)
	}
	if setCountyChoices(s.county, counties) {
		return // choosing 全部 filtered
	}
	s.onFilterChanged()
}

func (s *unitsScreen) filter() app.UnitFilter {
	f := app.UnitFilter{Text: s.search.Text}
	if s.county.Selected != all {
		f.County = app.CodeOfLabel(s.county.Selected)
	}
	if s.category.Selected != all {
		f.Category = s.category.Selected
	}
	if s.sector != nil && s.sector.Selected != all {
		f.Sector = s.sector.Selected
	}
	if s.priority != nil && s.priority.Selected != all {
		f.Priority = s.priority.Selected
	}
	return f
}

func (s *unitsScreen) onFilterChanged() {
	if s.tab == nil || s.table == nil {
		return
	}
	s.view = s.tab.Filter(s.filter())
	s.count.SetText(fmt.Sprintf("共 %d 个单位", len(s.view)))
	s.table.Refresh()
}

// resort sorts the rows as the table asks and shows them again.
func (s *unitsScreen) resort() {
	s.tab.Sort(s.sortCol, s.sortAsc)
	s.onFilterChanged()
}

func (s *unitsScreen) onAdd() {
	d := &app.UnitDetail{Unit: model.Unit{CountyCode: s.filter().County, Category: s.filter().Category}}
	s.form = newUnitForm(s.svc, s.win, d, true, s.onSaved)
	s.form.show()
}

func (s *unitsScreen) onEdit() {
	if s.cur == "" {
		dialog.ShowInformation("编辑", "请先在表中选择一个单位（单击选中，双击打开）。", s.win)
		return
	}
	d, err := s.svc.UnitDetail(s.cur)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.form = newUnitForm(s.svc, s.win, d, false, s.onSaved)
	s.form.show()
}

func (s *unitsScreen) onSaved(code string) {
	s.selectKey(code)
	s.reload()
}

func (s *unitsScreen) onDelete() {
	if s.cur == "" {
		dialog.ShowInformation("删除", "请先在表中选择一个单位。", s.win)
		return
	}
	code := s.cur
	confirmDelete(s.win, "删除单位", fmt.Sprintf("确定删除单位 %s 及其班子成员？", code),
		func() error { return s.svc.DeleteUnit(code) },
		func() {
			s.selectKey("")
			s.reload()
		})
}

func (s *unitsScreen) onExport() {
	codes := s.tab.Codes(s.view)
	if len(codes) == 0 {
		dialog.ShowInformation("导出", "当前筛选下没有单位。", s.win)
		return
	}
	saveList(s.win, "单位名单.xlsx", func(path string) error {
		return s.svc.ExportUnits(codes, path)
	}, fmt.Sprintf("已导出 %d 个单位", len(codes)))
}

// keySearch puts the cursor in the search field (Ctrl+F).
func (s *unitsScreen) keySearch() { focus(s.win, s.search) }

// keyNew opens the form of a new unit (Ctrl+N).
func (s *unitsScreen) keyNew() { press(s.add) }
