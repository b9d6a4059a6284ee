package ui

import (
	"fmt"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// resultsScreen is 成果, a round's results unit by unit (SPEC §9.2): on the
// left the round's units with their items, rate and report; on the right
// the chosen unit's findings grouped by category, its items (state,
// deadline, who is responsible, review and close-out) and its clues — rows
// for a user with 线索管理, a count for others. The clerk adds and edits
// findings and items, changes the state of several items at once, copies a
// measure to several items and runs the unit's round trip; 审核 and 销号
// are offered to 管理员 and 领导.
type resultsScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date

	rounds   []model.Round
	roundSel *widget.Select
	rr       *app.RoundResults
	unit     int    // index into rr.Units; -1 none
	shown    string // the code of the unit shown last

	units    *widget.Table
	head     *widget.Label
	findings *textTable
	items    *widget.Table
	itemRows []model.RectifyItem // the unit's items as shown
	cur      string              // the item tapped last
	checked  map[string]bool     // the items ticked for a bulk change
	clues    *textTable
	clueNote *widget.Label
	tabs     *container.AppTabs

	actions                            []*widget.Button
	addFinding, addItem, editItem, del *widget.Button
	bulk, copyTo, review, closeOut     *widget.Button
	exportUnit, importUnit, addClue    *widget.Button
	unitPapers, handover               *widget.Button

	moreItems bool // the item form's 保存后接着新增, as the clerk left it

	dlg    *widgets.FormDialog          // the form opened last, for tests
	fields map[string]fyne.CanvasObject // its fields by label, for tests
}

func newResultsScreen(svc *app.Service, win fyne.Window, clock func() civil.Date) *resultsScreen {
	return &resultsScreen{svc: svc, win: win, clock: clock, unit: -1, checked: map[string]bool{}}
}

var resultsUnitCols = []string{"巡察组", "单位", "措施", "整改率", "逾期", "整改报告"}
var resultsItemCols = []string{"选", "整改编号", "问题类别", "整改措施", "责任部门", "责任人", "完成时限", "状态", "完成日期", "审核", "销号日期"}

func (s *resultsScreen) build() fyne.CanvasObject {
	s.roundSel = widget.NewSelect(nil, func(string) { s.loadRound() })
	s.roundSel.PlaceHolder = "选择轮次"
	s.units = widget.NewTableWithHeaders(
		func() (int, int) { return s.unitCount(), len(resultsUnitCols) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		s.updateUnitCell)
	s.units.ShowHeaderColumn = false
	s.units.UpdateHeader = headerUpdater(resultsUnitCols)
	for i, w := range []float32{88, 130, 44, 70, 44, 92} {
		s.units.SetColumnWidth(i, w)
	}
	s.units.OnSelected = func(id widget.TableCellID) { s.selectUnit(id.Row) }
	s.head = widget.NewLabel("请选择单位")
	s.head.Wrapping = fyne.TextWrapBreak
	s.findings = newTextTable([]string{"问题类别", "问题编号", "问题描述", "立行立改", "措施数"}, []float32{150, 90, 330, 70, 60})
	s.items = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.itemRows), len(resultsItemCols) },
		func() fyne.CanvasObject { return widgets.NewCell() },
		s.updateItemCell)
	s.items.ShowHeaderColumn = false
	s.items.UpdateHeader = headerUpdater(resultsItemCols)
	for i, w := range []float32{34, 136, 110, 200, 80, 64, 90, 64, 90, 90, 90} {
		s.items.SetColumnWidth(i, w)
	}
	s.clues = newTextTable([]string{"线索编号", "线索类别", "涉及人员级别", "移交对象", "移交日期", "反馈时限", "反馈日期", "处置结果", "立案/处分/移送"},
		[]float32{100, 80, 90, 80, 90, 90, 90, 80, 100})
	s.clues.warn = func(row, col int) bool {
		return col == 5 && s.clues.data[row][6] == "" && s.clues.data[row][5] < s.clock().String()
	}
	s.findings.table.OnSelected = func(id widget.TableCellID) { s.findings.table.UnselectAll(); s.onFindingRow(id.Row) }
	s.clues.table.OnSelected = func(id widget.TableCellID) { s.clues.table.UnselectAll(); s.onClueRow(id.Row) }
	s.clueNote = widget.NewLabel("")
	s.clueNote.Wrapping = fyne.TextWrapBreak
	s.buildActions()
	split := container.NewVSplit(s.findings.table, s.items)
	split.Offset = 0.3
	itemsTab := container.NewBorder(container.NewHBox(s.addFinding, s.addItem, s.editItem, s.del, widget.NewSeparator(),
		s.bulk, s.copyTo, widget.NewSeparator(), s.review, s.closeOut), nil, nil, nil, split)
	cluesTab := container.NewBorder(container.NewVBox(s.clueNote, container.NewHBox(s.addClue, s.handover)), nil, nil, nil, s.clues.table)
	s.tabs = container.NewAppTabs(container.NewTabItem("问题与整改", itemsTab), container.NewTabItem("线索", cluesTab))
	right := container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(s.unitPapers, s.exportUnit, s.importUnit), s.head), nil, nil, nil, s.tabs)
	main := container.NewHSplit(s.units, right)
	main.Offset = 0.4
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.reload)
	top := container.NewHBox(widget.NewLabel("轮次"), container.NewGridWrap(fyne.NewSize(320, s.roundSel.MinSize().Height), s.roundSel),
		layout.NewSpacer(), refresh)
	s.reload()
	return container.NewBorder(top, nil, nil, nil, main)
}

// headerUpdater writes column titles in bold.
func headerUpdater(cols []string) func(widget.TableCellID, fyne.CanvasObject) {
	return func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 && id.Col < len(cols) {
			l.SetText(cols[id.Col])
		}
	}
}

// reload reads the rounds and the chosen round again.
func (s *resultsScreen) reload() {
	rounds, err := s.svc.AllRounds()
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.rounds = rounds
	opts := make([]string, len(rounds))
	for i, r := range rounds {
		opts[i] = roundLabel(r)
	}
	s.roundSel.Options = opts
	s.roundSel.Refresh()
	if s.roundSel.Selected == "" && len(opts) > 0 {
		s.roundSel.SetSelected(opts[latestStarted(rounds, s.clock())]) // loads it
		return
	}
	s.loadRound()
}

// latestStarted is the index of the last round (in the order given) whose
// on-site stage has begun by today: the one whose results are being
// entered; the last round when none has.
func latestStarted(rounds []model.Round, today civil.Date) int {
	best := len(rounds) - 1
	for i, r := range rounds {
		if d := parseOrZero(r.OnsiteStart); !d.IsZero() && d <= today {
			best = i
		}
	}
	return best
}

// round is the chosen round's code.
func (s *resultsScreen) round() string { return app.CodeOfLabel(s.roundSel.Selected) }

// open shows unit of round: the door from the 督办 list.
func (s *resultsScreen) open(round, unit string) {
	for _, o := range s.roundSel.Options {
		if app.CodeOfLabel(o) == round {
			if s.roundSel.Selected != o {
				s.roundSel.SetSelected(o)
			}
			break
		}
	}
	if s.rr == nil {
		return
	}
	for i, u := range s.rr.Units {
		if u.Unit == unit {
			s.units.Select(widget.TableCellID{Row: i, Col: 1})
			s.units.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// loadRound reads the chosen round's results.
func (s *resultsScreen) loadRound() {
	code := s.round()
	keep := ""
	if s.rr != nil && s.unit >= 0 && s.unit < len(s.rr.Units) && s.rr.Round.Code == code {
		keep = s.rr.Units[s.unit].Unit
	}
	s.rr, s.unit = nil, -1
	if code != "" {
		rr, err := s.svc.RoundResults(code, s.clock())
		if err != nil {
			dialog.ShowError(err, s.win)
		}
		s.rr = rr
	}
	s.units.UnselectAll()
	s.units.Refresh()
	s.showUnit()
	if keep != "" {
		s.open(code, keep)
	}
}

func (s *resultsScreen) unitCount() int {
	if s.rr == nil {
		return 0
	}
	return len(s.rr.Units)
}

func (s *resultsScreen) updateUnitCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Importance = widget.MediumImportance
	if s.rr == nil || id.Row >= len(s.rr.Units) {
		l.SetText("")
		return
	}
	u := &s.rr.Units[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = u.Team
	case 1:
		text = u.UnitName
	case 2:
		text = strconv.Itoa(len(u.Items))
	case 3:
		text = percent(u.Rate, len(u.Items))
	case 4:
		text = strconv.Itoa(u.Overdue)
		if u.Overdue > 0 {
			l.Importance = widget.DangerImportance
		}
	case 5:
		text = reportText(u.Report, s.clock())
		if u.Report.Overdue {
			l.Importance = widget.DangerImportance
		}
	}
	l.SetText(text)
}

// percent writes a rate, "—" when there is nothing to rate.
func percent(rate float64, n int) string {
	if n == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", rate*100)
}

// reportText says where a unit's rectification report stands.
func reportText(r ledger.UnitReport, today civil.Date) string {
	switch {
	case !r.Received.IsZero():
		return "已收到"
	case r.Due.IsZero():
		return "未反馈"
	case r.Overdue:
		return fmt.Sprintf("逾期%d天", ledger.Days(r.Due, today))
	}
	return r.Due.String() + "前"
}

// current is the unit shown, or nil.
func (s *resultsScreen) current() *app.UnitResults {
	if s.rr == nil || s.unit < 0 || s.unit >= len(s.rr.Units) {
		return nil
	}
	return &s.rr.Units[s.unit]
}

// selectUnit shows unit i.
func (s *resultsScreen) selectUnit(i int) {
	if s.rr == nil || i >= len(s.rr.Units) {
		return
	}
	if s.shown != s.rr.Units[i].Unit {
		s.checked, s.cur = map[string]bool{}, ""
	}
	s.unit, s.shown = i, s.rr.Units[i].Unit
	s.showUnit()
}

// showUnit fills the right side with the current unit.
func (s *resultsScreen) showUnit() {
	u := s.current()
	s.itemRows = nil
	s.findings.set(nil)
	s.clues.set(nil)
	if u == nil {
		s.head.SetText("请在左侧选择单位")
		s.clueNote.SetText("")
		s.items.Refresh()
		s.applyRights()
		return
	}
	s.head.SetText(fmt.Sprintf("%s（%s）· %s · 问题 %d 个，整改措施 %d 条，整改率 %s，逾期 %d 条 · 整改报告：应于 %s 前报送，%s",
		u.UnitName, u.Unit, u.Team, len(u.Findings), len(u.Items), percent(u.Rate, len(u.Items)), u.Overdue,
		orDash(u.Report.Due.String()), reportText(u.Report, s.clock())))
	cat := make(map[string]string, len(u.Findings))
	fs := append([]model.Finding(nil), u.Findings...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Category < fs[j].Category })
	count := map[string]int{}
	for _, it := range u.Items {
		count[it.FindingCode]++
	}
	var rows [][]string
	for _, f := range fs {
		cat[f.Code] = f.Category
		rows = append(rows, []string{f.Category, f.Code, f.Description, yesNo(f.OnTheSpot), strconv.Itoa(count[f.Code])})
	}
	s.findings.set(rows)
	s.itemRows = append([]model.RectifyItem(nil), u.Items...)
	sort.SliceStable(s.itemRows, func(i, j int) bool {
		a, b := cat[s.itemRows[i].FindingCode], cat[s.itemRows[j].FindingCode]
		if a != b {
			return a < b
		}
		return s.itemRows[i].FindingCode < s.itemRows[j].FindingCode
	})
	s.items.Refresh()
	s.showClues(u)
	s.applyRights()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// showClues shows the unit's clue rows, or their count.
func (s *resultsScreen) showClues(u *app.UnitResults) {
	s.tabs.Items[1].Text = fmt.Sprintf("线索（%d）", u.ClueCount)
	s.tabs.Refresh()
	if !s.rr.ClueRows {
		s.clueNote.SetText(fmt.Sprintf("本单位移交线索 %d 条。线索实行专人管理，您没有“线索管理”权限，只显示数量。", u.ClueCount))
		return
	}
	s.clueNote.SetText("线索登记只记录元数据（不含姓名和内容）。查看记录已写入审计日志。")
	var rows [][]string
	for _, c := range u.Clues {
		due := ledger.ClueDue(civil.MustParse(c.HandedOn), parseOrZero(c.FeedbackDue), s.rr.Settings.ClueMonths)
		rows = append(rows, []string{c.Code, c.Category, c.Level, c.Receiver, c.HandedOn, due.String(), c.FeedbackOn, c.Outcome,
			fmt.Sprintf("%d/%d/%d", c.Opened, c.Sanctioned, c.Judiciary)})
	}
	s.clues.set(rows)
}

func parseOrZero(s string) civil.Date {
	d, _ := civil.Parse(s)
	return d
}

func (s *resultsScreen) updateItemCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*widgets.Cell)
	c.Label.Importance = widget.MediumImportance
	if id.Row >= len(s.itemRows) {
		c.Set("", false, nil)
		return
	}
	it := s.itemRows[id.Row]
	cat := ""
	if u := s.current(); u != nil {
		for _, f := range u.Findings {
			if f.Code == it.FindingCode {
				cat = f.Category
			}
		}
	}
	review := it.Review
	if it.Reviewer != "" {
		review += "（" + it.Reviewer + "）"
	}
	tick := "☐"
	if s.checked[it.Code] {
		tick = "☑"
	}
	texts := []string{tick, it.Code, cat, it.Measure, it.Dept, it.Owner, it.Due, it.State, it.DoneOn, review, it.ClosedOn}
	if id.Col == 6 && ledger.ItemOpen(it.State) {
		due := parseOrZero(it.Due)
		switch {
		case ledger.Overdue(due, s.clock()):
			c.Label.Importance = widget.DangerImportance
		case ledger.DueSoon(due, s.clock(), s.rr.Settings.DueSoonDays):
			c.Label.Importance = widget.WarningImportance
		}
	}
	c.Set(texts[id.Col], it.Code == s.cur, theme.Color(theme.ColorNameSelection))
	code := it.Code
	c.OnTapped = func() {
		if id.Col == 0 {
			s.checked[code] = !s.checked[code]
		}
		s.cur = code
		s.items.Refresh()
		s.applyRights()
	}
	c.OnDoubleTapped = func() { s.cur = code; s.onEditItem() }
}

// onFindingRow opens finding row i of the findings table for editing (or
// to read, for a user who may not edit).
func (s *resultsScreen) onFindingRow(i int) {
	u := s.current()
	if u == nil || i >= len(s.findings.data) {
		return
	}
	code := s.findings.data[i][1]
	for _, f := range u.Findings {
		if f.Code == code {
			s.findingForm(f, false)
			return
		}
	}
}

// onClueRow opens clue row i for editing.
func (s *resultsScreen) onClueRow(i int) {
	u := s.current()
	if u == nil || i >= len(u.Clues) {
		return
	}
	s.clueForm(u.Clues[i], false)
}
