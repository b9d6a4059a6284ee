package assign

// weights turn the objective's tiers (after filling, which the flow
// maximises first) into one integer cost per placement:
//
//  1. fair: rounds served this term, plus one for the previous round
//  2. not newly promoted
//  3. off-label: a county other than the one the slot leans to, which
//     spreads each county's people over the teams
//  4. soft (提示) hits and overridden hard hits, up to three
//  5. no skill the units' categories ask for
//
// Each weight exceeds the most that all lower tiers can add up to over a
// whole round, so that the order is strict (lexicographic). A round too
// large for 64-bit costs keeps the order per placement only (strict false).
type weights struct {
	w       [5]int64
	maxFair int64
	strict  bool
}

// costLimit keeps every cost, path length and potential far from overflow.
const costLimit = int64(1) << 56

func newWeights(w *world) weights {
	var maxFair int64
	for _, p := range w.people {
		maxFair = max(maxFair, p.fair)
	}
	maxTier := [5]int64{maxFair, 1, 1, softCap, 1}
	build := func(d int64) ([5]int64, bool) {
		var ws [5]int64
		var below int64 // the most the lower tiers add up to
		for k := 4; k >= 0; k-- {
			ws[k] = below + 1
			if ws[k] > costLimit/(d*maxTier[k]+1) {
				return ws, false
			}
			below += d * maxTier[k] * ws[k]
			if below > costLimit {
				return ws, false
			}
		}
		return ws, true
	}
	d := int64(max(w.slots, 1))
	if ws, ok := build(d); ok {
		return weights{w: ws, maxFair: maxFair, strict: true}
	}
	lo, hi := int64(1), d // largest d that fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if _, ok := build(mid); ok {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	ws, _ := build(lo)
	return weights{w: ws, maxFair: maxFair}
}

// personal is the part of the cost that depends on the person alone.
func (wt *weights) personal(p *pinfo) int64 {
	c := p.fair * wt.w[0]
	if !p.promoted {
		c += wt.w[1]
	}
	return c
}

// cost is the cost of placing p on team t in a slot leaning to county
// prefer (-1: none), with soft hits.
func (wt *weights) cost(w *world, p int32, t int32, prefer int32, soft int8) int64 {
	pi := &w.people[p]
	c := pi.personal + int64(soft)*wt.w[3]
	if prefer >= 0 && pi.county != prefer {
		c += wt.w[2]
	}
	if d := w.teams[t].desire; d != 0 && pi.skills&d == 0 {
		c += wt.w[4]
	}
	return c
}

// maxExtra is the most cost beyond personal a placement can carry.
func (wt *weights) maxExtra() int64 { return wt.w[2] + softCap*wt.w[3] + wt.w[4] }

// Tiers is the objective broken into its tiers, summed over the members
// the solver placed (locked members are not counted).
type Tiers struct {
	Fair        int64 `json:"fair"`        // rounds served this term (+1 for the previous round)
	NotPromoted int64 `json:"notPromoted"` // placed people who are not newly promoted
	Promoted    int64 `json:"promoted"`    // newly promoted people placed
	SameCounty  int64 `json:"sameCounty"`  // members beyond the first of a county on a team
	Soft        int64 `json:"soft"`        // soft hits of placed people
	NoSkillFit  int64 `json:"noSkillFit"`  // placed people without a skill their units ask for
}
