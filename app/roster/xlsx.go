package roster

import (
	"fmt"
	"io"

	"xuncha/app/vocab"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// Sheet names of the roster workbook.
const (
	SheetSummary = "汇总"
	SheetRoster  = "编组名单"
	SheetRecord  = "编组记录"
)

// BlockColumns are the column titles of a team's block in 编组名单.
var BlockColumns = []string{"序号", "角色", "姓名", "性别", "工作关系地", "现工作单位", "职务", "备注"}

// SummaryColumns are the column titles of 汇总.
var SummaryColumns = []string{"序号", "巡察组", "被巡察县区", "被巡察单位", "进驻时间", "编入人数", "空缺", "组长", "豁免人数"}

// RecordColumns are the column titles of 编组记录: the import sheet's
// (SPEC §6.1) first, so the sheet can be imported elsewhere, then names.
var RecordColumns = []string{"轮次编码", "巡察组", "人员编号", "角色", "姓名", "性别", "工作关系地", "现工作单位", "职务", "备注"}

// WriteXLSX writes r to an xlsx workbook at path: 汇总 (one row per team),
// 编组名单 (one block per team, a page break after each, A4 portrait) and
// 编组记录 (one row per member, in the import format).
func WriteXLSX(path string, r *Roster) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newBookStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, name := range []string{SheetRoster, SheetRecord} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	for _, w := range []func(*excelize.File, *Roster, bookStyles) error{writeSummary, writeBlocks, writeRecord} {
		if err := w(f, r, st); err != nil {
			return fmt.Errorf("写入编组名单失败: %w", err)
		}
	}
	f.SetActiveSheet(0)
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

// bookStyles are the cell styles of the workbook.
type bookStyles struct {
	title, team, head, cell, wrap int
}

func newBookStyles(f *excelize.File) (bookStyles, error) {
	var st bookStyles
	border := []excelize.Border{{Type: "left", Style: 1, Color: "808080"}, {Type: "right", Style: 1, Color: "808080"},
		{Type: "top", Style: 1, Color: "808080"}, {Type: "bottom", Style: 1, Color: "808080"}}
	for _, s := range []struct {
		dst   *int
		style *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.team, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.head, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.cell, &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.wrap, &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return st, err
		}
		*s.dst = id
	}
	return st, nil
}

// cellName returns the name of the cell at column col (1-based) of row.
func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// putRow writes values from column 1 of row with style (0: none).
func putRow(f *excelize.File, sheet string, row, style int, values ...any) error {
	if err := f.SetSheetRow(sheet, cellName(1, row), &values); err != nil {
		return err
	}
	if style == 0 {
		return nil
	}
	return f.SetCellStyle(sheet, cellName(1, row), cellName(len(values), row), style)
}

// setWidths sets the widths of the columns from A.
func setWidths(f *excelize.File, sheet string, widths ...float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

func freezeHeader(f *excelize.File, sheet string) error {
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func writeSummary(f *excelize.File, r *Roster, st bookStyles) error {
	head := make([]any, len(SummaryColumns))
	for i, c := range SummaryColumns {
		head[i] = c
	}
	if err := putRow(f, SheetSummary, 1, st.head, head...); err != nil {
		return err
	}
	row := 2
	for i, t := range r.Teams {
		leader, overridden := "", 0
		for _, m := range t.Members {
			if m.Role == vocab.RoleLeader && leader == "" {
				leader = m.Name
			}
			if len(m.Overrides) > 0 {
				overridden++
			}
		}
		if err := putRow(f, SheetSummary, row, st.wrap, i+1, t.Name, nameOr(t.CountyName, t.County), t.UnitNames(),
			t.Dates(), len(t.Members), len(t.Vacancies), leader, overridden); err != nil {
			return err
		}
		row++
	}
	if err := putRow(f, SheetSummary, row, st.head, "合计", fmt.Sprintf("%d 个组", len(r.Teams)), "", "", "",
		r.Members(), r.Vacancies(), "", ""); err != nil {
		return err
	}
	if err := setWidths(f, SheetSummary, 6, 16, 12, 48, 26, 10, 8, 10, 10); err != nil {
		return err
	}
	return freezeHeader(f, SheetSummary)
}

// writeBlocks writes 编组名单: the title, then per team its heading, its
// units and the table of its members and empty slots.
func writeBlocks(f *excelize.File, r *Roster, st bookStyles) error {
	sh, last := SheetRoster, len(BlockColumns)
	if err := f.SetCellValue(sh, "A1", r.Title()); err != nil {
		return err
	}
	if err := mergeStyled(f, sh, 1, last, st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 1, 30); err != nil {
		return err
	}
	row := 2
	head := make([]any, last)
	for i, c := range BlockColumns {
		head[i] = c
	}
	for ti, t := range r.Teams {
		if ti > 0 {
			if err := f.InsertPageBreak(sh, cellName(1, row)); err != nil {
				return err
			}
		}
		lines := []string{
			fmt.Sprintf("%s　被巡察县区：%s　进驻时间：%s", t.Name, nameOr(t.CountyName, t.County), t.Dates()),
			"被巡察单位：" + t.UnitNames(),
		}
		for _, l := range lines {
			if err := f.SetCellValue(sh, cellName(1, row), l); err != nil {
				return err
			}
			if err := mergeStyled(f, sh, row, last, st.team); err != nil {
				return err
			}
			row++
		}
		if err := putRow(f, sh, row, st.head, head...); err != nil {
			return err
		}
		row++
		for i, m := range t.Members {
			note := m.Note()
			if note != "" {
				note = "※ " + note
			}
			if err := putRow(f, sh, row, st.wrap, i+1, m.Role, m.Name, m.Gender, m.homeLabel(), m.unitLabel(), m.Post, note); err != nil {
				return err
			}
			row++
		}
		for _, v := range t.Vacancies {
			if err := putRow(f, sh, row, st.wrap, "", v.Role, "（空缺）", "", "", "", "", v.Reason); err != nil {
				return err
			}
			row++
		}
		row++
	}
	if err := setWidths(f, sh, 6, 13, 10, 6, 12, 30, 16, 40); err != nil {
		return err
	}
	size, portrait, one, zero := 9, "portrait", 1, 0
	return f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &portrait, FitToWidth: &one, FitToHeight: &zero})
}

// mergeStyled merges columns 1..last of row and styles it.
func mergeStyled(f *excelize.File, sheet string, row, last, style int) error {
	if err := f.MergeCell(sheet, cellName(1, row), cellName(last, row)); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cellName(1, row), cellName(last, row), style)
}

// writeRecord writes 编组记录: one row per member.
func writeRecord(f *excelize.File, r *Roster, st bookStyles) error {
	head := make([]any, len(RecordColumns))
	for i, c := range RecordColumns {
		head[i] = c
	}
	if err := putRow(f, SheetRecord, 1, st.head, head...); err != nil {
		return err
	}
	row := 2
	for _, t := range r.Teams {
		for _, m := range t.Members {
			note := m.Note()
			if note != "" {
				note = "※ " + note
			}
			if err := putRow(f, SheetRecord, row, 0, r.Round, t.Name, m.Person, m.Role, m.Name, m.Gender,
				m.homeLabel(), m.unitLabel(), m.Post, note); err != nil {
				return err
			}
			row++
		}
	}
	if err := setWidths(f, SheetRecord, 10, 16, 10, 13, 10, 6, 12, 30, 16, 40); err != nil {
		return err
	}
	return freezeHeader(f, SheetRecord)
}
