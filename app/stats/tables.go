package stats

import (
	"strconv"
	"strings"
)

// Table is one table of the statistics: a sheet of the workbook.
type Table struct {
	Sheet   string
	Columns []string
	Rows    [][]any
}

// ScopeText says the scope in words: 第十五届（T1），2026年，城关区.
func (d *Details) ScopeText() string {
	parts := []string{d.TermName + "（" + d.Scope.Term + "）"}
	if d.TermName == "" {
		parts[0] = d.Scope.Term
	}
	if d.Scope.Year != 0 {
		parts = append(parts, strconv.Itoa(d.Scope.Year)+"年")
	}
	if d.Scope.County != "" {
		parts = append(parts, d.CountyName)
	} else {
		parts = append(parts, "全部县区")
	}
	return strings.Join(parts, "，")
}

// Summary lists the figures of the report as label, value pairs, in the
// order of the JSON.
func Summary(rep *Report, det *Details) [][2]string {
	n := strconv.Itoa
	return [][2]string{
		{"统计范围", det.ScopeText()}, {"统计日", rep.Today},
		{"轮次", n(rep.Rounds)}, {"巡察组", n(rep.Teams)}, {"被巡察单位", n(rep.UnitsInspected)},
		{"届内应覆盖单位", n(rep.Coverage.Required)}, {"届内已覆盖单位", n(rep.Coverage.Covered)}, {"届内覆盖率", Percent(rep.Coverage.Rate)},
		{"编入巡察组（人次）", n(rep.People.Placements)}, {"编入巡察组（人数）", n(rep.People.Distinct)},
		{"专职巡察干部（人次）", n(rep.People.FullTime)}, {"新提拔干部参加巡察（人）", n(rep.People.NewlyPromotedServed)},
		{"新提拔干部尚欠轮次（人）", n(rep.People.Owing)},
		{"发现问题", n(rep.Findings.Total)}, {"其中立行立改", n(rep.Findings.OnTheSpot)},
		{"整改措施", n(rep.Rectification.Items)}, {"已完成", n(rep.Rectification.Done)}, {"已销号", n(rep.Rectification.Closed)},
		{"逾期未完成", n(rep.Rectification.Overdue)}, {"整改率", Percent(rep.Rectification.Rate)},
		{"移交线索", n(rep.Clues.Total)}, {"立案人数", n(rep.Clues.CasesOpened)}, {"处分人数", n(rep.Clues.Sanctioned)},
		{"移送司法人数", n(rep.Clues.ToJudiciary)},
	}
}

// Definitions say how each figure is counted (SPEC §12.2), for the
// workbook's 指标说明 sheet and the screen's help.
var Definitions = [][2]string{
	{"统计范围", "届期；可选年度（进驻开始在该年的轮次）和县区（被巡察单位所在县区）。轮次、巡察组、被巡察单位、人员和成果的数字都只计范围内的轮次中、被巡察单位在该县区的巡察组。"},
	{"轮次", "范围内有巡察组的轮次数；不选县区时为该届期（年度）的全部轮次。"},
	{"巡察组", "范围内的巡察组数。"},
	{"被巡察单位", "范围内巡察组巡察的单位数，同一单位只计一次。"},
	{"届内覆盖", "届期的全覆盖进度（按巡察日历，进驻结束后计为已覆盖），选县区时只计该县区应覆盖的单位；覆盖率 = 已覆盖 / 应覆盖，保留四位小数。"},
	{"编入巡察组（人次）", "范围内巡察组的编组名单（已保存的编组或导入的编组记录）中的人次。"},
	{"编入巡察组（人数）", "上述人次中的不同人员数。"},
	{"专职巡察干部（人次）", "上述人次中专职人员的人次。"},
	{"按工作关系地", "上述人次按人员的工作关系地分列，只列不为零的。"},
	{"新提拔干部参加巡察", "范围内编入巡察组、且对所编入的轮次而言属新提拔（新提拔日期在该轮进驻开始前两年内、其间未参加过巡察）的不同人员数。"},
	{"新提拔干部尚欠轮次", "统计日尚欠参加巡察轮次的新提拔干部人数：职级在设置之列、新提拔日期在统计日前的期限内、自新提拔日期至统计日前参加的轮次少于应参加的轮次；选县区时只计工作关系地在该县区的人员。"},
	{"发现问题", "范围内轮次中、被巡察单位在该县区的问题数；立行立改另计。"},
	{"整改措施", "上述问题的整改措施：已完成只计“已完成”，已销号只计“已销号”；逾期为未完成且完成时限早于统计日的；整改率 = （已完成 + 已销号）/ 整改措施，保留四位小数。"},
	{"移交线索", "范围内轮次中、被巡察单位在该县区的线索数，按移交对象分列；立案、处分、移送司法人数为各线索所填人数之和。"},
}

// Tables are the statistics as the workbook's sheets: the summary, the
// coverage, the rounds, the findings by category, the clues, the people
// by jurisdiction, the newly promoted lists, and the definitions.
func Tables(rep *Report, det *Details) []Table {
	var out []Table
	sum := Table{Sheet: "概况", Columns: []string{"指标", "数值"}}
	for _, kv := range Summary(rep, det) {
		sum.Rows = append(sum.Rows, []any{kv[0], kv[1]})
	}
	out = append(out, sum)
	cov := Table{Sheet: "届内覆盖", Columns: []string{"县区编码", "县区", "应覆盖", "已覆盖", "已计划", "未安排", "覆盖率"}}
	for _, c := range det.Coverage {
		cov.Rows = append(cov.Rows, []any{c.County, c.Name, c.Required, c.Covered, c.Planned, c.Required - c.Covered - c.Planned,
			Percent(ratio(c.Covered, c.Required))})
	}
	out = append(out, cov)
	rnd := Table{Sheet: "轮次", Columns: []string{"轮次编码", "轮次名称", "进驻开始", "巡察组", "被巡察单位", "编入人次", "问题",
		"整改措施", "已完成", "已销号", "逾期", "整改率", "移交线索"}}
	for _, r := range det.ByRound {
		rnd.Rows = append(rnd.Rows, []any{r.Round, r.Name, r.Start.String(), r.Teams, r.Units, r.Placements, r.Findings,
			r.Items, r.Done, r.Closed, r.Overdue, Percent(r.Rate), r.Clues})
	}
	out = append(out, rnd)
	cat := Table{Sheet: "问题类别", Columns: []string{"问题类别", "问题数"}}
	for _, c := range det.ByCategory {
		cat.Rows = append(cat.Rows, []any{c.Name, c.N})
	}
	out = append(out, cat)
	clue := Table{Sheet: "线索", Columns: []string{"移交对象", "线索数", "处置结果", "条数"}}
	for _, r := range det.Receivers {
		for i, o := range r.ByOutcome {
			total := any(r.Total)
			name := r.Name
			if i > 0 {
				total, name = "", ""
			}
			clue.Rows = append(clue.Rows, []any{name, total, o.Name, o.N})
		}
	}
	out = append(out, clue)
	ppl := Table{Sheet: "抽调人员", Columns: []string{"工作关系地编码", "工作关系地", "人次", "专职人次"}}
	for _, h := range det.ByHome {
		ppl.Rows = append(ppl.Rows, []any{h.County, h.Name, h.Placements, h.FullTime})
	}
	out = append(out, ppl)
	served := Table{Sheet: "新提拔已参加", Columns: []string{"人员编号", "姓名", "工作关系地", "职级", "新提拔日期"}}
	for _, p := range det.Promoted {
		served.Rows = append(served.Rows, []any{p.Person, p.Name, p.County, p.Rank, p.Promoted.String()})
	}
	owing := Table{Sheet: "新提拔待参加", Columns: []string{"人员编号", "姓名", "工作关系地", "职级", "新提拔日期", "尚欠轮次", "应参加期限"}}
	for _, p := range det.Owing {
		owing.Rows = append(owing.Rows, []any{p.Person, p.Name, p.County, p.Rank, p.Promoted.String(), p.Owed, p.By.String()})
	}
	out = append(out, served, owing)
	defs := Table{Sheet: "指标说明", Columns: []string{"指标", "口径"}}
	for _, d := range Definitions {
		defs.Rows = append(defs.Rows, []any{d[0], d[1]})
	}
	return append(out, defs)
}
