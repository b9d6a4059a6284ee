package workbook

import (
	"fmt"
	"sort"
	"strconv"

	"gorm.io/gorm"

	"xuncha/model"
)

// ExportPeople writes the people with the given codes (nil: everyone) to an
// xlsx at path: 人员, and their 工作经历, 亲属关系, 回避申报, 社会关系 and
// 培训记录, in the import format.
func ExportPeople(db *gorm.DB, codes []string, path string) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	if err := writePeople(db, b, keep(codes)); err != nil {
		b.f.Close()
		return err
	}
	return b.save(path)
}

// ExportUnits writes the units with the given codes (nil: every unit) to
// an xlsx at path: 单位 and their 班子成员, in the import format.
func ExportUnits(db *gorm.DB, codes []string, path string) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	if err := writeUnits(db, b, keep(codes)); err != nil {
		b.f.Close()
		return err
	}
	return b.save(path)
}

// ExportAll writes every sheet of the import format to an xlsx at path;
// importing it reproduces the data. (Rounds and teams travel in 巡察任务,
// one row per inspected unit: a team without units has no row.)
func ExportAll(db *gorm.DB, path string) error { return ExportAllSheets(db, path, true) }

// ExportAllSheets is ExportAll with the clues (线索移交) written only when
// withClues: a user without 线索管理 gets the other sheets.
func ExportAllSheets(db *gorm.DB, path string, withClues bool) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	all := keep(nil)
	err = func() error {
		var counties []model.County
		if err := db.Order("code").Find(&counties).Error; err != nil {
			return err
		}
		if err := writeEntity(b, countySheet, counties); err != nil {
			return err
		}
		if err := writeUnits(db, b, all); err != nil {
			return err
		}
		if err := writePeople(db, b, all); err != nil {
			return err
		}
		terms, err := loadTerms(db)
		if err != nil {
			return err
		}
		if err := writeEntity(b, termSheet, sortedValues(terms)); err != nil {
			return err
		}
		if err := writeTasks(db, b); err != nil {
			return err
		}
		var plans []model.PlanItem
		if err := db.Order("term_code, unit_code").Find(&plans).Error; err != nil {
			return err
		}
		if err := writeEntity(b, planSheet, plans); err != nil {
			return err
		}
		return writeResults(db, b, withClues)
	}()
	if err != nil {
		b.f.Close()
		return fmt.Errorf("导出失败: %w", err)
	}
	return b.save(path)
}

// sortedValues returns the values of m in the order of their keys.
func sortedValues[T any](m map[string]T) []T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// keep returns a filter by code: every code when codes is nil.
func keep(codes []string) func(string) bool {
	if codes == nil {
		return func(string) bool { return true }
	}
	set := make(map[string]bool, len(codes))
	for _, c := range codes {
		set[c] = true
	}
	return func(c string) bool { return set[c] }
}

// filter keeps the values whose code passes ok.
func filter[T any](vals []T, code func(*T) string, ok func(string) bool) []T {
	out := vals[:0]
	for i := range vals {
		if ok(code(&vals[i])) {
			out = append(out, vals[i])
		}
	}
	return out
}

func writeUnits(db *gorm.DB, b *book, ok func(string) bool) error {
	var units []model.Unit
	var leaders []model.UnitLeader
	if err := db.Order("code").Find(&units).Error; err != nil {
		return err
	}
	if err := db.Order("unit_code, name, id").Find(&leaders).Error; err != nil {
		return err
	}
	if err := writeEntity(b, unitSheet, filter(units, func(u *model.Unit) string { return u.Code }, ok)); err != nil {
		return err
	}
	return writeEntity(b, leaderSheet, filter(leaders, func(l *model.UnitLeader) string { return l.UnitCode }, ok))
}

func writePeople(db *gorm.DB, b *book, ok func(string) bool) error {
	var (
		people    []model.Person
		history   []model.WorkHistory
		relatives []model.Relative
		decls     []model.Declaration
		ties      []model.Tie
		trainings []model.Training
	)
	for _, q := range []struct {
		dst   any
		order string
	}{
		{&people, "code"}, {&history, "person_code, start_date, unit_code"},
		{&relatives, "person_code, name"}, {&decls, "person_code, unit_code"},
		{&ties, "person_code, name, relation"}, {&trainings, "person_code, start_date, name"},
	} {
		if err := db.Order(q.order).Find(q.dst).Error; err != nil {
			return err
		}
	}
	if err := writeEntity(b, personSheet, filter(people, func(p *model.Person) string { return p.Code }, ok)); err != nil {
		return err
	}
	if err := writeEntity(b, historySheet, filter(history, func(h *model.WorkHistory) string { return h.PersonCode }, ok)); err != nil {
		return err
	}
	if err := writeEntity(b, relativeSheet, filter(relatives, func(r *model.Relative) string { return r.PersonCode }, ok)); err != nil {
		return err
	}
	if err := writeEntity(b, declarationSheet, filter(decls, func(d *model.Declaration) string { return d.PersonCode }, ok)); err != nil {
		return err
	}
	if err := writeEntity(b, tieSheet, filter(ties, func(t *model.Tie) string { return t.PersonCode }, ok)); err != nil {
		return err
	}
	return writeEntity(b, trainingSheet, filter(trainings, func(t *model.Training) string { return t.PersonCode }, ok))
}

// writeTasks writes 巡察任务 (a row per team unit, rounds in term and number
// order, teams in order) and 编组记录 (members by team, in the order they
// were placed), with every field of the round, team, team unit and member
// that the database holds: a team's own dates or the round's; the round's
// own on-site dates where they are not the span of its rows.
func writeTasks(db *gorm.DB, b *book) error {
	var (
		rounds  []model.Round
		teams   []model.Team
		units   []model.TeamUnit
		members []model.TeamMember
	)
	for _, q := range []struct {
		dst   any
		order string
	}{
		{&rounds, "term_code, number, code"}, {&teams, "round_code, seq, name"},
		{&units, "team_id, unit_code"}, {&members, "team_id, id"},
	} {
		if err := db.Order(q.order).Find(q.dst).Error; err != nil {
			return err
		}
	}
	unitsOf := make(map[uint][]model.TeamUnit)
	for _, u := range units {
		unitsOf[u.TeamID] = append(unitsOf[u.TeamID], u)
	}
	membersOf := make(map[uint][]model.TeamMember)
	for _, m := range members {
		membersOf[m.TeamID] = append(membersOf[m.TeamID], m)
	}
	teamsOf := make(map[string][]model.Team)
	for _, t := range teams {
		teamsOf[t.RoundCode] = append(teamsOf[t.RoundCode], t)
	}
	var taskRows []taskRow
	var memberRows []memberRow
	for _, r := range rounds {
		first := len(taskRows)
		span := &minmax{}
		for _, t := range teamsOf[r.Code] {
			start, end := t.OnsiteStart, t.OnsiteEnd
			if start == "" {
				start = r.OnsiteStart
			}
			if end == "" {
				end = r.OnsiteEnd
			}
			for _, u := range unitsOf[t.ID] {
				span.add(start, end)
				taskRows = append(taskRows, taskRow{
					Term: r.TermCode, Round: r.Code, RoundName: r.Name, Type: r.Type, Mode: r.Mode,
					Team: t.Name, Unit: u.UnitCode, Start: start, End: end,
					Seq: strconv.Itoa(t.Seq), Number: strconv.Itoa(r.Number),
					Prep: r.PrepStart, ReportEnd: r.ReportEnd, Feedback: r.FeedbackDate, RectifyDue: r.RectifyDue, Check: r.CheckDate,
					Level: r.Level, Links: r.Links, JointUnits: r.JointUnits, JointCategories: r.JointCategories,
				})
			}
			for _, m := range membersOf[t.ID] {
				memberRows = append(memberRows, memberRow{
					Round: r.Code, Team: t.Name, Person: m.PersonCode, Role: m.Role, Evaluation: m.Evaluation,
					Comment: m.Comment, Locked: m.Locked, EvalState: m.EvalState,
				})
			}
		}
		for i := first; i < len(taskRows); i++ {
			if r.OnsiteStart != span.start {
				taskRows[i].RoundStart = r.OnsiteStart
			}
			if r.OnsiteEnd != span.end {
				taskRows[i].RoundEnd = r.OnsiteEnd
			}
		}
	}
	if err := writeEntity(b, taskSheet, taskRows); err != nil {
		return err
	}
	return writeEntity(b, memberSheet, memberRows)
}
