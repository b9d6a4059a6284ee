package ledger

import (
	"testing"

	"xuncha/app/civil"
)

// ParseDate takes every stored date as civil.Parse does, and nothing else.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-01", "2026-02-29", "2024-02-29", "2026-13-01", "0000-00-00", "2026-1-1", "", "２０２６-03-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := civil.Parse(s)
		if err != nil {
			want = 0
		}
		if got := ParseDate(s); got != want {
			t.Fatalf("ParseDate(%q) = %v, civil.Parse = %v", s, got, want)
		}
		if !want.IsZero() && Text(want) != want.String() {
			t.Fatalf("Text(%v) = %q", want, Text(want))
		}
	})
}
