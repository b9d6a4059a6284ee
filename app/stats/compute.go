package stats

import (
	"fmt"
	"slices"
	"sort"

	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/obligation"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// Details are the tables behind the figures, for the screen, the workbook
// and the PDF: the same scope, broken down.
type Details struct {
	Scope      Scope
	TermName   string
	CountyName string
	Coverage   []CountyCoverage // per jurisdiction of the term's required units (only the scope's)
	ByCategory []Count          // findings by 问题类别: the settings' order, then others
	ByRound    []RoundFigures   // per round in scope
	Receivers  []Receiver       // clues per receiving body (vocab's order), by outcome
	ByHome     []Home           // placements per 工作关系地
	Promoted   []PersonRow      // the newly promoted people placed in scope
	Owing      []PersonRow      // the people who owe rounds on the day
}

// Count is a number of something named.
type Count struct {
	Name string
	N    int
}

// CountyCoverage is the coverage of one jurisdiction.
type CountyCoverage struct {
	County, Name               string
	Required, Covered, Planned int
}

// RoundFigures are one round's figures in scope.
type RoundFigures struct {
	Round, Name                   string
	Start                         civil.Date
	Teams, Units, Placements      int
	Findings, Items, Done, Closed int
	Overdue                       int
	Rate                          float64
	Clues                         int
}

// Receiver is the clues handed to one body, by outcome ("未反馈" when none
// is recorded).
type Receiver struct {
	Name      string
	Total     int
	ByOutcome []Count
}

// Home is the placements of the people of one jurisdiction.
type Home struct {
	County, Name         string
	Placements, FullTime int
}

// PersonRow is a person of the 新提拔 lists: whom, from where, the day
// promoted, the rounds owed and by when (owing only).
type PersonRow struct {
	Person, Name, County string
	Rank                 string
	Promoted             civil.Date
	Owed                 int
	By                   civil.Date
}

// NoOutcome names clues without a 处置结果.
const NoOutcome = "未反馈"

// Compute works out the figures of scope sc over in.
func Compute(in *Input, sc Scope) (*Report, *Details, error) {
	s := in.Snap
	term := termOf(s, sc.Term)
	if term == nil {
		return nil, nil, fmt.Errorf("届期 %s 不存在", sc.Term)
	}
	if sc.County != "" && s.County(sc.County) == nil {
		return nil, nil, fmt.Errorf("县区 %s 不存在", sc.County)
	}
	rep := &Report{Term: sc.Term, Year: sc.Year, County: sc.County, Today: ledger.Text(sc.Today)}
	det := &Details{Scope: sc, TermName: term.Name}
	if sc.County != "" {
		det.CountyName = s.CountyName(sc.County)
	}
	inCounty := func(unit string) bool {
		if sc.County == "" {
			return true
		}
		u := s.Unit(unit)
		return u != nil && u.County == sc.County
	}
	served := servedStarts(s)

	// The rounds and teams in scope.
	rounds := map[string]*RoundFigures{}
	units := map[string]bool{}
	people := map[string]bool{}
	promoted := map[string]bool{}
	home := map[string]*Home{}
	rep.People.ByHome = map[string]int{}
	for i := range s.Rounds {
		r := &s.Rounds[i]
		if !roundInScope(r, sc) {
			continue
		}
		rf := &RoundFigures{Round: r.Code, Name: r.Name, Start: r.OnsiteStart}
		for j := range r.Teams {
			t := &r.Teams[j]
			if !teamInCounty(t, inCounty, sc.County) {
				continue
			}
			rf.Teams++
			rf.Units += len(t.Units)
			for _, u := range t.Units {
				units[u.Unit] = true
			}
			for _, m := range t.Members {
				rf.Placements++
				people[m.Person] = true
				p := s.Person(m.Person)
				if p == nil {
					continue
				}
				h := home[p.HomeCounty]
				if h == nil {
					h = &Home{County: p.HomeCounty, Name: s.CountyName(p.HomeCounty)}
					home[p.HomeCounty] = h
				}
				h.Placements++
				rep.People.ByHome[p.HomeCounty]++
				if p.FullTime {
					rep.People.FullTime++
					h.FullTime++
				}
				if !promoted[p.Code] && obligation.NewlyPromoted(p.PromotedOn, served.except(p.Code, r.Code), r.OnsiteStart) {
					promoted[p.Code] = true
					det.Promoted = append(det.Promoted, PersonRow{Person: p.Code, Name: p.Name, County: p.HomeCounty,
						Rank: p.Rank, Promoted: p.PromotedOn})
				}
			}
		}
		if sc.County != "" && rf.Teams == 0 {
			continue
		}
		rep.Rounds++
		rep.Teams += rf.Teams
		rep.People.Placements += rf.Placements
		rounds[r.Code] = rf
		det.ByRound = append(det.ByRound, *rf)
	}
	rep.UnitsInspected = len(units)
	rep.People.Distinct = len(people)
	rep.People.NewlyPromotedServed = len(promoted)
	sortPeople(det.Promoted)

	// Owing on the day.
	rule := in.Rule.Normalized()
	for i := range s.People {
		p := &s.People[i]
		if sc.County != "" && p.HomeCounty != sc.County {
			continue
		}
		if owed, by := rule.Owes(p.Rank, p.PromotedOn, served.starts[p.Code], sc.Today); owed > 0 {
			rep.People.Owing++
			det.Owing = append(det.Owing, PersonRow{Person: p.Code, Name: p.Name, County: p.HomeCounty, Rank: p.Rank,
				Promoted: p.PromotedOn, Owed: owed, By: by})
		}
	}
	sortPeople(det.Owing)

	// Coverage of the term on the day.
	for _, c := range in.Coverage.ByCounty {
		if sc.County != "" && c.County != sc.County {
			continue
		}
		rep.Coverage.Required += c.Total
		rep.Coverage.Covered += c.Covered
		det.Coverage = append(det.Coverage, CountyCoverage{County: c.County, Name: c.Name, Required: c.Total, Covered: c.Covered, Planned: c.Planned})
	}
	rep.Coverage.Rate = ledger.Rate(rep.Coverage.Covered, rep.Coverage.Required)

	// Findings, items and clues of the rounds in scope.
	findingRound := map[string]string{}
	rep.Findings.ByCategory = map[string]int{}
	for _, f := range in.Findings {
		rf := rounds[f.Round]
		if rf == nil || !inCounty(f.Unit) {
			continue
		}
		findingRound[f.Code] = f.Round
		rep.Findings.Total++
		rf.Findings++
		rep.Findings.ByCategory[f.Category]++
		if f.OnTheSpot {
			rep.Findings.OnTheSpot++
		}
	}
	for _, it := range in.Items {
		code, ok := findingRound[it.Finding]
		if !ok {
			continue
		}
		rf := rounds[code]
		r := &rep.Rectification
		r.Items++
		rf.Items++
		switch {
		case it.State == vocab.ItemDone:
			r.Done++
			rf.Done++
		case it.State == vocab.ItemClosed:
			r.Closed++
			rf.Closed++
		case ledger.Overdue(it.Due, sc.Today):
			r.Overdue++
			rf.Overdue++
		}
	}
	rep.Rectification.Rate = ledger.Rate(rep.Rectification.Done+rep.Rectification.Closed, rep.Rectification.Items)
	rep.Clues.ByReceiver = map[string]int{}
	outcomes := map[string]map[string]int{}
	for _, c := range in.Clues {
		rf := rounds[c.Round]
		if rf == nil || !inCounty(c.Unit) {
			continue
		}
		rf.Clues++
		rep.Clues.Total++
		rep.Clues.ByReceiver[c.Receiver]++
		rep.Clues.CasesOpened += c.Opened
		rep.Clues.Sanctioned += c.Sanctioned
		rep.Clues.ToJudiciary += c.Judiciary
		if outcomes[c.Receiver] == nil {
			outcomes[c.Receiver] = map[string]int{}
		}
		o := c.Outcome
		if o == "" {
			o = NoOutcome
		}
		outcomes[c.Receiver][o]++
	}
	for i := range det.ByRound {
		rf := rounds[det.ByRound[i].Round]
		rf.Rate = ledger.Rate(rf.Done+rf.Closed, rf.Items)
		det.ByRound[i] = *rf
	}
	det.ByCategory = ordered(rep.Findings.ByCategory, in.Categories)
	for _, rc := range ordered(rep.Clues.ByReceiver, vocab.ClueReceivers) {
		det.Receivers = append(det.Receivers, Receiver{Name: rc.Name, Total: rc.N,
			ByOutcome: ordered(outcomes[rc.Name], append(append([]string(nil), vocab.ClueOutcomes...), NoOutcome))})
	}
	for _, c := range s.Counties {
		if h := home[c.Code]; h != nil {
			det.ByHome = append(det.ByHome, *h)
			delete(home, c.Code)
		}
	}
	for _, k := range sortedKeys(home) {
		det.ByHome = append(det.ByHome, *home[k])
	}
	dropZeros(rep.People.ByHome)
	return rep, det, nil
}

// termOf returns the term with code c, or nil.
func termOf(s *snap.Snapshot, c string) *snap.Term {
	for i := range s.Terms {
		if s.Terms[i].Code == c {
			return &s.Terms[i]
		}
	}
	return nil
}

// roundInScope reports whether round r is of the scope's term, year and
// round.
func roundInScope(r *snap.Round, sc Scope) bool {
	if r.Term != sc.Term || sc.Round != "" && r.Code != sc.Round {
		return false
	}
	return sc.Year == 0 || !r.OnsiteStart.IsZero() && r.OnsiteStart.Year() == sc.Year
}

// teamInCounty reports whether team t's units are in the jurisdiction
// (every team when none is given).
func teamInCounty(t *snap.Team, in func(string) bool, county string) bool {
	if county == "" {
		return true
	}
	for _, u := range t.Units {
		if in(u.Unit) {
			return true
		}
	}
	return false
}

// servedStarts lists, per person, the on-site start (the team's own, else
// the round's) of every round the person was placed in.
func servedStarts(s *snap.Snapshot) servedIndex {
	ix := servedIndex{starts: map[string][]civil.Date{}, rounds: map[string][]string{}}
	for i := range s.Rounds {
		r := &s.Rounds[i]
		seen := map[string]bool{}
		for j := range r.Teams {
			t := &r.Teams[j]
			for _, m := range t.Members {
				if seen[m.Person] {
					continue
				}
				seen[m.Person] = true
				ix.starts[m.Person] = append(ix.starts[m.Person], r.Start(t))
				ix.rounds[m.Person] = append(ix.rounds[m.Person], r.Code)
			}
		}
	}
	return ix
}

// servedIndex holds each person's rounds served: their starts and codes.
type servedIndex struct {
	starts map[string][]civil.Date
	rounds map[string][]string
}

// except returns the starts of the rounds person served other than round.
func (ix servedIndex) except(person, round string) []civil.Date {
	var out []civil.Date
	for i, d := range ix.starts[person] {
		if ix.rounds[person][i] != round {
			out = append(out, d)
		}
	}
	return out
}

// ordered lists the non-zero counts of m: the names of order first, in
// that order, then the others by name.
func ordered(m map[string]int, order []string) []Count {
	var out []Count
	seen := map[string]bool{}
	for _, k := range order {
		if n := m[k]; n > 0 && !seen[k] {
			out = append(out, Count{k, n})
			seen[k] = true
		}
	}
	for _, k := range sortedKeys(m) {
		if !seen[k] && m[k] > 0 {
			out = append(out, Count{k, m[k]})
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func dropZeros(m map[string]int) {
	for k, v := range m {
		if v == 0 {
			delete(m, k)
		}
	}
}

// sortPeople orders person rows by jurisdiction, then code.
func sortPeople(rs []PersonRow) {
	slices.SortFunc(rs, func(a, b PersonRow) int {
		if a.County != b.County {
			if a.County < b.County {
				return -1
			}
			return 1
		}
		if a.Person < b.Person {
			return -1
		}
		if a.Person > b.Person {
			return 1
		}
		return 0
	})
}
