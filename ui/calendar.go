package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
)

// timelineHint is the line under the timeline when the pointer is on no bar.
const timelineHint = "将鼠标移到色条上查看阶段日期，单击一行打开该轮次。"

// calendarScreen is 巡察日历: a term's rounds as a month grid, a timeline
// across the term and a list with the conflicts; the forms of terms and
// rounds; the exports of the term plan and of a round's schedule.
type calendarScreen struct {
	svc   *app.Service
	win   fyne.Window
	clock func() civil.Date // today; tests fix it

	termView
	conflicts []calendar.Conflict
	editable  bool

	root                                    fyne.CanvasObject
	termSel                                 *widget.Select
	termDates                               *widget.Label
	newTerm, editTerm, newRound, exportPlan *widget.Button
	settings, conflictBtn                   *widget.Button
	tabs                                    *container.AppTabs
	month                                   *monthTab
	timeline                                *timelineChart
	tlInfo                                  *widget.Label
	list                                    *roundList
	form                                    *roundForm // the round form opened last
	termForm                                *termForm  // the term form opened last
}

func newCalendarScreen(svc *app.Service, win fyne.Window, clock func() civil.Date) *calendarScreen {
	s := &calendarScreen{svc: svc, win: win, clock: clock}
	s.month = newMonthTab(s)
	s.list = newRoundList(s)
	return s
}

func (s *calendarScreen) build() fyne.CanvasObject {
	s.termSel = widget.NewSelect(nil, nil)
	s.termSel.PlaceHolder = "尚无届期"
	s.termDates = widget.NewLabel("")
	s.newTerm = widget.NewButtonWithIcon("新建届期", theme.ContentAddIcon(), func() { s.openTerm(true) })
	s.editTerm = widget.NewButtonWithIcon("编辑届期", theme.DocumentCreateIcon(), func() { s.openTerm(false) })
	s.newRound = widget.NewButtonWithIcon("新建轮次", theme.ContentAddIcon(), s.onNewRound)
	s.newRound.Importance = widget.HighImportance
	s.exportPlan = widget.NewButtonWithIcon("导出届期计划", theme.UploadIcon(), s.onExportPlan)
	s.conflictBtn = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { s.tabs.SelectIndex(2) })
	s.conflictBtn.Importance = widget.DangerImportance
	s.conflictBtn.Hide()

	s.timeline = newTimelineChart()
	s.timeline.OnOpen = s.openRound
	s.tlInfo = widget.NewLabel(timelineHint)
	s.tlInfo.Truncation = fyne.TextTruncateEllipsis
	s.timeline.OnHover = func(text string) {
		if text == "" {
			text = timelineHint
		}
		s.tlInfo.SetText(text)
	}
	timeline := container.NewBorder(stageLegend(), s.tlInfo, nil, nil, container.NewScroll(s.timeline))
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("月视图", theme.GridIcon(), s.month.build()),
		container.NewTabItemWithIcon("时间轴", theme.ListIcon(), timeline),
		container.NewTabItemWithIcon("列表", theme.DocumentIcon(), s.list.build()),
	)
	term := container.NewHBox(widget.NewLabel("届期"), container.NewGridWrap(fyne.NewSize(300, s.termSel.MinSize().Height), s.termSel), s.termDates)
	bar := container.NewHBox(s.newTerm, s.editTerm, widget.NewSeparator(), s.newRound, s.exportPlan)
	top := container.NewVBox(container.NewBorder(nil, nil, term, container.NewHBox(layout.NewSpacer(), s.conflictBtn)), bar)
	s.root = container.NewBorder(top, nil, nil, nil, s.tabs)
	s.tabs.OnSelected = func(*container.TabItem) {
		if s.tabs.SelectedIndex() == 0 {
			s.month.focus()
		}
	}
	s.reload()
	s.termSel.OnChanged = func(string) { s.onTermChanged() }
	s.listenKeys()
	fyne.Do(s.month.focus) // once the screen is on the window: the arrows move months
	return s.root
}

// reload reads the calendar again (after a save here or an import).
func (s *calendarScreen) reload() {
	if !loadTerm(s.svc, s.win, s.termSel, &s.termView, s.clock()) {
		return
	}
	s.editable = s.svc.Can(app.PermEdit)
	s.showTerm()
}

func (s *calendarScreen) onTermChanged() {
	s.term = app.CodeOfLabel(s.termSel.Selected)
	s.showTerm()
}

// showTerm shows the selected term in every view.
func (s *calendarScreen) showTerm() {
	s.conflicts = nil
	var tl calendar.Timeline
	if s.cal != nil && s.term != "" {
		s.conflicts, _ = s.cal.Conflicts(s.term)
		tl, _ = s.cal.Timeline(s.term, s.clock())
	}
	if s.termSel == nil {
		return
	}
	s.termDates.SetText("")
	if t := s.cal.Term(s.term); t != nil {
		s.termDates.SetText(fmt.Sprintf("%s 至 %s · 今天 %s", t.Start, t.End, s.clock()))
	}
	if n := len(s.conflicts); n > 0 {
		s.conflictBtn.SetText(fmt.Sprintf("冲突 %d 项", n))
		s.conflictBtn.Show()
	} else {
		s.conflictBtn.Hide()
	}
	hasTerm := s.term != ""
	setEnabled(s.newTerm, s.editable)
	setEnabled(s.editTerm, hasTerm)
	if s.editable {
		s.editTerm.SetText("编辑届期")
	} else {
		s.editTerm.SetText("查看届期") // the form opens read-only
	}
	setEnabled(s.newRound, s.editable && hasTerm)
	setEnabled(s.exportPlan, hasTerm)
	s.month.refresh()
	s.timeline.set(tl)
	s.list.refresh()
}

// openRound opens the form of round code.
func (s *calendarScreen) openRound(code string) {
	if s.cal == nil {
		return
	}
	r := s.cal.Snapshot().Round(code)
	if r == nil {
		dialog.ShowError(fmt.Errorf("轮次 %s 不存在", code), s.win)
		return
	}
	s.form = newRoundForm(s, r, false)
	s.form.show()
}

func (s *calendarScreen) onNewRound() {
	if s.term == "" {
		dialog.ShowInformation("新建轮次", "请先新建届期。", s.win)
		return
	}
	s.form = newRoundForm(s, nil, true)
	s.form.show()
}

func (s *calendarScreen) onExportPlan() {
	if s.cal == nil || s.term == "" {
		return
	}
	cal, term, today := s.cal, s.term, s.clock()
	saveWorkbookAs(s.win, safeFileName("届期计划_"+term+".xlsx"), func(path string) error {
		return cal.ExportTermPlan(term, today, path)
	}, "已导出届期计划")
}

// exportRound writes the schedule of round code.
func (s *calendarScreen) exportRound(code string) {
	if s.cal == nil {
		return
	}
	cal, today := s.cal, s.clock()
	saveWorkbookAs(s.win, safeFileName("轮次日程_"+code+".xlsx"), func(path string) error {
		return cal.ExportRoundSchedule(code, today, path)
	}, "已导出轮次日程")
}

// canEdit reports whether the signed-in user may change the calendar.
func (s *calendarScreen) canEdit() bool { return s.editable }

// listenKeys moves the month on ← → typed while nothing has the focus and
// the month view is on screen; other keys go to whoever listened before.
func (s *calendarScreen) listenKeys() {
	c := s.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if s.monthOnScreen() && s.month.onKey(ev.Name) {
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
}

// monthOnScreen reports whether the month view is what the window shows,
// with no dialog over it.
func (s *calendarScreen) monthOnScreen() bool {
	c := s.win.Canvas()
	return s.tabs.SelectedIndex() == 0 && c.Overlays().Top() == nil && holds(c.Content(), s.root)
}

// holds reports whether o is obj or a container holding it.
func holds(o, obj fyne.CanvasObject) bool {
	if o == obj {
		return true
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if holds(x, obj) {
				return true
			}
		}
	}
	return false
}

// today is the clock of the calendar screens: the computer's date.
func today() civil.Date { return civil.Today() }

// keyNew opens the form of a new round (Ctrl+N).
func (s *calendarScreen) keyNew() { press(s.newRound) }
