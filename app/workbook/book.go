package workbook

import (
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// book writes a workbook sheet by sheet through excelize's stream writer,
// so that exports of a province's data stay in bounded memory.
type book struct {
	f      *excelize.File
	sheets int
	head   int // style of header cells
}

func newBook() (*book, error) {
	f := excelize.NewFile()
	head, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	return &book{f: f, head: head}, nil
}

// add starts a sheet named name: the first sheet takes the place of the
// new file's Sheet1.
func (b *book) add(name string) error {
	b.sheets++
	if b.sheets == 1 {
		return b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return err
}

// write adds a sheet with a header row and rows. Column widths follow the
// header and the first rows.
func (b *book) write(name string, header []string, rows [][]string) error {
	if err := b.add(name); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, w := range widths(header, rows) {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: b.head, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for r, row := range rows {
		cells := make([]any, len(row))
		for i, v := range row {
			if v != "" {
				cells[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// save writes the workbook to path.
func (b *book) save(path string) error {
	defer b.f.Close()
	// The first sheet is active already; SetActiveSheet would parse every
	// streamed sheet back.
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return b.f.Write(w) })
}

// widths sizes columns to the header and the first hundred rows; a CJK
// character counts double.
func widths(header []string, rows [][]string) []float64 {
	out := make([]float64, len(header))
	measure := func(i int, s string) {
		w := 0.0
		for _, r := range s {
			if utf8.RuneLen(r) > 1 {
				w += 2
			} else {
				w++
			}
		}
		if w+2 > out[i] {
			out[i] = w + 2
		}
	}
	for i, h := range header {
		measure(i, h)
	}
	for r, row := range rows {
		if r == 100 {
			break
		}
		for i, v := range row {
			if i < len(out) {
				measure(i, v)
			}
		}
	}
	for i := range out {
		if out[i] < 8 {
			out[i] = 8
		}
		if out[i] > 60 {
			out[i] = 60
		}
	}
	return out
}

// headers returns the header row of a sheet, required columns marked *.
func headers(d sheetDef) []string {
	out := make([]string, len(d.cols))
	for i, c := range d.cols {
		out[i] = c.header()
	}
	return out
}

// cellsOf writes values of T as rows of e's sheet.
func cellsOf[T any](e *entity[T], vals []T) [][]string {
	out := make([][]string, len(vals))
	for i := range vals {
		row := make([]string, len(e.fields))
		for j, f := range e.fields {
			row[j] = f.get(&vals[i])
		}
		out[i] = row
	}
	return out
}

// writeEntity adds e's sheet with vals.
func writeEntity[T any](b *book, e *entity[T], vals []T) error {
	return b.write(e.sheet, headers(e.def()), cellsOf(e, vals))
}
