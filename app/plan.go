package app

// The term plan (巡察规划, SPEC §8.2): each unit's planned year and round
// in a term, set unit by unit or for a selection at once, each change in
// one transaction with its audit entry.

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/calendar"
	"xuncha/app/fieldrule"
	"xuncha/model"
)

// planBatch is how many units one statement of the plan names at most.
const planBatch = 500

// PlanEdit is one unit's place to set in a term's plan: its year (0 takes
// the unit out of the plan), its round in the term (0: none) and a note.
//
// Read is the unit's plan row as the edit read it (its stamp; a zero
// stamp when the unit was not in the plan): the edit is then refused when
// someone else changed the row since (SPEC §13.1). nil saves whatever the
// row is now.
type PlanEdit struct {
	Unit          string
	Year, RoundNo int
	Note          string
	Read          *model.Stamp
}

// PlanCalendar returns a calendar over what a term's coverage and plan
// need (model.LoadPlanTables: no people), with the stored settings: the
// plan grid's, quick to open at a province's scale. Its snapshot has no
// people, members or overrides, so the conflicts that concern people are
// not found by it.
func (s *Service) PlanCalendar() (*calendar.Calendar, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	set, err := s.CalendarSettings()
	if err != nil {
		return nil, err
	}
	all, err := model.LoadPlanTables(s.DB)
	if err != nil {
		return nil, err
	}
	received, due, err := s.reportsReceived()
	if err != nil {
		return nil, err
	}
	return calendar.New(snapshotOf(all, received, due), set), nil
}

// PlanItems returns the plan rows of term, by unit.
func (s *Service) PlanItems(term string) ([]model.PlanItem, error) {
	var out []model.PlanItem
	if err := s.DB.Where("term_code = ?", term).Order("unit_code").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("读取巡察规划失败: %w", err)
	}
	return out, nil
}

// PlanEntry returns unit's row of term's plan as it is now (a zero row
// with the term and unit when the unit is not in the plan), for the unit
// dialog of the plan grid to show and to save with its stamp.
func (s *Service) PlanEntry(term, unit string) (model.PlanItem, error) {
	if err := s.Require(PermRead); err != nil {
		return model.PlanItem{}, err
	}
	rows, err := planRows(s.DB, term, []string{unit})
	if err != nil || len(rows) == 0 {
		return model.PlanItem{TermCode: term, UnitCode: unit}, err
	}
	return rows[0], nil
}

// SavePlan sets the places of units in term's plan: the one door through
// which the plan is edited (the plan grid's form and its bulk edits). The
// term and every unit must exist, each year lie within the term, each
// round be 0 to 99; nothing is written unless every edit is good. An
// edit that carries what it read is refused when the unit's row changed
// since (a *model.ConflictError naming the unit). Every row written
// counts its version up. One transaction, one audit entry with the rows
// before and after.
func (s *Service) SavePlan(term string, edits []PlanEdit) error {
	if len(edits) == 0 {
		return nil
	}
	var t model.Term
	if err := s.DB.Where("code = ?", term).Limit(1).Find(&t).Error; err != nil || t.Code == "" {
		return fmt.Errorf("届期 %s %w", term, ErrNotFound)
	}
	first, last := yearOf(t.StartDate), yearOf(t.EndDate)
	var units []string
	seen := make(map[string]bool, len(edits))
	for i := range edits {
		e := &edits[i]
		e.Unit, e.Note = fieldrule.Code(e.Unit), strings.TrimSpace(e.Note)
		switch {
		case e.Unit == "":
			return fmt.Errorf("第%d项没有单位编码", i+1)
		case seen[e.Unit]:
			return fmt.Errorf("单位 %s 重复", e.Unit)
		case e.Year != 0 && (e.Year < first || e.Year > last):
			return fmt.Errorf("单位 %s 的计划年度 %d 不在届期 %s（%d—%d年）之内", e.Unit, e.Year, term, first, last)
		case e.RoundNo < 0 || e.RoundNo > fieldrule.MaxPlanRound:
			return fmt.Errorf("单位 %s 的计划轮次 %d 无效（应为 1 至 %d，0 为不指定）", e.Unit, e.RoundNo, fieldrule.MaxPlanRound)
		case utf8.RuneCountInString(e.Note) > fieldrule.MaxPlanNote:
			return fmt.Errorf("单位 %s 的备注过长（最多 %d 字）", e.Unit, fieldrule.MaxPlanNote)
		}
		if err := fieldrule.CheckText(e.Note); err != nil {
			return fmt.Errorf("单位 %s 的备注：%w", e.Unit, err)
		}
		seen[e.Unit] = true
		units = append(units, e.Unit)
	}
	before, err := planRows(s.DB, term, units)
	if err != nil {
		return err
	}
	var after []model.PlanItem
	for _, e := range edits {
		if e.Year != 0 {
			after = append(after, model.PlanItem{TermCode: term, UnitCode: e.Unit, Year: e.Year, RoundNo: e.RoundNo, Note: e.Note})
		}
	}
	entry := audit.Entry{Action: "修改", Entity: "巡察规划", Key: term, Before: before, After: after}
	return s.Write(entry, func(tx *gorm.DB) error {
		if err := unitsExist(tx, units); err != nil {
			return err
		}
		if !exists(tx, &model.Term{}, term) {
			return fmt.Errorf("届期 %s %w", term, ErrNotFound)
		}
		rows, err := stampPlan(tx, term, edits, after, s.User)
		if err != nil {
			return err
		}
		for chunk := range slices.Chunk(units, planBatch) {
			if err := tx.Where("term_code = ? AND unit_code IN ?", term, chunk).Delete(&model.PlanItem{}).Error; err != nil {
				return fmt.Errorf("保存巡察规划失败: %w", err)
			}
		}
		return model.InsertMany(tx, rows)
	})
}

// stampPlan checks, inside tx, the edits that carry what they read
// against the units' plan rows as they are now, and returns the rows to
// write (after) with their stamps: each row's version counted up from the
// one it replaces, as changed by by now.
func stampPlan(tx *gorm.DB, term string, edits []PlanEdit, after []model.PlanItem, by string) ([]model.PlanItem, error) {
	units := make([]string, len(edits))
	for i, e := range edits {
		units[i] = e.Unit
	}
	cur, err := planRows(tx, term, units)
	if err != nil {
		return nil, err
	}
	stamps := make(map[string]model.Stamp, len(cur))
	for _, r := range cur {
		stamps[r.UnitCode] = r.Stamp
	}
	for _, e := range edits {
		if e.Read == nil {
			continue
		}
		now, found := stamps[e.Unit]
		err := model.Stale(now, *e.Read)
		if !found && e.Read.Version > 0 {
			err = &model.ConflictError{Gone: true}
		}
		if err != nil {
			if len(edits) > 1 {
				return nil, model.Naming(err, "单位 "+e.Unit+" 的巡察规划")
			}
			return nil, err
		}
	}
	rows := slices.Clone(after) // a retry stamps afresh
	now := time.Now()
	for i := range rows {
		rows[i].Stamp = model.NewStamp(by, now)
		if st, ok := stamps[rows[i].UnitCode]; ok {
			rows[i].Version = st.Version + 1
		} else {
			// A unit taken out of the plan and put back in gets a new
			// row: its version must not be one a form read of the row
			// before (1, 2 …), or that form would save over both
			// changes. The time in milliseconds is none of them in practice.
			rows[i].Version = int(now.UnixMilli())
		}
	}
	return rows, nil
}

// SetPlanYear puts units in year of term's plan (0: out of the plan),
// keeping each unit's planned round and note: the bulk edit of the plan
// grid. A planned round is kept only when the year stays.
func (s *Service) SetPlanYear(term string, units []string, year int) error {
	rows, err := planRows(s.DB, term, units)
	if err != nil {
		return err
	}
	have := make(map[string]model.PlanItem, len(rows))
	for _, r := range rows {
		have[r.UnitCode] = r
	}
	edits := make([]PlanEdit, 0, len(units))
	for _, u := range units {
		e := PlanEdit{Unit: u, Year: year, Read: &model.Stamp{}}
		if old, ok := have[u]; ok {
			e.Note, e.Read = old.Note, &old.Stamp
			if old.Year == year {
				e.RoundNo = old.RoundNo
			}
		}
		edits = append(edits, e)
	}
	return s.SavePlan(term, edits)
}

// planRows reads the plan rows of term for units, by unit.
func planRows(db *gorm.DB, term string, units []string) ([]model.PlanItem, error) {
	var out []model.PlanItem
	for chunk := range slices.Chunk(units, planBatch) {
		var rows []model.PlanItem
		if err := db.Where("term_code = ? AND unit_code IN ?", term, chunk).Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("读取巡察规划失败: %w", err)
		}
		out = append(out, rows...)
	}
	slices.SortFunc(out, func(a, b model.PlanItem) int { return strings.Compare(a.UnitCode, b.UnitCode) })
	return out, nil
}

// unitsExist checks inside tx that every unit exists.
func unitsExist(tx *gorm.DB, units []string) error {
	found := make(map[string]bool, len(units))
	for chunk := range slices.Chunk(units, planBatch) {
		var codes []string
		if err := tx.Model(&model.Unit{}).Where("code IN ?", chunk).Pluck("code", &codes).Error; err != nil {
			return err
		}
		for _, c := range codes {
			found[c] = true
		}
	}
	for _, u := range units {
		if !found[u] {
			return fmt.Errorf("单位 %s 不存在", u)
		}
	}
	return nil
}

// yearOf returns the year of a stored date (0 for none).
func yearOf(s string) int { return date(s).Year() }
