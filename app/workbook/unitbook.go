package workbook

// The unit's round trip (SPEC §9.2): one unit's rectification items as a
// workbook for the unit to fill in (措施, 状态, 完成日期, 进展), with the
// columns it must not change locked by sheet protection, and the filled
// file read back. Reading only reports what the file says; the service
// compares it with the database and refuses what the unit may not set —
// protection can be lifted by anyone, so it is a convenience, not the
// guard.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"xuncha/app/fieldrule"
	"xuncha/app/outfile"
)

// The sheets of a unit's workbook.
const (
	UnitSheet     = "单位整改填报"
	UnitNoteSheet = "说明"
)

// UnitColumn is a column of the unit's sheet; Editable ones the unit fills.
type UnitColumn struct {
	Name     string
	Editable bool
}

// UnitColumns are the unit's sheet's columns, in order.
var UnitColumns = []UnitColumn{
	{"整改编号", false}, {"问题类别", false}, {"问题描述", false}, {"整改措施", true}, {"责任部门", false},
	{"责任人", false}, {"完成时限", false}, {"状态", true}, {"完成日期", true}, {"整改进展", true},
	{"审核结果", false}, {"审核人", false}, {"销号日期", false},
}

// UnitRow is one item as the unit's sheet holds it, cells by column name.
type UnitRow struct {
	Row   int               // spreadsheet row
	Cells map[string]string // by UnitColumns' names
}

// UnitBook is a unit's workbook: whose it is and its rows.
type UnitBook struct {
	Unit, UnitName, Round, RoundName string
	Rows                             []UnitRow
}

// unitDataRow is the first data row: a title row, then the header.
const unitDataRow = 3

// unitNotes is the 说明 sheet's text, one paragraph a line.
var unitNotes = []string{
	"本工作簿由巡察办导出，请被巡察单位填写整改落实情况后交回巡察办导入。",
	"只能填写白色底色的列：整改措施、状态（未启动、整改中、已完成）、完成日期、整改进展。",
	"灰色底色的列（整改编号、问题、责任部门、责任人、完成时限、审核结果、审核人、销号日期）由巡察办填写，单位不能修改；导入时这些列与巡察办的记录不一致的，整份文件不予导入并指出单元格。",
	"状态填 已完成 时须填写完成日期；日期写作 2026-03-01。不要增删行、不要改动工作表名称。",
	"审核、销号由巡察办办理，单位填写的审核结果、审核人、销号日期一律不予接受。",
}

// WriteUnitBook writes ub to path (through a temporary file and a rename).
func WriteUnitBook(path string, ub UnitBook) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", UnitSheet); err != nil {
		return err
	}
	locked, err := f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	open, err := f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: false},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, NumFmt: 49})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Protection: &excelize.Protection{Locked: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s（%s）整改落实情况 — %s（%s）", ub.UnitName, ub.Unit, ub.RoundName, ub.Round)
	last, _ := excelize.ColumnNumberToName(len(UnitColumns))
	steps := []func() error{
		func() error { return f.SetCellStr(UnitSheet, "A1", title) },
		func() error { return f.MergeCell(UnitSheet, "A1", last+"1") },
	}
	for _, e := range steps {
		if err := e(); err != nil {
			return err
		}
	}
	for i, c := range UnitColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 12.0
		switch c.Name {
		case "问题描述", "整改措施", "整改进展":
			width = 36
		}
		if err := f.SetColWidth(UnitSheet, col, col, width); err != nil {
			return err
		}
		if err := f.SetCellStr(UnitSheet, col+"2", c.Name); err != nil {
			return err
		}
		if err := f.SetCellStyle(UnitSheet, col+"2", col+"2", head); err != nil {
			return err
		}
		style := locked
		if c.Editable {
			style = open
		}
		lastRow := unitDataRow + max(len(ub.Rows), 1) - 1
		if err := f.SetCellStyle(UnitSheet, fmt.Sprintf("%s%d", col, unitDataRow), fmt.Sprintf("%s%d", col, lastRow), style); err != nil {
			return err
		}
		for r, row := range ub.Rows {
			if err := f.SetCellStr(UnitSheet, fmt.Sprintf("%s%d", col, unitDataRow+r), row.Cells[c.Name]); err != nil {
				return err
			}
		}
	}
	if len(ub.Rows) > 0 {
		col := columnLetter("状态")
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, unitDataRow, col, unitDataRow+len(ub.Rows)-1)
		if err := dv.SetDropList([]string{"未启动", "整改中", "已完成"}); err != nil {
			return err
		}
		if err := f.AddDataValidation(UnitSheet, dv); err != nil {
			return err
		}
	}
	prot := &excelize.SheetProtectionOptions{Password: unitBookPassword(ub.Unit), SelectLockedCells: true,
		SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}
	if err := f.ProtectSheet(UnitSheet, prot); err != nil {
		return err
	}
	if _, err := f.NewSheet(UnitNoteSheet); err != nil {
		return err
	}
	notes := [][]string{{"单位编码", ub.Unit}, {"单位名称", ub.UnitName}, {"轮次编码", ub.Round}, {"轮次名称", ub.RoundName}, {}}
	for _, n := range unitNotes {
		notes = append(notes, []string{n})
	}
	for r, row := range notes {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(UnitNoteSheet, cell, v); err != nil {
				return err
			}
		}
	}
	f.SetColWidth(UnitNoteSheet, "A", "A", 12)
	f.SetColWidth(UnitNoteSheet, "B", "B", 40)
	if err := f.ProtectSheet(UnitNoteSheet, prot); err != nil {
		return err
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

// unitBookPassword is the sheet protection's password: not a secret (the
// import checks every locked cell), only a guard against slips.
func unitBookPassword(unit string) string { return "xc-" + unit }

// columnLetter is the letter of a unit column.
func columnLetter(name string) string {
	for i, c := range UnitColumns {
		if c.Name == name {
			l, _ := excelize.ColumnNumberToName(i + 1)
			return l
		}
	}
	return ""
}

// UnitCell names a cell of the unit's sheet for messages: "单位整改填报 第5行 审核结果".
func UnitCell(row int, col string) string { return fmt.Sprintf("%s 第%d行 %s", UnitSheet, row, col) }

// Limits of a unit's file: it holds one unit's items.
const (
	maxUnitFile = 20 << 20
	maxUnitRows = 5000
)

// unitLimits are an import's limits, narrowed to a file that holds one
// unit's items.
func unitLimits() *limits {
	l := defaultLimits()
	l.zip.File = maxUnitFile
	l.rows = maxUnitRows
	l.total = 2 * maxUnitRows
	return l
}

// readUnitSheets reads the rows of the unit's two sheets with the
// program's own reader (xlsx.go), as every workbook import is read: the
// zip and every part checked, a damaged, cut or oversized file refused
// whole. Each row comes back with its cells in column order.
func readUnitSheets(path string) (map[string][]UnitCells, error) {
	base := filepath.Base(path)
	lim := unitLimits()
	want := func(n string) bool { n = cleanCell(n); return n == UnitSheet || n == UnitNoteSheet }
	book, err := openXLSX(path, lim, want)
	if err != nil {
		return nil, bookError(base, err)
	}
	defer book.close()
	sst, err := book.readSharedStrings(&budget{lim: lim})
	if err != nil {
		return nil, bookError(base, err)
	}
	out := map[string][]UnitCells{}
	for _, sh := range book.sheets {
		name := cleanCell(sh.name)
		if !want(name) {
			continue
		}
		rows, err := readUnitSheet(book, sh, sst)
		if err != nil {
			return nil, refused(fmt.Sprintf("工作簿 %s 的工作表“%s”", base, name), err, false)
		}
		out[name] = rows
	}
	return out, nil
}

// UnitCells is a row of a unit's sheet: its number and its cells by column.
type UnitCells struct {
	num   int
	cells []string
}

// readUnitSheet reads every row of one sheet.
func readUnitSheet(book *xlsxBook, sh xlsxSheet, sst *sharedStrings) ([]UnitCells, error) {
	r, err := book.openSheet(sh, sst)
	if err != nil {
		return nil, err
	}
	defer r.close()
	var out []UnitCells
	for {
		row, err := r.next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if len(out) >= maxUnitRows {
			return nil, fmt.Errorf("超过 %d 行，不是一个单位的整改填报表", maxUnitRows)
		}
		u := UnitCells{num: row.num}
		for _, c := range row.cells {
			for len(u.cells) < c.col {
				u.cells = append(u.cells, "")
			}
			u.cells = append(u.cells, c.val)
		}
		out = append(out, u)
	}
}

// ReadUnitBook reads a unit's filled workbook. Problems with its content
// (a missing column, a cell too long) come back as Problems; the error is
// for a file that cannot be read at all (missing, not an xlsx, damaged,
// over the limits).
func ReadUnitBook(path string) (*UnitBook, []Problem, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("无法读取 %s: %w", path, err)
	}
	if st.Size() > maxUnitFile {
		return nil, nil, fmt.Errorf("文件 %s 超过 %d MB，不是单位整改填报表", filepath.Base(path), maxUnitFile>>20)
	}
	sheets, err := readUnitSheets(path)
	if err != nil {
		return nil, nil, err
	}
	ub := &UnitBook{}
	var probs []Problem
	note := func(key string) string {
		for _, r := range sheets[UnitNoteSheet] {
			if r.num <= 4 && len(r.cells) >= 2 && cleanCell(r.cells[0]) == key {
				return cleanCell(r.cells[1])
			}
		}
		return ""
	}
	ub.Unit, ub.UnitName, ub.Round, ub.RoundName = note("单位编码"), note("单位名称"), note("轮次编码"), note("轮次名称")
	if ub.Unit == "" {
		probs = append(probs, Problem{Sheet: UnitNoteSheet, Message: "找不到单位编码：这不是巡察办导出的单位整改填报表"})
	}
	rows, ok := sheets[UnitSheet]
	if !ok {
		return nil, append(probs, Problem{Sheet: UnitSheet, Message: "找不到工作表“" + UnitSheet + "”"}), nil
	}
	var colOf map[string]int
	for _, row := range rows {
		num, cells := row.num, row.cells
		if num < unitDataRow-1 {
			continue
		}
		if num == unitDataRow-1 {
			colOf = map[string]int{}
			for i, c := range cells {
				colOf[headerName(c)] = i
			}
			for _, c := range UnitColumns {
				if _, ok := colOf[c.Name]; !ok {
					probs = append(probs, Problem{Sheet: UnitSheet, Row: num, Column: c.Name, Message: msgMissingColumn})
				}
			}
			continue
		}
		if colOf == nil || blankText(cells) {
			continue
		}
		r := UnitRow{Row: num, Cells: map[string]string{}}
		for _, c := range UnitColumns {
			i, ok := colOf[c.Name]
			if !ok || i >= len(cells) {
				continue
			}
			v := cleanCell(cells[i])
			if err := fieldrule.CheckText(v); err != nil {
				probs = append(probs, Problem{Sheet: UnitSheet, Row: num, Column: c.Name, Message: err.Error()})
				v = ""
			}
			r.Cells[c.Name] = v
		}
		ub.Rows = append(ub.Rows, r)
	}
	if colOf == nil {
		probs = append(probs, Problem{Sheet: UnitSheet, Message: msgEmptyFile})
	}
	if len(probs) == 0 {
		probs = nil
	}
	return ub, probs, nil
}

// blankText reports whether every cell is empty once cleaned.
func blankText(cells []string) bool {
	for _, c := range cells {
		if cleanCell(c) != "" {
			return false
		}
	}
	return true
}
