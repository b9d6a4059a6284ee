package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
)

// formSaved shows what saving a form gave: the checks that failed in the
// form's own error line (the form stays open to be mended), any other
// error in a dialog; on success it closes the form and calls onSaved with
// the saved code. A save refused because another clerk saved the record
// since the form read it (shared mode, SPEC §13.1) says who and when and
// offers reload: the form is closed and opened again on the record as it
// is now (the form's own changes are given up), or the clerk goes on
// editing.
func formSaved(err error, errs *widget.Label, dlg dialog.Dialog, win fyne.Window, onSaved func(string), code string, reload func()) {
	var fe *app.FormErrors
	switch {
	case app.IsConflict(err):
		msg := widget.NewLabel(err.Error() + "\n\n重新载入将显示该记录的最新内容，本表单中尚未保存的修改将被放弃。")
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustomConfirm("记录已被他人修改", "重新载入", "继续编辑", msg, func(ok bool) {
			if !ok {
				return
			}
			dlg.Hide()
			if onSaved != nil {
				onSaved(code)
			}
			reload()
		}, win)
		d.Resize(fyne.NewSize(520, 220))
		d.Show()
		return
	case errors.As(err, &fe):
		errs.SetText("未保存，请修改以下各项：\n" + fe.Error())
		errs.Show()
		return
	case err != nil:
		dialog.ShowError(err, win)
		return
	}
	errs.Hide()
	dlg.Hide()
	if onSaved != nil {
		onSaved(code)
	}
}

// reopenForm is formSaved's reload for a form of records by code: load
// reads the record as it is now and open shows a new form on it.
func reopenForm[T any](win fyne.Window, load func() (T, error), open func(T)) func() {
	return func() {
		fresh, err := load()
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		open(fresh)
	}
}

// confirmDelete asks question; on yes it runs del, then after, or shows
// del's error.
func confirmDelete(win fyne.Window, title, question string, del func() error, after func()) {
	dialog.ShowConfirm(title, question, func(ok bool) {
		if !ok {
			return
		}
		if err := del(); err != nil {
			dialog.ShowError(err, win)
			return
		}
		after()
	}, win)
}
