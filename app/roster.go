package app

import (
	"fmt"
	"slices"

	"xuncha/app/assign"
	"xuncha/app/civil"
	"xuncha/app/draw"
	"xuncha/app/recusal"
	"xuncha/app/roster"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
)

// savedVacancy is the reason of a slot a saved roster leaves empty.
const savedVacancy = "已保存的编组中此位置空缺"

// SavedAssignment returns the saved roster (编组记录) of round code as an
// assignment result, for the 编组 screen and the roster documents: each
// team's members in roster order (locked ones marked) and each slot of the
// composition table left empty as unfilled. saved reports whether the
// round has any member saved at all.
func (s *Service) SavedAssignment(round string) (res *assign.Result, saved bool, err error) {
	if err := s.Require(PermRead); err != nil {
		return nil, false, err
	}
	set, err := s.AssignSettings()
	if err != nil {
		return nil, false, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, false, err
	}
	r := sn.Round(round)
	if r == nil {
		return nil, false, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	mode := r.Mode
	if mode == "" {
		mode = vocab.ModeMixed
	}
	res = &assign.Result{Round: r.Code, Mode: mode, Teams: []assign.TeamResult{}, Unfilled: []assign.Unfilled{},
		Warnings: []assign.Warning{}, Names: map[string]string{}}
	for _, t := range r.Teams {
		units := t.UnitCodes()
		slices.Sort(units)
		tr := assign.TeamResult{Team: t.Name, County: t.County, Units: units, Members: []assign.Member{}}
		per := map[string]int{}
		for _, m := range t.Members {
			tr.Members = append(tr.Members, assign.Member{Person: m.Person, Role: m.Role, Locked: m.Locked})
			per[m.Role]++
			if p := sn.Person(m.Person); p != nil {
				res.Names[m.Person] = p.Name
			}
		}
		saved = saved || len(t.Members) > 0
		res.Objective.Filled += len(tr.Members)
		res.Teams = append(res.Teams, tr)
		res.Unfilled = append(res.Unfilled, vacancies(set, t.Name, per)...)
	}
	res.Objective.Slots = set.Slots() * len(r.Teams)
	return res, saved, nil
}

// vacancies lists the slots of the composition table that the members
// counted per role leave empty, in roster order.
func vacancies(set assign.Settings, team string, per map[string]int) []assign.Unfilled {
	var out []assign.Unfilled
	for _, role := range vocab.Roles {
		for range set.Wanted(role) - per[role] {
			out = append(out, assign.Unfilled{Team: team, Role: role, Reason: savedVacancy})
		}
	}
	return out
}

// Roster returns the saved roster of round code with every name resolved,
// for the 编组名单 documents.
func (s *Service) Roster(round string) (*roster.Roster, error) {
	res, _, err := s.SavedAssignment(round)
	if err != nil {
		return nil, err
	}
	return s.RosterFromResult(res)
}

// RosterFromResult returns the roster of an assignment result (saved or
// not) with every name resolved, its empty slots with why, and the
// approved overrides under which members are placed (SPEC §4.2).
func (s *Service) RosterFromResult(res *assign.Result) (*roster.Roster, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	c, sn, err := s.recusalChecker()
	if err != nil {
		return nil, err
	}
	r := sn.Round(res.Round)
	if r == nil {
		return nil, fmt.Errorf("轮次 %s %w", res.Round, ErrNotFound)
	}
	views, err := s.Overrides(false)
	if err != nil {
		return nil, err
	}
	b := rosterBuilder{sn: sn, c: c, r: r}
	for _, v := range views {
		if v.Round == r.Code && v.InForce() {
			b.views = append(b.views, v)
		}
	}
	out := &roster.Roster{Round: r.Code, RoundName: r.Name, Mode: res.Mode, Generated: civil.Today().String()}
	for _, tr := range res.Teams {
		i := slices.IndexFunc(r.Teams, func(t snap.Team) bool { return t.Name == tr.Team })
		if i < 0 {
			return nil, fmt.Errorf("巡察组 %s 不在轮次 %s 中", tr.Team, r.Code)
		}
		out.Teams = append(out.Teams, b.team(&r.Teams[i], tr, res.Unfilled))
	}
	return out, nil
}

// rosterBuilder resolves the names of a roster over one snapshot.
type rosterBuilder struct {
	sn    *snap.Snapshot
	c     *recusal.Checker
	r     *snap.Round
	views []OverrideView // the round's approved overrides
}

func (b *rosterBuilder) team(t *snap.Team, tr assign.TeamResult, unfilled []assign.Unfilled) roster.Team {
	out := roster.Team{Name: t.Name, Seq: t.Seq, County: t.County, CountyName: b.sn.CountyName(t.County),
		OnsiteStart: b.r.Start(t).String(), OnsiteEnd: b.r.End(t).String()}
	for _, u := range tr.Units {
		out.Units = append(out.Units, roster.Unit{Code: u, Name: b.sn.UnitName(u)})
	}
	var people []*snap.Person
	for _, m := range tr.Members {
		people = append(people, b.sn.Person(m.Person))
	}
	for i, m := range tr.Members {
		rm := roster.Member{Role: m.Role, Person: m.Person, Name: m.Person, Locked: m.Locked}
		if p := people[i]; p != nil {
			rm.Name, rm.Gender, rm.Post = p.Name, p.Gender, p.Post
			rm.County, rm.CountyName = p.HomeCounty, b.sn.CountyName(p.HomeCounty)
			rm.Unit = p.CurrentUnit
			if p.CurrentUnit != "" {
				rm.UnitName = b.sn.UnitName(p.CurrentUnit)
			}
			rm.Overrides = b.overrides(t, p, m.Role, people)
		}
		out.Members = append(out.Members, rm)
	}
	for _, u := range unfilled {
		if u.Team == t.Name {
			out.Vacancies = append(out.Vacancies, roster.Vacancy{Role: u.Role, Reason: u.Reason})
		}
	}
	return out
}

// overrides returns the approved overrides under which p is placed on t
// in role: hard hits against the team's units that bind the role, and
// close relatives on the team (R6), each lifted by an override.
func (b *rosterBuilder) overrides(t *snap.Team, p *snap.Person, role string, team []*snap.Person) []roster.Override {
	var hits []recusal.Hit
	for _, h := range b.c.Team(p, b.r, t) {
		if h.Overridden && h.Binds(role) {
			hits = append(hits, h)
		}
	}
	for _, q := range team {
		if q == nil || q.Code == p.Code {
			continue
		}
		for _, h := range b.c.Pair(p, q) {
			h.Team = t.Name
			if b.c.Overridden(b.r.Code, h) {
				hits = append(hits, h)
				continue
			}
			x := h
			x.Person = q.Code
			if b.c.Overridden(b.r.Code, x) {
				hits = append(hits, x)
			}
		}
	}
	var out []roster.Override
	seen := map[[2]string]bool{}
	for _, h := range hits {
		v, ok := b.view(h)
		if !ok {
			continue
		}
		k := [2]string{h.Rule, v.Unit}
		if seen[k] {
			continue // one override lifts the hit through several units
		}
		seen[k] = true
		o := roster.Override{Rule: h.Rule, RuleName: recusal.RuleName(h.Rule), Unit: v.Unit, Reason: v.Reason,
			Approver: v.Approver, ApprovedAt: v.ApprovedAt}
		if v.Unit != "" {
			o.UnitName = v.UnitName
		}
		out = append(out, o)
	}
	return out
}

// view finds the approved override that lifts hit h: for its unit, or
// for every unit of the team.
func (b *rosterBuilder) view(h recusal.Hit) (OverrideView, bool) {
	for _, unit := range []string{h.Unit, ""} {
		for _, v := range b.views {
			if v.Team == h.Team && v.Person == h.Person && v.Rule == h.Rule && v.Unit == unit {
				return v, true
			}
		}
		if h.Unit == "" {
			break
		}
	}
	return OverrideView{}, false
}

// PersonNames returns the names of the people with codes (unknown codes
// are left out).
func (s *Service) PersonNames(codes []string) (map[string]string, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(codes))
	for start := 0; start < len(codes); start += 500 {
		var ps []model.Person
		batch := codes[start:min(start+500, len(codes))]
		if err := s.DB.Select("code", "name").Where("code IN ?", batch).Find(&ps).Error; err != nil {
			return nil, fmt.Errorf("读取人员失败: %w", err)
		}
		for _, p := range ps {
			out[p.Code] = p.Name
		}
	}
	return out, nil
}

// DrawInfo gathers what the printout of draw record rec shows beside it:
// the round's name and the names of the people on its candidate list.
func (s *Service) DrawInfo(rec *draw.Record) (roster.DrawInfo, error) {
	info := roster.DrawInfo{Printed: civil.Today().String()}
	names, err := s.PersonNames(rec.Candidates)
	if err != nil {
		return info, err
	}
	info.Names = names
	var r model.Round
	if err := s.DB.Select("code", "name").Where("code = ?", rec.Round).Limit(1).Find(&r).Error; err != nil {
		return info, fmt.Errorf("读取轮次失败: %w", err)
	}
	info.RoundName = r.Name
	return info, nil
}
