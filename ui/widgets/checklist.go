package widgets

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// CheckItem is one line of a check list: its key, its text and a grey note
// after it (e.g. "县直机关 · 已在2025-1巡察").
type CheckItem struct {
	Key, Text, Note string
}

// CheckList is a long list of items with a check box each, for picking
// many of thousands (a team's units). It scrolls lazily, and what is
// checked is kept by key, so it survives a change of the items shown (a
// filter).
type CheckList struct {
	widget.BaseWidget
	items    []CheckItem
	checked  map[string]bool
	list     *widget.List
	disabled bool

	// OnChanged is called when the clerk has checked or cleared an item
	// (Checked already says so); it returns false to undo the change. Nil
	// accepts every change.
	OnChanged func(key string, on bool) bool
}

// NewCheckList returns an empty check list.
func NewCheckList() *CheckList {
	l := &CheckList{checked: map[string]bool{}}
	l.list = widget.NewList(func() int { return len(l.items) }, l.createItem, l.updateItem)
	l.ExtendBaseWidget(l)
	return l
}

// NoteWidth is the width of the notes' column.
const NoteWidth = 330

func (l *CheckList) createItem() fyne.CanvasObject {
	note := widget.NewLabel("")
	note.Truncation = fyne.TextTruncateEllipsis
	check := widget.NewCheck("", nil)
	return container.New(&Columns{Widths: []float32{0, NoteWidth}}, check, note)
}

func (l *CheckList) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	check := c.Objects[0].(*widget.Check)
	note := c.Objects[1].(*widget.Label)
	if id >= len(l.items) {
		return
	}
	it := l.items[id]
	check.OnChanged = nil
	check.Text = it.Text
	check.Checked = l.checked[it.Key]
	check.Refresh()
	if l.disabled {
		check.Disable()
	} else {
		check.Enable()
	}
	note.SetText(it.Note)
	key := it.Key
	check.OnChanged = func(on bool) { l.set(key, on, id) }
}

// set records a change the clerk made, unless OnChanged refuses it.
func (l *CheckList) set(key string, on bool, id widget.ListItemID) {
	if l.checked[key] == on {
		return
	}
	l.setKey(key, on)
	if l.OnChanged != nil && !l.OnChanged(key, on) {
		l.setKey(key, !on)
		l.list.RefreshItem(id)
	}
}

func (l *CheckList) setKey(key string, on bool) {
	if on {
		l.checked[key] = true
	} else {
		delete(l.checked, key)
	}
}

// SetItems replaces the items shown; what is checked stays checked.
func (l *CheckList) SetItems(items []CheckItem) {
	l.items = items
	l.list.UnselectAll()
	l.list.ScrollToTop()
	l.list.Refresh()
}

// Items returns the items shown.
func (l *CheckList) Items() []CheckItem { return l.items }

// SetChecked replaces what is checked.
func (l *CheckList) SetChecked(keys []string) {
	l.checked = make(map[string]bool, len(keys))
	for _, k := range keys {
		l.checked[k] = true
	}
	l.list.Refresh()
}

// IsChecked reports whether key is checked.
func (l *CheckList) IsChecked(key string) bool { return l.checked[key] }

// Checked returns the checked keys (shown or not), sorted.
func (l *CheckList) Checked() []string {
	out := make([]string, 0, len(l.checked))
	for k := range l.checked {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// CheckShown checks (or clears) every item shown, each as if the clerk
// had clicked it.
func (l *CheckList) CheckShown(on bool) {
	for i, it := range l.items {
		l.set(it.Key, on, i)
	}
	l.list.Refresh()
}

// Item returns the check box of item i as the list draws it, wired to the
// list: for tests.
func (l *CheckList) Item(i int) *widget.Check {
	o := l.createItem()
	l.updateItem(i, o)
	return o.(*fyne.Container).Objects[0].(*widget.Check)
}

// Enable lets the clerk check items.
func (l *CheckList) Enable() {
	l.disabled = false
	l.list.Refresh()
}

// Disable shows the items read-only.
func (l *CheckList) Disable() {
	l.disabled = true
	l.list.Refresh()
}

// CreateRenderer draws the scrolling list.
func (l *CheckList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.list)
}
