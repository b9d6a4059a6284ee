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
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/papers"
	"xuncha/model"
)

// Colours of the 督办 list: overdue red, due soon amber.
var (
	overdueFill = color.NRGBA{0xff, 0xcd, 0xd2, 0xff}
	dueSoonFill = color.NRGBA{0xff, 0xe0, 0x82, 0xff}
)

// anyChoice is a filter's choice for no restriction.
const anyChoice = "全部"

// superviseScreen is 督办 (SPEC §9.2): one list of everything open across
// rounds — rectification items, clues (rows only with 线索管理, a count
// otherwise) and the reports due after 反馈 — sorted by due date, overdue
// in red and due soon in amber, filtered by jurisdiction, round, unit,
// 责任部门 and urgency; a double tap opens the unit's record in 成果.
type superviseScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date
	open  func(round, unit string) // opens a unit's record; may be nil

	county, round, unit, dept *widget.Select
	urg                       [3]*widget.Check
	table                     *widget.Table
	summary                   *widget.Label
	urge                      *widget.Button // 督办通知
	list                      ledger.OpenList
	view                      *app.LedgerView // read on reload, filtered on every change
	countyNames               map[string]string
	quiet                     bool // filters being set by code
}

var superviseCols = []string{"状态", "期限", "天数", "类别", "编号/节点", "轮次", "巡察组", "单位", "县区", "责任部门", "内容"}

func newSuperviseScreen(svc *app.Service, win fyne.Window, clock func() civil.Date, open func(round, unit string)) *superviseScreen {
	return &superviseScreen{svc: svc, win: win, clock: clock, open: open}
}

func (s *superviseScreen) build() fyne.CanvasObject {
	changed := func(string) {
		if !s.quiet {
			s.show()
		}
	}
	s.county = widget.NewSelect(nil, changed)
	s.round = widget.NewSelect(nil, changed)
	s.unit = widget.NewSelect(nil, changed)
	s.dept = widget.NewSelect(nil, changed)
	for i, u := range []ledger.Urgency{ledger.UrgOverdue, ledger.UrgDueSoon, ledger.UrgOpen} {
		s.urg[i] = widget.NewCheck(u.String(), func(bool) {
			if !s.quiet {
				s.show()
			}
		})
		s.urg[i].Checked = u != ledger.UrgOpen
	}
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapBreak
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.list.Rows), len(superviseCols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		},
		s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.UpdateHeader = headerUpdater(superviseCols)
	for i, w := range []float32{56, 92, 70, 44, 130, 76, 90, 150, 76, 90, 260} {
		s.table.SetColumnWidth(i, w)
	}
	s.table.OnSelected = func(id widget.TableCellID) { s.openRow(id.Row) }
	pick := func(label string, sel *widget.Select, w float32) fyne.CanvasObject {
		return container.NewHBox(widget.NewLabel(label), container.NewGridWrap(fyne.NewSize(w, sel.MinSize().Height), sel))
	}
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.reload)
	s.urge = widget.NewButtonWithIcon("督办通知…", theme.DocumentIcon(), s.onUrge)
	filters := container.NewVBox(
		container.NewHBox(pick("县区", s.county, 140), pick("轮次", s.round, 170), pick("单位", s.unit, 220), layout.NewSpacer(), s.urge, refresh),
		container.NewHBox(pick("责任部门", s.dept, 140), widget.NewLabel("显示"), s.urg[0], s.urg[1], s.urg[2]))
	hint := widget.NewLabel("红色为已逾期，黄色为15天内到期（含今天）；点一行打开该单位的成果记录。")
	s.reload()
	return container.NewBorder(container.NewVBox(filters, s.summary, hint), nil, nil, nil, s.table)
}

// reload reads the filters' choices and the list again.
func (s *superviseScreen) reload() {
	s.quiet = true
	defer func() { s.quiet = false; s.show() }()
	var (
		counties, units []app.Option
		rounds          []model.Round
		depts           []string
		err             error
	)
	for _, read := range []func(){
		func() { s.view, err = s.svc.LedgerView(s.clock()) },
		func() { counties, err = s.svc.CountyOptions() },
		func() { rounds, err = s.svc.AllRounds() },
		func() { units, err = s.svc.UnitOptions("") },
		func() { depts, err = s.svc.ItemDepts() },
	} {
		if read(); err != nil {
			dialog.ShowError(err, s.win)
			return
		}
	}
	opts := func(sel *widget.Select, labels []string) {
		all := append([]string{anyChoice}, labels...)
		keep := sel.Selected
		sel.Options = all
		if keep == "" || indexOfString(all, keep) < 0 {
			keep = anyChoice
		}
		sel.SetSelected(keep)
	}
	var cl, rl, ul []string
	s.countyNames = map[string]string{}
	for _, c := range counties {
		cl = append(cl, c.Label())
		s.countyNames[c.Code] = c.Name
	}
	for _, r := range rounds {
		rl = append(rl, roundLabel(r))
	}
	for _, u := range units {
		ul = append(ul, u.Label())
	}
	opts(s.county, cl)
	opts(s.round, rl)
	opts(s.unit, ul)
	opts(s.dept, depts)
}

func indexOfString(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// filter is the filter the controls set.
func (s *superviseScreen) filter() ledger.Filter {
	code := func(sel *widget.Select) string {
		if sel.Selected == anyChoice {
			return ""
		}
		return app.CodeOfLabel(sel.Selected)
	}
	f := ledger.Filter{County: code(s.county), Round: code(s.round), Unit: code(s.unit), Urgency: []ledger.Urgency{}}
	if s.dept.Selected != anyChoice {
		f.Dept = s.dept.Selected
	}
	for i, u := range []ledger.Urgency{ledger.UrgOverdue, ledger.UrgDueSoon, ledger.UrgOpen} {
		if s.urg[i].Checked {
			f.Urgency = append(f.Urgency, u)
		}
	}
	return f
}

// setFilter sets the filters (the overview's drill-down) and shows the list.
func (s *superviseScreen) setFilter(f ledger.Filter) {
	if s.table == nil {
		return
	}
	s.quiet = true
	choose := func(sel *widget.Select, code string) {
		sel.SetSelected(anyChoice)
		for _, o := range sel.Options {
			if code != "" && app.CodeOfLabel(o) == code {
				sel.SetSelected(o)
			}
		}
	}
	choose(s.county, f.County)
	choose(s.round, f.Round)
	choose(s.unit, f.Unit)
	choose(s.dept, f.Dept)
	for i, u := range []ledger.Urgency{ledger.UrgOverdue, ledger.UrgDueSoon, ledger.UrgOpen} {
		on := f.Urgency == nil || indexOfUrgency(f.Urgency, u) >= 0
		s.urg[i].SetChecked(on)
	}
	s.quiet = false
	s.show()
}

func indexOfUrgency(list []ledger.Urgency, u ledger.Urgency) int {
	for i, x := range list {
		if x == u {
			return i
		}
	}
	return -1
}

// show reads the list through the filters.
func (s *superviseScreen) show() {
	if s.view == nil {
		return
	}
	l, err := s.view.Open(s.filter())
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.list = l
	s.table.UnselectAll()
	s.table.Refresh()
	n := map[ledger.Urgency]int{}
	kinds := map[string]int{}
	for _, r := range l.Rows {
		n[r.Urgency]++
		kinds[r.Kind]++
	}
	text := fmt.Sprintf("共 %d 项：逾期 %d，临期 %d，未到期 %d（整改措施 %d，线索 %d，节点 %d）· 统计日 %s",
		len(l.Rows), n[ledger.UrgOverdue], n[ledger.UrgDueSoon], n[ledger.UrgOpen],
		kinds[ledger.OpenItem], kinds[ledger.OpenClue], kinds[ledger.OpenMilestone], s.clock())
	if l.HiddenClues > 0 {
		text += fmt.Sprintf("\n另有未反馈线索 %d 条（其中逾期 %d 条）：您没有“线索管理”权限，只显示数量。", l.HiddenClues, l.HiddenOverdue)
	}
	s.summary.SetText(text)
}

func (s *superviseScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	if id.Row >= len(s.list.Rows) {
		l.SetText("")
		return
	}
	r := s.list.Rows[id.Row]
	days := ""
	switch {
	case r.Days > 0:
		days = "逾" + strconv.Itoa(r.Days)
	case r.Days == 0:
		days = "今天"
	default:
		days = "余" + strconv.Itoa(-r.Days)
	}
	county := s.countyNames[r.County]
	if county == "" {
		county = r.County
	}
	texts := []string{r.Urgency.String(), r.Due.String(), days, r.Kind, r.Code, r.Round, r.Team, r.UnitName, county, r.Dept, r.What}
	var fill color.Color = color.Transparent
	switch r.Urgency {
	case ledger.UrgOverdue:
		fill = overdueFill
	case ledger.UrgDueSoon:
		fill = dueSoonFill
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	l.SetText(texts[id.Col])
}

// openRow opens the unit of row i in 成果.
func (s *superviseScreen) openRow(i int) {
	if i < 0 || i >= len(s.list.Rows) || s.open == nil {
		return
	}
	r := s.list.Rows[i]
	s.open(r.Round, r.Unit)
}

// onUrge opens the 督办通知 of the round chosen (of the unit chosen, if
// one is): one per unit with something overdue today.
func (s *superviseScreen) onUrge() {
	f := s.filter()
	if f.Round == "" {
		dialog.ShowInformation("督办通知", "督办通知按轮次生成：请先在“轮次”中选择一个轮次（可再选单位）。", s.win)
		return
	}
	newPapersDialog(s.svc, s.win, s.clock, app.PaperRequest{Round: f.Round, Unit: f.Unit}, papers.KindUrge).show()
}
