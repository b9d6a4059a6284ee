package workbook

import (
	"fmt"
	"strings"
)

// The messages of the import, in one place so that they read the same
// everywhere.

const (
	msgMissingColumn = "缺少必填列"
	msgRequired      = "必填，不能为空"
	msgEmptyFile     = "文件为空"
	msgSheetRejected = "本表缺少必填列，整表未导入"
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

// collector gathers the problems of an import.
type collector struct {
	problems []Problem
	tick     func(rows int) // rows read, for the progress bar; may be nil
}

func (c *collector) add(at src, col, msg string) {
	c.problems = append(c.problems, Problem{Sheet: at.label, Row: at.row, Column: col, Message: msg})
}
