package assign

import "slices"

// peopleMarket is the market of the whole round: every placeable person.
func (w *world) peopleMarket() *market {
	m := &market{w: w, county: make([]int32, len(w.people)), groups: make([]uint32, len(w.people))}
	for i := range w.people {
		m.county[i], m.groups[i] = w.people[i].county, w.people[i].groups
	}
	for t := range w.teams {
		m.teams = append(m.teams, int32(t))
	}
	return m
}

// classMarket is team t alone at state ts, its candidates merged into
// classes of people who are alike for it (county, rows they may fill,
// required groups met), each class as large as it is but never larger
// than the team. Solving it exactly bounds what t can fill in any
// assignment of the round.
//
// People without hits on t and not kept off it fall into the round's
// static classes (county, rows by pool, groups), whose rows only need the
// team's locality; the others are classed one by one. Experience splits
// the classes only for a state with core seats or capped at them.
func (w *world) classMarket(t int32, ts *teamState) *market {
	c := w.load(t)
	f, keep := 0, ^w.coreBit
	if ts.coreCap || ts.seats(w.coreBit) > 0 {
		f, keep = 1, ^uint32(0)
	}
	total := ts.slots()
	var avail uint32
	for _, b := range ts.bins {
		avail |= 1 << b.row
	}
	// a class is found by the family of its static classes (county and
	// groups alike), then by its rows among the family's few classes
	first := fill(make([]int32, 0, w.nFam[f]), int(w.nFam[f]), -1)
	most := len(w.sClass[f]) + len(w.tHits[t]) + len(ts.forbid) // classes at most
	same := make([]int32, 0, most)                              // the next class of the same family, -1 for none
	m := &market{w: w, teams: []int32{t}, county: make([]int32, 0, most), groups: make([]uint32, 0, most), rows: make([]uint32, 0, most),
		mult: make([]int32, 0, most)}
	add := func(fam int32, sc sclass, n int32) {
		if sc.rows == 0 || n <= 0 {
			return
		}
		i := first[fam]
		for i >= 0 && m.rows[i] != sc.rows {
			i = same[i]
		}
		if i < 0 {
			i = int32(len(m.mult))
			same = append(same, first[fam])
			first[fam] = i
			m.county = append(m.county, sc.county)
			m.groups = append(m.groups, sc.groups)
			m.rows = append(m.rows, sc.rows)
			m.mult = append(m.mult, 0)
		}
		m.mult[i] = min(m.mult[i]+n, total)
	}
	counts := slices.Clone(w.sCount[f])
	var special []int32
	for _, h := range w.tHits[t] {
		special = append(special, h.p)
	}
	special = append(special, ts.forbid...)
	slices.Sort(special)
	special = slices.Compact(special)
	for _, p := range special {
		if k := w.pClass[f][p]; k >= 0 {
			counts[k]--
		}
	}
	for k, sc := range w.sClass[f] {
		add(w.sFam[f][k], sclass{sc.county, sc.rows & w.locRows(t, sc.county) & avail, sc.groups}, counts[k])
	}
	for _, p := range special {
		pi := &w.people[p]
		if w.pClass[f][p] < 0 || ts.forbidden(p) {
			continue
		}
		var rows uint32
		for r := range w.rows {
			if avail&(1<<r) != 0 && w.base(p, t, r, c) {
				rows |= 1 << r
			}
		}
		add(w.sFam[f][w.pClass[f][p]], sclass{pi.county, rows, pi.groups & keep}, 1)
	}
	return m
}

// sclass is a static class: placeable people alike in county, the rows
// their pools allow, and the required groups they meet.
type sclass struct {
	county int32
	rows   uint32
	groups uint32
}

// compileClasses sorts the placeable people into static classes: by
// county, rows and required groups (0), and by experience too (1).
func (w *world) compileClasses() {
	for f, keep := range [2]uint32{^w.coreBit, ^uint32(0)} {
		w.pClass[f] = make([]int32, len(w.people))
		for i := range w.pClass[f] {
			w.pClass[f][i] = -1
		}
		idx := map[sclass]int32{}
		fam := map[[2]int32]int32{}
		for _, p := range w.order[0] {
			pi := &w.people[p]
			var rows uint32
			for r := range w.rows {
				if w.poolOK(pi, r) {
					rows |= 1 << r
				}
			}
			k := sclass{pi.county, rows, pi.groups & keep}
			i, ok := idx[k]
			if !ok {
				i = int32(len(w.sClass[f]))
				idx[k] = i
				w.sClass[f] = append(w.sClass[f], k)
				w.sCount[f] = append(w.sCount[f], 0)
				fk := [2]int32{k.county, int32(k.groups)}
				x, ok := fam[fk]
				if !ok {
					x = w.nFam[f]
					fam[fk] = x
					w.nFam[f]++
				}
				w.sFam[f] = append(w.sFam[f], x)
			}
			w.pClass[f][p] = i
			w.sCount[f][i]++
		}
	}
}

// locRows returns the rows of team t that someone of county c may fill
// by locality.
func (w *world) locRows(t, c int32) uint32 {
	var m uint32
	for r := range w.rows {
		if w.localOK(c, t, r) {
			m |= 1 << r
		}
	}
	return m
}

// classList lists every class that bin bi of ts takes, at no cost.
func (m *market) classList(ts *teamState, bi int) *candList {
	if len(ts.lists) != len(ts.bins) {
		ts.lists = make([]*candList, len(ts.bins))
	}
	if l := ts.lists[bi]; l != nil {
		return l
	}
	b := &ts.bins[bi]
	l := &candList{next: inf}
	for k := range m.mult {
		if m.rows[k]&(1<<b.row) != 0 && m.w.accepts(ts, b, m.county[k], m.groups[k]) {
			l.ps = append(l.ps, int32(k))
			l.cs = append(l.cs, 0)
		}
	}
	l.limit = len(l.ps)
	ts.lists[bi] = l
	return l
}
