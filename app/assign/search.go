package assign

import (
	"cmp"
	"slices"
)

// market is what a search places: the people themselves (mult nil), or,
// for a team's own bound, classes of interchangeable people.
type market struct {
	w      *world
	teams  []int32  // the teams in play
	county []int32  // per person or class
	groups []uint32 // required groups met
	mult   []int32  // class sizes; nil: one each
	rows   []uint32 // classes: rows they may fill
}

func (m *market) multOf(p int32) int32 {
	if m.mult == nil {
		return 1
	}
	return m.mult[p]
}

// node is a point of the search: every team's slots, and the relaxation.
type node struct {
	teams []*teamState // like market.teams
	sol   *solution
}

// solution is a relaxation's answer: filled slots, cost and who is where.
type solution struct {
	fill int
	cost int64
	at   [][]placed // per team of the market
}

type placed struct {
	p    int32
	bin  int32
	n    int32
	cost int64
}

// search is a branch and bound over nodes, maximising filled slots, then
// (unless fillOnly) minimising cost.
type search struct {
	w        *world
	m        *market
	f        *flow
	spare    *flow // reused by the searches for the teams' own bounds
	fillOnly bool
	budget   int // relaxations allowed
	solved   int
	limit0   int // first length of candidate lists
	// costBudget is how many more relaxations may go to the lower tiers
	// once filling is proven optimal
	costBudget int
	best       *node
	pnode      []int32
	pedge      []int32
	pstamp     []int32
	stamp      int32
	complete   bool
}

func newSearch(w *world, m *market, fillOnly bool, budget int) *search {
	n := len(m.county)
	return &search{w: w, m: m, f: &flow{}, fillOnly: fillOnly, budget: budget, pnode: make([]int32, n), pedge: make([]int32, n),
		pstamp: make([]int32, n), limit0: w.limit0()}
}

// limit0 is the first length of a bin's candidate list: enough for the
// bins that lean to one county to find distinct people there.
func (w *world) limit0() int {
	return min(12+w.slots/max(1, len(w.counties)), 64)
}

type edgeRef struct {
	e      int32
	ti, bi int32
	p      int32
	node   int32 // the bin's node
}

// relax solves the node's relaxation: the flow without the constraints
// that cross it, each team capped by its own bound. For people it is
// certified on every eligible person, not only the listed ones: a bin
// whose list may hide a better or an augmenting choice is listed further
// and the flow solved again.
func (s *search) relax(n *node) *solution {
	s.solved++
	var refs []edgeRef
	var binNode []int32
	if s.m.mult == nil {
		s.claim(n)
	}
	for {
		f := s.f
		f.reset(2)
		s.stamp++
		refs, binNode = refs[:0], binNode[:0]
		for ti, t := range s.m.teams {
			ts := n.teams[ti]
			c := ts.slots()
			if s.m.mult == nil {
				c = min(c, s.teamMax(t, ts))
			}
			tn := f.addNode()
			f.addEdge(0, tn, c, 0)
			for bi := range ts.bins {
				b := &ts.bins[bi]
				bn := f.addNode()
				binNode = append(binNode, bn)
				f.addEdge(tn, bn, b.cap, 0)
				l := s.list(t, ts, bi, s.limit0)
				for k, p := range l.ps {
					pn := s.personNode(p)
					e := f.addEdge(bn, pn, min(b.cap, s.m.multOf(p)), l.cs[k])
					refs = append(refs, edgeRef{e: e, ti: int32(ti), bi: int32(bi), p: p, node: bn})
				}
			}
		}
		fill := f.run(0, 1)
		if s.m.mult != nil || s.certified(n, binNode) {
			return s.extract(n, refs, fill)
		}
	}
}

func (s *search) list(t int32, ts *teamState, bi int, limit int) *candList {
	if s.m.mult != nil {
		return s.m.classList(ts, bi)
	}
	return s.w.list(t, ts, bi, limit)
}

func (s *search) personNode(p int32) int32 {
	if s.pstamp[p] == s.stamp {
		return s.pnode[p]
	}
	pn := s.f.addNode()
	s.pedge[p] = s.f.addEdge(pn, 1, s.m.multOf(p), 0)
	s.pstamp[p], s.pnode[p] = s.stamp, pn
	return pn
}

func (s *search) extract(n *node, refs []edgeRef, fill int) *solution {
	sol := &solution{fill: fill, cost: s.f.totalCost(), at: make([][]placed, len(n.teams))}
	for _, r := range refs {
		if x := s.f.flowOn(r.e); x > 0 {
			sol.at[r.ti] = append(sol.at[r.ti], placed{p: r.p, bin: r.bi, n: x, cost: s.f.cost[r.e]})
		}
	}
	return sol
}

// teamMax returns an upper bound on what team t can fill at state ts on
// its own, from an exact search over classes of its candidates.
func (s *search) teamMax(t int32, ts *teamState) int32 {
	if ts.max >= 0 {
		return ts.max
	}
	cm := s.w.classMarket(t, ts)
	sub := newSearch(s.w, cm, true, teamBudget)
	if s.spare == nil {
		s.spare = &flow{}
	}
	sub.f = s.spare
	root := &node{teams: []*teamState{ts.clone()}}
	_, bound := sub.run(root)
	ts.max = int32(bound)
	return ts.max
}

// teamBudget bounds the search for one team's own bound.
const teamBudget = 400

// better reports whether a beats b: more filled, then (unless fillOnly)
// less cost.
func (s *search) better(a, b *solution) bool {
	if b == nil {
		return true
	}
	if a.fill != b.fill {
		return a.fill > b.fill
	}
	return !s.fillOnly && a.cost < b.cost
}

// promising reports whether the node's subtree may hold something better
// than the best found.
func (s *search) promising(n *node) bool {
	return s.best == nil || s.better(n.sol, s.best.sol)
}

// run searches from root and returns the best node found (nil: none) and
// an upper bound on the filled slots; s.complete says whether the search
// was exhaustive.
func (s *search) run(root *node) (*node, int) {
	root.sol = s.relax(root)
	bound := root.sol.fill
	if len(s.violations(root, true)) == 0 {
		s.best, s.complete = root, true
		return root, bound
	}
	s.dive(root)
	if s.best != nil && s.best.sol.fill >= bound {
		if s.fillOnly {
			s.complete = true
			return s.best, bound
		}
		// filling is proven optimal; the lower tiers are searched on
		// only while the budget for them lasts
		s.budget = min(s.budget, s.solved+s.costBudget)
	}
	stack := []*node{root}
	for len(stack) > 0 {
		if s.solved >= s.budget {
			open := 0
			for _, n := range stack {
				open = max(open, n.sol.fill)
			}
			if s.best != nil {
				open = max(open, s.best.sol.fill)
			}
			return s.best, min(open, bound)
		}
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !s.promising(n) {
			continue
		}
		vs := s.violations(n, true)
		if len(vs) == 0 {
			s.best = n
			if s.fillOnly && n.sol.fill >= bound {
				break
			}
			continue
		}
		kids := s.branch(n, vs[0])
		for _, k := range kids {
			k.sol = s.relax(k)
		}
		slices.SortStableFunc(kids, func(a, b *node) int {
			return cmp.Or(cmp.Compare(b.sol.fill, a.sol.fill), cmp.Compare(a.sol.cost, b.sol.cost))
		})
		for i := len(kids) - 1; i >= 0; i-- {
			if s.promising(kids[i]) {
				stack = append(stack, kids[i])
			}
		}
	}
	s.complete = true
	if s.best == nil {
		return nil, 0
	}
	return s.best, s.best.sol.fill
}

// dive repairs every team's first violation at once, the way that keeps
// most of the relaxation, until nothing is violated: a quick first
// solution to prune with.
func (s *search) dive(root *node) {
	cur := root
	for range 100 {
		vs := s.violations(cur, false)
		if len(vs) == 0 {
			if s.better(cur.sol, bestSol(s.best)) {
				s.best = cur
			}
			return
		}
		if s.solved >= s.budget {
			return
		}
		next := &node{teams: slices.Clone(cur.teams)}
		for _, v := range vs {
			next.teams[v.ti] = s.pick(cur, v)
		}
		next.sol = s.relax(next)
		cur = next
	}
}

func bestSol(n *node) *solution {
	if n == nil {
		return nil
	}
	return n.sol
}
