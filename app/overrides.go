package app

// The service methods of overrides (回避豁免, SPEC §4.2 and §10.3): the
// request for a rule the settings let be lifted (可豁免), its approval or
// refusal (驳回) by a 领导, the withdrawal (撤销) of an approved one, the
// evidence a leader decides on, and the lists.

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
	Status               string // vocab.OverridePending …
	// RefusedBy, RefusedAt and RefuseReason say who refused it (驳回),
	// when and why; WithdrawnBy … who withdrew it (撤销) once approved.
	RefusedBy, RefusedAt, RefuseReason       string
	WithdrawnBy, WithdrawnAt, WithdrawReason string
	TeamID                                   uint
	// Stamp is the override's stamp as read: a leader decides on what was
	// shown (Service.Seeing).
	Stamp model.Stamp
}

// Pending reports whether the override awaits a leader's decision.
func (o OverrideView) Pending() bool { return o.Status == vocab.OverridePending }

// InForce reports whether the override lifts its hit: approved and not
// withdrawn.
func (o OverrideView) InForce() bool { return o.Status == vocab.OverrideApproved }

// overrideStatus is the status of o: its own, or for a row written
// without one, approved when it names an approver and pending otherwise.
func overrideStatus(o model.Override) string {
	switch {
	case o.Status != "":
		return o.Status
	case o.Approver != "":
		return vocab.OverrideApproved
	}
	return vocab.OverridePending
}

// notLiftable is the refusal of a request or approval for a rule the
// settings keep strictly.
func notLiftable(rule string) error {
	return fmt.Errorf("%s %s 不可豁免：回避规则设置中该规则未设为“可豁免”（严格执行回避制度）", rule, recusal.RuleName(rule))
}

// RequestOverride asks for a hard recusal hit of person on team teamID to
// be lifted (SPEC §4.2, §10.3): rule is the rule code, unit the unit (""
// for every unit of the team), reason the written reason. The rule must be
// 可豁免 under the recusal settings, and for a rule of a unit (all but R6
// and R7) the person must have a hard hit of it on the team now. It stays
// pending until a leader approves or refuses it. Asking again for a
// pending override replaces its reason; a refused or withdrawn one stays
// on record beside the new request.
func (s *Service) RequestOverride(teamID uint, person, rule, unit, reason string) error {
	if err := s.Require(PermEdit); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errors.New("申请豁免须写明理由")
	}
	if !slices.Contains(recusal.Rules, rule) {
		return fmt.Errorf("回避规则 %q 无效（应为 %s）", rule, strings.Join(recusal.Rules, "、"))
	}
	set, err := s.RecusalSettings()
	if err != nil {
		return err
	}
	if !set.CanLift(rule) {
		return notLiftable(rule)
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
	if !recusal.PairRule(rule) {
		ev, err := s.hitEvidence(team.RoundCode, team.Name, person, rule, unit)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(ev.Hits, func(h EvidenceHit) bool { return h.Hard }) {
			return fmt.Errorf("按现有数据，%s 在 %s 没有须回避的 %s %s 情形，无须申请豁免", person, team.Name, rule, recusal.RuleName(rule))
		}
		if !slices.ContainsFunc(ev.Hits, func(h EvidenceHit) bool { return h.Hard && !h.Lifted }) {
			return fmt.Errorf("%s 在 %s 的 %s 回避已批准豁免", person, team.Name, rule)
		}
	}
	open, err := s.openOverrides(teamID, person, rule)
	if err != nil {
		return err
	}
	var old model.Override
	for _, o := range open {
		switch {
		case overrideStatus(o) == vocab.OverrideApproved && (o.UnitCode == "" || o.UnitCode == unit):
			return fmt.Errorf("%s 在 %s 的 %s 回避已于 %s 由 %s 批准豁免", person, team.Name, rule, o.ApprovedAt, o.Approver)
		case o.UnitCode == unit:
			old = o
		}
	}
	row := old
	row.TeamID, row.PersonCode, row.Rule, row.UnitCode = teamID, person, rule, unit
	row.Reason, row.EnteredBy, row.EnteredAt = reason, s.User, now()
	row.Status = vocab.OverridePending
	e := audit.Entry{Action: "豁免申请", Entity: "回避豁免", Key: overrideKey(team, person, rule, unit), After: row}
	if old.ID != 0 {
		e.Before = old
	}
	return s.Write(e, func(tx *gorm.DB) error {
		// another clerk may have asked meanwhile: one open request per key
		var n int64
		q := tx.Model(&model.Override{}).Where("team_id = ? AND person_code = ? AND rule = ? AND unit_code = ? AND status IN ?",
			teamID, person, rule, unit, []string{vocab.OverridePending, vocab.OverrideApproved})
		if old.ID != 0 {
			q = q.Where("id <> ?", old.ID)
		}
		if err := q.Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%s 在 %s 的 %s 回避已有豁免申请，请刷新后查看", person, team.Name, rule)
		}
		// a new reason for a pending request: only while nobody decided it meanwhile
		return s.saveStamped(tx, &row, old.Stamp, old.ID == 0)
	})
}

// openOverrides returns the pending and approved overrides of person's
// rule on team teamID.
func (s *Service) openOverrides(teamID uint, person, rule string) ([]model.Override, error) {
	var rows []model.Override
	if err := s.DB.Where("team_id = ? AND person_code = ? AND rule = ?", teamID, person, rule).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取豁免失败: %w", err)
	}
	return slices.DeleteFunc(rows, func(o model.Override) bool {
		st := overrideStatus(o)
		return st != vocab.OverridePending && st != vocab.OverrideApproved
	}), nil
}

// ApproveOverride approves pending override id in the name of approver,
// who must be the signed-in user with the role 领导. A rule the settings
// no longer let be lifted can only be refused.
func (s *Service) ApproveOverride(id uint, approver string) error {
	if s.Role != "" && approver != s.User {
		return fmt.Errorf("只能以本人（%s）的名义批准豁免，不能代 %s 批准", s.User, approver)
	}
	o, team, err := s.decidable(id, approver, "批准", vocab.OverridePending)
	if err != nil {
		return err
	}
	set, err := s.RecusalSettings()
	if err != nil {
		return err
	}
	if !set.CanLift(o.Rule) {
		return fmt.Errorf("%w；此项申请只能驳回", notLiftable(o.Rule))
	}
	before := o
	o.Approver, o.ApprovedAt, o.Status = approver, now(), vocab.OverrideApproved
	return s.decide("豁免批准", team, before, o)
}

// RefuseOverride refuses pending override id (驳回) with a written reason,
// in the name of the signed-in 领导.
func (s *Service) RefuseOverride(id uint, reason string) error {
	return s.close(id, reason, "驳回", vocab.OverridePending, "豁免驳回", func(o *model.Override, at, why string) {
		o.RefusedBy, o.RefusedAt, o.RefuseReason, o.Status = s.User, at, why, vocab.OverrideRefused
	})
}

// WithdrawOverride withdraws approved override id (撤销) with a written
// reason, in the name of the signed-in 领导: the hit binds again.
func (s *Service) WithdrawOverride(id uint, reason string) error {
	return s.close(id, reason, "撤销", vocab.OverrideApproved, "豁免撤销", func(o *model.Override, at, why string) {
		o.WithdrawnBy, o.WithdrawnAt, o.WithdrawReason, o.Status = s.User, at, why, vocab.OverrideWithdrawn
	})
}

// close ends override id, in state want, by a leader's decision with a
// written reason (verb: 驳回, 撤销; action: its audit entry): mark records
// who, when and why on it.
func (s *Service) close(id uint, reason, verb, want, action string, mark func(o *model.Override, at, why string)) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return fmt.Errorf("%s豁免须写明理由", verb)
	}
	o, team, err := s.decidable(id, s.User, verb, want)
	if err != nil {
		return err
	}
	before := o
	mark(&o, now(), reason)
	return s.decide(action, team, before, o)
}

// decidable reads override id for a leader's decision (verb: 批准, 驳回,
// 撤销) by user, who must be a 领导; the override must be in state want.
func (s *Service) decidable(id uint, user, verb, want string) (model.Override, model.Team, error) {
	var o model.Override
	var team model.Team
	if err := s.Require(PermApprove); err != nil {
		return o, team, err
	}
	var u model.User
	if err := s.DB.Where("name = ?", user).Limit(1).Find(&u).Error; err != nil {
		return o, team, fmt.Errorf("读取用户失败: %w", err)
	}
	if u.Name == "" || u.Role != vocab.UserLeader {
		return o, team, fmt.Errorf("只有角色为%s的用户可以%s豁免，%q 不是", vocab.UserLeader, verb, user)
	}
	if err := s.DB.Where("id = ?", id).Limit(1).Find(&o).Error; err != nil {
		return o, team, fmt.Errorf("读取豁免失败: %w", err)
	}
	if o.ID == 0 {
		return o, team, fmt.Errorf("豁免申请 %d %w", id, ErrNotFound)
	}
	if s.seen != nil { // changed since the leader saw it: decided, or asked again with a new reason
		if err := model.Stale(o.Stamp, *s.seen); err != nil {
			return o, team, overrideChanged(o, err)
		}
	}
	if st := overrideStatus(o); st != want {
		return o, team, fmt.Errorf("豁免申请 %d %s，不能%s", id, overrideState(o), verb)
	}
	if err := s.DB.Where("id = ?", o.TeamID).Limit(1).Find(&team).Error; err != nil {
		return o, team, fmt.Errorf("读取巡察组失败: %w", err)
	}
	return o, team, nil
}

// overrideState says in words where override o stands: "已由 李主任 于 … 批准".
func overrideState(o model.Override) string {
	switch overrideStatus(o) {
	case vocab.OverrideApproved:
		return fmt.Sprintf("已由 %s 于 %s 批准", o.Approver, o.ApprovedAt)
	case vocab.OverrideRefused:
		return fmt.Sprintf("已由 %s 于 %s 驳回", o.RefusedBy, o.RefusedAt)
	case vocab.OverrideWithdrawn:
		return fmt.Sprintf("已由 %s 于 %s 撤销", o.WithdrawnBy, o.WithdrawnAt)
	}
	return "尚待审批"
}

// decide writes a leader's decision on an override (after, which was
// before) with its audit entry, provided nobody changed it since it was
// read (decidable: as the leader saw it, Seeing). Otherwise the decision
// is refused with who changed it and when.
func (s *Service) decide(action string, team model.Team, before, after model.Override) error {
	read := before.Stamp // decidable checked it against what the leader saw
	e := audit.Entry{Action: action, Entity: "回避豁免", Key: overrideKey(team, after.PersonCode, after.Rule, after.UnitCode),
		Before: before, After: after}
	return s.Write(e, func(tx *gorm.DB) error {
		if err := model.SaveStamped(tx, &after, read, s.User, time.Now()); err != nil {
			var now model.Override
			tx.Where("id = ?", before.ID).Limit(1).Find(&now)
			return overrideChanged(now, err)
		}
		return nil
	})
}

// overrideChanged names the override a conflict refuses a decision on, and
// says where it stands now ("豁免申请 3（已由 李主任 于 … 批准）").
func overrideChanged(now model.Override, err error) error {
	if now.ID == 0 {
		return err
	}
	return model.Naming(err, fmt.Sprintf("豁免申请 %d（%s）", now.ID, overrideState(now)))
}

// now is the time a request or decision is recorded at.
func now() string { return time.Now().Format(audit.TimeLayout) }

// Overrides lists the overrides, newest request first; pendingOnly keeps
// those awaiting a decision.
func (s *Service) Overrides(pendingOnly bool) ([]OverrideView, error) {
	var rows []model.Override
	if err := s.DB.Order("id desc").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("读取豁免失败: %w", err)
	}
	out := make([]OverrideView, 0, len(rows))
	teams := map[uint]model.Team{}
	for _, o := range rows {
		st := overrideStatus(o)
		if pendingOnly && st != vocab.OverridePending {
			continue
		}
		t, ok := teams[o.TeamID]
		if !ok {
			s.DB.Where("id = ?", o.TeamID).Limit(1).Find(&t)
			teams[o.TeamID] = t
		}
		v := OverrideView{ID: o.ID, TeamID: o.TeamID, Round: t.RoundCode, Team: t.Name, Person: o.PersonCode,
			PersonName: o.PersonCode, Rule: o.Rule, Unit: o.UnitCode, UnitName: o.UnitCode, Reason: o.Reason,
			EnteredBy: o.EnteredBy, EnteredAt: o.EnteredAt, Approver: o.Approver, ApprovedAt: o.ApprovedAt, Status: st,
			RefusedBy: o.RefusedBy, RefusedAt: o.RefusedAt, RefuseReason: o.RefuseReason,
			WithdrawnBy: o.WithdrawnBy, WithdrawnAt: o.WithdrawnAt, WithdrawReason: o.WithdrawReason, Stamp: o.Stamp}
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

// PendingOverrides lists the overrides awaiting a leader's decision.
func (s *Service) PendingOverrides() ([]OverrideView, error) { return s.Overrides(true) }

// overrideKey names an override in the audit log: round/team/person/rule[/unit].
func overrideKey(t model.Team, person, rule, unit string) string {
	k := t.RoundCode + "/" + t.Name + "/" + person + "/" + rule
	if unit != "" {
		k += "/" + unit
	}
	return k
}
