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
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

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
	State              string      // 拟定, 确定; "" without a grade
	Stamp              model.Stamp `json:"-"` // of the member's place as read: a change is refused once it moved on
}

// TeamEval is a team's own 鉴定.
type TeamEval struct {
	Grade, Comment string
	State          string
	Stamp          model.Stamp `json:"-"` // as read (zero: there was none)
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
			Grade: m.Evaluation, Comment: m.Comment, State: m.EvalState, Stamp: m.Stamp})
	}
	var te model.TeamEvaluation
	if err := s.DB.Where("team_id = ?", id).Limit(1).Find(&te).Error; err != nil {
		return nil, fmt.Errorf("读取巡察组鉴定失败: %w", err)
	}
	out.Own = TeamEval{Grade: te.Grade, Comment: te.Comment, State: te.State, Stamp: te.Stamp}
	return out, nil
}

// ProposeEvaluations records the grades and 评语 of team id that differ
// from the stored ones as proposed (拟定): members (by person; the others
// are left as they are) and, when own is not nil, the team's own. A
// confirmed grade that would change refuses the whole change, naming it;
// so does a grade changed by someone else since it was read (the stamps
// of members and own, SPEC §13.1).
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
		now := time.Now()
		for _, m := range changed {
			err := s.saveMemberEval(tx, id, m, now, func(row *model.TeamMember) error {
				if row.EvalState == vocab.EvalConfirmed {
					return fmt.Errorf("%s：%s", nameOr(m.Name, m.Person), msgConfirmedGrade)
				}
				row.Evaluation, row.Comment, row.EvalState = m.Grade, m.Comment, m.State
				return nil
			})
			if err != nil {
				return err
			}
		}
		if ownChanged {
			return s.saveTeamEval(tx, id, *own, now, func(te *model.TeamEvaluation) error {
				if te.State == vocab.EvalConfirmed {
					return fmt.Errorf("本组鉴定：%s", msgConfirmedGrade)
				}
				te.Grade, te.Comment, te.State = own.Grade, own.Comment, own.State
				return nil
			})
		}
		return nil
	})
}

// saveMemberEval changes, inside tx, the place of member m on team id by
// fn and saves it at now, only while it is still at the stamp m was read
// with: otherwise the change is refused with who and when, naming the
// member (*model.ConflictError).
func (s *Service) saveMemberEval(tx *gorm.DB, id uint, m MemberEval, now time.Time, fn func(*model.TeamMember) error) error {
	var row model.TeamMember
	if err := tx.Where("team_id = ? AND person_code = ?", id, m.Person).Limit(1).Find(&row).Error; err != nil {
		return fmt.Errorf("读取编组记录失败: %w", err)
	}
	what := "鉴定 " + nameOr(m.Name, m.Person)
	if row.ID == 0 {
		return model.Naming(&model.ConflictError{Gone: true}, what)
	}
	if err := model.Stale(row.Stamp, m.Stamp); err != nil {
		return model.Naming(err, what)
	}
	if err := fn(&row); err != nil {
		return err
	}
	if err := model.SaveStamped(tx, &row, m.Stamp, s.User, now); err != nil {
		return model.Naming(err, what)
	}
	return nil
}

// saveTeamEval changes, inside tx, team id's own 鉴定 by fn and saves it
// at now (a new one when there is none and own was read as none), only
// while it is still at the stamp own was read with.
func (s *Service) saveTeamEval(tx *gorm.DB, id uint, own TeamEval, now time.Time, fn func(*model.TeamEvaluation) error) error {
	var te model.TeamEvaluation
	if err := tx.Where("team_id = ?", id).Limit(1).Find(&te).Error; err != nil {
		return fmt.Errorf("读取巡察组鉴定失败: %w", err)
	}
	const what = "本组鉴定"
	if te.ID == 0 && own.Stamp.Version > 0 {
		return model.Naming(&model.ConflictError{Gone: true}, what)
	}
	if err := model.Stale(te.Stamp, own.Stamp); err != nil {
		return model.Naming(err, what)
	}
	if err := fn(&te); err != nil {
		return err
	}
	if te.ID == 0 {
		te.TeamID = id
		model.SetStamp(&te, s.User, now)
		if err := tx.Omit(clause.Associations).Create(&te).Error; err != nil {
			return fmt.Errorf("保存巡察组鉴定失败: %w", err)
		}
		return nil
	}
	if err := model.SaveStamped(tx, &te, own.Stamp, s.User, now); err != nil {
		return model.Naming(err, what)
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

// ConfirmEvaluations confirms (确定) the proposed grades of the team of
// sheet, as the 领导 saw them there: of the members named (nil: every
// member), and the team's own when team is set. A grade changed since the
// sheet was read refuses the whole act with who and when (SPEC §13.1): a
// 领导 confirms only what was shown. It is a 领导's act (PermConfirmEval).
func (s *Service) ConfirmEvaluations(sheet *TeamEvalSheet, persons []string, team bool) error {
	return s.moveEvaluations(sheet, persons, team, vocab.EvalProposed, vocab.EvalConfirmed, actionConfirmEval, "")
}

// ReturnEvaluations returns the confirmed grades of the team of sheet (of
// the members named, nil: every member; the team's own when team is set)
// to proposed, so that the clerks may change them, with the reason. A
// 领导's act, refused as ConfirmEvaluations is.
func (s *Service) ReturnEvaluations(sheet *TeamEvalSheet, persons []string, team bool, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return errors.New("退回鉴定须写明理由")
	}
	return s.moveEvaluations(sheet, persons, team, vocab.EvalConfirmed, vocab.EvalProposed, actionReturnEval, strings.TrimSpace(reason))
}

// moveEvaluations moves the grades of sheet's team in state from to
// state to.
func (s *Service) moveEvaluations(cur *TeamEvalSheet, persons []string, team bool, from, to, action, reason string) error {
	if err := s.Require(PermConfirmEval); err != nil {
		return err
	}
	id := cur.TeamID
	var who []MemberEval
	for _, m := range cur.Members {
		if m.State == from && m.Grade != "" && (persons == nil || slices.Contains(persons, m.Person)) {
			who = append(who, m)
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
	persons = make([]string, len(who))
	for i, m := range who {
		persons[i] = m.Person
	}
	after := map[string]any{"成员": persons, "本组": own, "状态": to}
	if reason != "" {
		after["理由"] = reason
	}
	e := audit.Entry{Action: action, Entity: "编组记录", Key: cur.Round + "/" + cur.Team, Before: cur, After: after}
	return s.Write(e, func(tx *gorm.DB) error {
		now := time.Now()
		move := func(state *string) error {
			if *state != from { // cannot be: the stamp was checked
				return errors.New("鉴定已被他人修改，请刷新后重试")
			}
			*state = to
			return nil
		}
		for _, m := range who {
			if err := s.saveMemberEval(tx, id, m, now, func(row *model.TeamMember) error { return move(&row.EvalState) }); err != nil {
				return err
			}
		}
		if own {
			return s.saveTeamEval(tx, id, cur.Own, now, func(te *model.TeamEvaluation) error { return move(&te.State) })
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
