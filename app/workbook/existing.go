package workbook

import (
	"fmt"
	"strconv"

	"gorm.io/gorm"

	"xuncha/model"
)

// existing is the database as the import finds it, each table loaded once
// into a map by the key the import matches rows on.
type existing struct {
	counties     map[string]model.County
	units        map[string]model.Unit
	leaders      map[string]model.UnitLeader
	people       map[string]model.Person
	history      map[string]model.WorkHistory
	relatives    map[string]model.Relative
	declarations map[string]model.Declaration
	terms        map[string]termRow
	rounds       map[string]model.Round
	teams        map[string]model.Team       // round + name
	teamByID     map[uint]model.Team         // id
	teamUnits    map[string]model.TeamUnit   // round + unit
	members      map[string]model.TeamMember // team id + person
	ties         map[string]model.Tie
	trainings    map[string]model.Training
	results      resultsExisting
	plans        map[string]model.PlanItem
}

// loadExisting reads the tables the sheets in need touch; the tables that
// references reach (counties, units, people, terms, rounds, teams) are
// always read.
func loadExisting(db *gorm.DB, need map[string]bool) (*existing, error) {
	ex := &existing{}
	var err error
	load := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	load(func() (e error) { ex.counties, e = loadMap(db, countySheet.key); return })
	load(func() (e error) { ex.units, e = loadMap(db, unitSheet.key); return })
	load(func() (e error) { ex.people, e = loadMap(db, personSheet.key); return })
	load(func() (e error) { ex.terms, e = loadTerms(db); return })
	load(func() (e error) { ex.rounds, e = loadMap(db, func(r *model.Round) string { return r.Code }); return })
	load(func() (e error) { ex.teams, e = loadMap(db, teamKey); return })
	ex.leaders = map[string]model.UnitLeader{}
	ex.history = map[string]model.WorkHistory{}
	ex.relatives = map[string]model.Relative{}
	ex.declarations = map[string]model.Declaration{}
	ex.teamUnits = map[string]model.TeamUnit{}
	ex.members = map[string]model.TeamMember{}
	ex.ties = map[string]model.Tie{}
	ex.trainings = map[string]model.Training{}
	ex.plans = map[string]model.PlanItem{}
	if need[SheetPlan] {
		load(func() (e error) { ex.plans, e = loadMap(db, planSheet.key); return })
	}
	if need[SheetTies] {
		load(func() (e error) { ex.ties, e = loadMap(db, tieSheet.key); return })
	}
	if need[SheetTrainings] {
		load(func() (e error) { ex.trainings, e = loadMap(db, trainingSheet.key); return })
	}
	if need[SheetLeaders] {
		load(func() (e error) { ex.leaders, e = loadMap(db, leaderSheet.key); return })
	}
	if need[SheetHistory] {
		load(func() (e error) { ex.history, e = loadMap(db, historySheet.key); return })
	}
	if need[SheetRelatives] {
		load(func() (e error) { ex.relatives, e = loadMap(db, relativeSheet.key); return })
	}
	if need[SheetDeclarations] {
		load(func() (e error) { ex.declarations, e = loadMap(db, declarationSheet.key); return })
	}
	if need[SheetUnits] || need[SheetTasks] || need[SheetMembers] || hasResults(need) {
		load(func() (e error) { ex.teamUnits, e = loadMap(db, teamUnitKey); return })
	}
	if need[SheetMembers] {
		load(func() (e error) { ex.members, e = loadMap(db, memberKey); return })
	}
	load(func() (e error) { ex.results, e = loadResultsExisting(db, need); return })
	if err != nil {
		return nil, fmt.Errorf("读取数据库失败: %w", err)
	}
	ex.teamByID = make(map[uint]model.Team, len(ex.teams))
	for _, t := range ex.teams {
		ex.teamByID[t.ID] = t
	}
	return ex, nil
}

// loadMap reads a whole table into a map by key.
func loadMap[T any](db *gorm.DB, key func(*T) string) (map[string]T, error) {
	var rows []T
	if err := db.Find(&rows).Error; err != nil {
		return nil, err
	}
	m := make(map[string]T, len(rows))
	for i := range rows {
		m[key(&rows[i])] = rows[i]
	}
	return m, nil
}

func teamKey(t *model.Team) string         { return join(t.RoundCode, t.Name) }
func teamUnitKey(t *model.TeamUnit) string { return join(t.RoundCode, t.UnitCode) }
func memberKey(m *model.TeamMember) string {
	return join(strconv.FormatUint(uint64(m.TeamID), 10), m.PersonCode)
}
func has[T any](m map[string]T) func(string) bool {
	return func(k string) bool { _, ok := m[k]; return ok }
}
