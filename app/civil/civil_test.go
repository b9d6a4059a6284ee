package civil

import "testing"

func TestParseAndArithmetic(t *testing.T) {
	d := MustParse("2026-03-01")
	if d != 20260301 || d.String() != "2026-03-01" {
		t.Fatalf("parse: %d %s", d, d)
	}
	if got := d.AddYears(-3); got.String() != "2023-03-01" {
		t.Errorf("AddYears(-3) = %s", got)
	}
	if got := MustParse("2028-02-29").AddYears(-1); got.String() != "2027-03-01" {
		t.Errorf("leap AddYears = %s", got)
	}
	if got := d.AddDays(-1); got.String() != "2026-02-28" {
		t.Errorf("AddDays(-1) = %s", got)
	}
	if n := MustParse("2026-01-01").DaysUntil(MustParse("2026-03-01")); n != 59 {
		t.Errorf("DaysUntil = %d", n)
	}
	if z, err := Parse(""); err != nil || !z.IsZero() || z.String() != "" {
		t.Errorf("empty: %v %v", z, err)
	}
	if _, err := Parse("2026-02-30"); err == nil {
		t.Error("2026-02-30 accepted")
	}
	if d.YearMonth() != "2026-03" {
		t.Errorf("YearMonth = %s", d.YearMonth())
	}
}

func FuzzParseWritten(f *testing.F) {
	for _, s := range []string{"2026-03-01", "2026/3/1", "2026年3月1日", "2026年3月1号", "20260301", "2026-02-30", "", "2026.3", "2026-03-01T08:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseWritten(s)
		if err != nil || d == 0 {
			return
		}
		if d.Year() < MinYear || d.Year() > MaxYear {
			t.Fatalf("ParseWritten(%q) = %v, out of range", s, d)
		}
		if back, err := Parse(d.String()); err != nil || back != d {
			t.Fatalf("ParseWritten(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
	})
}
