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
	"xuncha/app/papers"
	"xuncha/app/stats"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// statsTitle names the 统计 screen.
const statsTitle = "统计"

// allYears is the year choice of a whole term.
const allYears = "全部年度"

// statsScreen is 统计 (SPEC §12.2): for a term, a year and a jurisdiction,
// the figures (rounds, teams, units, coverage, people, findings,
// rectification, clues) and the charts — coverage, findings by category,
// rectification by round, clues by receiver and outcome, people drafted by
// jurisdiction, newly promoted served and owing — with the rounds' table,
// the list of who owes rounds and the definitions; exported as a workbook
// and an A4 PDF, and the reports upward (年度汇报, 每轮综合情况).
type statsScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date

	term, year, county *widget.Select
	day                *widgets.DateEntry
	refresh            *widget.Button
	xlsx, pdf          *widget.Button
	annual, summary    *widget.Button
	msg                *widget.Label

	rounds, coverage, people, findings, rect, clues *statCard
	charts                                          []*widgets.BarChart
	byRound, owing                                  *textTable
	tabs                                            *container.AppTabs

	terms    []model.Term
	counties []app.Option
	rep      *stats.Report
	det      *stats.Details
}

func newStatsScreen(svc *app.Service, win fyne.Window, clock func() civil.Date) *statsScreen {
	return &statsScreen{svc: svc, win: win, clock: clock}
}

func (s *statsScreen) build() fyne.CanvasObject {
	s.term = widget.NewSelect(nil, func(string) { s.fillYears(); s.show() })
	s.year = widget.NewSelect(nil, func(string) { s.show() })
	s.county = widget.NewSelect(nil, func(string) { s.show() })
	s.day = widgets.NewDateEntry()
	s.day.SetText(s.clock().String())
	s.refresh = widget.NewButtonWithIcon("统计", theme.ViewRefreshIcon(), s.show)
	s.xlsx = widget.NewButtonWithIcon("Excel…", theme.UploadIcon(), s.onXLSX)
	s.pdf = widget.NewButtonWithIcon("PDF…", theme.DocumentPrintIcon(), s.onPDF)
	s.annual = widget.NewButtonWithIcon("年度汇报…", theme.DocumentIcon(), s.onAnnual)
	s.summary = widget.NewButtonWithIcon("综合情况…", theme.DocumentIcon(), s.onSummary)
	s.msg = widget.NewLabel("")
	s.msg.Importance = widget.DangerImportance
	s.msg.Hide()
	s.rounds = newStatCard("轮次 / 巡察组", darkText)
	s.coverage = newStatCard("届内覆盖率", coveredColor)
	s.people = newStatCard("编入人次", darkText)
	s.findings = newStatCard("发现问题", darkText)
	s.rect = newStatCard("整改率", coveredColor)
	s.clues = newStatCard("移交线索", sealRed)
	// one column: the clues' legend (every 处置结果) needs the width
	charts := container.NewVBox()
	for range 6 {
		c := widgets.NewBarChart("", nil)
		c.LabelWidth, c.NoteWidth = 130, 110
		s.charts = append(s.charts, c)
		charts.Add(c)
		charts.Add(widget.NewSeparator())
	}
	t := stats.Tables(&stats.Report{}, &stats.Details{})
	s.byRound = newTextTable(t[2].Columns, []float32{80, 170, 90, 60, 80, 70, 50, 70, 60, 60, 50, 70, 70})
	s.owing = newTextTable(t[7].Columns, []float32{90, 90, 90, 90, 100, 80, 100})
	defs := widget.NewLabel(definitionsText())
	defs.Wrapping = fyne.TextWrapBreak
	s.tabs = container.NewAppTabs(
		container.NewTabItem("图表", container.NewVScroll(charts)),
		container.NewTabItem("各轮次", s.byRound.table),
		container.NewTabItem("新提拔待参加", s.owing.table),
		container.NewTabItem("指标说明", container.NewVScroll(defs)),
	)
	pick := func(label string, sel fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewHBox(widget.NewLabel(label), container.NewGridWrap(fyne.NewSize(w, s.term.MinSize().Height), sel))
	}
	top := container.NewVBox(
		container.NewHBox(pick("届期", s.term, 190), pick("年度", s.year, 100), pick("县区", s.county, 130), pick("统计日", s.day, 150), s.refresh),
		container.NewHBox(layout.NewSpacer(), widget.NewLabel("导出"), s.xlsx, s.pdf, widget.NewSeparator(), s.annual, s.summary))
	cards := container.NewGridWithColumns(6, s.rounds.obj, s.coverage.obj, s.people.obj, s.findings.obj, s.rect.obj, s.clues.obj)
	s.reload()
	return container.NewBorder(container.NewVBox(top, s.msg, cards, widget.NewSeparator()), nil, nil, nil, s.tabs)
}

// definitionsText is the definitions, one paragraph each.
func definitionsText() string {
	out := ""
	for _, d := range stats.Definitions {
		out += d[0] + "：" + d[1] + "\n\n"
	}
	return out
}

// reload reads the terms and counties again and counts anew.
func (s *statsScreen) reload() {
	if s.term == nil {
		return
	}
	var err error
	if s.terms, err = s.svc.Terms(); err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	if s.counties, err = s.svc.CountyOptions(); err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	var terms []string
	for _, t := range s.terms {
		terms = append(terms, app.Option{Code: t.Code, Name: t.Name}.Label())
	}
	keep := s.term.Selected
	s.term.Options = terms
	if indexOfString(terms, keep) < 0 {
		keep = ""
		if len(terms) > 0 {
			keep = terms[0] // the latest
		}
	}
	s.term.Selected = keep
	s.term.Refresh()
	s.county.Options = append([]string{all}, labels(s.counties)...)
	if indexOfString(s.county.Options, s.county.Selected) < 0 {
		s.county.Selected = all
	}
	s.county.Refresh()
	s.fillYears()
	s.show()
}

// fillYears offers the years of the term chosen.
func (s *statsScreen) fillYears() {
	opts := []string{allYears}
	if t := s.termChosen(); t != nil {
		from, err1 := civil.Parse(t.StartDate)
		to, err2 := civil.Parse(t.EndDate)
		for y := from.Year(); err1 == nil && err2 == nil && y <= to.Year() && y-from.Year() < 20; y++ {
			opts = append(opts, strconv.Itoa(y))
		}
	}
	keep := s.year.Selected
	s.year.Options = opts
	if indexOfString(opts, keep) < 0 {
		keep = allYears
	}
	s.year.Selected = keep
	s.year.Refresh()
}

func (s *statsScreen) termChosen() *model.Term {
	for i := range s.terms {
		if app.CodeOfLabel(s.term.Selected) == s.terms[i].Code {
			return &s.terms[i]
		}
	}
	return nil
}

// scope reads the filters.
func (s *statsScreen) scope() (stats.Scope, error) {
	t := s.termChosen()
	if t == nil {
		return stats.Scope{}, fmt.Errorf("还没有届期：请先在“巡察日历”中建立届期")
	}
	d, err := civil.Parse(s.day.Date())
	if err != nil || d.IsZero() {
		return stats.Scope{}, fmt.Errorf("统计日应写成 2026-03-01 的格式")
	}
	sc := stats.Scope{Term: t.Code, Today: d}
	if s.year.Selected != allYears && s.year.Selected != "" {
		sc.Year, _ = strconv.Atoi(s.year.Selected)
	}
	if s.county.Selected != all && s.county.Selected != "" {
		sc.County = app.CodeOfLabel(s.county.Selected)
	}
	return sc, nil
}

// show computes and shows the figures of the filters.
func (s *statsScreen) show() {
	if s.term == nil {
		return
	}
	sc, err := s.scope()
	if err == nil {
		s.rep, s.det, err = s.svc.Stats(sc)
	}
	if err != nil {
		s.say(err.Error())
		return
	}
	s.say("")
	r := s.rep
	s.rounds.set(fmt.Sprintf("%d / %d", r.Rounds, r.Teams), fmt.Sprintf("被巡察单位 %d 个", r.UnitsInspected))
	s.coverage.set(stats.Percent(r.Coverage.Rate), fmt.Sprintf("已覆盖 %d / 应覆盖 %d", r.Coverage.Covered, r.Coverage.Required))
	s.people.set(strconv.Itoa(r.People.Placements), fmt.Sprintf("%d 人，专职 %d 人次", r.People.Distinct, r.People.FullTime))
	s.findings.set(strconv.Itoa(r.Findings.Total), fmt.Sprintf("立行立改 %d 个", r.Findings.OnTheSpot))
	s.rect.set(stats.Percent(r.Rectification.Rate), fmt.Sprintf("措施 %d 项，逾期 %d 项", r.Rectification.Items, r.Rectification.Overdue))
	s.clues.set(strconv.Itoa(r.Clues.Total), fmt.Sprintf("立案 %d 人，处分 %d 人", r.Clues.CasesOpened, r.Clues.Sanctioned))
	for i, c := range stats.Charts(s.rep, s.det) {
		ch := s.charts[i]
		ch.Title = c.Title
		ch.Series = chartSeries(c.Series)
		rows := make([]widgets.BarRow, len(c.Rows))
		for k, row := range c.Rows {
			rows[k] = widgets.BarRow{Label: row.Label, Values: row.Values, Note: row.Note}
		}
		ch.SetRows(rows)
	}
	tables := stats.Tables(s.rep, s.det)
	s.byRound.set(cellsOf(tables[2].Rows))
	s.owing.set(cellsOf(tables[7].Rows))
}

// chartSeries colours a chart's series as the PDF does.
func chartSeries(names []string) []widgets.BarSeries {
	out := make([]widgets.BarSeries, len(names))
	for i, n := range names {
		p := stats.Palette(i)
		c := color.NRGBA{p[0], p[1], p[2], 0xff}
		text := color.Color(white)
		if int(p[0])+int(p[1])+int(p[2]) > 3*140 {
			text = darkText
		}
		out[i] = widgets.BarSeries{Name: n, Color: c, TextColor: text}
	}
	return out
}

// cellsOf writes a table's rows as text.
func cellsOf(rows [][]any) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for _, v := range r {
			out[i] = append(out[i], fmt.Sprint(v))
		}
	}
	return out
}

// say shows a problem with the filters ("" hides it).
func (s *statsScreen) say(msg string) { sayOrHide(s.msg, msg) }

// fileBase names the files of the figures shown.
func (s *statsScreen) fileBase(sc stats.Scope) string {
	name := "巡察统计_" + sc.Term
	if sc.Year != 0 {
		name += "_" + strconv.Itoa(sc.Year)
	}
	if sc.County != "" {
		name += "_" + sc.County
	}
	return name
}

func (s *statsScreen) onXLSX() { s.export(".xlsx") }
func (s *statsScreen) onPDF()  { s.export(".pdf") }

// export writes the figures as a workbook or a PDF report.
func (s *statsScreen) export(ext string) {
	sc, err := s.scope()
	if err != nil {
		s.say(err.Error())
		return
	}
	saveFile(s.win, "保存统计报表", s.fileBase(sc)+ext, ext, func(path string) error {
		if ext == ".pdf" {
			_, err := s.svc.ExportStats(sc, "", path)
			return err
		}
		_, err := s.svc.ExportStats(sc, path, "")
		return err
	}, "已导出统计报表")
}

// onAnnual writes the year's report upward of the year and jurisdiction
// chosen.
func (s *statsScreen) onAnnual() {
	sc, err := s.scope()
	if err == nil && sc.Year == 0 {
		err = fmt.Errorf("年度汇报按年度生成：请先在“年度”中选择一年")
	}
	if err != nil {
		s.say(err.Error())
		return
	}
	s.say("")
	saveAs(s.win, fileDialog{title: "保存年度汇报（.docx 或 .pdf）", name: strconv.Itoa(sc.Year) + "年度巡察工作汇报.docx", exts: []string{".docx", ".pdf"}},
		func(path string) error { return s.svc.AnnualReport(sc, path) }, "已生成年度汇报")
}

// onSummary asks for a round of the term and opens its 综合情况 report.
func (s *statsScreen) onSummary() {
	sc, err := s.scope()
	if err != nil {
		s.say(err.Error())
		return
	}
	rounds, err := s.svc.Rounds(sc.Term)
	if err != nil || len(rounds) == 0 {
		s.say("该届期还没有轮次")
		return
	}
	var opts []string
	for _, r := range rounds {
		opts = append(opts, roundLabel(r))
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelected(opts[len(opts)-1])
	dialog.ShowForm("每轮综合情况", "下一步", "取消", []*widget.FormItem{widget.NewFormItem("轮次", sel)}, func(ok bool) {
		if !ok {
			return
		}
		newPapersDialog(s.svc, s.win, func() civil.Date { return sc.Today },
			app.PaperRequest{Round: app.CodeOfLabel(sel.Selected), County: sc.County}, papers.KindSummary).show()
	}, s.win)
}
