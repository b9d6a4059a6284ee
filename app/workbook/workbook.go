// Package workbook reads and writes the import workbook of SPEC §6.1: the
// sheets 县区, 单位, 班子成员, 人员, 工作经历, 亲属关系, 回避申报, 届期, 巡察任务,
// 编组记录, 社会关系 and 培训记录, as xlsx or as one CSV per sheet (UTF-8,
// with or without BOM, or GB18030). An import records the status of every
// person it adds and every status it changes in the people's history.
//
// Import checks the whole input first and reports every problem by sheet,
// row and column; only a fully valid input is written (or, when the clerk
// asks for it, only its valid rows), in one transaction with one audit
// entry. Imports are idempotent by code: a row already in the database as it
// is counts as unchanged, a changed row updates the row with its code or key.
// Rows in the database that the file does not mention are left alone, and so
// are the fields of a sheet whose column the file leaves out.
//
// The exports (ExportPeople, ExportUnits, ExportAll) write the same format, so
// that an export imports back to the same data; WriteTemplate writes an empty
// workbook with a 说明 sheet, and WriteProblems a list of problems the clerk
// can keep.
package workbook

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with the input. Row is the spreadsheet row
// (1-based, the header is row 1), 0 for a problem with a whole sheet or file;
// Column is the column header, "" when the problem is not about one column.
type Problem struct {
	Sheet   string
	Row     int
	Column  string
	Message string
}

// String writes the problem as one line, e.g. "人员 第5行 身份证号：校验位错误（应为X）".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Sheet)
	if p.Row > 0 {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "第%d行", p.Row)
	}
	if p.Column != "" {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(p.Column)
	}
	if b.Len() > 0 {
		b.WriteString("：")
	}
	b.WriteString(p.Message)
	return b.String()
}

// SheetSummary counts what an import did with the rows of one sheet.
type SheetSummary struct {
	Sheet     string
	Added     int // 新增
	Updated   int // 更新
	Unchanged int // 未变
	Rejected  int // 拒绝: rows with a problem, or whose references were rejected
}

// Result is what an import found and did.
type Result struct {
	// Sheets counts rows in the order of SPEC §6.1, for the sheets the
	// input holds. When problems kept the import from writing, the counts
	// say what it would have done.
	Sheets   []SheetSummary
	Problems []Problem // in the order of the sheets, then rows
	Written  bool      // whether anything was written to the database
}

// Blocked reports whether problems kept the import from writing anything.
func (r *Result) Blocked() bool { return len(r.Problems) > 0 && !r.Written }

// Options tune an import.
type Options struct {
	ValidOnly bool   // write the valid rows even when other rows have problems
	CheckOnly bool   // check everything and count what would change, but write nothing (仅检查)
	User      string // recorded in the audit log
	// NoReview refuses rows of 整改台账 that set 审核结果, 审核人 or 销号日期
	// or close an item: the user may not review (SPEC §9.2).
	NoReview bool
	// NoClues refuses the sheet 线索移交: the user lacks 线索管理.
	NoClues bool
	// Progress, when not nil, is called from the importing goroutine as the
	// import advances through its steps.
	Progress func(done, total int)
	lim      *limits // nil for defaultLimits; tests make them small
}

// limits are the limits the import reads within.
func (o *Options) limits() *limits {
	if o.lim != nil {
		return o.lim
	}
	return defaultLimits()
}
