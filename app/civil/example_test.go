package civil_test

import (
	"fmt"

	"xuncha/app/civil"
)

// Dates are written 2026-03-01 in workbooks, forms and the database; an
// empty text is no date, and anything else is refused in Chinese.
func ExampleParse() {
	d, err := civil.Parse("2026-03-01")
	fmt.Println(d, d.Year(), d.Month(), d.Day(), err)
	fmt.Println(d.AddDays(45), d.DaysUntil(civil.MustParse("2026-04-15")))

	none, err := civil.Parse("")
	fmt.Println(none.IsZero(), err)

	_, err = civil.Parse("2026年3月1日")
	fmt.Println(err)
	// Output:
	// 2026-03-01 2026 March 1 <nil>
	// 2026-04-15 45
	// true <nil>
	// 日期 "2026年3月1日" 不是 2006-01-02 的格式
}

// Clerks write dates many ways; forms and imports take each of them and
// keep the date, written the one way.
func ExampleParseWritten() {
	for _, s := range []string{"2027/3/1", "2027年3月1日", "2027-3-1", "20270301", "2027-02-29", "明年"} {
		d, err := civil.ParseWritten(s)
		fmt.Println(d, err)
	}
	// Output:
	// 2027-03-01 <nil>
	// 2027-03-01 <nil>
	// 2027-03-01 <nil>
	// 2027-03-01 <nil>
	//  日期“2027-02-29”不存在
	//  “明年”不是日期，应写作 2026-03-01
}
