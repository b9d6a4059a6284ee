package datapkg

import (
	"fmt"
	"slices"
	"strings"
)

// kind is what importing a row does.
type kind int

const (
	same     kind = iota // the database already has it as it is
	add                  // new
	update               // the database has it otherwise: the package's values win
	conflict             // cannot be merged: left out, the database's row kept
)

// step is one row of the package and what importing it does.
type step[T any] struct {
	row    T
	kind   kind
	old    T      // the database's row, for an update
	reason string // for a conflict
}

// plan is what importing a package into one database does, row by row, in
// merge order.
type plan struct {
	counties  []step[County]
	units     []step[Unit]
	leaders   []step[Leader]
	people    []step[Person]
	history   []step[History]
	relatives []step[Relative]
	decls     []step[Declaration]
	terms     []step[Term]
	rounds    []step[Round]
	teams     []step[Team]
	teamUnits []step[TeamUnit]
	members   []step[Member]
}

// classify says whether row is new, the same as old, or an update of it.
func classify[T comparable](row, old T, exists bool) step[T] {
	switch {
	case !exists:
		return step[T]{row: row, kind: add}
	case row == old:
		return step[T]{row: row, kind: same}
	}
	return step[T]{row: row, kind: update, old: old}
}

func refused[T any](row T, format string, a ...any) step[T] {
	return step[T]{row: row, kind: conflict, reason: fmt.Sprintf(format, a...)}
}

func index[T any](rows []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(rows))
	for _, r := range rows {
		m[key(r)] = r
	}
	return m
}

// makePlan compares the package's rows with the database's. A conflict is a
// row that names something the database knows as something else: a unit
// code in another county, a person code with another ID number, an ID
// number under another person code, a round in another term, a unit
// already in another team of the round. Rows that hang on a conflicting
// row, or name a person neither side has, are left out with it.
func makePlan(pkg, local *Data) *plan {
	p := &plan{}
	blockedUnits, blockedPeople, blockedRounds := map[string]bool{}, map[string]bool{}, map[string]bool{}
	blockedTeams := map[teamKey]bool{}

	lc := index(local.Counties, func(c County) string { return c.Code })
	for _, c := range pkg.Counties {
		old, ok := lc[c.Code]
		p.counties = append(p.counties, classify(c, old, ok))
	}

	lu := index(local.Units, func(u Unit) string { return u.Code })
	for _, u := range parentsFirst(pkg.Units) {
		old, ok := lu[u.Code]
		var s step[Unit]
		switch {
		case ok && old.County != u.County:
			s = refused(u, "单位编码 %s 在本库属于县区 %s，数据包中属于 %s", u.Code, old.County, u.County)
		case blockedUnits[u.Parent]:
			s = refused(u, "上级单位 %s 冲突", u.Parent)
		default:
			s = classify(u, old, ok)
		}
		if s.kind == conflict {
			blockedUnits[u.Code] = true
		}
		p.units = append(p.units, s)
	}

	ll := index(local.Leaders, Leader.key)
	for _, l := range pkg.Leaders {
		if blockedUnits[l.Unit] {
			p.leaders = append(p.leaders, refused(l, "所属单位 %s 冲突", l.Unit))
			continue
		}
		old, ok := ll[l.key()]
		p.leaders = append(p.leaders, classify(l, old, ok))
	}

	lp := index(local.People, func(x Person) string { return x.Code })
	byID := map[string]string{}
	for _, x := range local.People {
		if x.IDNumber != "" {
			byID[strings.ToUpper(x.IDNumber)] = x.Code
		}
	}
	for _, x := range pkg.People {
		old, ok := lp[x.Code]
		other := byID[strings.ToUpper(x.IDNumber)]
		var s step[Person]
		switch {
		case ok && old.IDNumber != "" && x.IDNumber != "" && !strings.EqualFold(old.IDNumber, x.IDNumber):
			s = refused(x, "人员编号 %s 在本库是 %s（身份证号不同）", x.Code, old.Name)
		case x.IDNumber != "" && other != "" && other != x.Code:
			s = refused(x, "身份证号与本库人员 %s 相同", other)
		case blockedUnits[x.CurrentUnit]:
			s = refused(x, "现工作单位 %s 冲突", x.CurrentUnit)
		default:
			s = classify(x, old, ok)
		}
		if s.kind == conflict {
			blockedPeople[x.Code] = true
		}
		p.people = append(p.people, s)
	}

	p.history = children(pkg.History, local.History, History.key, func(h History) string {
		return blockedBy(blockedPeople, h.Person, "人员") + blockedBy(blockedUnits, h.Unit, "单位")
	})
	p.relatives = children(pkg.Relatives, local.Relatives, Relative.key, func(r Relative) string {
		return blockedBy(blockedPeople, r.Person, "人员") + blockedBy(blockedUnits, r.Unit, "亲属工作单位")
	})
	p.decls = children(pkg.Declarations, local.Declarations, Declaration.key, func(x Declaration) string {
		return blockedBy(blockedPeople, x.Person, "人员") + blockedBy(blockedUnits, x.Unit, "单位")
	})
	p.planRounds(pkg, local, blockedUnits, blockedPeople, blockedRounds, blockedTeams)
	return p
}

func (p *plan) planRounds(pkg, local *Data, blockedUnits, blockedPeople, blockedRounds map[string]bool, blockedTeams map[teamKey]bool) {
	lt := index(local.Terms, func(t Term) string { return t.Code })
	for _, t := range pkg.Terms {
		old, ok := lt[t.Code]
		p.terms = append(p.terms, classify(t, old, ok))
	}
	lr := index(local.Rounds, func(r Round) string { return r.Code })
	for _, r := range pkg.Rounds {
		old, ok := lr[r.Code]
		if ok && old.Term != r.Term {
			p.rounds = append(p.rounds, refused(r, "轮次 %s 在本库属于届期 %s，数据包中属于 %s", r.Code, old.Term, r.Term))
			blockedRounds[r.Code] = true
			continue
		}
		p.rounds = append(p.rounds, classify(r, old, ok))
	}
	p.teams = children(pkg.Teams, local.Teams, Team.key, func(t Team) string {
		if blockedRounds[t.Round] {
			blockedTeams[teamKey{t.Round, t.Name}] = true
			return fmt.Sprintf("轮次 %s 冲突", t.Round)
		}
		return ""
	})
	localTU := index(local.TeamUnits, TeamUnit.key)
	p.teamUnits = children(pkg.TeamUnits, local.TeamUnits, TeamUnit.key, func(u TeamUnit) string {
		if blockedTeams[teamKey{u.Round, u.Team}] {
			return fmt.Sprintf("巡察组 %s 冲突", u.Team)
		}
		if old, ok := localTU[u.key()]; ok && old.Team != u.Team {
			return fmt.Sprintf("本库中单位 %s 在轮次 %s 属于 %s", u.Unit, u.Round, old.Team)
		}
		return blockedBy(blockedUnits, u.Unit, "单位")
	})
	people := map[string]bool{}
	for _, x := range local.People {
		people[x.Code] = true
	}
	for _, x := range pkg.People {
		people[x.Code] = people[x.Code] || !blockedPeople[x.Code]
	}
	p.members = children(pkg.Members, local.Members, Member.key, func(m Member) string {
		switch {
		case blockedTeams[teamKey{m.Round, m.Team}]:
			return fmt.Sprintf("巡察组 %s 冲突", m.Team)
		case blockedPeople[m.Person]:
			return fmt.Sprintf("人员 %s 冲突", m.Person)
		case !people[m.Person]:
			return fmt.Sprintf("人员 %s 既不在本库也不在数据包中", m.Person)
		}
		return ""
	})
}

// children classifies rows keyed by key; blocked returns why a row cannot
// be merged, or "".
func children[T comparable](rows, local []T, key func(T) string, blocked func(T) string) []step[T] {
	old := index(local, key)
	out := make([]step[T], 0, len(rows))
	for _, r := range rows {
		if why := blocked(r); why != "" {
			out = append(out, refused(r, "%s", why))
			continue
		}
		o, ok := old[key(r)]
		out = append(out, classify(r, o, ok))
	}
	return out
}

func blockedBy(blocked map[string]bool, code, what string) string {
	if code != "" && blocked[code] {
		return fmt.Sprintf("%s %s 冲突", what, code)
	}
	return ""
}

// parentsFirst orders units so that each comes after its parent, by depth
// and then code.
func parentsFirst(units []Unit) []Unit {
	parent := index(units, func(u Unit) string { return u.Code })
	depth := func(u Unit) int {
		n := 0
		for c := u.Parent; c != "" && n <= len(units); n++ {
			c = parent[c].Parent
		}
		return n
	}
	out := slices.Clone(units)
	d := make(map[string]int, len(out))
	for _, u := range out {
		d[u.Code] = depth(u)
	}
	slices.SortStableFunc(out, func(a, b Unit) int {
		if d[a.Code] != d[b.Code] {
			return d[a.Code] - d[b.Code]
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}
