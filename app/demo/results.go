package demo

// The results of the past rounds (SPEC §9): the milestones of each team,
// each unit's findings with their rectification items, and the clues
// handed over. They are drawn from a phase of their own, so that the rest
// of the demonstration data is the same with or without them.

import (
	"fmt"
	"math/rand/v2"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// demoRecorder records the demonstration's milestones.
const demoRecorder = "演示"

// phaseResults is the random phase of the results.
const phaseResults = 40

var (
	demoMeasures = []string{
		"召开专题民主生活会，深入查摆问题根源", "修订完善议事规则和决策程序", "开展专项清理，建立问题台账逐项销号",
		"加强干部教育培训，组织专题学习", "完善内控制度，规范资金审批流程", "落实“三会一课”制度，建立考勤记录",
		"对相关责任人进行约谈提醒", "建立健全选人用人监督机制", "开展警示教育，通报典型案例",
	}
	demoFindings = []string{
		"贯彻落实上级决策部署不够有力", "党组织会议记录不规范，“三会一课”落实不到位", "主体责任落实有差距，对下级监督不力",
		"干部选拔任用程序不规范", "上轮巡察反馈问题整改不彻底", "财务管理不规范，公务接待超标准",
		"基层党组织建设薄弱，发展党员程序不严", "意识形态工作责任制落实不到位",
	}
	demoDepts = []string{"办公室", "组织人事科", "财务科", "党建办", "纪检组", "综合科"}
)

// makeResults writes the results of every past round's teams: their
// milestones, 2 to 4 findings per unit with 1 or 2 items each, and a clue
// for about one unit in four. Items due before the demonstration's day are
// mostly done; some are overdue, some due soon.
func (g *gen) makeResults() {
	r := g.rng(phaseResults)
	teams := make(map[uint]*model.Team, len(g.d.Teams))
	for i := range g.d.Teams {
		teams[g.d.Teams[i].ID] = &g.d.Teams[i]
	}
	rounds := make(map[string]*model.Round, len(g.d.Rounds))
	for i := range g.d.Rounds {
		rounds[g.d.Rounds[i].Code] = &g.d.Rounds[i]
	}
	staffed := map[string]bool{}
	for _, s := range roundSpecs {
		staffed[s.code] = s.staffed
	}
	for i := range g.d.Teams {
		t := &g.d.Teams[i]
		rd := rounds[t.RoundCode]
		if !staffed[t.RoundCode] {
			continue
		}
		end := civil.MustParse(rd.OnsiteEnd)
		feedback := civil.MustParse(rd.FeedbackDate).AddDays(r.IntN(7))
		for _, m := range []struct {
			kind string
			day  civil.Date
		}{
			{vocab.MsReportReview, end.AddDays(15 + r.IntN(5))}, {vocab.MsLeadersHear, end.AddDays(25 + r.IntN(5))},
			{vocab.MsFeedback, feedback}, {vocab.MsHandOver, feedback.AddDays(3)},
		} {
			if m.day <= g.today {
				g.d.Milestones = append(g.d.Milestones, model.Milestone{RoundCode: t.RoundCode, Team: t.Name, Kind: m.kind,
					Date: m.day.String(), Recorder: demoRecorder})
			}
		}
	}
	// The unit head's report (履职情况报告) mostly comes with the
	// rectification report.
	for _, m := range append([]model.Milestone(nil), g.d.Milestones...) {
		if m.Kind == vocab.MsRectifyReport && r.IntN(10) > 0 {
			m.Kind = vocab.MsDutyReport
			g.d.Milestones = append(g.d.Milestones, m)
		}
	}
	for _, tu := range g.d.TeamUnits {
		t := teams[tu.TeamID]
		if !staffed[tu.RoundCode] {
			continue
		}
		g.unitResults(r, rounds[tu.RoundCode], t.Name, tu.UnitCode)
	}
}

// unitResults writes one unit's findings, items and perhaps a clue.
func (g *gen) unitResults(r *rand.Rand, rd *model.Round, team, unit string) {
	found := civil.MustParse(rd.OnsiteEnd).AddDays(-r.IntN(20))
	feedback := civil.MustParse(rd.FeedbackDate)
	for k := 0; k < 2+r.IntN(3); k++ {
		code := fmt.Sprintf("W%s-%s-%d", rd.Code, unit, k+1)
		f := model.Finding{Code: code, RoundCode: rd.Code, Team: team, UnitCode: unit,
			Category:    vocab.FindingCategories[r.IntN(len(vocab.FindingCategories))],
			Description: demoFindings[r.IntN(len(demoFindings))], FoundOn: found.String(), OnTheSpot: r.IntN(8) == 0}
		g.d.Findings = append(g.d.Findings, f)
		for j := 0; j < 1+r.IntN(2); j++ {
			due := feedback.AddMonths(2 + r.IntN(5))
			it := model.RectifyItem{Code: fmt.Sprintf("Z%s-%d", code[1:], j+1), FindingCode: code,
				Measure: demoMeasures[r.IntN(len(demoMeasures))], Dept: demoDepts[r.IntN(len(demoDepts))],
				Owner: "负责人" + string(rune('甲'+r.IntN(8))), Due: due.String(), State: vocab.ItemNotStarted}
			g.itemState(r, &it, due)
			g.d.Items = append(g.d.Items, it)
		}
	}
	if r.IntN(4) == 0 {
		handed := feedback.AddDays(3)
		c := model.Clue{Code: fmt.Sprintf("X%s-%s", rd.Code, unit), RoundCode: rd.Code, Team: team, UnitCode: unit,
			Category: vocab.ClueCategories[r.IntN(len(vocab.ClueCategories))], Level: vocab.ClueLevels[r.IntN(3)],
			Receiver: vocab.ClueReceivers[r.IntN(2)], HandedOn: handed.String()}
		if r.IntN(3) > 0 && handed.AddMonths(2) <= g.today {
			c.FeedbackOn = handed.AddMonths(2).AddDays(r.IntN(20)).String()
			c.Outcome = vocab.ClueOutcomes[r.IntN(len(vocab.ClueOutcomes))]
			if c.Outcome == "立案审查" {
				c.Opened, c.Sanctioned = 1+r.IntN(2), r.IntN(2)
			}
		}
		g.d.Clues = append(g.d.Clues, c)
	}
}

// itemState sets an item's progress as of the demonstration's day: items
// long due are mostly done or closed, a few overdue; items not yet due
// are under way.
func (g *gen) itemState(r *rand.Rand, it *model.RectifyItem, due civil.Date) {
	n := r.IntN(100)
	switch {
	case due < g.today && n < 45:
		it.State, it.DoneOn = vocab.ItemClosed, due.AddDays(-r.IntN(30)).String()
		it.Review, it.Reviewer, it.ClosedOn = vocab.ReviewPass, "王主任", due.AddDays(5).String()
		if it.ClosedOn > g.today.String() {
			it.ClosedOn = g.today.String()
		}
	case due < g.today && n < 85:
		it.State, it.DoneOn = vocab.ItemDone, due.AddDays(-r.IntN(30)).String()
	case due < g.today:
		it.State = vocab.ItemInProgress // overdue
		it.Progress = "正在推进，尚未完成"
	case n < 30:
		it.State, it.DoneOn = vocab.ItemDone, g.today.AddDays(-r.IntN(10)).String()
	case n < 80:
		it.State, it.Progress = vocab.ItemInProgress, "已制定方案，正在落实"
	}
}
