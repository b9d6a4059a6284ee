package vocab

import "testing"

func TestNumeral(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{1, "一"}, {9, "九"}, {10, "十"}, {11, "十一"}, {12, "十二"}, {20, "二十"}, {21, "二十一"}, {99, "九十九"},
		{100, "一百"}, {105, "一百零五"}, {110, "一百一十"}, {123, "一百二十三"}, {300, "三百"}, {999, "九百九十九"},
		{0, "0"}, {1000, "1000"}, {-3, "-3"},
	} {
		if got := Numeral(c.n); got != c.want {
			t.Errorf("Numeral(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := TeamName(3); got != "第三巡察组" {
		t.Errorf("TeamName(3) = %q", got)
	}
	if got := TeamName(105); got != "第一百零五巡察组" {
		t.Errorf("TeamName(105) = %q", got)
	}
}
