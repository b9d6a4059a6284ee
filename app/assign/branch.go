package assign

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"xuncha/app/vocab"
)

// The constraints that cross the flow, and the experienced core, which
// crosses it too but is an objective: a team short of it is still valid.
const (
	vCap   = iota // more than K people of one other county on a team
	vSkill        // a full team without a required skill
	vKin          // two close relatives on one team
	vCore         // a team short of its experienced core, not capped at its seats
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

// issues returns, for each team, its first violation (see violations)
// and its shortfall of the experienced core that a seat might still mend,
// by team, the violation first; with first set, only the first violation
// of all, or else the first shortfall. The dive mends them all at once.
func (s *search) issues(n *node, first bool) []violation {
	var out, core []violation
	for ti, t := range s.m.teams {
		if v, ok := s.teamViolation(n, ti, t); ok {
			if first {
				return []violation{v}
			}
			out = append(out, v)
		}
		if s.coreShort(n, ti, t) {
			v := violation{kind: vCore, ti: ti}
			out, core = append(out, v), append(core, v)
		}
	}
	if first { // no violation: the first shortfall
		return core[:min(len(core), 1)]
	}
	return out
}

// coreShort reports whether team ti (t) of n lacks experienced members and
// is not capped at its seats.
func (s *search) coreShort(n *node, ti int, t int32) bool {
	if !s.coreOn() || n.teams[ti].coreCap || s.w.need[t] == 0 {
		return false
	}
	var have int32
	for _, x := range n.sol.at[ti] {
		if s.m.groups[x.p]&s.w.coreBit != 0 {
			have += x.n
		}
	}
	return have < s.w.need[t]
}

// hard reports whether vs (from issues) hold a violation of the rules.
func hard(vs []violation) bool {
	return slices.ContainsFunc(vs, func(v violation) bool { return v.kind != vCore })
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
		for _, x := range s.seatStates(ts, 1<<v.g) {
			states = append(states, x.st)
		}
	case vCore:
		states = s.coreStates(t, ts)
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
			// the last rows first: carving a row inserts a bin after it,
			// which moves the bins of the rows after it, not the seats
			// (indexes into ts.bins) of the rows before
			for k := len(opts) - 1; k >= 0; k-- {
				s.carve(st, opts[k].row, opts[k].seats, choice[k].q, choice[k].seats, c)
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

// seated is a team state with a new seat, at bin bi.
type seated struct {
	st *teamState
	bi int
}

// seatStates places a seat for the groups of bit in each bin in turn (a
// bin that is already such a seat aside).
func (s *search) seatStates(ts *teamState, bit uint32) []seated {
	var out []seated
	seen := map[string]bool{}
	for bi := range ts.bins {
		st := ts.clone()
		b := st.bins[bi]
		if b.seat&bit != 0 {
			continue
		}
		at := bi
		if b.cap == 1 {
			st.bins[bi].seat |= bit
		} else {
			st.bins[bi].cap--
			b.cap, b.seat = 1, b.seat|bit
			st.bins = slices.Insert(st.bins, bi+1, b)
			at = bi + 1
		}
		if key := s.stateKey(st); !seen[key] {
			seen[key] = true
			out = append(out, seated{st, at})
		}
	}
	return out
}

// coreStates splits team t at ts, short of its experienced core, into a
// state with one more core seat in each bin (while the seats are fewer
// than the core wanted) and a state capped at the seats it has: any
// assignment either has an experienced member outside the seats, whose
// bin can be the new seat, or has none.
func (s *search) coreStates(t int32, ts *teamState) []*teamState {
	var out []*teamState
	if ts.seats(s.w.coreBit) < s.w.need[t] {
		for _, x := range s.seatStates(ts, s.w.coreBit) {
			out = append(out, bounded(x.st, ts))
		}
	}
	return append(out, capped(ts))
}

// capped is ts capped at its core seats.
func capped(ts *teamState) *teamState {
	c := bounded(ts.clone(), ts)
	c.coreCap = true
	return c
}

// bounded gives st, a state of the experienced core made from ts, ts's
// bounds on filling: a seat for the core or a cap at the seats can only
// lower what the team fills, so ts's bounds still hold, and the class
// searches that would tighten them are saved (the core is weighed once
// filling is settled).
func bounded(st, ts *teamState) *teamState {
	st.max, st.maxL, st.maxR = ts.max, ts.maxL, ts.maxR
	return st
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
	fmt.Fprint(&sb, st.resolved, st.forbid, st.coreCap)
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
		for _, x := range s.seatStates(ts, 1<<v.g) {
			cost := int64(inf)
			if l := s.list(t, x.st, x.bi, s.limit0); len(l.ps) > 0 {
				cost = l.cs[0]
			}
			if best == nil || cost < bestCost || cost == bestCost && x.bi > bestBin {
				best, bestCost, bestBin = x.st, cost, x.bi
			}
		}
		return best
	case vCore:
		return s.pickCore(t, ts)
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

// pickCore gives team t at ts, short of its experienced core, for the
// dive, the seat whose cheapest experienced candidate costs least, or the
// cap at its seats when no bin has one.
func (s *search) pickCore(t int32, ts *teamState) *teamState {
	best := capped(ts)
	bestCost := int64(inf)
	if ts.seats(s.w.coreBit) < s.w.need[t] {
		for _, x := range s.seatStates(ts, s.w.coreBit) {
			if l := s.list(t, x.st, x.bi, 1); len(l.ps) > 0 && l.cs[0] < bestCost {
				best, bestCost = bounded(x.st, ts), l.cs[0]
			}
		}
	}
	return best
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
