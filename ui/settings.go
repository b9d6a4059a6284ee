package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/model"
)

// settingsScreen is 设置: one tab per capability that has parameters
// (回避规则, 巡察日历, 编组). Each section reads its settings, saves them checked,
// and restores the defaults; only a user allowed to change settings (管理员)
// may save, the others read.
type settingsScreen struct {
	svc *app.Service
	win fyne.Window

	recusal  *recusalSettings
	calendar *calendarSettings
	assign   *assignSettings
	training *trainingSettings
	ledger   *ledgerSettings     // 成果运用 (settings_ledger.go)
	papers   *papersSettings     // 文书模板 (settings_papers.go)
	people   *experienceSettings // 经验与轮换 (settings_experience.go)
	tabs     *container.AppTabs
	saved    []*formGuard // each tab's fields as stored (settings_unsaved.go)
}

// settingsSection is one tab of 设置.
type settingsSection interface {
	build() fyne.CanvasObject
	load()
}

// newSettingsScreen returns the screen; onChanged (may be nil) runs after
// settings were stored, so that the screens that depend on them reload.
func newSettingsScreen(svc *app.Service, win fyne.Window, onChanged func()) *settingsScreen {
	s := &settingsScreen{svc: svc, win: win,
		recusal:  newRecusalSettings(svc, win),
		calendar: newCalendarSettings(svc, win),
		assign:   newAssignSettings(svc, win),
		training: newTrainingSettings(svc, win),
		ledger:   newLedgerSettings(svc, win),
		papers:   newPapersSettings(svc, win),
		people:   newExperienceSettings(svc, win)}
	stored := func() {
		s.remember()
		if onChanged != nil {
			onChanged()
		}
	}
	s.recusal.changed, s.calendar.changed, s.assign.changed = stored, stored, stored
	s.training.changed, s.ledger.changed, s.papers.changed, s.people.changed = stored, stored, stored, stored
	return s
}

func (s *settingsScreen) build() fyne.CanvasObject {
	// A section of forms scrolls sideways when it is wider than the window:
	// the tabs are as wide as their widest section (成果运用 needs 920
	// points), which would otherwise clip every section at 1024×700.
	// 文书模板 fits as it is, and its wrapped texts need the window's width.
	tab := func(name string, icon fyne.Resource, content fyne.CanvasObject) *container.TabItem {
		return container.NewTabItemWithIcon(name, icon, container.NewHScroll(content))
	}
	s.tabs = container.NewAppTabs(
		tab("回避规则", theme.WarningIcon(), s.recusal.build()),
		tab("巡察日历", theme.HistoryIcon(), s.calendar.build()),
		tab("编组", theme.AccountIcon(), s.assign.build()),
		tab("经验与轮换", theme.HistoryIcon(), s.people.build()),
		tab("培训提示", theme.InfoIcon(), s.training.build()),
		tab("成果运用", theme.DocumentIcon(), s.ledger.build()),
		container.NewTabItemWithIcon("文书模板", theme.FileTextIcon(), s.papers.build()),
	)
	s.remember()
	return s.tabs
}

// reload reads every section's settings again.
func (s *settingsScreen) reload() {
	for _, sec := range []settingsSection{s.recusal, s.calendar, s.assign, s.people, s.training, s.ledger, s.papers} {
		sec.load()
	}
	s.remember()
}

// sectionFrame is what every section has around its fields: an
// introduction, the errors of the last 保存, the outcome, and the 保存 and
// reset buttons (disabled with a note for users who may only read).
type sectionFrame struct {
	svc          *app.Service
	win          fyne.Window
	errors       *widget.Label
	saved        *widget.Label
	note         *widget.Label
	save, reset  *widget.Button
	confirmReset *widget.Button // the 确定 of the open reset confirmation, for tests
	inputs       []fyne.Disableable
	changed      func() // after the settings were stored

	key    string      // the settings key the section edits
	seen   model.Stamp // its stamp when the section read it (readStamp)
	reload func()      // the section's load
}

// newSectionFrame returns the frame of the section that edits settings
// key: save and reset are its buttons' actions, load shows the settings
// as stored; resetLabel names the reset button.
func newSectionFrame(svc *app.Service, win fyne.Window, key, resetLabel string, save, reset, load func()) *sectionFrame {
	f := &sectionFrame{svc: svc, win: win, key: key, reload: load}
	f.errors = widget.NewLabel("")
	f.errors.Importance = widget.DangerImportance
	f.errors.Wrapping = fyne.TextWrapBreak
	f.errors.Hide()
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	f.note = widget.NewLabel("")
	f.note.Importance = widget.WarningImportance
	f.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), save)
	f.save.Importance = widget.HighImportance
	f.reset = widget.NewButtonWithIcon(resetLabel, theme.HistoryIcon(), reset)
	return f
}

// wrap lays out the section: introduction, fields (scrolling), then the
// errors and the buttons.
func (f *sectionFrame) wrap(intro string, fields fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapBreak
	bar := container.NewHBox(f.save, f.reset, f.saved, layout.NewSpacer(), f.note)
	return container.NewBorder(head, container.NewVBox(widget.NewSeparator(), f.errors, bar), nil, nil,
		container.NewVScroll(container.NewPadded(fields)))
}

// applyRights enables the inputs and buttons for a user who may change
// settings and disables them, with a note, for the others.
func (f *sectionFrame) applyRights() {
	can := f.svc.Can(app.PermSettings)
	for _, w := range append(f.inputs, f.save, f.reset) {
		if can {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if can {
		f.note.SetText("")
	} else {
		f.note.SetText("只有管理员可以修改设置；此处只能查看。")
	}
}

// loadSection shows a section's settings as stored now: their stamp
// first (readStamp), then the settings get reads, shown by show, with the
// inputs enabled for those who may change them.
func loadSection[T any](f *sectionFrame, get func() (T, error), show func(T)) {
	f.readStamp()
	set, err := get()
	if err != nil {
		dialog.ShowError(err, f.win)
	}
	show(set)
	f.applyRights()
}

// readStamp keeps the stamp of the section's setting as stored now. A
// section's load calls it before it reads the settings, so that a save
// made in between is refused on 保存, never saved over (SPEC §13.1).
func (f *sectionFrame) readStamp() {
	seen, err := f.svc.SettingStamp(f.key)
	if err != nil {
		dialog.ShowError(err, f.win)
	}
	f.seen = seen
}

// store is the service to save the section's settings through: refused,
// with who and when, when another user saved them since the section read
// them. A section loads again after its save.
func (f *sectionFrame) store() *app.Service { return f.svc.Seeing(f.seen) }

// failed shows why saving stored nothing; refused over another user's
// newer save, it offers to show the settings as stored now, cut off from
// the server to try again (retry).
func (f *sectionFrame) failed(err error, retry func()) {
	f.showErrors(storeError(err))
	saveFailed(err, f.win, retry, f.reload)
}

// showErrors shows why 保存 stored nothing.
func (f *sectionFrame) showErrors(errs []string) {
	f.saved.SetText("")
	f.errors.SetText("未保存，请修改以下各项：\n" + strings.Join(errs, "\n"))
	f.errors.Show()
}

// done says the settings are stored and tells the screens that depend on
// them.
func (f *sectionFrame) done(msg string) {
	f.errors.Hide()
	f.saved.SetText(msg)
	if f.changed != nil {
		f.changed()
	}
}

// confirm asks before the reset and runs ok when the user agrees.
func (f *sectionFrame) confirm(title, message string, ok func()) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapBreak
	var d dialog.Dialog
	f.confirmReset = widget.NewButtonWithIcon("确定", theme.ConfirmIcon(), func() { d.Hide(); ok() })
	f.confirmReset.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil,
		container.NewHBox(layout.NewSpacer(), cancel, f.confirmReset), nil, nil, msg), f.win)
	d.Resize(fyne.NewSize(460, 200))
	d.Show()
}

// storeError turns an error of the service into the lines to show.
func storeError(err error) []string {
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{"保存失败"}
	}
	return lines
}

// intField reads a whole number typed in an entry; label names the field
// in the error.
func intField(label string, e *widget.Entry, errs *[]string) int {
	s := strings.TrimSpace(e.Text)
	n, err := strconv.Atoi(s)
	if err != nil {
		*errs = append(*errs, fmt.Sprintf("%s：应填整数，现为“%s”", label, s))
		return 0
	}
	return n
}

// numberEntry is an entry for a whole number.
func numberEntry() *widget.Entry {
	e := widget.NewEntry()
	e.Validator = func(s string) error {
		if _, err := strconv.Atoi(strings.TrimSpace(s)); err != nil {
			return errors.New("应填整数")
		}
		return nil
	}
	return e
}

// keySave saves the tab shown (Ctrl+S).
func (s *settingsScreen) keySave() {
	for i, sec := range []*sectionFrame{s.recusal.sectionFrame, s.calendar.sectionFrame, s.assign.sectionFrame} {
		if i == s.tabs.SelectedIndex() {
			press(sec.save)
		}
	}
}
