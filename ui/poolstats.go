package ui

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/poolstats"
	"xuncha/ui/widgets"
)

// poolSeries is the one part of a pool statistics bar.
var poolSeries = []widgets.BarSeries{{Name: "人数", Color: color.NRGBA{R: 0x2f, G: 0x6f, B: 0xb3, A: 0xff}, TextColor: white}}

// poolStatsScreen is 人员库统计 (SPEC §11.1): the pools on a day, for a
// jurisdiction, as figures, charts (by age band, pool, skill, 职级,
// jurisdiction, 专职 and status) and the table of the recommending units
// (in the pools, served this term, never drafted), and as an xlsx; and,
// in a tab of its own, the newly promoted cadres who owe rounds on the day
// (owingPanel, SPEC §11.3).
type poolStatsScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date

	day          *widgets.DateEntry
	county, term *widget.Select
	refresh      *widget.Button
	export       *widget.Button
	msg          *widget.Label

	total, served, never, left *statCard
	charts                     map[string]*widgets.BarChart // by table title
	units                      *textTable
	owing                      *owingPanel
	tabs                       *container.AppTabs

	counties []app.Option
	terms    []app.Option
	stats    *poolstats.Stats
}

func newPoolStatsScreen(svc *app.Service, win fyne.Window, clock func() civil.Date) *poolStatsScreen {
	return &poolStatsScreen{svc: svc, win: win, clock: clock, charts: map[string]*widgets.BarChart{}, owing: newOwingPanel(svc, win)}
}

// autoTerm is the term choice that takes the term around the day.
const autoTerm = "统计日期所在届期"

func (s *poolStatsScreen) build() fyne.CanvasObject {
	s.day = widgets.NewDateEntry()
	s.day.SetText(s.clock().String())
	s.county = widget.NewSelect(nil, nil)
	s.term = widget.NewSelect(nil, nil)
	s.refresh = widget.NewButtonWithIcon("统计", theme.ViewRefreshIcon(), s.show)
	s.export = widget.NewButtonWithIcon("导出", theme.UploadIcon(), s.onExport)
	s.msg = widget.NewLabel("")
	s.msg.Importance = widget.DangerImportance
	s.msg.Hide()
	s.total = newStatCard("库内人员（在库、暂停）", darkText)
	s.served = newStatCard("本届期已参加巡察", coveredColor)
	s.never = newStatCard("从未抽调", sealRed)
	s.left = newStatCard("已出库", darkText)
	// two columns of charts, each as tall as its own bars
	cols := [2]*fyne.Container{container.NewVBox(), container.NewVBox()}
	for i, title := range []string{"按年龄段", "按人员库", "按专业特长", "按专职", "按工作关系地", "按状态", "按职级"} {
		c := widgets.NewBarChart(title, poolSeries)
		c.LabelWidth, c.NoteWidth = 110, 40
		s.charts[title] = c
		cols[i%2].Add(c)
		cols[i%2].Add(widget.NewSeparator())
	}
	s.units = newTextTable(poolstats.UnitColumns, []float32{110, 240, 100, 80, 130, 80})
	s.tabs = container.NewAppTabs(
		container.NewTabItem("图表", container.NewVScroll(container.NewGridWithColumns(2, cols[0], cols[1]))),
		container.NewTabItem("按推荐单位", s.units.table),
		container.NewTabItem("新提拔待参加巡察", s.owing.build()),
	)
	top := container.NewHBox(widget.NewLabel("统计日期"), container.NewGridWrap(fyne.NewSize(130, s.day.MinSize().Height), s.day),
		widget.NewLabel("工作关系地"), container.NewGridWrap(fyne.NewSize(130, s.county.MinSize().Height), s.county),
		widget.NewLabel("届期"), container.NewGridWrap(fyne.NewSize(170, s.term.MinSize().Height), s.term),
		s.refresh, layout.NewSpacer(), s.export)
	cards := container.NewGridWithColumns(4, s.total.obj, s.served.obj, s.never.obj, s.left.obj)
	s.reload()
	s.county.OnChanged = func(string) { s.show() }
	s.term.OnChanged = func(string) { s.show() }
	return container.NewBorder(container.NewVBox(top, s.msg, cards, widget.NewSeparator()), nil, nil, nil, s.tabs)
}

// reload reads the counties and terms again and counts anew.
func (s *poolStatsScreen) reload() {
	if s.county == nil {
		return
	}
	var err error
	if s.counties, err = s.svc.CountyOptions(); err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	terms, err := s.svc.Terms()
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.terms = s.terms[:0]
	for _, t := range terms {
		s.terms = append(s.terms, app.Option{Code: t.Code, Name: t.Name})
	}
	s.county.Options = append([]string{all}, labels(s.counties)...)
	s.term.Options = append([]string{autoTerm}, labels(s.terms)...)
	if s.county.Selected == "" {
		s.county.Selected = all
	}
	if s.term.Selected == "" {
		s.term.Selected = autoTerm
	}
	s.county.Refresh()
	s.term.Refresh()
	s.show()
}

// options reads the filters.
func (s *poolStatsScreen) options() (poolstats.Options, error) {
	d, err := civil.Parse(s.day.Date())
	if err != nil || d.IsZero() {
		return poolstats.Options{}, fmt.Errorf("统计日期应写成 2026-03-01 的格式")
	}
	opt := poolstats.Options{Day: d}
	if s.county.Selected != all {
		opt.County = app.CodeOfLabel(s.county.Selected)
	}
	if s.term.Selected != autoTerm {
		opt.Term = app.CodeOfLabel(s.term.Selected)
	}
	return opt, nil
}

// show counts the pools under the filters and shows the figures.
func (s *poolStatsScreen) show() {
	opt, err := s.options()
	if err != nil {
		s.say(err.Error())
		return
	}
	st, err := s.svc.PoolStats(opt)
	if err != nil {
		s.say(err.Error())
		return
	}
	s.say("")
	s.stats = st
	termNote := "届期：" + st.Term
	if st.Term == "" {
		termNote = "统计日期不在任何届期内"
	}
	s.total.set(strconv.Itoa(st.Total), st.Day.String())
	s.served.set(strconv.Itoa(st.Served), termNote)
	s.never.set(strconv.Itoa(st.Never), "没有任何编组记录")
	s.left.set(strconv.Itoa(st.Left), "不计入其他各项")
	for _, t := range st.Tables() {
		c := s.charts[t.Title]
		if c == nil {
			continue
		}
		rows := make([]widgets.BarRow, len(t.Rows))
		for i, r := range t.Rows {
			rows[i] = widgets.BarRow{Label: r.Label, Values: []int{r.Count}, Note: strconv.Itoa(r.Count)}
		}
		c.SetRows(rows)
	}
	data := make([][]string, len(st.Units))
	for i, u := range st.Units {
		data[i] = []string{u.Unit, u.Name, u.County, strconv.Itoa(u.InPool), strconv.Itoa(u.Served), strconv.Itoa(u.Never)}
	}
	s.units.set(data)
	if err := s.owing.show(st.Day); err != nil {
		s.say(err.Error())
	}
	s.tabs.Items[tabOwing].Text = s.owing.title()
	s.tabs.Refresh()
}

// tabOwing is the index of the owing tab.
const tabOwing = 2

// onExport writes the statistics shown to an xlsx.
func (s *poolStatsScreen) onExport() {
	opt, err := s.options()
	if err != nil {
		s.say(err.Error())
		return
	}
	saveXLSX(s.win, "人员库统计"+opt.Day.String()+".xlsx", func(path string) error {
		_, err := s.svc.ExportPoolStats(path, opt)
		return err
	}, "已导出人员库统计")
}

// say shows a problem with the filters ("" hides it).
func (s *poolStatsScreen) say(msg string) { sayOrHide(s.msg, msg) }
