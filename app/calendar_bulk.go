package app

// Teams made many at once: one team per county with its first units, and
// a round copied from another (its teams, and for a 回头看 their units).

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
	"xuncha/model"
)

// newTeam is a team made by AddCountyTeams or CopyRound, as its audit
// entry keeps it.
type newTeam struct {
	Team  model.Team
	Units []string
}

// AddCountyTeams adds to round one team for each of counties (in the
// order given) with up to perTeam of the county's units that are on no
// team of the round — with onlyFree, also not inspected in another round
// of the term — the units the term must cover first, then by code. The
// teams take the next free names (第五巡察组 …). A county without such a
// unit gets no team and is named in skipped. All teams are written in one
// transaction with one audit entry, which checks again that their units
// are still free.
func (s *Service) AddCountyTeams(round string, counties []string, perTeam int, onlyFree bool) (made []model.Team, skipped []string, err error) {
	if perTeam < 1 || perTeam > 100 {
		return nil, nil, fmt.Errorf("每组单位数应为 1 至 100，现为 %d", perTeam)
	}
	if len(counties) == 0 {
		return nil, nil, fmt.Errorf("没有选择县区")
	}
	cal, err := s.Calendar()
	if err != nil {
		return nil, nil, err
	}
	r := cal.Snapshot().Round(round)
	if r == nil {
		return nil, nil, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	names := map[string]bool{}
	seq := 0
	for _, t := range r.Teams {
		names[t.Name] = true
		seq = max(seq, t.Seq)
	}
	var plan []newTeam
	n := len(r.Teams)
	for _, c := range counties {
		choices, err := cal.UnitChoices(round, calendar.ChoiceFilter{County: c, OnlyFree: onlyFree})
		if err != nil {
			return nil, nil, err
		}
		choices = slices.DeleteFunc(choices, func(u calendar.UnitChoice) bool { return u.Team != "" })
		slices.SortStableFunc(choices, func(a, b calendar.UnitChoice) int {
			if a.Required != b.Required {
				if a.Required {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Unit, b.Unit)
		})
		if len(choices) == 0 {
			skipped = append(skipped, c)
			continue
		}
		var units []string
		for _, u := range choices[:min(perTeam, len(choices))] {
			units = append(units, u.Unit)
		}
		name := vocab.TeamName(n + 1)
		for n++; names[name]; n++ {
			name = vocab.TeamName(n + 1)
		}
		names[name] = true
		seq++
		plan = append(plan, newTeam{model.Team{RoundCode: round, Name: name, Seq: seq}, units})
	}
	if len(plan) == 0 {
		return nil, skipped, fmt.Errorf("所选县区在本轮都没有可编入的单位")
	}
	e := audit.Entry{Action: "新增", Entity: "巡察组", Key: fmt.Sprintf("%s/%d 组", round, len(plan)), After: plan}
	err = s.Write(e, func(tx *gorm.DB) error {
		for i := range plan {
			if err := createTeamChecked(tx, &plan[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, p := range plan {
		made = append(made, p.Team)
	}
	return made, skipped, nil
}

// createTeamChecked writes a team and its units inside tx, after checking
// that its name is free in its round and its units on no team of it.
func createTeamChecked(tx *gorm.DB, t *newTeam) error {
	var n int64
	if err := tx.Model(&model.Team{}).Where("round_code = ? AND name = ?", t.Team.RoundCode, t.Team.Name).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%s 已有名为 %s 的巡察组（刚由他人建立），未建立任何组", t.Team.RoundCode, t.Team.Name)
	}
	var taken []string
	if err := tx.Model(&model.TeamUnit{}).Where("round_code = ? AND unit_code IN ?", t.Team.RoundCode, t.Units).
		Pluck("unit_code", &taken).Error; err != nil {
		return err
	}
	if len(taken) > 0 {
		return fmt.Errorf("单位 %s 已编入本轮的其他巡察组（刚由他人编入），未建立任何组", strings.Join(taken, "、"))
	}
	if err := tx.Create(&t.Team).Error; err != nil {
		return fmt.Errorf("保存巡察组失败: %w", err)
	}
	return createTeamUnits(tx, t.Team, t.Units)
}

// CopyRound makes round to (its code, name and term; its 巡察类型,
// 组织方式, 编组方式 and 巡审联动 requirement when given, else the
// source's; its own 联动轮次 only) from round from: the source's stage
// dates, each moved by as many days as 进驻开始 moves to start, and its
// teams by name and order with their own on-site dates moved alike; with
// units, the teams keep their units too (a 回头看 inspects them again). The
// round is checked as SaveRound checks one, and written with its teams in
// one transaction with one audit entry.
func (s *Service) CopyRound(from string, to model.Round, start civil.Date, units bool) error {
	cal, err := s.Calendar()
	if err != nil {
		return err
	}
	src := cal.Snapshot().Round(from)
	if src == nil {
		return fmt.Errorf("轮次 %s %w", from, ErrNotFound)
	}
	if exists(s.DB, &model.Round{}, to.Code) {
		return fmt.Errorf("轮次编码 %s 已存在", to.Code)
	}
	var stored model.Round
	if err := s.DB.Where("code = ?", from).Limit(1).Find(&stored).Error; err != nil {
		return err
	}
	base, err := civil.Parse(stored.OnsiteStart)
	if err != nil || base.IsZero() || start.IsZero() {
		return fmt.Errorf("轮次 %s 没有进驻开始日期，无法按日期复制", from)
	}
	shift := base.DaysUntil(start)
	move := func(d string) string {
		v, err := civil.Parse(d)
		if err != nil || v.IsZero() {
			return ""
		}
		return v.AddDays(shift).String()
	}
	r := to
	r.Number = 0
	if r.Type == "" {
		r.Type = stored.Type
	}
	if r.Level == "" {
		r.Level = stored.Level
	}
	if r.Mode == "" {
		r.Mode = stored.Mode
	}
	if r.JointUnits == "" && r.JointCategories == "" {
		r.JointUnits, r.JointCategories = stored.JointUnits, stored.JointCategories
	}
	r.PrepStart, r.OnsiteStart, r.OnsiteEnd = move(stored.PrepStart), move(stored.OnsiteStart), move(stored.OnsiteEnd)
	r.ReportEnd, r.FeedbackDate = move(stored.ReportEnd), move(stored.FeedbackDate)
	r.RectifyDue, r.CheckDate = move(stored.RectifyDue), move(stored.CheckDate)
	if _, err := s.checkRound(&r); err != nil {
		return err
	}
	var stTeams []model.Team
	if err := s.DB.Where("round_code = ?", from).Order("seq, name").Find(&stTeams).Error; err != nil {
		return err
	}
	var plan []newTeam
	for _, t := range stTeams {
		nt := newTeam{Team: model.Team{RoundCode: r.Code, Name: t.Name, Seq: t.Seq,
			OnsiteStart: move(t.OnsiteStart), OnsiteEnd: move(t.OnsiteEnd)}}
		if units {
			if err := s.DB.Model(&model.TeamUnit{}).Where("team_id = ?", t.ID).Order("unit_code").
				Pluck("unit_code", &nt.Units).Error; err != nil {
				return err
			}
		}
		plan = append(plan, nt)
	}
	e := audit.Entry{Action: "新增", Entity: "轮次", Key: r.Code,
		After: map[string]any{"round": r, "teams": plan, "copiedFrom": from}}
	return s.Write(e, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.Round{}).Where("code = ?", r.Code).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("轮次编码 %s 已存在（刚由他人建立）", r.Code)
		}
		if err := checkLinks(tx, &r); err != nil {
			return err
		}
		if err := s.saveStamped(tx, &r, model.Stamp{}, true); err != nil {
			return fmt.Errorf("保存轮次失败: %w", err)
		}
		if err := model.LinkRounds(tx, r.Code, fieldrule.SplitWords(r.Links)); err != nil {
			return err
		}
		for i := range plan {
			if err := createTeamChecked(tx, &plan[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
