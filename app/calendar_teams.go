package app

// The teams of the calendar: adding a team with its units, changing its
// units and on-site dates, recording the rectification reports received
// and the members' evaluations (鉴定).

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// AddTeam adds team name to round with its units, which must all lie in
// one county and be on no other team of the round. The warnings name the
// units already inspected in another round of the term (allowed, but
// flagged as a conflict).
func (s *Service) AddTeam(round, name string, units []string) (model.Team, []string, error) {
	var r model.Round
	if err := s.DB.Where("code = ?", round).Limit(1).Find(&r).Error; err != nil || r.Code == "" {
		return model.Team{}, nil, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	if name == "" {
		return model.Team{}, nil, errors.New("巡察组名称不能为空")
	}
	var n int64
	s.DB.Model(&model.Team{}).Where("round_code = ? AND name = ?", round, name).Count(&n)
	if n > 0 {
		return model.Team{}, nil, fmt.Errorf("%s 已有名为 %s 的巡察组", round, name)
	}
	warn, err := s.checkTeamUnits(r, 0, units)
	if err != nil {
		return model.Team{}, nil, err
	}
	var seq int
	s.DB.Model(&model.Team{}).Where("round_code = ?", round).Select("coalesce(max(seq), 0)").Scan(&seq)
	t := model.Team{RoundCode: round, Name: name, Seq: seq + 1}
	e := audit.Entry{Action: "新增", Entity: "巡察组", Key: round + "/" + name, After: map[string]any{"team": t, "units": units}}
	err = s.Write(e, func(tx *gorm.DB) error {
		t.ID = 0 // a retry creates it afresh
		model.SetStamp(&t, s.User, time.Now())
		if err := tx.Create(&t).Error; err != nil {
			return fmt.Errorf("保存巡察组失败: %w", err)
		}
		return createTeamUnits(tx, t, units)
	})
	return t, warn, err
}

// TeamEdit is a team as the round form's 巡察组 tab edits it: its units
// and its own on-site dates (zero: the round's), with the stamp of the
// team as read (the team's stamp covers its units).
type TeamEdit struct {
	ID         uint
	Units      []string // by code
	Start, End civil.Date
	Stamp      model.Stamp
}

// teamEditLog is a team edit as the audit log records it.
type teamEditLog struct {
	Units       []string
	OnsiteStart string `json:",omitempty"`
	OnsiteEnd   string `json:",omitempty"`
}

// TeamForEdit reads team id as it is now, for its form: units, dates and
// stamp, read together.
func (s *Service) TeamForEdit(id uint) (TeamEdit, error) {
	t, _, err := s.teamAndRound(id)
	if err != nil {
		return TeamEdit{}, err
	}
	var units []string
	if err := s.DB.Model(&model.TeamUnit{}).Where("team_id = ?", id).Order("unit_code").Pluck("unit_code", &units).Error; err != nil {
		return TeamEdit{}, fmt.Errorf("读取巡察组的被巡察单位失败: %w", err)
	}
	return TeamEdit{ID: id, Units: units, Start: date(t.OnsiteStart), End: date(t.OnsiteEnd), Stamp: t.Stamp}, nil
}

// SaveTeam stores the units and own on-site dates of team ed.ID (same
// rules as AddTeam; dates inside the term, end not before start) in one
// transaction: a unit that stays keeps its milestones, and a unit with
// findings or clues of the team stays. It is saved only while the team is
// still at ed's stamp (another clerk's change of its units or dates since
// refuses it with who and when). The warnings are AddTeam's.
func (s *Service) SaveTeam(ed TeamEdit) ([]string, error) {
	t, r, err := s.teamAndRound(ed.ID)
	if err != nil {
		return nil, err
	}
	warn, err := s.checkTeamUnits(r, ed.ID, ed.Units)
	if err != nil {
		return nil, err
	}
	if !ed.Start.IsZero() && !ed.End.IsZero() && ed.End < ed.Start {
		return nil, fmt.Errorf("进驻结束（%s）早于进驻开始（%s）", ed.End, ed.Start)
	}
	var term model.Term
	s.DB.Where("code = ?", r.TermCode).Limit(1).Find(&term)
	if err := withinTerm(term, ed.Start.String(), ed.End.String()); err != nil {
		return nil, err
	}
	units := slices.Clone(ed.Units)
	var before teamEditLog
	after := teamEditLog{Units: units, OnsiteStart: ed.Start.String(), OnsiteEnd: ed.End.String()}
	e := audit.Entry{Action: "修改", Entity: "巡察组", Key: t.RoundCode + "/" + t.Name, Before: &before, After: after}
	return warn, s.Write(e, func(tx *gorm.DB) error {
		var cur model.Team
		if err := tx.Where("id = ?", ed.ID).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		if cur.ID == 0 {
			return &model.ConflictError{Gone: true}
		}
		if err := model.Stale(cur.Stamp, ed.Stamp); err != nil {
			return err
		}
		var old []string
		if err := tx.Model(&model.TeamUnit{}).Where("team_id = ?", ed.ID).Order("unit_code").Pluck("unit_code", &old).Error; err != nil {
			return err
		}
		before = teamEditLog{Units: old, OnsiteStart: cur.OnsiteStart, OnsiteEnd: cur.OnsiteEnd}
		if err := teamResultsLeft(tx, cur, units); err != nil {
			return err
		}
		cur.OnsiteStart, cur.OnsiteEnd = ed.Start.String(), ed.End.String()
		if err := model.SaveStamped(tx, &cur, ed.Stamp, s.User, time.Now()); err != nil {
			return err
		}
		if slices.Equal(old, sortedCopy(units)) {
			return nil
		}
		if err := tx.Where("team_id = ?", ed.ID).Delete(&model.TeamUnit{}).Error; err != nil {
			return err
		}
		return createTeamUnits(tx, cur, units)
	})
}

// sortedCopy is a sorted copy of codes.
func sortedCopy(codes []string) []string {
	out := slices.Clone(codes)
	slices.Sort(out)
	return out
}

// SetTeamUnits replaces the units of team id, as it is now, keeping its
// dates (see SaveTeam).
func (s *Service) SetTeamUnits(id uint, units []string) ([]string, error) {
	ed, err := s.TeamForEdit(id)
	if err != nil {
		return nil, err
	}
	ed.Units = units
	return s.SaveTeam(ed)
}

// SetTeamOnsite sets team id's own on-site dates (zero: the round's),
// keeping its units (see SaveTeam).
func (s *Service) SetTeamOnsite(id uint, start, end civil.Date) error {
	ed, err := s.TeamForEdit(id)
	if err != nil {
		return err
	}
	ed.Start, ed.End = start, end
	_, err = s.SaveTeam(ed)
	return err
}

// DeleteTeam deletes team id with its units, members and overrides.
func (s *Service) DeleteTeam(id uint) error {
	t, _, err := s.teamAndRound(id)
	if err != nil {
		return err
	}
	e := audit.Entry{Action: "删除", Entity: "巡察组", Key: t.RoundCode + "/" + t.Name, Before: t}
	return s.Write(e, func(tx *gorm.DB) error {
		if err := teamResultsLeft(tx, t, nil); err != nil {
			return err
		}
		if err := tx.Where("round_code = ? AND team = ?", t.RoundCode, t.Name).Delete(&model.Milestone{}).Error; err != nil {
			return err
		}
		for _, child := range []any{&model.TeamUnit{}, &model.TeamMember{}, &model.Override{}} {
			if err := tx.Where("team_id = ?", id).Delete(child).Error; err != nil {
				return err
			}
		}
		return tx.Delete(&model.Team{}, id).Error
	})
}

// RecordReportReceived records the day the rectification report of unit,
// inspected by team id, was received (zero: not received): the unit's own
// 整改报告收到 milestone (see RecordMilestone).
func (s *Service) RecordReportReceived(id uint, unit string, day civil.Date) error {
	t, _, err := s.teamAndRound(id)
	if err != nil {
		return err
	}
	var n int64
	if err := s.DB.Model(&model.TeamUnit{}).Where("team_id = ? AND unit_code = ?", id, unit).Count(&n).Error; err != nil || n == 0 {
		return fmt.Errorf("%s 未巡察单位 %s", t.Name, unit)
	}
	return s.RecordMilestone(MilestoneEntry{Round: t.RoundCode, Team: t.Name, Unit: unit, Kind: vocab.MsRectifyReport, Date: day})
}

// teamAndRound loads team id and its round.
func (s *Service) teamAndRound(id uint) (model.Team, model.Round, error) {
	var t model.Team
	var r model.Round
	if err := s.DB.Where("id = ?", id).Limit(1).Find(&t).Error; err != nil || t.ID == 0 {
		return t, r, fmt.Errorf("巡察组 %d %w", id, ErrNotFound)
	}
	s.DB.Where("code = ?", t.RoundCode).Limit(1).Find(&r)
	return t, r, nil
}

// checkTeamUnits checks the units of a team of round r (team id, 0 for a
// new one): they exist, lie in one county, appear once and are on no other
// team of the round. It warns of units inspected in another round of the term.
func (s *Service) checkTeamUnits(r model.Round, id uint, units []string) ([]string, error) {
	county := ""
	var warn []string
	for i, code := range units {
		if slices.Contains(units[:i], code) {
			return nil, fmt.Errorf("单位 %s 重复", code)
		}
		var u model.Unit
		if err := s.DB.Where("code = ?", code).Limit(1).Find(&u).Error; err != nil || u.Code == "" {
			return nil, fmt.Errorf("单位 %s 不存在", code)
		}
		if county == "" {
			county = u.CountyCode
		} else if u.CountyCode != county {
			return nil, fmt.Errorf("一个巡察组的单位须在同一县区：%s（%s）与其他单位不在同一县区", u.Name, code)
		}
		var other model.Team
		s.DB.Table("teams").Joins("JOIN team_units ON team_units.team_id = teams.id").
			Where("team_units.round_code = ? AND team_units.unit_code = ? AND teams.id <> ?", r.Code, code, id).
			Select("teams.*").Limit(1).Find(&other)
		if other.ID != 0 {
			return nil, fmt.Errorf("%s（%s）已编入本轮的%s", u.Name, code, other.Name)
		}
		var earlier []string
		s.DB.Table("team_units").Joins("JOIN rounds ON rounds.code = team_units.round_code").
			Where("rounds.term_code = ? AND team_units.unit_code = ? AND rounds.code <> ?", r.TermCode, code, r.Code).
			Order("rounds.number, rounds.code").Pluck("rounds.code", &earlier)
		if earlier = slices.Compact(earlier); len(earlier) > 0 {
			warn = append(warn, fmt.Sprintf("%s（%s）本届期内已在轮次 %s 巡察", u.Name, code, strings.Join(earlier, "、")))
		}
	}
	return warn, nil
}

// createTeamUnits inserts the units of team t. (Their milestones, kept by
// round, team and unit, stay.)
func createTeamUnits(tx *gorm.DB, t model.Team, units []string) error {
	for _, code := range units {
		tu := model.TeamUnit{TeamID: t.ID, RoundCode: t.RoundCode, UnitCode: code}
		if err := tx.Create(&tu).Error; err != nil {
			return fmt.Errorf("保存巡察组单位 %s 失败: %w", code, err)
		}
	}
	return nil
}
