package workbook

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// notes open the 说明 sheet.
var notes = []string{
	"巡察统筹 导入模板",
	"· 每个工作表第1行是表头（列名），不要改动；带 * 的列必填。可以删去不用的工作表，也可以另加列（导入时忽略）。",
	"· 导入按编码（编号）合并：已有的编码会被更新，没有的会新增；数据库中有而文件中没有的不会被删除。",
	"· 文件中只要有一处错误，就不会写入任何数据（除非选择“只导入无误的行”），错误清单会列出工作表、行和列。",
	"· 日期可写 2026-03-01、2026/3/1、2026年3月1日，或使用 Excel 日期格式。身份证号为18位，按校验位核对。",
	"· 也可以把每个工作表另存为 CSV（UTF-8 或 GBK/GB18030 编码），文件名即工作表名，如 人员.csv。",
}

// WriteTemplate writes an empty import workbook to path: a 说明 sheet that
// describes every column and the words it accepts, then every sheet of
// SPEC §6.1 with its header row (required columns marked *), its cells
// formatted as text (so that codes and ID numbers keep their digits), and
// drop-down lists where a cell takes one word of a list.
func WriteTemplate(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
	})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", "说明"); err != nil {
		return err
	}
	if err := writeNotes(f, head); err != nil {
		return err
	}
	for _, d := range sheetDefs() {
		if err := templateSheet(f, d, head, text); err != nil {
			return fmt.Errorf("模板工作表 %s: %w", d.name, err)
		}
	}
	f.SetActiveSheet(0)
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

// writeNotes fills the 说明 sheet.
func writeNotes(f *excelize.File, head int) error {
	const sheet = "说明"
	row := 1
	for _, n := range notes {
		if err := f.SetCellValue(sheet, "A"+strconv.Itoa(row), n); err != nil {
			return err
		}
		row++
	}
	row++
	cell := "A" + strconv.Itoa(row)
	if err := f.SetSheetRow(sheet, cell, &[]any{"工作表", "列", "必填", "说明"}); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell, "D"+strconv.Itoa(row), head); err != nil {
		return err
	}
	for _, d := range sheetDefs() {
		for _, c := range d.cols {
			row++
			req := ""
			if c.required {
				req = "是"
			}
			if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(row), &[]any{d.name, c.name, req, c.help}); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sheet, "A", "C", 14); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "D", "D", 100)
}

// templateSheet adds one empty data sheet.
func templateSheet(f *excelize.File, d sheetDef, head, text int) error {
	if _, err := f.NewSheet(d.name); err != nil {
		return err
	}
	h := headers(d)
	last, _ := excelize.ColumnNumberToName(len(h))
	if err := f.SetColStyle(d.name, "A:"+last, text); err != nil {
		return err
	}
	if err := f.SetSheetRow(d.name, "A1", &h); err != nil {
		return err
	}
	if err := f.SetCellStyle(d.name, "A1", last+"1", head); err != nil {
		return err
	}
	for i, w := range widths(h, nil) {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(d.name, col, col, w+2); err != nil {
			return err
		}
	}
	if err := f.SetPanes(d.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, c := range d.cols {
		if len(c.choices) == 0 {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + "1048576"
		if err := dv.SetDropList(c.choices); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.name, "请从下拉列表中选择")
		if err := f.AddDataValidation(d.name, dv); err != nil {
			return err
		}
	}
	return nil
}

// WriteProblems writes problems to an xlsx at path, one a row: 工作表, 行,
// 列, 问题.
func WriteProblems(path string, ps []Problem) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	rows := make([][]string, len(ps))
	for i, p := range ps {
		row := ""
		if p.Row > 0 {
			row = strconv.Itoa(p.Row)
		}
		rows[i] = []string{p.Sheet, row, p.Column, p.Message}
	}
	if err := b.write("导入问题", []string{"工作表", "行", "列", "问题"}, rows); err != nil {
		b.f.Close()
		return err
	}
	return b.save(path)
}
