package ui

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/ui/widgets"
)

// Colours of coverage: covered green, planned blue, open light red.
var (
	coveredColor = color.NRGBA{0x2e, 0x7d, 0x32, 0xff}
	plannedColor = color.NRGBA{0x1e, 0x88, 0xe5, 0xff}
	openColor    = color.NRGBA{0xef, 0x9a, 0x9a, 0xff}
)

// coverageSeries are the parts of a coverage bar.
var coverageSeries = []widgets.BarSeries{
	{Name: calendar.StateCovered, Color: coveredColor, TextColor: white},
	{Name: calendar.StatePlanned, Color: plannedColor, TextColor: white},
	{Name: calendar.StateOpen, Color: openColor, TextColor: darkText},
}

// overviewTabs are the titles of the overview's lists.
var overviewTabs = []string{"在办轮次", "组配备", "待批豁免", "整改逾期", "未安排单位"}

// coverageTabs are the titles of the overview's coverage views (SPEC §8.2:
// the 板块 view and the plan against what was done beside the charts).
var coverageTabs = []string{"覆盖情况", "板块轮动", "规划执行"}

// statCard is one big number of the overview with its caption.
type statCard struct {
	value *canvas.Text
	note  *widget.Label
	obj   fyne.CanvasObject
}

func newStatCard(caption string, c color.Color) *statCard {
	s := &statCard{value: canvas.NewText("—", c), note: widget.NewLabel("")}
	s.note.Wrapping = fyne.TextWrapBreak // a narrow window: two lines, not cut
	s.value.TextSize = 28
	s.value.TextStyle.Bold = true
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = 6
	body := container.NewVBox(widget.NewLabel(caption), s.value, s.note)
	s.obj = container.NewStack(bg, container.NewPadded(body))
	return s
}

func (s *statCard) set(value, note string) {
	s.value.Text = value
	s.value.Refresh()
	s.note.SetText(note)
}

// overviewScreen is 总览, the leaders' page: a term's coverage as numbers
// and charts by category and county, the pace warning, the rounds under
// way, the teams and how full they are, the overrides awaiting approval,
// the overdue rectification reports and the units not yet planned. It only
// reads.
type overviewScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date

	termView
	ov calendar.Overview

	termSel                               *widget.Select
	dateLb                                *widget.Label
	total, covered, planned, open, rounds *statCard
	paceIcon                              *widget.Icon
	pace                                  *widget.Label
	byCategory, byCounty, bySector        *widgets.BarChart
	tabs, views                           *container.AppTabs
	progress, teams, overrides            *textTable
	overdue, openUnits                    *textTable
	export                                *widget.Button
	units                                 *unitsDialog             // the units of a bar, opened last (overview_drill.go)
	openTeam                              func(round, team string) // opens a team in 编组; may be nil
	results                               *overviewResults         // 整改台账 (overview_results.go)
	pending                               []app.OverrideView       // the rows of overrides
	decision                              *overrideDecision        // opened last, for tests
	sectors, plan                         *textTable               // 板块轮动, 规划执行 (SPEC §8.2)
}

func newOverviewScreen(svc *app.Service, win fyne.Window, clock func() civil.Date) *overviewScreen {
	return &overviewScreen{svc: svc, win: win, clock: clock}
}

func (s *overviewScreen) build() fyne.CanvasObject {
	s.termSel = widget.NewSelect(nil, nil)
	s.termSel.PlaceHolder = "尚无届期"
	s.dateLb = widget.NewLabel("")
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.reload)
	s.export = widget.NewButtonWithIcon("导出…", theme.DocumentSaveIcon(), s.onExport)
	s.total = newStatCard("应覆盖单位", darkText)
	s.covered = newStatCard("已覆盖（进驻已结束）", coveredColor)
	s.planned = newStatCard("已计划", plannedColor)
	s.open = newStatCard("未安排", sealRed)
	s.rounds = newStatCard("在办轮次", darkText)
	s.paceIcon = widget.NewIcon(theme.InfoIcon())
	s.pace = widget.NewLabel("")
	s.pace.Wrapping = fyne.TextWrapBreak
	s.byCategory = widgets.NewBarChart("按单位类别（点击看单位）", coverageSeries)
	s.byCounty = widgets.NewBarChart("按县区（点击看单位）", coverageSeries)
	s.bySector = widgets.NewBarChart("按领域（点击看单位）", coverageSeries)
	s.byCategory.OnTapped, s.byCounty.OnTapped, s.bySector.OnTapped = s.showCategory, s.showCounty, s.showSector
	s.sectors, s.plan = newSectorTable(), newPlanYearTable()
	s.progress = newTextTable([]string{"轮次", "名称", "状态", "当前阶段", "阶段日期", "阶段剩余", "组/单位"},
		[]float32{66, 132, 64, 64, 170, 84, 64})
	s.teams = newTextTable([]string{"轮次", "巡察组", "县区", "单位数", "成员/应配", "配备"}, []float32{70, 130, 90, 60, 90, 80})
	s.teams.warn = func(row, col int) bool { return col == 5 && s.teams.data[row][5] != "已配齐" }
	s.teams.onOpen = s.openTeamRow
	s.overrides = newTextTable([]string{"轮次", "巡察组", "人员", "规则", "单位", "理由", "录入人", "录入时间"},
		[]float32{70, 110, 130, 50, 130, 220, 70, 150})
	s.overrides.wrap = 5 // the reason, whole
	s.overrides.table.OnSelected = s.onOverride
	s.overdue = newTextTable([]string{"轮次", "巡察组", "单位编码", "单位名称", "县区", "整改报告期限", "逾期天数"},
		[]float32{64, 100, 70, 166, 70, 100, 70})
	s.overdue.warn = func(_, col int) bool { return col == 6 }
	s.openUnits = newTextTable([]string{"单位编码", "单位名称", "县区", "单位类别"}, []float32{90, 260, 100, 100})
	s.tabs = container.NewAppTabs(
		container.NewTabItem(overviewTabs[0], s.progress.table),
		container.NewTabItem(overviewTabs[1], s.teams.table),
		container.NewTabItem(overviewTabs[2], container.NewBorder(widget.NewLabel("单击一项，查看依据并审批（批准、驳回）。"), nil, nil, nil, s.overrides.table)),
		container.NewTabItem(overviewTabs[3], s.overdue.table),
		container.NewTabItem(overviewTabs[4], s.openUnits.table),
	)
	if s.results == nil {
		s.results = newOverviewResults(s.svc, s.win)
	}
	s.results.place(s.tabs, 4) // beside 整改逾期: a tab of its own (overview_results.go)
	top := container.NewHBox(widget.NewLabel("届期"), container.NewGridWrap(fyne.NewSize(300, s.termSel.MinSize().Height), s.termSel),
		s.dateLb, layout.NewSpacer(), s.export, refresh)
	cards := container.NewGridWithColumns(5, s.total.obj, s.covered.obj, s.planned.obj, s.open.obj, s.rounds.obj)
	pace := container.NewBorder(nil, nil, container.NewVBox(s.paceIcon), nil, s.pace)
	charts := container.NewVScroll(container.NewVBox(s.byCategory, widget.NewSeparator(), s.bySector, widget.NewSeparator(), s.byCounty))
	s.views = container.NewAppTabs(container.NewTabItem(coverageTabs[0], charts),
		container.NewTabItem(coverageTabs[1], s.sectors.table), container.NewTabItem(coverageTabs[2], s.plan.table))
	split := container.NewHSplit(s.views, s.tabs)
	split.Offset = 0.46
	s.reload()
	s.termSel.OnChanged = func(string) { s.term = app.CodeOfLabel(s.termSel.Selected); s.show() }
	return container.NewBorder(container.NewVBox(top, cards, pace, widget.NewSeparator()), nil, nil, nil, split)
}

// reload reads the calendar again.
func (s *overviewScreen) reload() {
	if !loadTerm(s.svc, s.win, s.termSel, &s.termView, s.clock()) {
		return
	}
	s.show()
}

// teamSize is the members a full team has: the sum of the composition
// table's counts in the assignment settings, else the calendar's default.
func (s *overviewScreen) teamSize() int {
	var set struct {
		Rows []struct {
			Count int `json:"count"`
		} `json:"rows"`
	}
	if err := s.svc.LoadSetting("assign", &set); err != nil {
		return calendar.DefaultTeamSize
	}
	n := 0
	for _, r := range set.Rows {
		n += r.Count
	}
	if n <= 0 {
		return calendar.DefaultTeamSize
	}
	return n
}

// show shows the selected term.
func (s *overviewScreen) show() {
	today := s.clock()
	s.dateLb.SetText("统计日 " + today.String())
	s.ov = calendar.Overview{}
	if s.term != "" {
		ov, err := s.cal.Overview(s.term, today, calendar.OverviewOptions{TeamSize: s.teamSize()})
		if err != nil {
			dialog.ShowError(err, s.win)
		}
		s.ov = ov
	}
	cv := &s.ov.Coverage
	sn := s.cal.Snapshot()
	s.total.set(strconv.Itoa(cv.Total), "本届期须巡察的单位")
	s.covered.set(strconv.Itoa(cv.Covered), fmt.Sprintf("覆盖率 %.1f%%", cv.Percent()))
	s.planned.set(strconv.Itoa(cv.Planned), "已编入巡察组，进驻未结束")
	s.open.set(strconv.Itoa(cv.Open), "尚未编入任何巡察组")
	s.progress.set(progressRows(s.cal, s.term, today))
	s.rounds.set(strconv.Itoa(len(s.progress.data)), fmt.Sprintf("整改报告逾期 %d 个单位", len(s.ov.Overdue)))
	s.showPace()
	var cats, counties []widgets.BarRow
	for _, k := range cv.ByCategory {
		cats = append(cats, coverageRow(k.Category, k.Counts))
	}
	for _, c := range cv.ByCounty {
		counties = append(counties, coverageRow(c.Name, c.Counts))
	}
	s.byCategory.SetRows(cats)
	s.byCounty.SetRows(counties)
	s.bySector.SetRows(sectorBars(cv))
	s.sectors.set(sectorRows(s.ov.Sectors))
	s.plan.set(planYearRows(s.ov.Plan))
	s.teams.set(teamRows(s.ov, sn))
	s.pending = s.pendingOverrides()
	s.overrides.set(overrideRows(s.pending))
	s.overdue.set(overdueRows(s.ov, sn))
	s.openUnits.set(openRows(cv, sn))
	counts := []int{len(s.progress.data), len(s.teams.data), len(s.overrides.data), len(s.overdue.data), len(s.openUnits.data)}
	for i, t := range overviewTabs {
		s.results.listTab(s.tabs, i).Text = fmt.Sprintf("%s（%d）", t, counts[i])
	}
	s.results.tab.Text = fmt.Sprintf("整改台账（%d）", s.results.show(today, sn.CountyName))
	s.tabs.Refresh()
	s.views.Items[2].Text = coverageTabs[2]
	if n := len(s.ov.Plan.Warnings); n > 0 {
		s.views.Items[2].Text = fmt.Sprintf("%s（预警%d）", coverageTabs[2], n)
	}
	s.views.Refresh()
}

// showPace writes the pace estimate, as a warning when the term will not
// be covered at the pace so far.
func (s *overviewScreen) showPace() {
	p := s.ov.Coverage.Pace
	switch {
	case s.term == "":
		s.pace.Importance = widget.MediumImportance
		s.pace.SetText("尚无届期。请在“巡察日历”中新建届期和轮次。")
		s.paceIcon.SetResource(theme.InfoIcon())
	case p.Warn:
		s.pace.Importance = widget.DangerImportance
		s.pace.SetText("进度预警：" + p.Message)
		s.paceIcon.SetResource(theme.WarningIcon())
	default:
		s.pace.Importance = widget.SuccessImportance
		s.pace.SetText("进度：" + p.Message)
		s.paceIcon.SetResource(theme.ConfirmIcon())
	}
}

// pendingOverrides returns the overrides of the term's rounds awaiting
// approval.
func (s *overviewScreen) pendingOverrides() []app.OverrideView {
	if len(s.ov.PendingOverrides) == 0 {
		return nil
	}
	all, err := s.svc.PendingOverrides()
	if err != nil {
		dialog.ShowError(err, s.win)
		return nil
	}
	in := map[string]bool{}
	for _, r := range s.cal.Rounds(s.term) {
		in[r.Code] = true
	}
	var out []app.OverrideView
	for _, v := range all {
		if in[v.Round] {
			out = append(out, v)
		}
	}
	return out
}

// onOverride opens the approval of the pending override chosen, with its
// evidence; a decision shows here at once.
func (s *overviewScreen) onOverride(id widget.TableCellID) {
	s.overrides.table.UnselectAll()
	if id.Row < 0 || id.Row >= len(s.pending) {
		return
	}
	s.decision = showOverrideDecision(s.svc, s.win, s.pending[id.Row].ID, s.reload)
}
