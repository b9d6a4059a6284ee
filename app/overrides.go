package app

// The service methods of overrides (回避豁免, SPEC §4.2): the request, the
// approval by a 领导, and the lists.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/model"
)

// OverrideView is an override (回避豁免) with the names a list shows.
type OverrideView struct {
	ID                   uint
	Round, Team          string // round code, team name
	Person, PersonName   string
	Rule                 string
	Unit, UnitName       string // "" when it covers every unit of the team
	Reason               string
	EnteredBy, EnteredAt string
	Approver, ApprovedAt string // "" while awaiting approval
	TeamID               uint
}

// Pending reports whether the override awaits a leader's approval.
func (o OverrideView) Pending() bool { return o.Approver == "" }

// RequestOverride asks for a hard recusal hit of person on team teamID to
// be lifted (SPEC §4.2): rule is the rule code, unit the unit ("" for
// every unit of the team), reason the written reason. It stays pending
// until a leader approves it. Asking again for a pending override replaces
// its reason.
func (s *Service) RequestOverride(teamID uint, person, rule, unit, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errors.New("申请豁免须写明理由")
	}
	if !slices.Contains(recusal.Rules, rule) {
		return fmt.Errorf("回避规则 %q 无效（应为 %s）", rule, strings.Join(recusal.Rules, "、"))
	}
	var team model.Team
	if err := s.DB.Where("id = ?", teamID).Limit(1).Find(&team).Error; err != nil {
		return fmt.Errorf("读取巡察组失败: %w", err)
	}
	if team.ID == 0 {
		return fmt.Errorf("巡察组 %d %w", teamID, ErrNotFound)
	}
	var n int64
	if err := s.DB.Model(&model.Person{}).Where("code = ?", person).Count(&n).Error; err != nil {
		return fmt.Errorf("读取人员失败: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("人员 %s %w", person, ErrNotFound)
	}
	if unit != "" {
		if err := s.DB.Model(&model.TeamUnit{}).Where("team_id = ? AND unit_code = ?", teamID, unit).Count(&n).Error; err != nil {
			return fmt.Errorf("读取巡察组单位失败: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("单位 %s 不是 %s 的被巡察单位", unit, team.Name)
		}
	}
	var old model.Override
	if err := s.DB.Where("team_id = ? AND person_code = ? AND rule = ? AND unit_code = ?", teamID, person, rule, unit).
		Limit(1).Find(&old).Error; err != nil {
		return fmt.Errorf("读取豁免失败: %w", err)
	}
	if old.ID != 0 && old.Approver != "" {
		return fmt.Errorf("%s 在 %s 的 %s 回避已于 %s 由 %s 批准豁免", person, team.Name, rule, old.ApprovedAt, old.Approver)
	}
	row := old
	row.TeamID, row.PersonCode, row.Rule, row.UnitCode = teamID, person, rule, unit
	row.Reason, row.EnteredBy, row.EnteredAt = reason, s.User, time.Now().Format(audit.TimeLayout)
	e := audit.Entry{Action: "豁免申请", Entity: "回避豁免", Key: overrideKey(team, person, rule, unit), After: row}
	if old.ID != 0 {
		e.Before = old
	}
	return s.Write(e, func(tx *gorm.DB) error { return tx.Save(&row).Error })
}

// ApproveOverride approves override id in the name of approver, who must be
// a user with the role 领导.
func (s *Service) ApproveOverride(id uint, approver string) error {
	var u model.User
	if err := s.DB.Where("name = ?", approver).Limit(1).Find(&u).Error; err != nil {
		return fmt.Errorf("读取用户失败: %w", err)
	}
	if u.Name == "" || u.Role != vocab.UserLeader {
		return fmt.Errorf("只有角色为%s的用户可以批准豁免，%q 不是", vocab.UserLeader, approver)
	}
	if s.Role != "" && approver != s.User {
		return fmt.Errorf("只能以本人（%s）的名义批准豁免，不能代 %s 批准", s.User, approver)
	}
	var o model.Override
	if err := s.DB.Where("id = ?", id).Limit(1).Find(&o).Error; err != nil {
		return fmt.Errorf("读取豁免失败: %w", err)
	}
	if o.ID == 0 {
		return fmt.Errorf("豁免申请 %d %w", id, ErrNotFound)
	}
	if o.Approver != "" {
		return fmt.Errorf("豁免申请 %d 已由 %s 于 %s 批准", id, o.Approver, o.ApprovedAt)
	}
	var team model.Team
	s.DB.Where("id = ?", o.TeamID).Limit(1).Find(&team)
	before := o
	o.Approver, o.ApprovedAt = approver, time.Now().Format(audit.TimeLayout)
	e := audit.Entry{Action: "豁免批准", Entity: "回避豁免", Key: overrideKey(team, o.PersonCode, o.Rule, o.UnitCode), Before: before, After: o}
	return s.Write(e, func(tx *gorm.DB) error { return tx.Save(&o).Error })
}

// Overrides lists the overrides, newest request first; pendingOnly keeps
// those awaiting approval.
func (s *Service) Overrides(pendingOnly bool) ([]OverrideView, error) {
	q := s.DB.Order("id desc")
	if pendingOnly {
		q = q.Where("approver = ''")
	}
	var rows []model.Override
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取豁免失败: %w", err)
	}
	out := make([]OverrideView, 0, len(rows))
	teams := map[uint]model.Team{}
	for _, o := range rows {
		t, ok := teams[o.TeamID]
		if !ok {
			s.DB.Where("id = ?", o.TeamID).Limit(1).Find(&t)
			teams[o.TeamID] = t
		}
		v := OverrideView{ID: o.ID, TeamID: o.TeamID, Round: t.RoundCode, Team: t.Name, Person: o.PersonCode,
			PersonName: o.PersonCode, Rule: o.Rule, Unit: o.UnitCode, UnitName: o.UnitCode, Reason: o.Reason,
			EnteredBy: o.EnteredBy, EnteredAt: o.EnteredAt, Approver: o.Approver, ApprovedAt: o.ApprovedAt}
		var p model.Person
		if s.DB.Select("code", "name").Where("code = ?", o.PersonCode).Limit(1).Find(&p); p.Name != "" {
			v.PersonName = p.Name
		}
		if o.UnitCode != "" {
			var u model.Unit
			if s.DB.Select("code", "name").Where("code = ?", o.UnitCode).Limit(1).Find(&u); u.Name != "" {
				v.UnitName = u.Name
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// PendingOverrides lists the overrides awaiting a leader's approval.
func (s *Service) PendingOverrides() ([]OverrideView, error) { return s.Overrides(true) }

// overrideKey names an override in the audit log: round/team/person/rule[/unit].
func overrideKey(t model.Team, person, rule, unit string) string {
	k := t.RoundCode + "/" + t.Name + "/" + person + "/" + rule
	if unit != "" {
		k += "/" + unit
	}
	return k
}
