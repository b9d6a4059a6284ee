package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/model"
)

// termView is what a screen showing one term (巡察日历, 总览) reads.
type termView struct {
	cal   *calendar.Calendar
	terms []model.Term
	term  string // the term shown
}

// loadTerm reads the calendar and the terms; the term shown stays when it
// still exists, else it is the term of today. The selector, when not nil,
// gets the terms with that one chosen, without its OnChanged running. It
// reports false (after saying why) when the calendar cannot be read.
func loadTerm(svc *app.Service, win fyne.Window, sel *widget.Select, v *termView, today civil.Date) bool {
	cal, err := svc.Calendar()
	if err != nil {
		dialog.ShowError(err, win)
		return false
	}
	terms, err := svc.Terms()
	if err != nil {
		dialog.ShowError(err, win)
	}
	v.cal, v.terms = cal, terms
	v.term = showTerms(sel, cal, terms, v.term, today)
	return true
}

// showTerms gives sel the terms to choose from, term chosen, or the term of
// today when cal has no term; it returns the term chosen.
func showTerms(sel *widget.Select, cal *calendar.Calendar, terms []model.Term, term string, today civil.Date) string {
	if cal.Term(term) == nil {
		term = cal.CurrentTerm(today)
	}
	opts := make([]string, len(terms))
	chosen := ""
	for i, t := range terms {
		opts[i] = termLabel(t)
		if t.Code == term {
			chosen = opts[i]
		}
	}
	if sel != nil {
		setChoicesQuietly(sel, opts, chosen)
	}
	return term
}

// notStarted is the state of a round whose preparation has not begun.
const notStarted = "未开始"

// roundStatus is a round's state as the lists show it beside its stage:
// the calendar's status, but 未开始 before the preparation starts, where
// the calendar says 筹备中 (the whole time before 进驻) and no stage has
// begun.
func roundStatus(sc calendar.Schedule, today civil.Date) string {
	if sc.Known() && today < sc.Dates.PrepStart {
		return notStarted
	}
	return string(sc.Status(today))
}

// termLabel is how a term shows in the selector.
func termLabel(t model.Term) string { return app.Option{Code: t.Code, Name: t.Name}.Label() }

// setChoicesQuietly gives sel its options and choice without running its
// OnChanged.
func setChoicesQuietly(sel *widget.Select, opts []string, chosen string) {
	on := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = opts
	sel.SetSelected(chosen)
	sel.Refresh()
	sel.OnChanged = on
}

// setCountyChoices fills a county filter with 全部 and the counties. With
// nothing chosen yet it chooses 全部, which runs the filter's OnChanged,
// and reports true; otherwise the caller filters again itself.
func setCountyChoices(sel *widget.Select, counties []app.Option) bool {
	sel.Options = append([]string{all}, labels(counties)...)
	if sel.Selected == "" {
		sel.SetSelected(all)
		return true
	}
	sel.Refresh()
	return false
}
