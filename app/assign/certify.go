package assign

import "slices"

// claim lets every bin in turn take the cheapest eligible person no bin
// before it took, and adds that person to its list: the lists then hold a
// greedy assignment, so the first flow fills what greedy fills and the
// certificate has little left to add.
func (s *search) claim(n *node) {
	w := s.w
	used := make([]bool, len(w.people))
	for ti, t := range s.m.teams {
		ts := n.teams[ti]
		for bi := range ts.bins {
			l := s.list(t, ts, bi, s.limit0)
			b := &ts.bins[bi]
			c := w.load(t)
			salt := w.salt(t, b)
			for range b.cap {
				best, bestCost, bestX := int32(-1), int64(inf), uint64(0)
				w.scan(t, b, func(p int32, lb int64) bool {
					if lb > bestCost {
						return false
					}
					if !used[p] && w.eligible(p, t, ts, b, c) {
						soft := w.softIn(c, p, b.row)
						cost, x := w.wt.cost(w, p, t, b.row, b.prefer, soft), mix(salt, uint64(p))
						if best < 0 || after(bestCost, bestX, cost, x) {
							best, bestCost, bestX = p, cost, x
						}
					}
					return true
				})
				if best < 0 {
					break
				}
				used[best] = true
				if !slices.Contains(l.ps, best) {
					l.ps = append(l.ps, best)
					l.cs = append(l.cs, bestCost)
				}
			}
		}
	}
}

// certified checks that no person left off a list could fill one more
// slot (a bin reachable in the residual network) or lower the cost; it
// lists further where either may.
//
// The cost side is LP duality. Moving the potentials by the residual
// distances from the sink keeps them feasible and gives every bin b its
// price T(b) = pot'(sink) - pot'(b): what freeing one of its slots could
// save at most. Every person's potential can be taken no higher than the
// sink's (people outside the network: equal to it), so a left-out edge
// can close a negative cycle only if it costs less than T(b); those few
// are checked one by one against the person's own potential.
func (s *search) certified(n *node, binNode []int32) bool {
	f := s.f
	seen := f.reach(0)
	d := f.fromSink(1)
	used := s.used()
	ok := true
	k := 0
	for ti, t := range s.m.teams {
		ts := n.teams[ti]
		for bi := range ts.bins {
			bn := binNode[k]
			k++
			l := ts.lists[bi]
			switch {
			case !l.more:
			case seen[bn]:
				// an augmenting path may go on through someone left out:
				// offer the cheapest people nobody holds
				ok = false
				if !s.w.extend(t, ts, bi, used, int(ts.bins[bi].cap)+1) {
					s.w.list(t, ts, bi, 2*l.limit)
				}
			case !s.priced(t, ts, bi, bn, d):
				ok = false
			}
		}
	}
	return ok
}

// priced checks the left-out edges of bin bi against the potentials
// moved by d, and lists the people whose edges would lower the cost; it
// reports whether there were none.
func (s *search) priced(t int32, ts *teamState, bi int, bn int32, d []int64) bool {
	f, w := s.f, s.w
	sink := f.pot[1] + d[1]
	at := f.pot[bn] + d[bn]
	price := sink - at
	l := ts.lists[bi]
	up := s.binShift(&ts.bins[bi])
	if l.next+up >= price {
		return true
	}
	// a bin that has to be listed further gets the people close to its
	// price too: they are the next to turn negative once prices move
	margin := w.wt.w[tOff]
	c := w.load(t)
	b := &ts.bins[bi]
	w.stamp++
	for _, p := range l.ps {
		w.mark[p] = w.stamp
	}
	var near []int32
	var nearCost []int64
	negative := false
	w.scan(t, b, func(p int32, lb int64) bool {
		if lb+up >= price || negative && len(near) >= priceBatch {
			return false
		}
		if w.mark[p] == w.stamp || !w.eligible(p, t, ts, b, c) {
			return true
		}
		soft := w.softIn(c, p, b.row)
		cost := w.wt.cost(w, p, t, b.row, b.prefer, soft)
		pp := sink
		if s.pstamp[p] == s.stamp {
			pn := s.pnode[p]
			pp = min(sink, f.pot[pn]+d[pn])
		}
		if rc := cost + up + at - pp; rc < 0 || rc < margin && len(near) < priceBatch {
			negative = negative || rc < 0
			near = append(near, p)
			nearCost = append(nearCost, cost)
		}
		return true
	})
	if !negative {
		return true
	}
	l.ps = append(l.ps, near...)
	l.cs = append(l.cs, nearCost...)
	return false
}

// used marks the people the current flow places.
func (s *search) used() []bool {
	u := make([]bool, len(s.pstamp))
	for p := range u {
		u[p] = s.pstamp[p] == s.stamp && s.f.flowOn(s.pedge[p]) > 0
	}
	return u
}

// priceBatch is how many people one bin's pricing adds at most per round.
const priceBatch = 32
