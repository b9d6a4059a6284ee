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

// solution is a relaxation's answer: filled slots, cost and who is where,
// and the experienced core: short is a lower bound on the experienced
// members the teams lack in any assignment of the node's subtree (what
// the teams capped at their core seats lack at least), real what they
// lack as the teams stand. cost is the cost of the placements as they
// stand, lb a lower bound on it in the subtree (below cost when core
// seats weigh on the flow, see search.shift).
type solution struct {
	fill        int
	short, real int32
	cost, lb    int64
	at          [][]placed // per team of the market
}

type placed struct {
	p    int32
	bin  int32
	n    int32
	cost int64
}

// search is a branch and bound over nodes, maximising filled slots, then
// (unless fillOnly) minimising the experienced members the teams lack,
// then cost.
type search struct {
	w        *world
	m        *market
	f        *flow
	sc       *scratch
	spare    *scratch // reused by the searches for the teams' own bounds
	fillOnly bool
	budget   int // relaxations allowed
	solved   int
	limit0   int  // first length of candidate lists
	noSkill  bool // a bound for part of a team: the required skills do not apply
	// costBudget is how many more relaxations may go to the lower tiers
	// once filling is proven optimal
	costBudget int
	best       *node
	// shift is what every placement outside a core seat costs more in the
	// flow being solved (0 when the node has no core seat): it makes the
	// flow fill the seats wherever filling allows (weights.seat)
	shift    int64
	pnode    []int32
	pedge    []int32
	pstamp   []int32
	stamp    int32
	complete bool
}

// scratch is what the relaxations of a search reuse: the flow, and the
// lists of its edges.
type scratch struct {
	f       flow
	refs    []edgeRef
	binNode []int32
}

func newSearch(w *world, m *market, fillOnly bool, budget int) *search {
	n := len(m.county)
	s := &search{w: w, m: m, fillOnly: fillOnly, budget: budget, pnode: make([]int32, n), pedge: make([]int32, n),
		pstamp: make([]int32, n), limit0: w.limit0()}
	s.use(&scratch{})
	return s
}

// use makes the search relax in sc.
func (s *search) use(sc *scratch) { s.sc, s.f = sc, &sc.f }

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
	refs, binNode := s.sc.refs, s.sc.binNode
	defer func() { s.sc.refs, s.sc.binNode = refs[:0], binNode[:0] }()
	if s.m.mult == nil {
		s.claim(n)
	}
	s.shift = s.seatShift(n)
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
			group := [2]int32{tn, tn} // local, other: capped apart for people
			if s.m.mult == nil {
				for k, local := range []bool{true, false} {
					if m := s.groupMax(t, ts, local); m >= 0 {
						group[k] = f.addNode()
						f.addEdge(tn, group[k], m, 0)
					}
				}
			}
			for bi := range ts.bins {
				b := &ts.bins[bi]
				bn := f.addNode()
				binNode = append(binNode, bn)
				g := group[1]
				if s.w.rows[b.row].local {
					g = group[0]
				}
				f.addEdge(g, bn, b.cap, 0)
				l := s.list(t, ts, bi, s.limit0)
				up := s.binShift(b)
				for k, p := range l.ps {
					pn := s.personNode(p)
					e := f.addEdge(bn, pn, min(b.cap, s.m.multOf(p)), l.cs[k]+up)
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
	sol := &solution{fill: fill, lb: s.f.totalCost() - s.shift*int64(fill), at: make([][]placed, len(n.teams))}
	for _, r := range refs {
		if x := s.f.flowOn(r.e); x > 0 {
			c := s.f.cost[r.e] - s.binShift(&n.teams[r.ti].bins[r.bi])
			sol.at[r.ti] = append(sol.at[r.ti], placed{p: r.p, bin: r.bi, n: x, cost: c})
			sol.cost += int64(x) * c
		}
	}
	if s.shift == 0 {
		sol.lb = sol.cost
	}
	s.core(n, sol)
	return sol
}

// seatShift is the shift of node n's flow: the seat weight when a team
// has a core seat, else 0. Only small rounds, which the search goes
// through for the lower tiers, pay for it: the shift doubles the lengths
// a flow's paths can take, and so its phases; a large round's dive fills
// the seats of its full teams anyway, and coverCore mends the others.
func (s *search) seatShift(n *node) int64 {
	if !s.coreOn() || s.w.slots > smallRound {
		return 0
	}
	for _, ts := range n.teams {
		if ts.seats(s.w.coreBit) > 0 {
			return s.w.wt.seat
		}
	}
	return 0
}

// binShift is what a placement in bin b costs more in the flow being
// solved: the shift, unless b is a core seat.
func (s *search) binShift(b *bin) int64 {
	if b.seat&s.w.coreBit != 0 {
		return 0
	}
	return s.shift
}

// core counts what the teams lack of their experienced core: in sol as
// it stands (real) and at least, in the teams capped at their seats
// (short).
func (s *search) core(n *node, sol *solution) {
	w := s.w
	if !s.coreOn() {
		return
	}
	for ti, t := range s.m.teams {
		need := w.need[t]
		if need == 0 {
			continue
		}
		var have int32
		for _, x := range sol.at[ti] {
			if s.m.groups[x.p]&w.coreBit != 0 {
				have += x.n
			}
		}
		sol.real += max(need-have, 0)
		if ts := n.teams[ti]; ts.coreCap {
			sol.short += max(need-ts.seats(w.coreBit), 0)
		}
	}
}

// coreOn reports whether the search weighs the experienced core: a search
// of people for every tier, with a core asked for.
func (s *search) coreOn() bool { return s.w.coreBit != 0 && !s.fillOnly && s.m.mult == nil }

// teamMax returns an upper bound on what team t can fill at state ts on
// its own, from an exact search over classes of its candidates.
func (s *search) teamMax(t int32, ts *teamState) int32 {
	if ts.max >= 0 {
		return ts.max
	}
	ts.max = s.subBound(t, ts.clone(), false)
	return ts.max
}

// groupMax bounds what the local (or the other) slots of team t at ts
// can fill on their own, the required skills aside (a member of the other
// group may bring them); -1 when the team has no such slots. It makes the
// relaxation see that, say, a team short of a local member cannot make up
// for it with one more member of a county it already has enough of.
func (s *search) groupMax(t int32, ts *teamState, local bool) int32 {
	at := &ts.maxR
	if local {
		at = &ts.maxL
	}
	if *at >= 0 || *at == -2 {
		return max(*at, -1)
	}
	sub := &teamState{resolved: ts.resolved, forbid: ts.forbid, coreCap: ts.coreCap, max: -1, maxL: -1, maxR: -1}
	for _, b := range ts.bins {
		if s.w.rows[b.row].local == local {
			sub.bins = append(sub.bins, b)
		}
	}
	if len(sub.bins) == 0 {
		*at = -2
		return -1
	}
	*at = s.subBound(t, sub, true)
	return *at
}

// subBound solves team t at ts alone over classes of its candidates and
// returns the bound found.
func (s *search) subBound(t int32, ts *teamState, noSkill bool) int32 {
	sub := newSearch(s.w, s.w.classMarket(t, ts), true, teamBudget)
	sub.noSkill = noSkill
	if s.spare == nil {
		s.spare = &scratch{}
	}
	sub.use(s.spare)
	_, bound := sub.run(&node{teams: []*teamState{ts}})
	return int32(bound)
}

// teamBudget bounds the search for one team's own bound.
const teamBudget = 400

// better reports whether a, an assignment found, beats b: more filled,
// then (unless fillOnly) fewer experienced members lacking, then less
// cost.
func (s *search) better(a, b *solution) bool {
	if b == nil {
		return true
	}
	if a.fill != b.fill {
		return a.fill > b.fill
	}
	if s.fillOnly {
		return false
	}
	if a.real != b.real {
		return a.real < b.real
	}
	return a.cost < b.cost
}

// promising reports whether the node's subtree may hold something better
// than the best found: its bounds beat the best's values.
func (s *search) promising(n *node) bool {
	if s.best == nil {
		return true
	}
	a, b := n.sol, s.best.sol
	if a.fill != b.fill {
		return a.fill > b.fill
	}
	if s.fillOnly {
		return false
	}
	if a.short != b.real {
		return a.short < b.real
	}
	return a.lb < b.cost
}

// run searches from root and returns the best node found (nil: none) and
// an upper bound on the filled slots.
//
// First a dive repairs the root relaxation into a valid assignment. Then
// a best-first search on filling alone takes the open node with the
// highest bound each time, so that the bound falls as fast as it can,
// until the best found meets it (proven) or the budget ends. Only then,
// for small rounds, a depth-first search goes on for the lower tiers; for
// the others, a dive from the best found gives the teams still short of
// their experienced core what it can. s.complete says whether everything
// the search set out to do was done.
func (s *search) run(root *node) (*node, int) {
	root.sol = s.relax(root)
	bound := root.sol.fill
	if len(s.violations(root, true)) == 0 {
		s.best = root
		if root.sol.real == 0 {
			s.complete = true
			return root, bound
		}
	} else {
		s.dive(root)
		bound = s.fill(root, bound)
	}
	proven := s.best != nil && s.best.sol.fill >= bound
	s.complete = proven && s.fillOnly
	switch {
	case !proven || s.fillOnly:
	case s.costBudget > 0:
		s.budget = s.solved + s.costBudget
		s.lower(root)
	case s.best.sol.real > 0:
		s.budget = s.solved + coreBudget
		s.dive(s.best)
	}
	return s.best, bound
}

// coreBudget is how many relaxations a large round's dive for the
// experienced core may solve once filling is proven.
const coreBudget = 24

// fill is the best-first search on filled slots; it returns the bound.
func (s *search) fill(root *node, bound int) int {
	q := &nodeQueue{}
	q.add(root)
	for q.Len() > 0 {
		top := q.items[0]
		if s.best != nil && top.sol.fill <= s.best.sol.fill {
			return s.best.sol.fill
		}
		if s.solved >= s.budget {
			return min(bound, max(top.sol.fill, bestFill(s.best)))
		}
		n := q.next()
		vs := s.violations(n, true)
		if len(vs) == 0 {
			if s.better(n.sol, bestSol(s.best)) {
				s.best = n
			}
			continue
		}
		for _, k := range s.branch(n, vs[0]) {
			k.sol = s.relax(k)
			if s.best == nil || k.sol.fill > s.best.sol.fill {
				q.add(k)
			}
		}
	}
	return bestFill(s.best)
}

// lower is the depth-first search on the lower tiers once filling is
// proven; it sets s.complete when it runs out of nodes.
func (s *search) lower(root *node) {
	stack := []*node{root}
	for len(stack) > 0 {
		if s.solved >= s.budget {
			return
		}
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !s.promising(n) {
			continue
		}
		vs := s.issues(n, true)
		if !hard(vs) && s.better(n.sol, bestSol(s.best)) {
			s.best = n
		}
		if len(vs) == 0 {
			continue
		}
		kids := s.branch(n, vs[0])
		for _, k := range kids {
			k.sol = s.relax(k)
		}
		slices.SortStableFunc(kids, func(a, b *node) int {
			return cmp.Or(cmp.Compare(b.sol.fill, a.sol.fill), cmp.Compare(a.sol.short, b.sol.short), cmp.Compare(a.sol.real, b.sol.real),
				cmp.Compare(a.sol.cost, b.sol.cost))
		})
		for i := len(kids) - 1; i >= 0; i-- {
			if s.promising(kids[i]) {
				stack = append(stack, kids[i])
			}
		}
	}
	s.complete = true
}

func bestFill(n *node) int {
	if n == nil {
		return 0
	}
	return n.sol.fill
}

// nodeQueue is a max-heap of nodes by filled slots, then least cost, then
// the order they came in.
type nodeQueue struct {
	items []*node
	seq   []int
	n     int
}

func (q *nodeQueue) Len() int { return len(q.items) }

func (q *nodeQueue) before(i, j int) bool {
	a, b := q.items[i].sol, q.items[j].sol
	if a.fill != b.fill {
		return a.fill > b.fill
	}
	if a.short != b.short {
		return a.short < b.short
	}
	if a.cost != b.cost {
		return a.cost < b.cost
	}
	return q.seq[i] < q.seq[j]
}

func (q *nodeQueue) swap(i, j int) {
	q.items[i], q.items[j] = q.items[j], q.items[i]
	q.seq[i], q.seq[j] = q.seq[j], q.seq[i]
}

func (q *nodeQueue) add(n *node) {
	q.items = append(q.items, n)
	q.seq = append(q.seq, q.n)
	q.n++
	for i := len(q.items) - 1; i > 0; {
		p := (i - 1) / 2
		if !q.before(i, p) {
			break
		}
		q.swap(i, p)
		i = p
	}
}

func (q *nodeQueue) next() *node {
	top := q.items[0]
	last := len(q.items) - 1
	q.swap(0, last)
	q.items, q.seq = q.items[:last], q.seq[:last]
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(q.items) && q.before(l, m) {
			m = l
		}
		if r := l + 1; r < len(q.items) && q.before(r, m) {
			m = r
		}
		if m == i {
			break
		}
		q.swap(i, m)
		i = m
	}
	return top
}

// dive repairs every team's first violation at once, the way that keeps
// most of the relaxation, until nothing is violated: a quick first
// solution to prune with. In the same steps it gives the teams short of
// their experienced core a seat for it, one more each time (a seat that
// stays empty and costs filled slots is taken back: the team is capped);
// every node on the way that keeps the rules is an assignment, kept when
// it is the best found.
func (s *search) dive(from *node) {
	cur := from
	for range 100 {
		vs := s.issues(cur, false)
		if !hard(vs) && s.better(cur.sol, bestSol(s.best)) {
			s.best = cur
		}
		if len(vs) == 0 || s.solved >= s.budget {
			return
		}
		next := &node{teams: slices.Clone(cur.teams)}
		before := make([]*teamState, len(cur.teams)) // the teams given a core seat, as they were before it
		for _, v := range vs {
			if v.kind == vCore {
				before[v.ti] = next.teams[v.ti]
				next.teams[v.ti] = s.pickCore(s.m.teams[v.ti], next.teams[v.ti])
			} else {
				next.teams[v.ti] = s.pick(cur, v)
			}
		}
		next.sol = s.relax(next)
		if next.sol.fill < cur.sol.fill && s.capEmptySeats(next, before) {
			next.sol = s.relax(next)
		}
		cur = next
	}
}

// capEmptySeats takes back, in a dive step to n that cost filled slots,
// the core seat of each team whose new seat stayed empty (no experienced
// person was left for it): the team is capped as it was before the seat
// (before, by team; nil for the teams given none). It reports whether it
// capped any.
func (s *search) capEmptySeats(n *node, before []*teamState) bool {
	any := false
	for ti, prev := range before {
		if prev == nil {
			continue
		}
		ts := n.teams[ti]
		room := make([]int32, len(ts.bins))
		for i, b := range ts.bins {
			room[i] = b.cap
		}
		for _, x := range n.sol.at[ti] {
			room[x.bin] -= x.n
		}
		for i, b := range ts.bins {
			if b.seat&s.w.coreBit != 0 && room[i] > 0 {
				n.teams[ti] = capped(prev)
				any = true
				break
			}
		}
	}
	return any
}

func bestSol(n *node) *solution {
	if n == nil {
		return nil
	}
	return n.sol
}
