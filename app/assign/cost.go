package assign

// The tiers of the objective a placement's cost carries. Filling comes
// first (the flow maximises it) and the experienced core second (the
// search counts it per team, see solution); these follow, in order
// (SPEC §11.3):
const (
	tFair  = iota // rotation: rounds served this term, plus one for the previous round (rotated roles only)
	tOwe          // not owing rounds as a newly promoted cadre
	tDue          // for those who owe: a deadline not within urgentMonths of the round's start
	tOff          // a county other than the one the slot leans to, which spreads each county's people over the teams
	tSoft         // soft (提示) hits and overridden hard hits binding the role, up to three
	tSkill        // no skill the units' categories ask for
	nTiers
)

// weights turn those tiers into one integer cost per placement. Each
// weight exceeds the most that all lower tiers can add up to over a whole
// round, so that the order is strict (lexicographic). A round too large
// for 64-bit costs keeps the order per placement only (strict false).
type weights struct {
	w       [nTiers]int64
	maxFair int64
	strict  bool
	// seat is what a placement outside a core seat costs more when the
	// search has made core seats (the experienced core comes right after
	// filling): more than any path of the flow can gain in the tiers
	// below where that fits in 64 bits, else as much as fits.
	seat int64
}

// Limits that keep 64-bit arithmetic safe: the cost of a whole round, and
// the length of any simple path of the flow network (at most 2D+3 edges),
// which bounds every distance and potential.
const (
	totalLimit = int64(1) << 60
	pathLimit  = int64(1) << 61
)

// urgentMonths: a newly promoted cadre whose deadline falls within this
// many months of the round's 进驻开始 will hardly find another round
// before it, and goes first. The order of the deadlines themselves is
// the last step of the solve (see world.earlier): each deadline a rank of
// its own would multiply the phases of the flow.
const urgentMonths = 6

// newWeights makes the weights of w's round.
func newWeights(w *world) weights {
	var maxFair int64
	for _, p := range w.people {
		maxFair = max(maxFair, p.fair)
	}
	maxTier := [nTiers]int64{maxFair, 1, 1, 1, softCap, 1}
	d := int64(max(w.slots, 1))
	// build makes the weights strict over n placements and reports
	// whether costs stay within the limits for the real round of d.
	build := func(n int64) ([nTiers]int64, bool) {
		var ws [nTiers]int64
		var below, edge int64 // what the lower tiers add up to; the largest edge cost
		for k := nTiers - 1; k >= 0; k-- {
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
	seat := func(ws [nTiers]int64) int64 {
		var edge int64
		for k := range ws {
			edge += maxTier[k] * ws[k]
		}
		room := pathLimit/(2*d+3) - edge
		if edge <= room/(2*d+3) {
			return (2*d+3)*edge + 1
		}
		return max(room, 1)
	}
	if ws, ok := build(d); ok {
		return weights{w: ws, maxFair: maxFair, strict: true, seat: seat(ws)}
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
	return weights{w: ws, maxFair: maxFair, seat: seat(ws)}
}

// personal is the part of the cost that depends on the person alone, in a
// row that rotates or in a stable one.
func (wt *weights) personal(p *pinfo, rotated bool) int64 {
	var c int64
	if rotated {
		c = p.fair * wt.w[tFair]
	}
	if p.owed > 0 {
		c += p.later * wt.w[tDue]
	} else {
		c += wt.w[tOwe]
	}
	return c
}

// cost is the cost of placing p on team t in a slot of row r leaning to
// county prefer (-1: none), with soft hits.
func (wt *weights) cost(w *world, p, t int32, r int, prefer int32, soft int8) int64 {
	pi := &w.people[p]
	c := pi.personal[w.kind(r)] + int64(soft)*wt.w[tSoft]
	if prefer >= 0 && pi.county != prefer {
		c += wt.w[tOff]
	}
	if d := w.teams[t].desire; d != 0 && pi.skills&d == 0 {
		c += wt.w[tSkill]
	}
	return c
}

// Tiers is the objective broken into its tiers, in order, over every
// member of the teams (locked ones too).
type Tiers struct {
	CoreShort  int64 `json:"coreShort"`  // experienced members the teams lack for their core (以老带新)
	Fair       int64 `json:"fair"`       // rounds served this term (+1 for the previous round) of the members in roles that rotate
	Owing      int64 `json:"owing"`      // people placed who owe rounds as newly promoted cadres
	OwingLeft  int64 `json:"owingLeft"`  // people who owe rounds and may be placed, not placed
	SameCounty int64 `json:"sameCounty"` // members beyond the first of a county on a team (roles from elsewhere)
	Soft       int64 `json:"soft"`       // soft hits of members binding their roles
	NoSkillFit int64 `json:"noSkillFit"` // members without a skill their units ask for
}
