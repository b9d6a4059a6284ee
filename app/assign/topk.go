package assign

import "slices"

// topK keeps the k cheapest people for a bin in a max-heap. Equal costs
// are ordered by a hash of the person salted per bin (and seed), not by
// code: otherwise every bin would list the same few people of a large
// tier and the lists would overlap instead of covering the tier.
type topK struct {
	k    int
	salt uint64
	ps   []int32
	cs   []int64
	hs   []uint64
}

// salt is bin b's tie-break salt: the seed, the team, the row and the
// county it leans to or is limited to.
func (w *world) salt(t int32, b *bin) uint64 {
	return mix(w.seed, uint64(t)<<40^uint64(b.row)<<32^uint64(uint32(b.prefer))<<8^uint64(uint32(b.county)))
}

func (h *topK) full() bool   { return len(h.ps) >= h.k }
func (h *topK) worst() int64 { return h.cs[0] }

// after reports whether (c, x) ranks after (d, y).
func after(c int64, x uint64, d int64, y uint64) bool { return c > d || c == d && x > y }

func (h *topK) above(i, j int) bool { return after(h.cs[i], h.hs[i], h.cs[j], h.hs[j]) }

// add offers (p, c); it returns the cost of what was left out, if anything.
func (h *topK) add(p int32, c int64) (int64, bool) {
	x := mix(h.salt, uint64(p))
	if !h.full() {
		h.ps, h.cs, h.hs = append(h.ps, p), append(h.cs, c), append(h.hs, x)
		for i := len(h.ps) - 1; i > 0; {
			q := (i - 1) / 2
			if !h.above(i, q) {
				break
			}
			h.swap(i, q)
			i = q
		}
		return 0, false
	}
	if after(c, x, h.cs[0], h.hs[0]) {
		return c, true
	}
	out := h.cs[0]
	h.ps[0], h.cs[0], h.hs[0] = p, c, x
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(h.ps) && h.above(l, m) {
			m = l
		}
		if r := l + 1; r < len(h.ps) && h.above(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h.swap(i, m)
		i = m
	}
	return out, true
}

func (h *topK) swap(i, j int) {
	h.ps[i], h.ps[j] = h.ps[j], h.ps[i]
	h.cs[i], h.cs[j] = h.cs[j], h.cs[i]
	h.hs[i], h.hs[j] = h.hs[j], h.hs[i]
}

// sorted returns the people kept, cheapest first.
func (h *topK) sorted() ([]int32, []int64) {
	idx := make([]int, len(h.ps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if after(h.cs[a], h.hs[a], h.cs[b], h.hs[b]) {
			return 1
		}
		return -1
	})
	ps := make([]int32, len(idx))
	cs := make([]int64, len(idx))
	for i, j := range idx {
		ps[i], cs[i] = h.ps[j], h.cs[j]
	}
	return ps, cs
}
