package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// The plan grid's columns before and after the years.
var (
	planLead      = []string{"选", "单位编码", "单位名称", "县区", "单位类别", "领域", "重点"}
	planLeadW     = []float32{34, 86, 220, 96, 80, 150, 44}
	planTail      = []string{"计划轮次", "备注", "现状"}
	planTailW     = []float32{70, 150, 220}
	planYearWidth = float32(108)
)

// Colours of the grid's year cells.
var (
	planPlannedBg = color.NRGBA{0xdd, 0xeb, 0xf7, 0xff} // planned
	planDoneBg    = color.NRGBA{0xd7, 0xf0, 0xd8, 0xff} // inspected that year
	planPassedBg  = color.NRGBA{0xfb, 0xd9, 0xd9, 0xff} // planned, the year passed, not inspected
	planHeaderBg  = color.NRGBA{0xee, 0xee, 0xee, 0xff}
)

// outOfPlan is the choice of the bulk edit that takes units out of the plan.
const outOfPlan = "移出规划"

// planScreen is 巡察规划 (SPEC §8.2): a term's units grouped by
// jurisdiction, category or 领域 against the term's years, what is planned,
// inspected and open; a selection of units put in a year at once (or a
// unit in a year by a double click on its cell); the plan's warnings; and
// the term's plan set against another term's (a county's against the
// city's).
type planScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date

	cal      *calendar.Calendar
	terms    []model.Term
	term     string
	plan     calendar.Plan
	sectors  []string
	rows     []planRow
	selected map[string]bool
	editable bool

	termSel, group, county, show *widget.Select
	search                       *widget.Entry
	yearSel                      *widget.Select
	apply, selectAll, selectNone *widget.Button
	compare                      *widget.Select
	count, info                  *widget.Label
	table                        *widget.Table
	warnings                     *textTable
	warnTitle                    *widget.Label
	form                         *planEdit    // the unit dialog opened last
	diff                         *planCompare // the comparison opened last
}

func newPlanScreen(svc *app.Service, win fyne.Window, clock func() civil.Date) *planScreen {
	return &planScreen{svc: svc, win: win, clock: clock, selected: map[string]bool{}}
}

func (s *planScreen) build() fyne.CanvasObject {
	s.termSel = widget.NewSelect(nil, nil)
	s.termSel.PlaceHolder = "尚无届期"
	s.group = widget.NewSelect(planGroups, func(string) { s.layout() })
	s.county = widget.NewSelect([]string{all}, func(string) { s.layout() })
	s.show = widget.NewSelect(planShows, func(string) { s.layout() })
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("单位名称或编码")
	s.search.OnChanged = func(string) { s.layout() }
	s.count = widget.NewLabel("")
	s.info = widget.NewLabel("")
	s.yearSel = widget.NewSelect(nil, nil)
	s.yearSel.PlaceHolder = "选择年度"
	s.apply = widget.NewButtonWithIcon("设为该年度", theme.ConfirmIcon(), s.onApply)
	s.apply.Importance = widget.HighImportance
	s.selectAll = widget.NewButton("全选列出的单位", s.onSelectShown)
	s.selectNone = widget.NewButton("清除选择", func() { s.selected = map[string]bool{}; s.refreshSelection() })
	s.compare = widget.NewSelect(nil, func(string) { s.onCompare() })
	s.compare.PlaceHolder = "对照其他届期的规划…"
	s.table = widget.NewTableWithHeaders(func() (int, int) { return len(s.rows), s.columns() },
		func() fyne.CanvasObject { return widgets.NewCell() }, s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 {
			l.SetText(s.columnTitle(id.Col))
		}
	}
	s.warnTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.warnings = newTextTable([]string{"预警", "单位", "说明"}, []float32{150, 70, 640})
	s.warnings.warn = func(_, col int) bool { return col == 0 }
	s.group.SetSelected(groupCounty)
	s.show.SetSelected(showEvery)
	s.county.SetSelected(all)
	s.reload()
	s.termSel.OnChanged = func(string) { s.term = app.CodeOfLabel(s.termSel.Selected); s.showTerm() }

	h := s.termSel.MinSize().Height
	filters := container.NewHBox(widget.NewLabel("届期"), container.NewGridWrap(fyne.NewSize(210, h), s.termSel),
		container.NewGridWrap(fyne.NewSize(110, h), s.group), container.NewGridWrap(fyne.NewSize(150, h), s.county),
		container.NewGridWrap(fyne.NewSize(170, h), s.show), container.NewGridWrap(fyne.NewSize(150, h), s.search))
	bulk := container.NewHBox(widget.NewLabel("所选单位"), container.NewGridWrap(fyne.NewSize(110, h), s.yearSel), s.apply,
		s.selectAll, s.selectNone, s.info, layout.NewSpacer(), container.NewGridWrap(fyne.NewSize(200, h), s.compare))
	hint := widget.NewLabel("单击单位一行选中或取消，单击分组标题行选中整组；双击某年度的格子即把该单位列入该年度，双击其他格子可编辑计划轮次和备注。" +
		"蓝色为计划年度，绿色为已巡察（或已编组）的年度，红色为计划年度已过仍未巡察。")
	hint.Wrapping = fyne.TextWrapBreak
	hint.SizeName = theme.SizeNameCaptionText
	s.count.TextStyle.Bold = true
	warn := container.NewBorder(s.warnTitle, nil, nil, nil, s.warnings.table)
	split := container.NewVSplit(s.table, warn)
	split.Offset = 0.72
	return container.NewBorder(container.NewVBox(filters, bulk, s.count, hint), nil, nil, nil, split)
}

// reload reads the plan again (after a save here or an import).
func (s *planScreen) reload() {
	cal, err := s.svc.PlanCalendar()
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	terms, err := s.svc.Terms()
	if err != nil {
		dialog.ShowError(err, s.win)
	}
	sectors, err := s.svc.Sectors()
	if err != nil {
		dialog.ShowError(err, s.win)
	}
	s.cal, s.terms, s.sectors = cal, terms, sectors
	s.editable = s.svc.Can(app.PermEdit)
	s.term = showTerms(s.termSel, cal, terms, s.term, s.clock())
	counties := []string{all}
	for _, c := range cal.Snapshot().Counties {
		counties = append(counties, app.Option{Code: c.Code, Name: c.Name}.Label())
	}
	if s.county != nil {
		sel := s.county.Selected
		if !slices.Contains(counties, sel) {
			sel = all
		}
		setChoicesQuietly(s.county, counties, sel)
	}
	s.showTerm()
}

// showTerm works out the selected term's plan and shows it.
func (s *planScreen) showTerm() {
	s.plan = calendar.Plan{}
	if s.term != "" {
		p, err := s.cal.Plan(s.term, s.clock())
		if err != nil {
			dialog.ShowError(err, s.win)
		}
		s.plan = p
	}
	if s.table == nil {
		return
	}
	years := []string{}
	for _, y := range s.plan.Years {
		years = append(years, strconv.Itoa(y))
	}
	years = append(years, outOfPlan)
	sel := s.yearSel.Selected
	if !slices.Contains(years, sel) {
		sel = ""
	}
	setChoicesQuietly(s.yearSel, years, sel)
	var others []string
	for _, t := range s.terms {
		if t.Code != s.term {
			others = append(others, termLabel(t))
		}
	}
	setChoicesQuietly(s.compare, others, "")
	for i := range s.columns() {
		s.table.SetColumnWidth(i, s.columnWidth(i))
	}
	s.showWarnings()
	s.layout()
}

// filter is what the filters say now.
func (s *planScreen) filter() planFilter {
	f := planFilter{group: s.group.Selected, show: s.show.Selected, text: s.search.Text, today: s.clock().Year()}
	if s.county.Selected != all {
		f.county = app.CodeOfLabel(s.county.Selected)
	}
	return f
}

// layout lays the rows out again under the filters.
func (s *planScreen) layout() {
	if s.table == nil || s.cal == nil {
		return
	}
	s.rows = planRows(&s.plan, s.cal.Snapshot(), s.sectors, s.filter())
	units := 0
	for _, r := range s.rows {
		if r.header {
			units += len(r.units)
		}
	}
	s.count.SetText(fmt.Sprintf("列出 %d 个单位（共 %d，未列入规划 %d）", units, len(s.plan.Units), s.plan.Unplanned))
	s.refreshSelection()
}

func (s *planScreen) refreshSelection() {
	n := 0
	for range s.selected {
		n++
	}
	s.info.SetText(fmt.Sprintf("已选 %d 个", n))
	setEnabled(s.apply, s.editable && n > 0)
	setEnabled(s.yearSel, s.editable)
	s.table.Refresh()
}

// showWarnings lists the plan's warnings.
func (s *planScreen) showWarnings() {
	var rows [][]string
	for _, w := range s.plan.Warnings {
		rows = append(rows, []string{w.Kind, w.Unit, w.Message})
	}
	s.warnings.set(rows)
	if len(rows) == 0 {
		s.warnTitle.SetText("规划预警：无")
	} else {
		s.warnTitle.SetText(fmt.Sprintf("规划预警（%d）", len(rows)))
	}
}

func (s *planScreen) columns() int { return len(planLead) + len(s.plan.Years) + len(planTail) }

func (s *planScreen) columnTitle(col int) string {
	switch y := col - len(planLead); {
	case col < len(planLead):
		return planLead[col]
	case y < len(s.plan.Years):
		return strconv.Itoa(s.plan.Years[y]) + "年"
	default:
		return planTail[y-len(s.plan.Years)]
	}
}

func (s *planScreen) columnWidth(col int) float32 {
	switch y := col - len(planLead); {
	case col < len(planLead):
		return planLeadW[col]
	case y < len(s.plan.Years):
		return planYearWidth
	default:
		return planTailW[y-len(s.plan.Years)]
	}
}

// yearOf returns the year of column col, 0 for none.
func (s *planScreen) yearOf(col int) int {
	if y := col - len(planLead); y >= 0 && y < len(s.plan.Years) {
		return s.plan.Years[y]
	}
	return 0
}

func (s *planScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*widgets.Cell)
	c.OnTapped, c.OnDoubleTapped = nil, nil
	c.Label.TextStyle.Bold = false
	c.Label.Importance = widget.MediumImportance
	if id.Row >= len(s.rows) {
		c.Set("", false, nil)
		return
	}
	r := s.rows[id.Row]
	if r.header {
		s.headerCell(c, r, id.Col)
		return
	}
	u := r.unit
	text, bg := s.unitCell(u, id.Col)
	sel := s.selected[u.Unit]
	if bg == nil && sel {
		bg = theme.Color(theme.ColorNameSelection)
	}
	c.Set(text, bg != nil, bg)
	code := u.Unit
	c.OnTapped = func() { s.toggle(code) }
	if y := s.yearOf(id.Col); y != 0 {
		c.OnDoubleTapped = func() { s.setYear([]string{code}, y) }
	} else {
		c.OnDoubleTapped = func() { s.openUnit(code) }
	}
}

// headerCell shows a group's header: its selection, name and the units
// it plans per year.
func (s *planScreen) headerCell(c *widgets.Cell, r planRow, col int) {
	text := ""
	switch {
	case col == 0:
		text = "□"
		if s.allSelected(r.units) {
			text = "☑"
		}
	case col == 2:
		text = r.group
	case col == 3:
		text = fmt.Sprintf("%d个单位", len(r.units))
	case col == 4:
		text = fmt.Sprintf("已列入 %d", r.planned)
	case s.yearOf(col) != 0:
		if n := r.byYear[s.yearOf(col)]; n > 0 {
			text = fmt.Sprintf("计划 %d", n)
		}
	}
	c.Label.TextStyle.Bold = true
	c.Set(text, true, planHeaderBg)
	units := r.units
	c.OnTapped = func() { s.toggleGroup(units) }
}

// unitCell is the text and background of a unit's cell in column col.
func (s *planScreen) unitCell(u *calendar.PlanUnit, col int) (string, color.Color) {
	if y := s.yearOf(col); y != 0 {
		text, passed := yearCell(u, y, s.clock().Year())
		switch {
		case passed:
			return text, planPassedBg
		case u.ActualYear == y && u.State != calendar.StateOpen:
			return text, planDoneBg
		case u.Year == y:
			return text, planPlannedBg
		}
		return text, nil
	}
	switch col {
	case 0:
		if s.selected[u.Unit] {
			return "☑", nil
		}
		return "□", nil
	case 1:
		return u.Unit, nil
	case 2:
		return u.Name, nil
	case 3:
		return s.cal.Snapshot().CountyName(u.County), nil
	case 4:
		return u.Category, nil
	case 5:
		return strings.Join(u.Sectors, "、"), nil
	case 6:
		return u.Priority, nil
	}
	switch col - len(planLead) - len(s.plan.Years) {
	case 0:
		if u.RoundNo > 0 {
			return fmt.Sprintf("第%d轮", u.RoundNo), nil
		}
	case 1:
		return u.Note, nil
	case 2:
		return stateText(u), nil
	}
	return "", nil
}

func (s *planScreen) toggle(code string) {
	if s.selected[code] {
		delete(s.selected, code)
	} else {
		s.selected[code] = true
	}
	s.refreshSelection()
}

func (s *planScreen) allSelected(units []string) bool {
	for _, u := range units {
		if !s.selected[u] {
			return false
		}
	}
	return len(units) > 0
}

// toggleGroup selects a group's units, or clears them when all are.
func (s *planScreen) toggleGroup(units []string) {
	on := !s.allSelected(units)
	for _, u := range units {
		if on {
			s.selected[u] = true
		} else {
			delete(s.selected, u)
		}
	}
	s.refreshSelection()
}

// onSelectShown selects every unit listed.
func (s *planScreen) onSelectShown() {
	for _, r := range s.rows {
		if !r.header {
			s.selected[r.unit.Unit] = true
		}
	}
	s.refreshSelection()
}

// chosenCodes returns the selected units, in code order.
func (s *planScreen) chosenCodes() []string {
	var out []string
	for u := range s.selected {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// onApply puts the selected units in the chosen year (or out of the plan).
func (s *planScreen) onApply() {
	codes := s.chosenCodes()
	if len(codes) == 0 {
		return
	}
	year := 0
	if s.yearSel.Selected != outOfPlan {
		y, err := strconv.Atoi(s.yearSel.Selected)
		if err != nil {
			dialog.ShowInformation("设为年度", "请先选择年度。", s.win)
			return
		}
		year = y
	}
	what := fmt.Sprintf("将所选 %d 个单位列入 %d 年度？", len(codes), year)
	if year == 0 {
		what = fmt.Sprintf("将所选 %d 个单位移出巡察规划？", len(codes))
	}
	d := dialog.NewConfirm("巡察规划", what, func(ok bool) {
		if ok {
			s.setYear(codes, year)
		}
	}, s.win)
	d.SetConfirmText("确定")
	d.SetDismissText("取消")
	d.Show()
}

// setYear puts units in year (0: out of the plan) and shows the plan again.
func (s *planScreen) setYear(units []string, year int) {
	if !s.editable {
		return
	}
	switch err := s.svc.SetPlanYear(s.term, units, year); {
	case app.IsConflict(err) || app.ConnLost(err): // a unit's row changed under the bulk edit; the server gone
		saveFailed(err, s.win, func() { s.setYear(units, year) }, s.reload)
		return
	case err != nil:
		dialog.ShowError(err, s.win)
		return
	}
	s.reload()
}

// keySearch puts the cursor in the search box (Ctrl+F).
func (s *planScreen) keySearch() { focus(s.win, s.search) }
