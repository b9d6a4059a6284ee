package calendar

import (
	"fmt"

	"xuncha/app/snap"
)

// KindLinkApart is the conflict of linked rounds (上下联动, SPEC §8.1)
// whose on-site periods do not overlap.
const KindLinkApart = "联动轮次进驻不重叠"

// LinkGroup is a set of linked rounds (上下联动: a city round and the county
// rounds that inspect the matching departments at the same time). Links
// hold both ways and chain: A linked with B and B with C is one group.
type LinkGroup struct {
	Rounds []*snap.Round // snapshot order (term, number, code)
	// Apart lists the pairs of the group whose on-site periods are both
	// known and do not overlap, as conflicts.
	Apart []Conflict
}

// Codes returns the codes of the group's rounds.
func (g LinkGroup) Codes() []string {
	out := make([]string, len(g.Rounds))
	for i, r := range g.Rounds {
		out[i] = r.Code
	}
	return out
}

// Linked returns the groups of linked rounds that hold a round of term,
// in the order of their first round of the term. A group may hold rounds
// of other terms (a city's and a county's term in one database). Codes
// that name no round are ignored.
func (c *Calendar) Linked(term string) []LinkGroup {
	rs := c.snap.Rounds
	parent := make([]int, len(rs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	index := make(map[string]int, len(rs))
	for i := range rs {
		index[rs[i].Code] = i
	}
	linked := false
	for i := range rs {
		for _, code := range rs[i].Links {
			j, ok := index[code]
			if !ok || j == i {
				continue
			}
			linked = true
			a, b := find(i), find(j)
			if a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	if !linked {
		return nil
	}
	members := make(map[int][]*snap.Round)
	for i := range rs {
		root := find(i)
		members[root] = append(members[root], &rs[i])
	}
	var out []LinkGroup
	seen := make(map[int]bool)
	for i := range rs {
		root := find(i)
		if rs[i].Term != term || seen[root] || len(members[root]) < 2 {
			continue
		}
		seen[root] = true
		g := LinkGroup{Rounds: members[root]}
		g.Apart = c.apart(term, g.Rounds)
		out = append(out, g)
	}
	return out
}

// apart lists the pairs of linked rounds, one of them of term, whose
// on-site periods are known and do not overlap.
func (c *Calendar) apart(term string, rounds []*snap.Round) []Conflict {
	var out []Conflict
	for i, a := range rounds {
		for _, b := range rounds[i+1:] {
			if a.Term != term && b.Term != term {
				continue
			}
			x, y := c.Schedule(a).Span(StageOnsite), c.Schedule(b).Span(StageOnsite)
			if x.Days() == 0 || y.Days() == 0 || !(x.End < y.Start || y.End < x.Start) {
				continue
			}
			own, other := a, b
			if own.Term != term {
				own, other = b, a
			}
			out = append(out, Conflict{Kind: KindLinkApart, Round: own.Code, OtherRound: other.Code,
				Message: fmt.Sprintf("上下联动的%s（进驻%s至%s）与%s（进驻%s至%s）进驻时间不重叠，联动轮次应同步进驻",
					label(a), x.Start, x.End, label(b), y.Start, y.End)})
		}
	}
	return out
}

// linkApart returns the conflicts of every link group of term.
func (c *Calendar) linkApart(term string) []Conflict {
	var out []Conflict
	for _, g := range c.Linked(term) {
		out = append(out, g.Apart...)
	}
	return out
}

// linkPartners returns, by round code, the other rounds of each linked
// round's group (Linked's groups, whatever their term), in snapshot order.
func (c *Calendar) linkPartners() map[string][]string {
	out := map[string][]string{}
	for _, t := range c.snap.Terms {
		for _, g := range c.Linked(t.Code) {
			for _, r := range g.Rounds {
				if _, done := out[r.Code]; done {
					continue
				}
				for _, o := range g.Rounds {
					if o != r {
						out[r.Code] = append(out[r.Code], o.Code)
					}
				}
			}
		}
	}
	return out
}
