package model

import (
	"fmt"

	"gorm.io/gorm"
)

// Tables holds every row of the data a snapshot and a data package are
// made of: the places, the people with their history, relatives and
// declarations, the calendar, the teams with their units and members, and
// the overrides, the people's ties and training, the teams' own
// evaluations, and the terms' plans. Accounts, settings, the audit log and the history of the
// people's status are not in it.
type Tables struct {
	Counties     []County         // by code
	Units        []Unit           // by code
	Leaders      []UnitLeader     // by unit, name
	People       []Person         // by code
	History      []WorkHistory    // by person, start date, unit
	Relatives    []Relative       // by person, name
	Declarations []Declaration    // by person, unit
	Terms        []Term           // by code
	Scopes       []TermScope      // by term, county, category
	Rounds       []Round          // by term, number, code
	Teams        []Team           // by round, seq, name
	TeamUnits    []TeamUnit       // by team id, unit
	Members      []TeamMember     // by team id, then as stored (id)
	Overrides    []Override       // by id
	Ties         []Tie            // by person, name, relation
	Trainings    []Training       // by person, start date, name
	TeamEvals    []TeamEvaluation // by team id
	Plans        []PlanItem       // by term, unit
}

// LoadTables reads the whole data set from db, each table in the order
// Tables names: the one read of the whole database, shared by the
// snapshot the capabilities work on and by data packages. Every order
// ends on a unique key, so two reads of the same data are the same.
func LoadTables(db *gorm.DB) (*Tables, error) { return load(db, false) }

// LoadPlanTables reads what a term's coverage and plan need, and nothing
// of the people: the places with their units, the terms and their scope,
// the rounds with their teams and team units, and the plans (SPEC §8.2;
// the plan grid of a province opens on it). The other tables are left
// empty; the order of each is LoadTables'.
func LoadPlanTables(db *gorm.DB) (*Tables, error) { return load(db, true) }

func load(db *gorm.DB, plan bool) (*Tables, error) {
	var t Tables
	for _, q := range []struct {
		dst   any
		order string
		plan  bool // needed by LoadPlanTables
	}{
		{&t.Counties, "code", true}, {&t.Units, "code", true}, {&t.Leaders, "unit_code, name, id", false},
		{&t.People, "code", false}, {&t.History, "person_code, start_date, unit_code", false},
		{&t.Relatives, "person_code, name", false}, {&t.Declarations, "person_code, unit_code", false},
		{&t.Terms, "code", true}, {&t.Scopes, "term_code, county_code, category", true},
		{&t.Rounds, "term_code, number, code", true}, {&t.Teams, "round_code, seq, name", true},
		{&t.TeamUnits, "team_id, unit_code", true}, {&t.Members, "team_id, id", false}, {&t.Overrides, "id", false},
		{&t.Ties, "person_code, name, relation", false}, {&t.Trainings, "person_code, start_date, name", false},
		{&t.TeamEvals, "team_id", false}, {&t.Plans, "term_code, unit_code", true},
	} {
		if plan && !q.plan {
			continue
		}
		if err := db.Order(q.order).Find(q.dst).Error; err != nil {
			return nil, fmt.Errorf("读取数据失败: %w", err)
		}
	}
	return &t, nil
}
