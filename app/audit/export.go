package audit

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"xuncha/app/outfile"
	"xuncha/model"
)

// maxCell is the most characters an xlsx cell holds.
const maxCell = 32767

// exportHeader is the header row of the exported log.
// 变更 reads as the viewer's list does (Ledger); 修改前 and 修改后 keep the
// states as stored, which the hashes cover.
var exportHeader = []any{"序号", "时间", "用户", "操作", "对象", "编码", "变更", "修改前", "修改后", "前一条哈希", "哈希"}

// Export writes the entries that match f (oldest first, paging ignored) to
// an xlsx workbook at path, with a second sheet holding the result of
// Verify over the whole log. It returns the number of entries written.
func Export(db *gorm.DB, f Filter, path string) (int, error) {
	if err := f.Validate(); err != nil {
		return 0, err
	}
	problems, err := Verify(db)
	if err != nil {
		return 0, fmt.Errorf("校验审计日志失败: %w", err)
	}
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "审计日志"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return 0, err
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return 0, err
	}
	for i, w := range []float64{8, 20, 12, 12, 10, 16, 60, 50, 50, 20, 20} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return 0, err
		}
	}
	if err := sw.SetRow("A1", exportHeader); err != nil {
		return 0, err
	}
	n := 0
	var rows []model.AuditEntry
	q := f.where(db.Model(&model.AuditEntry{})).Order("id")
	err = q.FindInBatches(&rows, 1000, func(*gorm.DB, int) error {
		for _, r := range rows {
			n++
			cell, _ := excelize.CoordinatesToCellName(1, n+1)
			row := []any{r.ID, Shown(r.At), r.User, r.Action, r.Entity, r.Key, Ledger(r), clip(r.Before), clip(r.After), r.PrevHash, r.Hash}
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		return nil
	}).Error
	if err != nil {
		return 0, fmt.Errorf("导出审计日志失败: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return 0, err
	}
	if err := writeVerifySheet(x, problems); err != nil {
		return 0, err
	}
	if err := outfile.Write(path, outfile.Document, func(w io.Writer) error { return x.Write(w) }); err != nil {
		return 0, err
	}
	return n, nil
}

// writeVerifySheet adds the sheet 完整性校验: the summary, then each problem.
func writeVerifySheet(x *excelize.File, ps []Problem) error {
	const sheet = "完整性校验"
	if _, err := x.NewSheet(sheet); err != nil {
		return err
	}
	rows := [][]any{{"结果", Summary(ps)}, {"序号", "说明"}}
	for _, p := range ps {
		rows = append(rows, []any{p.ID, p.Message})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	return x.SetColWidth(sheet, "B", "B", 80)
}

// clip shortens s to what one cell holds, saying so.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	r := []rune(s)
	note := fmt.Sprintf("…（已截断，共 %d 字）", len(r))
	return string(r[:maxCell-utf8.RuneCountInString(note)]) + note
}
