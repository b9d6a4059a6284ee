package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// FromSnapshot builds the instance of round code from snapshot s: its
// teams (locked members become locks, other members are replaced), every
// person with the facts the objective needs (SPEC §5's rounds served this
// term and in the previous round; §11.3's experience, 职级, 新提拔日期 and
// rounds served since), and the recusal findings of checker c (built over
// s with settings set). mode "" takes the round's own mode.
func FromSnapshot(s *snap.Snapshot, c *recusal.Checker, set recusal.Settings, code, mode, seed string) (*Instance, error) {
	r := s.Round(code)
	if r == nil {
		return nil, fmt.Errorf("轮次 %s 不存在", code)
	}
	if mode == "" {
		mode = r.Mode
	}
	if mode == "" {
		mode = vocab.ModeMixed
	}
	in := &Instance{Round: code, Mode: mode, Seed: seed, Start: r.OnsiteStart, CountyNames: map[string]string{}, UnitNames: map[string]string{}}
	for _, x := range s.Counties {
		in.CountyNames[x.Code] = x.Name
		if x.City {
			in.City = append(in.City, x.Code)
		}
	}
	joint := jointOf(s, r)
	in.Joint = joint.text
	for _, u := range s.Units {
		in.UnitNames[u.Code] = u.Name
	}
	for _, t := range r.Teams {
		team := Team{Name: t.Name, Seq: t.Seq, County: t.County, Units: t.UnitCodes()}
		for _, u := range team.Units {
			if x := s.Unit(u); x != nil && !slices.Contains(team.Categories, x.Category) {
				team.Categories = append(team.Categories, x.Category)
			}
		}
		slices.Sort(team.Categories)
		in.Teams = append(in.Teams, team)
		for _, m := range t.Members {
			if m.Locked {
				in.Locks = append(in.Locks, Lock{Person: m.Person, Team: t.Name, Role: m.Role})
			}
		}
	}
	hist := history(s, r)
	for i := range s.People {
		p := &s.People[i]
		h := hist[p.Code]
		if h == nil {
			h = &service{}
		}
		in.People = append(in.People, Person{Code: p.Code, Name: p.Name, County: p.HomeCounty, Pools: p.Pools,
			FullTime: p.FullTime, Skills: p.Skills, Status: p.Status, Served: h.served, Previous: h.previous,
			Experience: len(h.dates), Rank: p.Rank, PromotedOn: p.PromotedOn, SincePromoted: h.since(p.PromotedOn),
			Joint: joint.meets(p)})
	}
	run := *r
	run.Mode = mode
	teamCounty := map[string]string{}
	for _, t := range r.Teams {
		teamCounty[t.Name] = t.County
	}
	local := map[Lift]bool{} // R4 of a person on a team: every unit lifted so far
	for _, h := range c.Round(&run) {
		if h.Rule == recusal.R4 {
			k := Lift{Person: h.Person, Team: h.Team}
			if lifted, seen := local[k]; !seen || lifted {
				local[k] = h.Overridden
			}
		}
		if h.Severity == recusal.Off || h.Rule == recusal.R4 {
			continue // the role table decides locality
		}
		if p := s.Person(h.Person); h.Rule == recusal.R4b && p != nil && p.HomeCounty == teamCounty[h.Team] {
			continue // local roles imply it, and no other role takes the person
		}
		in.Hits = append(in.Hits, Hit{Person: h.Person, Team: h.Team, Unit: h.Unit, Rule: h.Rule,
			Hard: h.Severity == recusal.Hard, Overridden: h.Overridden, Roles: h.Roles, Reason: h.Reason})
	}
	for k, lifted := range local {
		if lifted {
			in.Lifted = append(in.Lifted, k)
		}
	}
	slices.SortFunc(in.Lifted, func(a, b Lift) int {
		return cmp.Or(strings.Compare(a.Team, b.Team), strings.Compare(a.Person, b.Person))
	})
	in.Pairs = pairs(s, c, set, r)
	in.Between = func(a, b string) []Pair {
		return toPairs(c, r, c.Pair(s.Person(a), s.Person(b)))
	}
	in.Previous = previousRoutes(s, r)
	return in, nil
}

// service is what a person did in the rounds before this one.
type service struct {
	served   int          // rounds of the same term
	previous bool         // in the round just before
	dates    []civil.Date // on-site starts of every earlier round served, any term
}

// since counts the earlier rounds served that began on or after day d
// (none when d is zero).
func (h *service) since(d civil.Date) int {
	n := 0
	for _, x := range h.dates {
		if !d.IsZero() && x >= d {
			n++
		}
	}
	return n
}

// before reports whether round a comes before round b.
func before(a, b *snap.Round) bool {
	if a.Number != b.Number {
		return a.Number < b.Number
	}
	if a.OnsiteStart != b.OnsiteStart {
		return a.OnsiteStart < b.OnsiteStart
	}
	return a.Code < b.Code
}

func history(s *snap.Snapshot, r *snap.Round) map[string]*service {
	out := map[string]*service{}
	var prev *snap.Round
	for i := range s.Rounds {
		x := &s.Rounds[i]
		if x.Term == r.Term && x != r && before(x, r) && (prev == nil || before(prev, x)) {
			prev = x
		}
	}
	for i := range s.Rounds {
		x := &s.Rounds[i]
		if x.Code == r.Code {
			continue
		}
		same := x.Term == r.Term && before(x, r)
		earlier := same || !x.OnsiteStart.IsZero() && (r.OnsiteStart.IsZero() || x.OnsiteStart < r.OnsiteStart)
		seen := map[string]bool{}
		for _, t := range x.Teams {
			for _, m := range t.Members {
				if seen[m.Person] {
					continue
				}
				seen[m.Person] = true
				h := out[m.Person]
				if h == nil {
					h = &service{}
					out[m.Person] = h
				}
				if same {
					h.served++
					h.previous = h.previous || x == prev
				}
				if earlier {
					h.dates = append(h.dates, x.Start(&t))
				}
			}
		}
	}
	return out
}

// pairs returns the hard pair findings the solver must keep apart: close
// relatives (R6) among the people, and, when R7 is set to 回避, people of
// one current unit.
func pairs(s *snap.Snapshot, c *recusal.Checker, set recusal.Settings, r *snap.Round) []Pair {
	seen := map[[2]string]bool{}
	var cands [][2]string
	add := func(a, b string) {
		if a == b {
			return
		}
		k := [2]string{min(a, b), max(a, b)}
		if !seen[k] {
			seen[k] = true
			cands = append(cands, k)
		}
	}
	for i := range s.People {
		p := &s.People[i]
		for _, rel := range p.Relatives {
			if rel.Person != "" && s.Person(rel.Person) != nil {
				add(p.Code, rel.Person)
			}
			if rel.IDNumber != "" {
				for _, q := range s.PeopleByID(rel.IDNumber) {
					add(p.Code, q.Code)
				}
			}
		}
	}
	if set.Severity[recusal.R7] == recusal.Hard {
		byUnit := map[string][]string{}
		var units []string
		for i := range s.People {
			p := &s.People[i]
			if !p.Active() || p.CurrentUnit == "" {
				continue
			}
			if byUnit[p.CurrentUnit] == nil {
				units = append(units, p.CurrentUnit)
			}
			byUnit[p.CurrentUnit] = append(byUnit[p.CurrentUnit], p.Code)
		}
		slices.Sort(units)
		for _, u := range units {
			ps := byUnit[u]
			for i := range ps {
				for j := i + 1; j < len(ps); j++ {
					add(ps[i], ps[j])
				}
			}
		}
	}
	slices.SortFunc(cands, func(a, b [2]string) int { return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1])) })
	var out []Pair
	for _, k := range cands {
		for _, pr := range toPairs(c, r, c.Pair(s.Person(k[0]), s.Person(k[1]))) {
			if pr.Hard {
				out = append(out, pr)
			}
		}
	}
	return out
}

// toPairs converts the checker's pair hits, with the teams of r where an
// approved override lifts them.
func toPairs(c *recusal.Checker, r *snap.Round, hs []recusal.Hit) []Pair {
	var out []Pair
	for _, h := range hs {
		if h.Severity == recusal.Off {
			continue
		}
		pr := Pair{A: h.Person, B: h.Other, Rule: h.Rule, Hard: h.Severity == recusal.Hard, Reason: h.Reason}
		for _, t := range r.Teams {
			for _, who := range []string{h.Person, h.Other} {
				x := h
				x.Team, x.Person = t.Name, who
				if c.Overridden(r.Code, x) && !slices.Contains(pr.Lifted, t.Name) {
					pr.Lifted = append(pr.Lifted, t.Name)
				}
			}
		}
		out = append(out, pr)
	}
	return out
}

// previousRoutes returns the county pairs of the round before r in its
// term: each team's county and the home county most of its non-local
// members came from.
func previousRoutes(s *snap.Snapshot, r *snap.Round) []Route {
	var prev *snap.Round
	for i := range s.Rounds {
		x := &s.Rounds[i]
		if x.Term == r.Term && x.Code != r.Code && before(x, r) && (prev == nil || before(prev, x)) {
			prev = x
		}
	}
	if prev == nil {
		return nil
	}
	var out []Route
	for _, t := range prev.Teams {
		count := map[string]int{}
		best := ""
		for _, m := range t.Members {
			p := s.Person(m.Person)
			if p == nil || p.HomeCounty == t.County || p.HomeCounty == "" {
				continue
			}
			count[p.HomeCounty]++
			if n := count[p.HomeCounty]; best == "" || n > count[best] || n == count[best] && p.HomeCounty < best {
				best = p.HomeCounty
			}
		}
		if best != "" && t.County != "" {
			out = append(out, Route{Inspected: t.County, Source: best})
		}
	}
	return out
}
