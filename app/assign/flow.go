package assign

import "math"

// flow is a min-cost flow network solved by successive shortest paths
// with potentials (primal-dual): Dijkstra on reduced costs finds the
// distance of the cheapest augmenting path, then a blocking flow over the
// edges of zero reduced cost (Dinic) pushes every path of that length at
// once. The result is a maximum flow of least cost. Edge costs must be
// non-negative. Node and edge order decide among equal optima, so the
// result is deterministic.
type flow struct {
	head  []int32
	next  []int32
	to    []int32
	cap   []int32
	cost  []int64
	pot   []int64
	dist  []int64
	level []int32
	iter  []int32
	queue []int32
	heap  []hitem
}

type hitem struct {
	d int64
	v int32
}

const inf = math.MaxInt64 / 2

// reset empties the network and makes n nodes.
func (f *flow) reset(n int) {
	f.head = fill(f.head[:0], n, -1)
	f.next, f.to, f.cap, f.cost = f.next[:0], f.to[:0], f.cap[:0], f.cost[:0]
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
	f.head = append(f.head, -1)
	return int32(len(f.head) - 1)
}

// addEdge adds an edge u→v and its reverse; it returns the edge's number
// (its reverse is the number xor 1).
func (f *flow) addEdge(u, v int32, c int32, cost int64) int32 {
	e := int32(len(f.to))
	f.to = append(f.to, v, u)
	f.cap = append(f.cap, c, 0)
	f.cost = append(f.cost, cost, -cost)
	f.next = append(f.next, f.head[u], f.head[v])
	f.head[u], f.head[v] = e, e+1
	return e
}

// flowOn returns the flow on edge e.
func (f *flow) flowOn(e int32) int32 { return f.cap[e^1] }

// run pushes a maximum flow of least cost from s to t and returns its value.
func (f *flow) run(s, t int32) int {
	n := len(f.head)
	f.pot = fill(f.pot, n, 0)
	f.dist = fill(f.dist, n, inf)
	f.level = fill(f.level, n, -1)
	f.iter = fill(f.iter, n, -1)
	total := 0
	for f.dijkstra(s, t) {
		for f.levels(s, t) {
			copy(f.iter, f.head)
			for {
				x := f.augment(s, t, math.MaxInt32)
				if x == 0 {
					break
				}
				total += int(x)
			}
		}
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

func (f *flow) reduced(e int32, u int32) int64 { return f.cost[e] + f.pot[u] - f.pot[f.to[e]] }

// dijkstra computes reduced distances from s, stopping once t is settled,
// and moves the potentials so that the shortest paths have reduced cost 0.
// It reports whether t is reachable.
func (f *flow) dijkstra(s, t int32) bool {
	for i := range f.dist {
		f.dist[i] = inf
	}
	f.dist[s] = 0
	f.heap = append(f.heap[:0], hitem{0, s})
	for len(f.heap) > 0 {
		it := f.pop()
		u := it.v
		if it.d > f.dist[u] {
			continue
		}
		if u == t {
			break
		}
		for e := f.head[u]; e >= 0; e = f.next[e] {
			if f.cap[e] <= 0 {
				continue
			}
			v := f.to[e]
			if nd := it.d + f.reduced(e, u); nd < f.dist[v] {
				f.dist[v] = nd
				f.push(hitem{nd, v})
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
// with room left; it reports whether t is reached.
func (f *flow) levels(s, t int32) bool {
	for i := range f.level {
		f.level[i] = -1
	}
	f.level[s] = 0
	f.queue = append(f.queue[:0], s)
	for i := 0; i < len(f.queue); i++ {
		u := f.queue[i]
		for e := f.head[u]; e >= 0; e = f.next[e] {
			v := f.to[e]
			if f.cap[e] > 0 && f.level[v] < 0 && f.reduced(e, u) == 0 {
				f.level[v] = f.level[u] + 1
				f.queue = append(f.queue, v)
			}
		}
	}
	return f.level[t] >= 0
}

// augment pushes one path of the level graph from u to t.
func (f *flow) augment(u, t int32, lim int32) int32 {
	if u == t {
		return lim
	}
	for ; f.iter[u] >= 0; f.iter[u] = f.next[f.iter[u]] {
		e := f.iter[u]
		v := f.to[e]
		if f.cap[e] <= 0 || f.level[v] != f.level[u]+1 || f.reduced(e, u) != 0 {
			continue
		}
		if d := f.augment(v, t, min(lim, f.cap[e])); d > 0 {
			f.cap[e] -= d
			f.cap[e^1] += d
			return d
		}
	}
	return 0
}

// fromSink returns the reduced distances from t over the edges with room
// left (Dijkstra under the current potentials); unreachable nodes get the
// largest finite distance, which keeps every reduced cost non-negative.
func (f *flow) fromSink(t int32) []int64 {
	for i := range f.dist {
		f.dist[i] = inf
	}
	f.dist[t] = 0
	f.heap = append(f.heap[:0], hitem{0, t})
	for len(f.heap) > 0 {
		it := f.pop()
		u := it.v
		if it.d > f.dist[u] {
			continue
		}
		for e := f.head[u]; e >= 0; e = f.next[e] {
			if f.cap[e] <= 0 {
				continue
			}
			v := f.to[e]
			if nd := it.d + f.reduced(e, u); nd < f.dist[v] {
				f.dist[v] = nd
				f.push(hitem{nd, v})
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

// reach marks the nodes reachable from s over edges with room left.
func (f *flow) reach(s int32) []bool {
	seen := make([]bool, len(f.head))
	seen[s] = true
	f.queue = append(f.queue[:0], s)
	for i := 0; i < len(f.queue); i++ {
		u := f.queue[i]
		for e := f.head[u]; e >= 0; e = f.next[e] {
			if v := f.to[e]; f.cap[e] > 0 && !seen[v] {
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
