package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/snap"
)

// world is an Instance compiled for the solver: people sorted by code and
// numbered, counties and teams numbered, hits grouped by team, and the
// weights of the objective.
type world struct {
	in       *Instance
	set      Settings
	mode     string
	counties []string
	cidx     map[string]int32
	teams    []tinfo
	tdata    []Team  // the instance's teams in roster order
	people   []pinfo // sorted by code
	pidx     map[string]int32
	rows     []rinfo
	groups   []uint32 // required skill groups as skill-bit masks
	gnames   []string // their labels ("财务或审计")
	skillBit map[string]uint32
	tHits    [][]thit  // per team, by person
	hitOrder []int32   // indexes into in.Hits, by team, person, rule
	rel      [][]prel  // per person: the people a hard R6 pair joins them to
	k        int32     // most people of one other county on a team
	wt       weights   //
	order    []int32   // placeable people by personal cost, then code
	byCounty [][]int32 // the same, per county
	locks    [][]lockAt
	lockedOf []int32 // team a person is locked to, or -1
	rowLeft  [][]int // per team and row: slots left after locks
	source   []int32 // 成建制交叉: county whose people staff each team (-1: none)
	slots    int     // slots in all
	ctx      tctx
	seed     uint64 // the seed, hashed
	sClass   []sclass
	sCount   []int32
	pClass   []int32 // static class of each placeable person, -1 for none
	mark     []int32 // scratch marks
	stamp    int32
}

type tinfo struct {
	name   string
	county int32  // -1 when the team has no known county
	desire uint32 // skills its units' categories ask for
}

type pinfo struct {
	code     string
	county   int32
	pools    snap.PoolSet
	ft       bool
	skills   uint32
	groups   uint32 // required groups the person meets
	active   bool   // may be placed by the solver
	status   string
	fair     int64 // tier 1: rounds served, and the previous round
	promoted bool
	personal int64 // cost part that depends on the person only
}

type rinfo struct {
	role  string
	count int
	local bool
	pools snap.PoolSet // 0: any
	ft    bool
}

// thit sums up the hits of one person against one team.
type thit struct {
	p      int32
	block  uint32 // rows the person may not fill
	soft   int8   // soft and overridden hits
	softL  int8   // the same without R4b, for local rows
	lo, hi int32  // their range in world.hitOrder
}

// prel is a hard relative pair from one person's side.
type prel struct {
	other  int32
	lifted []int32 // teams where an override lifts it
	pair   int32   // index into in.Pairs
}

type lockAt struct {
	p   int32
	row int
}

// tctx holds one team's hits spread over the people, for quick lookups.
type tctx struct {
	t     int32
	stamp []int32
	block []uint32
	soft  []int8
	softL []int8
	at    []int32 // index into tHits[t]
}

func newWorld(in *Instance, set Settings) (*world, error) {
	if err := set.Validate(); err != nil {
		return nil, err
	}
	mode := in.Mode
	if mode == "" {
		mode = ModeMixed
	}
	if mode != ModeMixed && mode != ModeSwap && mode != ModeLocal {
		return nil, fmt.Errorf("编组方式 %q 无效（应为 混合编组、成建制交叉 或 本县）", in.Mode)
	}
	w := &world{in: in, set: set, mode: mode, k: int32(set.MaxPerCounty), seed: seedHash(in.Seed)}
	w.skillBits()
	w.compileRows()
	w.compileCounties()
	if err := w.compilePeople(); err != nil {
		return nil, err
	}
	w.compileTeams()
	w.compileHits()
	w.compilePairs()
	if err := w.compileLocks(); err != nil {
		return nil, err
	}
	w.compileOrder()
	w.compileClasses()
	w.ctx = tctx{t: -1, stamp: make([]int32, len(w.people)), block: make([]uint32, len(w.people)),
		soft: make([]int8, len(w.people)), softL: make([]int8, len(w.people)), at: make([]int32, len(w.people))}
	w.mark = make([]int32, len(w.people))
	return w, nil
}

func (w *world) skillBits() {
	w.skillBit = make(map[string]uint32)
	for i, s := range Skills {
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
		case leaderPl:
			p |= snap.LeaderPool
		case staffPl:
			p |= snap.StaffPool
		case expertPl:
			p |= snap.ExpertPool
		}
	}
	return p
}

func (w *world) compileRows() {
	for _, r := range w.set.Rows {
		local := r.Local || w.mode == ModeLocal
		w.rows = append(w.rows, rinfo{role: r.Role, count: r.Count, local: local, pools: poolSet(r.Pools), ft: r.FullTimeOnly})
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
	for i, c := range w.counties {
		w.cidx[c] = int32(i)
	}
}

func (w *world) county(c string) int32 {
	if i, ok := w.cidx[c]; ok {
		return i
	}
	return -1
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
			if sk&m != 0 {
				g |= 1 << j
			}
		}
		fair := int64(p.Served)
		if p.Previous {
			fair++
		}
		w.people = append(w.people, pinfo{code: p.Code, county: w.county(p.County), pools: p.Pools, ft: p.FullTime,
			skills: sk, groups: g, status: p.Status, fair: fair, promoted: p.Promoted,
			active: p.Status == "在库" && p.Pools.Any() && !excluded[p.Code]})
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

func (w *world) teamIndex(name string) int32 {
	for i, t := range w.teams {
		if t.name == name {
			return int32(i)
		}
	}
	return -1
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
	w.tHits = make([][]thit, len(w.teams))
	for k, r := range refs {
		w.hitOrder = append(w.hitOrder, r.i)
		l := w.tHits[r.t]
		if n := len(l); n == 0 || l[n-1].p != r.p {
			l = append(l, thit{p: r.p, lo: int32(k)})
		}
		x := &l[len(l)-1]
		x.hi = int32(k + 1)
		h := &w.in.Hits[r.i]
		if h.Hard && !h.Overridden {
			for j, row := range w.rows {
				if h.binds(row.role) {
					x.block |= 1 << j
				}
			}
		} else {
			x.soft = min(x.soft+1, softCap)
			if h.Rule != "R4b" {
				x.softL = min(x.softL+1, softCap)
			}
		}
		w.tHits[r.t] = l
	}
}

func (w *world) compilePairs() {
	w.rel = make([][]prel, len(w.people))
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

// kin reports whether a and b may not serve on team t together.
func (w *world) kin(a, b, t int32) bool {
	for _, r := range w.rel[a] {
		if r.other == b && !slices.Contains(r.lifted, t) {
			return true
		}
	}
	return false
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

// capLeft returns how many more people of county c team t may take.
func (w *world) capLeft(t, c int32) int32 {
	n := w.k
	for _, l := range w.locks[t] {
		if w.people[l.p].county == c && c != w.teams[t].county {
			n--
		}
	}
	return max(n, 0)
}

// lockedGroups returns the required groups the locked members of t meet.
func (w *world) lockedGroups(t int32) uint32 {
	var g uint32
	for _, l := range w.locks[t] {
		g |= w.people[l.p].groups
	}
	return g
}

func (w *world) compileOrder() {
	w.wt = newWeights(w)
	for i := range w.people {
		p := &w.people[i]
		p.personal = w.wt.personal(p)
		if p.active {
			w.order = append(w.order, int32(i))
		}
	}
	slices.SortStableFunc(w.order, func(a, b int32) int { return cmp.Compare(w.people[a].personal, w.people[b].personal) })
	w.byCounty = make([][]int32, len(w.counties))
	for _, p := range w.order {
		if c := w.people[p].county; c >= 0 {
			w.byCounty[c] = append(w.byCounty[c], p)
		}
	}
}

// load spreads team t's hits over the people.
func (w *world) load(t int32) *tctx {
	c := &w.ctx
	if c.t == t {
		return c
	}
	c.t = t
	for k, h := range w.tHits[t] {
		c.stamp[h.p] = t + 1
		c.block[h.p] = h.block
		c.soft[h.p] = h.soft
		c.softL[h.p] = h.softL
		c.at[h.p] = int32(k)
	}
	return c
}

// get returns the rows p may not fill on the loaded team, and the soft
// hits.
func (c *tctx) get(p int32) (uint32, int8) {
	if c.stamp[p] != c.t+1 {
		return 0, 0
	}
	return c.block[p], c.soft[p]
}

// softIn returns p's soft hits on the loaded team for a slot of row r: a
// local row does not count R4b (籍贯), which it implies.
func (w *world) softIn(c *tctx, p int32, r int) int8 {
	if c.stamp[p] != c.t+1 {
		return 0
	}
	if w.rows[r].local {
		return c.softL[p]
	}
	return c.soft[p]
}

// base reports whether person p may fill row r of team t by the role table,
// the locality rule and hard recusal; t must be loaded.
func (w *world) base(p, t int32, r int, c *tctx) bool {
	pi := &w.people[p]
	if !pi.active || !w.poolOK(pi, r) || !w.localOK(pi.county, t, r) {
		return false
	}
	b, _ := c.get(p)
	return b&(1<<r) == 0
}

func (w *world) poolOK(pi *pinfo, r int) bool {
	row := &w.rows[r]
	return (row.pools == 0 || pi.pools&row.pools != 0) && (!row.ft || pi.ft)
}

// localOK reports whether someone of county c may fill row r of team t.
func (w *world) localOK(c, t int32, r int) bool {
	tc := w.teams[t].county
	switch {
	case w.rows[r].local:
		return c == tc && c >= 0
	case w.mode == ModeSwap:
		return c == w.source[t] && c >= 0
	default:
		return c != tc && c >= 0
	}
}
