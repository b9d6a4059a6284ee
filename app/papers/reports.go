package papers

import (
	"fmt"
	"strconv"
	"strings"
)

// figureValues are the placeholders of the statistics' figures.
func figureValues(vals map[string]string, f *Figures) map[string]string {
	n := strconv.Itoa
	for k, v := range map[string]string{
		"统计范围": f.Scope, "统计日": Date(f.Today), "轮次数": n(f.Rounds), "巡察组数": n(f.Teams), "被巡察单位数": n(f.Units),
		"应覆盖": n(f.Required), "已覆盖": n(f.Covered), "覆盖率": pct(f.CoverageRate),
		"抽调人次": n(f.Placements), "抽调人数": n(f.Distinct), "专职人次": n(f.FullTime),
		"新提拔参加": n(f.NewlyPromoted), "新提拔待参加": n(f.Owing),
		"问题数": n(f.Findings), "立行立改数": n(f.OnTheSpot), "问题分类": countSentence("其中", f.ByCategory, "方面", "个"),
		"整改措施数": n(f.Items), "已完成数": n(f.Done), "已销号数": n(f.Closed), "整改率": pct(f.Rate), "逾期数": n(f.Overdue),
		"线索数": n(f.Clues), "线索去向": countSentence("其中移交", f.ByReceiver, "", "条"),
		"立案人数": n(f.Opened), "处分人数": n(f.Sanctioned), "移送司法人数": n(f.Judiciary),
	} {
		vals[k] = v
	}
	if vals["线索去向"] == "" {
		vals["线索去向"] = "无"
	} else {
		vals["线索去向"] = strings.TrimSuffix(vals["线索去向"], "。")
	}
	return vals
}

// countSentence writes counts as 其中党的建设缺失方面10个、其他方面2个。 ("" when
// there are none).
func countSentence(lead string, cs []Count, suffix, unit string) string {
	var parts []string
	for _, c := range cs {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%s%s%d%s", c.Name, suffix, c.N, unit))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return lead + strings.Join(parts, "、") + "。"
}

// Annual is the year's report upward (年度汇报): a skeleton with headings
// and the year's figures in sentences, for the clerk to write around;
// dated the figures' day.
func (b *Builder) Annual(year int, termName string, f *Figures) Paper {
	vals := figureValues(map[string]string{"年度": strconv.Itoa(year), "届期名称": termName}, f)
	vals["成文日期"] = Date(f.Today)
	return b.compose(KindAnnual, string(KindAnnual), fmt.Sprintf("%d年度巡察工作汇报", year), vals, nil)
}

// Summary is round r's report upward (每轮综合情况) with its figures;
// dated the figures' day.
func (b *Builder) Summary(r *Round, f *Figures) Paper {
	vals := figureValues(roundValues(r, nil), f)
	vals["成文日期"] = Date(f.Today)
	return b.compose(KindSummary, string(KindSummary), "巡察综合情况报告_"+r.Code, vals, nil)
}
