package assign

import (
	"cmp"
	"slices"
	"strings"
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
	where := w.placement(best)
	if best != nil {
		for ti := range w.teams {
			w.upgrade(best, int32(ti))
		}
	}
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
		w.addTiers(&res.Objective.Tiers, best, t)
	}
	return res
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
				_, soft := c.get(x.p)
				room[x.bin]++
				room[bi]--
				x.bin, x.cost = int32(bi), w.wt.cost(w, x.p, t, b.prefer, soft)
				moved = true
				break
			}
			if !moved {
				break
			}
		}
	}
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

func (w *world) addTiers(tr *Tiers, best *node, t int32) {
	if best == nil {
		return
	}
	c := w.load(t)
	seen := map[int32]int{}
	for _, x := range best.sol.at[t] {
		pi := &w.people[x.p]
		b := &best.teams[t].bins[x.bin]
		tr.Fair += pi.fair
		if pi.promoted {
			tr.Promoted++
		} else {
			tr.NotPromoted++
		}
		if !w.rows[b.row].local {
			if seen[pi.county]++; seen[pi.county] > 1 {
				tr.SameCounty++
			}
		}
		_, soft := c.get(x.p)
		tr.Soft += int64(soft)
		if d := w.teams[t].desire; d != 0 && pi.skills&d == 0 {
			tr.NoSkillFit++
		}
	}
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
	return out
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
	for _, pr := range w.in.Pairs {
		if pr.A == ca && pr.B == cb || pr.A == cb && pr.B == ca {
			out = append(out, pr)
		}
	}
	return out
}
