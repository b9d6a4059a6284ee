package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Table is a table of rows that the keyboard reaches (Tab stops on it, not
// on each column title) and moves in, as in a spreadsheet: ↑ ↓, Page Up and
// Page Down, Home and End move the current row (with Shift, extending the
// selection), ← → scroll the columns, Space marks a row, Enter opens it,
// Ctrl+A selects every row and Ctrl+C copies the selected rows. The
// columns are resized by dragging the lines between their titles. The
// screen keeps the rows and which are selected; the table tells it what
// the keys ask through its On… functions.
type Table struct {
	widget.Table

	// OnMove moves the current row by delta rows (negative: up); extend
	// says Shift was held. Home and End move by ±MaxMove.
	OnMove func(delta int, extend bool)
	// OnOpen opens the current row (Enter).
	OnOpen func()
	// OnToggle marks or unmarks the current row (Space).
	OnToggle func()
	// OnSelectAll selects every row (Ctrl+A).
	OnSelectAll func()
	// OnCopy returns the text Ctrl+C puts on the clipboard ("" for none).
	OnCopy func() string
	// OnFocus is called when the table gets the keyboard's focus.
	OnFocus func()

	shift bool
	col   int // the column ← and → brought into view last
}

// MaxMove is the move of Home and End: as far as the rows go.
const MaxMove = 1 << 30

var (
	_ fyne.Focusable    = (*Table)(nil)
	_ fyne.Shortcutable = (*Table)(nil)
	_ desktop.Keyable   = (*Table)(nil)
)

// NewTable returns a table with a header row of column titles, in the
// manner of widget.NewTableWithHeaders; its header cells are HeaderCells.
func NewTable(length func() (rows, cols int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *Table {
	t := &Table{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return NewHeaderCell() }
	t.ExtendBaseWidget(t)
	return t
}

// FocusGained tells OnFocus.
func (t *Table) FocusGained() {
	t.Table.FocusGained()
	if t.OnFocus != nil {
		t.OnFocus()
	}
}

// KeyDown notes Shift.
func (t *Table) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		t.shift = true
	}
}

// KeyUp notes Shift.
func (t *Table) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		t.shift = false
	}
}

// TypedKey moves, marks and opens rows; other keys go to the window.
func (t *Table) TypedKey(ev *fyne.KeyEvent) {
	move := func(d int) {
		if t.OnMove != nil {
			t.OnMove(d, t.shift)
		}
	}
	switch ev.Name {
	case fyne.KeyUp:
		move(-1)
	case fyne.KeyDown:
		move(1)
	case fyne.KeyPageUp:
		move(-t.page())
	case fyne.KeyPageDown:
		move(t.page())
	case fyne.KeyHome:
		move(-MaxMove)
	case fyne.KeyEnd:
		move(MaxMove)
	case fyne.KeyLeft, fyne.KeyRight:
		t.scrollColumn(ev.Name == fyne.KeyRight)
	case fyne.KeySpace:
		if t.OnToggle != nil {
			t.OnToggle()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.OnOpen != nil {
			t.OnOpen()
		}
	default:
		if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
	}
}

// TypedShortcut copies and selects all; other shortcuts go to the window.
func (t *Table) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if t.OnCopy != nil {
			if text := t.OnCopy(); text != "" && sc.Clipboard != nil {
				sc.Clipboard.SetContent(text)
			}
		}
		return
	case *fyne.ShortcutSelectAll:
		if t.OnSelectAll != nil {
			t.OnSelectAll()
		}
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		if sh, ok := c.(fyne.Shortcutable); ok {
			sh.TypedShortcut(s)
		}
	}
}

// ShowRow scrolls row into view, keeping the columns shown.
func (t *Table) ShowRow(row int) {
	t.ScrollTo(widget.TableCellID{Row: row, Col: t.col})
}

// scrollColumn brings the next column right (or left) into view.
func (t *Table) scrollColumn(right bool) {
	_, cols := t.Length()
	if right && t.col < cols-1 {
		t.col++
	} else if !right && t.col > 0 {
		t.col--
	}
	t.ScrollTo(widget.TableCellID{Row: 0, Col: t.col})
}

// page is how many rows the table shows at once.
func (t *Table) page() int {
	h := t.CreateCell().MinSize().Height + t.Theme().Size(theme.SizeNamePadding)
	if h <= 0 {
		return 10
	}
	return max(1, int(t.Size().Height/h)-1)
}

// HeaderCell is a column title that sorts on a tap. Unlike a button it
// takes no keyboard focus: Tab goes from the filters to the rows.
type HeaderCell struct {
	widget.BaseWidget
	Label    *widget.Label
	OnTapped func()
}

var _ fyne.Tappable = (*HeaderCell)(nil)

// NewHeaderCell returns an empty title.
func NewHeaderCell() *HeaderCell {
	h := &HeaderCell{Label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	h.Label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// SetText shows title.
func (h *HeaderCell) SetText(title string) { h.Label.SetText(title) }

// Tapped sorts.
func (h *HeaderCell) Tapped(*fyne.PointEvent) {
	if h.OnTapped != nil {
		h.OnTapped()
	}
}

// Cursor shows a hand over a title that sorts.
func (h *HeaderCell) Cursor() desktop.Cursor {
	if h.OnTapped != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer draws the title.
func (h *HeaderCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.Label)
}
