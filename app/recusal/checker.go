package recusal

import (
	"slices"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Checker answers recusal questions over one snapshot and one set of
// settings. Build it with New; it is safe for concurrent reads.
type Checker struct {
	snap *snap.Snapshot
	set  Settings
}

// New builds a checker over s (which must be indexed) with settings set.
func New(s *snap.Snapshot, set Settings) *Checker {
	return &Checker{snap: s, set: set}
}

// Unit returns the hits of rules R1–R5 of p against one unit, ref being the
// on-site start (进驻开始) of the round. Team is left empty.
func (c *Checker) Unit(p *snap.Person, unit string, ref civil.Date) []Hit { return nil }

// Team returns the hits of rules R1–R5 of p against every unit of team t
// of round r, with Team set and approved overrides marked.
func (c *Checker) Team(p *snap.Person, r *snap.Round, t *snap.Team) []Hit { return nil }

// Pair returns the hits of R6 and R7 between two people (Person = a,
// Other = b); Team and Unit are empty.
func (c *Checker) Pair(a, b *snap.Person) []Hit { return nil }

// Round returns every hit of every active pool member against every team
// of r, sorted by team seq, person code, unit, rule.
func (c *Checker) Round(r *snap.Round) []Hit { return nil }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
