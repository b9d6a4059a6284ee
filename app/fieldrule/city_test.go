package fieldrule

import (
	"slices"
	"strings"
	"testing"
)

func TestSectors(t *testing.T) {
	for in, want := range map[string]string{
		"":                "",
		" 教育 ":            "教育",
		"教育、卫生健康":         "教育、卫生健康",
		"教育，卫生健康; 教育\n水利": "教育、卫生健康、水利",
		"交通/运输、 ":         "交通/运输",
	} {
		got, err := Sectors(in)
		if err != nil || got != want {
			t.Errorf("Sectors(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{strings.Repeat("长", MaxSectorText+1), strings.Repeat("、", MaxSectors) + "a、b、c、d、e、f、g、h、i、j、k、l、m、n、o、p、q", "教育\x00"} {
		if _, err := Sectors(bad); err == nil {
			t.Errorf("Sectors(%q) accepted", bad)
		}
	}
	if got := SplitWords("2026-1、 2026-2，2026-1"); !slices.Equal(got, []string{"2026-1", "2026-2"}) {
		t.Errorf("SplitWords: %v", got)
	}
}

func TestPriority(t *testing.T) {
	for in, want := range map[string]string{"": "", "A": "A", "b": "B", "Ｃ": "C", " a ": "A"} {
		if got, err := Priority(in); err != nil || got != want {
			t.Errorf("Priority(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"D", "AA", "甲"} {
		if _, err := Priority(bad); err == nil {
			t.Errorf("Priority(%q) accepted", bad)
		}
	}
}

// FuzzSectors: whatever a 领域 cell holds, Sectors refuses it or returns
// words that read back the same, within the limits.
func FuzzSectors(f *testing.F) {
	for _, s := range []string{"教育、卫生健康", "a,b；c\n", "", strings.Repeat("长", 40), "教育\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := Sectors(s)
		if err != nil {
			return
		}
		again, err := Sectors(w)
		if err != nil || again != w || len(SplitSectors(w)) > MaxSectors {
			t.Fatalf("%q → %q → %q, %v", s, w, again, err)
		}
	})
}
