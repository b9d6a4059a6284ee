package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/papers"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// The stage dates of a round, in order, as the form names them.
const (
	dPrep = iota
	dOnsiteStart
	dOnsiteEnd
	dReport
	dFeedback
	dRectify
	dCheck
	nDates
)

var dateNames = [nDates]string{"准备开始", "进驻开始", "进驻结束", "报告结束", "反馈日期", "整改报告期限", "督查验收日期"}

// stageOfDate is the stage whose length is shown beside each date.
var stageOfDate = [nDates]calendar.Stage{calendar.StagePrep, -1, calendar.StageOnsite, calendar.StageReport,
	calendar.StageFeedback, calendar.StageRectify, calendar.StageCheck}

// roundForm is the dialog of one round: its code, name, type, mode and
// stage dates (filled from the default lengths once the on-site start is
// typed, then editable), its conflicts, and on further tabs its teams and
// their units, the rectification reports received and the members'
// evaluations. Every tab saves what it shows on its own button.
type roundForm struct {
	s     *calendarScreen
	round *snap.Round // nil while a new round is not saved
	term  string
	stamp model.Stamp // of the round as read: a save over another clerk's newer one is refused

	code, name, number   *widget.Entry
	typ, level, mode     *widget.Select
	links, jointUnits    *codesField        // 联动轮次, 巡审联动单位
	jointCats            *widget.CheckGroup // 巡审联动单位类别
	dates                [nDates]*widgets.DateEntry
	days                 [nDates]*widget.Label
	proposed             calendar.Dates // the dates filled last from the default lengths
	status               *widget.Label
	conflicts            *fyne.Container
	errors, saved        *widget.Label
	save, refill         *widget.Button
	export, copy, papers *widget.Button
	heading              *widget.Label

	teams   *teamsTab
	reports *reportsTab
	evals   *evalTab
	ms      *milestonesTab
	tabs    *container.AppTabs
	dlg     dialog.Dialog
	guard   *formGuard // the basic tab's unsaved changes
}

func newRoundForm(s *calendarScreen, r *snap.Round, isNew bool) *roundForm {
	f := &roundForm{s: s, round: r, term: s.term}
	if r != nil {
		f.term = r.Term
		f.stamp, _ = s.svc.RoundStamp(r.Code)
	}
	return f
}

func (f *roundForm) show() {
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.errors = widget.NewLabel("")
	f.errors.Importance = widget.DangerImportance
	f.errors.Wrapping = fyne.TextWrapBreak
	f.errors.Hide()
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	closeBtn := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { closeForm(f.s.win, f.guard, f.dlg.Hide) })
	f.export = widget.NewButtonWithIcon("导出轮次日程", theme.UploadIcon(), func() { f.s.exportRound(f.round.Code) })
	f.copy = copyButton(f.s, func() string {
		if f.round == nil {
			return ""
		}
		return f.round.Code
	})
	f.papers = widget.NewButtonWithIcon("文书…", theme.DocumentIcon(), f.onPapers)
	buttons := container.NewHBox(f.saved, layout.NewSpacer(), f.papers, f.copy, f.export, closeBtn)
	f.teams = newTeamsTab(f)
	f.reports = newReportsTab(f)
	f.evals = newEvalTab(f)
	f.ms = newMilestonesTab(f)
	f.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", f.buildBasic()),
		container.NewTabItem("巡察组及单位", f.teams.build()),
		container.NewTabItem("整改报告", f.reports.build()),
		container.NewTabItem("鉴定", f.evals.build()),
		container.NewTabItem("节点", f.ms.build()),
	)
	f.tabs.OnSelected = func(*container.TabItem) { f.errors.Hide() }
	f.refresh()
	f.guard = newFormGuard("轮次的基本信息", f.basicState)
	buttons.Add(f.guard)
	content := container.NewBorder(f.heading, container.NewVBox(f.errors, buttons), nil, nil, f.tabs)
	f.dlg = dialog.NewCustomWithoutButtons("轮次", content, f.s.win)
	fitDialog(f.dlg, f.s.win, fyne.NewSize(1120, 720))
	f.dlg.Show()
}

// editable reports whether the user may change the round.
func (f *roundForm) editable() bool { return f.s.canEdit() }

func (f *roundForm) buildBasic() fyne.CanvasObject {
	r := f.round
	if r == nil {
		r = &snap.Round{Term: f.term, Type: vocab.RoundKinds[0], Level: vocab.RoundLevels[0], Mode: vocab.Modes[0]}
	}
	f.code = entry(r.Code)
	f.code.SetPlaceHolder("如 2026-3")
	f.name = entry(r.Name)
	f.name.SetPlaceHolder("如 2026年第三轮巡察")
	f.number = entry("")
	if r.Number > 0 {
		f.number.SetText(strconv.Itoa(r.Number))
	}
	f.number.SetPlaceHolder("不填则自动编号")
	f.typ = widget.NewSelect(vocab.RoundKinds, nil)
	f.typ.SetSelected(r.Type)
	f.mode = widget.NewSelect(vocab.Modes, nil)
	f.mode.SetSelected(r.Mode)
	f.level = widget.NewSelect(vocab.RoundLevels, nil)
	f.level.SetSelected(r.Level)
	f.typ.PlaceHolder, f.level.PlaceHolder, f.mode.PlaceHolder = "（未填，选择巡察类型）", "（未填，选择组织方式）", "（未填，选择编组方式）"
	f.links = newCodesField(f.s.win, "联动轮次", "如 2026-S1", f.roundChoices)
	f.links.set(r.Links)
	f.jointUnits = newCodesField(f.s.win, "巡审联动单位", "如 市审计局的单位编码", f.unitChoices)
	f.jointUnits.set(r.Joint.Units)
	f.jointCats = widget.NewCheckGroup(vocab.Categories, nil)
	f.jointCats.Horizontal = true
	f.jointCats.SetSelected(r.Joint.Categories)
	stored := [nDates]civil.Date{r.PrepStart, r.OnsiteStart, r.OnsiteEnd, r.ReportEnd, r.FeedbackDate, r.RectifyDue, r.CheckDate}
	set := f.s.cal.Settings()
	if !r.OnsiteStart.IsZero() {
		f.proposed = set.Fill(r.OnsiteStart)
	}
	dateItems := make([]*widget.FormItem, nDates)
	for i := range f.dates {
		d := widgets.NewDateEntry()
		if !stored[i].IsZero() {
			d.SetText(stored[i].String())
		}
		f.dates[i] = d
		f.days[i] = widget.NewLabel("")
		name := dateNames[i]
		if i == dOnsiteStart {
			name += " *"
			d.OnChanged = func(string) { f.onOnsiteStart(); f.showDays() }
		} else {
			d.OnChanged = func(string) { f.showDays() }
		}
		dateItems[i] = widget.NewFormItem(name, container.NewHBox(container.NewGridWrap(fyne.NewSize(150, d.MinSize().Height), d), f.days[i]))
	}
	termName := f.term
	if t := f.s.cal.Term(f.term); t != nil {
		termName = fmt.Sprintf("%s %s（%s 至 %s）", t.Code, t.Name, t.Start, t.End)
	}
	termLb := widget.NewLabel(termName)
	termLb.Wrapping = fyne.TextWrapBreak
	left := widget.NewForm(
		widget.NewFormItem("轮次编码 *", f.code), widget.NewFormItem("轮次名称", f.name),
		widget.NewFormItem("届期", termLb), widget.NewFormItem("序号", f.number),
		widget.NewFormItem("巡察类型", f.typ), widget.NewFormItem("组织方式", f.level), widget.NewFormItem("编组方式", f.mode),
		widget.NewFormItem("联动轮次", f.links.content()))
	joint := widget.NewForm(widget.NewFormItem("巡审联动单位", f.jointUnits.content()), widget.NewFormItem("或单位类别", f.jointCats))
	joint.Items[0].HintText = "巡审联动：每个巡察组须至少一名现工作单位为这些单位（或属于下列类别）的成员，编组时强制满足"
	right := widget.NewForm(dateItems...)
	f.refill = widget.NewButtonWithIcon("按默认天数重填其余日期", theme.ViewRefreshIcon(), f.onRefill)
	hint := widget.NewLabel(fmt.Sprintf("填写进驻开始后，其余日期按“设置”中各阶段的默认天数自动填写（准备%d天、进驻%d天、报告%d天、反馈%d天、整改%d天、督查验收%d天），可逐项修改。",
		set.PrepDays, set.OnsiteDays, set.ReportDays, set.FeedbackDays, set.RectifyDays, set.CheckDays))
	hint.Wrapping = fyne.TextWrapBreak
	f.save = widget.NewButtonWithIcon("保存轮次", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.status = widget.NewLabel("")
	f.status.TextStyle.Bold = true
	f.conflicts = container.NewVBox()
	fields := container.NewGridWithColumns(2, left, container.NewVBox(right, container.NewHBox(f.refill)))
	top := container.NewVBox(fields, joint, hint, container.NewHBox(f.save, f.status), widget.NewSeparator())
	f.showDays()
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(f.conflicts))
}

// typedDates reads the date fields (unreadable ones as not set).
func (f *roundForm) typedDates() calendar.Dates {
	var v [nDates]civil.Date
	for i, d := range f.dates {
		v[i], _ = civil.Parse(d.Date())
	}
	return calendar.Dates{PrepStart: v[0], OnsiteStart: v[1], OnsiteEnd: v[2], ReportEnd: v[3], FeedbackDate: v[4], RectifyDue: v[5], CheckDate: v[6]}
}

func datesArray(d calendar.Dates) [nDates]civil.Date {
	return [nDates]civil.Date{d.PrepStart, d.OnsiteStart, d.OnsiteEnd, d.ReportEnd, d.FeedbackDate, d.RectifyDue, d.CheckDate}
}

// onOnsiteStart fills the other dates from the default lengths: those that
// are empty or still hold what was filled last.
func (f *roundForm) onOnsiteStart() {
	start, err := civil.Parse(f.dates[dOnsiteStart].Date())
	if err != nil || start.IsZero() {
		return
	}
	old := datesArray(f.proposed)
	f.proposed = f.s.cal.Settings().Fill(start)
	now := datesArray(f.proposed)
	for i, d := range f.dates {
		if i == dOnsiteStart {
			continue
		}
		if t := d.Date(); t == "" || (!old[i].IsZero() && t == old[i].String()) {
			d.SetText(now[i].String())
		}
	}
}

// onRefill fills every date but the on-site start from the default lengths.
func (f *roundForm) onRefill() {
	start, err := civil.Parse(f.dates[dOnsiteStart].Date())
	if err != nil || start.IsZero() {
		f.showError("请先填写进驻开始日期。")
		return
	}
	f.proposed = f.s.cal.Settings().Fill(start)
	now := datesArray(f.proposed)
	for i, d := range f.dates {
		if i != dOnsiteStart {
			d.SetText(now[i].String())
		}
	}
}

// showDays writes each stage's length beside its end date.
func (f *roundForm) showDays() {
	if f.days[0] == nil {
		return
	}
	typed := f.typedDates()
	sc := calendar.Schedule{Stored: typed, Dates: f.s.cal.Settings().Complete(typed)}
	for i, lb := range f.days {
		st := stageOfDate[i]
		if st < 0 || !sc.Known() {
			lb.SetText("")
			continue
		}
		sp := sc.Span(st)
		text := fmt.Sprintf("%s %d天", st, sp.Days())
		if sp.End < sp.Start {
			text = st.String() + " 日期顺序有误"
		}
		lb.SetText(text)
	}
}

// collect reads the basic tab into a round to save.
func (f *roundForm) collect() (model.Round, error) {
	r := model.Round{Code: strings.TrimSpace(f.code.Text), TermCode: f.term, Name: strings.TrimSpace(f.name.Text),
		Type: f.typ.Selected, Level: f.level.Selected, Mode: f.mode.Selected, Links: f.links.text(),
		JointUnits: f.jointUnits.text(), JointCategories: strings.Join(f.jointCats.Selected, "、")}
	if n := strings.TrimSpace(f.number.Text); n != "" {
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 {
			return r, fmt.Errorf("序号应为正整数")
		}
		r.Number = v
	}
	var bad []string
	for i, d := range f.dates {
		if err := widgets.ValidateDate(d.Date()); err != nil {
			bad = append(bad, dateNames[i])
		}
	}
	if len(bad) > 0 {
		return r, fmt.Errorf("%s：日期应写成 2026-03-01", strings.Join(bad, "、"))
	}
	if f.dates[dOnsiteStart].Date() == "" {
		return r, fmt.Errorf("请填写进驻开始日期")
	}
	ptrs := []*string{&r.PrepStart, &r.OnsiteStart, &r.OnsiteEnd, &r.ReportEnd, &r.FeedbackDate, &r.RectifyDue, &r.CheckDate}
	for i, p := range ptrs {
		*p = f.dates[i].Date()
	}
	return r, nil
}

func (f *roundForm) onSave() {
	r, err := f.collect()
	if err == nil {
		if f.round == nil && f.s.cal.Snapshot().Round(r.Code) != nil {
			err = fmt.Errorf("轮次编码 %s 已存在", r.Code)
		} else {
			r.Stamp = f.stamp
			err = f.s.svc.SaveRound(r)
		}
	}
	if err != nil {
		f.showError("未保存：" + err.Error())
		saveFailed(err, f.s.win, f.onSave, func() { // the round as it is now
			f.dlg.Hide()
			f.s.reload()
			f.s.openRound(r.Code)
		})
		return
	}
	f.errors.Hide()
	wasNew := f.round == nil
	f.afterWrite(r.Code, "已保存轮次 "+r.Code)
	if wasNew {
		f.tabs.SelectIndex(1) // next: its teams
	}
}

// basicState is what the basic tab holds, for its guard.
func (f *roundForm) basicState() any {
	r, err := f.collect()
	return []any{r, fmt.Sprint(err)}
}

// afterWrite reloads the calendar after a save and shows the round as
// stored now.
func (f *roundForm) afterWrite(code, msg string) {
	f.s.reload()
	if r := f.s.cal.Snapshot().Round(code); r != nil {
		f.round = r
		f.stamp, _ = f.s.svc.RoundStamp(code)
	}
	if msg != "" {
		f.saved.SetText(msg + "（" + time.Now().Format("15:04:05") + "）")
	}
	f.refresh()
	f.guard.reset()
}

// refresh shows the round's status, its conflicts and the tabs that need
// a saved round.
func (f *roundForm) refresh() {
	saved := f.round != nil
	f.heading.SetText("新建轮次（届期 " + f.term + "）")
	if saved {
		f.heading.SetText("轮次 " + f.round.Code + " " + f.round.Name)
	}
	for i := 1; i < len(f.tabs.Items); i++ {
		if saved {
			f.tabs.EnableIndex(i)
		} else {
			f.tabs.DisableIndex(i)
		}
	}
	setEnabled(f.export, saved)
	setEnabled(f.papers, saved)
	edit := f.editable()
	for _, w := range []fyne.Disableable{f.name, f.number, f.typ, f.level, f.mode, f.save, f.refill, f.jointCats} {
		setEnabled(w, edit)
	}
	f.links.setEnabled(edit)
	f.jointUnits.setEnabled(edit)
	for _, d := range f.dates {
		setEnabled(d, edit)
	}
	setEnabled(f.code, edit && !saved)
	f.teams.refresh()
	f.reports.refresh()
	f.evals.refresh()
	f.ms.refresh()
	f.conflicts.RemoveAll()
	if !saved {
		f.status.SetText("保存基本信息后，可在其他标签页添加巡察组及其单位。")
		return
	}
	today := f.s.clock()
	sc := f.s.cal.Schedule(f.round)
	text := "状态：" + roundStatus(sc, today)
	if sp, ok := sc.StageAt(today); ok {
		text += fmt.Sprintf(" · 当前阶段：%s（%s 至 %s）", sp.Stage, sp.Start, sp.End)
	} else if sc.Known() && today < sc.Dates.PrepStart {
		text += fmt.Sprintf(" · 准备阶段 %s 开始，还有%d天", sc.Dates.PrepStart, today.DaysUntil(sc.Dates.PrepStart))
	}
	f.status.SetText(text)
	n := 0
	for _, c := range f.s.conflicts {
		if c.Round == f.round.Code || c.OtherRound == f.round.Code {
			f.conflicts.Add(conflictLabel(c))
			n++
		}
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("本轮冲突（%d）", n), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if n == 0 {
		title.SetText("本轮冲突：无")
	}
	f.conflicts.Objects = append([]fyne.CanvasObject{title}, f.conflicts.Objects...)
	f.conflicts.Refresh()
}

func (f *roundForm) showError(msg string) {
	f.errors.SetText(msg)
	f.errors.Show()
}

// onPapers opens the documents of the round: every kind, 公告 first.
func (f *roundForm) onPapers() {
	kinds := []papers.Kind{papers.KindNotice, papers.KindFound, papers.KindInform, papers.KindFeedback, papers.KindRectify}
	if f.s.svc.CanSeeClues() {
		kinds = append(kinds, papers.KindHandover)
	}
	kinds = append(kinds, papers.KindAppraise, papers.KindUrge, papers.KindSummary)
	newPapersDialog(f.s.svc, f.s.win, f.s.clock, app.PaperRequest{Round: f.round.Code}, kinds...).show()
}
