package ui

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/ui/widgets"
)

// rowTable is a table of rows known by a key (a code), worked like a
// spreadsheet's: a tap selects a row (Ctrl+tap adds or removes one,
// Shift+tap a range), the keyboard moves the current row and selects
// (widgets.Table), a double tap or Enter opens the current row, a right
// click opens the menu of what is selected, Ctrl+C copies the selected
// rows as tab-separated text that pastes into Excel or WPS, and a cell cut
// short shows its whole text in the window's status line. The screen
// gives the rows, their keys and texts, and what opening and the menu do.
type rowTable struct {
	table   *widgets.Table
	columns []string

	rows func() int                // rows shown
	key  func(row int) string      // the key of a row shown
	text func(row, col int) string // what a cell shows

	cur      string          // the current row's key ("" none)
	selected map[string]bool // the rows selected; the current one among them
	anchor   string          // where a Shift range starts

	onOpen    func()            // opens the current row; may be nil
	onCurrent func()            // the current row changed; may be nil
	menu      func() *fyne.Menu // the right-click menu of the selection; nil: 复制 only
	header    func(col int, h *widgets.HeaderCell)
	warn      func(row, col int) bool // cells shown in the danger colour; may be nil
	wrap      int                     // the column whose text wraps, its rows as tall as it needs; -1 none
	widths    []float32
}

// newRowTable makes the table of columns with widths.
func newRowTable(columns []string, widths []float32, rows func() int, key func(int) string, text func(row, col int) string) *rowTable {
	t := &rowTable{columns: columns, rows: rows, key: key, text: text, selected: map[string]bool{}, wrap: -1, widths: widths}
	t.table = widgets.NewTable(func() (int, int) { return t.rows(), len(t.columns) },
		func() fyne.CanvasObject { return widgets.NewCell() }, t.updateCell)
	t.table.UpdateHeader = t.updateHeader
	t.table.OnMove = t.move
	t.table.OnOpen = t.open
	t.table.OnToggle = t.toggle
	t.table.OnSelectAll = t.selectAll
	t.table.OnCopy = t.copyText
	t.table.OnFocus = func() {
		if t.cur == "" && t.rows() > 0 {
			t.setCurrent(0, false)
		}
	}
	for i, w := range widths {
		t.table.SetColumnWidth(i, w)
	}
	return t
}

func (t *rowTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*widgets.Cell)
	if id.Row >= t.rows() {
		c.Set("", false, nil)
		c.OnSelect, c.OnDoubleTapped, c.OnMenu = nil, nil, nil
		return
	}
	k := t.key(id.Row)
	c.Label.Truncation, c.Label.Wrapping = fyne.TextTruncateEllipsis, fyne.TextWrapOff
	if id.Col == t.wrap {
		c.Label.Truncation, c.Label.Wrapping = fyne.TextTruncateOff, fyne.TextWrapBreak
	}
	c.Label.Importance = widget.MediumImportance
	if t.warn != nil && t.warn(id.Row, id.Col) {
		c.Label.Importance = widget.DangerImportance
	}
	c.Set(t.text(id.Row, id.Col), t.selected[k], theme.Color(theme.ColorNameSelection))
	row := id.Row
	c.OnSelect = func(mod fyne.KeyModifier) { t.tap(row, mod) }
	c.OnDoubleTapped = func() {
		t.tap(row, 0) // a table acting on a click has done so
		if t.onOpen != nil {
			t.open()
		}
	}
	c.OnMenu = func(at fyne.Position) { t.showMenu(row, at) }
	c.OnHover = func(full string) { showHint(t.table, full) }
}

func (t *rowTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*widgets.HeaderCell)
	if id.Col < 0 || id.Col >= len(t.columns) {
		h.SetText("")
		h.OnTapped = nil
		return
	}
	h.SetText(t.columns[id.Col])
	h.OnTapped = nil
	if t.header != nil {
		t.header(id.Col, h)
	}
}

// rowOf is the row shown with key k, -1 for none.
func (t *rowTable) rowOf(k string) int {
	if k == "" {
		return -1
	}
	for r, n := 0, t.rows(); r < n; r++ {
		if t.key(r) == k {
			return r
		}
	}
	return -1
}

// tap selects row as a click with mod does, and gives the table the
// keyboard.
func (t *rowTable) tap(row int, mod fyne.KeyModifier) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.table); c != nil {
		c.Focus(t.table)
	}
	k := t.key(row)
	switch {
	case mod&fyne.KeyModifierShift != 0:
		t.selectRange(row)
	case mod&fyne.KeyModifierShortcutDefault != 0:
		if t.selected[k] && len(t.selected) > 1 {
			delete(t.selected, k)
		} else {
			t.selected[k] = true
		}
		t.anchor = k
	default:
		t.selected = map[string]bool{k: true}
		t.anchor = k
	}
	t.current(k)
	if f := t.table.OnSelected; f != nil {
		f(widget.TableCellID{Row: row})
	}
}

// fitRows makes each row as tall as the wrapped column's text needs.
func (t *rowTable) fitRows() {
	if t.wrap < 0 || t.wrap >= len(t.widths) {
		return
	}
	for r, n := 0, t.rows(); r < n; r++ {
		t.table.SetRowHeight(r, wrappedHeight(t.text(r, t.wrap), t.widths[t.wrap]))
	}
}

// wrappedHeight is the height of a label of width w showing text wrapped
// (at least one line).
func wrappedHeight(text string, w float32) float32 {
	size, pad := theme.TextSize(), theme.InnerPadding()
	one := fyne.MeasureText("国", size, fyne.TextStyle{})
	avail := max(w-2*pad, one.Width)
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(float64(fyne.MeasureText(para, size, fyne.TextStyle{}).Width/avail))))
	}
	return float32(lines)*one.Height + 2*pad
}

// move moves the current row by delta, extending the selection with
// Shift.
func (t *rowTable) move(delta int, extend bool) {
	n := t.rows()
	if n == 0 {
		return
	}
	from := t.rowOf(t.cur)
	to := max(0, min(n-1, from+delta))
	if from < 0 {
		to = 0
	}
	t.setCurrent(to, extend)
}

// setCurrent makes row the current one: the only one selected, or the end
// of the range from the anchor when extend.
func (t *rowTable) setCurrent(row int, extend bool) {
	k := t.key(row)
	if extend && t.anchor != "" {
		t.selectRange(row)
	} else {
		t.selected = map[string]bool{k: true}
		t.anchor = k
	}
	t.current(k)
	t.table.ShowRow(row)
}

// selectRange selects the rows from the anchor to row.
func (t *rowTable) selectRange(row int) {
	a := t.rowOf(t.anchor)
	if a < 0 {
		a, t.anchor = row, t.key(row)
	}
	t.selected = map[string]bool{}
	for r := min(a, row); r <= max(a, row); r++ {
		t.selected[t.key(r)] = true
	}
}

// current makes k the current row and tells the screen.
func (t *rowTable) current(k string) {
	t.cur = k
	t.table.Refresh()
	if t.onCurrent != nil {
		t.onCurrent()
	}
}

// toggle marks or unmarks the current row (Space).
func (t *rowTable) toggle() {
	if t.cur == "" {
		return
	}
	if t.selected[t.cur] && len(t.selected) > 1 {
		delete(t.selected, t.cur)
	} else {
		t.selected[t.cur] = true
	}
	t.table.Refresh()
}

// selectAll selects every row shown (Ctrl+A).
func (t *rowTable) selectAll() {
	t.selected = map[string]bool{}
	for r, n := 0, t.rows(); r < n; r++ {
		t.selected[t.key(r)] = true
	}
	if t.cur == "" && t.rows() > 0 {
		t.cur = t.key(0)
	}
	t.table.Refresh()
}

// open opens the current row (Enter, a double-click): onOpen, or for a
// table that acts on a click (its OnSelected), that.
func (t *rowTable) open() {
	switch {
	case t.cur == "":
	case t.onOpen != nil:
		t.onOpen()
	case t.table.OnSelected != nil:
		if r := t.rowOf(t.cur); r >= 0 {
			t.table.OnSelected(widget.TableCellID{Row: r})
		}
	}
}

// selectKey makes k the current and only selected row (after a save, a
// search), scrolled into view when shown.
func (t *rowTable) selectKey(k string) {
	t.selected = map[string]bool{}
	if k != "" {
		t.selected[k] = true
	}
	t.anchor = k
	t.cur = k
	if r := t.rowOf(k); r >= 0 {
		t.table.ShowRow(r)
	}
	t.table.Refresh()
}

// keys are the keys of the rows selected that are shown, in the order
// shown.
func (t *rowTable) keys() []string {
	var out []string
	for r, n := 0, t.rows(); r < n; r++ {
		if k := t.key(r); t.selected[k] {
			out = append(out, k)
		}
	}
	return out
}

// copyText is the rows selected, with the column titles first, as
// tab-separated lines (what Excel and WPS paste as cells).
func (t *rowTable) copyText() string {
	var b strings.Builder
	n := 0
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(strings.Join(strings.Fields(c), " "))
		}
		b.WriteString("\r\n")
	}
	line(t.columns)
	for r, rows := 0, t.rows(); r < rows; r++ {
		if !t.selected[t.key(r)] {
			continue
		}
		cells := make([]string, len(t.columns))
		for c := range cells {
			cells[c] = t.text(r, c)
		}
		line(cells)
		n++
	}
	if n == 0 {
		return ""
	}
	return b.String()
}

// copySelection puts the rows selected on the clipboard.
func (t *rowTable) copySelection() {
	if text := t.copyText(); text != "" {
		fyne.CurrentApp().Clipboard().SetContent(text)
	}
}

// showMenu opens the right-click menu at the row clicked: the row joins
// the selection when it is not in it.
func (t *rowTable) showMenu(row int, at fyne.Position) {
	if k := t.key(row); !t.selected[k] {
		t.tap(row, 0)
	}
	m := fyne.NewMenu("", fyne.NewMenuItem("复制所选行（Ctrl+C）", t.copySelection))
	if t.menu != nil {
		m = t.menu()
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.table); c != nil {
		widget.ShowPopUpMenuAtPosition(m, c, at)
	}
}

// copyItem is the menu item that copies the selection.
func (t *rowTable) copyItem() *fyne.MenuItem {
	return fyne.NewMenuItem("复制所选行（Ctrl+C）", t.copySelection)
}
