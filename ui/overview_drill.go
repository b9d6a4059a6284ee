package ui

// 总览's drill-down and export: a tap on a bar of the coverage charts lists
// the units of that category or county, with where each stands; a team of
// 组配备 (double-click, Enter) opens in 编组; 导出 writes what the page shows
// to a workbook for a report.

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
)

// unitsDialog is the list of units a bar of the charts stands for.
type unitsDialog struct {
	title string
	list  *textTable
	dlg   dialog.Dialog
}

// unitColumns are the columns of the units of a bar.
var unitColumns = []string{"单位编码", "单位名称", "县区", "单位类别", "覆盖情况", "轮次", "巡察组"}

// showCategory lists the units of category row i of the chart.
func (s *overviewScreen) showCategory(i int) {
	if i >= len(s.ov.Coverage.ByCategory) {
		return
	}
	cat := s.ov.Coverage.ByCategory[i].Category
	s.showUnits("单位类别："+cat, func(u calendar.UnitState) bool { return u.Category == cat })
}

// showCounty lists the units of county row i of the chart.
func (s *overviewScreen) showCounty(i int) {
	if i >= len(s.ov.Coverage.ByCounty) {
		return
	}
	c := s.ov.Coverage.ByCounty[i]
	s.showUnits("县区："+c.Name, func(u calendar.UnitState) bool { return u.County == c.County })
}

// showSector lists the units of 领域 row i of the chart (a unit of several
// 领域 is in each).
func (s *overviewScreen) showSector(i int) {
	if i >= len(s.ov.Coverage.BySector) {
		return
	}
	sector := s.ov.Coverage.BySector[i].Sector
	sn := s.cal.Snapshot()
	s.showUnits("领域："+sector, func(u calendar.UnitState) bool {
		su := sn.Unit(u.Unit)
		if su == nil || len(su.Sectors) == 0 {
			return sector == calendar.Unsectored
		}
		return slices.Contains(su.Sectors, sector)
	})
}

// showUnits opens the list of the term's units that keep lets through; a
// unit on a team opens that team in 编组.
func (s *overviewScreen) showUnits(title string, keep func(calendar.UnitState) bool) *unitsDialog {
	sn := s.cal.Snapshot()
	var rows [][]string
	var units []calendar.UnitState
	n := calendar.Counts{}
	for _, u := range s.ov.Coverage.Units {
		if !keep(u) {
			continue
		}
		units = append(units, u)
		rows = append(rows, []string{u.Unit, u.Name, sn.CountyName(u.County), u.Category, u.State, u.Round, u.Team})
		switch u.State {
		case calendar.StateCovered:
			n.Covered++
		case calendar.StatePlanned:
			n.Planned++
		default:
			n.Open++
		}
	}
	d := &unitsDialog{title: title, list: newTextTable(unitColumns, []float32{84, 200, 80, 80, 80, 70, 110})}
	d.list.warn = func(r, c int) bool { return c == 4 && d.list.data[r][4] == calendar.StateOpen }
	d.list.set(rows)
	d.list.onOpen = func() {
		r := d.list.rowOf(d.list.cur)
		if r < 0 || units[r].Team == "" || s.openTeam == nil {
			return
		}
		d.dlg.Hide()
		s.openTeam(units[r].Round, units[r].Team)
	}
	head := widget.NewLabel(fmt.Sprintf("%s　共 %d 个单位：%s %d，%s %d，%s %d。双击有巡察组的单位，在“编组”中打开该组。",
		title, len(rows), calendar.StateCovered, n.Covered, calendar.StatePlanned, n.Planned, calendar.StateOpen, n.Open))
	head.Wrapping = fyne.TextWrapBreak
	closeBtn := widget.NewButton("关闭", func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons("覆盖明细", container.NewBorder(head, container.NewHBox(closeBtn), nil, nil, d.list.table), s.win)
	fitDialog(d.dlg, s.win, fyne.NewSize(820, 560))
	d.dlg.Show()
	s.units = d
	return d
}

// openTeamRow opens the team of 组配备's current row in 编组.
func (s *overviewScreen) openTeamRow() {
	r := s.teams.rowOf(s.teams.cur)
	if r < 0 || r >= len(s.teams.data) || s.openTeam == nil {
		return
	}
	s.openTeam(s.teams.data[r][0], s.teams.data[r][1])
}

// onExport writes what the page shows to a workbook: the figures, the
// three charts, the 板块 and plan views, and each list.
func (s *overviewScreen) onExport() {
	if s.term == "" {
		dialog.ShowInformation("导出总览", "尚无届期，没有可导出的内容。", s.win)
		return
	}
	sheets := s.sheets()
	saveXLSX(s.win, "总览_"+s.term+"_"+s.clock().String()+".xlsx", func(path string) error {
		return s.svc.ExportTables(path, sheets)
	}, "已导出总览")
}

// sheets are the page's contents as tables.
func (s *overviewScreen) sheets() []app.TableSheet {
	cv := &s.ov.Coverage
	t := s.cal.Term(s.term)
	head := app.TableSheet{Name: "概况", Columns: []string{"项目", "数值"}, Rows: [][]string{
		{"届期", s.term + " " + t.Name},
		{"统计日", s.clock().String()},
		{"应覆盖单位", strconv.Itoa(cv.Total)},
		{"已覆盖（进驻已结束）", strconv.Itoa(cv.Covered)},
		{"覆盖率", fmt.Sprintf("%.1f%%", cv.Percent())},
		{"已计划", strconv.Itoa(cv.Planned)},
		{"未安排", strconv.Itoa(cv.Open)},
		{"在办轮次", strconv.Itoa(len(s.progress.data))},
		{"进度", s.pace.Text},
	}}
	counts := []string{"", calendar.StateCovered, calendar.StatePlanned, calendar.StateOpen, "应覆盖", "覆盖率"}
	bars := func(name, first string, rows []calendar.Counts, labels []string) app.TableSheet {
		sh := app.TableSheet{Name: name, Columns: append([]string{first}, counts[1:]...)}
		for i, n := range rows {
			sh.Rows = append(sh.Rows, []string{labels[i], strconv.Itoa(n.Covered), strconv.Itoa(n.Planned),
				strconv.Itoa(n.Open), strconv.Itoa(n.Total), fmt.Sprintf("%.1f%%", n.Percent())})
		}
		return sh
	}
	var catN, countyN, sectorN []calendar.Counts
	var catL, countyL, sectorL []string
	for _, k := range cv.ByCategory {
		catN, catL = append(catN, k.Counts), append(catL, k.Category)
	}
	for _, c := range cv.ByCounty {
		countyN, countyL = append(countyN, c.Counts), append(countyL, c.Name)
	}
	for _, k := range cv.BySector {
		sectorN, sectorL = append(sectorN, k.Counts), append(sectorL, k.Sector)
	}
	out := []app.TableSheet{head, bars("按单位类别", "单位类别", catN, catL), bars("按县区", "县区", countyN, countyL),
		bars("按领域", "领域", sectorN, sectorL)}
	for i, tt := range []*textTable{s.sectors, s.plan} {
		out = append(out, app.TableSheet{Name: coverageTabs[i+1], Columns: tt.columns, Rows: tt.data})
	}
	for i, tt := range []*textTable{s.progress, s.teams, s.overrides, s.overdue, s.openUnits} {
		out = append(out, app.TableSheet{Name: overviewTabs[i], Columns: tt.columns, Rows: tt.data})
	}
	return out
}
