package assign

import (
	"math"
	"slices"
)

// flow is a min-cost flow network solved by successive shortest paths
// with potentials (primal-dual): Dijkstra on reduced costs finds the
// distance of the cheapest augmenting path, then a blocking flow over the
// edges of zero reduced cost (Dinic) pushes every path of that length at
// once. The result is a maximum flow of least cost. Edge costs must be
// non-negative. Node and edge order decide among equal optima, so the
// result is deterministic: each node's edges are taken newest first.
//
// Edges are added by number (an edge and its reverse, numbers e and e^1);
// run lays them out node by node (arcs, in the order above) so that the
// passes over a node's edges read memory in sequence, and writes the
// flow back by number when it is done.
type flow struct {
	n    int     // nodes
	to   []int32 // per edge number
	cap  []int32
	cost []int64
	// the layout run makes: node u's arcs are arcs[first[u]:first[u+1]]
	first []int32
	arcs  []arc
	rev   []int32 // per arc: its reverse's arc
	pos   []int32 // edge number → arc
	fill  []int32
	laid  int // edges laid out (-1: none)
	pot   []int64
	dist  []int64
	level []int32
	iter  []int32
	queue []int32
	heap  []hitem
}

// arc is an edge as run lays it out: where it goes, the room left and
// the cost.
type arc struct {
	to, cap int32
	cost    int64
}

type hitem struct {
	d int64
	v int32
}

const inf = math.MaxInt64 / 2

// reset empties the network and makes n nodes.
func (f *flow) reset(n int) {
	f.n = n
	f.to, f.cap, f.cost = f.to[:0], f.cap[:0], f.cost[:0]
	f.laid = -1
}

func fill[T any](s []T, n int, v T) []T {
	for len(s) < n {
		s = append(s, v)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

// addNode adds a node and returns its number.
func (f *flow) addNode() int32 {
	f.n++
	return int32(f.n - 1)
}

// addEdge adds an edge u→v and its reverse; it returns the edge's number
// (its reverse is the number xor 1).
func (f *flow) addEdge(u, v int32, c int32, cost int64) int32 {
	e := int32(len(f.to))
	f.to = append(f.to, v, u)
	f.cap = append(f.cap, c, 0)
	f.cost = append(f.cost, cost, -cost)
	f.laid = -1
	return e
}

// flowOn returns the flow on edge e.
func (f *flow) flowOn(e int32) int32 { return f.cap[e^1] }

// layout lays the edges out node by node, each node's newest first.
func (f *flow) layout() {
	if f.laid == len(f.to) {
		return
	}
	n, m := f.n, len(f.to)
	f.first = fill(f.first, n+1, 0)
	for e := range m {
		f.first[f.to[e^1]+1]++
	}
	for u := range n {
		f.first[u+1] += f.first[u]
	}
	f.fill = append(f.fill[:0], f.first[:n]...)
	f.pos = slices.Grow(f.pos[:0], m)[:m]
	f.arcs = slices.Grow(f.arcs[:0], m)[:m]
	f.rev = slices.Grow(f.rev[:0], m)[:m]
	for e := m - 1; e >= 0; e-- {
		u := f.to[e^1]
		f.pos[e] = f.fill[u]
		f.fill[u]++
	}
	for e := range m {
		i := f.pos[e]
		f.arcs[i] = arc{to: f.to[e], cap: f.cap[e], cost: f.cost[e]}
		f.rev[i] = f.pos[e^1]
	}
	f.laid = m
}

// run pushes a maximum flow of least cost from s to t and returns its value.
func (f *flow) run(s, t int32) int {
	f.layout()
	n := f.n
	f.pot = fill(f.pot, n, 0)
	f.dist = fill(f.dist, n, inf)
	f.level = fill(f.level, n, -1)
	f.iter = fill(f.iter, n, -1)
	total := 0
	for f.dijkstra(s, t) {
		for f.levels(s, t) {
			copy(f.iter, f.first[:n])
			for {
				x := f.augment(s, t, math.MaxInt32)
				if x == 0 {
					break
				}
				total += int(x)
			}
		}
	}
	for e := range f.cap {
		f.cap[e] = f.arcs[f.pos[e]].cap
	}
	return total
}

// totalCost returns the cost of the current flow.
func (f *flow) totalCost() int64 {
	var c int64
	for e := 0; e < len(f.to); e += 2 {
		if x := f.cap[e+1]; x > 0 {
			c += int64(x) * f.cost[e]
		}
	}
	return c
}

// dijkstra computes reduced distances from s, stopping once t is settled,
// and moves the potentials so that the shortest paths have reduced cost 0.
// It reports whether t is reachable.
func (f *flow) dijkstra(s, t int32) bool {
	for i := range f.dist {
		f.dist[i] = inf
	}
	f.dist[s] = 0
	f.heap = append(f.heap[:0], hitem{0, s})
	pot := f.pot
	for len(f.heap) > 0 {
		it := f.pop()
		u := it.v
		if it.d > f.dist[u] {
			continue
		}
		if u == t {
			break
		}
		base := it.d + pot[u]
		for _, a := range f.arcs[f.first[u]:f.first[u+1]] {
			if a.cap <= 0 {
				continue
			}
			if nd := base + a.cost - pot[a.to]; nd < f.dist[a.to] {
				f.dist[a.to] = nd
				f.push(hitem{nd, a.to})
			}
		}
	}
	dt := f.dist[t]
	if dt >= inf {
		return false
	}
	for v := range f.pot {
		f.pot[v] += min(f.dist[v], dt)
	}
	return true
}

// levels numbers the nodes by BFS over the edges of zero reduced cost
// with room left; it reports whether t is reached. It stops once t has
// its number: a node numbered beyond it cannot lead on to t in the
// blocking flow, which only goes one number up at each edge.
func (f *flow) levels(s, t int32) bool {
	for i := range f.level {
		f.level[i] = -1
	}
	f.level[s] = 0
	f.queue = append(f.queue[:0], s)
	pot := f.pot
	for i := 0; i < len(f.queue); i++ {
		u := f.queue[i]
		pu, lu := pot[u], f.level[u]+1
		for _, a := range f.arcs[f.first[u]:f.first[u+1]] {
			if a.cap > 0 && f.level[a.to] < 0 && a.cost+pu == pot[a.to] {
				f.level[a.to] = lu
				if a.to == t {
					return true
				}
				f.queue = append(f.queue, a.to)
			}
		}
	}
	return false
}

// augment pushes one path of the level graph from u to t.
func (f *flow) augment(u, t int32, lim int32) int32 {
	if u == t {
		return lim
	}
	// the path cannot come back to u (levels only go up), so the
	// current arc is kept in i and stored on the way out
	end := f.first[u+1]
	pu, lu := f.pot[u], f.level[u]+1
	for i := f.iter[u]; i < end; i++ {
		a := &f.arcs[i]
		v := a.to
		if a.cap <= 0 || f.level[v] != lu || a.cost+pu != f.pot[v] {
			continue
		}
		if d := f.augment(v, t, min(lim, a.cap)); d > 0 {
			a.cap -= d
			f.arcs[f.rev[i]].cap += d
			f.iter[u] = i
			return d
		}
	}
	f.iter[u] = end
	return 0
}

// fromSink returns the reduced distances from t over the edges with room
// left (Dijkstra under the current potentials); unreachable nodes get the
// largest finite distance, which keeps every reduced cost non-negative.
// It reads the layout of the last run.
func (f *flow) fromSink(t int32) []int64 {
	for i := range f.dist {
		f.dist[i] = inf
	}
	f.dist[t] = 0
	f.heap = append(f.heap[:0], hitem{0, t})
	pot := f.pot
	for len(f.heap) > 0 {
		it := f.pop()
		u := it.v
		if it.d > f.dist[u] {
			continue
		}
		base := it.d + pot[u]
		for _, a := range f.arcs[f.first[u]:f.first[u+1]] {
			if a.cap <= 0 {
				continue
			}
			if nd := base + a.cost - pot[a.to]; nd < f.dist[a.to] {
				f.dist[a.to] = nd
				f.push(hitem{nd, a.to})
			}
		}
	}
	var top int64
	for _, d := range f.dist {
		if d < inf {
			top = max(top, d)
		}
	}
	for i, d := range f.dist {
		if d >= inf {
			f.dist[i] = top
		}
	}
	return f.dist
}

// reach marks the nodes reachable from s over edges with room left. It
// reads the layout of the last run.
func (f *flow) reach(s int32) []bool {
	seen := make([]bool, f.n)
	seen[s] = true
	f.queue = append(f.queue[:0], s)
	for i := 0; i < len(f.queue); i++ {
		u := f.queue[i]
		for _, a := range f.arcs[f.first[u]:f.first[u+1]] {
			if v := a.to; a.cap > 0 && !seen[v] {
				seen[v] = true
				f.queue = append(f.queue, v)
			}
		}
	}
	return seen
}

func (f *flow) push(x hitem) {
	h := append(f.heap, x)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !less(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	f.heap = h
}

func (f *flow) pop() hitem {
	h := f.heap
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	i := 0
	for {
		l, m := 2*i+1, i
		if l < n && less(h[l], h[m]) {
			m = l
		}
		if r := l + 1; r < n && less(h[r], h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	f.heap = h
	return top
}

func less(a, b hitem) bool { return a.d < b.d || a.d == b.d && a.v < b.v }
