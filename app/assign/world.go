package assign

import (
	"fmt"
	"slices"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// world is an Instance compiled for the solver: people sorted by code and
// numbered, counties and teams numbered, hits grouped by team, and the
// weights of the objective.
type world struct {
	in        *Instance
	set       Settings
	mode      string
	counties  []string
	cidx      map[string]int32
	teams     []tinfo
	tdata     []Team  // the instance's teams in roster order
	people    []pinfo // sorted by code
	pidx      map[string]int32
	rows      []rinfo
	groups    []uint32 // required skill groups as skill-bit masks
	gnames    []string // their labels ("财务或审计")
	skillBit  map[string]uint32
	coreBit   uint32     // the group bit of experienced people (0: no core asked for)
	need      []int32    // per team: experienced members wanted beyond the locked ones
	tHits     [][]thit   // per team, by person
	softParts []softPart // the soft hits of the tHits, by the rows they weigh on
	hitOrder  []int32    // indexes into in.Hits, by team, person, rule
	rel       [][]prel   // per person: the people a hard R6 pair joins them to
	pairsOf   [][]int32  // per person: indexes into in.Pairs of the pairs naming them, in order
	inAt      []int32    // per person: index into in.People
	k         int32      // most people of one other county on a team
	wt        weights    //
	// order holds the placeable people by personal cost, then code, for
	// the rows that rotate (0) and for the stable ones (1); byCounty the
	// same per county, cityOrder the same of the 市本级 jurisdictions.
	order     [2][]int32
	byCounty  [2][][]int32
	cityOrder [2][]int32
	city      []bool // per county: a 市本级 jurisdiction
	joint     int    // index of the 巡审联动 group in groups, -1 for none
	locks     [][]lockAt
	lockedOf  []int32 // team a person is locked to, or -1
	rowLeft   [][]int // per team and row: slots left after locks
	source    []int32 // 成建制交叉: county whose people staff each team (-1: none)
	slots     int     // slots in all
	ctx       tctx
	seed      uint64 // the seed, hashed
	// the static classes of the placeable people (see compileClasses),
	// without experience (0) and with it (1)
	sClass [2][]sclass
	sCount [2][]int32
	sFam   [2][]int32 // family of each static class: its county and groups
	nFam   [2]int32
	pClass [2][]int32 // static class of each placeable person, -1 for none
	mark   []int32    // scratch marks
	stamp  int32
}

type tinfo struct {
	name   string
	county int32  // -1 when the team has no known county
	desire uint32 // skills its units' categories ask for
}

type pinfo struct {
	code   string
	county int32
	pools  snap.PoolSet
	ft     bool
	skills uint32
	groups uint32 // required groups the person meets, and coreBit when experienced
	active bool   // may be placed by the solver
	status string
	exp    int32      // earlier rounds served, any term
	fair   int64      // rounds served this term, and the previous round
	owed   int32      // rounds owed as a newly promoted cadre (0: none)
	due    civil.Date // the last day to serve them
	later  int64      // 1 when due is not within urgentMonths of the round's start
	// personal is the cost part that depends on the person only: in the
	// rows that rotate (0) and in the stable ones (1)
	personal [2]int64
}

type rinfo struct {
	role    string
	count   int
	from    string       // vocab.Origins, as the mode reads the row
	local   bool         // from is vocab.FromLocal
	pools   snap.PoolSet // 0: any
	ft      bool
	rotated bool // the rotation preference applies
}

// kind is the index of row r's people orders and personal costs: 0 for
// a row that rotates, 1 for a stable one.
func (w *world) kind(r int) int {
	if w.rows[r].rotated {
		return 0
	}
	return 1
}

// thit sums up the hits of one person against one team.
type thit struct {
	p      int32
	block  uint32 // rows the person may not fill
	sp, sn int32  // soft and overridden hits: softParts[sp : sp+sn]
	lo, hi int32  // their range in world.hitOrder
}

// softPart counts the soft (and overridden) hits of a person on a team
// that weigh on the same rows: a hit weighs only on the rows of the roles
// it binds, and R4b (籍贯) not on local rows, which imply it.
type softPart struct {
	rows uint32
	n    int8
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
	at    []int32 // index into tHits[t]
}

func newWorld(in *Instance, set Settings) (*world, error) {
	if err := set.Validate(); err != nil {
		return nil, err
	}
	mode := in.Mode
	if mode == "" {
		mode = vocab.ModeMixed
	}
	if mode != vocab.ModeMixed && mode != vocab.ModeSwap && mode != vocab.ModeLocal {
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
	w.compileCore()
	w.compileOrder()
	w.compileClasses()
	w.ctx = tctx{t: -1, stamp: make([]int32, len(w.people)), block: make([]uint32, len(w.people)), at: make([]int32, len(w.people))}
	w.mark = make([]int32, len(w.people))
	return w, nil
}

func (w *world) county(c string) int32 {
	if i, ok := w.cidx[c]; ok {
		return i
	}
	return -1
}

func (w *world) teamIndex(name string) int32 {
	for i, t := range w.teams {
		if t.name == name {
			return int32(i)
		}
	}
	return -1
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
		c.at[h.p] = int32(k)
	}
	return c
}

// blocked returns the rows p may not fill on the loaded team.
func (c *tctx) blocked(p int32) uint32 {
	if c.stamp[p] != c.t+1 {
		return 0
	}
	return c.block[p]
}

// softIn returns p's soft hits on the loaded team that weigh on a slot of
// row r (at most softCap): those binding its role, and R4b (籍贯) only
// where the row is not local.
func (w *world) softIn(c *tctx, p int32, r int) int8 {
	if c.stamp[p] != c.t+1 {
		return 0
	}
	h := &w.tHits[c.t][c.at[p]]
	var n int8
	for _, sp := range w.softParts[h.sp : h.sp+h.sn] {
		if sp.rows&(1<<r) != 0 {
			n += sp.n
		}
	}
	return min(n, softCap)
}

// base reports whether person p may fill row r of team t by the role table,
// the locality rule and hard recusal; t must be loaded.
func (w *world) base(p, t int32, r int, c *tctx) bool {
	pi := &w.people[p]
	if !pi.active || !w.poolOK(pi, r) || !w.localOK(pi.county, t, r) {
		return false
	}
	return c.blocked(p)&(1<<r) == 0
}

func (w *world) poolOK(pi *pinfo, r int) bool {
	row := &w.rows[r]
	return (row.pools == 0 || pi.pools&row.pools != 0) && (!row.ft || pi.ft)
}

// localOK reports whether someone of county c may fill row r of team t
// by the row's origin: the team's own jurisdiction (本地), a 市本级 one, any,
// or (异地) the 成建制交叉 source, else any other.
func (w *world) localOK(c, t int32, r int) bool {
	if c < 0 {
		return false
	}
	tc := w.teams[t].county
	switch w.rows[r].from {
	case vocab.FromLocal:
		return c == tc
	case vocab.FromCity:
		return w.city[c]
	case vocab.FromAny:
		return true
	}
	if w.mode == vocab.ModeSwap {
		return c == w.source[t]
	}
	return c != tc
}

// capped reports whether a member of county c in row r of team t counts
// toward the cap on one other county (混合编组): a non-local row held by
// someone of another jurisdiction than the team's.
func (w *world) capped(c, t int32, r int) bool {
	return w.mode == vocab.ModeMixed && !w.rows[r].local && c != w.teams[t].county
}
