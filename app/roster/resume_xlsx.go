package roster

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// Sheet names of the 巡察履历 workbook.
const (
	SheetResumePerson   = "基本信息"
	SheetResumeService  = "巡察经历"
	SheetResumeTraining = "培训记录"
)

// ResumeServiceColumns are the columns of 巡察经历.
var ResumeServiceColumns = []string{"序号", "轮次编码", "轮次", "巡察组", "进驻开始", "进驻结束", "角色", "被巡察单位",
	"鉴定", "鉴定状态", "评语", "本组鉴定"}

// ResumeTrainingColumns are the columns of 培训记录.
var ResumeTrainingColumns = []string{"序号", "培训名称", "开始日期", "结束日期", "学时"}

// WriteResumeXLSX writes r to an xlsx at path (atomically): 基本信息 (the
// person's facts and the summary), 巡察经历 and 培训记录.
func WriteResumeXLSX(path string, r *Resume) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := fillResume(f, r); err != nil {
		return fmt.Errorf("写入巡察履历失败: %w", err)
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

func fillResume(f *excelize.File, r *Resume) error {
	st, err := newBookStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetResumePerson); err != nil {
		return err
	}
	rows := [][]any{{r.Title()}}
	for _, kv := range r.Facts() {
		rows = append(rows, []any{kv[0], kv[1]})
	}
	rows = append(rows, []any{"小结", r.Summary()}, []any{"生成日期", r.Generated})
	if err := putRows(f, SheetResumePerson, rows); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetResumePerson, "A1", "A1", st.title); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetResumePerson, "A", "A", 14); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetResumePerson, "B", "B", 60); err != nil {
		return err
	}
	for _, s := range []string{SheetResumeService, SheetResumeTraining} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	rows = [][]any{toAny(ResumeServiceColumns)}
	for i, x := range r.Service {
		rows = append(rows, []any{i + 1, x.Round, x.RoundLabel(), x.Team, x.OnsiteStart, x.OnsiteEnd, x.Role,
			strings.Join(x.Units, "、"), x.Grade, x.State, x.Comment, x.TeamGrade})
	}
	if err := putRows(f, SheetResumeService, rows); err != nil {
		return err
	}
	rows = [][]any{toAny(ResumeTrainingColumns)}
	for i, x := range r.Trainings {
		var h any = x.Hours
		if x.Hours == 0 {
			h = ""
		}
		rows = append(rows, []any{i + 1, x.Name, x.Start, x.End, h})
	}
	if err := putRows(f, SheetResumeTraining, rows); err != nil {
		return err
	}
	for _, s := range []string{SheetResumeService, SheetResumeTraining} {
		if err := f.SetRowStyle(s, 1, 1, st.head); err != nil {
			return err
		}
		if err := f.SetColWidth(s, "B", "L", 16); err != nil {
			return err
		}
	}
	return nil
}

// putRows writes rows from A1 down.
func putRows(f *excelize.File, sheet string, rows [][]any) error {
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	return nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
