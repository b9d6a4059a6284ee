package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
)

// trainingSettings is the 培训提示 section of 设置 (settings key
// "training"): whether to warn when someone without recent training is
// placed on a team, and how many years a training counts for.
type trainingSettings struct {
	*sectionFrame

	warn  *widget.Check
	years *widget.Entry
}

func newTrainingSettings(svc *app.Service, win fyne.Window) *trainingSettings {
	t := &trainingSettings{}
	t.sectionFrame = newSectionFrame(svc, win, app.TrainingSettingsKey, "恢复默认", t.onSave, t.onReset, t.load)
	return t
}

func (t *trainingSettings) build() fyne.CanvasObject {
	t.warn = widget.NewCheck("编组时提示未参加培训的人员", nil)
	t.years = numberEntry()
	f := widget.NewForm(
		widget.NewFormItem("培训提示", t.warn),
		widget.NewFormItem("培训有效年限（年）", fixedWidth(120, t.years)),
	)
	f.Items[0].HintText = "编组时尽量避开近年未参加培训的人员"
	f.Items[1].HintText = "如 3 年：进驻开始 2026-03-01 时，2023-03-01 及以后结束的培训有效"
	t.inputs = append(t.inputs, t.warn, t.years)
	out := t.wrap("开启培训提示后，编入巡察组的人员在进驻开始前若干年内没有培训记录的，在编组的提示、回避告知书中列出（“未参加培训（近N年）”），"+
		"编组时尽量避开。培训记录在人员的“培训记录”页或导入工作簿的“培训记录”表中登记。", container.NewVBox(f))
	t.load()
	return out
}

// load shows the stored settings.
func (t *trainingSettings) load() {
	if t.years == nil {
		return
	}
	t.readStamp()
	set, err := t.svc.TrainingSettings()
	if err != nil {
		dialog.ShowError(err, t.win)
	}
	t.warn.SetChecked(set.Warn)
	t.years.SetText(fmt.Sprint(set.Years))
	t.applyRights()
}

func (t *trainingSettings) onSave() {
	var errs []string
	set := app.TrainingSettings{Warn: t.warn.Checked, Years: intField("培训有效年限", t.years, &errs)}
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		t.showErrors(errs)
		return
	}
	if err := t.store().SaveTrainingSettings(set); err != nil {
		t.failed(err, t.onSave)
		return
	}
	t.load() // the settings as stored, and their new stamp
	t.done("已保存培训提示设置")
}

func (t *trainingSettings) onReset() {
	t.confirm("恢复默认", "将培训提示恢复为默认（不提示，有效年限 3 年）？", func() {
		if err := t.store().SaveTrainingSettings(app.DefaultTraining()); err != nil {
			t.failed(err, t.onReset)
			return
		}
		t.load()
		t.done("已恢复默认设置")
	})
}
