package workbook

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		name, in, want, err string
	}{
		{"ISO", "2026-03-01", "2026-03-01", ""},
		{"不补零", "2026-3-1", "2026-03-01", ""},
		{"斜杠", "2026/3/1", "2026-03-01", ""},
		{"点号", "2026.3.1", "2026-03-01", ""},
		{"中文", "2026年3月1日", "2026-03-01", ""},
		{"中文补零", "2026年03月01日", "2026-03-01", ""},
		{"八位数字", "20260301", "2026-03-01", ""},
		{"带时间", "2026-03-01 00:00:00", "2026-03-01", ""},
		{"ISO带时区", "2026-03-01T00:00:00Z", "2026-03-01", ""},
		{"Excel序列号", "46082", "2026-03-01", ""},
		{"Excel序列号带时间", "46082.75", "2026-03-01", ""},
		{"Excel序列号1900年3月1日", "61", "1900-03-01", ""},
		{"Excel序列号1900年1月1日", "1", "1900-01-01", ""},
		{"Excel虚构的1900年2月29日", "60", "", "不存在"},
		{"前后空格", "  2026-03-01 ", "2026-03-01", ""},
		{"空白", "", "", ""},
		{"二月三十日", "2026-02-30", "", "不存在"},
		{"闰日", "2024-02-29", "2024-02-29", ""},
		{"非闰年闰日", "2023/2/29", "", "不存在"},
		{"十三月", "2026-13-01", "", "不存在"},
		{"年份过早", "1066-10-14", "", "年份"},
		{"混用分隔符", "2026-3/1", "", "不是日期"},
		{"文字", "明年", "", "不是日期"},
		{"只有年月", "2026年3月", "", "不是日期"},
		{"负数", "-5", "", "不是日期"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ParseDate(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("ParseDate(%q) = %v, %v; want error containing %q", c.in, d, err, c.err)
				}
				return
			}
			if err != nil || d.String() != c.want {
				t.Fatalf("ParseDate(%q) = %q, %v; want %q", c.in, d.String(), err, c.want)
			}
		})
	}
}

func TestCheckIDNumber(t *testing.T) {
	for _, c := range []struct {
		name, in, err string
	}{
		{"国标示例", "11010519491231002X", ""},
		{"小写x", "11010519491231002x", ""},
		{"数字校验位", idNum("44030419900101123"), ""},
		{"校验位错误", "110105194912310021", "校验位错误（应为X）"},
		{"十七位", "11010519491231002", "应为18位"},
		{"含字母", "1101051949123100AX", "前17位应为数字"},
		{"科学计数法", "1.10105E+17", "科学计数法"},
		{"全角X", "11010519491231002Ｘ", "校验位错误"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckIDNumber(c.in)
			if c.err == "" {
				if err != nil {
					t.Fatalf("CheckIDNumber(%q) = %v, want nil", c.in, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Fatalf("CheckIDNumber(%q) = %v, want error containing %q", c.in, err, c.err)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{"人员", 5, "身份证号", "校验位错误（应为X）"}, "人员 第5行 身份证号：校验位错误（应为X）"},
		{Problem{"人员", 0, "姓名", "缺少必填列"}, "人员 姓名：缺少必填列"},
		{Problem{"book.xlsx", 0, "", "文件为空"}, "book.xlsx：文件为空"},
		{Problem{"巡察任务", 3, "", "x"}, "巡察任务 第3行：x"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}
