package workbook

import (
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"xuncha/model"
)

// write applies the plan inside tx. Foreign keys are checked at commit, so
// that rows may refer to rows later in the same import (a unit to its
// parent further down the sheet).
func (p *plan) write(tx *gorm.DB) error {
	if err := model.DeferForeignKeys(tx); err != nil {
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
		{SheetPeople, func() error { return p.writeStatusChanges(tx) }},
		{SheetHistory, func() error { return apply(tx, p.history.adds, p.history.updates) }},
		{SheetRelatives, func() error { return apply(tx, p.relatives.adds, p.relatives.updates) }},
		{SheetDeclarations, func() error { return apply(tx, p.declarations.adds, p.declarations.updates) }},
		{SheetTerms, func() error { return writeTerms(tx, p.terms.adds, p.terms.updates) }},
		{SheetTasks, func() error { return p.tasks.write(tx) }},
		{SheetTies, func() error { return apply(tx, p.ties.adds, p.ties.updates) }},
		{SheetTrainings, func() error { return apply(tx, p.trainings.adds, p.trainings.updates) }},
		{SheetPlan, func() error { return apply(tx, p.plans.adds, p.plans.updates) }},
		{"成果", func() error { return p.results.write(tx) }},
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
	if err := model.InsertMany(tx, adds); err != nil {
		return err
	}
	for i := range updates {
		if err := model.Overwrite(tx, &updates[i]); err != nil {
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
	links := make(map[string]string, len(t.linked))
	for _, r := range append(slices.Clone(t.roundAdds), t.roundUpdates...) {
		links[r.Code] = r.Links
	}
	for _, code := range t.linked {
		if l, ok := links[code]; ok {
			if err := model.LinkRounds(tx, code, model.SplitLinks(l)); err != nil {
				return err
			}
		}
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
	if err := touchTeams(tx, units, unitUpds); err != nil {
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

// touchTeams counts up the version of the teams whose units the import
// adds or changes (a team's stamp covers its units): a team form open
// before the import is then refused on save.
func touchTeams(tx *gorm.DB, lists ...[]model.TeamUnit) error {
	var ids []uint
	for _, l := range lists {
		for _, u := range l {
			ids = append(ids, u.TeamID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	return model.Touch(tx, &model.Team{}, model.Actor(tx), time.Now(), "id IN ?", slices.Compact(ids))
}
