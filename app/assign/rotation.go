package assign

import (
	"slices"

	"xuncha/app/vocab"
)

// Penalties of the rotation's assignment problem, in order: a county
// inspecting itself is never chosen; a pair of the previous round comes
// next; then every slot the pair cannot fill; then the seed's tie-break.
const (
	rotSelf     = int64(1) << 50
	rotPrevious = int64(1) << 36
	rotShort    = int64(1) << 16
)

// rotate chooses, for 成建制交叉, the county whose people staff each
// inspected county's teams: no county inspects itself, no two counties
// inspect each other where there are three or more, the previous round's
// pairs are avoided, and pairs whose supply cannot fill the slots come
// last. It sets w.source and returns the routes by inspected county.
func (w *world) rotate() []Route {
	var ins []int32
	for _, t := range w.teams {
		if t.county >= 0 && !slices.Contains(ins, t.county) {
			ins = append(ins, t.county)
		}
	}
	slices.Sort(ins)
	var src []int32
	for c, l := range w.byCounty[0] {
		if len(l) > 0 {
			src = append(src, int32(c))
		}
	}
	if len(ins) == 0 || len(src) == 0 {
		return nil
	}
	prev := map[[2]int32]bool{}
	for _, r := range w.in.Previous {
		prev[[2]int32{w.county(r.Inspected), w.county(r.Source)}] = true
	}
	seed := seedHash(w.in.Seed)
	cost := make([][]int64, len(ins))
	for i, a := range ins {
		cost[i] = make([]int64, len(src))
		for j, b := range src {
			c := int64(w.shortfall(a, b)) * rotShort
			if a == b {
				c += rotSelf
			}
			if prev[[2]int32{a, b}] {
				c += rotPrevious
			}
			c += int64(mix(seed, uint64(a)<<32|uint64(b)) % (1 << 12))
			cost[i][j] = c
		}
	}
	to := hungarian(cost)
	sigma := make(map[int32]int32, len(ins))
	for i, j := range to {
		if j >= 0 {
			sigma[ins[i]] = src[j]
		}
	}
	if len(ins) >= 3 {
		w.breakPairs(ins, src, sigma, cost)
	}
	var routes []Route
	for _, a := range ins {
		if b, ok := sigma[a]; ok {
			routes = append(routes, Route{Inspected: w.counties[a], Source: w.counties[b]})
		}
	}
	for t := range w.teams {
		if b, ok := sigma[w.teams[t].county]; ok {
			w.source[t] = b
		}
	}
	return routes
}

// breakPairs merges every two-county exchange (a→b, b→a) into a longer
// cycle by swapping a's source with another county's, the cheapest swap
// that creates no self-inspection and no new exchange.
func (w *world) breakPairs(ins, src []int32, sigma map[int32]int32, cost [][]int64) {
	row := func(c int32) int { return slices.Index(ins, c) }
	col := func(c int32) int { return slices.Index(src, c) }
	at := func(a int32) int64 { return cost[row(a)][col(sigma[a])] }
	pair := func(a int32) bool {
		b, ok := sigma[a]
		if !ok || b == a {
			return false
		}
		c, ok := sigma[b]
		return ok && c == a
	}
	for range len(ins) {
		var a int32 = -1
		for _, x := range ins {
			if pair(x) {
				a = x
				break
			}
		}
		if a < 0 {
			return
		}
		bestK, bestD := int32(-1), int64(0)
		for _, k := range ins {
			if k == a || k == sigma[a] {
				continue
			}
			sa, sk := sigma[a], sigma[k]
			if sk == a || sa == k {
				continue
			}
			d := cost[row(a)][col(sk)] + cost[row(k)][col(sa)] - at(a) - at(k)
			sigma[a], sigma[k] = sk, sa
			ok := !pair(a) && !pair(k) && !pair(sk) && !pair(sa)
			sigma[a], sigma[k] = sa, sk
			if ok && (bestK < 0 || d < bestD) {
				bestK, bestD = k, d
			}
		}
		if bestK < 0 {
			return
		}
		sigma[a], sigma[bestK] = sigma[bestK], sigma[a]
	}
}

// shortfall estimates how many slots of county a's teams that come from
// the source county (异地 rows) the people of county b cannot fill, by
// pools alone (people of b grouped by the rows they may fill; hard recusal
// between counties is rare).
func (w *world) shortfall(a, b int32) int {
	need := make([]int32, len(w.rows))
	total := int32(0)
	for t := range w.teams {
		if w.teams[t].county != a {
			continue
		}
		for r, row := range w.rows {
			if row.from == vocab.FromElsewhere {
				need[r] += int32(w.rowLeft[t][r])
				total += int32(w.rowLeft[t][r])
			}
		}
	}
	if total == 0 {
		return 0
	}
	types := map[uint32]int32{}
	var keys []uint32
	for _, p := range w.byCounty[0][b] {
		var m uint32
		for r, row := range w.rows {
			if row.from == vocab.FromElsewhere && w.poolOK(&w.people[p], r) {
				m |= 1 << r
			}
		}
		if m != 0 {
			if types[m] == 0 {
				keys = append(keys, m)
			}
			types[m]++
		}
	}
	slices.Sort(keys)
	var f flow
	f.reset(2 + len(keys) + len(w.rows))
	for i, k := range keys {
		f.addEdge(0, int32(2+i), types[k], 0)
		for r := range w.rows {
			if k&(1<<r) != 0 {
				f.addEdge(int32(2+i), int32(2+len(keys)+r), types[k], 0)
			}
		}
	}
	for r := range w.rows {
		if need[r] > 0 {
			f.addEdge(int32(2+len(keys)+r), 1, need[r], 0)
		}
	}
	return int(total) - f.run(0, 1)
}

// mix is a small deterministic hash for tie-breaks.
func mix(seed, x uint64) uint64 {
	z := seed ^ x*0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// hungarian solves the rectangular assignment problem (rows ≤ columns
// assumed; extra rows stay unassigned) and returns each row's column.
func hungarian(cost [][]int64) []int {
	n := len(cost)
	if n == 0 {
		return nil
	}
	m := len(cost[0])
	real := m
	if n > m { // more inspected counties than sources: pad with dummy columns
		for i := range cost {
			for len(cost[i]) < n {
				cost[i] = append(cost[i], rotSelf*4)
			}
		}
		m = n
	}
	u := make([]int64, n+1)
	v := make([]int64, m+1)
	p := make([]int, m+1)
	way := make([]int, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int64, m+1)
		used := make([]bool, m+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], int64(inf), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost[i0-1][j-1] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for j := 1; j <= m; j++ {
		if p[j] > 0 && j-1 < real && cost[p[j]-1][j-1] < rotSelf*4 {
			out[p[j]-1] = j - 1
		}
	}
	return out
}

// swapBound bounds the filled slots of 成建制交叉 over every rotation:
// the relaxation in which each team may draw its non-local slots from any
// other county, with no county cap.
func (w *world) swapBound() int {
	if w.slots == 0 {
		return 0
	}
	in := *w.in
	in.Mode = vocab.ModeMixed
	set := w.set
	set.MaxPerCounty = w.slots + 1
	v, err := newWorld(&in, set)
	if err != nil {
		return w.slots
	}
	turn := 0
	root := &node{}
	for t := range v.teams {
		root.teams = append(root.teams, v.rootState(int32(t), nil, &turn))
	}
	s := newSearch(v, v.peopleMarket(), true, 1)
	return s.relax(root).fill
}
