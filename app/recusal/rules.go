package recusal

import (
	"fmt"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/kin"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// Unit returns the hits of rules R1–R5 and R8 of p against one unit, and
// R9 (which concerns no unit: its Unit is empty), ref being the on-site
// start (进驻开始) of the round; with ref zero the three-year window of R2
// is not applied, every close tie counts for R8 and every grade for R9.
// Team is left empty and no override is marked.
func (c *Checker) Unit(p *snap.Person, unit string, ref civil.Date) []Hit {
	out := c.unitHits(nil, p, c.personInfo(p), unit, c.snap.Unit(unit), ref, "", true)
	return c.evalHit(out, p, ref, "", "")
}

// r4Roles returns the roles R4 binds on a unit of county (nil: none): the
// roles that must come from another jurisdiction, and on a 市本级 one not
// those the composition fills from 市本级 (SPEC §8.1).
func (c *Checker) r4Roles(county string) []string {
	if c.snap.CityLevel(county) {
		return c.remoteCity
	}
	return c.remote
}

// unitHits appends the hits of R1–R5 and R8 of p against unit (u: its record, nil
// when unknown) to out. remote is false for rounds without a cross-county
// rule (本县), where R4 and R4b do not apply.
func (c *Checker) unitHits(out []Hit, p *snap.Person, pi *personInfo, unit string, u *snap.Unit, ref civil.Date, team string, remote bool) []Hit {
	name := unit
	if u != nil {
		name = u.Name
	}
	hit := func(rule string, sev Severity, roles []string, reason string) {
		out = append(out, Hit{Person: p.Code, Team: team, Unit: unit, Rule: rule,
			Severity: sev, Roles: roles, Reason: reason})
	}
	if c.sev.r1 != Off {
		if why := c.currentEvidence(pi, unit, name); why != "" {
			hit(R1, c.sev.r1, nil, why)
		}
	}
	if c.sev.r2 != Off {
		if why, roles := c.pastEvidence(p, unit, name, ref); why != "" {
			hit(R2, c.sev.r2, roles, why)
		}
	}
	if c.sev.r3 != Off || c.sev.r3b != Off {
		lead, staff := c.relativeEvidence(p, unit, name)
		if lead != "" && c.sev.r3 != Off {
			hit(R3, c.sev.r3, nil, lead)
		}
		if staff != "" && c.sev.r3b != Off {
			hit(R3b, c.sev.r3b, nil, staff)
		}
	}
	if remote && u != nil && u.County != "" {
		if roles := c.r4Roles(u.County); c.sev.r4 != Off && roles != nil && p.HomeCounty == u.County {
			why, ok := c.countyReason[u.County]
			if !ok {
				why = "工作关系地为 " + u.County + "，与被巡察单位同属一县（须异地产生的角色不得担任）"
			}
			hit(R4, c.sev.r4, roles, why)
		}
		if c.sev.r4b != Off {
			for _, k := range pi.natives {
				if k == u.County {
					hit(R4b, c.sev.r4b, nil, pi.r4b)
					break
				}
			}
		}
	}
	if c.sev.r5 != Off {
		for _, d := range p.Declarations {
			if d.Unit == unit && d.Binding() {
				hit(R5, c.sev.r5, nil, declarationText(d, name))
				break
			}
		}
	}
	if c.sev.r8 != Off || c.sev.r8loose != Off {
		close, loose := c.tieEvidence(p, unit, name, ref)
		if close != "" && c.sev.r8 != Off {
			hit(R8, c.sev.r8, nil, close)
		}
		if loose != "" && c.sev.r8loose != Off {
			hit(R8, c.sev.r8loose, nil, loose)
		}
	}
	return out
}

// declarationText is the R5 sentence, naming who raised the conflict when
// it was not the person.
func declarationText(d snap.Declaration, unit string) string {
	reason := "“" + strings.TrimSpace(d.Reason) + "”"
	switch d.Source {
	case "", vocab.DeclSelf:
		return "本人申报与 " + unit + " 存在应回避情形：" + reason
	default:
		return d.Source + "：与 " + unit + " 存在应回避情形：" + reason
	}
}

// currentEvidence says why p's current units forbid inspecting unit (R1),
// or "" when they do not.
func (c *Checker) currentEvidence(pi *personInfo, unit, name string) string {
	var why []string
	for _, cu := range pi.current {
		level, ok := c.relation(unit, cu.unit)
		if !ok {
			continue
		}
		var src string
		cname := c.snap.UnitName(cu.unit)
		switch {
		case cu.field && cu.from.IsZero():
			src = "现工作单位 " + cname
		case cu.field:
			src = "现工作单位 " + cname + "（" + cu.from.YearMonth() + " 起）"
		case cu.from.IsZero():
			src = "工作经历中 " + cname + " 的任职未结束"
		default:
			src = cu.from.YearMonth() + " 起在 " + cname + " 工作至今"
		}
		switch {
		case level == 0:
			why = append(why, src+"，即被巡察单位")
		case level == 1:
			why = append(why, src+"，是被巡察单位 "+name+" 的上级单位")
		case level > 1:
			why = append(why, fmt.Sprintf("%s，是被巡察单位 %s 的上%d级单位", src, name, level))
		case level == -1:
			why = append(why, src+"，是被巡察单位 "+name+" 的下级单位")
		default:
			why = append(why, fmt.Sprintf("%s，是被巡察单位 %s 的下%d级单位", src, name, -level))
		}
	}
	return strings.Join(why, "；")
}

// pastEvidence says why p's past stints in unit forbid inspecting it (R2):
// a stint that ended within Years before ref binds every role; failing
// that, a stint of LongStintYears or more binds 组长 and 副组长.
func (c *Checker) pastEvidence(p *snap.Person, unit, name string, ref civil.Date) (string, []string) {
	var recent, long []string
	var cutoff civil.Date
	for _, s := range p.History {
		if s.Unit != unit || s.To.IsZero() {
			continue // current stints are R1's
		}
		if cutoff.IsZero() && !ref.IsZero() {
			cutoff = ref.AddYears(-c.set.Years)
		}
		span := s.From.YearMonth() + " 至 " + s.To.YearMonth() + " 在 " + name + " 工作"
		if s.From.IsZero() {
			span = "至 " + s.To.YearMonth() + " 在 " + name + " 工作"
		}
		switch {
		case !cutoff.IsZero() && s.To >= cutoff:
			recent = append(recent, fmt.Sprintf("%s，距进驻不足%d年", span, c.set.Years))
		case c.set.LongStintYears > 0 && !s.From.IsZero() && s.From.AddYears(c.set.LongStintYears) <= s.To:
			long = append(long, fmt.Sprintf("%s满%d年以上（组长、副组长须回避）", span, c.set.LongStintYears))
		}
	}
	if len(recent) > 0 {
		return strings.Join(recent, "；"), nil
	}
	if len(long) > 0 {
		return strings.Join(long, "；"), c.long
	}
	return "", nil
}

// relativeEvidence says which close relatives of p lead unit (R3) and
// which otherwise work there (R3b).
func (c *Checker) relativeEvidence(p *snap.Person, unit, name string) (lead, staff string) {
	var leads, staffs []string
	for _, r := range p.Relatives {
		l, ok := c.leaderMatch(r, unit)
		if !ok && r.Unit != unit || !kin.IsClose(r.Relation) {
			continue
		}
		if ok {
			who := p.Name + "的" + r.Relation + " " + r.Name
			if l.Name != r.Name {
				who += "（身份证号与班子成员 " + l.Name + " 相同）"
			}
			leads = append(leads, leaderText(who, name, postOr(l.Post, r.Post)))
			continue
		}
		who := p.Name + "的" + r.Relation + " " + r.Name
		switch {
		case r.Leader:
			leads = append(leads, leaderText(who, name, r.Post))
		case r.Post != "":
			staffs = append(staffs, who+" 在 "+name+" 工作（"+r.Post+"，非班子成员）")
		default:
			staffs = append(staffs, who+" 在 "+name+" 工作（非班子成员）")
		}
	}
	return strings.Join(leads, "；"), strings.Join(staffs, "；")
}

// leaderMatch finds the member of unit's leadership who is relative r (see
// leaderNamed).
func (c *Checker) leaderMatch(r snap.Relative, unit string) (snap.Leader, bool) {
	return c.leaderNamed(r.Name, r.IDNumber, r.Unit, unit)
}

// leaderNamed finds the member of unit's leadership who is the person a
// row names (name, ID number, the unit the row gives): by ID number when
// both have one, else by name within the unit — a name alone matches only
// when the row names this unit or no unit at all, since a namesake leading
// another unit is another person.
func (c *Checker) leaderNamed(name, id, rowUnit, unit string) (snap.Leader, bool) {
	byName := rowUnit == "" || rowUnit == unit
	for _, i := range c.unitLeaders[unit] {
		l := c.snap.Leaders[i]
		if id != "" && l.IDNumber != "" {
			if id == l.IDNumber {
				return l, true
			}
			continue
		}
		if byName && name == l.Name {
			return l, true
		}
	}
	return snap.Leader{}, false
}

// postOr returns a, or b when a is empty.
func postOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// leaderText is the R3 sentence: "张三的配偶 李四 任 安平镇 党委书记（班子成员）".
func leaderText(who, unit, post string) string {
	if post == "" {
		return who + " 为 " + unit + " 班子成员"
	}
	return who + " 任 " + unit + " " + post + "（班子成员）"
}
