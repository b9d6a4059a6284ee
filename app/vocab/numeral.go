package vocab

import "strconv"

// numeralDigits are the Chinese digits 零 … 九.
var numeralDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1…999) in Chinese numerals as documents and team
// names write them: 一, 十, 十二, 二十三, 一百, 一百零五, 一百一十; other
// numbers in digits.
func Numeral(n int) string {
	d := numeralDigits
	switch {
	case n <= 0 || n >= 1000:
		return strconv.Itoa(n)
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n-10]
	case n < 100:
		s := d[n/10] + "十"
		if n%10 != 0 {
			s += d[n%10]
		}
		return s
	}
	s := d[n/100] + "百"
	switch r := n % 100; {
	case r == 0:
	case r < 10:
		s += "零" + d[r]
	default:
		s += d[r/10] + "十"
		if r%10 != 0 {
			s += d[r%10]
		}
	}
	return s
}

// TeamName is the name of the nth team of a round: 第一巡察组 … 第三百巡察组.
func TeamName(n int) string { return "第" + Numeral(n) + "巡察组" }
