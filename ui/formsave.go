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
// the saved code.
func formSaved(err error, errs *widget.Label, dlg dialog.Dialog, win fyne.Window, onSaved func(string), code string) {
	var fe *app.FormErrors
	switch {
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
