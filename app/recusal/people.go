package recusal

// The rules of SPEC §10 that look at a person's years: R8 (a tie to a
// leader of the inspected unit) and R9 (the latest confirmed 鉴定).

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// tieEvidence says which ties of p are to a member of unit's leadership
// (R8): close ties (曾上下级, 曾同班子) that ended on or after the date
// Years before ref, or have not ended, and loose ties (同学, 师生,
// 其他利害关系) whatever their end. With ref zero every close tie counts:
// without a date, nobody can tell it is old enough. A tie matches a leader
// as a relative does (§4.1): by ID number when both have one, else by name
// among the unit's 班子成员, or by its own row naming the unit with
// 是否班子成员 = 是. Only the unit itself counts, not its parent or children.
func (c *Checker) tieEvidence(p *snap.Person, unit, name string, ref civil.Date) (close, loose string) {
	var closes, looses []string
	var cutoff civil.Date
	if !ref.IsZero() {
		cutoff = ref.AddYears(-c.set.Years)
	}
	for _, t := range p.Ties {
		l, ok := c.leaderNamed(t.Name, t.IDNumber, t.Unit, unit)
		post := postOr(l.Post, t.Post)
		if !ok {
			if t.Unit != unit || !t.Leader {
				continue
			}
			post = t.Post
		}
		isClose := vocab.CloseTie(t.Relation)
		if isClose && !t.End.IsZero() && !cutoff.IsZero() && t.End < cutoff {
			continue // ended more than Years before 进驻开始
		}
		who := p.Name + "的社会关系 " + t.Name + "（" + t.Relation
		switch {
		case !isClose:
		case t.End.IsZero():
			who += "，关系延续至今"
		case cutoff.IsZero():
			who += "，" + t.End.String() + " 结束"
		default:
			who += fmt.Sprintf("，%s 结束，距进驻不足%d年", t.End, c.set.Years)
		}
		who += "）"
		if ok && l.Name != t.Name {
			who += "（身份证号与班子成员 " + l.Name + " 相同）"
		}
		if isClose {
			closes = append(closes, leaderText(who, name, post))
		} else {
			looses = append(looses, leaderText(who, name, post))
		}
	}
	return strings.Join(closes, "；"), strings.Join(looses, "；")
}

// grade is a confirmed 鉴定 of a person: the round and team it was given
// for, the team's on-site start, and the grade.
type grade struct {
	start       civil.Date
	term        string
	number, seq int
	round, team string
	roundName   string
	grade       string
	sev         Severity // what R9 makes of it (Off for a good grade)
	reason      string   // the R9 sentence, made once
}

// indexGrades collects every confirmed grade of every person, oldest first
// (by the team's on-site start, then the round's term, number and code,
// then the team's order), and the people whose grades R9 may look at.
func (c *Checker) indexGrades() {
	c.grades = make([][]grade, len(c.snap.People))
	if c.evalRoles == nil || (c.sev.r9 == Off && c.sev.r9barely == Off) {
		return
	}
	for i := range c.snap.Rounds {
		r := &c.snap.Rounds[i]
		for j := range r.Teams {
			t := &r.Teams[j]
			for k := range t.Members {
				m := &t.Members[k]
				p, ok := c.index[m.Person]
				if !ok || !m.Confirmed() {
					continue
				}
				c.grades[p] = append(c.grades[p], grade{start: r.Start(t), term: r.Term, number: r.Number, seq: t.Seq,
					round: r.Code, team: t.Name, roundName: r.Name, grade: m.Evaluation})
			}
		}
	}
	for i := range c.grades {
		gs := c.grades[i]
		if len(gs) == 0 {
			continue
		}
		slices.SortStableFunc(gs, func(a, b grade) int {
			return cmp.Or(cmp.Compare(a.start, b.start), strings.Compare(a.term, b.term), cmp.Compare(a.number, b.number),
				strings.Compare(a.round, b.round), cmp.Compare(a.seq, b.seq), strings.Compare(a.team, b.team))
		})
		bad := false
		for k := range gs {
			c.judge(&gs[k])
			bad = bad || gs[k].sev != Off
		}
		if bad {
			c.graded = append(c.graded, int32(i))
		}
	}
}

// judge works out what R9 makes of grade g: its severity and sentence.
func (c *Checker) judge(g *grade) {
	switch g.grade {
	case vocab.EvalUnfit:
		g.sev = c.sev.r9
	case vocab.EvalBarelyOK:
		g.sev = c.sev.r9barely
	}
	if g.sev == Off {
		return
	}
	where := nameOr(g.roundName, g.round) + " " + g.team
	if !g.start.IsZero() {
		where += "，进驻 " + g.start.String()
	}
	roles := strings.Join(c.evalRoles, "、")
	what := "不得担任" + roles
	if g.sev == Soft {
		what = "担任" + roles + "时予以提示"
	}
	g.reason = "最近一次确定的鉴定为 " + g.grade + "（" + where + "）：" + what
}

// latestGrade returns the latest confirmed grade of person i given before
// ref (every one when ref is zero), leaving out those of round skip (the
// round being checked).
func (c *Checker) latestGrade(i int32, ref civil.Date, skip string) (grade, bool) {
	if i < 0 || int(i) >= len(c.grades) {
		return grade{}, false
	}
	gs := c.grades[i]
	for k := len(gs) - 1; k >= 0; k-- {
		g := gs[k]
		if g.round == skip || (!ref.IsZero() && g.start >= ref) {
			continue
		}
		return g, true
	}
	return grade{}, false
}

// evalHit appends the R9 hit of p to out: a latest confirmed 不称职 (hard
// by default) or 基本称职 (提示 by default), binding EvalRoles. skip is the
// round being checked, whose own grades do not count.
func (c *Checker) evalHit(out []Hit, p *snap.Person, ref civil.Date, team, skip string) []Hit {
	i, ok := c.index[p.Code]
	if !ok || &c.snap.People[i] != p {
		return out
	}
	return c.evalHitOf(out, i, p.Code, ref, team, skip)
}

// evalHitOf is evalHit for the person at index i of the snapshot.
func (c *Checker) evalHitOf(out []Hit, i int32, code string, ref civil.Date, team, skip string) []Hit {
	if c.evalRoles == nil {
		return out
	}
	g, ok := c.latestGrade(i, ref, skip)
	if !ok || g.sev == Off {
		return out
	}
	return append(out, Hit{Person: code, Team: team, Rule: R9, Severity: g.sev, Roles: c.evalRoles, Reason: g.reason})
}

// nameOr returns a, or b when a is empty.
func nameOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
