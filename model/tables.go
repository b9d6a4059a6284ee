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
func LoadTables(db *gorm.DB) (*Tables, error) {
	var t Tables
	for _, q := range []struct {
		dst   any
		order string
	}{
		{&t.Counties, "code"}, {&t.Units, "code"}, {&t.Leaders, "unit_code, name, id"},
		{&t.People, "code"}, {&t.History, "person_code, start_date, unit_code"},
		{&t.Relatives, "person_code, name"}, {&t.Declarations, "person_code, unit_code"},
		{&t.Terms, "code"}, {&t.Scopes, "term_code, county_code, category"},
		{&t.Rounds, "term_code, number, code"}, {&t.Teams, "round_code, seq, name"},
		{&t.TeamUnits, "team_id, unit_code"}, {&t.Members, "team_id, id"}, {&t.Overrides, "id"},
		{&t.Ties, "person_code, name, relation"}, {&t.Trainings, "person_code, start_date, name"},
		{&t.TeamEvals, "team_id"}, {&t.Plans, "term_code, unit_code"},
	} {
		if err := db.Order(q.order).Find(q.dst).Error; err != nil {
			return nil, fmt.Errorf("读取数据失败: %w", err)
		}
	}
	return &t, nil
}
