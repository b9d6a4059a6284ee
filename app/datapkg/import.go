package datapkg

import (
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Preview reads the package at path and reports what importing it into db
// would add, update and leave out as conflicts, without writing.
func Preview(db *gorm.DB, path, passphrase string) (*Report, error) {
	return PreviewAs(db, path, passphrase, AllRights)
}

// Rights are what the importing user may merge of a round's results:
// clue rows (线索管理), and items' review and close-out (审核销号).
type Rights struct {
	Clues, Review bool
}

// AllRights is an importer who may merge everything.
var AllRights = Rights{Clues: true, Review: true}

// PreviewAs is Preview for an importer with rights r.
func PreviewAs(db *gorm.DB, path, passphrase string, r Rights) (*Report, error) {
	pkg, err := readScoped(path, passphrase)
	if err != nil {
		return nil, err
	}
	local, _, err := loadAll(db)
	if err != nil {
		return nil, err
	}
	return makePlan(pkg.Data, local, newScope(pkg.Manifest.Counties, local), r).report(path, pkg.Manifest), nil
}

// Import merges the package at path into db by code, in one transaction
// with one audit entry by user: new rows are added, changed rows take the
// package's values, conflicting rows are left out (and reported), and
// nothing is deleted. The database is read and the plan made inside the
// transaction (an immediate one on SQLite), so that what the plan relies on
// is still so when it is written.
func Import(db *gorm.DB, path, passphrase, user string) (*Report, error) {
	return ImportAs(db, path, passphrase, user, AllRights)
}

// ImportAs is Import for an importer with rights r: clue rows without
// 线索管理, and items whose review or close-out would change without
// 审核销号, are left out as conflicts.
func ImportAs(db *gorm.DB, path, passphrase, user string, rights Rights) (*Report, error) {
	pkg, err := readScoped(path, passphrase)
	if err != nil {
		return nil, err
	}
	var r *Report
	err = model.Transact(db, func(tx *gorm.DB) error {
		tx = model.WithActor(tx, user)
		local, ids, err := loadAll(tx)
		if err != nil {
			return err
		}
		p := makePlan(pkg.Data, local, newScope(pkg.Manifest.Counties, local), rights)
		r = p.report(path, pkg.Manifest)
		if err := p.apply(tx, ids); err != nil {
			return fmt.Errorf("导入数据包失败，未写入任何数据: %w", err)
		}
		if err := model.InsertMany(tx, p.statusChanges(user, time.Now())); err != nil {
			return fmt.Errorf("导入数据包失败，未写入任何数据: %w", err)
		}
		return audit.Record(tx, audit.Entry{User: user, Action: "导入数据包", Entity: "数据包", Key: filepath.Base(path),
			Before: p.updatedBefore(),
			After: map[string]any{"县区": pkg.Manifest.Counties, "生成时间": pkg.Manifest.Created,
				"校验值": pkg.Manifest.Files[0].SHA256, "统计": r.Entities, "冲突": r.Conflicts}})
	})
	if err != nil {
		return nil, err
	}
	r.Written = true
	return r, nil
}

// readScoped reads the package at path and refuses it when its rows reach
// outside the counties it declares.
func readScoped(path, passphrase string) (*Package, error) {
	pkg, err := Read(path, passphrase)
	if err != nil {
		return nil, err
	}
	upgradeReports(pkg.Data)
	if err := checkScope(pkg.Data, pkg.Manifest.Counties); err != nil {
		return nil, err
	}
	return pkg, nil
}

// save writes the rows to add (in batches) and to update (one by one).
func save[T, M any](tx *gorm.DB, steps []step[T], toModel func(T) M) ([]M, error) {
	var adds []M
	for _, s := range steps {
		switch s.kind {
		case add:
			adds = append(adds, toModel(s.row))
		case update:
			m := toModel(s.row)
			if err := model.Overwrite(tx, &m); err != nil {
				return nil, err
			}
		}
	}
	if len(adds) == 0 {
		return nil, nil
	}
	model.StampNew(tx, adds)
	return adds, tx.CreateInBatches(&adds, 200).Error
}

// apply carries out the plan inside tx.
func (p *plan) apply(tx *gorm.DB, ids *rowIDs) error {
	err := firstErr(
		func() error { _, err := save(tx, p.counties, County.model); return err },
		func() error { _, err := save(tx, p.units, Unit.model); return err },
		func() error {
			_, err := save(tx, p.leaders, func(l Leader) model.UnitLeader { return l.model(ids.leaders[l.key()]) })
			return err
		},
		func() error { _, err := save(tx, p.people, Person.model); return err },
		func() error {
			_, err := save(tx, p.history, func(h History) model.WorkHistory { return h.model(ids.history[h.key()]) })
			return err
		},
		func() error {
			_, err := save(tx, p.relatives, func(r Relative) model.Relative { return r.model(ids.relatives[r.key()]) })
			return err
		},
		func() error {
			_, err := save(tx, p.decls, func(x Declaration) model.Declaration { return x.model(ids.decls[x.key()]) })
			return err
		},
		func() error { _, err := save(tx, p.terms, Term.model); return err },
		func() error { _, err := save(tx, p.rounds, Round.model); return err },
		func() error { return p.linkRounds(tx) },
	)
	if err != nil {
		return err
	}
	added, err := save(tx, p.teams, func(t Team) model.Team { return t.model(ids.teams[teamKey{t.Round, t.Name}]) })
	if err != nil {
		return err
	}
	for _, m := range added {
		ids.teams[teamKey{m.RoundCode, m.Name}] = m.ID
	}
	return firstErr(
		func() error {
			_, err := save(tx, p.teamUnits, func(u TeamUnit) model.TeamUnit {
				return u.model(ids.teamUnits[u.key()], ids.teams[teamKey{u.Round, u.Team}])
			})
			if err != nil {
				return err
			}
			return touchTeams(tx, p.teamUnits, ids)
		},
		func() error {
			_, err := save(tx, p.members, func(x Member) model.TeamMember {
				return x.model(ids.members[x.key()], ids.teams[teamKey{x.Round, x.Team}])
			})
			return err
		},
		func() error {
			_, err := save(tx, p.ties, func(x Tie) model.Tie { return x.model(ids.ties[x.key()]) })
			return err
		},
		func() error {
			_, err := save(tx, p.trainings, func(x Training) model.Training { return x.model(ids.trainings[x.key()]) })
			return err
		},
		func() error {
			_, err := save(tx, p.teamEvals, func(x TeamEval) model.TeamEvaluation {
				return x.model(ids.teamEvals[x.key()], ids.teams[teamKey{x.Round, x.Team}])
			})
			return err
		},
		func() error { return p.applyResults(tx, ids) },
		func() error {
			_, err := save(tx, p.plans, func(x Plan) model.PlanItem { return x.model(ids.plans[x.key()]) })
			return err
		},
	)
}

// touchTeams counts up the version of the teams whose units the package
// adds or changes (the team's stamp covers its units): a team form open
// before the import is then refused on save.
func touchTeams(tx *gorm.DB, steps []step[TeamUnit], ids *rowIDs) error {
	var touched []uint
	for _, s := range steps {
		if s.kind == add || s.kind == update {
			touched = append(touched, ids.teams[teamKey{s.row.Round, s.row.Team}])
		}
	}
	if len(touched) == 0 {
		return nil
	}
	slices.Sort(touched)
	return model.Touch(tx, &model.Team{}, model.Actor(tx), time.Now(), "id IN ?", slices.Compact(touched))
}

// linkRounds makes the links of the rounds the package adds or updates
// hold both ways (model.LinkRounds).
func (p *plan) linkRounds(tx *gorm.DB) error {
	for _, s := range p.rounds {
		if s.kind != add && s.kind != update {
			continue
		}
		if err := model.LinkRounds(tx, s.row.Code, model.SplitLinks(s.row.Links)); err != nil {
			return err
		}
	}
	return nil
}

// statusChanges are the records of the statuses the package sets: a new
// person's first, and every status the package changes (SPEC §11.1), by
// user through the package at now.
func (p *plan) statusChanges(user string, now time.Time) []model.StatusChange {
	var out []model.StatusChange
	for _, s := range p.people {
		switch {
		case s.kind == add:
			out = append(out, model.NewStatusChange(s.row.Code, "", s.row.Status, s.row.StatusReason, user, vocab.ViaPackage, now))
		case s.kind == update && s.old.Status != s.row.Status:
			out = append(out, model.NewStatusChange(s.row.Code, s.old.Status, s.row.Status, s.row.StatusReason, user, vocab.ViaPackage, now))
		}
	}
	return out
}

func firstErr(fs ...func() error) error {
	for _, f := range fs {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// updatedBefore is the database's rows that the import overwrites, by
// entity, for the audit entry.
func (p *plan) updatedBefore() map[string]any {
	out := map[string]any{}
	put := func(entity string, rows any, n int) {
		if n > 0 {
			out[entity] = rows
		}
	}
	c, n := olds(p.counties)
	put(EntCounty, c, n)
	u, n := olds(p.units)
	put(EntUnit, u, n)
	l, n := olds(p.leaders)
	put(EntLeader, l, n)
	x, n := olds(p.people)
	put(EntPerson, x, n)
	h, n := olds(p.history)
	put(EntHistory, h, n)
	r, n := olds(p.relatives)
	put(EntRelative, r, n)
	d, n := olds(p.decls)
	put(EntDeclaration, d, n)
	t, n := olds(p.terms)
	put(EntTerm, t, n)
	rd, n := olds(p.rounds)
	put(EntRound, rd, n)
	tm, n := olds(p.teams)
	put(EntTeam, tm, n)
	tu, n := olds(p.teamUnits)
	put(EntTeamUnit, tu, n)
	m, n := olds(p.members)
	put(EntMember, m, n)
	ti, n := olds(p.ties)
	put(EntTie, ti, n)
	tr, n := olds(p.trainings)
	put(EntTraining, tr, n)
	te, n := olds(p.teamEvals)
	put(EntTeamEval, te, n)
	p.resultsBefore(put)
	pl, n := olds(p.plans)
	put(EntPlan, pl, n)
	if len(out) == 0 {
		return nil
	}
	return out
}

func olds[T any](steps []step[T]) ([]T, int) {
	var out []T
	for _, s := range steps {
		if s.kind == update {
			out = append(out, s.old)
		}
	}
	return out, len(out)
}
