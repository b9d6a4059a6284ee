package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// tasks runs slow work (a password hash, an integrity check, a backup)
// away from the window's thread and hands the outcome back on it through
// fyne.Do. Its zero value is ready; wait lets a test hold until every task
// it started has finished, including the tasks those started.
type tasks struct{ wg sync.WaitGroup }

// run does work in a goroutine, then done with its error on the window's
// thread.
func (t *tasks) run(work func() error, done func(error)) {
	t.wg.Add(1)
	goBackground(func() {
		err := work()
		fyne.Do(func() {
			defer t.wg.Done()
			done(err)
		})
	})
}

// start runs f in a goroutine that wait waits for; f goes back to the
// window's thread itself (fyne.Do, fyne.DoAndWait) for what it touches.
func (t *tasks) start(f func()) {
	t.wg.Add(1)
	goBackground(func() {
		defer t.wg.Done()
		f()
	})
}

// busy is run under a modal dialog titled title with a moving bar.
func (t *tasks) busy(w fyne.Window, title string, work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(340, 40), bar), w)
	d.Show()
	t.run(work, func(err error) {
		bar.Stop()
		d.Hide()
		done(err)
	})
}

// wait blocks until every task has finished.
func (t *tasks) wait() { t.wg.Wait() }
