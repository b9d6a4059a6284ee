package app

// The ledger of a round's results (成果运用, SPEC §9) as the service
// offers it: its settings, the data it is computed over, the figures of
// `xuncha ledger` and the right to see clue rows.

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/vocab"
	"xuncha/model"
)

// LedgerSettings reads the ledger's settings (defaults when never saved).
func (s *Service) LedgerSettings() (ledger.Settings, error) {
	set := ledger.Defaults()
	if err := s.LoadSetting(ledger.SettingsKey, &set); err != nil {
		return ledger.Defaults(), err
	}
	return set.Normalized(), nil
}

// SaveLedgerSettings stores the ledger's settings.
func (s *Service) SaveLedgerSettings(set ledger.Settings) error {
	return s.SaveSetting(ledger.SettingsKey, set.Normalized())
}

// CanSeeClues reports whether the signed-in user may see clue rows (线索管理);
// without it, only counts.
func (s *Service) CanSeeClues() bool { return s.Can(PermClues) }

// LedgerData loads what the ledger is computed over: every round with its
// teams and units, the milestones, findings and items, and the clues (rows
// named only for a user with 线索管理; counted for everyone).
func (s *Service) LedgerData() (*ledger.Data, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	all, err := loadRoundTables(s.DB)
	if err != nil {
		return nil, err
	}
	d := toLedger(all, &model.ResultTables{}, s.CanSeeClues())
	if err := scanResults(s.DB, d); err != nil {
		return nil, fmt.Errorf("读取成果数据失败: %w", err)
	}
	return d, nil
}

// scanResults reads the milestones, findings, items and clues into d by
// plain scans of the columns the ledger uses (a province term holds about
// 100,000 rows: gorm's reflection would take most of the time).
func scanResults(db *gorm.DB, d *ledger.Data) error {
	scan := func(query string, n int, each func([]string)) error { return scanStrings(db, query, n, each) }
	date := ledger.ParseDate
	return errors.Join(
		scan("SELECT round_code, team, unit_code, kind, date, recorder FROM milestones ORDER BY round_code, team, unit_code, kind", 6, func(v []string) {
			d.Milestones = append(d.Milestones, ledger.Milestone{Round: v[0], Team: v[1], Unit: v[2], Kind: v[3], Date: date(v[4]), Recorder: v[5]})
		}),
		scan("SELECT code, round_code, team, unit_code, category, on_the_spot FROM findings ORDER BY code", 6, func(v []string) {
			d.Findings = append(d.Findings, ledger.Finding{Code: v[0], Round: v[1], Team: v[2], Unit: v[3], Category: v[4],
				OnTheSpot: v[5] == "1" || v[5] == "true"})
		}),
		scan("SELECT code, finding_code, dept, owner, state, measure, due, done_on FROM rectify_items ORDER BY code", 8, func(v []string) {
			d.Items = append(d.Items, ledger.Item{Code: v[0], Finding: v[1], Dept: v[2], Owner: v[3], State: v[4], Measure: v[5],
				Due: date(v[6]), DoneOn: date(v[7])})
		}),
		scan("SELECT code, round_code, team, unit_code, receiver, handed_on, feedback_due, feedback_on FROM clues ORDER BY code", 8, func(v []string) {
			d.Clues = append(d.Clues, ledger.Clue{Code: v[0], Round: v[1], Team: v[2], Unit: v[3], Receiver: v[4],
				HandedOn: date(v[5]), FeedbackDue: date(v[6]), FeedbackOn: date(v[7])})
		}),
	)
}

// scanStrings runs query and hands each row's n columns to each as text
// (NULL as ""), without gorm's reflection.
func scanStrings(db *gorm.DB, query string, n int, each func([]string)) error {
	rows, err := db.Raw(query).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	cols := make([]sql.NullString, n)
	ptrs := make([]any, n)
	for i := range cols {
		ptrs[i] = &cols[i]
	}
	vals := make([]string, n)
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, c := range cols {
			vals[i] = c.String
		}
		each(vals)
	}
	return rows.Err()
}

// loadRoundTables reads what the ledger needs of the calendar — the
// rounds, teams, team units and the units' names and jurisdictions — and
// nothing of the people, in the orders model.LoadTables uses.
func loadRoundTables(db *gorm.DB) (*model.Tables, error) {
	var t model.Tables
	for _, q := range []struct {
		dst   any
		cols  []string
		order string
	}{
		{&t.Units, []string{"code", "name", "county_code"}, "code"},
		{&t.Rounds, nil, "term_code, number, code"},
		{&t.Teams, nil, "round_code, seq, name"},
		{&t.TeamUnits, nil, "team_id, unit_code"},
	} {
		tx := db.Order(q.order)
		if q.cols != nil {
			tx = tx.Select(q.cols)
		}
		if err := tx.Find(q.dst).Error; err != nil {
			return nil, fmt.Errorf("读取数据失败: %w", err)
		}
	}
	return &t, nil
}

// toLedger turns the tables into the ledger's plain values.
func toLedger(all *model.Tables, res *model.ResultTables, clueRows bool) *ledger.Data {
	d := &ledger.Data{ClueRows: clueRows}
	units := make(map[string]model.Unit, len(all.Units))
	for _, u := range all.Units {
		units[u.Code] = u
	}
	teamUnits := make(map[uint][]ledger.Unit)
	for _, tu := range all.TeamUnits {
		u := units[tu.UnitCode]
		teamUnits[tu.TeamID] = append(teamUnits[tu.TeamID], ledger.Unit{Code: u.Code, Name: u.Name, County: u.CountyCode})
	}
	teams := make(map[string][]ledger.Team)
	for _, t := range all.Teams {
		teams[t.RoundCode] = append(teams[t.RoundCode], ledger.Team{Name: t.Name, Units: teamUnits[t.ID]})
	}
	for _, r := range all.Rounds {
		d.Rounds = append(d.Rounds, ledger.Round{Code: r.Code, Name: r.Name, Teams: teams[r.Code]})
	}
	for _, m := range res.Milestones {
		d.Milestones = append(d.Milestones, ledger.Milestone{Round: m.RoundCode, Team: m.Team, Unit: m.UnitCode,
			Kind: m.Kind, Date: date(m.Date), Recorder: m.Recorder})
	}
	for _, f := range res.Findings {
		d.Findings = append(d.Findings, ledger.Finding{Code: f.Code, Round: f.RoundCode, Team: f.Team, Unit: f.UnitCode,
			Category: f.Category, OnTheSpot: f.OnTheSpot})
	}
	for _, it := range res.Items {
		d.Items = append(d.Items, ledger.Item{Code: it.Code, Finding: it.FindingCode, Dept: it.Dept, Owner: it.Owner,
			State: it.State, Measure: it.Measure, Due: date(it.Due), DoneOn: date(it.DoneOn)})
	}
	for _, c := range res.Clues {
		d.Clues = append(d.Clues, ledger.Clue{Code: c.Code, Round: c.RoundCode, Team: c.Team, Unit: c.UnitCode,
			Receiver: c.Receiver, HandedOn: date(c.HandedOn), FeedbackDue: date(c.FeedbackDue), FeedbackOn: date(c.FeedbackOn)})
	}
	return d
}

// Ledger computes `xuncha ledger` (SPEC §9.3) on today: every round, or
// only round when it is not empty (ErrNotFound when no such round).
func (s *Service) Ledger(round string, today civil.Date) (ledger.Report, error) {
	d, err := s.LedgerData()
	if err != nil {
		return ledger.Report{}, err
	}
	if round != "" && !hasRound(d, round) {
		return ledger.Report{}, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	set, err := s.LedgerSettings()
	if err != nil {
		return ledger.Report{}, err
	}
	rep := ledger.Compute(d, set, today, round)
	n := 0
	for _, o := range rep.Overdue {
		if o.Kind == ledger.KindClue {
			n++
		}
	}
	if n > 0 {
		if err := s.auditClueView("整改台账 "+orAll(round), n); err != nil {
			return ledger.Report{}, err
		}
	}
	return rep, nil
}

func orAll(round string) string {
	if round == "" {
		return "全部轮次"
	}
	return "轮次 " + round
}

func hasRound(d *ledger.Data, code string) bool {
	for _, r := range d.Rounds {
		if r.Code == code {
			return true
		}
	}
	return false
}

// reportsReceived returns lookups of the day a unit's rectification
// report was received (its own 整改报告收到 milestone, else its team's,
// else the round's) and of the day it is due (the 反馈 milestone found the
// same way, plus the ledger's months; zero without 反馈).
func (s *Service) reportsReceived() (received, due func(round, team, unit string) civil.Date, err error) {
	var ms []model.Milestone
	if err := s.DB.Where("kind IN ?", []string{vocab.MsRectifyReport, vocab.MsFeedback}).Find(&ms).Error; err != nil {
		return nil, nil, fmt.Errorf("读取巡察节点失败: %w", err)
	}
	set, err := s.LedgerSettings()
	if err != nil {
		return nil, nil, err
	}
	d := &ledger.Data{}
	for _, m := range ms {
		d.Milestones = append(d.Milestones, ledger.Milestone{Round: m.RoundCode, Team: m.Team, Unit: m.UnitCode, Kind: m.Kind, Date: date(m.Date)})
	}
	ix := ledger.NewLookup(d)
	received = func(round, team, unit string) civil.Date {
		return ix.Milestone(round, team, unit, vocab.MsRectifyReport)
	}
	due = func(round, team, unit string) civil.Date {
		return ledger.AddMonths(ix.Milestone(round, team, unit, vocab.MsFeedback), set.ReportMonths)
	}
	return received, due, nil
}

// MilestoneEntry is a step to record: for a unit of a team, a team (Unit
// ""), or every team of the round (Team ""). A zero Date removes it.
type MilestoneEntry struct {
	Round, Team, Unit, Kind string
	Date                    civil.Date
	// Seen is the stamp of the step as the form read it (a zero stamp when
	// it showed none): the step is recorded only while it is still so
	// (SPEC §13.1). Nil records it whatever it is now (a headless caller).
	Seen *model.Stamp
}

func (m MilestoneEntry) key() string { return m.Round + "/" + m.Team + "/" + m.Unit + "/" + m.Kind }

// RecordMilestone records (or, with a zero date, removes) a milestone, the
// signed-in user as its recorder.
func (s *Service) RecordMilestone(m MilestoneEntry) error {
	return s.RecordMilestones([]MilestoneEntry{m})
}

// RecordMilestones records (or removes) the milestones ms in one
// transaction, all or none, the signed-in user as their recorder; one
// that changed since its form read it (Seen) refuses them all with who
// and when. One audit entry: of the milestone, or of the list.
func (s *Service) RecordMilestones(ms []MilestoneEntry) error {
	for _, m := range ms {
		if !validWord(m.Kind, vocab.Milestones) {
			return fmt.Errorf("“%s”不是巡察节点", m.Kind)
		}
		if m.Unit != "" && m.Team == "" {
			return fmt.Errorf("记录单位的节点须指明巡察组")
		}
		if err := s.checkRoundTeamUnit(s.DB, m.Round, m.Team, m.Unit); err != nil {
			return err
		}
	}
	if len(ms) == 0 {
		return nil
	}
	var before, after []*model.Milestone
	var was, is *model.Milestone // of a single milestone
	e := audit.Entry{Action: "修改", Entity: "巡察节点", Key: ms[0].key(), Before: &before, After: &after}
	if len(ms) == 1 {
		e.Before, e.After = &was, &is
		old, err := s.milestone(s.DB, ms[0])
		if err != nil {
			return err
		}
		switch {
		case ms[0].Date.IsZero() && old.ID == 0 && (ms[0].Seen == nil || ms[0].Seen.Version == 0):
			return nil // nothing to remove
		case ms[0].Date.IsZero():
			e.Action = "删除"
		case old.ID == 0:
			e.Action = "新增"
		}
	} else {
		e.Key = fmt.Sprintf("%s：%d 个节点", ms[0].Round, len(ms))
	}
	return s.Write(e, func(tx *gorm.DB) error {
		before, after = before[:0], after[:0]
		now := time.Now()
		for _, m := range ms {
			if err := s.checkRoundTeamUnit(tx, m.Round, m.Team, m.Unit); err != nil {
				return err
			}
			old, row, err := s.recordMilestone(tx, m, now)
			if err != nil && len(ms) > 1 {
				return model.Naming(err, "节点 "+m.key())
			}
			if err != nil {
				return err
			}
			before, after = append(before, old), append(after, row)
		}
		was, is = before[0], after[0]
		return nil
	})
}

// milestone reads the stored step m names (ID 0 when none).
func (s *Service) milestone(tx *gorm.DB, m MilestoneEntry) (model.Milestone, error) {
	var row model.Milestone
	err := tx.Where("round_code = ? AND team = ? AND unit_code = ? AND kind = ?", m.Round, m.Team, m.Unit, m.Kind).
		Limit(1).Find(&row).Error
	return row, err
}

// recordMilestone writes m inside tx at now and returns the step as it was
// and as it is (nil for none).
func (s *Service) recordMilestone(tx *gorm.DB, m MilestoneEntry, now time.Time) (old, row *model.Milestone, err error) {
	cur, err := s.milestone(tx, m)
	if err != nil {
		return nil, nil, err
	}
	read := cur.Stamp
	if m.Seen != nil {
		read = *m.Seen
	}
	if cur.ID == 0 {
		if read.Version > 0 {
			return nil, nil, &model.ConflictError{Gone: true}
		}
		if m.Date.IsZero() {
			return nil, nil, nil
		}
		row = &model.Milestone{RoundCode: m.Round, Team: m.Team, UnitCode: m.Unit, Kind: m.Kind, Date: m.Date.String(), Recorder: s.User}
		model.SetStamp(row, s.User, now)
		return nil, row, tx.Create(row).Error
	}
	was := cur
	if m.Date.IsZero() {
		return &was, nil, model.DeleteStamped(tx, &cur, read)
	}
	cur.Date, cur.Recorder = m.Date.String(), s.User
	return &was, &cur, model.SaveStamped(tx, &cur, read, s.User, now)
}

// checkRoundTeamUnit checks on db that round exists, that team ("" for
// none) is one of its teams and that unit ("" for none) is one of the
// team's units.
func (s *Service) checkRoundTeamUnit(db *gorm.DB, round, team, unit string) error {
	var n int64
	if err := db.Model(&model.Round{}).Where("code = ?", round).Count(&n).Error; err != nil || n == 0 {
		return fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	if team == "" {
		return nil
	}
	var t model.Team
	if err := db.Where("round_code = ? AND name = ?", round, team).Limit(1).Find(&t).Error; err != nil || t.ID == 0 {
		return fmt.Errorf("轮次 %s 中没有巡察组 %s", round, team)
	}
	if unit == "" {
		return nil
	}
	if err := db.Model(&model.TeamUnit{}).Where("team_id = ? AND unit_code = ?", t.ID, unit).Count(&n).Error; err != nil || n == 0 {
		return fmt.Errorf("单位 %s 不是轮次 %s %s的被巡察单位", unit, round, team)
	}
	return nil
}

// Milestones lists the milestones of round by team, unit and the order of
// the steps.
func (s *Service) Milestones(round string) ([]model.Milestone, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	var ms []model.Milestone
	if err := s.DB.Where("round_code = ?", round).Order("team, unit_code, kind").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("读取巡察节点失败: %w", err)
	}
	return ms, nil
}

func validWord(w string, words []string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
