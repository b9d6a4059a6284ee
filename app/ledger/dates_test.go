package ledger

import (
	"testing"

	"xuncha/app/civil"
)

var d = civil.MustParse

func TestAddMonthsMonthEnd(t *testing.T) {
	for _, c := range []struct {
		name, from string
		n          int
		want       string
	}{
		{"反馈在12月31日，2月无31日取月末", "2026-12-31", 2, "2027-02-28"},
		{"反馈在8月31日，10月有31日", "2026-08-31", 2, "2026-10-31"},
		{"反馈在12月31日，闰年2月", "2027-12-31", 2, "2028-02-29"},
		{"反馈在1月31日，加1月", "2026-01-31", 1, "2026-02-28"},
		{"同日", "2026-03-15", 2, "2026-05-15"},
		{"反馈在10月30日，12月有30日", "2026-10-30", 2, "2026-12-30"},
		{"线索移交在11月30日，加3月取2月末", "2026-11-30", 3, "2027-02-28"},
	} {
		if got := AddMonths(d(c.from), c.n); got != d(c.want) {
			t.Errorf("%s: AddMonths(%s, %d) = %s, want %s", c.name, c.from, c.n, got, c.want)
		}
	}
	if !AddMonths(0, 2).IsZero() {
		t.Error("no date + 2 months should stay no date")
	}
}

func TestOverdueFromTheDayAfterDue(t *testing.T) {
	today := d("2026-06-01")
	for _, c := range []struct {
		name, due string
		overdue   bool
	}{
		{"期限为昨天：逾期", "2026-05-31", true},
		{"期限为今天：未逾期", "2026-06-01", false},
		{"期限为明天：未逾期", "2026-06-02", false},
		{"无期限：不逾期", "", false},
	} {
		due, _ := civil.Parse(c.due)
		if got := Overdue(due, today); got != c.overdue {
			t.Errorf("%s: Overdue = %v", c.name, got)
		}
	}
	if got := Days(d("2026-05-01"), today); got != 31 {
		t.Errorf("days = %d, want 31", got)
	}
}

func TestDueSoonWindowIncludesToday(t *testing.T) {
	today := d("2026-06-01")
	for _, c := range []struct {
		name, due string
		soon      bool
	}{
		{"昨天到期：已逾期，不算临期", "2026-05-31", false},
		{"今天到期：临期", "2026-06-01", true},
		{"第15天到期：临期", "2026-06-16", true},
		{"第16天到期：不算临期", "2026-06-17", false},
	} {
		if got := DueSoon(d(c.due), today, 15); got != c.soon {
			t.Errorf("%s: DueSoon = %v", c.name, got)
		}
	}
}

func TestClueDue(t *testing.T) {
	if got := ClueDue(d("2026-02-10"), 0, 3); got != d("2026-05-10") {
		t.Errorf("无反馈时限：移交日期+3个月 = %s", got)
	}
	if got := ClueDue(d("2026-11-30"), 0, 3); got != d("2027-02-28") {
		t.Errorf("无反馈时限，月末：%s", got)
	}
	if got := ClueDue(d("2026-02-10"), d("2026-03-01"), 3); got != d("2026-03-01") {
		t.Errorf("有反馈时限：%s", got)
	}
}

func TestRate(t *testing.T) {
	for _, c := range []struct {
		done, all int
		want      float64
	}{{0, 0, 0}, {2, 3, 0.6667}, {1, 3, 0.3333}, {18 + 10, 30 + 0, 0.9333}, {3, 5, 0.6}, {5, 5, 1}, {1, 8, 0.125}, {1, 16, 0.0625}, {1, 32, 0.0313}} {
		if got := Rate(c.done, c.all); got != c.want {
			t.Errorf("Rate(%d, %d) = %v, want %v", c.done, c.all, got, c.want)
		}
	}
}

func TestDaysAndParseDateMatchTheCalendar(t *testing.T) {
	start := d("1999-12-25")
	for i := 0; i < 12000; i += 7 {
		a := start.AddDays(i)
		for _, j := range []int{0, 1, 29, 365, 400} {
			b := a.AddDays(j)
			if got := Days(a, b); got != j {
				t.Fatalf("Days(%s, %s) = %d, want %d", a, b, got, j)
			}
		}
		if ParseDate(a.String()) != a {
			t.Fatalf("ParseDate(%s) = %s", a, ParseDate(a.String()))
		}
	}
	for _, s := range []string{"", "2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "abcd-ef-gh", "2026/3/1"} {
		if got := ParseDate(s); !got.IsZero() {
			t.Errorf("ParseDate(%q) = %s, want no date", s, got)
		}
	}
	if ParseDate("2024-02-29") != d("2024-02-29") {
		t.Error("leap day refused")
	}
}

func TestText(t *testing.T) {
	for _, s := range []string{"2026-03-01", "1999-12-31", "2027-02-28", "0999-01-09"} {
		if got := Text(d(s)); got != s {
			t.Errorf("Text(%s) = %s", s, got)
		}
	}
	if Text(0) != "" {
		t.Error("no date written")
	}
}
