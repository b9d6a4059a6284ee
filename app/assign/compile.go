package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

func (w *world) skillBits() {
	w.skillBit = make(map[string]uint32)
	for i, s := range vocab.Skills {
		w.skillBit[s] = 1 << i
	}
	for _, g := range w.set.RequiredSkills {
		var m uint32
		for _, s := range splitGroup(g) {
			m |= w.skillBit[s]
		}
		w.groups = append(w.groups, m)
		w.gnames = append(w.gnames, groupLabel(g))
	}
	// The 巡审联动 requirement is one more required group, met by the
	// people the instance marks rather than by a skill.
	w.joint = -1
	if w.in.Joint != "" {
		w.joint = len(w.groups)
		w.groups = append(w.groups, 0)
		w.gnames = append(w.gnames, jointName)
	}
	// Experience is the bit after the required groups (not one of them).
	if w.set.Experience.Core > 0 {
		w.coreBit = 1 << len(w.groups)
	}
}

func (w *world) mask(skills []string) uint32 {
	var m uint32
	for _, s := range skills {
		m |= w.skillBit[s]
	}
	return m
}

func poolSet(names []string) snap.PoolSet {
	var p snap.PoolSet
	for _, n := range names {
		switch n {
		case vocab.PoolLeader:
			p |= snap.LeaderPool
		case vocab.PoolStaff:
			p |= snap.StaffPool
		case vocab.PoolExpert:
			p |= snap.ExpertPool
		}
	}
	return p
}

// compileRows reads the composition table under the mode: in 本县 every
// row but a 市本级 one comes from the team's own jurisdiction.
func (w *world) compileRows() {
	for _, r := range w.set.Rows {
		from := r.From()
		if w.mode == vocab.ModeLocal && from != vocab.FromCity {
			from = vocab.FromLocal
		}
		w.rows = append(w.rows, rinfo{role: r.Role, count: r.Count, from: from, local: from == vocab.FromLocal,
			pools: poolSet(r.Pools), ft: r.FullTimeOnly, rotated: w.set.Experience.Rotated(r.Role)})
	}
}

func (w *world) compileCounties() {
	seen := map[string]bool{}
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			w.counties = append(w.counties, c)
		}
	}
	for _, p := range w.in.People {
		add(p.County)
	}
	for _, t := range w.in.Teams {
		add(t.County)
	}
	slices.Sort(w.counties)
	w.cidx = make(map[string]int32, len(w.counties))
	w.city = make([]bool, len(w.counties))
	for i, c := range w.counties {
		w.cidx[c] = int32(i)
		w.city[i] = slices.Contains(w.in.City, c)
	}
}

func (w *world) compilePeople() error {
	ps := slices.Clone(w.in.People)
	slices.SortFunc(ps, func(a, b Person) int { return strings.Compare(a.Code, b.Code) })
	w.pidx = make(map[string]int32, len(ps))
	excluded := map[string]bool{}
	for _, c := range w.in.Excluded {
		excluded[c] = true
	}
	for i, p := range ps {
		if i > 0 && ps[i-1].Code == p.Code {
			return fmt.Errorf("人员编号 %s 重复", p.Code)
		}
		sk := w.mask(p.Skills)
		var g uint32
		for j, m := range w.groups {
			if sk&m != 0 || j == w.joint && p.Joint {
				g |= 1 << j
			}
		}
		if p.Experience > 0 {
			g |= w.coreBit
		}
		fair := int64(p.Served)
		if p.Previous {
			fair++
		}
		ob := w.set.Experience.obligation(&p, w.in.Start)
		w.people = append(w.people, pinfo{code: p.Code, county: w.county(p.County), pools: p.Pools, ft: p.FullTime,
			skills: sk, groups: g, status: p.Status, exp: int32(p.Experience), fair: fair, owed: int32(ob.Owed), due: ob.Due,
			active: p.Status == vocab.StatusActive && p.Pools.Any() && !excluded[p.Code]})
		w.pidx[p.Code] = int32(i)
	}
	return nil
}

func (w *world) compileTeams() {
	w.tdata = slices.Clone(w.in.Teams)
	slices.SortStableFunc(w.tdata, func(a, b Team) int { return cmp.Or(cmp.Compare(a.Seq, b.Seq), strings.Compare(a.Name, b.Name)) })
	for _, t := range w.tdata {
		var d uint32
		for _, c := range t.Categories {
			d |= w.mask(w.set.SkillsByCategory[c])
		}
		w.teams = append(w.teams, tinfo{name: t.Name, county: w.county(t.County), desire: d})
		w.slots += w.set.Slots()
	}
	w.source = make([]int32, len(w.teams))
	for i := range w.source {
		w.source[i] = -1
	}
}

func (w *world) compileHits() {
	tix := make(map[string]int32, len(w.teams))
	for i, t := range w.teams {
		tix[t.name] = int32(i)
	}
	type ref struct {
		t, p int32
		i    int32
	}
	var refs []ref
	for i := range w.in.Hits {
		h := &w.in.Hits[i]
		if h.Rule == "R4" || h.Rule == "R6" || h.Rule == "R7" {
			continue // locality is the role table's; pairs come as Pairs
		}
		t, ok1 := tix[h.Team]
		p, ok2 := w.pidx[h.Person]
		if ok1 && ok2 {
			refs = append(refs, ref{t, p, int32(i)})
		}
	}
	slices.SortFunc(refs, func(a, b ref) int {
		ha, hb := &w.in.Hits[a.i], &w.in.Hits[b.i]
		return cmp.Or(cmp.Compare(a.t, b.t), cmp.Compare(a.p, b.p), strings.Compare(ha.Rule, hb.Rule),
			strings.Compare(ha.Unit, hb.Unit), cmp.Compare(a.i, b.i))
	})
	var local uint32
	for j, row := range w.rows {
		if row.local {
			local |= 1 << j
		}
	}
	w.tHits = make([][]thit, len(w.teams))
	for k, r := range refs {
		w.hitOrder = append(w.hitOrder, r.i)
		l := w.tHits[r.t]
		if n := len(l); n == 0 || l[n-1].p != r.p {
			l = append(l, thit{p: r.p, lo: int32(k), sp: int32(len(w.softParts))})
		}
		x := &l[len(l)-1]
		x.hi = int32(k + 1)
		h := &w.in.Hits[r.i]
		var rows uint32
		for j, row := range w.rows {
			if h.binds(row.role) {
				rows |= 1 << j
			}
		}
		if h.Hard && !h.Overridden {
			x.block |= rows
		} else {
			if h.Rule == "R4b" {
				rows &^= local
			}
			w.addSoft(x, rows)
		}
		w.tHits[r.t] = l
	}
}

// addSoft counts a soft hit of x that weighs on rows.
func (w *world) addSoft(x *thit, rows uint32) {
	if rows == 0 {
		return
	}
	parts := w.softParts[x.sp : x.sp+x.sn]
	if i := slices.IndexFunc(parts, func(sp softPart) bool { return sp.rows == rows }); i >= 0 {
		parts[i].n = min(parts[i].n+1, softCap)
		return
	}
	w.softParts = append(w.softParts, softPart{rows: rows, n: 1})
	x.sn++
}

func (w *world) compilePairs() {
	w.rel = make([][]prel, len(w.people))
	w.pairsOf = make([][]int32, len(w.people))
	for i, pr := range w.in.Pairs {
		for _, c := range []string{pr.A, pr.B} {
			if p, ok := w.pidx[c]; ok && !slices.Contains(w.pairsOf[p], int32(i)) {
				w.pairsOf[p] = append(w.pairsOf[p], int32(i))
			}
		}
	}
	for i, pr := range w.in.Pairs {
		if pr.Rule != "R6" || !pr.Hard {
			continue
		}
		a, ok1 := w.pidx[pr.A]
		b, ok2 := w.pidx[pr.B]
		if !ok1 || !ok2 || a == b {
			continue
		}
		var lifted []int32
		for _, t := range pr.Lifted {
			if x := w.teamIndex(t); x >= 0 {
				lifted = append(lifted, x)
			}
		}
		slices.Sort(lifted)
		w.rel[a] = append(w.rel[a], prel{other: b, lifted: lifted, pair: int32(i)})
		w.rel[b] = append(w.rel[b], prel{other: a, lifted: lifted, pair: int32(i)})
	}
	for i := range w.rel {
		slices.SortFunc(w.rel[i], func(x, y prel) int { return cmp.Or(cmp.Compare(x.other, y.other), cmp.Compare(x.pair, y.pair)) })
	}
}

func (w *world) compileLocks() error {
	w.locks = make([][]lockAt, len(w.teams))
	w.lockedOf = make([]int32, len(w.people))
	for i := range w.lockedOf {
		w.lockedOf[i] = -1
	}
	w.rowLeft = make([][]int, len(w.teams))
	for t := range w.teams {
		w.rowLeft[t] = make([]int, len(w.rows))
		for r, row := range w.rows {
			w.rowLeft[t][r] = row.count
		}
	}
	for _, l := range w.in.Locks {
		p, ok := w.pidx[l.Person]
		if !ok {
			return fmt.Errorf("锁定的人员 %s 不存在", l.Person)
		}
		t := w.teamIndex(l.Team)
		if t < 0 {
			return fmt.Errorf("锁定的巡察组 %s 不在本轮次", l.Team)
		}
		if w.lockedOf[p] >= 0 {
			return fmt.Errorf("人员 %s 被锁定到两个位置", l.Person)
		}
		row := -1
		for r := range w.rows {
			if w.rows[r].role == l.Role && w.rowLeft[t][r] > 0 {
				row = r
				break
			}
		}
		if row < 0 {
			return fmt.Errorf("%s 的 %s 名额已满或未设置，不能再锁定 %s", l.Team, l.Role, l.Person)
		}
		w.rowLeft[t][row]--
		w.lockedOf[p] = t
		w.locks[t] = append(w.locks[t], lockAt{p: p, row: row})
		w.people[p].active = false
	}
	return nil
}

// compileCore works out how many experienced members each team still
// wants once its locked members are counted.
func (w *world) compileCore() {
	w.need = make([]int32, len(w.teams))
	if w.coreBit == 0 {
		return
	}
	want := int32(min(w.set.Experience.Core, w.set.Slots()))
	for t := range w.teams {
		n := want
		for _, l := range w.locks[t] {
			if w.people[l.p].groups&w.coreBit != 0 {
				n--
			}
		}
		w.need[t] = max(n, 0)
	}
}

// compileOrder works out the personal costs and sorts the placeable
// people by them.
func (w *world) compileOrder() {
	soon := w.in.Start.AddMonths(urgentMonths)
	for i := range w.people {
		if p := &w.people[i]; p.owed > 0 && p.due >= soon {
			p.later = 1
		}
	}
	w.wt = newWeights(w)
	var active []int32
	for i := range w.people {
		p := &w.people[i]
		p.personal = [2]int64{w.wt.personal(p, true), w.wt.personal(p, false)}
		if p.active {
			active = append(active, int32(i))
		}
	}
	for k := range w.order {
		w.order[k] = slices.Clone(active)
		slices.SortStableFunc(w.order[k], func(a, b int32) int { return cmp.Compare(w.people[a].personal[k], w.people[b].personal[k]) })
		w.byCounty[k] = make([][]int32, len(w.counties))
		for _, p := range w.order[k] {
			if c := w.people[p].county; c >= 0 {
				w.byCounty[k][c] = append(w.byCounty[k][c], p)
				if w.city[c] {
					w.cityOrder[k] = append(w.cityOrder[k], p)
				}
			}
		}
	}
}
