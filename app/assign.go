package app

import (
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"xuncha/app/assign"
	"xuncha/app/audit"
	"xuncha/app/draw"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/model"
)

// assignKey is the settings key of the composition rules.
const assignKey = "assign"

// AssignSettings returns the composition rules of assignment: the saved
// ones over the defaults of SPEC §5, with the rules of experience and
// obligations (ExperienceSettings, a key of their own), and the roles an
// earlier version listed for R4 coming from elsewhere (remote_roles.go).
func (s *Service) AssignSettings() (assign.Settings, error) {
	set := assign.Defaults()
	if err := s.LoadSetting(assignKey, &set); err != nil {
		return assign.Defaults(), err
	}
	x, err := s.ExperienceSettings()
	set.Experience = x
	if err != nil {
		return set, err
	}
	legacy, err := s.legacyRemoteRoles()
	if err != nil {
		return set, err
	}
	foldLegacyRoles(&set, legacy)
	return set, nil
}

// SaveAssignSettings checks and stores the composition rules.
func (s *Service) SaveAssignSettings(set assign.Settings) error {
	if err := s.Require(PermSettings); err != nil {
		return err
	}
	if err := set.Validate(); err != nil {
		return err
	}
	return s.saveComposition(set)
}

// AssignInstance builds the assignment problem of round code in mode (""
// for the round's own) with seed: the snapshot, the recusal findings under
// the saved recusal rules (and the training warning, when it is on), and
// the composition rules.
func (s *Service) AssignInstance(round, mode, seed string) (*assign.Instance, assign.Settings, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, assign.Settings{}, err
	}
	if mode != "" && !slices.Contains(vocab.Modes, mode) {
		return nil, assign.Settings{}, fmt.Errorf("编组方式 %q 无效（应为 混合编组、成建制交叉 或 本县）", mode)
	}
	set, err := s.AssignSettings()
	if err != nil {
		return nil, set, err
	}
	rset, err := s.checkSettings()
	if err != nil {
		return nil, set, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, set, err
	}
	if sn.Round(round) == nil {
		return nil, set, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	tset, err := s.TrainingSettings()
	if err != nil {
		return nil, set, err
	}
	in, err := assign.FromSnapshot(sn, recusal.New(sn, rset), rset, round, mode, seed)
	if err != nil {
		return nil, set, err
	}
	in.Hits = append(in.Hits, trainingHits(sn, round, tset)...)
	return in, set, nil
}

// Assign fills the teams of round code (SPEC §5) and explains what it
// could not fill. Nothing is written: SaveAssignment does that.
func (s *Service) Assign(round, mode, seed string) (*assign.Result, error) {
	in, set, err := s.AssignInstance(round, mode, seed)
	if err != nil {
		return nil, err
	}
	return assign.Solve(in, set)
}

// DrawAssign fills the teams of round code by a witnessed random draw
// from the value witness read out at the meeting; the record replays
// with `xuncha draw-verify`.
func (s *Service) DrawAssign(round, mode, witness string) (*assign.Result, *draw.Record, error) {
	if err := s.Require(PermAssign); err != nil {
		return nil, nil, err
	}
	in, set, err := s.AssignInstance(round, mode, witness)
	if err != nil {
		return nil, nil, err
	}
	return assign.Draw(in, set, witness)
}

// savedMember is a member as the audit log records it.
type savedMember struct {
	Team, Person, Role string
	Locked             bool `json:",omitempty"`
}

// SaveAssignment writes the members of res as the round's 编组记录, in one
// transaction with an audit entry: members kept on the same team keep
// their 鉴定 and comment, the others of the round's teams are replaced.
// Inside that transaction the roster is checked again against the data as
// they are then (see recheckRoster): when anything it relies on has
// changed, nothing is saved and the message names every member and why.
func (s *Service) SaveAssignment(res *assign.Result) error {
	if err := s.Require(PermAssign); err != nil {
		return err
	}
	var before, after []savedMember
	e := audit.Entry{Action: "编组", Entity: "轮次", Key: res.Round, Before: &before, After: &after}
	return s.Write(e, func(tx *gorm.DB) error {
		before, after = nil, nil // a retry starts afresh
		now := &Service{DB: tx, User: s.User, Role: s.Role}
		var teams []model.Team
		if err := tx.Where("round_code = ?", res.Round).Order("seq, name").Find(&teams).Error; err != nil {
			return fmt.Errorf("读取巡察组失败: %w", err)
		}
		if len(teams) == 0 {
			return fmt.Errorf("轮次 %s 没有巡察组", res.Round)
		}
		if err := now.recheck(res); err != nil {
			return err
		}
		byName := make(map[string]uint, len(teams))
		nameOf := make(map[uint]string, len(teams))
		ids := make([]uint, len(teams))
		for i, t := range teams {
			byName[t.Name], nameOf[t.ID], ids[i] = t.ID, t.Name, t.ID
		}
		var old []model.TeamMember
		if err := tx.Where("team_id IN ?", ids).Order("team_id, id").Find(&old).Error; err != nil {
			return fmt.Errorf("读取编组记录失败: %w", err)
		}
		kept := map[[2]string]model.TeamMember{}
		for _, m := range old {
			kept[[2]string{nameOf[m.TeamID], m.PersonCode}] = m
			before = append(before, savedMember{nameOf[m.TeamID], m.PersonCode, m.Role, m.Locked})
		}
		var rows []model.TeamMember
		stamp := model.NewStamp(s.User, time.Now())
		for _, t := range res.Teams {
			for _, m := range t.Members {
				row := model.TeamMember{TeamID: byName[t.Team], PersonCode: m.Person, Role: m.Role, Locked: m.Locked, Stamp: stamp}
				if o, ok := kept[[2]string{t.Team, m.Person}]; ok {
					row.Evaluation, row.Comment, row.EvalState = o.Evaluation, o.Comment, o.EvalState
					// a place kept as it was keeps its stamp (a 鉴定 form open on it saves); a changed one counts up
					row.Stamp = o.Stamp
					if o.Role != row.Role || o.Locked != row.Locked {
						row.Version, row.ChangedBy, row.ChangedAt = o.Version+1, stamp.ChangedBy, stamp.ChangedAt
					}
				}
				rows = append(rows, row)
				after = append(after, savedMember{t.Team, m.Person, m.Role, m.Locked})
			}
		}
		if err := tx.Where("team_id IN ?", ids).Delete(&model.TeamMember{}).Error; err != nil {
			return fmt.Errorf("清除原编组记录失败: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		if err := tx.CreateInBatches(rows, 500).Error; err != nil {
			return fmt.Errorf("写入编组记录失败: %w", err)
		}
		return nil
	})
}

// recheck checks res against the data as s reads them now (s being the
// saving transaction's), and refuses it with every reason.
func (s *Service) recheck(res *assign.Result) error {
	set, err := s.AssignSettings()
	if err != nil {
		return err
	}
	rset, err := s.checkSettings()
	if err != nil {
		return err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return err
	}
	if problems := recheckRoster(sn, recusal.New(sn, rset), set, res); len(problems) > 0 {
		return rosterRefused(res.Round, problems)
	}
	return nil
}
