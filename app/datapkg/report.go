package datapkg

import (
	"fmt"
	"path/filepath"
)

// Counts are what importing does to the rows of one entity.
type Counts struct {
	Entity                                string
	Added, Updated, Unchanged, Conflicted int
}

// ConflictRow is a row left out, and why.
type ConflictRow struct {
	Entity, Key, Reason string
}

// Report is the preview of an import, or its result.
type Report struct {
	File      string
	Manifest  Manifest
	Entities  []Counts // in the order of Entities
	Conflicts []ConflictRow
	Written   bool // the import was carried out
}

// Total sums the counts of every entity.
func (r *Report) Total() Counts {
	t := Counts{Entity: "合计"}
	for _, c := range r.Entities {
		t.Added += c.Added
		t.Updated += c.Updated
		t.Unchanged += c.Unchanged
		t.Conflicted += c.Conflicted
	}
	return t
}

// Lines describes the report in Chinese, a line per entity with rows.
func (r *Report) Lines() []string {
	verb := "将"
	if r.Written {
		verb = "已"
	}
	lines := []string{fmt.Sprintf("数据包 %s（%s 生成，县区 %v%s）", filepath.Base(r.File), r.Manifest.Created,
		r.Manifest.Counties, map[bool]string{true: "，已加密", false: ""}[r.Manifest.Encryption != nil])}
	for _, c := range append(r.Entities, r.Total()) {
		if c.Added+c.Updated+c.Unchanged+c.Conflicted == 0 {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s：%s新增 %d，%s更新 %d，不变 %d，冲突 %d",
			c.Entity, verb, c.Added, verb, c.Updated, c.Unchanged, c.Conflicted))
	}
	for _, c := range r.Conflicts {
		lines = append(lines, fmt.Sprintf("冲突（未导入）%s %s：%s", c.Entity, c.Key, c.Reason))
	}
	return lines
}

// tally counts the steps of one entity and collects its conflicts.
func tally[T any](r *Report, entity string, steps []step[T], key func(T) string) {
	c := Counts{Entity: entity}
	for _, s := range steps {
		switch s.kind {
		case add:
			c.Added++
		case update:
			c.Updated++
		case same:
			c.Unchanged++
		case conflict:
			c.Conflicted++
			r.Conflicts = append(r.Conflicts, ConflictRow{entity, key(s.row), s.reason})
		}
	}
	r.Entities = append(r.Entities, c)
}

// report summarises a plan.
func (p *plan) report(file string, m Manifest) *Report {
	r := &Report{File: file, Manifest: m}
	tally(r, EntCounty, p.counties, func(c County) string { return c.Code })
	tally(r, EntUnit, p.units, func(u Unit) string { return u.Code })
	tally(r, EntLeader, p.leaders, Leader.key)
	tally(r, EntPerson, p.people, func(x Person) string { return x.Code })
	tally(r, EntHistory, p.history, History.key)
	tally(r, EntRelative, p.relatives, Relative.key)
	tally(r, EntDeclaration, p.decls, Declaration.key)
	tally(r, EntTerm, p.terms, func(t Term) string { return t.Code })
	tally(r, EntRound, p.rounds, func(x Round) string { return x.Code })
	tally(r, EntTeam, p.teams, Team.key)
	tally(r, EntTeamUnit, p.teamUnits, TeamUnit.key)
	tally(r, EntMember, p.members, Member.key)
	tally(r, EntTie, p.ties, Tie.key)
	tally(r, EntTraining, p.trainings, Training.key)
	tally(r, EntTeamEval, p.teamEvals, TeamEval.key)
	p.tallyResults(r)
	tally(r, EntPlan, p.plans, Plan.key)
	return r
}
