package workbook

import (
	"errors"
	"fmt"
	"strings"

	"xuncha/app/safezip"
)

// The messages of the import, in one place so that they read the same
// everywhere.

const (
	msgMissingColumn = "缺少必填列"
	msgRequired      = "必填，不能为空"
	msgEmptyFile     = "文件为空"
	msgSheetRejected = "本表缺少必填列，整表未导入"
	msgSelfRelative  = "不能把本人列为自己的亲属"
)

func msgBadWord(s string, words []string) string {
	return fmt.Sprintf("“%s”无效，应为：%s", s, strings.Join(words, "、"))
}

func msgDuplicate(first src, keyDesc string) string {
	return fmt.Sprintf("与%s重复（%s相同）", first.where(), keyDesc)
}

func msgEndBeforeStart(end, start string) string {
	return fmt.Sprintf("结束日期 %s 早于开始日期 %s", end, start)
}

func msgNoRef(k kind, code string) string {
	return fmt.Sprintf("%s“%s”不存在（文件和数据库中都没有）", k, code)
}

func msgRefRejected(k kind, code string, at src) string {
	return fmt.Sprintf("引用的%s“%s”有错误（见 %s），本行未能导入", k, code, at.where())
}

func msgNoKnownSheet(names []string) string {
	return "文件中没有可导入的工作表，工作表名应为：" + strings.Join(names, "、")
}

func msgUnknownCSV(base string, names []string) string {
	return fmt.Sprintf("CSV 文件名“%s”不是工作表名，应为：%s（如 人员.csv）", base, strings.Join(names, "、"))
}

// src is where a row came from: the sheet as problems name it, and the
// spreadsheet row.
type src struct {
	label string
	row   int
}

// where names the row for messages: "第3行", or "人员 第3行" when sheet
// names are needed.
func (s src) where() string {
	return fmt.Sprintf("%s 第%d行", s.label, s.row)
}

// maxProblems is how many problems an import lists; the others are
// counted, in a note at the end of the list.
const maxProblems = 10_000

// collector gathers the problems of an import: at most limit of them
// (maxProblems when limit is 0), and a note of how many more there were.
type collector struct {
	problems []Problem
	limit    int
	dropped  int
	tick     func(rows int) // rows read, for the progress bar; may be nil
}

func (c *collector) add(at src, col, msg string) {
	if len(c.problems) >= c.max() {
		c.drop(1)
		return
	}
	c.problems = append(c.problems, Problem{Sheet: at.label, Row: at.row, Column: col, Message: msg})
}

func (c *collector) max() int {
	if c.limit > 0 {
		return c.limit
	}
	return maxProblems
}

// drop counts n problems not listed.
func (c *collector) drop(n int) {
	if c.dropped == 0 {
		c.problems = append(c.problems, Problem{})
	}
	c.dropped += n
	c.problems[len(c.problems)-1] = Problem{
		Message: fmt.Sprintf("另有 %d 个问题未列出（只列出 %d 个），请改正后重新导入再看", c.dropped, c.max())}
}

// merge takes the problems of another collector.
func (c *collector) merge(o *collector) {
	listed := o.problems
	if o.dropped > 0 {
		listed = listed[:len(listed)-1]
	}
	for _, p := range listed {
		c.add(src{p.Sheet, p.Row}, p.Column, p.Message)
	}
	if o.dropped > 0 {
		c.drop(o.dropped)
	}
}

// Errors that refuse a whole file: damaged, over the limits, unreadable.

// limitError is a file refused because it passes one of the limits.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

func overLimit(format string, a ...any) error { return &limitError{fmt.Sprintf(format, a...)} }

// isLimit reports whether err refuses a file for passing a limit rather
// than for being damaged.
func isLimit(err error) bool {
	var le *limitError
	var ze *safezip.Error
	return errors.As(err, &le) ||
		errors.As(err, &ze) && (ze.Kind == safezip.TooLarge || ze.Kind == safezip.TooManyEntries || ze.Kind == safezip.TooMuchData)
}

// bookError is a workbook that cannot be imported at all.
func bookError(base string, err error) error {
	return refused("工作簿 "+base+" ", err, true)
}

// sheetError is a sheet that could not be read through: damaged, cut, or
// over the limits. The whole file is refused.
func sheetError(s *source, sh srcSheet, err error) error {
	var enc *encError
	switch {
	case errors.As(err, &enc):
		return err
	case s.csv:
		return refused("文件 "+s.base+" ", err, false)
	}
	return refused(fmt.Sprintf("工作簿 %s 的工作表“%s”", s.base, sh.sheet), err, false)
}

// refused words the refusal of what, for err; part says whether to name the
// part of a workbook a damage is in.
func refused(what string, err error, part bool) error {
	detail := xmlMessage(err).Error()
	var ze *safezip.Error
	if errors.As(err, &ze) && !part {
		detail = ze.Reason()
	}
	if isLimit(err) {
		return fmt.Errorf("%s超出导入的限制，整个文件未导入：%s", what, detail)
	}
	return fmt.Errorf("%s已损坏，整个文件未导入：%s。请用 Excel/WPS 打开检查，另存后再导入", what, detail)
}

// encError is a CSV file whose encoding cannot be read.
type encError struct {
	file string
	line int
	msg  string
}

func (e *encError) Error() string {
	at := ""
	if e.line > 0 {
		at = fmt.Sprintf("第%d行", e.line)
	}
	return fmt.Sprintf("文件 %s 的编码有误：%s%s，整个文件未导入；请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”后再导入", e.file, at, e.msg)
}

func encodingError(file string, line int, msg string) error { return &encError{file, line, msg} }

func errTooManyRows(n int) error {
	return overLimit("行数超过 %s 行（Excel 的上限），拒绝读取", safezip.Count(int64(n)))
}

func errTooManyImportRows(n int64) error {
	return overLimit("一次导入最多 %s 行（各表合计），超出上限：请分成几个文件分批导入", safezip.Count(n))
}

func errTooMuchText(limit int64) error {
	return overLimit("单元格的文字合计超过 %s，超出一次导入的上限：请分成几个文件导入", safezip.Size(limit))
}
