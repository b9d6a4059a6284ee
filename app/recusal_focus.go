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
// a pool the composition table's row admits, and from where the row's
// origin says (originAdmits).
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
			if row.Admits(p.Pools, p.FullTime) && originAdmits(sn, row.From(), r.Mode, p.HomeCounty, tc) && !slices.Contains(out, row.Role) {
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

// originAdmits reports whether a person of jurisdiction home may fill a
// row whose people come from (SPEC §8.1: 本地, 异地, 市本级, 不限) on a team
// inspecting jurisdiction tc, in a round of mode (in a 本县 round every
// row is local).
func originAdmits(sn *snap.Snapshot, from, mode, home, tc string) bool {
	switch {
	case mode == vocab.ModeLocal:
		return home == tc
	case from == vocab.FromLocal:
		return home == tc
	case from == vocab.FromCity:
		return sn.CityLevel(home)
	case from == vocab.FromAny:
		return true
	}
	return home != tc
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
