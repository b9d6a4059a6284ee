package recusal

import "slices"

// The tiers of the focused recusal report (Focus), in the order a clerk
// reads them.
const (
	// TierRoster: a hit of someone on the round's roster, against the team
	// they are on, that binds their role (提示 and lifted hits included;
	// not the R4b of someone of the team's own county, which a local role
	// implies).
	TierRoster = "已编入"
	// TierBlocks: a hard hit, not lifted, that removes a candidate from a
	// slot they could otherwise fill: the person is not on the roster and
	// their pools, status and home county fit a role of the team the hit
	// binds.
	TierBlocks = "排除候选"
	// TierOther: the rest — mostly R4/R4b "same county" hits of people
	// who could not take those roles anyway — collapsed.
	TierOther = "其他"
)

// Tiers lists the tiers in report order.
var Tiers = []string{TierRoster, TierBlocks, TierOther}

// Place is where the round's roster puts a person.
type Place struct{ Team, Role string }

// Candidacy is what Focus needs to know of the round beyond the hits: who
// is on its roster, and which roles of a team a person could fill were it
// not for recusal (by pool, status and home county: the composition
// table's rows, and the round's mode).
type Candidacy struct {
	Placed map[string]Place                   // by person code
	Roles  func(person, team string) []string // roles person could otherwise fill on team; nil: none
	// Local reports whether person's home county is team's: their R4b
	// (籍贯) says nothing a local role does not imply. May be nil.
	Local func(person, team string) bool
}

// FocusRow is a row of the focused report: one hit, or for a collapsed row
// the first of the hits it stands for.
type FocusRow struct {
	*Row  // in the report's rows: a new sort of the report calls for a new Focus
	Tier  string
	Hits  int      // the hits the row stands for (1 unless collapsed)
	Teams []string // the teams of those hits, in report order, each once
	Of    []int    // the indexes of those hits in the report's rows
}

// Focused is the recusal report of a round as a clerk reads it first
// (issue 12): the hits of people on the roster, then the hard hits that
// keep an otherwise eligible candidate off a team, then everything else
// collapsed — R4 and R4b to one row per person, rule and county, any
// other rule to one row per person, rule and team. Shown whole, it is
// every hit in the report's order, each with its tier.
type Focused struct {
	Rows   []FocusRow
	Counts map[string]int // hits per tier
}

// Focus sorts the rows of rep (in their current order) into the tiers of
// the focused report, with cand saying who is placed and who could fill
// what; county gives the county of a team (R4/R4b rows collapse by it).
// Within a tier the rows keep rep's order, a collapsed row standing where
// its first hit stood. With collapse false every hit is a row of its own,
// in rep's order, its tier named.
func Focus(rep *Report, cand Candidacy, county func(team string) string, collapse bool) *Focused {
	out := &Focused{Counts: map[string]int{}}
	type key struct{ person, rule, where string }
	at := map[key]int{} // collapsed rows: index into others
	var roster, blocks, others []FocusRow
	// each row's one team and one index, in two arrays allocated once; a
	// collapsed row's appends copy out (capacity 1)
	teams, of := make([]string, len(rep.Rows)), make([]int, len(rep.Rows))
	if !collapse {
		out.Rows = make([]FocusRow, 0, len(rep.Rows))
	}
	for i := range rep.Rows {
		row := &rep.Rows[i]
		tier := tierOf(row.Hit, cand)
		out.Counts[tier]++
		teams[i], of[i] = row.Team, i
		one := FocusRow{Row: row, Tier: tier, Hits: 1, Teams: teams[i : i+1 : i+1], Of: of[i : i+1 : i+1]}
		switch {
		case !collapse:
			out.Rows = append(out.Rows, one)
			continue
		case tier == TierRoster:
			roster = append(roster, one)
			continue
		case tier == TierBlocks:
			blocks = append(blocks, one)
			continue
		}
		k := key{row.Person, row.Rule, "组:" + row.Team}
		if row.Rule == R4 || row.Rule == R4b {
			k.where = "县:" + county(row.Team)
		}
		if row.Other != "" {
			k.where += "|" + row.Other
		}
		if j, ok := at[k]; ok {
			f := &others[j]
			f.Hits++
			f.Of = append(f.Of, i)
			if !slices.Contains(f.Teams, row.Team) {
				f.Teams = append(f.Teams, row.Team)
			}
			continue
		}
		at[k] = len(others)
		others = append(others, one)
	}
	if collapse {
		out.Rows = append(append(roster, blocks...), others...)
	}
	return out
}

// tierOf says which tier hit h belongs to.
func tierOf(h Hit, cand Candidacy) string {
	if h.Rule == R4b && cand.Local != nil && cand.Local(h.Person, h.Team) {
		return TierOther // implied by a local role
	}
	if p, ok := cand.Placed[h.Person]; ok {
		if p.Team == h.Team && h.Binds(p.Role) {
			return TierRoster
		}
		return TierOther // placed elsewhere, or a hit their role escapes
	}
	if h.Severity != Hard || h.Overridden || cand.Roles == nil {
		return TierOther
	}
	for _, role := range cand.Roles(h.Person, h.Team) {
		if h.Binds(role) {
			return TierBlocks
		}
	}
	return TierOther
}

// Count returns the rows of tier.
func (f *Focused) Count(tier string) int {
	n := 0
	for _, r := range f.Rows {
		if r.Tier == tier {
			n++
		}
	}
	return n
}
