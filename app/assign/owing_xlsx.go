package assign

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"xuncha/app/civil"
	"xuncha/app/outfile"
)

// SheetOwing is the sheet of the owing report's workbook.
const SheetOwing = "新提拔待参加巡察"

// OwingColumns are the columns of the owing report.
var OwingColumns = []string{"序号", "人员编号", "姓名", "工作关系地", "现工作单位", "职务", "职级", "状态", "新提拔日期",
	"应参加轮数", "已参加", "尚欠", "截止日期", "剩余天数", "已编入待进驻轮次"}

// OwingTitle is the heading of the owing report on day on.
func OwingTitle(on civil.Date) string {
	return "新提拔干部参加巡察情况（" + on.String() + "）"
}

// OwingCells are the cells of row i of the report (OwingColumns).
func OwingCells(i int, o *Owing) []any {
	return []any{i + 1, o.Person, o.Name, o.CountyName, o.Unit, o.Post, o.Rank, o.Status, o.PromotedOn.String(),
		o.Rounds, o.Served, o.Owed, o.Due.String(), o.DaysLeft, o.PlacedText()}
}

// WriteOwingXLSX writes the owing report of day on under rules x to an
// xlsx at path (atomically): the title, the rules, and a row per person.
func WriteOwingXLSX(path string, on civil.Date, x Experience, rows []Owing) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := fillOwing(f, on, x, rows); err != nil {
		return fmt.Errorf("写入新提拔干部参加巡察情况失败: %w", err)
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

func fillOwing(f *excelize.File, on civil.Date, x Experience, rows []Owing) error {
	if err := f.SetSheetName("Sheet1", SheetOwing); err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}})
	if err != nil {
		return err
	}
	put := func(row int, cells []any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return f.SetSheetRow(SheetOwing, cell, &cells)
	}
	header := make([]any, len(OwingColumns))
	for i, c := range OwingColumns {
		header[i] = c
	}
	lines := [][]any{{OwingTitle(on)}, {x.RulesText() + fmt.Sprintf("；尚欠轮次 %d 人", len(rows))}, header}
	for i := range rows {
		lines = append(lines, OwingCells(i, &rows[i]))
	}
	for i, l := range lines {
		if err := put(i+1, l); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(SheetOwing, "A1", "A1", title); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(OwingColumns), 3)
	if err := f.SetCellStyle(SheetOwing, "A3", last, head); err != nil {
		return err
	}
	if err := f.SetPanes(SheetOwing, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, w := range []float64{6, 12, 10, 12, 26, 16, 14, 8, 12, 10, 8, 8, 12, 10, 22} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetOwing, col, col, w); err != nil {
			return err
		}
	}
	return nil
}
