package poolstats

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// Sheet names of the statistics workbook.
const (
	SheetSummary = "人员库统计"
	SheetUnits   = "推荐单位"
)

// Title is the heading of the statistics: "人员库统计（2026-06-15）".
func (st *Stats) Title() string { return "人员库统计（" + st.Day.String() + "）" }

// Tables lists the tables of the statistics with their titles, in the
// order the screen and the workbook show them.
func (st *Stats) Tables() []Table {
	return []Table{
		{"按工作关系地", st.Counties}, {"按人员库", st.Pools}, {"按专业特长", st.Skills}, {"按年龄段", st.Ages},
		{"按职级", st.Ranks}, {"按专职", st.Full}, {"按状态", st.Status},
	}
}

// Table is one titled table of the statistics.
type Table struct {
	Title string
	Rows  []Row
}

// Summary lists the headline figures as label, value pairs.
func (st *Stats) Summary() [][2]string {
	term := st.Term
	if term == "" {
		term = "（无）"
	}
	county := st.County
	if county == "" {
		county = "全部"
	}
	return [][2]string{
		{"统计日期", st.Day.String()}, {"工作关系地", county}, {"届期", term},
		{"库内人员（在库、暂停）", strconv.Itoa(st.Total)}, {"已出库", strconv.Itoa(st.Left)},
		{"本届期已参加巡察", strconv.Itoa(st.Served)}, {"从未抽调", strconv.Itoa(st.Never)},
	}
}

// UnitColumns are the columns of the recommending units' sheet.
var UnitColumns = []string{"推荐单位编码", "推荐单位", "所在县区", "库内人数", "本届期已参加巡察", "从未抽调"}

// WriteXLSX writes the statistics to an xlsx at path (atomically): the
// summary and every table on 人员库统计, the recommending units on 推荐单位.
func WriteXLSX(path string, st *Stats) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := fill(f, st); err != nil {
		return fmt.Errorf("写入人员库统计失败: %w", err)
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

func fill(f *excelize.File, st *Stats) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	row := 1
	put := func(style int, cells ...any) error {
		cell := "A" + strconv.Itoa(row)
		if err := f.SetSheetRow(SheetSummary, cell, &cells); err != nil {
			return err
		}
		if style != 0 {
			last, _ := excelize.CoordinatesToCellName(len(cells), row)
			if err := f.SetCellStyle(SheetSummary, cell, last, style); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	if err := put(title, st.Title()); err != nil {
		return err
	}
	for _, kv := range st.Summary() {
		if err := put(0, kv[0], kv[1]); err != nil {
			return err
		}
	}
	for _, t := range st.Tables() {
		row++
		if err := put(bold, t.Title, "人数"); err != nil {
			return err
		}
		for _, r := range t.Rows {
			if err := put(0, r.Label, r.Count); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(SheetSummary, "A", "A", 28); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetUnits); err != nil {
		return err
	}
	head := make([]any, len(UnitColumns))
	for i, c := range UnitColumns {
		head[i] = c
	}
	if err := f.SetSheetRow(SheetUnits, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetUnits, "A1", "F1", bold); err != nil {
		return err
	}
	for i, u := range st.Units {
		cells := []any{u.Unit, u.Name, u.County, u.InPool, u.Served, u.Never}
		if err := f.SetSheetRow(SheetUnits, "A"+strconv.Itoa(i+2), &cells); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(SheetUnits, "A", "F", 16); err != nil {
		return err
	}
	return f.SetColWidth(SheetUnits, "B", "B", 30)
}
