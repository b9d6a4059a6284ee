package ui

// The lists of codes of the round form (SPEC §8.1): its linked rounds
// (联动轮次) and the units of its 巡审联动 requirement, typed or chosen
// from a list.

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/ui/widgets"
)

// codesField is an entry of codes separated by 、 with a button that
// opens the choices as a check list.
type codesField struct {
	win     fyne.Window
	title   string
	entry   *widget.Entry
	choose  *widget.Button
	choices func() []widgets.CheckItem
	list    *widgets.CheckList // the open dialog's, for tests
	dlg     dialog.Dialog
}

func newCodesField(win fyne.Window, title, placeholder string, choices func() []widgets.CheckItem) *codesField {
	f := &codesField{win: win, title: title, choices: choices, entry: widget.NewEntry()}
	f.entry.SetPlaceHolder(placeholder)
	f.choose = widget.NewButtonWithIcon("选择", theme.ListIcon(), f.open)
	return f
}

func (f *codesField) content() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, f.choose, f.entry)
}

func (f *codesField) set(codes []string) { f.entry.SetText(strings.Join(codes, "、")) }

// codes returns the codes typed, each once.
func (f *codesField) codes() []string {
	var out []string
	for _, c := range strings.FieldsFunc(f.entry.Text, func(r rune) bool { return strings.ContainsRune("、,，;； ", r) }) {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func (f *codesField) text() string { return strings.Join(f.codes(), "、") }

func (f *codesField) setEnabled(on bool) {
	setEnabled(f.entry, on)
	setEnabled(f.choose, on)
}

// open shows the choices with the typed codes checked; 确定 writes the
// checked ones back.
func (f *codesField) open() {
	f.list = widgets.NewCheckList()
	items := f.choices()
	filter := widget.NewEntry()
	filter.SetPlaceHolder("按编码或名称筛选")
	filter.OnChanged = func(s string) {
		var shown []widgets.CheckItem
		for _, it := range items {
			if s == "" || strings.Contains(it.Key+it.Text, strings.TrimSpace(s)) {
				shown = append(shown, it)
			}
		}
		f.list.SetItems(shown)
	}
	content := container.NewBorder(filter, nil, nil, nil, f.list)
	f.dlg = dialog.NewCustomConfirm(f.title, "确定", "取消", content, func(ok bool) {
		if ok {
			f.set(f.list.Checked())
		}
	}, f.win)
	f.dlg.Resize(fyne.NewSize(560, 460))
	f.dlg.Show()
	f.list.SetItems(items) // once on screen: the list scrolls to its top
	f.list.SetChecked(f.codes())
}

// roundChoices are the rounds a round may be linked with: every other
// round of the calendar, its term and dates beside it.
func (f *roundForm) roundChoices() []widgets.CheckItem {
	var out []widgets.CheckItem
	for _, r := range f.s.cal.Snapshot().Rounds {
		if f.round != nil && r.Code == f.round.Code {
			continue
		}
		note := "届期 " + r.Term
		if !r.OnsiteStart.IsZero() {
			note += " · 进驻 " + r.OnsiteStart.String()
		}
		out = append(out, widgets.CheckItem{Key: r.Code, Text: r.Code + " " + r.Name, Note: note})
	}
	return out
}

// unitChoices are the units a 巡审联动 requirement may name.
func (f *roundForm) unitChoices() []widgets.CheckItem {
	sn := f.s.cal.Snapshot()
	out := make([]widgets.CheckItem, 0, len(sn.Units))
	for _, u := range sn.Units {
		out = append(out, widgets.CheckItem{Key: u.Code, Text: u.Code + " " + u.Name, Note: sn.CountyName(u.County) + " · " + u.Category})
	}
	return out
}
