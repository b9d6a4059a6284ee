package app

// The teams of the calendar: adding a team with its units, changing its
// units and on-site dates, recording the rectification reports received
// and the members' evaluations (鉴定).

import (
	"errors"
	"fmt"
	"slices"
	"strings"

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
		if err := tx.Create(&t).Error; err != nil {
			return fmt.Errorf("保存巡察组失败: %w", err)
		}
		return createTeamUnits(tx, t, units)
	})
	return t, warn, err
}

// SetTeamUnits replaces the units of team id (same rules as AddTeam). A
// unit that stays keeps its rectification report's received date.
func (s *Service) SetTeamUnits(id uint, units []string) ([]string, error) {
	t, r, err := s.teamAndRound(id)
	if err != nil {
		return nil, err
	}
	warn, err := s.checkTeamUnits(r, id, units)
	if err != nil {
		return nil, err
	}
	var old []model.TeamUnit
	if err := s.DB.Where("team_id = ?", id).Order("unit_code").Find(&old).Error; err != nil {
		return nil, fmt.Errorf("读取巡察组的被巡察单位失败: %w", err)
	}
	before := make([]string, len(old))
	for i, tu := range old {
		before[i] = tu.UnitCode
	}
	e := audit.Entry{Action: "修改", Entity: "巡察组", Key: t.RoundCode + "/" + t.Name, Before: before, After: units}
	return warn, s.Write(e, func(tx *gorm.DB) error {
		if err := teamResultsLeft(tx, t, units); err != nil {
			return err
		}
		if err := tx.Where("team_id = ?", id).Delete(&model.TeamUnit{}).Error; err != nil {
			return err
		}
		return createTeamUnits(tx, t, units)
	})
}

// SetTeamOnsite sets team id's own on-site dates (zero: the round's).
func (s *Service) SetTeamOnsite(id uint, start, end civil.Date) error {
	t, r, err := s.teamAndRound(id)
	if err != nil {
		return err
	}
	if !start.IsZero() && !end.IsZero() && end < start {
		return fmt.Errorf("进驻结束（%s）早于进驻开始（%s）", end, start)
	}
	var term model.Term
	s.DB.Where("code = ?", r.TermCode).Limit(1).Find(&term)
	if err := withinTerm(term, start.String(), end.String()); err != nil {
		return err
	}
	after := t
	after.OnsiteStart, after.OnsiteEnd = start.String(), end.String()
	e := audit.Entry{Action: "修改", Entity: "巡察组", Key: t.RoundCode + "/" + t.Name, Before: t, After: after}
	return s.Write(e, func(tx *gorm.DB) error {
		return tx.Model(&model.Team{}).Where("id = ?", id).
			Updates(map[string]any{"onsite_start": after.OnsiteStart, "onsite_end": after.OnsiteEnd}).Error
	})
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
