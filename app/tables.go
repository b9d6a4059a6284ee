package app

// A screen's tables written to a workbook, for a report (总览's export).

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// TableSheet is one table a screen shows: the sheet's name, the column
// titles and the rows, as text.
type TableSheet struct {
	Name    string
	Columns []string
	Rows    [][]string
}

// ExportTables writes sheets to an xlsx workbook at path, in order: titles
// in bold, every cell as text, columns as wide as their longest text (up
// to a limit). It needs PermRead.
func (s *Service) ExportTables(path string, sheets []TableSheet) error {
	if err := s.Require(PermRead); err != nil {
		return err
	}
	if len(sheets) == 0 {
		return fmt.Errorf("没有要导出的表")
	}
	x := excelize.NewFile()
	defer x.Close()
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		name := sheetName(sh.Name)
		if i == 0 {
			err = x.SetSheetName("Sheet1", name)
		} else {
			_, err = x.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("工作表“%s”：%w", sh.Name, err)
		}
		widths := make([]int, len(sh.Columns))
		for r, row := range append([][]string{sh.Columns}, sh.Rows...) {
			cells := make([]any, len(row))
			for c, v := range row {
				cells[c] = v
				if c < len(widths) {
					widths[c] = max(widths[c], TextWidth(v))
				}
			}
			at, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := x.SetSheetRow(name, at, &cells); err != nil {
				return err
			}
		}
		for c, w := range widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := x.SetColWidth(name, col, col, float64(min(max(w, 6), 60))+2); err != nil {
				return err
			}
		}
		if len(sh.Columns) > 0 {
			last, _ := excelize.CoordinatesToCellName(len(sh.Columns), 1)
			if err := x.SetCellStyle(name, "A1", last, bold); err != nil {
				return err
			}
		}
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return x.Write(w) })
}

// sheetName is a name Excel takes for a sheet: at most 31 characters,
// without []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 31 {
		s = string([]rune(s)[:31])
	}
	return s
}

// TextWidth is a text's width in columns of a fixed-width face (Excel's
// columns, a console): a Chinese character counts two.
func TextWidth(s string) int {
	n := 0
	for _, r := range s {
		if r > 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
