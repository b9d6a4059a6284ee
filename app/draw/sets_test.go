package draw

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSetsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := 1 + r.IntN(3000)
		var a, b []int32
		for v := range int32(n) {
			if r.IntN(3) > 0 {
				a = append(a, v)
			}
			if r.IntN(4) > 0 {
				b = append(b, v)
			}
		}
		for _, set := range [][]int32{a, b} {
			got, err := DecodeSet(EncodeSet(set), n)
			if err != nil || !slices.Equal(got, set) && len(set)+len(got) > 0 {
				t.Fatalf("round trip of %v: %v %v", set, got, err)
			}
		}
		del, add := diff(a, b)
		got, err := patch(a, del, add)
		if err != nil || !slices.Equal(got, b) && len(b)+len(got) > 0 {
			t.Fatalf("patch(diff) of %v → %v = %v, %v", a, b, got, err)
		}
	}
	if EncodeSet([]int32{0, 1, 2, 3}) != "AAAAAA" {
		t.Errorf("a run of four from 0 is %q, want four zero bytes", EncodeSet([]int32{0, 1, 2, 3}))
	}
	if _, err := DecodeSet(EncodeSet([]int32{5}), 5); err == nil {
		t.Error("a position past the list decoded")
	}
}

// FuzzDecodeSet: any text decodes to a strictly increasing set below n,
// or is refused; never a panic.
func FuzzDecodeSet(f *testing.F) {
	f.Add(EncodeSet([]int32{0, 3, 4, 90}), 100)
	f.Add("////", 7)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1<<20 {
			return
		}
		set, err := DecodeSet(s, n)
		if err != nil {
			return
		}
		for i, v := range set {
			if v < 0 || int(v) >= n || i > 0 && v <= set[i-1] {
				t.Fatalf("decoded %v from %q (n=%d)", set, s, n)
			}
		}
	})
}
