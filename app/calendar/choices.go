package calendar

import (
	"fmt"

	"xuncha/app/snap"
)

// ChoiceFilter narrows the units offered when picking a team's units.
type ChoiceFilter struct {
	County, Category string // "" for any
	OnlyFree         bool   // only units on no team of the term (the edited team's own stay listed)
	Team             string // the team being edited, "" for a new one
}

// UnitChoice is a unit offered for a team of a round, with what the
// picker should show next to it.
type UnitChoice struct {
	Unit, Name, County, Category string
	Required                     bool     // the term must cover it
	Team                         string   // the team of this round that has it, "" for none
	InspectedIn                  []string // other rounds of the term that have it (round codes, round order)
}

// UnitChoices returns the units offered for a team of round, in code
// order: those of f's county and category, and with f.OnlyFree only those
// not yet on a team of the term (except the units of team f.Team).
func (c *Calendar) UnitChoices(round string, f ChoiceFilter) ([]UnitChoice, error) {
	r, err := c.roundOf(round)
	if err != nil {
		return nil, err
	}
	t := c.Term(r.Term)
	inRound := make(map[string]string)
	for i := range r.Teams {
		for _, tu := range r.Teams[i].Units {
			if _, ok := inRound[tu.Unit]; !ok {
				inRound[tu.Unit] = r.Teams[i].Name
			}
		}
	}
	elsewhere := make(map[string][]string)
	for _, tr := range roundTeams(c.Rounds(r.Term)) {
		if tr.round == r {
			continue
		}
		for _, tu := range tr.team.Units {
			if rs := elsewhere[tu.Unit]; len(rs) == 0 || rs[len(rs)-1] != tr.round.Code {
				elsewhere[tu.Unit] = append(rs, tr.round.Code)
			}
		}
	}
	var out []UnitChoice
	for i := range c.snap.Units {
		u := &c.snap.Units[i]
		if (f.County != "" && u.County != f.County) || (f.Category != "" && u.Category != f.Category) {
			continue
		}
		ch := UnitChoice{Unit: u.Code, Name: u.Name, County: u.County, Category: u.Category,
			Required: t != nil && InScope(t, u), Team: inRound[u.Code], InspectedIn: elsewhere[u.Code]}
		if f.OnlyFree && (len(ch.InspectedIn) > 0 || (ch.Team != "" && ch.Team != f.Team)) {
			continue
		}
		out = append(out, ch)
	}
	return out, nil
}

// errNoRound is the message for a round code that names nothing.
func errNoRound(code string) error { return fmt.Errorf("轮次 %s 不存在", code) }

// roundOf returns the round with code code, or an error naming it.
func (c *Calendar) roundOf(code string) (*snap.Round, error) {
	if r := c.snap.Round(code); r != nil {
		return r, nil
	}
	return nil, errNoRound(code)
}
