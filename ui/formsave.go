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
// since the form read it, or cut off by a lost connection to the server,
// is saveFailed's: reload closes the form and opens it again on the record
// as it is now (onSaved refreshes the list first), retry saves again.
func formSaved(err error, errs *widget.Label, dlg dialog.Dialog, win fyne.Window, onSaved func(string), code string, retry, reload func()) {
	var fe *app.FormErrors
	switch {
	case app.IsConflict(err) || app.ConnLost(err):
		errs.SetText("未保存：" + err.Error())
		errs.Show()
		saveFailed(err, win, retry, func() {
			dlg.Hide()
			if onSaved != nil {
				onSaved(code)
			}
			reload()
		})
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

// saveFailed is what a form whose save failed offers beside saying why in
// the form, which stays open with what the clerk typed:
//   - when another clerk saved the record since the form read it (shared
//     mode, SPEC §13.1): who and when, and 重新载入 — reload shows the
//     record as it is now, the form's own changes given up — or 继续编辑;
//   - when the connection to the database server broke or could not be
//     made (nothing of the save was written): 重试 — retry saves again
//     what the form holds — or 继续编辑.
//
// Other errors are left to the form. It returns err, for a form that shows
// it in its own line (widgets.FormDialog).
func saveFailed(err error, win fyne.Window, retry, reload func()) error {
	var (
		title, ok string
		then      func()
		text      string
	)
	switch {
	case app.IsConflict(err) && reload != nil:
		title, ok, then = "记录已被他人修改", "重新载入", reload
		text = err.Error() + "\n\n重新载入将显示该记录的最新内容，本表单中尚未保存的修改将被放弃。"
	case app.ConnLost(err) && retry != nil:
		title, ok, then = "与数据库服务器的连接中断", "重试", retry
		text = "与数据库服务器的连接中断或无法连接，本次修改没有写入任何内容。\n\n表单中填写的内容仍在；网络恢复后点“重试”再次保存。"
	default:
		return err
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomConfirm(title, ok, "继续编辑", msg, func(yes bool) {
		if yes {
			then()
		}
	}, win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	return err
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

// sayOrHide shows msg in l, or hides l when msg is "".
func sayOrHide(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}
