package pdfdoc

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	d, err := New("测试", "")
	if err != nil {
		t.Fatal(err)
	}
	d.Page()
	d.Font(16, false)
	w := d.Measure("字字字字字字字字字字") // ten characters
	cases := []struct {
		name string
		s    string
		want []string
	}{
		{"不拆开数字", "于是在字字字字字2026年", []string{"于是在字字字字字", "2026年"}},
		{"行首不放逗号", "一二三四五六七八九十，十一", []string{"一二三四五六七八九", "十，十一"}},
		{"行首不放句号", "一二三四五六七八九十。", []string{"一二三四五六七八九", "十。"}},
		{"过长的编号按字符断开", "Z2025-1-U0332-3-1-ABCDEFGHIJ", nil},
		{"换行符分段", "甲\n乙", []string{"甲", "乙"}},
		{"空串为一空行", "", []string{""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := d.Wrap(c.s, w)
			for _, l := range got {
				if d.Measure(l) > w+0.01 {
					t.Errorf("line %q is %.1f wide, more than %.1f", l, d.Measure(l), w)
				}
			}
			if strings.Join(got, "") != strings.ReplaceAll(c.s, "\n", "") {
				t.Errorf("lines %q lose text of %q", got, c.s)
			}
			if c.want != nil && strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Wrap = %q, want %q", got, c.want)
			}
		})
	}
}
