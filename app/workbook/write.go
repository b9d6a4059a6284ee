package workbook

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"xuncha/model"
)

// batchSize is the rows per INSERT statement.
const batchSize = 1000

// write applies the plan inside tx. Foreign keys are checked at commit, so
// that rows may refer to rows later in the same import (a unit to its
// parent further down the sheet).
func (p *plan) write(tx *gorm.DB) error {
	if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
		return err
	}
	steps := []struct {
		name string
		run  func() error
	}{
		{SheetCounties, func() error { return apply(tx, p.counties.adds, p.counties.updates) }},
		{SheetUnits, func() error { return apply(tx, p.units.adds, p.units.updates) }},
		{SheetLeaders, func() error { return apply(tx, p.leaders.adds, p.leaders.updates) }},
		{SheetPeople, func() error { return apply(tx, p.people.adds, p.people.updates) }},
		{SheetHistory, func() error { return apply(tx, p.history.adds, p.history.updates) }},
		{SheetRelatives, func() error { return apply(tx, p.relatives.adds, p.relatives.updates) }},
		{SheetDeclarations, func() error { return apply(tx, p.declarations.adds, p.declarations.updates) }},
		{SheetTerms, func() error { return apply(tx, p.terms.adds, p.terms.updates) }},
		{SheetTasks, func() error { return p.tasks.write(tx) }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("写入%s失败: %w", s.name, err)
		}
	}
	return nil
}

// apply inserts adds in batches and saves updates one by one.
func apply[T any](tx *gorm.DB, adds, updates []T) error {
	if err := insert(tx, adds); err != nil {
		return err
	}
	for i := range updates {
		if err := tx.Save(&updates[i]).Error; err != nil {
			return err
		}
	}
	return nil
}

// write applies the rounds, teams, team units and members. New teams are
// created first; their ids then go to the rows that belong to them.
func (t *taskPlan) write(tx *gorm.DB) error {
	if err := apply(tx, t.roundAdds, t.roundUpdates); err != nil {
		return err
	}
	if err := apply(tx, t.teamAdds, t.teamUpdates); err != nil {
		return err
	}
	ids := make(map[string]uint)
	var teams []model.Team
	if err := tx.Select("id", "round_code", "name").Find(&teams).Error; err != nil {
		return err
	}
	for i := range teams {
		ids[teamKey(&teams[i])] = teams[i].ID
	}
	set := func(u *model.TeamUnit, id uint) { u.TeamID = id }
	units, unitUpds := resolve(t.unitAdds, t.unitUpdates, ids, set)
	if err := apply(tx, units, unitUpds); err != nil {
		return err
	}
	members, memberUpds := resolve(t.memberAdds, t.memberUpds, ids, func(m *model.TeamMember, id uint) { m.TeamID = id })
	return apply(tx, members, memberUpds)
}

// resolve gives pending rows their team's id.
func resolve[T any](adds, upds []pending[T], ids map[string]uint, set func(*T, uint)) ([]T, []T) {
	out := func(ps []pending[T]) []T {
		rows := make([]T, len(ps))
		for i, p := range ps {
			rows[i] = p.row
			set(&rows[i], ids[p.team])
		}
		return rows
	}
	return out(adds), out(upds)
}

// insert writes new rows in batches of INSERT … SELECT from json_each(?):
// one short statement and one parameter per batch. (gorm's Create reads
// back every column with a default and scans it, and the SQLite driver
// parses each statement anew and binds parameters in time quadratic in
// their number: at a province's scale a plain multi-row INSERT spends more
// time on those than on the insert itself.) An auto-increment id is left
// to the database; callers that need the ids read them back.
func insert[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(&rows[0]); err != nil {
		return err
	}
	var fields []*schema.Field
	var names, values []string
	for _, f := range stmt.Schema.Fields {
		if f.DBName == "" || !f.Creatable || f.AutoIncrement {
			continue
		}
		values = append(values, fmt.Sprintf("j.value->>%d", len(fields)))
		fields = append(fields, f)
		names = append(names, `"`+f.DBName+`"`)
	}
	q := `INSERT INTO "` + stmt.Schema.Table + `" (` + strings.Join(names, ",") + ") SELECT " +
		strings.Join(values, ",") + " FROM json_each(?) AS j"
	ctx := tx.Statement.Context
	batch := make([][]any, 0, batchSize)
	for start := 0; start < len(rows); start += batchSize {
		end := min(start+batchSize, len(rows))
		batch = batch[:0]
		for i := start; i < end; i++ {
			rv := reflect.ValueOf(&rows[i]).Elem()
			row := make([]any, len(fields))
			for k, f := range fields {
				v, _ := f.ValueOf(ctx, rv)
				row[k] = plain(v)
			}
			batch = append(batch, row)
		}
		text, err := json.Marshal(batch)
		if err != nil {
			return err
		}
		if _, err := tx.Statement.ConnPool.ExecContext(ctx, q, string(text)); err != nil {
			return err
		}
	}
	return nil
}

// plain turns a nil pointer into NULL and a pointer into its value.
func plain(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return v
	}
	if rv.IsNil() {
		return nil
	}
	return rv.Elem().Interface()
}
