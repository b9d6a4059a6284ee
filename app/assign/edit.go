package assign

import (
	"fmt"
	"slices"

	"xuncha/app/vocab"
)

// Hand edits for the 编组 screen. Each returns an edited copy of the
// result (the original is left alone) with the moved people locked, so
// that Resolve keeps them; Check re-checks the copy at once.

// Move puts person on team in role, taking them off any other place, and
// locks them there.
func Move(res *Result, person, team, role string) (*Result, error) {
	out := res.clone()
	tr := out.team(team)
	if tr == nil {
		return nil, fmt.Errorf("巡察组 %s 不在本轮次", team)
	}
	if !slices.Contains(vocab.Roles, role) {
		return nil, fmt.Errorf("角色 %q 无效", role)
	}
	out.remove(person)
	tr = out.team(team)
	tr.Members = append(tr.Members, Member{Person: person, Role: role, Locked: true})
	sortMembers(tr.Members)
	return out, nil
}

// Swap exchanges the places (team and role) of a and b, and locks both.
func Swap(res *Result, a, b string) (*Result, error) {
	out := res.clone()
	ta, ia := out.find(a)
	tb, ib := out.find(b)
	if ta == nil || tb == nil {
		return nil, fmt.Errorf("调换的两人须都已编入（%s、%s）", a, b)
	}
	ta.Members[ia].Person, tb.Members[ib].Person = b, a
	ta.Members[ia].Locked, tb.Members[ib].Locked = true, true
	sortMembers(ta.Members)
	sortMembers(tb.Members)
	return out, nil
}

// Remove takes person off their team.
func Remove(res *Result, person string) *Result {
	out := res.clone()
	out.remove(person)
	return out
}

// SetLocked locks or unlocks person where they are.
func SetLocked(res *Result, person string, locked bool) (*Result, error) {
	out := res.clone()
	t, i := out.find(person)
	if t == nil {
		return nil, fmt.Errorf("%s 未编入任何组", person)
	}
	t.Members[i].Locked = locked
	return out, nil
}

// Resolve solves in again keeping the locked members of res where they
// are and leaving out the excluded people: the rest is re-solved.
func Resolve(in *Instance, set Settings, res *Result, excluded []string) (*Result, error) {
	x := *in
	x.Locks = nil
	for _, t := range res.Teams {
		for _, m := range t.Members {
			if m.Locked {
				x.Locks = append(x.Locks, Lock{Person: m.Person, Team: t.Team, Role: m.Role})
			}
		}
	}
	x.Excluded = append(slices.Clone(in.Excluded), excluded...)
	return Solve(&x, set)
}

func (r *Result) clone() *Result {
	out := *r
	out.Teams = make([]TeamResult, len(r.Teams))
	for i, t := range r.Teams {
		t.Members = slices.Clone(t.Members)
		t.Units = slices.Clone(t.Units)
		out.Teams[i] = t
	}
	out.Unfilled = slices.Clone(r.Unfilled)
	out.Warnings = slices.Clone(r.Warnings)
	return &out
}

func (r *Result) team(name string) *TeamResult {
	for i := range r.Teams {
		if r.Teams[i].Team == name {
			return &r.Teams[i]
		}
	}
	return nil
}

func (r *Result) find(person string) (*TeamResult, int) {
	for i := range r.Teams {
		for j, m := range r.Teams[i].Members {
			if m.Person == person {
				return &r.Teams[i], j
			}
		}
	}
	return nil, -1
}

func (r *Result) remove(person string) {
	for i := range r.Teams {
		r.Teams[i].Members = slices.DeleteFunc(r.Teams[i].Members, func(m Member) bool { return m.Person == person })
	}
}

// sortMembers orders members by role (roster order), then person code.
func sortMembers(ms []Member) {
	slices.SortStableFunc(ms, func(a, b Member) int {
		ra, rb := slices.Index(vocab.Roles, a.Role), slices.Index(vocab.Roles, b.Role)
		if ra != rb {
			return ra - rb
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
