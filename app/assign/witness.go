package assign

import (
	"slices"

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
	return DrawProgress(in, set, witness, nil)
}

// DrawProgress is Draw telling progress, when not nil, after each step:
// done of total slots drawn.
func DrawProgress(in *Instance, set Settings, witness string, progress func(done, total int)) (*Result, *draw.Record, error) {
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
	// each person's position in the session's sorted list
	at := make([]int32, len(w.people))
	for p := range w.people {
		at[p] = -1
		if i, ok := slices.BinarySearch(sess.Candidates(), w.people[p].code); ok && w.people[p].active {
			at[p] = int32(i)
		}
	}
	bound := d.matched()
	var pos []int32
	for i := range d.slots {
		cands := d.candidates(i)
		pos = pos[:0]
		for _, p := range cands {
			pos = append(pos, at[p])
		}
		s := d.slots[i]
		got, err := sess.DrawSet(w.teams[s.t].name, w.rows[s.r].role, pos)
		if err != nil {
			return nil, nil, err
		}
		d.take(i, w.pidx[got], got != "")
		if progress != nil {
			progress(i+1, len(d.slots))
		}
	}
	res := d.result(bound)
	res.Rotation = routes
	return res, sess.Record(), nil
}

// drawing is the state of a draw: the slots, who may take each, and a
// maximum matching of the slots still open.
type drawing struct {
	w        *world
	slots    []dslot
	adj      [][]int32 // slot → eligible people, by code (slots of one team and row share a list)
	matchS   []int32
	matchP   []int32
	done     []bool // slots decided
	gone     []bool // people drawn
	seen     []int32
	stamp    int32
	good     []bool  // open slots that could let their person go (see release)
	wait     []int32 // scratch: open slots not (yet) good
	group    []int32 // slot → its list of eligible people (one per team and row)
	cursor   []int   // per list: where hasFree last found a free person
	holds    []bool  // per list: it holds the person of the slot being drawn (as of step heldAt)
	heldAt   []int32 // per list: the step holds was worked out at
	step     int32   // the slot being drawn, plus one
	kin      []int32 // people related to a member of the team drawn (stamped)
	capped   []bool  // scratch: counties at the team's cap
	ok, keep []int32 // scratch: the lists candidates returns
	kinStamp int32
	ms       [][]mem // per team: locked and drawn members
	empty    []bool  // per team: a slot was left empty
	left     []int   // per team: slots not yet decided
}

type dslot struct {
	t int32
	r int
}

func (w *world) newDrawing() *drawing {
	d := &drawing{w: w, matchP: make([]int32, len(w.people)), gone: make([]bool, len(w.people)),
		seen: make([]int32, len(w.people)), kin: make([]int32, len(w.people)), ms: make([][]mem, len(w.teams)),
		empty: make([]bool, len(w.teams)), left: make([]int, len(w.teams))}
	var scratch []int32 // a list being worked out, kept at its exact size
	for t := range w.teams {
		d.ms[t] = w.members(nil, int32(t))
		c := w.load(int32(t))
		for r := range w.rows {
			if w.rowLeft[t][r] == 0 {
				continue
			}
			scratch = scratch[:0]
			for p := range w.people {
				if w.base(int32(p), int32(t), r, c) {
					scratch = append(scratch, int32(p))
				}
			}
			ps := slices.Clone(scratch)
			for range w.rowLeft[t][r] {
				d.slots = append(d.slots, dslot{int32(t), r})
				d.adj = append(d.adj, ps)
				d.group = append(d.group, int32(len(d.cursor)))
				d.left[t]++
			}
			d.cursor = append(d.cursor, 0)
			d.holds, d.heldAt = append(d.holds, false), append(d.heldAt, 0)
		}
	}
	d.matchS = make([]int32, len(d.slots))
	d.done = make([]bool, len(d.slots))
	d.good = make([]bool, len(d.slots))
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

// candidates returns who may be drawn for slot i, in a list the next call
// reuses.
func (d *drawing) candidates(i int) []int32 {
	ok := d.allowed(d.slots[i], d.adj[i])
	if d.matchS[i] < 0 {
		return ok // no maximum matching fills the slot: keep what the rules allow
	}
	d.release(int32(i))
	keep := d.keep[:0]
	defer func() { d.keep = keep }()
	for _, p := range ok {
		if q := d.matchP[p]; p == d.matchS[i] || q < 0 || d.good[q] {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return ok
	}
	return keep
}

// allowed returns the people of ps, not drawn, whom the rules between
// members let take slot s beside the members drawn before: no close
// relative of a member (R6, unless lifted on the team), the county cap,
// and on a team's last slot the required skills it still lacks. What the
// members rule out is worked out once, then each person is looked up.
func (d *drawing) allowed(s dslot, ps []int32) []int32 {
	w := d.w
	d.kinStamp++
	for _, m := range d.ms[s.t] {
		for _, r := range w.rel[m.p] {
			if !slices.Contains(r.lifted, s.t) {
				d.kin[r.other] = d.kinStamp
			}
		}
	}
	capped := d.capped[:0]
	if w.mode == vocab.ModeMixed && !w.rows[s.r].local {
		same := make([]int32, len(w.counties))
		for _, m := range d.ms[s.t] {
			if c := w.people[m.p].county; !m.locked && !w.rows[m.row].local && c >= 0 {
				same[c]++
			}
		}
		for c := range w.counties {
			capped = append(capped, int32(c) != w.teams[s.t].county && same[c] >= w.capLeft(s.t, int32(c)))
		}
	}
	d.capped = capped
	var need uint32
	if d.left[s.t] == 1 && !d.empty[s.t] {
		var have uint32
		for _, m := range d.ms[s.t] {
			have |= w.people[m.p].groups
		}
		need = w.allGroups() &^ have
	}
	out := d.ok[:0]
	defer func() { d.ok = out }()
	for _, p := range ps {
		pi := &w.people[p]
		if d.gone[p] || d.kin[p] == d.kinStamp || len(capped) > 0 && capped[pi.county] || pi.groups&need != need {
			continue
		}
		out = append(out, p)
	}
	return out
}

// release marks in good the open slots other than i that could let
// their person go if slot i took someone else: those an alternating path
// leads from to a person nobody holds or to slot i's own. A slot's person
// is free to go when the slot has another eligible person who is free to
// take it: nobody holds them, they are slot i's, or their slot is itself
// good. Worked out from the slots' side, first those with a free person
// (found among the first few eligible, as most people hold no slot), then
// the few left over in passes until nothing changes.
func (d *drawing) release(i int32) {
	d.step = i + 1
	wait := d.wait[:0]
	for s := range d.slots {
		d.good[s] = false
		if d.done[s] || d.matchS[s] < 0 || int32(s) == i {
			continue
		}
		if !d.hasFree(int32(s), i) {
			wait = append(wait, int32(s))
			continue
		}
		d.good[s] = true
	}
	for changed := len(wait) > 0; changed; {
		changed = false
		k := 0
		for _, s := range wait {
			if d.reaches(s) {
				d.good[s], changed = true, true
				continue
			}
			wait[k] = s
			k++
		}
		wait = wait[:k]
	}
	d.wait = wait
}

// hasFree reports whether slot s has an eligible person other than its own
// whom nobody holds (and who is not drawn), or slot i's person. The search
// starts where the last one of its list was found: the people before it
// were held then, and most still are.
func (d *drawing) hasFree(s, i int32) bool {
	ps, g := d.adj[s], d.group[s]
	if m := d.matchS[i]; m >= 0 {
		if d.heldAt[g] != d.step { // looked up once per list and step
			_, ok := slices.BinarySearch(ps, m)
			d.heldAt[g], d.holds[g] = d.step, ok
		}
		if d.holds[g] {
			return true
		}
	}
	for k, n := d.cursor[g], len(ps); k < d.cursor[g]+n; k++ {
		at := k % n
		if p := ps[at]; d.matchP[p] < 0 && !d.gone[p] {
			d.cursor[g] = at
			return true
		}
	}
	return false
}

// reaches reports whether slot s has an eligible person held by a good
// slot.
func (d *drawing) reaches(s int32) bool {
	for _, p := range d.adj[s] {
		if q := d.matchP[p]; q >= 0 && q != s && d.good[q] {
			return true
		}
	}
	return false
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
