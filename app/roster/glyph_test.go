package roster

import "testing"

// TestMissingGlyphShows measures names with characters the embedded font
// lacks: each takes the width of □, not of a space, so the gap shows.
func TestMissingGlyphShows(t *testing.T) {
	d, err := newDoc("测试", "")
	if err != nil {
		t.Fatal(err)
	}
	d.Page()
	d.Font(11, false)
	if d.Measure("□") == d.Measure(" ") {
		t.Fatal("□ is as wide as a space: the test cannot tell them apart")
	}
	for _, tc := range []struct{ name, shown string }{
		{"张𠮷三", "张□三"}, // CJK extension B
		{"王䶮", "王□"},   // extension A
	} {
		if got, want := d.Measure(tc.name), d.Measure(tc.shown); got != want {
			t.Errorf("%s: width %.2f, want %.2f (as %s)", tc.name, got, want, tc.shown)
		}
	}
}
