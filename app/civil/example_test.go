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
