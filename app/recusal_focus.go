package app

import (
	"slices"

	"xuncha/app/assign"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// candidacy says, for the focused recusal report of round r (see
// recusal.Focus), who the round's saved roster places where, and which
// roles of a team a person could fill were it not for recusal: active, in
// a pool the composition table's row admits, and from the team's county
// for a local row (every row in a 本县 round) or from another for the
// others.
func candidacy(sn *snap.Snapshot, r *snap.Round, set assign.Settings) recusal.Candidacy {
	placed := map[string]recusal.Place{}
	county := map[string]string{}
	for _, t := range r.Teams {
		county[t.Name] = t.County
		for _, m := range t.Members {
			placed[m.Person] = recusal.Place{Team: t.Name, Role: m.Role}
		}
	}
	roles := func(person, team string) []string {
		p := sn.Person(person)
		tc, ok := county[team]
		if p == nil || !p.Active() || !ok {
			return nil
		}
		var out []string
		for _, row := range set.Rows {
			local := row.Local || r.Mode == vocab.ModeLocal
			if row.Admits(p.Pools, p.FullTime) && local == (p.HomeCounty == tc) && !slices.Contains(out, row.Role) {
				out = append(out, row.Role)
			}
		}
		return out
	}
	local := func(person, team string) bool {
		p := sn.Person(person)
		return p != nil && p.HomeCounty == county[team]
	}
	return recusal.Candidacy{Placed: placed, Roles: roles, Local: local}
}

// teamCounty returns the county of a team of r by name ("" when unknown).
func teamCounty(r *snap.Round) func(string) string {
	county := map[string]string{}
	for _, t := range r.Teams {
		county[t.Name] = t.County
	}
	return func(team string) string { return county[team] }
}

// FocusRound returns the recusal report of round code (as CheckRound, or
// of its saved roster as CheckRoster when roster is true) with its
// focused view (recusal.Focus, collapsed): the hits of people on the
// roster, the hard hits that keep an otherwise eligible candidate off a
// team, and the rest collapsed.
func (s *Service) FocusRound(code string, roster bool) (*recusal.Report, *recusal.Focused, error) {
	c, sn, r, err := s.roundChecker(code)
	if err != nil {
		return nil, nil, err
	}
	set, err := s.AssignSettings()
	if err != nil {
		return nil, nil, err
	}
	hits := c.Round(r)
	if roster {
		hits = c.Roster(r)
	}
	rep := c.Report(r, hits)
	return rep, recusal.Focus(rep, candidacy(sn, r, set), teamCounty(r), true), nil
}
