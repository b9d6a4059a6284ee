package assign

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"xuncha/app/vocab"
)

// The constraints that cross the flow.
const (
	vCap   = iota // more than K people of one other county on a team
	vSkill        // a full team without a required skill
	vKin          // two close relatives on one team
)

type violation struct {
	kind int
	ti   int
	c    int32 // vCap: the county
	g    int   // vSkill: the group
	a, b int32 // vKin: the two people
}

// violations returns each team's first violated constraint (only the
// first of all when first is set).
func (s *search) violations(n *node, first bool) []violation {
	var out []violation
	for ti, t := range s.m.teams {
		if v, ok := s.teamViolation(n, ti, t); ok {
			out = append(out, v)
			if first {
				break
			}
		}
	}
	return out
}

func (s *search) teamViolation(n *node, ti int, t int32) (violation, bool) {
	w, ts, at := s.w, n.teams[ti], n.sol.at[ti]
	if w.mode == vocab.ModeMixed {
		cnt := map[int32]int32{}
		var cs []int32
		for _, x := range at {
			b := &ts.bins[x.bin]
			if c := s.m.county[x.p]; b.county < 0 && w.capped(c, t, b.row) {
				if cnt[c] == 0 {
					cs = append(cs, c)
				}
				cnt[c] += x.n
			}
		}
		slices.Sort(cs)
		for _, c := range cs {
			if cnt[c] > w.capLeft(t, c) {
				return violation{kind: vCap, ti: ti, c: c}, true
			}
		}
	}
	var filled int32
	have := w.lockedGroups(t)
	for _, x := range at {
		filled += x.n
		have |= s.m.groups[x.p]
	}
	if filled == ts.slots() && !s.noSkill {
		for g := range w.groups {
			if have&(1<<g) == 0 {
				return violation{kind: vSkill, ti: ti, g: g}, true
			}
		}
	}
	if s.m.mult == nil {
		for i, x := range at {
			for _, y := range at[i+1:] {
				if w.kin(x.p, y.p, t) {
					return violation{kind: vKin, ti: ti, a: min(x.p, y.p), b: max(x.p, y.p)}, true
				}
			}
		}
	}
	return violation{}, false
}

// branch splits node n on violation v into children whose union holds
// every valid assignment of n.
func (s *search) branch(n *node, v violation) []*node {
	var states []*teamState
	ts := n.teams[v.ti]
	t := s.m.teams[v.ti]
	switch v.kind {
	case vCap:
		states = s.capStates(t, ts, v.c)
	case vSkill:
		states = s.seatStates(ts, v.g)
	case vKin:
		for _, p := range []int32{v.a, v.b} {
			c := ts.clone()
			c.forbid = insertSorted(c.forbid, p)
			states = append(states, c)
		}
	}
	out := make([]*node, len(states))
	for i, st := range states {
		out[i] = &node{teams: slices.Clone(n.teams)}
		out[i].teams[v.ti] = st
	}
	return out
}

// capStates fixes county c's share of team t: for every split of at most
// capLeft(t, c) slots over the non-local rows (and over the skill seats
// among them), c's people go to bins of their own and the open bins no
// longer take them.
func (s *search) capStates(t int32, ts *teamState, c int32) []*teamState {
	type rowOpt struct {
		row   int
		plain int32
		seats []int // indexes of seat bins
	}
	var opts []rowOpt
	for bi, b := range ts.bins {
		if b.county >= 0 || s.w.rows[b.row].local || !s.w.localOK(c, t, b.row) {
			continue // c's people cannot take it, or it is not capped
		}
		if len(opts) == 0 || opts[len(opts)-1].row != b.row {
			opts = append(opts, rowOpt{row: b.row})
		}
		o := &opts[len(opts)-1]
		if b.seat != 0 {
			o.seats = append(o.seats, bi)
		} else {
			o.plain += b.cap
		}
	}
	type pick struct {
		q     int32
		seats uint
	}
	choice := make([]pick, len(opts))
	var out []*teamState
	seen := map[string]bool{}
	var rec func(i int, left int32)
	rec = func(i int, left int32) {
		if i == len(opts) {
			st := ts.clone()
			st.resolved = insertSorted(st.resolved, c)
			for k, o := range opts {
				s.carve(st, o.row, o.seats, choice[k].q, choice[k].seats, c)
			}
			st.bins = slices.DeleteFunc(st.bins, func(b bin) bool { return b.cap == 0 })
			if key := s.stateKey(st); !seen[key] {
				seen[key] = true
				out = append(out, st)
			}
			return
		}
		o := opts[i]
		for sm := uint(0); sm < 1<<len(o.seats); sm++ {
			ns := int32(bits.OnesCount(sm))
			if ns > left {
				continue
			}
			for q := int32(0); q <= min(o.plain, left-ns); q++ {
				choice[i] = pick{q, sm}
				rec(i+1, left-ns-q)
			}
		}
	}
	rec(0, s.w.capLeft(t, c))
	return out
}

// carve moves q plain slots of row (those leaning to c first, then the
// last ones) and the seats in mask to county c.
func (s *search) carve(st *teamState, row int, seats []int, q int32, mask uint, c int32) {
	for k, bi := range seats {
		if mask&(1<<k) != 0 {
			st.bins[bi].county, st.bins[bi].prefer = c, c
		}
	}
	if q == 0 {
		return
	}
	var idx []int
	for bi, b := range st.bins {
		if b.row == row && b.county < 0 && b.seat == 0 && b.cap > 0 {
			idx = append(idx, bi)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		pa, pb := st.bins[a].prefer == c, st.bins[b].prefer == c
		if pa != pb {
			if pa {
				return -1
			}
			return 1
		}
		return b - a
	})
	left := q
	for _, bi := range idx {
		if left == 0 {
			break
		}
		d := min(left, st.bins[bi].cap)
		st.bins[bi].cap -= d
		left -= d
	}
	at := slices.IndexFunc(st.bins, func(b bin) bool { return b.row > row })
	if at < 0 {
		at = len(st.bins)
	}
	st.bins = slices.Insert(st.bins, at, bin{row: row, cap: q, county: c, prefer: c})
}

// seatStates places the seat of group g in each bin in turn.
func (s *search) seatStates(ts *teamState, g int) []*teamState {
	var out []*teamState
	seen := map[string]bool{}
	for bi := range ts.bins {
		st := ts.clone()
		b := st.bins[bi]
		if b.cap == 1 {
			st.bins[bi].seat |= 1 << g
		} else {
			st.bins[bi].cap--
			b.cap, b.seat = 1, b.seat|1<<g
			st.bins = slices.Insert(st.bins, bi+1, b)
		}
		if key := s.stateKey(st); !seen[key] {
			seen[key] = true
			out = append(out, st)
		}
	}
	return out
}

// stateKey identifies a team state by what it allows (leanings aside
// when only filling counts).
func (s *search) stateKey(st *teamState) string {
	var sb strings.Builder
	bs := slices.Clone(st.bins)
	if s.fillOnly {
		for i := range bs {
			bs[i].prefer = -1
		}
	}
	for _, b := range bs {
		fmt.Fprintf(&sb, "%d/%d/%d/%d/%d;", b.row, b.cap, b.county, b.prefer, b.seat)
	}
	fmt.Fprint(&sb, st.resolved, st.forbid)
	return sb.String()
}

func insertSorted(s []int32, x int32) []int32 {
	i, ok := slices.BinarySearch(s, x)
	if ok {
		return s
	}
	return slices.Insert(slices.Clone(s), i, x)
}

// pick chooses, for the dive, the child of v that keeps most of the
// relaxation: for a county's share, the split that keeps most members in
// place; for a skill, the seat whose cheapest qualified candidate costs
// least; for relatives, keeping the cheaper of the two.
func (s *search) pick(n *node, v violation) *teamState {
	ts := n.teams[v.ti]
	t := s.m.teams[v.ti]
	at := n.sol.at[v.ti]
	switch v.kind {
	case vCap:
		var best *teamState
		bestScore := -1
		for _, st := range s.capStates(t, ts, v.c) {
			if sc := s.keep(st, ts, at); sc > bestScore {
				best, bestScore = st, sc
			}
		}
		return best
	case vSkill:
		var best *teamState
		bestCost, bestBin := int64(inf), -1
		for _, st := range s.seatStates(ts, v.g) {
			bi := slices.IndexFunc(st.bins, func(b bin) bool { return b.seat&(1<<v.g) != 0 })
			cost := int64(inf)
			if l := s.list(t, st, bi, s.limit0); len(l.ps) > 0 {
				cost = l.cs[0]
			}
			if best == nil || cost < bestCost || cost == bestCost && bi > bestBin {
				best, bestCost, bestBin = st, cost, bi
			}
		}
		return best
	default:
		var ca, cb int64
		for _, x := range at {
			switch x.p {
			case v.a:
				ca = x.cost
			case v.b:
				cb = x.cost
			}
		}
		drop := v.b
		if ca > cb {
			drop = v.a
		}
		st := ts.clone()
		st.forbid = insertSorted(st.forbid, drop)
		return st
	}
}

// keep counts the placements of old that fit st's bins of the same row.
func (s *search) keep(st, old *teamState, at []placed) int {
	room := make([]int32, len(st.bins))
	for i, b := range st.bins {
		room[i] = b.cap
	}
	n := 0
	for _, x := range at {
		row := old.bins[x.bin].row
		left := x.n
		for i := range st.bins {
			b := &st.bins[i]
			if left == 0 {
				break
			}
			if b.row == row && room[i] > 0 && s.w.accepts(st, b, s.m.county[x.p], s.m.groups[x.p]) {
				d := min(left, room[i])
				room[i] -= d
				left -= d
				n += int(d)
			}
		}
	}
	return n
}
