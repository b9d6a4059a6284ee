package workbook

// The sheets of a round's results (SPEC §6.1 "Added by Part II", §9):
// 巡察节点, 问题清单, 整改台账 and 线索移交. They refer to the rounds, teams and
// units of 巡察任务 (in the file or the database) and come after it.

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/ledger"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Sheet names of the results.
const (
	SheetMilestones = "巡察节点"
	SheetFindings   = "问题清单"
	SheetItems      = "整改台账"
	SheetClues      = "线索移交"
)

// ReviewColumns are the columns of 整改台账 only a 管理员 or 领导 may set,
// and a unit's file never.
var ReviewColumns = []string{"审核结果", "审核人", "销号日期"}

var milestoneSheet = &entity[model.Milestone]{
	sheet: SheetMilestones,
	fields: []field[model.Milestone]{
		textCol("轮次编码", true, "巡察任务表或数据库中已有的轮次编码", func(v *model.Milestone) *string { return &v.RoundCode }),
		textCol("巡察组", false, "空白表示本轮全部巡察组", func(v *model.Milestone) *string { return &v.Team }),
		wordCol("节点", true, "", vocab.Milestones, "", func(v *model.Milestone) *string { return &v.Kind }),
		dateCol("日期", true, "该节点实际完成的日期", func(v *model.Milestone) *string { return &v.Date }),
		textCol("记录人", false, "", func(v *model.Milestone) *string { return &v.Recorder }),
		textCol("单位编码", false, "只对该组的一个被巡察单位记录时填写（如某单位的整改报告收到）；空白表示全组", func(v *model.Milestone) *string { return &v.UnitCode }),
	},
	zero:    func() model.Milestone { return model.Milestone{} },
	key:     milestoneKey,
	keyDesc: "轮次编码、巡察组、单位编码和节点", keyCol: "节点",
	check: func(v *model.Milestone) (string, string) {
		if v.UnitCode != "" && v.Team == "" {
			return "巡察组", "填写单位编码时须填写巡察组"
		}
		return "", ""
	},
}

func milestoneKey(v *model.Milestone) string { return join(v.RoundCode, v.Team, v.UnitCode, v.Kind) }

var findingSheet = &entity[model.Finding]{
	sheet: SheetFindings,
	fields: []field[model.Finding]{
		textCol("问题编号", true, "问题的编号，全库唯一；整改台账用它指代问题", func(v *model.Finding) *string { return &v.Code }),
		textCol("轮次编码", true, "", func(v *model.Finding) *string { return &v.RoundCode }),
		textCol("巡察组", true, "", func(v *model.Finding) *string { return &v.Team }),
		refCol("单位编码", true, "须为该组在该轮巡察的单位", refUnit, func(v *model.Finding) *string { return &v.UnitCode }),
		textCol("问题类别", true, "可填："+strings.Join(vocab.FindingCategories, "、")+"（以设置为准）", func(v *model.Finding) *string { return &v.Category }),
		textCol("问题描述", true, fmt.Sprintf("简要描述，不超过%d字；全文留在巡察报告中", ledger.MaxDescription), func(v *model.Finding) *string { return &v.Description }),
		dateCol("发现日期", false, "", func(v *model.Finding) *string { return &v.FoundOn }),
		boolCol("立行立改", "巡察期间边巡边改的填 是", func(v *model.Finding) *bool { return &v.OnTheSpot }),
	},
	zero:    func() model.Finding { return model.Finding{} },
	key:     func(v *model.Finding) string { return v.Code },
	keyDesc: "问题编号", keyCol: "问题编号",
	check: func(v *model.Finding) (string, string) { return ledger.DescriptionProblem(v.Description) },
}

var itemSheet = &entity[model.RectifyItem]{
	sheet: SheetItems,
	fields: []field[model.RectifyItem]{
		textCol("整改编号", true, "整改措施的编号，全库唯一", func(v *model.RectifyItem) *string { return &v.Code }),
		textCol("问题编号", true, "问题清单表或数据库中已有的问题编号", func(v *model.RectifyItem) *string { return &v.FindingCode }),
		textCol("整改措施", true, "", func(v *model.RectifyItem) *string { return &v.Measure }),
		textCol("责任部门", false, "", func(v *model.RectifyItem) *string { return &v.Dept }),
		textCol("责任人", false, "", func(v *model.RectifyItem) *string { return &v.Owner }),
		dateCol("完成时限", true, "", func(v *model.RectifyItem) *string { return &v.Due }),
		wordCol("状态", false, "空白为 未启动；已完成须填完成日期，已销号须审核结果为 通过 且有完成日期", vocab.ItemStates, vocab.ItemNotStarted, func(v *model.RectifyItem) *string { return &v.State }),
		dateCol("完成日期", false, "", func(v *model.RectifyItem) *string { return &v.DoneOn }),
		wordCol("审核结果", false, "由巡察办审核填写", vocab.ReviewResults, "", func(v *model.RectifyItem) *string { return &v.Review }),
		textCol("审核人", false, "", func(v *model.RectifyItem) *string { return &v.Reviewer }),
		dateCol("销号日期", false, "", func(v *model.RectifyItem) *string { return &v.ClosedOn }),
		textCol("备注", false, "", func(v *model.RectifyItem) *string { return &v.Note }),
		textCol("整改进展", false, "被巡察单位报告的进展", func(v *model.RectifyItem) *string { return &v.Progress }),
	},
	zero:    func() model.RectifyItem { return model.RectifyItem{State: vocab.ItemNotStarted} },
	key:     func(v *model.RectifyItem) string { return v.Code },
	keyDesc: "整改编号", keyCol: "整改编号",
	check: checkItem,
}

// checkItem holds an item to ledger.ItemProblem.
func checkItem(v *model.RectifyItem) (string, string) {
	return ledger.ItemProblem(ledger.ItemFields{State: v.State, DoneOn: v.DoneOn, Review: v.Review, ClosedOn: v.ClosedOn})
}

var clueSheet = &entity[model.Clue]{
	sheet: SheetClues,
	fields: []field[model.Clue]{
		textCol("线索编号", true, "全库唯一；只登记元数据，不填姓名和线索内容", func(v *model.Clue) *string { return &v.Code }),
		textCol("轮次编码", true, "", func(v *model.Clue) *string { return &v.RoundCode }),
		textCol("巡察组", true, "", func(v *model.Clue) *string { return &v.Team }),
		refCol("单位编码", true, "须为该组在该轮巡察的单位", refUnit, func(v *model.Clue) *string { return &v.UnitCode }),
		wordCol("线索类别", true, "", vocab.ClueCategories, "", func(v *model.Clue) *string { return &v.Category }),
		wordCol("涉及人员级别", false, "", vocab.ClueLevels, "", func(v *model.Clue) *string { return &v.Level }),
		wordCol("移交对象", true, "", vocab.ClueReceivers, "", func(v *model.Clue) *string { return &v.Receiver }),
		dateCol("移交日期", true, "", func(v *model.Clue) *string { return &v.HandedOn }),
		dateCol("反馈时限", false, "空白为移交日期后3个月", func(v *model.Clue) *string { return &v.FeedbackDue }),
		dateCol("反馈日期", false, "", func(v *model.Clue) *string { return &v.FeedbackOn }),
		wordCol("处置结果", false, "", vocab.ClueOutcomes, "", func(v *model.Clue) *string { return &v.Outcome }),
		countCol("立案人数", func(v *model.Clue) *int { return &v.Opened }),
		countCol("处分人数", func(v *model.Clue) *int { return &v.Sanctioned }),
		countCol("移送司法人数", func(v *model.Clue) *int { return &v.Judiciary }),
	},
	zero:    func() model.Clue { return model.Clue{} },
	key:     func(v *model.Clue) string { return v.Code },
	keyDesc: "线索编号", keyCol: "线索编号",
	check: func(v *model.Clue) (string, string) {
		return ledger.ClueProblem(v.HandedOn, v.FeedbackDue, v.FeedbackOn)
	},
}

// countCol is a count of people, 0 to 9999; blank is 0.
func countCol[T any](name string, p func(*T) *int) field[T] {
	return field[T]{
		column: column{name: name, help: "人数，0 至 9999 的整数，空白为 0"},
		get: func(v *T) string {
			if *p(v) == 0 {
				return ""
			}
			return strconv.Itoa(*p(v))
		},
		set: func(v *T, s string) string {
			if s == "" {
				*p(v) = 0
				return ""
			}
			n, err := strconv.Atoi(strings.TrimSuffix(s, ".0"))
			if err != nil || n < 0 || n > 9999 {
				return fmt.Sprintf("“%s”无效，应为 0 至 9999 的整数", s)
			}
			*p(v) = n
			return ""
		},
	}
}

// resultsExisting is the results as the database holds them.
type resultsExisting struct {
	milestones map[string]model.Milestone
	findings   map[string]model.Finding
	items      map[string]model.RectifyItem
	clues      map[string]model.Clue
	categories []string // 问题类别 accepted
}

// loadResultsExisting reads the results tables the input's sheets touch.
func loadResultsExisting(db *gorm.DB, need map[string]bool) (resultsExisting, error) {
	rx := resultsExisting{milestones: map[string]model.Milestone{}, findings: map[string]model.Finding{},
		items: map[string]model.RectifyItem{}, clues: map[string]model.Clue{}}
	var err error
	if need[SheetMilestones] || need[SheetTasks] {
		if rx.milestones, err = loadMap(db, milestoneKey); err != nil {
			return rx, err
		}
	}
	if need[SheetFindings] || need[SheetItems] {
		if rx.findings, err = loadMap(db, findingSheet.key); err != nil {
			return rx, err
		}
	}
	if need[SheetItems] {
		if rx.items, err = loadMap(db, itemSheet.key); err != nil {
			return rx, err
		}
	}
	if need[SheetClues] {
		if rx.clues, err = loadMap(db, clueSheet.key); err != nil {
			return rx, err
		}
	}
	set := ledger.Defaults()
	var row model.Setting
	if err := db.Where("key = ?", ledger.SettingsKey).Limit(1).Find(&row).Error; err != nil {
		return rx, err
	}
	if row.Value != "" {
		_ = json.Unmarshal([]byte(row.Value), &set) // a bad setting reads as the defaults
	}
	rx.categories = set.Normalized().Categories
	return rx, nil
}

// resultsPlan is what writing the results sheets would change.
type resultsPlan struct {
	milestones delta[model.Milestone]
	findings   delta[model.Finding]
	items      delta[model.RectifyItem]
	clues      delta[model.Clue]
}

// roundTeams answers which rounds and teams exist, and which team of a
// round inspects a unit: the file's accepted 巡察任务 rows over the
// database.
type roundTeams struct {
	rounds   map[string]bool
	teams    map[string]bool   // round + team
	unitTeam map[string]string // round + unit → team
}

func newRoundTeams(tasks []rec[taskRow], ex *existing) *roundTeams {
	rt := &roundTeams{rounds: map[string]bool{}, teams: map[string]bool{}, unitTeam: map[string]string{}}
	for code := range ex.rounds {
		rt.rounds[code] = true
	}
	for _, t := range ex.teams {
		rt.teams[join(t.RoundCode, t.Name)] = true
	}
	for _, tu := range ex.teamUnits {
		rt.unitTeam[join(tu.RoundCode, tu.UnitCode)] = ex.teamByID[tu.TeamID].Name
	}
	for i := range tasks {
		if r := &tasks[i].v; tasks[i].ok {
			rt.rounds[r.Round] = true
			rt.teams[join(r.Round, r.Team)] = true
			rt.unitTeam[join(r.Round, r.Unit)] = r.Team
		}
	}
	return rt
}

// problem checks a round, team (optional when teamOpt) and unit
// (optional: "") and returns the column and message of what is wrong.
func (rt *roundTeams) problem(round, team, unit string, teamOpt bool) (string, string) {
	switch {
	case !rt.rounds[round]:
		return "轮次编码", fmt.Sprintf("轮次“%s”不存在（巡察任务表和数据库中都没有）", round)
	case team == "" && teamOpt:
		return "", ""
	case !rt.teams[join(round, team)]:
		return "巡察组", fmt.Sprintf("轮次“%s”中没有巡察组“%s”", round, team)
	case unit != "" && rt.unitTeam[join(round, unit)] != team:
		return "单位编码", fmt.Sprintf("单位“%s”不是轮次“%s”%s的被巡察单位", unit, round, team)
	}
	return "", ""
}

// rejectWhere rejects the accepted rows for which bad returns a problem.
func rejectWhere[T any](recs []rec[T], c *collector, bad func(*T) (string, string)) {
	for i := range recs {
		if !recs[i].ok {
			continue
		}
		if col, msg := bad(&recs[i].v); msg != "" {
			c.add(recs[i].at, col, msg)
			recs[i].ok = false
		}
	}
}

// planResults checks the results sheets against the file's 巡察任务 and
// the database, and works out what writing them would change.
func planResults(tables map[string][]*table, tasks []rec[taskRow], rs refSets, ex *existing, rx resultsExisting, opt Options, c *collector) resultsPlan {
	rt := newRoundTeams(tasks, ex)
	ms := readRecs(milestoneSheet, tables[SheetMilestones], c)
	rejectWhere(ms, c, func(v *model.Milestone) (string, string) { return rt.problem(v.RoundCode, v.Team, v.UnitCode, true) })
	ms = append(reportCells(tasks, ms), ms...)

	fs := readRecs(findingSheet, tables[SheetFindings], c)
	checkRefs(findingSheet, fs, rs, c)
	rejectWhere(fs, c, func(v *model.Finding) (string, string) {
		if indexOf(v.Category, rx.categories) < 0 {
			return "问题类别", msgBadWord(v.Category, rx.categories)
		}
		return rt.problem(v.RoundCode, v.Team, v.UnitCode, false)
	})
	findingSet := newCodeSet(findingSheet, fs, has(rx.findings))

	its := readRecs(itemSheet, tables[SheetItems], c)
	rejectWhere(its, c, func(v *model.RectifyItem) (string, string) {
		if findingSet.has(v.FindingCode) {
			return "", ""
		}
		if at, ok := findingSet.bad[v.FindingCode]; ok {
			return "问题编号", fmt.Sprintf("引用的问题“%s”有错误（见 %s），本行未能导入", v.FindingCode, at.where())
		}
		return "问题编号", fmt.Sprintf("问题编号“%s”不存在（问题清单表和数据库中都没有）", v.FindingCode)
	})
	if opt.NoReview {
		refuseReview(its, rx.items, c)
	}

	cs := readRecs(clueSheet, tables[SheetClues], c)
	if opt.NoClues && len(tables[SheetClues]) > 0 {
		for _, t := range tables[SheetClues] {
			c.add(src{t.label, 0}, "", msgNoClueRight)
		}
		for i := range cs {
			cs[i].ok = false
		}
	}
	checkRefs(clueSheet, cs, rs, c)
	rejectWhere(cs, c, func(v *model.Clue) (string, string) { return rt.problem(v.RoundCode, v.Team, v.UnitCode, false) })

	return resultsPlan{
		milestones: diff(milestoneSheet, ms, rx.milestones),
		findings:   diff(findingSheet, fs, rx.findings),
		items:      diff(itemSheet, its, rx.items),
		clues:      diff(clueSheet, cs, rx.clues),
	}
}

const msgNoClueRight = "当前用户没有“线索管理”权限，不能导入线索移交表"

// refuseReview rejects item rows that would set or change 审核结果, 审核人
// or 销号日期, or make an item 已销号, for a user who may not review.
func refuseReview(its []rec[model.RectifyItem], old map[string]model.RectifyItem, c *collector) {
	for i := range its {
		r := &its[i]
		if !r.ok {
			continue
		}
		prev := old[r.v.Code]
		for _, f := range []struct{ col, now, was string }{
			{"审核结果", r.v.Review, prev.Review}, {"审核人", r.v.Reviewer, prev.Reviewer},
			{"销号日期", r.v.ClosedOn, prev.ClosedOn},
		} {
			if f.now != f.was && r.present[itemSheet.index(f.col)] {
				c.add(r.at, f.col, fmt.Sprintf("审核和销号只能由管理员或领导办理，不能填写“%s”", f.col))
				r.ok = false
			}
		}
		if r.ok && r.v.State == vocab.ItemClosed && prev.State != vocab.ItemClosed {
			c.add(r.at, "状态", "审核和销号只能由管理员或领导办理，不能改为 已销号")
			r.ok = false
		}
	}
}

// reportCells turns the 整改报告收到日期 cells of 巡察任务 (the column of
// files from before milestones) into 整改报告收到 milestones of their
// units. A blank cell changes nothing: the milestones sheet holds them now.
func reportCells(tasks []rec[taskRow], sheet []rec[model.Milestone]) []rec[model.Milestone] {
	given := make(map[string]bool)
	for i := range sheet {
		given[milestoneKey(&sheet[i].v)] = true
	}
	var out []rec[model.Milestone]
	for i := range tasks {
		t := &tasks[i]
		if !t.ok || t.v.Received == "" {
			continue
		}
		m := model.Milestone{RoundCode: t.v.Round, Team: t.v.Team, UnitCode: t.v.Unit, Kind: vocab.MsRectifyReport,
			Date: t.v.Received}
		if given[milestoneKey(&m)] {
			continue // the 巡察节点 sheet says it
		}
		present := make([]bool, len(milestoneSheet.fields))
		for k, f := range milestoneSheet.fields {
			present[k] = f.name != "记录人"
		}
		out = append(out, rec[model.Milestone]{at: t.at, ok: true, v: m, present: present})
	}
	return out
}

// summaries lists the results sheets' summaries.
func (p *resultsPlan) summaries() []SheetSummary {
	return []SheetSummary{p.milestones.summary, p.findings.summary, p.items.summary, p.clues.summary}
}

// sheetsWithResults adds the results sheets to the sheets an input names.
func hasResults(need map[string]bool) bool {
	return need[SheetMilestones] || need[SheetFindings] || need[SheetItems] || need[SheetClues]
}

// changes counts the rows writing the plan would add or update.
func (p *resultsPlan) changes() int {
	return len(p.milestones.adds) + len(p.milestones.updates) + len(p.findings.adds) + len(p.findings.updates) +
		len(p.items.adds) + len(p.items.updates) + len(p.clues.adds) + len(p.clues.updates)
}

// write applies the results, after the rounds and teams they refer to.
func (p *resultsPlan) write(tx *gorm.DB) error {
	for _, f := range []func() error{
		func() error { return apply(tx, p.milestones.adds, p.milestones.updates) },
		func() error { return apply(tx, p.findings.adds, p.findings.updates) },
		func() error { return apply(tx, p.items.adds, p.items.updates) },
		func() error { return apply(tx, p.clues.adds, p.clues.updates) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// writeResults writes the results sheets of an export: every milestone,
// finding and item, and the clues when withClues.
func writeResults(db *gorm.DB, b *book, withClues bool) error {
	t, err := model.LoadResults(db, withClues)
	if err != nil {
		return err
	}
	if err := writeEntity(b, milestoneSheet, t.Milestones); err != nil {
		return err
	}
	if err := writeEntity(b, findingSheet, t.Findings); err != nil {
		return err
	}
	if err := writeEntity(b, itemSheet, t.Items); err != nil {
		return err
	}
	if !withClues {
		return nil
	}
	return writeEntity(b, clueSheet, t.Clues)
}
