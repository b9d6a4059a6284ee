package assign

import (
	"xuncha/app/draw"
	"xuncha/app/vocab"
)

// Draw fills the round by a witnessed random draw (随机抽取) instead of
// the optimiser: slot by slot in roster order (teams by seq, rows in
// table order), one person is drawn uniformly among the slot's
// candidates. A slot's candidates are the people who may take it under
// the role table, locality and hard recusal, who keep the county cap,
// close relatives and the required skills with the members drawn before,
// and whose taking it leaves the remaining slots as many people as they
// could have had (a maximum matching is kept, and a candidate must belong
// to some maximum matching). The record replays with draw.Verify.
func Draw(in *Instance, set Settings, witness string) (*Result, *draw.Record, error) {
	w, err := newWorld(in, set)
	if err != nil {
		return nil, nil, err
	}
	var routes []Route
	if w.mode == vocab.ModeSwap {
		routes = w.rotate()
	}
	d := w.newDrawing()
	var pool []string
	for p := range w.people {
		if w.people[p].active {
			pool = append(pool, w.people[p].code)
		}
	}
	sess, err := draw.Start(witness, in.Round, pool)
	if err != nil {
		return nil, nil, err
	}
	bound := d.matched()
	for i := range d.slots {
		cands := d.candidates(i)
		codes := make([]string, len(cands))
		for k, p := range cands {
			codes[k] = w.people[p].code
		}
		s := d.slots[i]
		got, err := sess.Draw(w.teams[s.t].name, w.rows[s.r].role, codes)
		if err != nil {
			return nil, nil, err
		}
		d.take(i, w.pidx[got], got != "")
	}
	res := d.result(bound)
	res.Rotation = routes
	return res, sess.Record(), nil
}

// drawing is the state of a draw: the slots, who may take each, and a
// maximum matching of the slots still open.
type drawing struct {
	w      *world
	slots  []dslot
	adj    [][]int32 // slot → eligible people, by code
	radj   [][]int32 // person → slots
	matchS []int32
	matchP []int32
	done   []bool // slots decided
	gone   []bool // people drawn
	seen   []int32
	stamp  int32
	ms     [][]mem // per team: locked and drawn members
	empty  []bool  // per team: a slot was left empty
	left   []int   // per team: slots not yet decided
}

type dslot struct {
	t int32
	r int
}

func (w *world) newDrawing() *drawing {
	d := &drawing{w: w, radj: make([][]int32, len(w.people)), matchP: make([]int32, len(w.people)),
		gone: make([]bool, len(w.people)), seen: make([]int32, len(w.people)), ms: make([][]mem, len(w.teams)),
		empty: make([]bool, len(w.teams)), left: make([]int, len(w.teams))}
	for t := range w.teams {
		d.ms[t] = w.members(nil, int32(t))
		c := w.load(int32(t))
		for r := range w.rows {
			for range w.rowLeft[t][r] {
				i := int32(len(d.slots))
				d.slots = append(d.slots, dslot{int32(t), r})
				d.left[t]++
				var ps []int32
				for p := range w.people {
					if w.base(int32(p), int32(t), r, c) {
						ps = append(ps, int32(p))
						d.radj[p] = append(d.radj[p], i)
					}
				}
				d.adj = append(d.adj, ps)
			}
		}
	}
	d.matchS = make([]int32, len(d.slots))
	d.done = make([]bool, len(d.slots))
	for i := range d.matchS {
		d.matchS[i] = -1
	}
	for i := range d.matchP {
		d.matchP[i] = -1
	}
	for i := range d.slots {
		d.stamp++
		d.augment(int32(i))
	}
	return d
}

// augment looks for an augmenting path from open slot i (Kuhn).
func (d *drawing) augment(i int32) bool {
	for _, p := range d.adj[i] {
		if d.gone[p] || d.seen[p] == d.stamp {
			continue
		}
		d.seen[p] = d.stamp
		if q := d.matchP[p]; q < 0 || d.augment(q) {
			d.matchS[i], d.matchP[p] = p, i
			return true
		}
	}
	return false
}

func (d *drawing) matched() int {
	n := 0
	for _, p := range d.matchS {
		if p >= 0 {
			n++
		}
	}
	return n
}

// candidates returns who may be drawn for slot i.
func (d *drawing) candidates(i int) []int32 {
	s := d.slots[i]
	var ok []int32
	for _, p := range d.adj[i] {
		if !d.gone[p] && d.fits(p, s) {
			ok = append(ok, p)
		}
	}
	if d.matchS[i] < 0 {
		return ok // no maximum matching fills the slot: keep what the rules allow
	}
	good := d.releasable(i)
	var keep []int32
	for _, p := range ok {
		if q := d.matchP[p]; p == d.matchS[i] || q < 0 || good[q] {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return ok
	}
	return keep
}

// fits applies the rules between members to p on slot s.
func (d *drawing) fits(p int32, s dslot) bool {
	w := d.w
	pi := &w.people[p]
	same := int32(0)
	for _, m := range d.ms[s.t] {
		if w.kin(p, m.p, s.t) {
			return false
		}
		if !m.locked && !w.rows[m.row].local && w.people[m.p].county == pi.county {
			same++
		}
	}
	if w.capped(pi.county, s.t, s.r) && same >= w.capLeft(s.t, pi.county) {
		return false
	}
	if d.left[s.t] == 1 && !d.empty[s.t] {
		var have uint32
		for _, m := range d.ms[s.t] {
			have |= w.people[m.p].groups
		}
		if need := w.allGroups() &^ have; pi.groups&need != need {
			return false
		}
	}
	return true
}

// releasable marks the open slots that could let their person go: they
// reach, by an alternating path, a person nobody holds or slot i's own.
func (d *drawing) releasable(i int) []bool {
	good := make([]bool, len(d.slots))
	var queue []int32
	for p := range d.matchP {
		if !d.gone[p] && (d.matchP[p] < 0 || d.matchP[p] == int32(i)) {
			queue = append(queue, int32(p))
		}
	}
	for k := 0; k < len(queue); k++ {
		for _, s := range d.radj[queue[k]] {
			if d.done[s] || int(s) == i || good[s] || d.matchS[s] < 0 {
				continue
			}
			good[s] = true
			queue = append(queue, d.matchS[s])
		}
	}
	return good
}

// take records the draw for slot i: person p (when drew), keeping the
// matching maximum for the open slots.
func (d *drawing) take(i int, p int32, drew bool) {
	s := d.slots[i]
	d.done[i] = true
	d.left[s.t]--
	if q := d.matchS[i]; q >= 0 {
		d.matchP[q], d.matchS[i] = -1, -1
	}
	if !drew {
		d.empty[s.t] = true
		return
	}
	d.gone[p] = true
	d.ms[s.t] = append(d.ms[s.t], mem{p: p, row: s.r})
	if j := d.matchP[p]; j >= 0 {
		d.matchP[p], d.matchS[j] = -1, -1
		d.stamp++
		d.augment(j)
	}
}

func (d *drawing) result(bound int) *Result {
	w := d.w
	res := &Result{Round: w.in.Round, Mode: w.mode, Seed: w.in.Seed, Teams: []TeamResult{},
		Unfilled: []Unfilled{}, Warnings: []Warning{}}
	where := make([]int32, len(w.people))
	for p := range where {
		where[p] = w.lockedOf[p]
	}
	for t, ms := range d.ms {
		for _, m := range ms {
			where[m.p] = int32(t)
		}
	}
	for t := range w.teams {
		ms := d.ms[t]
		sortMems(ms)
		td := &w.tdata[t]
		tr := TeamResult{Team: td.Name, County: td.County, Units: sortedCopy(td.Units), Members: []Member{}}
		perRow := make([]int, len(w.rows))
		for _, m := range ms {
			perRow[m.row]++
			tr.Members = append(tr.Members, Member{Person: w.people[m.p].code, Role: w.rows[m.row].role, Locked: m.locked})
		}
		res.Objective.Filled += len(ms)
		res.Teams = append(res.Teams, tr)
		res.Unfilled = append(res.Unfilled, w.unfilled(nil, int32(t), ms, perRow, where)...)
		res.Warnings = append(res.Warnings, w.warnings(int32(t), ms)...)
		w.addTiers(&res.Objective.Tiers, int32(t), ms)
	}
	res.Objective.Slots = w.slots
	res.Names = w.names()
	res.Objective.Bound = max(res.Objective.Filled, bound+w.slots-len(d.slots))
	res.Objective.Optimal = res.Objective.Filled >= res.Objective.Bound
	res.Objective.Strict = w.wt.strict
	return res
}
