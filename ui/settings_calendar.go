package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// stageFields name the stage lengths of the calendar settings, in stage
// order, with what each counts.
var stageFields = []struct {
	stage calendar.Stage
	label string
	hint  string
}{
	{calendar.StagePrep, "准备（天）", "进驻开始前多少天开始准备"},
	{calendar.StageOnsite, "进驻（天）", "进驻开始至进驻结束，首尾都算"},
	{calendar.StageReport, "报告（天）", "进驻结束后多少天内形成巡察报告"},
	{calendar.StageFeedback, "反馈（天）", "报告后多少天内向被巡察单位反馈"},
	{calendar.StageRectify, "整改（天）", "反馈后多少天内报送整改报告（一般 2 个月）"},
	{calendar.StageCheck, "督查验收（天）", "整改报告后多少天内督查验收"},
}

// calendarSettings is the 巡察日历 section of 设置 (settings key
// "calendar"): the default stage lengths and the non-working days; which
// 巡察类型 count toward coverage and whose repeats are flagged, and the
// 领域 the unit form offers (SPEC §8).
type calendarSettings struct {
	*sectionFrame

	days            map[calendar.Stage]*widget.Entry
	holidays        *widget.Entry
	covers, repeats *widget.CheckGroup
	sectors         *widget.Entry
}

func newCalendarSettings(svc *app.Service, win fyne.Window) *calendarSettings {
	c := &calendarSettings{days: map[calendar.Stage]*widget.Entry{}}
	c.sectionFrame = newSectionFrame(svc, win, app.CalendarSettingsKey, "恢复默认天数", c.onSave, c.onReset, c.load)
	return c
}

func (c *calendarSettings) build() fyne.CanvasObject {
	form := widget.NewForm()
	for _, f := range stageFields {
		e := numberEntry()
		c.days[f.stage] = e
		c.inputs = append(c.inputs, e)
		item := widget.NewFormItem(f.label, fixedWidth(120, e))
		item.HintText = f.hint
		form.AppendItem(item)
	}
	c.holidays = widget.NewMultiLineEntry()
	c.holidays.SetPlaceHolder("2026-10-01\n2026-10-02\n……")
	c.holidays.SetMinRowsVisible(14)
	c.inputs = append(c.inputs, c.holidays)
	hint := widget.NewLabel("每行一个日期，如 2026-10-01 或 2026/10/1；日期后可加说明（如“2026-10-01 国庆节”），保存时只留日期。" +
		"周末不自动算作非工作日（有调休），须逐日列出。")
	hint.Wrapping = fyne.TextWrapBreak
	hint.SizeName = theme.SizeNameCaptionText
	stages := container.NewVBox(
		widget.NewLabelWithStyle("各阶段的默认天数", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form)
	holidays := container.NewBorder(container.NewVBox(
		widget.NewLabelWithStyle("非工作日", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), hint), nil, nil, nil, c.holidays)
	c.covers = widget.NewCheckGroup(vocab.RoundKinds, nil)
	c.covers.Horizontal = true
	c.repeats = widget.NewCheckGroup(vocab.RoundKinds, nil)
	c.repeats.Horizontal = true
	c.sectors = widget.NewMultiLineEntry()
	c.sectors.SetMinRowsVisible(5)
	c.sectors.SetPlaceHolder("教育\n卫生健康\n……")
	c.inputs = append(c.inputs, c.covers, c.repeats, c.sectors)
	kinds := widget.NewForm(widget.NewFormItem("计入全覆盖", c.covers), widget.NewFormItem("重复巡察提示", c.repeats),
		widget.NewFormItem("领域列表", c.sectors))
	kinds.Items[0].HintText = "这些巡察类型的轮次巡察过的单位算作已覆盖（回头看一般不计入）"
	kinds.Items[1].HintText = "同一单位在届期内被两轮巡察、且两轮都计入全覆盖并都属这些类型时，列为“届期内重复巡察”"
	kinds.Items[2].HintText = "每行一个，单位表单中可选，也按此顺序统计各领域的覆盖情况；单位也可填列表以外的领域"
	fields := container.NewVBox(container.NewGridWithColumns(2, stages, holidays),
		widget.NewLabelWithStyle("巡察类型与领域", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), kinds)
	out := c.wrap("新建轮次时，按进驻开始日和以下天数推算各阶段日期（日历天）；推算出的日期落在非工作日的，顺延到下一个工作日。"+
		"已保存的轮次日期不受影响。", fields)
	c.load()
	return out
}

// load shows the stored settings.
func (c *calendarSettings) load() {
	if c.holidays == nil {
		return
	}
	loadSection(c.sectionFrame, c.svc.CalendarSettings, c.show)
}

func (c *calendarSettings) show(set calendar.Settings) {
	for _, f := range stageFields {
		c.days[f.stage].SetText(fmt.Sprint(set.Days(f.stage)))
	}
	lines := make([]string, len(set.NonWorkingDays))
	for i, d := range set.NonWorkingDays {
		lines[i] = d.String()
	}
	c.holidays.SetText(strings.Join(lines, "\n"))
	c.covers.SetSelected(slices.Clone(set.CoverageKinds))
	c.repeats.SetSelected(slices.Clone(set.RepeatKinds))
	c.sectors.SetText(strings.Join(set.Sectors, "\n"))
}

// collect reads the form; errs lists what cannot be read.
func (c *calendarSettings) collect() (calendar.Settings, []string) {
	var errs []string
	n := func(st calendar.Stage) int {
		for _, f := range stageFields {
			if f.stage == st {
				return intField(strings.TrimSuffix(f.label, "（天）")+"天数", c.days[st], &errs)
			}
		}
		return 0
	}
	set := calendar.Settings{PrepDays: n(calendar.StagePrep), OnsiteDays: n(calendar.StageOnsite),
		ReportDays: n(calendar.StageReport), FeedbackDays: n(calendar.StageFeedback),
		RectifyDays: n(calendar.StageRectify), CheckDays: n(calendar.StageCheck)}
	days, bad := parseDays(c.holidays.Text)
	set.NonWorkingDays = days
	errs = append(errs, bad...)
	set.CoverageKinds = ordered(c.covers.Selected, vocab.RoundKinds)
	set.RepeatKinds = ordered(c.repeats.Selected, vocab.RoundKinds)
	set.Sectors = []string{}
	for _, line := range strings.Split(c.sectors.Text, "\n") {
		if w := strings.TrimSpace(line); w != "" && !slices.Contains(set.Sectors, w) {
			set.Sectors = append(set.Sectors, w)
		}
	}
	return set, errs
}

// ordered returns the words of xs in the order of words, never nil (an
// empty choice is a choice).
func ordered(xs, words []string) []string {
	out := []string{}
	for _, w := range words {
		if slices.Contains(xs, w) {
			out = append(out, w)
		}
	}
	return out
}

// parseDays reads one date per line (2026-10-01, also 2026/10/1 and
// 2026年10月1日; anything after the date is a remark); bad lists the lines
// that are not dates.
func parseDays(text string) (days []civil.Date, bad []string) {
	for i, line := range strings.Split(text, "\n") {
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		d, err := civil.Parse(fs[0])
		if err != nil && strings.ContainsAny(fs[0], "/.年") {
			d, err = civil.ParseWritten(fs[0]) // 2026/10/1, 2026.10.1, 2026年10月1日
		}
		if err != nil || d.IsZero() {
			bad = append(bad, fmt.Sprintf("非工作日第%d行“%s”：日期应写成 2026-10-01", i+1, strings.TrimSpace(line)))
			continue
		}
		days = append(days, d)
	}
	return days, bad
}

func (c *calendarSettings) onSave() {
	set, errs := c.collect()
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		c.showErrors(errs)
		return
	}
	if err := c.store().SaveCalendarSettings(set); err != nil {
		c.failed(err, c.onSave)
		return
	}
	c.load() // sorted, without repeats
	c.done(fmt.Sprintf("已保存巡察日历设置（非工作日 %d 天）", len(set.Normalized().NonWorkingDays)))
}

// onReset restores the default stage lengths and keeps the non-working
// days, which have no default.
func (c *calendarSettings) onReset() {
	def := calendar.Defaults()
	var parts []string
	for _, f := range stageFields {
		parts = append(parts, fmt.Sprintf("%s %d", f.stage, def.Days(f.stage)))
	}
	msg := "将各阶段天数恢复为默认值（" + strings.Join(parts, "、") + " 天）？已列出的非工作日保留。"
	c.confirm("恢复默认天数", msg, func() {
		set, err := c.svc.CalendarSettings()
		if err != nil {
			c.showErrors(storeError(err))
			return
		}
		def.NonWorkingDays = set.NonWorkingDays
		def.CoverageKinds, def.RepeatKinds, def.Sectors = set.CoverageKinds, set.RepeatKinds, set.Sectors
		if err := c.store().SaveCalendarSettings(def); err != nil {
			c.failed(err, c.onReset)
			return
		}
		c.load()
		c.done("已恢复默认天数")
	})
}
