package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/ledger"
)

// ledgerSettings is the 成果运用 section of 设置 (settings key "ledger"):
// the 问题类别 offered and accepted, the due-soon window and the months a
// unit's reports and a clue's feedback are due after.
type ledgerSettings struct {
	*sectionFrame

	soon, report, duty, clue *widget.Entry
	categories               *widget.Entry
}

func newLedgerSettings(svc *app.Service, win fyne.Window) *ledgerSettings {
	l := &ledgerSettings{}
	l.sectionFrame = newSectionFrame(svc, win, app.LedgerSettingsKey, "恢复默认", l.onSave, l.onReset, l.load)
	return l
}

func (l *ledgerSettings) build() fyne.CanvasObject {
	l.soon, l.report, l.duty, l.clue = numberEntry(), numberEntry(), numberEntry(), numberEntry()
	l.categories = widget.NewMultiLineEntry()
	l.categories.SetMinRowsVisible(8)
	l.inputs = append(l.inputs, l.soon, l.report, l.duty, l.clue, l.categories)
	item := func(label, hint string, e *widget.Entry) *widget.FormItem {
		it := widget.NewFormItem(label, fixedWidth(120, e))
		it.HintText = hint
		return it
	}
	form := widget.NewForm(
		item("临期提醒（天）", "完成时限在今天及此后多少天内的整改措施显示为临期（黄色）", l.soon),
		item("整改报告（月）", "反馈后多少个月内报送整改报告；没有同一日的取当月最后一天", l.report),
		item("履职情况报告（月）", "反馈后多少个月内报送履职情况报告", l.duty),
		item("线索反馈时限（月）", "线索未填反馈时限的，按移交日期后多少个月计", l.clue),
	)
	cats := container.NewBorder(widget.NewLabelWithStyle("问题类别（每行一个）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, l.categories)
	out := l.wrap("整改台账、督办和 xuncha ledger 按以下设置计算到期、逾期和临期。", container.NewVBox(form, cats)) // one column: within 1024 pixels
	l.load()
	return out
}

func (l *ledgerSettings) load() {
	if l.categories == nil {
		return
	}
	loadSection(l.sectionFrame, l.svc.LedgerSettings, l.show)
}

func (l *ledgerSettings) show(set ledger.Settings) {
	for _, f := range []struct {
		e *widget.Entry
		n int
	}{{l.soon, set.DueSoonDays}, {l.report, set.ReportMonths}, {l.duty, set.DutyMonths}, {l.clue, set.ClueMonths}} {
		f.e.SetText(fmt.Sprint(f.n))
	}
	l.categories.SetText(strings.Join(set.Categories, "\n"))
}

// collect reads the form; errs lists what cannot be read.
func (l *ledgerSettings) collect() (ledger.Settings, []string) {
	var errs []string
	set := ledger.Settings{DueSoonDays: intField("临期提醒天数", l.soon, &errs), ReportMonths: intField("整改报告月数", l.report, &errs),
		DutyMonths: intField("履职情况报告月数", l.duty, &errs), ClueMonths: intField("线索反馈月数", l.clue, &errs)}
	seen := map[string]bool{}
	for _, c := range strings.Split(l.categories.Text, "\n") {
		if c = strings.TrimSpace(c); c != "" && !seen[c] {
			seen[c] = true
			set.Categories = append(set.Categories, c)
		}
	}
	if set.DueSoonDays < 0 || set.DueSoonDays > 365 || set.ReportMonths < 1 || set.ReportMonths > 24 ||
		set.DutyMonths < 1 || set.DutyMonths > 24 || set.ClueMonths < 1 || set.ClueMonths > 24 {
		errs = append(errs, "临期天数应为 0 至 365，各月数应为 1 至 24")
	}
	if len(set.Categories) == 0 {
		errs = append(errs, "至少要有一个问题类别")
	}
	return set, errs
}

func (l *ledgerSettings) onSave() {
	set, errs := l.collect()
	if len(errs) > 0 {
		l.showErrors(errs)
		return
	}
	if err := l.store().SaveLedgerSettings(set); err != nil {
		l.failed(err, l.onSave)
		return
	}
	l.load()
	l.done("已保存成果运用设置")
}

func (l *ledgerSettings) onReset() {
	l.confirm("恢复默认", "将成果运用设置恢复为默认值（临期 15 天，整改报告和履职情况报告 2 个月，线索 3 个月，默认问题类别）？", func() {
		if err := l.store().SaveLedgerSettings(ledger.Defaults()); err != nil {
			l.failed(err, l.onReset)
			return
		}
		l.load()
		l.done("已恢复默认成果运用设置")
	})
}
