package assign

import (
	"slices"

	"xuncha/app/vocab"
)

// bin is a group of interchangeable slots of one team: Cap slots of a row,
// open to the people of one county (County ≥ 0) or of any county the row
// allows that is not resolved (County -1), leaning to county Prefer, and,
// for a skill seat, only to people who meet the groups in Seat.
type bin struct {
	row    int
	cap    int32
	county int32
	prefer int32
	seat   uint32
}

// teamState is one team's slots at a node of the search: the search
// refines it by splitting bins (a county's share per row, a skill seat)
// and keeping people off. It never changes once built, except for its
// caches.
type teamState struct {
	bins     []bin
	resolved []int32 // counties whose share is fixed by labelled bins, sorted
	forbid   []int32 // people kept off the team, sorted
	// coreCap: the team's experienced members are only those of its core
	// seats (bins whose seat holds coreBit); the other bins refuse them
	coreCap bool
	max     int32 // upper bound on the team's filled slots; -1 unknown
	maxL    int32 // the same for its local slots alone, and
	maxR    int32 // for its other slots alone
	lists   []*candList
}

// candList is a bin's candidates, cheapest first (ties by person number):
// the first limit of them when more exist.
type candList struct {
	ps    []int32
	cs    []int64
	limit int
	more  bool  // eligible people were left out
	next  int64 // the least cost any of them can have
}

func (ts *teamState) clone() *teamState {
	return &teamState{bins: slices.Clone(ts.bins), resolved: slices.Clone(ts.resolved),
		forbid: slices.Clone(ts.forbid), coreCap: ts.coreCap, max: -1, maxL: -1, maxR: -1}
}

// seats returns the number of seats whose groups include bit.
func (ts *teamState) seats(bit uint32) int32 {
	var n int32
	for _, b := range ts.bins {
		if b.seat&bit != 0 {
			n += b.cap
		}
	}
	return n
}

func (ts *teamState) slots() int32 {
	var n int32
	for _, b := range ts.bins {
		n += b.cap
	}
	return n
}

func (ts *teamState) forbidden(p int32) bool {
	_, ok := slices.BinarySearch(ts.forbid, p)
	return ok
}

// accepts reports whether bin b takes someone of county c who meets the
// required groups g (the person's own eligibility aside).
func (w *world) accepts(ts *teamState, b *bin, c int32, g uint32) bool {
	if b.seat != 0 && g&b.seat != b.seat {
		return false
	}
	if ts.coreCap && g&w.coreBit != 0 && b.seat&w.coreBit == 0 {
		return false
	}
	if b.county >= 0 {
		return c == b.county
	}
	if w.mode == vocab.ModeMixed && !w.rows[b.row].local {
		_, ok := slices.BinarySearch(ts.resolved, c)
		return !ok
	}
	return true
}

// rootState returns team t's slots before any refinement: local rows as
// one bin each, in 成建制交叉 the rows of the source county as one bin each
// (a 市本级 or 不限 row too), and in 混合编组 every non-local slot as its
// own bin leaning to a county (a 市本级 one for a 市本级 row), the counties
// taken in turn so that a county's people are spread over the teams.
func (w *world) rootState(t int32, spread []int32, turn *int) *teamState {
	ts := &teamState{max: -1, maxL: -1, maxR: -1}
	tc := w.teams[t].county
	for r, row := range w.rows {
		n := int32(w.rowLeft[t][r])
		if n == 0 {
			continue
		}
		switch {
		case row.local:
			ts.bins = append(ts.bins, bin{row: r, cap: n, county: -1, prefer: -1})
		case w.mode == vocab.ModeSwap && row.from == vocab.FromElsewhere:
			ts.bins = append(ts.bins, bin{row: r, cap: n, county: w.source[t], prefer: -1})
		case w.mode == vocab.ModeSwap:
			ts.bins = append(ts.bins, bin{row: r, cap: n, county: -1, prefer: -1})
		default:
			for range n {
				pref := int32(-1)
				for k := 0; k < len(spread); k++ {
					c := spread[*turn%len(spread)]
					*turn++
					if c != tc && (row.from != vocab.FromCity || w.city[c]) {
						pref = c
						break
					}
				}
				ts.bins = append(ts.bins, bin{row: r, cap: 1, county: -1, prefer: pref})
			}
		}
	}
	for _, l := range w.locks[t] {
		for _, r := range w.rel[l.p] {
			if !slices.Contains(r.lifted, t) {
				ts.forbid = append(ts.forbid, r.other)
			}
		}
	}
	slices.Sort(ts.forbid)
	ts.forbid = slices.Compact(ts.forbid)
	// a team no experienced person may join is capped at once: its core
	// cannot be mended, and the search need not try
	ts.coreCap = w.need[t] > 0 && !w.coreReachable(t)
	return ts
}

// coreReachable reports whether some placeable experienced person may
// fill a row of team t (by pool, locality and hard recusal): a static
// class of them with more people than have hits on t, or one of those
// with hits whom the hits leave a row.
func (w *world) coreReachable(t int32) bool {
	c := w.load(t)
	hit := make([]int32, len(w.sCount[1]))
	for _, h := range w.tHits[t] {
		if k := w.pClass[1][h.p]; k >= 0 {
			hit[k]++
		}
	}
	for k, sc := range w.sClass[1] {
		if sc.groups&w.coreBit == 0 || sc.rows&w.locRows(t, sc.county) == 0 {
			continue
		}
		if w.sCount[1][k] > hit[k] {
			return true
		}
	}
	for _, h := range w.tHits[t] {
		if k := w.pClass[1][h.p]; k < 0 || w.sClass[1][k].groups&w.coreBit == 0 {
			continue
		}
		for r := range w.rows {
			if w.base(h.p, t, r, c) {
				return true
			}
		}
	}
	return false
}

// list returns the candidates of bin bi of team t at state ts, at least
// limit of them when there are as many; t must be loaded.
func (w *world) list(t int32, ts *teamState, bi int, limit int) *candList {
	if len(ts.lists) != len(ts.bins) {
		ts.lists = make([]*candList, len(ts.bins))
	}
	if l := ts.lists[bi]; l != nil && (l.limit >= limit || !l.more) {
		return l
	}
	c := w.load(t)
	b := &ts.bins[bi]
	h := topK{k: limit, salt: w.salt(t, b)}
	next := int64(inf)
	w.scan(t, b, func(p int32, lb int64) bool {
		if h.full() && lb > h.worst() {
			next = min(next, lb)
			return false
		}
		if w.eligible(p, t, ts, b, c) {
			soft := w.softIn(c, p, b.row)
			if ev, ok := h.add(p, w.wt.cost(w, p, t, b.row, b.prefer, soft)); ok {
				next = min(next, ev)
			}
		}
		return true
	})
	l := &candList{limit: limit, next: next, more: next < inf}
	l.ps, l.cs = h.sorted()
	ts.lists[bi] = l
	return l
}

// extend adds to bin bi's list up to want of the cheapest eligible people
// who are neither listed nor used, and marks them used; it reports whether
// it found any.
func (w *world) extend(t int32, ts *teamState, bi int, used []bool, want int) bool {
	l := ts.lists[bi]
	c := w.load(t)
	b := &ts.bins[bi]
	w.stamp++
	for _, p := range l.ps {
		w.mark[p] = w.stamp
	}
	added := 0
	w.scan(t, b, func(p int32, _ int64) bool {
		if added == want {
			return false
		}
		if !used[p] && w.mark[p] != w.stamp && w.eligible(p, t, ts, b, c) {
			soft := w.softIn(c, p, b.row)
			l.ps = append(l.ps, p)
			l.cs = append(l.cs, w.wt.cost(w, p, t, b.row, b.prefer, soft))
			used[p] = true
			added++
		}
		return true
	})
	return added > 0
}

// eligible reports whether p may take a slot of bin b of team t at ts
// (t loaded as c).
func (w *world) eligible(p, t int32, ts *teamState, b *bin, c *tctx) bool {
	pi := &w.people[p]
	return w.base(p, t, b.row, c) && w.accepts(ts, b, pi.county, pi.groups) && !ts.forbidden(p)
}

// scan visits the people bin b of team t draws on in phases, each in
// rising order of a lower bound on their cost there: for a slot leaning
// to a county, that county's people first, then everyone else with the
// off-label weight added. visit returns false to end the current phase.
func (w *world) scan(t int32, b *bin, visit func(p int32, lb int64) bool) {
	k := w.kind(b.row)
	if b.prefer >= 0 && b.county < 0 && !w.rows[b.row].local && w.mode == vocab.ModeMixed {
		for _, p := range w.countyList(b.prefer, k) {
			if !visit(p, w.people[p].personal[k]) {
				break
			}
		}
		off := w.wt.w[tOff]
		for _, p := range w.pool(t, b) {
			if pi := &w.people[p]; pi.county != b.prefer && !visit(p, pi.personal[k]+off) {
				break
			}
		}
		return
	}
	for _, p := range w.pool(t, b) {
		if !visit(p, w.people[p].personal[k]) {
			break
		}
	}
}

// pool returns the people bin b of team t draws on, cheapest first.
func (w *world) pool(t int32, b *bin) []int32 {
	k := w.kind(b.row)
	switch {
	case w.rows[b.row].local:
		return w.countyList(w.teams[t].county, k)
	case b.county >= 0:
		return w.countyList(b.county, k)
	case w.rows[b.row].from == vocab.FromCity:
		return w.cityOrder[k]
	}
	return w.order[k]
}

// countyList returns the placeable people of county c, cheapest first in
// rows of kind k (see world.kind).
func (w *world) countyList(c int32, k int) []int32 {
	if c < 0 || int(c) >= len(w.byCounty[k]) {
		return nil
	}
	return w.byCounty[k][c]
}
