package app

// The service methods of 鉴定 after a round (SPEC §11.2): the clerks of the
// office (管理员, 经办人) enter each member's grade and 评语, and the team's
// own, as proposed (拟定); a 领导 confirms them (确定) or returns them to
// be proposed again. Only confirmed grades count (R9, 巡察履历). A
// confirmed grade is not changed by a clerk: a 领导 returns it first. A
// 编组记录 import sets confirmed grades (the sheet's default): it is how an
// office brings in the 鉴定 of rounds it kept elsewhere.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// The audit actions of 鉴定; confirming and returning need PermConfirmEval.
const (
	actionProposeEval = "鉴定"
	actionConfirmEval = "鉴定确定"
	actionReturnEval  = "鉴定退回"
)

// The messages of 鉴定, in one place.
const (
	msgConfirmedGrade = "鉴定已确定，不能在此修改；如需修改，请领导先退回"
	msgCommentTooLong = "鉴定评语不能超过256字"
	msgTeamComment    = "巡察组鉴定评语不能超过512字"
	msgNothingToDo    = "没有需要%s的鉴定"
)

func msgBadGrade(grade string) error {
	return fmt.Errorf("鉴定等次 %q 不存在（应为 %s）", grade, strings.Join(vocab.Evaluations, "、"))
}

// MemberEval is the 鉴定 of one member of a team.
type MemberEval struct {
	Person, Name, Role string
	Grade, Comment     string
	State              string // 拟定, 确定; "" without a grade
}

// TeamEval is a team's own 鉴定.
type TeamEval struct {
	Grade, Comment string
	State          string
}

// TeamEvalSheet is what the 鉴定 screen shows of one team: its round, its
// members' grades in roster order, and its own.
type TeamEvalSheet struct {
	TeamID                 uint
	Round, RoundName, Team string
	OnsiteEnd              string // the team's (or round's) end of the on-site stage
	Members                []MemberEval
	Own                    TeamEval
}

// Proposed reports how many grades of the sheet (members' and the team's
// own) await confirmation.
func (t *TeamEvalSheet) Proposed() int {
	n := 0
	for _, m := range t.Members {
		if m.State == vocab.EvalProposed {
			n++
		}
	}
	if t.Own.State == vocab.EvalProposed {
		n++
	}
	return n
}

// TeamEvaluations returns the 鉴定 of team id.
func (s *Service) TeamEvaluations(id uint) (*TeamEvalSheet, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	t, r, err := s.teamAndRound(id)
	if err != nil {
		return nil, err
	}
	out := &TeamEvalSheet{TeamID: id, Round: r.Code, RoundName: r.Name, Team: t.Name, OnsiteEnd: t.OnsiteEnd}
	if out.OnsiteEnd == "" {
		out.OnsiteEnd = r.OnsiteEnd
	}
	var ms []model.TeamMember
	if err := s.DB.Where("team_id = ?", id).Order("id").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("读取编组记录失败: %w", err)
	}
	slices.SortStableFunc(ms, func(a, b model.TeamMember) int {
		return slices.Index(vocab.Roles, a.Role) - slices.Index(vocab.Roles, b.Role)
	})
	names := map[string]string{}
	var codes []string
	for _, m := range ms {
		codes = append(codes, m.PersonCode)
	}
	var people []model.Person
	if err := s.DB.Select("code", "name").Where("code IN ?", codes).Find(&people).Error; err != nil {
		return nil, fmt.Errorf("读取人员失败: %w", err)
	}
	for _, p := range people {
		names[p.Code] = p.Name
	}
	for _, m := range ms {
		out.Members = append(out.Members, MemberEval{Person: m.PersonCode, Name: names[m.PersonCode], Role: m.Role,
			Grade: m.Evaluation, Comment: m.Comment, State: m.EvalState})
	}
	var te model.TeamEvaluation
	if err := s.DB.Where("team_id = ?", id).Limit(1).Find(&te).Error; err != nil {
		return nil, fmt.Errorf("读取巡察组鉴定失败: %w", err)
	}
	out.Own = TeamEval{Grade: te.Grade, Comment: te.Comment, State: te.State}
	return out, nil
}

// ProposeEvaluations records the grades and 评语 of team id that differ
// from the stored ones as proposed (拟定): members (by person; the others
// are left as they are) and, when own is not nil, the team's own. A
// confirmed grade that would change refuses the whole change, naming it.
func (s *Service) ProposeEvaluations(id uint, members []MemberEval, own *TeamEval) error {
	if err := s.Require(PermEdit); err != nil {
		return err
	}
	cur, err := s.TeamEvaluations(id)
	if err != nil {
		return err
	}
	var changed []MemberEval
	var errs FormErrors
	for _, m := range members {
		m.Comment = strings.TrimSpace(m.Comment)
		if m.Grade != "" && !slices.Contains(vocab.Evaluations, m.Grade) {
			return msgBadGrade(m.Grade)
		}
		if utf8.RuneCountInString(m.Comment) > 256 {
			return errors.New(msgCommentTooLong)
		}
		i := slices.IndexFunc(cur.Members, func(x MemberEval) bool { return x.Person == m.Person })
		if i < 0 {
			return fmt.Errorf("%s 没有成员 %s", cur.Team, m.Person)
		}
		was := cur.Members[i]
		if was.Grade == m.Grade && was.Comment == m.Comment {
			continue
		}
		if was.State == vocab.EvalConfirmed {
			errs = append(errs, FieldError{nameOr(was.Name, was.Person), msgConfirmedGrade})
			continue
		}
		m.State = vocab.EvalProposed
		if m.Grade == "" {
			m.State = ""
		}
		changed = append(changed, m)
	}
	ownChanged := false
	if own != nil {
		own.Comment = strings.TrimSpace(own.Comment)
		if own.Grade != "" && !slices.Contains(vocab.Evaluations, own.Grade) {
			return msgBadGrade(own.Grade)
		}
		if utf8.RuneCountInString(own.Comment) > 512 {
			return errors.New(msgTeamComment)
		}
		if own.Grade != cur.Own.Grade || own.Comment != cur.Own.Comment {
			if cur.Own.State == vocab.EvalConfirmed {
				errs = append(errs, FieldError{"本组鉴定", msgConfirmedGrade})
			}
			ownChanged = true
			own.State = vocab.EvalProposed
			if own.Grade == "" && own.Comment == "" {
				own.State = ""
			}
		}
	}
	if len(errs) > 0 {
		return &errs
	}
	if len(changed) == 0 && !ownChanged {
		return nil
	}
	after := map[string]any{"成员": changed}
	if ownChanged {
		after["本组"] = own
	}
	key := cur.Round + "/" + cur.Team
	if len(changed) == 1 && !ownChanged {
		key += "/" + changed[0].Person
	}
	e := audit.Entry{Action: actionProposeEval, Entity: "编组记录", Key: key, Before: cur, After: after}
	return s.Write(e, func(tx *gorm.DB) error {
		for _, m := range changed {
			res := tx.Model(&model.TeamMember{}).Where("team_id = ? AND person_code = ? AND (eval_state IS NULL OR eval_state <> ?)",
				id, m.Person, vocab.EvalConfirmed).
				Updates(map[string]any{"evaluation": m.Grade, "comment": m.Comment, "eval_state": m.State})
			if res.Error != nil {
				return fmt.Errorf("保存鉴定失败: %w", res.Error)
			}
			if res.RowsAffected == 0 { // confirmed or removed meanwhile
				return fmt.Errorf("%s：%s", nameOr(m.Name, m.Person), msgConfirmedGrade)
			}
		}
		if ownChanged {
			return saveTeamEval(tx, id, *own, vocab.EvalConfirmed)
		}
		return nil
	})
}

// saveTeamEval writes the team's own 鉴定, unless it is stored in state
// keep (then someone changed it meanwhile: refused).
func saveTeamEval(tx *gorm.DB, id uint, own TeamEval, keep string) error {
	var te model.TeamEvaluation
	if err := tx.Where("team_id = ?", id).Limit(1).Find(&te).Error; err != nil {
		return fmt.Errorf("读取巡察组鉴定失败: %w", err)
	}
	if te.ID != 0 && te.State == keep {
		return fmt.Errorf("本组鉴定：%s", msgConfirmedGrade)
	}
	te.TeamID, te.Grade, te.Comment, te.State = id, own.Grade, own.Comment, own.State
	if err := tx.Save(&te).Error; err != nil {
		return fmt.Errorf("保存巡察组鉴定失败: %w", err)
	}
	return nil
}

// SetEvaluation proposes person's grade and 评语 on team id (see
// ProposeEvaluations).
func (s *Service) SetEvaluation(id uint, person, grade, comment string) error {
	cur, err := s.TeamEvaluations(id)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(cur.Members, func(x MemberEval) bool { return x.Person == person })
	if i < 0 {
		return fmt.Errorf("%s 没有成员 %s", cur.Team, person)
	}
	m := cur.Members[i]
	m.Grade, m.Comment = grade, comment
	return s.ProposeEvaluations(id, []MemberEval{m}, nil)
}

// ConfirmEvaluations confirms (确定) the proposed grades of team id: of
// the members named (nil: every member), and the team's own when team is
// set. It is a 领导's act (PermConfirmEval).
func (s *Service) ConfirmEvaluations(id uint, persons []string, team bool) error {
	return s.moveEvaluations(id, persons, team, vocab.EvalProposed, vocab.EvalConfirmed, actionConfirmEval, "")
}

// ReturnEvaluations returns the confirmed grades of team id (of the members
// named, nil: every member; the team's own when team is set) to proposed,
// so that the clerks may change them, with the reason. A 领导's act.
func (s *Service) ReturnEvaluations(id uint, persons []string, team bool, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return errors.New("退回鉴定须写明理由")
	}
	return s.moveEvaluations(id, persons, team, vocab.EvalConfirmed, vocab.EvalProposed, actionReturnEval, strings.TrimSpace(reason))
}

// moveEvaluations moves the grades of team id in state from to state to.
func (s *Service) moveEvaluations(id uint, persons []string, team bool, from, to, action, reason string) error {
	if err := s.Require(PermConfirmEval); err != nil {
		return err
	}
	cur, err := s.TeamEvaluations(id)
	if err != nil {
		return err
	}
	var who []string
	for _, m := range cur.Members {
		if m.State == from && (persons == nil || slices.Contains(persons, m.Person)) {
			who = append(who, m.Person)
		}
	}
	own := team && cur.Own.State == from
	if len(who) == 0 && !own {
		verb := "确定"
		if to == vocab.EvalProposed {
			verb = "退回"
		}
		return fmt.Errorf(msgNothingToDo, verb)
	}
	after := map[string]any{"成员": who, "本组": own, "状态": to}
	if reason != "" {
		after["理由"] = reason
	}
	e := audit.Entry{Action: action, Entity: "编组记录", Key: cur.Round + "/" + cur.Team, Before: cur, After: after}
	return s.Write(e, func(tx *gorm.DB) error {
		if len(who) > 0 {
			res := tx.Model(&model.TeamMember{}).Where("team_id = ? AND person_code IN ? AND eval_state = ? AND evaluation <> ''", id, who, from).
				Update("eval_state", to)
			if res.Error != nil {
				return fmt.Errorf("保存鉴定失败: %w", res.Error)
			}
			if res.RowsAffected != int64(len(who)) {
				return errors.New("鉴定已被他人修改，请刷新后重试")
			}
		}
		if own {
			res := tx.Model(&model.TeamEvaluation{}).Where("team_id = ? AND state = ?", id, from).Update("state", to)
			if res.Error != nil {
				return fmt.Errorf("保存巡察组鉴定失败: %w", res.Error)
			}
			if res.RowsAffected != 1 {
				return errors.New("本组鉴定已被他人修改，请刷新后重试")
			}
		}
		return nil
	})
}

// nameOr returns a, or b when a is empty.
func nameOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
