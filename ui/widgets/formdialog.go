package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FormDialog is a dialog around a form whose action may fail: when it
// does, the dialog stays open with the reason in red under the fields, so
// that the clerk corrects what was typed instead of typing it all again.
type FormDialog struct {
	Note       *Note
	OK, Cancel *widget.Button
	dlg        *dialog.CustomDialog
	box        *fyne.Container // the content and the note
	onOK       func() error

	// After, when set, runs once the dialog has closed after a successful
	// action: the place to open the next dialog (a file chooser, a message),
	// since closing a dialog also closes every dialog opened above it.
	After func()
}

// NewFormDialog returns a dialog titled title showing content, with a
// confirm button named ok that runs onOK and closes the dialog when onOK
// returns nil.
func NewFormDialog(title, ok string, content fyne.CanvasObject, onOK func() error, w fyne.Window) *FormDialog {
	d := &FormDialog{Note: NewNote(), onOK: onOK}
	d.OK = widget.NewButtonWithIcon(ok, theme.ConfirmIcon(), d.Submit)
	d.OK.Importance = widget.HighImportance
	d.Cancel = widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.box = container.NewVBox(content, d.Note)
	d.dlg = dialog.NewCustomWithoutButtons(title, d.box, w)
	d.dlg.SetButtons([]fyne.CanvasObject{d.Cancel, d.OK})
	return d
}

// Submit runs the action, as the confirm button does.
func (d *FormDialog) Submit() {
	if err := d.onOK(); err != nil {
		d.Note.Error(err)
		return
	}
	d.Note.Clear()
	d.dlg.Hide()
	if d.After != nil {
		d.After()
	}
}

// Show opens the dialog at least width wide.
func (d *FormDialog) Show(width float32) {
	d.dlg.Show()
	w := max(width, d.dlg.MinSize().Width)
	d.dlg.Resize(fyne.NewSize(w, d.dlg.MinSize().Height))
	d.dlg.Resize(fyne.NewSize(w, d.dlg.MinSize().Height)) // wrapped text is as tall as its width makes it
}

// Hide closes the dialog.
func (d *FormDialog) Hide() { d.dlg.Hide() }

// Hold puts o, an object without a look of its own (the guard of the
// form's unsaved changes), in the dialog's content.
func (d *FormDialog) Hold(o fyne.CanvasObject) { d.box.Add(o) }
