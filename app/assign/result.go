package assign

import (
	"cmp"
	"slices"
	"strings"

	"xuncha/app/civil"
)

// Result is an assignment of a round: its JSON form is SPEC §6.3's
// (round, mode, seed, teams, unfilled, warnings), plus the objective and,
// for 成建制交叉, the rotation.
type Result struct {
	Round     string       `json:"round"`
	Mode      string       `json:"mode"`
	Seed      string       `json:"seed"`
	Teams     []TeamResult `json:"teams"`
	Unfilled  []Unfilled   `json:"unfilled"`
	Warnings  []Warning    `json:"warnings"`
	Objective Objective    `json:"objective"`
	Rotation  []Route      `json:"rotation,omitempty"`
	// Names are the members' names by code, for summaries.
	Names map[string]string `json:"-"`
}

// TeamResult is one team with its members in roster order.
type TeamResult struct {
	Team    string   `json:"team"`
	County  string   `json:"county"`
	Units   []string `json:"units"`
	Members []Member `json:"members"`
}

// Member is a person's place on a team.
type Member struct {
	Person string `json:"person"`
	Role   string `json:"role"`
	Locked bool   `json:"-"`
}

// Unfilled is a slot left empty, and why.
type Unfilled struct {
	Team   string `json:"team"`
	Role   string `json:"role"`
	Reason string `json:"reason"`
}

// Warning is a soft rule (or an overridden hard one, or a rule a locked
// member breaks) that a member of a team hits.
type Warning struct {
	Team   string `json:"team"`
	Person string `json:"person"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// Objective reports how good the assignment is and how sure the solver is.
type Objective struct {
	Slots  int `json:"slots"`  // slots in all
	Filled int `json:"filled"` // slots filled, locked ones included
	// Bound is an upper bound on the slots any valid assignment fills;
	// Optimal is Filled == Bound: no assignment fills more.
	Bound   int  `json:"bound"`
	Optimal bool `json:"optimal"`
	// Exhaustive: the search finished, so the lower tiers are optimal
	// too (over the slots' county leanings); otherwise it stopped at its
	// budget after Searched relaxations.
	Exhaustive bool  `json:"exhaustive"`
	Searched   int   `json:"searched"`
	Strict     bool  `json:"strict"` // the tiers' weights are strictly lexicographic
	Tiers      Tiers `json:"tiers"`
}

// result writes the best node out as a Result.
func (w *world) result(best *node, s *search) *Result {
	res := &Result{Round: w.in.Round, Mode: w.mode, Seed: w.in.Seed, Teams: []TeamResult{},
		Unfilled: []Unfilled{}, Warnings: []Warning{}}
	res.Objective.Slots = w.slots
	res.Objective.Strict = w.wt.strict
	res.Names = w.names()
	if best != nil {
		for ti := range w.teams {
			w.coverSkills(best, int32(ti))
			w.coverCore(best, int32(ti))
			w.upgrade(best, int32(ti))
		}
		w.earlier(best)
	}
	where := w.placement(best)
	for ti := range w.teams {
		t := int32(ti)
		td := &w.tdata[ti]
		units := slices.Clone(td.Units)
		slices.Sort(units)
		tr := TeamResult{Team: td.Name, County: td.County, Units: units, Members: []Member{}}
		ms := w.members(best, t)
		perRow := make([]int, len(w.rows))
		for _, m := range ms {
			perRow[m.row]++
			tr.Members = append(tr.Members, Member{Person: w.people[m.p].code, Role: w.rows[m.row].role, Locked: m.locked})
		}
		res.Objective.Filled += len(ms)
		tr.Members = slices.Clip(tr.Members)
		res.Teams = append(res.Teams, tr)
		res.Unfilled = append(res.Unfilled, w.unfilled(best, t, ms, perRow, where)...)
		res.Warnings = append(res.Warnings, w.warnings(t, ms)...)
		if why := w.coreWarning(t, ms, where); why != "" {
			res.Warnings = append(res.Warnings, Warning{Team: td.Name, Rule: RuleCore, Reason: why})
		}
		w.addTiers(&res.Objective.Tiers, t, ms)
	}
	res.Objective.Tiers.OwingLeft = int64(len(w.owingLeft(where)))
	res.Warnings = append(res.Warnings, w.owingWarnings(where)...)
	return res
}

// coverSkills gives a team that cannot be full, and so may lack a
// required skill, that skill where swapping one member for an unplaced
// person with it keeps every rule: same fill, fewer missing skills. The
// cheapest such swap is taken, group by group; no experienced member the
// team's core needs and no newly promoted cadre who owes rounds is
// swapped out for someone who is neither.
func (w *world) coverSkills(best *node, t int32) {
	ts, at := best.teams[t], best.sol.at[t]
	var have uint32
	filled := int32(0)
	for _, x := range at {
		have |= w.people[x.p].groups
		filled += x.n
	}
	have |= w.lockedGroups(t)
	if filled == ts.slots() || have&w.allGroups() == w.allGroups() {
		return
	}
	free := w.placement(best)
	c := w.load(t)
	for g := range w.groups {
		if have&(1<<g) != 0 {
			continue
		}
		bi, bq, bc := -1, int32(-1), int64(inf)
		for i, x := range at {
			b := &ts.bins[x.bin]
			if x.n != 1 || b.seat != 0 || w.soleHolder(at, i, have, t) {
				continue
			}
			for q := range w.people {
				qi := &w.people[q]
				if free[q] >= 0 || qi.groups&(1<<g) == 0 || w.people[x.p].owed > 0 && qi.owed == 0 ||
					w.people[x.p].exp > 0 && qi.exp == 0 && w.teamExp(best, t) <= w.coreWant() ||
					!w.eligible(int32(q), t, ts, b, c) || !w.swapFits(best, t, i, int32(q)) {
					continue
				}
				if cost := w.wt.cost(w, int32(q), t, b.row, b.prefer, w.softIn(c, int32(q), b.row)); cost < bc {
					bi, bq, bc = i, int32(q), cost
				}
			}
		}
		if bi < 0 {
			continue
		}
		free[at[bi].p], free[bq] = -1, t
		at[bi].p, at[bi].cost = bq, bc
		have |= w.people[bq].groups
	}
}

// coverCore gives a team short of its experienced core, which its core
// seats could not mend (a team that cannot be full leaves a seat empty
// when a cheaper member fills another slot), an experienced member where
// swapping a member for an unplaced experienced person keeps every rule
// and every required skill, and takes no newly promoted cadre who owes
// rounds out for someone who does not. The cheapest such swap is taken,
// one at a time.
func (w *world) coverCore(best *node, t int32) {
	if w.coreBit == 0 || w.need[t] == 0 {
		return
	}
	ts, at := best.teams[t], best.sol.at[t]
	c := w.load(t)
	free := w.placement(best)
	for {
		var have, exp int32
		var groups uint32
		for _, x := range at {
			groups |= w.people[x.p].groups
			if w.people[x.p].exp > 0 {
				exp += x.n
			}
		}
		groups |= w.lockedGroups(t)
		if have = exp; have >= w.need[t] {
			return
		}
		bi, bq, bc := -1, int32(-1), int64(inf)
		for i, x := range at {
			b := &ts.bins[x.bin]
			if x.n != 1 || w.people[x.p].exp > 0 || w.soleHolder(at, i, groups, t) {
				continue
			}
			for q := range w.people {
				qi := &w.people[q]
				if free[q] >= 0 || qi.exp == 0 || w.people[x.p].owed > 0 && qi.owed == 0 ||
					!w.eligible(int32(q), t, ts, b, c) || !w.swapFits(best, t, i, int32(q)) {
					continue
				}
				if cost := w.wt.cost(w, int32(q), t, b.row, b.prefer, w.softIn(c, int32(q), b.row)); cost < bc {
					bi, bq, bc = i, int32(q), cost
				}
			}
		}
		if bi < 0 {
			return
		}
		free[at[bi].p], free[bq] = -1, t
		at[bi].p, at[bi].cost = bq, bc
	}
}

// teamExp counts the experienced members of team t in best, locked ones
// too.
func (w *world) teamExp(best *node, t int32) int32 {
	var n int32
	for _, x := range best.sol.at[t] {
		if w.people[x.p].exp > 0 {
			n += x.n
		}
	}
	for _, l := range w.locks[t] {
		if w.people[l.p].exp > 0 {
			n++
		}
	}
	return n
}

// soleHolder reports whether member i alone meets some required group.
func (w *world) soleHolder(at []placed, i int, have uint32, t int32) bool {
	var others uint32 = w.lockedGroups(t)
	for j, x := range at {
		if j != i {
			others |= w.people[x.p].groups
		}
	}
	return have&^others != 0
}

// swapFits reports whether q may replace member i of team t: the county
// cap and close relatives.
func (w *world) swapFits(best *node, t int32, i int, q int32) bool {
	ts, at := best.teams[t], best.sol.at[t]
	qc := w.people[q].county
	same := int32(0)
	for j, x := range at {
		if j == i {
			continue
		}
		if w.kin(q, x.p, t) {
			return false
		}
		b := &ts.bins[x.bin]
		if b.county < 0 && !w.rows[b.row].local && w.people[x.p].county == qc {
			same++
		}
	}
	for _, l := range w.locks[t] {
		if w.kin(q, l.p, t) {
			return false
		}
	}
	b := &ts.bins[at[i].bin]
	return !w.capped(qc, t, b.row) || b.county >= 0 || same < w.capLeft(t, qc)
}

// upgrade moves members up to a free slot of an earlier row they may
// fill (a leader's slot before a member's), so that when not every slot
// can be filled, the ones left empty are the last of the table. The fill,
// the county shares and the skill seats stay as they are.
func (w *world) upgrade(best *node, t int32) {
	ts, at := best.teams[t], best.sol.at[t]
	c := w.load(t)
	room := make([]int32, len(ts.bins))
	for i, b := range ts.bins {
		room[i] = b.cap
	}
	for _, x := range at {
		room[x.bin] -= x.n
	}
	for bi := range ts.bins {
		b := &ts.bins[bi]
		for room[bi] > 0 {
			moved := false
			for i := len(at) - 1; i >= 0; i-- {
				x := &at[i]
				from := &ts.bins[x.bin]
				if from.row <= b.row || from.seat != 0 || x.n != 1 || !w.eligible(x.p, t, ts, b, c) {
					continue
				}
				soft := w.softIn(c, x.p, b.row)
				room[x.bin]++
				room[bi]--
				x.bin, x.cost = int32(bi), w.wt.cost(w, x.p, t, b.row, b.prefer, soft)
				moved = true
				break
			}
			if !moved {
				break
			}
		}
	}
}

// earlier puts the newly promoted cadres who owe rounds in deadline order
// (SPEC §11.3: the earliest deadline first): each one left out, earliest
// deadline first, takes the place of the placed cadre with the latest
// deadline after theirs whose place they may take without a loss in a
// higher tier (the experienced core, the rotation) or a rule broken. The
// flow only tells urgent deadlines from the others (see urgentMonths).
func (w *world) earlier(best *node) {
	where := w.placement(best)
	for _, p := range w.owingLeft(where) {
		if !w.people[p].active {
			continue
		}
		bt, bi := -1, -1
		var late civil.Date
		for t, at := range best.sol.at {
			for i, x := range at {
				q := &w.people[x.p]
				if q.owed == 0 || q.due <= w.people[p].due || bt >= 0 && q.due <= late {
					continue
				}
				if w.mayTake(best, int32(t), i, p) {
					bt, bi, late = t, i, q.due
				}
			}
		}
		if bt < 0 {
			continue
		}
		x := &best.sol.at[bt][bi]
		where[x.p], where[p] = -1, int32(bt)
		c := w.load(int32(bt))
		b := &best.teams[bt].bins[x.bin]
		x.p, x.cost = p, w.wt.cost(w, p, int32(bt), b.row, b.prefer, w.softIn(c, p, b.row))
	}
}

// mayTake reports whether p may take the place of member i of team t
// with no rule broken and no loss in the experienced core, the rotation
// or the required skills the team has.
func (w *world) mayTake(best *node, t int32, i int, p int32) bool {
	ts, at := best.teams[t], best.sol.at[t]
	x := &at[i]
	b := &ts.bins[x.bin]
	pi, qi := &w.people[p], &w.people[x.p]
	if x.n != 1 || w.rows[b.row].rotated && pi.fair > qi.fair || !w.eligible(p, t, ts, b, w.load(t)) || !w.swapFits(best, t, i, p) {
		return false
	}
	var others uint32 = w.lockedGroups(t)
	exp := int32(0)
	for j, y := range at {
		if j != i {
			others |= w.people[y.p].groups
			if w.people[y.p].exp > 0 {
				exp++
			}
		}
	}
	for _, l := range w.locks[t] {
		if w.people[l.p].exp > 0 {
			exp++
		}
	}
	had, has := others|qi.groups, others|pi.groups
	if had&w.allGroups()&^has != 0 {
		return false
	}
	if qi.exp > 0 && pi.exp == 0 && exp < w.coreWant() {
		return false
	}
	return true
}

// mem is a member of a team: a person in a row.
type mem struct {
	p      int32
	row    int
	locked bool
	cost   int64
}

// members returns team t's members (locked and placed) by row, then code.
func (w *world) members(best *node, t int32) []mem {
	var ms []mem
	for _, l := range w.locks[t] {
		ms = append(ms, mem{p: l.p, row: l.row, locked: true})
	}
	if best != nil {
		for _, x := range best.sol.at[t] {
			ms = append(ms, mem{p: x.p, row: best.teams[t].bins[x.bin].row, cost: x.cost})
		}
	}
	sortMems(ms)
	return ms
}

// sortMems orders members by row, then person (code order).
func sortMems(ms []mem) {
	slices.SortFunc(ms, func(a, b mem) int { return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.p, b.p)) })
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// placement returns the team each person is on (-1: none).
func (w *world) placement(best *node) []int32 {
	where := make([]int32, len(w.people))
	for i := range where {
		where[i] = w.lockedOf[i]
	}
	if best != nil {
		for t, at := range best.sol.at {
			for _, x := range at {
				where[x.p] = int32(t)
			}
		}
	}
	return where
}

// addTiers adds the tiers of team t with members ms to tr (all but
// OwingLeft, which is the round's).
func (w *world) addTiers(tr *Tiers, t int32, ms []mem) {
	c := w.load(t)
	seen := map[int32]int{}
	for _, m := range ms {
		pi := &w.people[m.p]
		if w.rows[m.row].rotated {
			tr.Fair += pi.fair
		}
		if pi.owed > 0 {
			tr.Owing++
		}
		if !w.rows[m.row].local {
			if seen[pi.county]++; seen[pi.county] > 1 {
				tr.SameCounty++
			}
		}
		tr.Soft += int64(w.softIn(c, m.p, m.row))
		if d := w.teams[t].desire; d != 0 && pi.skills&d == 0 {
			tr.NoSkillFit++
		}
	}
	tr.CoreShort += int64(w.coreShort(ms))
}

// warnings lists what team t's members hit: soft rules, overridden hard
// ones, and the hard rules a locked member breaks.
func (w *world) warnings(t int32, ms []mem) []Warning {
	var out []Warning
	name := w.teams[t].name
	for _, m := range ms {
		for _, k := range w.hitsOf(m.p, t) {
			h := &w.in.Hits[k]
			switch {
			case h.Rule == "R4b" && w.rows[m.row].local:
				// a local member's native county is the team's by design
			case !h.binds(w.rows[m.row].role):
				// it weighs on other roles only (R9's 基本称职 on 组长 and 副组长)
			case !h.Hard:
				out = append(out, Warning{name, h.Person, h.Rule, h.Reason})
			case h.Overridden:
				out = append(out, Warning{name, h.Person, h.Rule, h.Reason + "（已豁免）"})
			case m.locked && h.binds(w.rows[m.row].role):
				out = append(out, Warning{name, h.Person, h.Rule, h.Reason + "（锁定人员，违反回避规定）"})
			}
		}
	}
	for i, a := range ms {
		for _, b := range ms[i+1:] {
			for _, pr := range w.between(a.p, b.p) {
				switch {
				case !pr.Hard:
					out = append(out, Warning{name, w.people[a.p].code, pr.Rule, pr.Reason})
				case slices.Contains(pr.Lifted, name):
					out = append(out, Warning{name, w.people[a.p].code, pr.Rule, pr.Reason + "（已豁免）"})
				default:
					out = append(out, Warning{name, w.people[a.p].code, pr.Rule, pr.Reason + "（锁定人员，违反回避规定）"})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Warning) int {
		return cmp.Or(strings.Compare(a.Person, b.Person), strings.Compare(a.Rule, b.Rule), strings.Compare(a.Reason, b.Reason))
	})
	return slices.Compact(out) // one warning for a rule hit through several units
}

// hitsOf returns the indexes (into in.Hits) of p's hits on team t.
func (w *world) hitsOf(p, t int32) []int32 {
	l := w.tHits[t]
	i, ok := slices.BinarySearchFunc(l, p, func(h thit, p int32) int { return cmp.Compare(h.p, p) })
	if !ok {
		return nil
	}
	return w.hitOrder[l[i].lo:l[i].hi]
}

// between returns the pair findings of a and b: the instance's Between
// when it has one, else its Pairs.
func (w *world) between(a, b int32) []Pair {
	ca, cb := w.people[a].code, w.people[b].code
	if w.in.Between != nil {
		return w.in.Between(ca, cb)
	}
	var out []Pair
	for _, i := range w.pairsOf[a] {
		if pr := w.in.Pairs[i]; pr.A == ca && pr.B == cb || pr.A == cb && pr.B == ca {
			out = append(out, pr)
		}
	}
	return out
}

// names maps every person's code to their name.
func (w *world) names() map[string]string {
	out := make(map[string]string, len(w.in.People))
	for _, p := range w.in.People {
		out[p.Code] = p.Name
	}
	return out
}
