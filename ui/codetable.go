package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"xuncha/ui/widgets"
)

// codeTable is the table of 人员库 and 单位: a rowTable of rows known by
// their code, whose column titles sort on a tap (▲/▼), where a double tap
// or Enter opens the current row. The screen owns the rows; view says
// which of them show, in order.
type codeTable struct {
	*rowTable
	view    []int // the screen's rows shown, in order
	sortCol int
	sortAsc bool

	cell   func(row, col int) (code, text string) // row: a screen row, not a view index
	resort func()                                 // sort the screen's rows by sortCol, sortAsc and show them again
}

// newCodeTable makes the table; it sorts by the first column, ascending.
// open opens the current row.
func newCodeTable(columns []string, widths []float32, cell func(row, col int) (code, text string), resort, open func()) *codeTable {
	t := &codeTable{sortAsc: true, cell: cell, resort: resort}
	t.rowTable = newRowTable(columns, widths, func() int { return len(t.view) },
		func(r int) string { code, _ := t.cell(t.view[r], 0); return code },
		func(r, c int) string { _, text := t.cell(t.view[r], c); return text })
	t.onOpen = open
	t.header = func(col int, h *widgets.HeaderCell) {
		h.SetText(headerText(t.columns[col], col == t.sortCol, t.sortAsc))
		h.OnTapped = func() { t.onSort(col) }
	}
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
