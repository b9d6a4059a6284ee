package datapkg

import (
	"fmt"
	"slices"

	"gorm.io/gorm"

	"xuncha/model"
)

// teamKey names a team by its round and name.
type teamKey struct{ Round, Name string }

// rowIDs are the database ids of the rows that have no code, by natural key.
type rowIDs struct {
	teams                                                  map[teamKey]uint
	leaders, history, relatives, decls, teamUnits, members map[string]uint
	ties, trainings, teamEvals, plans                      map[string]uint
	milestones                                             map[string]uint
}

// Natural keys of the rows without a code.
func (l Leader) key() string      { return l.Unit + "/" + l.Name }
func (h History) key() string     { return h.Person + "/" + h.Unit + "/" + h.Start }
func (r Relative) key() string    { return r.Person + "/" + r.Name }
func (x Declaration) key() string { return x.Person + "/" + x.Unit }
func (t Team) key() string        { return t.Round + "/" + t.Name }
func (u TeamUnit) key() string    { return u.Round + "/" + u.Unit }
func (m Member) key() string      { return m.Round + "/" + m.Team + "/" + m.Person }
func (t Tie) key() string         { return t.Person + "/" + t.Name + "/" + t.Relation }
func (t Training) key() string    { return t.Person + "/" + t.Name + "/" + t.Start }
func (e TeamEval) key() string    { return e.Round + "/" + e.Team }

// loadAll reads every row the package format holds from db (through
// model.LoadTables, the one read of the whole database), in the key order
// of each row type, and the ids of the rows without a code.
func loadAll(db *gorm.DB) (*Data, *rowIDs, error) {
	all, err := model.LoadTables(db)
	if err != nil {
		return nil, nil, err
	}
	var d Data
	ids := &rowIDs{teams: map[teamKey]uint{}, leaders: map[string]uint{}, history: map[string]uint{},
		relatives: map[string]uint{}, decls: map[string]uint{}, teamUnits: map[string]uint{}, members: map[string]uint{},
		ties: map[string]uint{}, trainings: map[string]uint{}, teamEvals: map[string]uint{}, plans: map[string]uint{}}
	byID := make(map[uint]teamKey, len(all.Teams))
	for _, t := range all.Teams {
		d.Teams = append(d.Teams, fromTeam(t))
		ids.teams[teamKey{t.RoundCode, t.Name}] = t.ID
		byID[t.ID] = teamKey{t.RoundCode, t.Name}
	}
	for _, l := range all.Leaders {
		ids.leaders[fromLeader(l).key()] = l.ID
	}
	for _, h := range all.History {
		ids.history[fromHistory(h).key()] = h.ID
	}
	for _, r := range all.Relatives {
		ids.relatives[fromRelative(r).key()] = r.ID
	}
	for _, x := range all.Declarations {
		ids.decls[fromDeclaration(x).key()] = x.ID
	}
	d.Counties = mapRows(all.Counties, fromCounty)
	d.Units = mapRows(all.Units, fromUnit)
	d.Leaders = mapRows(all.Leaders, fromLeader)
	d.People = mapRows(all.People, fromPerson)
	d.History = mapRows(all.History, fromHistory)
	d.Relatives = mapRows(all.Relatives, fromRelative)
	d.Declarations = mapRows(all.Declarations, fromDeclaration)
	d.Terms = mapRows(all.Terms, fromTerm)
	d.Rounds = mapRows(all.Rounds, fromRound)
	for _, u := range all.TeamUnits {
		tu := fromTeamUnit(u, byID[u.TeamID].Name)
		d.TeamUnits = append(d.TeamUnits, tu)
		ids.teamUnits[tu.key()] = u.ID
	}
	for _, m := range all.Members {
		k := byID[m.TeamID]
		mm := fromMember(m, k.Round, k.Name)
		d.Members = append(d.Members, mm)
		ids.members[mm.key()] = m.ID
	}
	for _, t := range all.Ties {
		x := fromTie(t)
		d.Ties = append(d.Ties, x)
		ids.ties[x.key()] = t.ID
	}
	for _, t := range all.Trainings {
		x := fromTraining(t)
		d.Trainings = append(d.Trainings, x)
		ids.trainings[x.key()] = t.ID
	}
	for _, e := range all.TeamEvals {
		k := byID[e.TeamID]
		x := fromTeamEval(e, k.Round, k.Name)
		d.TeamEvals = append(d.TeamEvals, x)
		ids.teamEvals[x.key()] = e.ID
	}
	for _, x := range all.Plans {
		p := fromPlan(x)
		d.Plans = append(d.Plans, p)
		ids.plans[p.key()] = x.ID
	}
	if err := loadResults(db, &d, ids); err != nil {
		return nil, nil, err
	}
	sortByKeys(&d)
	return &d, ids, nil
}

// sortByKeys puts the rows whose order model.LoadTables does not already
// give in the order of their natural keys (every key is unique).
func sortByKeys(d *Data) {
	slices.SortFunc(d.History, func(a, b History) int { return cmpKeys(a.Person, b.Person, a.Unit, b.Unit, a.Start, b.Start) })
	slices.SortFunc(d.Rounds, func(a, b Round) int { return cmpKeys(a.Code, b.Code) })
	slices.SortFunc(d.Teams, func(a, b Team) int { return cmpKeys(a.Round, b.Round, a.Name, b.Name) })
	slices.SortFunc(d.TeamUnits, func(a, b TeamUnit) int { return cmpKeys(a.Round, b.Round, a.Unit, b.Unit) })
	slices.SortFunc(d.Members, func(a, b Member) int {
		return cmpKeys(a.Round, b.Round, a.Team, b.Team, a.Person, b.Person)
	})
	slices.SortFunc(d.Trainings, func(a, b Training) int { return cmpKeys(a.Person, b.Person, a.Name, b.Name, a.Start, b.Start) })
	slices.SortFunc(d.TeamEvals, func(a, b TeamEval) int { return cmpKeys(a.Round, b.Round, a.Team, b.Team) })
}

func mapRows[M, P any](rows []M, f func(M) P) []P {
	out := make([]P, len(rows))
	for i, r := range rows {
		out[i] = f(r)
	}
	return out
}

// cmpKeys compares pairs of strings in turn: a1 with b1, then a2 with b2 ….
func cmpKeys(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != pairs[i+1] {
			if pairs[i] < pairs[i+1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// selectCounties keeps of all what belongs to the chosen counties: their
// units with their leaders, the people whose home county they are with
// their history, relatives and declarations, and the teams that inspected
// their units with the rounds, terms, units and members of those teams.
// Units outside the counties that these rows name (a parent, a former
// workplace) come along, with their counties, so that the package is whole.
func selectCounties(all *Data, counties []string) (*Data, error) {
	chosen := set(counties)
	known := set(nil)
	for _, c := range all.Counties {
		known[c.Code] = true
	}
	for _, c := range counties {
		if !known[c] {
			return nil, fmt.Errorf("县区 %s 不存在", c)
		}
	}
	unitCounty := make(map[string]string, len(all.Units))
	parent := make(map[string]string, len(all.Units))
	for _, u := range all.Units {
		unitCounty[u.Code], parent[u.Code] = u.County, u.Parent
	}
	var d Data
	units := set(nil)
	for _, u := range all.Units {
		if chosen[u.County] {
			units[u.Code] = true
		}
	}
	people := set(nil)
	d.People = filter(all.People, func(p Person) bool { people[p.Code] = chosen[p.HomeCounty]; return people[p.Code] })
	d.History = filter(all.History, func(h History) bool { return people[h.Person] })
	d.Relatives = filter(all.Relatives, func(r Relative) bool { return people[r.Person] })
	d.Declarations = filter(all.Declarations, func(x Declaration) bool { return people[x.Person] })
	d.Ties = filter(all.Ties, func(x Tie) bool { return people[x.Person] })
	d.Trainings = filter(all.Trainings, func(x Training) bool { return people[x.Person] })
	teams := map[teamKey]bool{}
	for _, tu := range all.TeamUnits {
		if chosen[unitCounty[tu.Unit]] {
			teams[teamKey{tu.Round, tu.Team}] = true
		}
	}
	d.Teams = filter(all.Teams, func(t Team) bool { return teams[teamKey{t.Round, t.Name}] })
	d.TeamUnits = filter(all.TeamUnits, func(u TeamUnit) bool { return teams[teamKey{u.Round, u.Team}] })
	d.Members = filter(all.Members, func(m Member) bool { return teams[teamKey{m.Round, m.Team}] })
	d.TeamEvals = filter(all.TeamEvals, func(e TeamEval) bool { return teams[teamKey{e.Round, e.Team}] })
	rounds, terms := set(nil), set(nil)
	for _, t := range d.Teams {
		rounds[t.Round] = true
	}
	d.Rounds = filter(all.Rounds, func(r Round) bool { terms[r.Term] = terms[r.Term] || rounds[r.Code]; return rounds[r.Code] })
	var refs []string
	selectCity(all, &d, chosen, unitCounty, terms, &refs)
	d.Terms = filter(all.Terms, func(t Term) bool { return terms[t.Code] })

	// The units the rows name, and their parents, up the tree.
	for _, p := range d.People {
		refs = append(refs, p.CurrentUnit, p.RecommendUnit)
	}
	for _, t := range d.Ties {
		refs = append(refs, t.Unit)
	}
	for _, h := range d.History {
		refs = append(refs, h.Unit)
	}
	for _, r := range d.Relatives {
		refs = append(refs, r.Unit)
	}
	for _, x := range d.Declarations {
		refs = append(refs, x.Unit)
	}
	for _, u := range d.TeamUnits {
		refs = append(refs, u.Unit)
	}
	for c := range units {
		refs = append(refs, c)
	}
	seen := set(nil)
	for len(refs) > 0 {
		c := refs[len(refs)-1]
		refs = refs[:len(refs)-1]
		if _, ok := unitCounty[c]; !ok || seen[c] {
			continue
		}
		seen[c], units[c] = true, true
		refs = append(refs, parent[c])
	}
	d.Units = filter(all.Units, func(u Unit) bool { return units[u.Code] })
	d.Leaders = filter(all.Leaders, func(l Leader) bool { return chosen[unitCounty[l.Unit]] })
	cs := set(counties)
	for _, u := range d.Units {
		cs[u.County] = true
	}
	d.Counties = filter(all.Counties, func(c County) bool { return cs[c.Code] })
	selectResults(all, &d)
	return &d, nil
}

func set(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func filter[T any](rows []T, keep func(T) bool) []T {
	var out []T
	for _, r := range rows {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}
