package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/ui/widgets"
)

// codeTable is the table of 人员库 and 单位: rows known by their code, a
// header that sorts by its column on a tap (▲/▼), a tap on a row that
// selects it and a double tap that opens it. The screen owns the rows;
// view says which of them show, in order.
type codeTable struct {
	table    *widget.Table
	view     []int // the screen's rows shown, in order
	selected string
	sortCol  int
	sortAsc  bool

	columns []string
	cell    func(row, col int) (code, text string) // row: a screen row, not a view index
	resort  func()                                 // sort the screen's rows by sortCol, sortAsc and show them again
	open    func()                                 // open the selected row
}

// newCodeTable makes the table; it sorts by the first column, ascending.
func newCodeTable(columns []string, widths []float32, cell func(row, col int) (code, text string), resort, open func()) *codeTable {
	t := &codeTable{sortAsc: true, columns: columns, cell: cell, resort: resort, open: open}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.view), len(t.columns) },
		func() fyne.CanvasObject { return widgets.NewCell() },
		t.updateCell)
	buttonHeaders(t.table, widths, t.updateHeader)
	return t
}

// buttonHeaders gives table tab flat buttons as column titles (a tap on
// one sorts by it, as update sets), no row headers, and the columns'
// widths.
func buttonHeaders(tab *widget.Table, widths []float32, update func(widget.TableCellID, fyne.CanvasObject)) {
	tab.ShowHeaderColumn = false
	tab.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	tab.UpdateHeader = update
	for i, w := range widths {
		tab.SetColumnWidth(i, w)
	}
}

func (t *codeTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*widgets.Cell)
	if id.Row >= len(t.view) {
		c.Set("", false, nil)
		return
	}
	code, text := t.cell(t.view[id.Row], id.Col)
	c.Set(text, code == t.selected, theme.Color(theme.ColorNameSelection))
	c.OnTapped = func() { t.selectCode(code) }
	c.OnDoubleTapped = func() { t.selectCode(code); t.open() }
}

func (t *codeTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		b.SetText("")
		return
	}
	b.SetText(headerText(t.columns[id.Col], id.Col == t.sortCol, t.sortAsc))
	col := id.Col
	b.OnTapped = func() { t.onSort(col) }
}

// headerText is a column title with the sort arrow when sorted by it.
func headerText(title string, sorted, asc bool) string {
	switch {
	case !sorted:
		return title
	case asc:
		return title + " ▲"
	}
	return title + " ▼"
}

// onSort sorts by col, or turns the order round when already sorted by it.
func (t *codeTable) onSort(col int) {
	if col == t.sortCol {
		t.sortAsc = !t.sortAsc
	} else {
		t.sortCol, t.sortAsc = col, true
	}
	t.resort()
}

// selectCode selects the row with code.
func (t *codeTable) selectCode(code string) {
	t.selected = code
	t.table.Refresh()
}
