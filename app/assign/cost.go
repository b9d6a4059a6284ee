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

// Limits that keep 64-bit arithmetic safe: the cost of a whole round, and
// the length of any simple path of the flow network (at most 2D+3 edges),
// which bounds every distance and potential.
const (
	totalLimit = int64(1) << 60
	pathLimit  = int64(1) << 61
)

func newWeights(w *world) weights {
	var maxFair int64
	for _, p := range w.people {
		maxFair = max(maxFair, p.fair)
	}
	maxTier := [5]int64{maxFair, 1, 1, softCap, 1}
	d := int64(max(w.slots, 1))
	// build makes the weights strict over n placements and reports
	// whether costs stay within the limits for the real round of d.
	build := func(n int64) ([5]int64, bool) {
		var ws [5]int64
		var below, edge int64 // what the lower tiers add up to; the largest edge cost
		for k := 4; k >= 0; k-- {
			ws[k] = below + 1
			if maxTier[k] > 0 && ws[k] > pathLimit/(maxTier[k]*(2*d+3)) {
				return ws, false
			}
			edge += maxTier[k] * ws[k]
			below += n * maxTier[k] * ws[k]
			if below > totalLimit || edge > pathLimit/(2*d+3) {
				return ws, false
			}
		}
		return ws, true
	}
	if ws, ok := build(d); ok {
		return weights{w: ws, maxFair: maxFair, strict: true}
	}
	lo, hi := int64(1), d // the largest n that fits
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
