package app

// A round's results as the 成果 screen, the 督办 list and the overview use
// them: reading a round's findings, items and clues unit by unit, and
// every change a clerk or a leader makes to them.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/vocab"
	"xuncha/model"
)

// UnitResults is one unit of a round with its results.
type UnitResults struct {
	Team, Unit, UnitName, County string
	Findings                     []model.Finding     // by code
	Items                        []model.RectifyItem // by finding, then code
	Clues                        []model.Clue        // by code; empty without 线索管理
	ClueCount                    int
	Report                       ledger.UnitReport
	Rate                         float64
	Open, Overdue                int // open items, overdue items
}

// RoundResults is a round's results, unit by unit (by team, then unit).
type RoundResults struct {
	Round    model.Round
	Today    civil.Date
	Settings ledger.Settings
	Units    []UnitResults
	ClueRows bool // whether clue rows are shown (线索管理)
}

// ErrNoClueRight is returned when a user without 线索管理 asks for clue rows.
var ErrNoClueRight = errors.New("没有“线索管理”权限：只能查看线索数量")

// RoundResults reads round's results on today. Clue rows come only for a
// user with 线索管理, and that view is recorded in the audit log (查看线索);
// others get the counts.
func (s *Service) RoundResults(round string, today civil.Date) (*RoundResults, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	var rd model.Round
	if err := s.DB.Where("code = ?", round).Limit(1).Find(&rd).Error; err != nil || rd.Code == "" {
		return nil, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	set, err := s.LedgerSettings()
	if err != nil {
		return nil, err
	}
	out := &RoundResults{Round: rd, Today: today, Settings: set, ClueRows: s.CanSeeClues()}
	var (
		teams     []model.Team
		teamUnits []model.TeamUnit
		findings  []model.Finding
		items     []model.RectifyItem
		clues     []model.Clue
		ms        []model.Milestone
	)
	for _, q := range []struct {
		dst   any
		q     *gorm.DB
		order string
	}{
		{&teams, s.DB.Where("round_code = ?", round), "seq, name"},
		{&teamUnits, s.DB.Where("round_code = ?", round), "unit_code"},
		{&findings, s.DB.Where("round_code = ?", round), "code"},
		{&items, s.DB.Where("finding_code IN (?)", s.DB.Model(&model.Finding{}).Select("code").Where("round_code = ?", round)), "finding_code, code"},
		{&clues, s.DB.Where("round_code = ?", round), "code"},
		{&ms, s.DB.Where("round_code = ?", round), "team, unit_code, kind"},
	} {
		if err := q.q.Order(q.order).Find(q.dst).Error; err != nil {
			return nil, fmt.Errorf("读取成果数据失败: %w", err)
		}
	}
	names, err := s.unitNames(teamUnits)
	if err != nil {
		return nil, err
	}
	d := &ledger.Data{Rounds: []ledger.Round{{Code: round}}}
	for _, m := range ms {
		d.Milestones = append(d.Milestones, ledger.Milestone{Round: m.RoundCode, Team: m.Team, Unit: m.UnitCode, Kind: m.Kind, Date: date(m.Date)})
	}
	look := ledger.NewLookup(d)
	byUnit := make(map[string]*UnitResults)
	for _, t := range teams {
		for _, tu := range teamUnits {
			if tu.TeamID != t.ID {
				continue
			}
			u := UnitResults{Team: t.Name, Unit: tu.UnitCode, UnitName: names[tu.UnitCode].Name, County: names[tu.UnitCode].CountyCode}
			feedback := look.Milestone(round, t.Name, tu.UnitCode, vocab.MsFeedback)
			u.Report.Due = ledger.AddMonths(feedback, set.ReportMonths)
			u.Report.Received = look.Milestone(round, t.Name, tu.UnitCode, vocab.MsRectifyReport)
			u.Report.Overdue = u.Report.Received.IsZero() && ledger.Overdue(u.Report.Due, today)
			out.Units = append(out.Units, u)
		}
	}
	for i := range out.Units {
		byUnit[out.Units[i].Unit] = &out.Units[i]
	}
	unitOf := make(map[string]string, len(findings))
	for _, f := range findings {
		unitOf[f.Code] = f.UnitCode
		if u := byUnit[f.UnitCode]; u != nil {
			u.Findings = append(u.Findings, f)
		}
	}
	for _, it := range items {
		u := byUnit[unitOf[it.FindingCode]]
		if u == nil {
			continue
		}
		u.Items = append(u.Items, it)
		if ledger.ItemOpen(it.State) {
			u.Open++
			if ledger.Overdue(date(it.Due), today) {
				u.Overdue++
			}
		}
	}
	for _, c := range clues {
		if u := byUnit[c.UnitCode]; u != nil {
			u.ClueCount++
			if out.ClueRows {
				u.Clues = append(u.Clues, c)
			}
		}
	}
	for i := range out.Units {
		u := &out.Units[i]
		u.Rate = ledger.Rate(len(u.Items)-u.Open, len(u.Items))
	}
	if out.ClueRows && len(clues) > 0 {
		if err := s.auditClueView("轮次 "+round, len(clues)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// auditClueView records that the signed-in user was shown n clue rows of
// what (查看线索).
func (s *Service) auditClueView(what string, n int) error {
	e := audit.Entry{Action: "查看线索", Entity: "线索", Key: what, After: map[string]int{"条数": n}}
	return s.Write(e, func(*gorm.DB) error { return nil })
}

// unitNames reads the units of tus.
func (s *Service) unitNames(tus []model.TeamUnit) (map[string]model.Unit, error) {
	codes := make([]string, len(tus))
	for i, tu := range tus {
		codes[i] = tu.UnitCode
	}
	var units []model.Unit
	if err := s.DB.Where("code IN ?", codes).Find(&units).Error; err != nil {
		return nil, fmt.Errorf("读取单位失败: %w", err)
	}
	m := make(map[string]model.Unit, len(units))
	for _, u := range units {
		m[u.Code] = u
	}
	return m, nil
}

// SaveFinding adds (create) or changes a finding. Its team must inspect
// its unit in its round, its category be one of the settings', its
// description at most 500 characters. A change is saved only while the
// finding is still at the stamp f was read with (see saveStamped).
func (s *Service) SaveFinding(f model.Finding, create bool) error {
	f.Code, f.Description = strings.TrimSpace(f.Code), strings.TrimSpace(f.Description)
	if f.Code == "" || f.Description == "" {
		return errors.New("问题编号和问题描述不能为空")
	}
	set, err := s.LedgerSettings()
	if err != nil {
		return err
	}
	if !validWord(f.Category, set.Categories) {
		return fmt.Errorf("问题类别“%s”无效，应为：%s", f.Category, strings.Join(set.Categories, "、"))
	}
	if col, msg := ledger.DescriptionProblem(f.Description); msg != "" {
		return fmt.Errorf("%s：%s", col, msg)
	}
	if err := s.checkDates(f.FoundOn); err != nil {
		return err
	}
	var old model.Finding
	s.DB.Where("code = ?", f.Code).Limit(1).Find(&old)
	e := audit.Entry{Action: "修改", Entity: "问题", Key: f.Code, Before: old, After: f}
	if create {
		e.Action, e.Before = "新增", nil
	}
	read := model.StampOf(&f)
	return s.Write(e, func(tx *gorm.DB) error {
		if err := s.checkRoundTeamUnit(tx, f.RoundCode, f.Team, f.UnitCode); err != nil {
			return err
		}
		if err := existsAs(tx, &model.Finding{}, f.Code, create, "问题编号"); err != nil {
			return err
		}
		return s.saveStamped(tx, &f, read, create)
	})
}

// existsAs checks inside tx that code is new (create) or present.
func existsAs(tx *gorm.DB, m any, code string, create bool, what string) error {
	var n int64
	if err := tx.Model(m).Where("code = ?", code).Count(&n).Error; err != nil {
		return err
	}
	switch {
	case create && n > 0:
		return fmt.Errorf("%s %s 已存在", what, code)
	case !create && n == 0:
		return fmt.Errorf("%s %s %w", what, code, ErrNotFound)
	}
	return nil
}

// checkDates checks that each non-empty s is a date 2006-01-02.
func (s *Service) checkDates(ds ...string) error {
	for _, d := range ds {
		if _, err := civil.Parse(d); err != nil {
			return err
		}
	}
	return nil
}

// DeleteFinding deletes a finding that has no items left.
func (s *Service) DeleteFinding(code string) error {
	var f model.Finding
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&f).Error; err != nil || f.Code == "" {
		return fmt.Errorf("问题 %s %w", code, ErrNotFound)
	}
	e := audit.Entry{Action: "删除", Entity: "问题", Key: code, Before: f}
	return s.Write(e, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.RectifyItem{}).Where("finding_code = ?", code).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("问题 %s 还有 %d 条整改措施，请先删除", code, n)
		}
		return tx.Delete(&model.Finding{}, "code = ?", code).Error
	})
}

// SaveItem adds (create) or changes an item as a clerk does: its review
// and close-out (审核结果, 审核人, 销号日期, 已销号) are not the clerk's and
// keep their stored values; see ReviewItem and CloseItem. A change is
// saved only while the item is still at the stamp it was read with (see
// saveStamped): a review made meanwhile refuses it.
func (s *Service) SaveItem(it model.RectifyItem, create bool) error {
	it.Code, it.Measure = strings.TrimSpace(it.Code), strings.TrimSpace(it.Measure)
	if it.Code == "" || it.Measure == "" || it.Due == "" {
		return errors.New("整改编号、整改措施和完成时限不能为空")
	}
	if !validWord(it.State, vocab.ItemStates) {
		return fmt.Errorf("状态“%s”无效", it.State)
	}
	if err := s.checkDates(it.Due, it.DoneOn); err != nil {
		return err
	}
	var old model.RectifyItem
	s.DB.Where("code = ?", it.Code).Limit(1).Find(&old)
	it.Review, it.Reviewer, it.ClosedOn = old.Review, old.Reviewer, old.ClosedOn
	if it.State == vocab.ItemClosed && old.State != vocab.ItemClosed {
		return errors.New("销号须由管理员或领导办理（销号）")
	}
	if col, msg := ledger.ItemProblem(itemFields(it)); msg != "" {
		return fmt.Errorf("%s：%s", col, msg)
	}
	e := audit.Entry{Action: "修改", Entity: "整改措施", Key: it.Code, Before: old, After: it}
	if create {
		e.Action, e.Before = "新增", nil
	}
	read := model.StampOf(&it)
	return s.Write(e, func(tx *gorm.DB) error {
		if err := existsAs(tx, &model.Finding{}, it.FindingCode, false, "问题"); err != nil {
			return err
		}
		if err := existsAs(tx, &model.RectifyItem{}, it.Code, create, "整改编号"); err != nil {
			return err
		}
		var cur model.RectifyItem
		if err := tx.Where("code = ?", it.Code).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		if !create {
			if err := model.Stale(cur.Stamp, read); err != nil {
				return err
			}
		}
		it.Review, it.Reviewer, it.ClosedOn = cur.Review, cur.Reviewer, cur.ClosedOn
		if col, msg := ledger.ItemProblem(itemFields(it)); msg != "" {
			return fmt.Errorf("%s：%s", col, msg)
		}
		return s.saveStamped(tx, &it, read, create)
	})
}

func itemFields(it model.RectifyItem) ledger.ItemFields {
	return ledger.ItemFields{State: it.State, DoneOn: it.DoneOn, Review: it.Review, ClosedOn: it.ClosedOn}
}

// DeleteItem deletes an item.
func (s *Service) DeleteItem(code string) error {
	var it model.RectifyItem
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&it).Error; err != nil || it.Code == "" {
		return fmt.Errorf("整改措施 %s %w", code, ErrNotFound)
	}
	return s.Write(audit.Entry{Action: "删除", Entity: "整改措施", Key: code, Before: it}, func(tx *gorm.DB) error {
		return tx.Delete(&model.RectifyItem{}, "code = ?", code).Error
	})
}

// items reads the items with codes, in the order given; ErrNotFound names
// the first missing.
func (s *Service) items(tx *gorm.DB, codes []string) ([]model.RectifyItem, error) {
	var rows []model.RectifyItem
	if err := tx.Where("code IN ?", codes).Find(&rows).Error; err != nil {
		return nil, err
	}
	by := make(map[string]model.RectifyItem, len(rows))
	for _, r := range rows {
		by[r.Code] = r
	}
	out := make([]model.RectifyItem, 0, len(codes))
	for _, c := range codes {
		r, ok := by[c]
		if !ok {
			return nil, fmt.Errorf("整改措施 %s %w", c, ErrNotFound)
		}
		out = append(out, r)
	}
	return out, nil
}

// SetItemsState gives the items seen (as the screen showed them: their
// codes and stamps) one state (not 已销号: that is CloseItem's), with day
// as the 完成日期 of those made 已完成 (and cleared for those made 未启动 or
// 整改中). All or none: one item changed by someone else since the screen
// read it refuses the whole change (see changeItems).
func (s *Service) SetItemsState(seen []model.RectifyItem, state string, day civil.Date) error {
	if !validWord(state, vocab.ItemStates) || state == vocab.ItemClosed {
		return fmt.Errorf("批量只能改为 %s、%s 或 %s", vocab.ItemNotStarted, vocab.ItemInProgress, vocab.ItemDone)
	}
	if state == vocab.ItemDone && day.IsZero() {
		return errors.New("改为 已完成 须填写完成日期")
	}
	return s.editItems(seen, "批量改状态", func(it *model.RectifyItem) error {
		if it.State == vocab.ItemClosed {
			return fmt.Errorf("整改措施 %s 已销号，不能再改状态", it.Code)
		}
		it.State = state
		if state == vocab.ItemDone {
			it.DoneOn = day.String()
		} else {
			it.DoneOn = ""
		}
		return nil
	})
}

// CopyMeasure gives the items seen the measure, 责任部门 and 责任人 of item
// from, as the screen showed them (a clerk's "copy to several items"):
// refused when the item copied or one of those it is copied to changed
// since the screen read them.
func (s *Service) CopyMeasure(from model.RectifyItem, seen []model.RectifyItem) error {
	return s.editItemsFrom(&from, seen, "复制整改措施", func(it *model.RectifyItem) error {
		it.Measure, it.Dept, it.Owner = from.Measure, from.Dept, from.Owner
		return nil
	})
}

// editItems changes the items seen by fn in one transaction, with one
// audit entry of before and after (see changeItems).
func (s *Service) editItems(seen []model.RectifyItem, what string, fn func(*model.RectifyItem) error) error {
	return s.editItemsFrom(nil, seen, what, fn)
}

// editItemsFrom is editItems after checking that item from (when not nil)
// is still as seen, and reading it as it is.
func (s *Service) editItemsFrom(from *model.RectifyItem, seen []model.RectifyItem, what string, fn func(*model.RectifyItem) error) error {
	if len(seen) == 0 {
		return errors.New("没有选中整改措施")
	}
	seen = slices.Clone(seen)
	slices.SortFunc(seen, func(a, b model.RectifyItem) int { return strings.Compare(a.Code, b.Code) })
	codes := make([]string, len(seen))
	for i, it := range seen {
		codes[i] = it.Code
	}
	var before, after []model.RectifyItem
	e := audit.Entry{Action: "修改", Entity: "整改措施", Key: what + "：" + strings.Join(codes, "、"), Before: &before, After: &after}
	return s.Write(e, func(tx *gorm.DB) error {
		if from != nil {
			src, err := s.items(tx, []string{from.Code})
			if err != nil {
				return err
			}
			if err := model.Stale(src[0].Stamp, from.Stamp); err != nil {
				return model.Naming(err, "复制来源整改措施 "+from.Code)
			}
		}
		var err error
		before, after, err = s.changeItems(tx, seen, fn)
		return err
	})
}

// changeItems changes, inside tx, the items seen — by code and the stamp a
// screen read them with — by fn, and saves them with their stamps counted
// up. The items are read again first: one changed or deleted since the
// screen read it refuses the change with who and when
// (*model.ConflictError), and nothing is written. It returns the items
// before and after.
func (s *Service) changeItems(tx *gorm.DB, seen []model.RectifyItem, fn func(*model.RectifyItem) error) (before, after []model.RectifyItem, err error) {
	codes := make([]string, len(seen))
	for i, it := range seen {
		codes[i] = it.Code
	}
	before, err = s.items(tx, codes)
	if err != nil {
		return nil, nil, err
	}
	now := time.Now()
	after = slices.Clone(before)
	for i := range after {
		it := &after[i]
		what := "" // a single item is named by the change's own message
		if len(seen) > 1 {
			what = "整改措施 " + it.Code
		}
		if err := model.Stale(it.Stamp, seen[i].Stamp); err != nil {
			return nil, nil, model.Naming(err, what)
		}
		if err := fn(it); err != nil {
			return nil, nil, err
		}
		if col, msg := ledger.ItemProblem(itemFields(*it)); msg != "" {
			if len(seen) == 1 {
				return nil, nil, fmt.Errorf("%s：%s", col, msg)
			}
			return nil, nil, fmt.Errorf("整改措施 %s %s：%s", it.Code, col, msg)
		}
		if err := model.SaveStamped(tx, it, before[i].Stamp, s.User, now); err != nil {
			return nil, nil, model.Naming(err, what)
		}
	}
	return before, after, nil
}

// ReviewItem records the review of item seen (审核结果 通过 or 退回), the
// signed-in user as reviewer. Only a 管理员 or 领导 may (审核销号); 退回
// sends a 已完成 item back to 整改中. Refused when the item changed since
// it was read (seen's stamp).
func (s *Service) ReviewItem(seen model.RectifyItem, result string) error {
	if !validWord(result, vocab.ReviewResults) {
		return fmt.Errorf("审核结果“%s”无效，应为：%s", result, strings.Join(vocab.ReviewResults, "、"))
	}
	return s.reviewStep(seen, "审核", func(it *model.RectifyItem) error {
		if it.State == vocab.ItemClosed {
			return fmt.Errorf("整改措施 %s 已销号", it.Code)
		}
		it.Review, it.Reviewer = result, s.User
		if result == vocab.ReviewReturn && it.State == vocab.ItemDone {
			it.State = vocab.ItemInProgress
		}
		return nil
	})
}

// CloseItem closes item seen out (销号) on day: it needs 审核结果 通过 and
// a 完成日期. Only a 管理员 or 领导 may. Refused when the item changed
// since it was read (seen's stamp).
func (s *Service) CloseItem(seen model.RectifyItem, day civil.Date) error {
	if day.IsZero() {
		return errors.New("销号须填写销号日期")
	}
	return s.reviewStep(seen, "销号", func(it *model.RectifyItem) error {
		it.State, it.ClosedOn = vocab.ItemClosed, day.String()
		return nil
	})
}

// reviewStep applies a 审核 or 销号 step to item seen (see changeItems).
func (s *Service) reviewStep(seen model.RectifyItem, action string, fn func(*model.RectifyItem) error) error {
	if err := s.Require(PermReview); err != nil {
		return err
	}
	var before, after model.RectifyItem
	e := audit.Entry{Action: action, Entity: "整改措施", Key: seen.Code, Before: &before, After: &after}
	return s.Write(e, func(tx *gorm.DB) error {
		b, a, err := s.changeItems(tx, []model.RectifyItem{seen}, fn)
		if err != nil {
			return err
		}
		before, after = b[0], a[0]
		return nil
	})
}

// Clues lists the clues of round ("" every round) for a user with 线索管理,
// and records the view (查看线索).
func (s *Service) Clues(round string) ([]model.Clue, error) {
	if err := s.Require(PermClues); err != nil {
		return nil, err
	}
	q := s.DB.Order("code")
	if round != "" {
		q = q.Where("round_code = ?", round)
	}
	var cs []model.Clue
	if err := q.Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("读取线索失败: %w", err)
	}
	what := "全部轮次"
	if round != "" {
		what = "轮次 " + round
	}
	return cs, s.auditClueView(what, len(cs))
}

// SaveClue adds (create) or changes a clue; it needs 线索管理. A change is
// saved only while the clue is still at the stamp c was read with.
func (s *Service) SaveClue(c model.Clue, create bool) error {
	if err := s.Require(PermClues); err != nil {
		return err
	}
	c.Code = strings.TrimSpace(c.Code)
	switch {
	case c.Code == "" || c.HandedOn == "":
		return errors.New("线索编号和移交日期不能为空")
	case !validWord(c.Category, vocab.ClueCategories):
		return fmt.Errorf("线索类别“%s”无效", c.Category)
	case !validWord(c.Receiver, vocab.ClueReceivers):
		return fmt.Errorf("移交对象“%s”无效", c.Receiver)
	case c.Level != "" && !validWord(c.Level, vocab.ClueLevels):
		return fmt.Errorf("涉及人员级别“%s”无效", c.Level)
	case c.Outcome != "" && !validWord(c.Outcome, vocab.ClueOutcomes):
		return fmt.Errorf("处置结果“%s”无效", c.Outcome)
	case c.Opened < 0 || c.Sanctioned < 0 || c.Judiciary < 0:
		return errors.New("人数不能为负")
	}
	if err := s.checkDates(c.HandedOn, c.FeedbackDue, c.FeedbackOn); err != nil {
		return err
	}
	if col, msg := ledger.ClueProblem(c.HandedOn, c.FeedbackDue, c.FeedbackOn); msg != "" {
		return fmt.Errorf("%s：%s", col, msg)
	}
	var old model.Clue
	s.DB.Where("code = ?", c.Code).Limit(1).Find(&old)
	e := audit.Entry{Action: "修改", Entity: "线索", Key: c.Code, Before: old, After: c}
	if create {
		e.Action, e.Before = "新增", nil
	}
	read := model.StampOf(&c)
	return s.Write(e, func(tx *gorm.DB) error {
		if err := s.checkRoundTeamUnit(tx, c.RoundCode, c.Team, c.UnitCode); err != nil {
			return err
		}
		if err := existsAs(tx, &model.Clue{}, c.Code, create, "线索编号"); err != nil {
			return err
		}
		return s.saveStamped(tx, &c, read, create)
	})
}

// DeleteClue deletes a clue; it needs 线索管理.
func (s *Service) DeleteClue(code string) error {
	if err := s.Require(PermClues); err != nil {
		return err
	}
	var c model.Clue
	if err := s.DB.Where("code = ?", code).Limit(1).Find(&c).Error; err != nil || c.Code == "" {
		return fmt.Errorf("线索 %s %w", code, ErrNotFound)
	}
	return s.Write(audit.Entry{Action: "删除", Entity: "线索", Key: code, Before: c}, func(tx *gorm.DB) error {
		return tx.Delete(&model.Clue{}, "code = ?", code).Error
	})
}

// LedgerView is the ledger of the whole database on one day, read once:
// the 督办 list through any filter and the leaders' figures, without
// reading the database again (a province term holds some 100,000 rows).
type LedgerView struct {
	s     *Service
	d     *ledger.Data
	set   ledger.Settings
	today civil.Date
}

// LedgerView reads the ledger's rows for views on today.
func (s *Service) LedgerView(today civil.Date) (*LedgerView, error) {
	d, err := s.LedgerData()
	if err != nil {
		return nil, err
	}
	set, err := s.LedgerSettings()
	if err != nil {
		return nil, err
	}
	return &LedgerView{s: s, d: d, set: set, today: today}, nil
}

// Today is the day the view is on.
func (v *LedgerView) Today() civil.Date { return v.today }

// Open is the 督办 list through f (SPEC §9.2): clue rows only for a user
// with 线索管理 — each list that shows them is recorded in the audit log
// (查看线索) — and counted for others.
func (v *LedgerView) Open(f ledger.Filter) (ledger.OpenList, error) {
	l := ledger.Open(v.d, v.set, v.today, f)
	if v.d.ClueRows {
		n := 0
		for _, r := range l.Rows {
			if r.Kind == ledger.OpenClue {
				n++
			}
		}
		if n > 0 {
			if err := v.s.auditClueView("督办", n); err != nil {
				return ledger.OpenList{}, err
			}
		}
	}
	return l, nil
}

// Figures are the leaders' figures per round and jurisdiction (rate,
// overdue items, clues and milestones).
func (v *LedgerView) Figures() []ledger.Figure { return ledger.Figures(v.d, v.set, v.today) }

// Supervise is the 督办 list on today through f; see LedgerView.Open.
func (s *Service) Supervise(f ledger.Filter, today civil.Date) (ledger.OpenList, error) {
	v, err := s.LedgerView(today)
	if err != nil {
		return ledger.OpenList{}, err
	}
	return v.Open(f)
}

// LedgerFigures are the leaders' figures on today; see LedgerView.Figures.
func (s *Service) LedgerFigures(today civil.Date) ([]ledger.Figure, error) {
	v, err := s.LedgerView(today)
	if err != nil {
		return nil, err
	}
	return v.Figures(), nil
}

// ItemDepts lists the 责任部门 the items name, for the 督办 list's filter.
func (s *Service) ItemDepts() ([]string, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	var out []string
	err := s.DB.Model(&model.RectifyItem{}).Where("dept <> ''").Distinct("dept").Order("dept").Pluck("dept", &out).Error
	return out, err
}

// teamResultsLeft refuses, inside tx, to take units away from team t (all
// of them when keep is nil) while findings or clues of the team name
// them: a round's results stay with the team that found them.
func teamResultsLeft(tx *gorm.DB, t model.Team, keep []string) error {
	for _, m := range []struct {
		model any
		what  string
	}{{&model.Finding{}, "问题"}, {&model.Clue{}, "线索"}} {
		q := tx.Model(m.model).Where("round_code = ? AND team = ?", t.RoundCode, t.Name)
		if keep != nil {
			q = q.Where("unit_code NOT IN ?", append([]string{""}, keep...))
		}
		var units []string
		if err := q.Distinct("unit_code").Order("unit_code").Pluck("unit_code", &units).Error; err != nil {
			return err
		}
		if len(units) > 0 {
			return fmt.Errorf("%s 对单位 %s 已登记%s，不能删除该组或移出这些单位；请先处理其%s", t.Name, strings.Join(units, "、"), m.what, m.what)
		}
	}
	return nil
}
