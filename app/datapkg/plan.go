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
	ties      []step[Tie]
	trainings []step[Training]
	teamEvals []step[TeamEval]
	results   resultsPlan
	plans     []step[Plan]
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
// already in another team of the round, a person already on another team
// of the round, a parent unit that would close a loop. Rows that hang on a
// conflicting row, or name a person neither side has, are left out with
// it. Rows that would change what the database keeps outside the declared
// counties sc are left out too (see scope).
func makePlan(pkg, local *Data, sc *scope, r Rights) *plan {
	p := &plan{}
	blockedUnits, blockedPeople := map[string]bool{}, map[string]bool{}

	lc := index(local.Counties, func(c County) string { return c.Code })
	for _, c := range pkg.Counties {
		old, ok := lc[c.Code]
		s := classify(c, old, ok)
		if s.kind == update && !sc.in[c.Code] {
			s = refused(c, "%s", sc.kept("县区", c.Code))
		}
		p.counties = append(p.counties, s)
	}

	p.planUnits(pkg, local, sc, blockedUnits)

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
		case ok && !sc.in[old.HomeCounty]:
			s = refused(x, "人员编号 %s 在本库的工作关系地为 %s，不在数据包声明的范围（%s）内", x.Code, old.HomeCounty, sc.decl)
		case ok && old.IDNumber != "" && x.IDNumber != "" && !strings.EqualFold(old.IDNumber, x.IDNumber):
			s = refused(x, "人员编号 %s 在本库是 %s（身份证号不同）", x.Code, old.Name)
		case x.IDNumber != "" && other != "" && other != x.Code:
			s = refused(x, "身份证号与本库人员 %s 相同", other)
		case blockedUnits[x.CurrentUnit]:
			s = refused(x, "现工作单位 %s 冲突", x.CurrentUnit)
		case blockedUnits[x.RecommendUnit]:
			s = refused(x, "推荐单位 %s 冲突", x.RecommendUnit)
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
	p.ties = children(pkg.Ties, local.Ties, Tie.key, func(x Tie) string {
		return blockedBy(blockedPeople, x.Person, "人员") + blockedBy(blockedUnits, x.Unit, "关系人工作单位")
	})
	p.trainings = children(pkg.Trainings, local.Trainings, Training.key, func(x Training) string {
		return blockedBy(blockedPeople, x.Person, "人员")
	})
	p.planRounds(pkg, local, sc, blockedUnits, blockedPeople)
	p.planResults(pkg, local, sc, r)
	p.plans = children(pkg.Plans, local.Plans, Plan.key, func(x Plan) string {
		return blockedBy(p.blockedTerms(), x.Term, "届期") + blockedBy(blockedUnits, x.Unit, "单位")
	})
	return p
}

// blockedTerms are the terms of the package left out as conflicts.
func (p *plan) blockedTerms() map[string]bool {
	out := map[string]bool{}
	for _, s := range p.terms {
		if s.kind == conflict {
			out[s.row.Code] = true
		}
	}
	return out
}

// planUnits classifies the units, parents first. A unit is refused when
// the database has its code in another county, when its parent is
// refused, or when its parent would close a loop with the parents the
// database and the units accepted before it give; a unit of a county
// outside the scope is added when missing and otherwise left as stored.
func (p *plan) planUnits(pkg, local *Data, sc *scope, blocked map[string]bool) {
	lu := index(local.Units, func(u Unit) string { return u.Code })
	parent := make(map[string]string, len(local.Units)) // as it will be: stored, or accepted from the package
	for _, u := range local.Units {
		parent[u.Code] = u.Parent
	}
	for _, u := range parentsFirst(pkg.Units) {
		old, ok := lu[u.Code]
		var s step[Unit]
		switch {
		case ok && old.County != u.County:
			s = refused(u, "单位编码 %s 在本库属于县区 %s，数据包中属于 %s", u.Code, old.County, u.County)
		case blocked[u.Parent]:
			s = refused(u, "上级单位 %s 冲突", u.Parent)
		case u.Parent != "" && loops(u.Code, u.Parent, parent):
			s = refused(u, "上级单位 %s 与本库的上级单位关系形成循环", u.Parent)
		default:
			s = classify(u, old, ok)
			if s.kind == update && !sc.in[u.County] {
				s = refused(u, "%s", sc.kept("单位", u.Code))
				p.units = append(p.units, s)
				continue // stored as it is: what hangs on it still may come
			}
		}
		if s.kind == conflict {
			blocked[u.Code] = true
		} else {
			parent[u.Code] = u.Parent
		}
		p.units = append(p.units, s)
	}
}

// loops reports whether giving unit code the parent up would lead, up the
// chain of parent, back to code.
func loops(code, up string, parent map[string]string) bool {
	for n := 0; up != "" && n <= len(parent); n++ {
		if up == code {
			return true
		}
		up = parent[up]
	}
	return up != "" // a chain longer than the units: a loop above code
}

func (p *plan) planRounds(pkg, local *Data, sc *scope, blockedUnits, blockedPeople map[string]bool) {
	blockedRounds, blockedTeams := map[string]bool{}, map[teamKey]bool{}
	lt := index(local.Terms, func(t Term) string { return t.Code })
	for _, t := range pkg.Terms {
		old, ok := lt[t.Code]
		s := classify(t, old, ok)
		if s.kind == update && sc.termOutside[t.Code] {
			s = refused(t, "%s", sc.kept("届期", t.Code))
		}
		p.terms = append(p.terms, s)
	}
	lr := index(local.Rounds, func(r Round) string { return r.Code })
	for _, r := range pkg.Rounds {
		old, ok := lr[r.Code]
		if ok && old.Term != r.Term {
			p.rounds = append(p.rounds, refused(r, "轮次 %s 在本库属于届期 %s，数据包中属于 %s", r.Code, old.Term, r.Term))
			blockedRounds[r.Code] = true
			continue
		}
		s := classify(r, old, ok)
		if s.kind == update && sc.roundOutside[r.Code] {
			s = refused(r, "%s", sc.kept("轮次", r.Code))
		}
		p.rounds = append(p.rounds, s)
	}
	unitCounty := map[string]string{}
	for _, u := range pkg.Units {
		unitCounty[u.Code] = u.County
	}
	teamCounty := map[teamKey]string{}
	for _, u := range pkg.TeamUnits {
		teamCounty[teamKey{u.Round, u.Team}] = unitCounty[u.Unit]
	}
	p.teams = children(pkg.Teams, local.Teams, Team.key, func(t Team) string {
		k := teamKey{t.Round, t.Name}
		why := ""
		if blockedRounds[t.Round] {
			why = fmt.Sprintf("轮次 %s 冲突", t.Round)
		} else {
			why = sc.teamProblem(k, teamCounty[k])
		}
		blockedTeams[k] = why != ""
		return why
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
	p.planMembers(pkg, local, blockedPeople, blockedTeams)
	p.teamEvals = children(pkg.TeamEvals, local.TeamEvals, TeamEval.key, func(e TeamEval) string {
		if blockedTeams[teamKey{e.Round, e.Team}] {
			return fmt.Sprintf("巡察组 %s 冲突", e.Team)
		}
		return ""
	})
}

// planMembers classifies the 编组记录 rows: refused when their team or
// person is, when the person is on neither side, or when the person
// already has a place on another team of the round (one slot per person
// per round).
func (p *plan) planMembers(pkg, local *Data, blockedPeople map[string]bool, blockedTeams map[teamKey]bool) {
	people := map[string]bool{}
	for _, x := range local.People {
		people[x.Code] = true
	}
	for _, x := range pkg.People {
		people[x.Code] = people[x.Code] || !blockedPeople[x.Code]
	}
	placed := map[[2]string]string{} // round, person → team
	for _, m := range local.Members {
		placed[[2]string{m.Round, m.Person}] = m.Team
	}
	p.members = children(pkg.Members, local.Members, Member.key, func(m Member) string {
		at := [2]string{m.Round, m.Person}
		switch team, ok := placed[at]; {
		case blockedTeams[teamKey{m.Round, m.Team}]:
			return fmt.Sprintf("巡察组 %s 冲突", m.Team)
		case blockedPeople[m.Person]:
			return fmt.Sprintf("人员 %s 冲突", m.Person)
		case !people[m.Person]:
			return fmt.Sprintf("人员 %s 既不在本库也不在数据包中", m.Person)
		case ok && team != m.Team:
			return fmt.Sprintf("人员 %s 在轮次 %s 已编入 %s，每人每轮只能编入一个巡察组", m.Person, m.Round, team)
		}
		placed[at] = m.Team
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
