package pinyin

import (
	"fmt"
	"testing"
)

func TestInitials(t *testing.T) {
	in := New()
	for _, c := range []struct{ in, want string }{
		{"张三", "ZS"}, {"李四", "LS"}, {"欧阳明", "OYM"}, {"县委办公室", "XWBGS"}, {"城关镇东街社区", "CGZDJSQ"},
		{"第2巡察组", "D2XCZ"}, {"U0101 财政局", "U0101CZJ"}, {"阿", "A"}, {"座", "Z"}, {"鑫", "X"},
		{"", ""}, {"（）·、", ""},
	} {
		if got := in.Initials(c.in); got != c.want {
			t.Errorf("Initials(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A clerk types zs to find 张三.
func ExampleInitialer_Initials() {
	in := New()
	fmt.Println(in.Initials("张三"), in.Initials("第十二巡察组"))
	// Output: ZS DSEXCZ
}
