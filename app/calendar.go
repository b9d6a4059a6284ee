package app

// The calendar's service glue: terms, rounds, teams and their units, the
// rectification reports received and the members' evaluations, each
// written in one transaction with its audit entry; the calendar settings;
// and a calendar over a fresh snapshot for the screens.

import (
	"cmp"
	"errors"
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

// CalendarSettings returns the calendar settings, the defaults where none
// were saved.
func (s *Service) CalendarSettings() (calendar.Settings, error) {
	set := calendar.Defaults()
	if err := s.LoadSetting(calendar.SettingsKey, &set); err != nil {
		return calendar.Defaults(), err
	}
	return set.Normalized(), nil
}

// SaveCalendarSettings checks and stores the calendar settings.
func (s *Service) SaveCalendarSettings(set calendar.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	return s.SaveSetting(calendar.SettingsKey, set.Normalized())
}

// Calendar returns a calendar over a fresh snapshot with the stored settings.
func (s *Service) Calendar() (*calendar.Calendar, error) {
	set, err := s.CalendarSettings()
	if err != nil {
		return nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, err
	}
	return calendar.New(sn, set), nil
}

// Terms returns every term, latest start first.
func (s *Service) Terms() ([]model.Term, error) {
	var out []model.Term
	err := s.DB.Order("start_date desc, code").Find(&out).Error
	return out, err
}

// TermScopes returns the scope rules of term (none: every unit).
func (s *Service) TermScopes(term string) ([]model.TermScope, error) {
	var out []model.TermScope
	err := s.DB.Where("term_code = ?", term).Order("county_code, category").Find(&out).Error
	return out, err
}

// Rounds returns the rounds of term by number.
func (s *Service) Rounds(term string) ([]model.Round, error) {
	var out []model.Round
	err := s.DB.Where("term_code = ?", term).Order("number, code").Find(&out).Error
	return out, err
}

// AllRounds returns every round of every term, by on-site start (then
// code): the choices of the screens that work on one round.
func (s *Service) AllRounds() ([]model.Round, error) {
	var out []model.Round
	if err := s.DB.Order("code").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("读取轮次失败: %w", err)
	}
	slices.SortStableFunc(out, func(a, b model.Round) int {
		return cmp.Or(strings.Compare(a.OnsiteStart, b.OnsiteStart), strings.Compare(a.Code, b.Code))
	})
	return out, nil
}

type termRecord struct {
	Term  model.Term
	Scope []model.TermScope
}

// SaveTerm creates or updates term t with its scope: the units it must
// cover, as rules of county and category (none: every unit). An existing
// term is saved only while its stamp is still t's (see saveStamped).
func (s *Service) SaveTerm(t model.Term, scope []model.TermScope) error {
	if t.Code == "" {
		return errors.New("届期编码不能为空")
	}
	start, err := dateField("开始日期", t.StartDate, true)
	if err != nil {
		return err
	}
	end, err := dateField("结束日期", t.EndDate, true)
	if err != nil {
		return err
	}
	if end <= start {
		return fmt.Errorf("届期结束日期（%s）须晚于开始日期（%s）", end, start)
	}
	t.StartDate, t.EndDate = start.String(), end.String()
	var rows []model.TermScope
	for _, sc := range scope {
		if sc.Category != "" && !slices.Contains(vocab.Categories, sc.Category) {
			return fmt.Errorf("单位类别 %q 不存在", sc.Category)
		}
		if sc.CountyCode != "" && !exists(s.DB, &model.County{}, sc.CountyCode) {
			return fmt.Errorf("县区 %s 不存在", sc.CountyCode)
		}
		row := model.TermScope{TermCode: t.Code, CountyCode: sc.CountyCode, Category: sc.Category}
		if !slices.ContainsFunc(rows, func(x model.TermScope) bool { return x.CountyCode == row.CountyCode && x.Category == row.Category }) {
			rows = append(rows, row)
		}
	}
	var old model.Term
	s.DB.Where("code = ?", t.Code).Limit(1).Find(&old)
	oldScope, _ := s.TermScopes(t.Code)
	e := audit.Entry{Action: "新增", Entity: "届期", Key: t.Code, After: termRecord{t, rows}}
	if old.Code != "" {
		e.Action, e.Before = "修改", termRecord{old, oldScope}
	}
	read := model.StampOf(&t)
	return s.Write(e, func(tx *gorm.DB) error {
		if err := s.saveStamped(tx, &t, read, old.Code == ""); err != nil {
			return fmt.Errorf("保存届期失败: %w", err)
		}
		if err := tx.Where("term_code = ?", t.Code).Delete(&model.TermScope{}).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.Create(&rows).Error
	})
}

// RoundStamp is the stamp of round code as stored now (zero for none): the
// round form keeps it and gives it back with the round it saves.
func (s *Service) RoundStamp(code string) (model.Stamp, error) {
	var r model.Round
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&r).Error; err != nil {
		return model.Stamp{}, fmt.Errorf("读取轮次失败: %w", err)
	}
	return r.Stamp, nil
}

// SaveRound creates or updates round r. An existing round is saved only
// while its stamp is still r's (see saveStamped). Dates are written 2006-01-02 (empty
// for not set); the set ones must follow the stage order, and the on-site
// stage must lie inside the term. A round without a number gets the next
// one of its term. Its 巡察类型, 组织方式 and 编组方式 must be words of
// theirs (an 组织方式 word given as 巡察类型, as before Part II, is read as
// such); its 联动轮次 must name other rounds, and are linked both ways;
// its 巡审联动 requirement must name units and categories that exist.
func (s *Service) SaveRound(r model.Round) error {
	old, err := s.checkRound(&r)
	if err != nil {
		return err
	}
	e := audit.Entry{Action: "新增", Entity: "轮次", Key: r.Code, After: r}
	if old.Code != "" {
		e.Action, e.Before = "修改", old
	}
	read := model.StampOf(&r)
	return s.Write(e, func(tx *gorm.DB) error {
		// the stamp first: a form read before another clerk's change is
		// told so, rather than of a link that change made stale
		if err := s.saveStamped(tx, &r, read, old.Code == ""); err != nil {
			return err
		}
		if err := checkLinks(tx, &r); err != nil {
			return err
		}
		return model.LinkRounds(model.WithActor(tx, s.User), r.Code, fieldrule.SplitWords(r.Links))
	})
}

// checkRound checks round r as SaveRound stores it, writing its dates the
// standard way and giving it the next number of its term when it has none;
// it returns the round stored under its code (empty for a new one).
func (s *Service) checkRound(r *model.Round) (model.Round, error) {
	if r.Code == "" {
		return model.Round{}, errors.New("轮次编码不能为空")
	}
	var term model.Term
	if err := s.DB.Where("code = ?", r.TermCode).Limit(1).Find(&term).Error; err != nil || term.Code == "" {
		return model.Round{}, fmt.Errorf("届期 %q 不存在", r.TermCode)
	}
	if err := s.checkRoundKinds(r); err != nil {
		return model.Round{}, err
	}
	fields := []struct {
		name string
		v    *string
	}{{"准备开始", &r.PrepStart}, {"进驻开始", &r.OnsiteStart}, {"进驻结束", &r.OnsiteEnd}, {"报告结束", &r.ReportEnd},
		{"反馈日期", &r.FeedbackDate}, {"整改报告期限", &r.RectifyDue}, {"督查验收日期", &r.CheckDate}}
	var prev civil.Date
	prevName := ""
	for _, f := range fields {
		d, err := dateField(f.name, *f.v, false)
		if err != nil {
			return model.Round{}, err
		}
		*f.v = d.String()
		if d.IsZero() {
			continue
		}
		if !prev.IsZero() && d < prev {
			return model.Round{}, fmt.Errorf("%s（%s）早于%s（%s）", f.name, d, prevName, prev)
		}
		prev, prevName = d, f.name
	}
	if err := withinTerm(term, r.OnsiteStart, r.OnsiteEnd); err != nil {
		return model.Round{}, err
	}
	var old model.Round
	s.DB.Where("code = ?", r.Code).Limit(1).Find(&old)
	if r.Number == 0 {
		if old.Code != "" && old.TermCode == r.TermCode {
			r.Number = old.Number
		} else {
			var n int
			s.DB.Model(&model.Round{}).Where("term_code = ?", r.TermCode).Select("coalesce(max(number), 0)").Scan(&n)
			r.Number = n + 1
		}
	}
	return old, nil
}

// DeleteRound deletes round code with its teams, their units, members and
// overrides.
func (s *Service) DeleteRound(code string) error {
	var r model.Round
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&r).Error; err != nil || r.Code == "" {
		return fmt.Errorf("轮次 %s %w", code, ErrNotFound)
	}
	var teams []model.Team
	s.DB.Where("round_code = ?", code).Order("seq, name").Find(&teams)
	e := audit.Entry{Action: "删除", Entity: "轮次", Key: code, Before: map[string]any{"round": r, "teams": teams}}
	return s.Write(e, func(tx *gorm.DB) error {
		ids := make([]uint, len(teams))
		for i, t := range teams {
			ids[i] = t.ID
		}
		if len(ids) > 0 {
			for _, child := range []any{&model.TeamUnit{}, &model.TeamMember{}, &model.Override{}} {
				if err := tx.Where("team_id IN ?", ids).Delete(child).Error; err != nil {
					return err
				}
			}
			if err := tx.Where("round_code = ?", code).Delete(&model.Team{}).Error; err != nil {
				return err
			}
		}
		if err := tx.Delete(&model.Round{}, "code = ?", code).Error; err != nil {
			return err
		}
		return model.LinkRounds(model.WithActor(tx, s.User), code, nil)
	})
}

// dateField reads a date written 2006-01-02 for the named field.
func dateField(name, v string, required bool) (civil.Date, error) {
	d, err := civil.Parse(v)
	if err != nil {
		return 0, fmt.Errorf("%s：%w", name, err)
	}
	if required && d.IsZero() {
		return 0, fmt.Errorf("%s不能为空", name)
	}
	return d, nil
}

// withinTerm checks that an on-site stage lies inside the term.
func withinTerm(t model.Term, start, end string) error {
	if start != "" && t.StartDate != "" && start < t.StartDate {
		return fmt.Errorf("进驻开始（%s）早于届期开始（%s）", start, t.StartDate)
	}
	if end != "" && t.EndDate != "" && end > t.EndDate {
		return fmt.Errorf("进驻结束（%s）晚于届期结束（%s）", end, t.EndDate)
	}
	return nil
}

// exists reports whether a row with primary key code exists in model m's table.
func exists(db *gorm.DB, m any, code string) bool {
	var n int64
	db.Model(m).Where("code = ?", code).Count(&n)
	return n > 0
}
