package workbook

import (
	"fmt"
	"strings"
	"time"

	"xuncha/model"
)

// plan is the outcome of checking the input against the database: what
// writing it would change, sheet by sheet.
type plan struct {
	counties     delta[model.County]
	units        delta[model.Unit]
	leaders      delta[model.UnitLeader]
	people       delta[model.Person]
	history      delta[model.WorkHistory]
	relatives    delta[model.Relative]
	declarations delta[model.Declaration]
	terms        delta[termRow]
	tasks        taskPlan
	ties         delta[model.Tie]
	trainings    delta[model.Training]
	plans        delta[model.PlanItem]

	// what the status history of the people needs: their stored rows,
	// who imports and when (set by Import before writing)
	oldPeople map[string]model.Person
	user      string
	now       time.Time
	results   resultsPlan
}

// buildPlan checks every sheet, in the order references run, and compares
// the accepted rows with the database. Problems go to c; rows with a
// problem, or referring to a rejected row, are rejected.
func buildPlan(tables map[string][]*table, ex *existing, opt Options, c *collector) *plan {
	rs := refSets{}
	counties := readRecs(countySheet, tables[SheetCounties], c)
	rs[refCounty] = newCodeSet(countySheet, counties, has(ex.counties))

	units := readRecs(unitSheet, tables[SheetUnits], c)
	checkRefs(unitSheet, units, rs, c)
	rs[refUnit] = newCodeSet(unitSheet, units, has(ex.units))
	checkParents(units, rs[refUnit], ex, c)
	tasks := readRecs(taskSheet, tables[SheetTasks], c)
	checkUnitTeams(units, tasks, rs[refUnit], ex, c)

	leaders := readRecs(leaderSheet, tables[SheetLeaders], c)
	checkRefs(leaderSheet, leaders, rs, c)

	people := readRecs(personSheet, tables[SheetPeople], c)
	checkRefs(personSheet, people, rs, c)
	rs[refPerson] = newCodeSet(personSheet, people, has(ex.people))

	history := readRecs(historySheet, tables[SheetHistory], c)
	checkRefs(historySheet, history, rs, c)
	relatives := readRecs(relativeSheet, tables[SheetRelatives], c)
	checkRefs(relativeSheet, relatives, rs, c)
	checkSelfRelatives(relatives, people, ex, c)
	decls := readRecs(declarationSheet, tables[SheetDeclarations], c)
	checkRefs(declarationSheet, decls, rs, c)

	terms := readRecs(termSheet, tables[SheetTerms], c)
	checkScopeCounties(terms, rs[refCounty], c)
	rs[refTerm] = newCodeSet(termSheet, terms, has(ex.terms))

	checkRefs(taskSheet, tasks, rs, c)
	checkRounds(tasks, c)
	checkRoundRefs(tasks, rs[refUnit], ex, c)
	checkTeamCounties(tasks, countyLookup(units, ex), ex, c)

	members := readRecs(memberSheet, tables[SheetMembers], c)
	checkRefs(memberSheet, members, rs, c)
	checkMemberTeams(members, tasks, ex, c)

	ties := readRecs(tieSheet, tables[SheetTies], c)
	checkRefs(tieSheet, ties, rs, c)
	checkOwnTies(ties, people, ex, c)
	trainings := readRecs(trainingSheet, tables[SheetTrainings], c)
	checkRefs(trainingSheet, trainings, rs, c)
	plans := readRecs(planSheet, tables[SheetPlan], c)
	checkRefs(planSheet, plans, rs, c)
	checkPlanYears(plans, terms, ex, c)

	p := &plan{
		counties:     diff(countySheet, counties, ex.counties),
		units:        diff(unitSheet, units, ex.units),
		leaders:      diff(leaderSheet, leaders, ex.leaders),
		people:       diff(personSheet, people, ex.people),
		history:      diff(historySheet, history, ex.history),
		relatives:    diff(relativeSheet, relatives, ex.relatives),
		declarations: diff(declarationSheet, decls, ex.declarations),
		terms:        diff(termSheet, terms, ex.terms),
		tasks:        planTasks(tasks, ex),
		ties:         diff(tieSheet, ties, ex.ties),
		trainings:    diff(trainingSheet, trainings, ex.trainings),
		plans:        diff(planSheet, plans, ex.plans),
		oldPeople:    ex.people,
	}
	planMembers(members, ex, &p.tasks)
	p.results = planResults(tables, tasks, rs, ex, ex.results, opt, c)
	return p
}

// summaries lists the sheet summaries of the sheets the input has.
func (p *plan) summaries(present map[string][]*table) []SheetSummary {
	all := []SheetSummary{
		p.counties.summary, p.units.summary, p.leaders.summary, p.people.summary, p.history.summary,
		p.relatives.summary, p.declarations.summary, p.terms.summary, p.tasks.tasks, p.tasks.members,
		p.ties.summary, p.trainings.summary, p.plans.summary,
	}
	all = append(all, p.results.summaries()...)
	var out []SheetSummary
	for _, s := range all {
		if len(present[s.Sheet]) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// changes reports whether writing the plan would change anything.
func (p *plan) changes() bool {
	n := len(p.counties.adds) + len(p.counties.updates) + len(p.units.adds) + len(p.units.updates) +
		len(p.leaders.adds) + len(p.leaders.updates) + len(p.people.adds) + len(p.people.updates) +
		len(p.history.adds) + len(p.history.updates) + len(p.relatives.adds) + len(p.relatives.updates) +
		len(p.declarations.adds) + len(p.declarations.updates) + len(p.terms.adds) + len(p.terms.updates) +
		len(p.ties.adds) + len(p.ties.updates) + len(p.trainings.adds) + len(p.trainings.updates) +
		len(p.plans.adds) + len(p.plans.updates)
	t := &p.tasks
	n += len(t.roundAdds) + len(t.roundUpdates) + len(t.teamAdds) + len(t.teamUpdates) +
		len(t.unitAdds) + len(t.unitUpdates) + len(t.memberAdds) + len(t.memberUpds)
	n += p.results.changes()
	return n > 0
}

// checkParents rejects units whose 上级单位编码 names no unit, the unit
// itself, or a unit whose chain of parents comes back to it. Rejections
// cascade: a unit under a rejected unit is rejected too.
func checkParents(units []rec[model.Unit], set *codeSet, ex *existing, c *collector) {
	byCode := make(map[string]int)
	for i := range units {
		if units[i].ok {
			byCode[units[i].v.Code] = i
		}
	}
	parentOf := func(code string) string {
		if i, ok := byCode[code]; ok && units[i].ok {
			return deref(units[i].v.ParentCode)
		}
		if u, ok := ex.units[code]; ok {
			return deref(u.ParentCode)
		}
		return ""
	}
	reject := func(r *rec[model.Unit], msg string) {
		c.add(r.at, "上级单位编码", msg)
		r.ok = false
		set.reject(r.v.Code, r.at)
	}
	for changed := true; changed; {
		changed = false
		for i := range units {
			r := &units[i]
			parent := deref(r.v.ParentCode)
			if !r.ok || parent == "" {
				continue
			}
			switch {
			case parent == r.v.Code:
				reject(r, "上级单位不能是本单位")
			case !set.has(parent):
				reject(r, refSets{refUnit: set}.problem(refUnit, parent))
			default:
				if chain := cycle(r.v.Code, parentOf); chain != "" {
					reject(r, "上级单位形成循环："+chain)
				}
			}
			changed = changed || !r.ok
		}
	}
}

// cycle follows the parents of code and returns the chain when it comes
// back to code, "" when it ends.
func cycle(code string, parentOf func(string) string) string {
	chain := []string{code}
	seen := map[string]bool{code: true}
	for p := parentOf(code); p != ""; p = parentOf(p) {
		chain = append(chain, p)
		if p == code {
			return strings.Join(chain, " → ")
		}
		if seen[p] {
			return "" // a loop above code, reported on its own members
		}
		seen[p] = true
	}
	return ""
}

// countyLookup returns the county of a unit: as the file's accepted rows
// give it, else as the database has it.
func countyLookup(units []rec[model.Unit], ex *existing) func(string) string {
	m := make(map[string]string)
	for i := range units {
		if units[i].ok {
			m[units[i].v.Code] = units[i].v.CountyCode
		}
	}
	return func(code string) string {
		if c, ok := m[code]; ok {
			return c
		}
		return ex.units[code].CountyCode
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// String describes a summary in one line, as the headless face prints it.
func (s SheetSummary) String() string {
	return fmt.Sprintf("%s：新增 %d，更新 %d，未变 %d，拒绝 %d", s.Sheet, s.Added, s.Updated, s.Unchanged, s.Rejected)
}
