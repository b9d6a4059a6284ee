package assign

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"xuncha/app/vocab"
)

// Solve fills the teams of in under set and explains what it could not
// fill. Locks are kept as they are (and re-checked: a lock that breaks a
// rule shows as a warning); excluded people are never placed.
func Solve(in *Instance, set Settings) (*Result, error) {
	w, err := newWorld(in, set)
	if err != nil {
		return nil, err
	}
	var routes []Route
	if w.mode == vocab.ModeSwap {
		routes = w.rotate()
	}
	spread := w.spread()
	turn := 0
	root := &node{}
	for t := range w.teams {
		root.teams = append(root.teams, w.rootState(int32(t), spread, &turn))
	}
	s := newSearch(w, w.peopleMarket(), false, w.budget())
	if w.slots <= smallRound {
		s.costBudget = s.budget
	}
	best, bound := s.run(root)
	if best == nil {
		best = s.repair(root)
	}
	res := w.result(best, s)
	res.Rotation = routes
	res.Objective.Bound = max(bound, res.Objective.Filled)
	if w.mode == vocab.ModeSwap {
		// the rotation was chosen before the search: bound over every
		// rotation by letting each team draw on any other county
		res.Objective.Bound = max(res.Objective.Filled, w.swapBound())
	}
	res.Objective.Optimal = res.Objective.Filled >= res.Objective.Bound
	res.Objective.Searched = s.solved
	res.Objective.Exhaustive = s.complete
	return res, nil
}

// smallRound is the size (in slots) up to which the search goes on for
// the lower tiers once filling is proven optimal.
const smallRound = 64

// budget is the number of relaxations the search may solve: the setting,
// or as many as keep a round of this size quick.
func (w *world) budget() int {
	if w.set.SearchLimit > 0 {
		return w.set.SearchLimit
	}
	return min(max(30000/max(w.slots, 1), 12), 600)
}

// seedHash turns the seed into a number; the empty seed is 0.
func seedHash(seed string) uint64 {
	if seed == "" {
		return 0
	}
	h := sha256.Sum256([]byte("xuncha-assign/1\x00" + seed))
	return binary.BigEndian.Uint64(h[:8])
}

// spread is the order in which non-local slots lean to counties: the
// counties with placeable people, starting at a place the seed picks.
func (w *world) spread() []int32 {
	var cs []int32
	for c, l := range w.byCounty[0] {
		if len(l) > 0 {
			cs = append(cs, int32(c))
		}
	}
	if len(cs) == 0 {
		return nil
	}
	k := int(seedHash(w.in.Seed) % uint64(len(cs)))
	return append(cs[k:], cs[:k]...)
}

// repair turns the root relaxation into a valid assignment by taking out
// whoever breaks a crossing constraint (the costliest first). It is the
// fallback when the search found nothing valid within its budget.
func (s *search) repair(root *node) *node {
	n := &node{teams: root.teams, sol: &solution{fill: root.sol.fill, cost: root.sol.cost, at: make([][]placed, len(root.teams))}}
	for ti := range root.teams {
		n.sol.at[ti] = slices.Clone(root.sol.at[ti])
	}
	for range s.w.slots + 1 {
		vs := s.violations(n, false)
		if len(vs) == 0 {
			break
		}
		for _, v := range vs {
			at := n.sol.at[v.ti]
			drop := -1
			for i, x := range at {
				hit := false
				switch v.kind {
				case vCap:
					hit = s.m.county[x.p] == v.c && !s.w.rows[n.teams[v.ti].bins[x.bin].row].local && n.teams[v.ti].bins[x.bin].county < 0
				case vSkill:
					hit = true
				case vKin:
					hit = x.p == v.a || x.p == v.b
				}
				if hit && (drop < 0 || x.cost >= at[drop].cost) {
					drop = i
				}
			}
			if drop >= 0 {
				n.sol.fill -= int(at[drop].n)
				n.sol.cost -= at[drop].cost
				n.sol.at[v.ti] = slices.Delete(at, drop, drop+1)
			}
		}
	}
	return n
}
