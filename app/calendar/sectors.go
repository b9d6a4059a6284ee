package calendar

import (
	"slices"
	"sort"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Unsectored is how the coverage per 领域 lists the units without one.
const Unsectored = "未填领域"

// SectorCounts are the coverage figures of one 领域 (SPEC §8.2, 板块轮动):
// its required units (a unit of several 领域 counts in each), the
// jurisdictions that have any, and those where one of them is covered or
// planned.
type SectorCounts struct {
	Sector string `json:"sector"`
	Counts
	Counties int `json:"counties"`
	Reached  int `json:"reached"`
}

// SectorRound is what one round of a term did in one 领域: its units of
// the 领域 on its teams, and their jurisdictions in code order.
type SectorRound struct {
	Round, Name, Type string
	Units             int
	Counties          []string
}

// SectorView is one row of the overview's 板块 view: a 领域's coverage and
// the rounds that inspected it, in round order, so that a sector
// inspected in every jurisdiction in step shows as one round.
type SectorView struct {
	SectorCounts
	Rounds []SectorRound
}

// sectorsOf returns a unit's 领域, or Unsectored.
func sectorsOf(u *snap.Unit) []string {
	if len(u.Sectors) == 0 {
		return []string{Unsectored}
	}
	return u.Sectors
}

// sectorOrder returns the 领域 of units in display order: those of the
// settings' list first, in its order, then the others sorted, then
// Unsectored.
func (c *Calendar) sectorOrder(units []*snap.Unit) []string {
	have := make(map[string]bool)
	for _, u := range units {
		for _, s := range sectorsOf(u) {
			have[s] = true
		}
	}
	var out, rest []string
	for _, s := range c.set.Sectors {
		if have[s] {
			out = append(out, s)
			delete(have, s)
		}
	}
	none := have[Unsectored]
	delete(have, Unsectored)
	for s := range have {
		rest = append(rest, s)
	}
	sort.Strings(rest)
	out = append(out, rest...)
	if none {
		out = append(out, Unsectored)
	}
	return out
}

// bySector counts the required units per 领域 from their states.
func (c *Calendar) bySector(units []UnitState, required []*snap.Unit) []SectorCounts {
	type acc struct {
		n               Counts
		counties, reach map[string]bool
	}
	m := make(map[string]*acc)
	for i, u := range required {
		st := units[i].State
		for _, s := range sectorsOf(u) {
			a := m[s]
			if a == nil {
				a = &acc{counties: map[string]bool{}, reach: map[string]bool{}}
				m[s] = a
			}
			a.n.add(st)
			a.counties[u.County] = true
			if st != StateOpen {
				a.reach[u.County] = true
			}
		}
	}
	var out []SectorCounts
	for _, s := range c.sectorOrder(required) {
		a := m[s]
		out = append(out, SectorCounts{Sector: s, Counts: a.n, Counties: len(a.counties), Reached: len(a.reach)})
	}
	return out
}

// Sectors returns the 板块 view of term on day today: per 领域 its
// coverage and the rounds of the term (every 巡察类型) that inspected its
// units, with the jurisdictions they lie in.
func (c *Calendar) Sectors(term string, today civil.Date) ([]SectorView, error) {
	cv, err := c.Coverage(term, today)
	if err != nil {
		return nil, err
	}
	return c.sectorViews(&cv), nil
}

// sectorViews is Sectors over the term's coverage cv.
func (c *Calendar) sectorViews(cv *Coverage) []SectorView {
	term := cv.Term
	required := c.Required(c.Term(term))
	inScope := make(map[string]bool, len(required))
	for _, u := range required {
		inScope[u.Code] = true
	}
	type key struct {
		sector string
		round  int
	}
	units := make(map[key]int)
	counties := make(map[key][]string)
	rounds := c.Rounds(term)
	for ri, r := range rounds {
		for i := range r.Teams {
			for _, tu := range r.Teams[i].Units {
				u := c.snap.Unit(tu.Unit)
				if u == nil || !inScope[u.Code] {
					continue
				}
				for _, s := range sectorsOf(u) {
					k := key{s, ri}
					units[k]++
					if !slices.Contains(counties[k], u.County) {
						counties[k] = append(counties[k], u.County)
					}
				}
			}
		}
	}
	out := make([]SectorView, 0, len(cv.BySector))
	for _, sc := range cv.BySector {
		v := SectorView{SectorCounts: sc}
		for ri, r := range rounds {
			k := key{sc.Sector, ri}
			if units[k] == 0 {
				continue
			}
			cs := counties[k]
			sort.Strings(cs)
			v.Rounds = append(v.Rounds, SectorRound{Round: r.Code, Name: r.Name, Type: kindOf(r.Type), Units: units[k], Counties: cs})
		}
		out = append(out, v)
	}
	return out
}
