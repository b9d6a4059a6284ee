package demo

import (
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/kin"
	"xuncha/app/vocab"
	"xuncha/model"
)

func TestReferences(t *testing.T) {
	for _, s := range scales(t) {
		d := Generate(s)
		counties := map[string]bool{}
		for _, c := range d.Counties {
			counties[c.Code] = true
		}
		units := map[string]model.Unit{}
		for _, u := range d.Units {
			if units[u.Code].Code != "" {
				t.Errorf("%v: unit %s twice", s, u.Code)
			}
			units[u.Code] = u
			if !counties[u.CountyCode] {
				t.Errorf("%v %s: county %s missing", s, u.Code, u.CountyCode)
			}
		}
		for _, u := range d.Units {
			if u.Category != vocab.CatVillage {
				if u.ParentCode != nil {
					t.Errorf("%v %s (%s) has a parent", s, u.Code, u.Category)
				}
				continue
			}
			if u.ParentCode == nil {
				t.Errorf("%v 村社区 %s has no parent", s, u.Code)
				continue
			}
			p := units[*u.ParentCode]
			if p.Category != vocab.CatTownship || p.CountyCode != u.CountyCode || !strings.HasPrefix(u.Name, p.Name) {
				t.Errorf("%v 村社区 %s %s under %s %s (%s, %s)", s, u.Code, u.Name, p.Code, p.Name, p.Category, p.CountyCode)
			}
		}
		perUnit := map[string]int{}
		for _, l := range d.Leaders {
			perUnit[l.UnitCode]++
			if units[l.UnitCode].Code == "" {
				t.Errorf("%v 班子成员 %s: unit %s missing", s, l.Name, l.UnitCode)
			}
		}
		for _, u := range d.Units {
			if !within(perUnit[u.Code], 3, 7) {
				t.Errorf("%v %s has %d 班子成员", s, u.Code, perUnit[u.Code])
			}
		}
		people := map[string]model.Person{}
		for _, p := range d.People {
			people[p.Code] = p
			if !counties[p.HomeCountyCode] {
				t.Errorf("%v %s: 工作关系地 %s missing", s, p.Code, p.HomeCountyCode)
			}
			if strings.HasPrefix(p.NativePlace, "C") && !counties[p.NativePlace] {
				t.Errorf("%v %s: 籍贯 %s missing", s, p.Code, p.NativePlace)
			}
			if p.CurrentUnitCode == nil || units[*p.CurrentUnitCode].CountyCode != p.HomeCountyCode {
				t.Errorf("%v %s: current unit not in the home county", s, p.Code)
			}
		}
		current := map[string]int{}
		for _, h := range d.History {
			p, ok := people[h.PersonCode]
			if !ok || units[h.UnitCode].Code == "" {
				t.Errorf("%v 工作经历 %+v: dangling reference", s, h)
				continue
			}
			if h.EndDate == "" {
				current[h.PersonCode]++
				if h.UnitCode != *p.CurrentUnitCode {
					t.Errorf("%v %s: current stint in %s, 现工作单位 %s", s, p.Code, h.UnitCode, *p.CurrentUnitCode)
				}
			} else if h.EndDate < h.StartDate {
				t.Errorf("%v %s: stint %s ends before it starts", s, p.Code, h.UnitCode)
			}
		}
		for _, p := range d.People {
			if current[p.Code] != 1 {
				t.Errorf("%v %s has %d current stints", s, p.Code, current[p.Code])
			}
		}
		for _, r := range d.Relatives {
			if _, ok := people[r.PersonCode]; !ok {
				t.Errorf("%v 亲属 %s: person %s missing", s, r.Name, r.PersonCode)
			}
			if r.UnitCode != nil && units[*r.UnitCode].Code == "" {
				t.Errorf("%v 亲属 %s: unit %s missing", s, r.Name, *r.UnitCode)
			}
			if r.RelativePerson != "" && people[r.RelativePerson].Name != r.Name {
				t.Errorf("%v 亲属 %s: 亲属人员编号 %s names someone else", s, r.Name, r.RelativePerson)
			}
			if w, ok := kin.Canonical(r.Relation); !ok || w != r.Relation {
				t.Errorf("%v 亲属 %s: relation %q is not a canonical word", s, r.Name, r.Relation)
			}
		}
		for _, x := range d.Declarations {
			if _, ok := people[x.PersonCode]; !ok || units[x.UnitCode].Code == "" || x.Reason == "" {
				t.Errorf("%v 回避申报 %+v: dangling reference or no reason", s, x)
			}
		}
		checkRounds(t, s, d, units, people)
	}
}

// checkRounds checks the term's rounds, teams and members.
func checkRounds(t *testing.T, s Scale, d *Data, units map[string]model.Unit, people map[string]model.Person) {
	rounds := map[string]model.Round{}
	for _, r := range d.Rounds {
		rounds[r.Code] = r
		if r.TermCode != d.Terms[0].Code {
			t.Errorf("%v 轮次 %s: term %s", s, r.Code, r.TermCode)
		}
		dates := []string{r.PrepStart, r.OnsiteStart, r.OnsiteEnd, r.ReportEnd, r.FeedbackDate, r.RectifyDue, r.CheckDate}
		for i := 1; i < len(dates); i++ {
			if dates[i] <= dates[i-1] {
				t.Errorf("%v 轮次 %s: stage dates out of order %v", s, r.Code, dates)
			}
		}
		if civil.MustParse(r.RectifyDue) != civil.MustParse(r.FeedbackDate).AddMonths(2) {
			t.Errorf("%v 轮次 %s: 整改期限 %s is not 2 months after 反馈 %s", s, r.Code, r.RectifyDue, r.FeedbackDate)
		}
	}
	teams := map[uint]model.Team{}
	for _, tm := range d.Teams {
		teams[tm.ID] = tm
		if _, ok := rounds[tm.RoundCode]; !ok {
			t.Errorf("%v 巡察组 %d: round %s missing", s, tm.ID, tm.RoundCode)
		}
	}
	inspected := map[string]string{}
	teamCounty := map[uint]string{}
	for _, tu := range d.TeamUnits {
		tm, ok := teams[tu.TeamID]
		u := units[tu.UnitCode]
		if !ok || u.Code == "" || tu.RoundCode != tm.RoundCode {
			t.Errorf("%v 被巡察单位 %+v: dangling reference", s, tu)
			continue
		}
		if r := inspected[tu.UnitCode]; r != "" {
			t.Errorf("%v unit %s inspected in %s and %s", s, tu.UnitCode, r, tu.RoundCode)
		}
		inspected[tu.UnitCode] = tu.RoundCode
		if c := teamCounty[tu.TeamID]; c != "" && c != u.CountyCode {
			t.Errorf("%v 巡察组 %d inspects units of %s and %s", s, tu.TeamID, c, u.CountyCode)
		}
		teamCounty[tu.TeamID] = u.CountyCode
	}
	members := map[uint][]model.TeamMember{}
	for _, m := range d.Members {
		if _, ok := people[m.PersonCode]; !ok {
			t.Errorf("%v 编组记录 %+v: person missing", s, m)
		}
		members[m.TeamID] = append(members[m.TeamID], m)
	}
	onceInRound := map[string]bool{}
	for _, tm := range d.Teams {
		if teamCounty[tm.ID] == "" {
			t.Errorf("%v %s %s has no units", s, tm.RoundCode, tm.Name)
		}
		ms := members[tm.ID]
		if tm.RoundCode == "2026-2" || tm.RoundCode == "2026-S2" {
			if len(ms) != 0 {
				t.Errorf("%v upcoming %s has %d members", s, tm.Name, len(ms))
			}
			continue
		}
		checkTeam(t, s, tm, teamCounty[tm.ID], ms, people)
		for _, m := range ms {
			key := tm.RoundCode + "/" + m.PersonCode
			if onceInRound[key] {
				t.Errorf("%v %s placed twice in round %s", s, m.PersonCode, tm.RoundCode)
			}
			onceInRound[key] = true
		}
	}
}

// checkTeam checks a past team's composition after SPEC §5.
func checkTeam(t *testing.T, s Scale, tm model.Team, county string, ms []model.TeamMember, people map[string]model.Person) {
	roles := map[string]int{}
	perCounty := map[string]int{}
	finance := false
	for _, m := range ms {
		p := people[m.PersonCode]
		roles[m.Role]++
		local := m.Role == vocab.RoleDeputy || m.Role == vocab.RoleFullTime
		if local != (p.HomeCountyCode == county) {
			t.Errorf("%v %s %s: %s %s from %s, team in %s", s, tm.RoundCode, tm.Name, m.Role, p.Code, p.HomeCountyCode, county)
		}
		if !local {
			perCounty[p.HomeCountyCode]++
		}
		if m.Role == vocab.RoleLeader && !p.InLeaderPool || m.Role == vocab.RoleFullTime && !p.FullTime {
			t.Errorf("%v %s %s: %s %s not from the right pool", s, tm.RoundCode, tm.Name, m.Role, p.Code)
		}
		if m.Evaluation == "" {
			t.Errorf("%v %s %s: %s has no 鉴定", s, tm.RoundCode, tm.Name, p.Code)
		}
		finance = finance || strings.Contains(p.Skills, "财务") || strings.Contains(p.Skills, "审计")
	}
	want := map[string]int{vocab.RoleLeader: 1, vocab.RoleDeputy: 1, vocab.RoleFullTime: 1, vocab.RoleLiaison: 1, vocab.RoleMember: 3}
	for _, r := range vocab.Roles {
		if roles[r] != want[r] {
			t.Errorf("%v %s %s: %d %s, want %d", s, tm.RoundCode, tm.Name, roles[r], r, want[r])
		}
	}
	for c, n := range perCounty {
		if n > 2 {
			t.Errorf("%v %s %s: %d people from %s", s, tm.RoundCode, tm.Name, n, c)
		}
	}
	if !finance {
		t.Errorf("%v %s %s: nobody with 财务 or 审计", s, tm.RoundCode, tm.Name)
	}
}
