package fieldrule

import (
	"fmt"
	"strings"
	"testing"
)

func TestRules(t *testing.T) {
	for _, c := range []struct {
		name     string
		s        string
		text, cd bool // accepted as text, as a code
	}{
		{"普通文字", "城关区财政局", true, true},
		{"1000字", strings.Repeat("字", 1000), true, false},
		{"1001字", strings.Repeat("字", 1001), false, false},
		{"64字编码", strings.Repeat("A", 64), true, true},
		{"65字编码", strings.Repeat("A", 65), true, false},
		{"制表符和换行", "a\tb\nc", true, false},
		{"回车", "a\rb", false, false},
		{"NUL", "a\x00b", false, false},
		{"ESC", "\x1b[31m", false, false},
		{"DEL", "a\x7f", false, false},
		{"C1", "a\u0085", false, false},
		{"从右到左覆盖", "a\u202eb", false, false},
		{"隔离符", "a\u2066b", false, false},
		{"无法识别", "a\ufffd", false, false},
		{"错误值", "#N/A", false, false},
		{"小写错误值带空格", " #div/0! ", false, false},
		{"像错误值的文字", "#1号楼", true, true},
	} {
		if err := CheckText(c.s); (err == nil) != c.text {
			t.Errorf("%s: CheckText = %v", c.name, err)
		}
		if err := CheckCode(c.s); (err == nil) != c.cd {
			t.Errorf("%s: CheckCode = %v", c.name, err)
		}
	}
}

func TestCodeAndID(t *testing.T) {
	for in, want := range map[string]string{"Ｕ０１": "U01", "　Ｃ０１ ": "C01", "２０２６－１": "2026-1", "U01": "U01", "ｕ０１": "u01", "Ａ　Ｂ": "A B"} {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
	if got := ID(" １１０１０５１９４９１２３１００２ｘ "); got != "11010519491231002X" || CheckID(got) != nil {
		t.Errorf("ID = %q, %v", got, CheckID(got))
	}
	if NormalizeNewlines("a\r\nb\rc\n") != "a\nb\nc\n" {
		t.Error("NormalizeNewlines")
	}
}

// A value is checked by the rules of its kind; the message is what a
// clerk reads next to the cell.
func ExampleCheckText() {
	fmt.Println(CheckText("城关区财政局"))
	fmt.Println(CheckText("张\x1b[31m三"))
	fmt.Println(CheckText("#N/A"))
	fmt.Println(CheckCode(Code("Ｕ０１")), Code("Ｕ０１"))
	// Output:
	// <nil>
	// 含有控制字符（U+001B ESC），请删去
	// 是 Excel 的错误值 #N/A（公式出错或引用失效），不是数据：请填写实际内容
	// <nil> U01
}
