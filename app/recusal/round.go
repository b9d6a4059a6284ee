package recusal

import (
	"cmp"
	"slices"
	"strings"

	"xuncha/app/kin"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// Team returns the hits of p on team t of round r, with Team set and
// approved overrides marked: R9 first (it concerns no unit; the grades of
// r itself do not count), then R1–R5 and R8 against every unit of the
// team. The reference date is the team's on-site start. In a 本县 round R4
// and R4b do not apply: no role has to come from another county.
func (c *Checker) Team(p *snap.Person, r *snap.Round, t *snap.Team) []Hit {
	pi := c.personInfo(p)
	ref := r.Start(t)
	remote := r.Mode != vocab.ModeLocal
	out := c.evalHit(nil, p, ref, t.Name, r.Code)
	for _, u := range sortedUnits(t) {
		out = c.unitHits(out, p, pi, u, c.snap.Unit(u), ref, t.Name, remote)
	}
	c.mark(r.Code, out)
	return out
}

// Round returns every hit of every active pool member (snap.Person.Active)
// against every team of r, sorted by team seq, person code, unit, rule.
// Only the people whose data touches a unit of the team, whose home or
// native county is the team's, or who have a grade R9 looks at, are
// examined in detail.
func (c *Checker) Round(r *snap.Round) []Hit {
	remote := r.Mode != vocab.ModeLocal
	seen := make([]int32, len(c.snap.People)) // team stamp + 1: a candidate of the team
	full := make([]int32, len(c.snap.People)) // team stamp + 1: its units are to be checked
	teams := sortedTeams(r)
	out := make([]Hit, 0, c.estimate(teams, remote))
	var cand []int32
	for ti, t := range teams {
		stamp := int32(ti + 1)
		cand = cand[:0]
		add := func(l []int32) {
			for _, i := range l {
				full[i] = stamp
				if seen[i] != stamp {
					seen[i] = stamp
					cand = append(cand, i)
				}
			}
		}
		units := sortedUnits(t)
		for _, i := range c.graded { // R9 only, unless their data touches the team too
			if seen[i] != stamp {
				seen[i] = stamp
				cand = append(cand, i)
			}
		}
		recs := make([]*snap.Unit, len(units))
		for k, u := range units {
			add(c.touch[u])
			recs[k] = c.snap.Unit(u)
			if recs[k] != nil && remote {
				add(c.home[recs[k].County])
				add(c.native[recs[k].County])
			}
		}
		slices.SortFunc(cand, func(a, b int32) int { return cmp.Compare(c.rank[a], c.rank[b]) })
		ref := r.Start(t)
		for _, i := range cand {
			p := &c.snap.People[i]
			if !p.Active() {
				continue
			}
			out = c.evalHitOf(out, i, p.Code, ref, t.Name, r.Code)
			if full[i] != stamp {
				continue
			}
			for k, u := range units {
				out = c.unitHits(out, p, &c.people[i], u, recs[k], ref, t.Name, remote)
			}
		}
	}
	c.mark(r.Code, out)
	return out
}

// estimate guesses how many hits Round will find for teams, so that the
// result (hundreds of thousands of hits for a province, mostly R4 and R4b)
// is allocated once: each unit gives at most one R4 per person of its
// county, one R4b per native, and about one hit per person touching it;
// each team at most one R9 per graded person.
func (c *Checker) estimate(teams []*snap.Team, remote bool) int {
	n := 0
	for _, t := range teams {
		n += len(c.graded) // at most one R9 each
		for _, u := range t.Units {
			n += len(c.touch[u.Unit])
			if x := c.snap.Unit(u.Unit); x != nil && remote {
				n += len(c.home[x.County]) + len(c.native[x.County])
			}
		}
	}
	return n
}

// Roster checks the saved roster of r: every member against the units of
// their team in their role (R1–R5, R8, R9), and every two members of a team with
// each other (R6, R7). Sorted by team seq, person code, unit, rule, other.
func (c *Checker) Roster(r *snap.Round) []Hit {
	var out []Hit
	for _, t := range sortedTeams(r) {
		var ps []*snap.Person
		for _, m := range t.Members {
			p := c.snap.Person(m.Person)
			if p == nil {
				continue
			}
			ps = append(ps, p)
			for _, h := range c.Team(p, r, t) {
				if h.Binds(m.Role) {
					out = append(out, h)
				}
			}
		}
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				for _, h := range c.Pair(ps[i], ps[j]) {
					h.Team = t.Name
					h.Overridden = c.Overridden(r.Code, h)
					out = append(out, h)
				}
			}
		}
	}
	order := make(map[string]int)
	for i, t := range sortedTeams(r) {
		order[t.Name] = i
	}
	slices.SortStableFunc(out, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(order[a.Team], order[b.Team]), strings.Compare(a.Person, b.Person),
			strings.Compare(a.Unit, b.Unit), strings.Compare(a.Rule, b.Rule), strings.Compare(a.Other, b.Other))
	})
	return out
}

// Pair returns the hits of R6 and R7 between two people (Person = a,
// Other = b); Team and Unit are empty.
func (c *Checker) Pair(a, b *snap.Person) []Hit {
	if a == nil || b == nil || a.Code == b.Code {
		return nil
	}
	var out []Hit
	if c.sev.r6 != Off {
		why := kinEvidence(a, b)
		if why == "" {
			why = kinEvidence(b, a)
		}
		if why != "" {
			out = append(out, Hit{Person: a.Code, Rule: R6, Severity: c.sev.r6, Other: b.Code,
				Reason: a.Name + " 与 " + b.Name + " 为近亲属：" + why})
		}
	}
	if c.sev.r7 != Off {
		if u := c.sharedUnit(a, b); u != "" {
			out = append(out, Hit{Person: a.Code, Rule: R7, Severity: c.sev.r7, Other: b.Code,
				Reason: a.Name + " 与 " + b.Name + " 同在 " + c.snap.UnitName(u) + " 工作"})
		}
	}
	return out
}

// kinEvidence says how x lists y as a close relative, or "".
func kinEvidence(x, y *snap.Person) string {
	for _, r := range x.Relatives {
		if !kin.IsClose(r.Relation) {
			continue
		}
		switch {
		case r.Person != "" && r.Person == y.Code:
			return x.Name + "的" + r.Relation + "为 " + y.Name + "（亲属人员编号 " + y.Code + "）"
		case r.IDNumber != "" && r.IDNumber == y.IDNumber:
			return x.Name + "的" + r.Relation + "为 " + y.Name + "（身份证号相同）"
		}
	}
	return ""
}

// sharedUnit returns the first current unit (in code order) of a that is
// also b's, or "".
func (c *Checker) sharedUnit(a, b *snap.Person) string {
	pa, pb := c.personInfo(a), c.personInfo(b)
	best := ""
	for _, x := range pa.current {
		for _, y := range pb.current {
			if x.unit == y.unit && (best == "" || x.unit < best) {
				best = x.unit
			}
		}
	}
	return best
}

// mark sets Overridden on the hits of round that approved overrides lift.
func (c *Checker) mark(round string, hits []Hit) {
	if len(c.overrides) == 0 {
		return
	}
	for i := range hits {
		hits[i].Overridden = c.Overridden(round, hits[i])
	}
}

// sortedTeams returns the teams of r by seq, then name.
func sortedTeams(r *snap.Round) []*snap.Team {
	out := make([]*snap.Team, len(r.Teams))
	for i := range r.Teams {
		out[i] = &r.Teams[i]
	}
	slices.SortStableFunc(out, func(a, b *snap.Team) int {
		return cmp.Or(cmp.Compare(a.Seq, b.Seq), strings.Compare(a.Name, b.Name))
	})
	return out
}

// sortedUnits returns the unit codes of t in code order, without repeats.
func sortedUnits(t *snap.Team) []string {
	out := t.UnitCodes()
	slices.Sort(out)
	return slices.Compact(out)
}
