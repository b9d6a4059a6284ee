package papers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// unitValues are the placeholders of a unit's results.
func unitValues(r *Round, u *UnitResults) map[string]string {
	vals := roundValues(r, u.Team)
	team := ""
	if u.Team != nil {
		team = u.Team.Name
	}
	vals["巡察组"], vals["单位名称"] = team, u.Unit.Name
	vals["反馈日期"], vals["整改报告期限"] = Date(u.Feedback), Date(u.ReportDue)
	return vals
}

// Feedback is the 巡察反馈意见 of unit u: an outline with its findings
// grouped by 问题类别 (in the settings' order, then any other), dated its
// 反馈.
func (b *Builder) Feedback(r *Round, u *UnitResults) Paper {
	vals := unitValues(r, u)
	vals["成文日期"], vals["问题数"] = Date(u.Feedback), strconv.Itoa(len(u.Findings))
	var list []Block
	for i, cat := range b.groups(u.Findings) {
		head := cat
		if !strings.HasSuffix(head, "方面") {
			head += "方面"
		}
		list = append(list, Block{Kind: BHeading2, Text: "（" + vocab.Numeral(i+1) + "）" + head})
		n := 0
		for _, f := range u.Findings {
			if f.Category != cat {
				continue
			}
			n++
			text := strings.TrimRight(strings.TrimSpace(f.Description), "。；;.") + "。"
			if f.OnTheSpot {
				text += "（已立行立改）"
			}
			list = append(list, Block{Kind: BBody, Text: fmt.Sprintf("%d.%s", n, text)})
		}
	}
	if len(list) == 0 {
		list = []Block{{Kind: BBody, Text: "本轮巡察未发现需要反馈的问题。"}}
	}
	return b.compose(KindFeedback, string(KindFeedback), "巡察反馈意见_"+u.Unit.Code+"_"+u.Unit.Name, vals,
		map[string][]Block{"问题清单": list})
}

// groups are the categories of fs in the settings' order, then the others
// in name order.
func (b *Builder) groups(fs []Finding) []string {
	var out, rest []string
	for _, c := range b.categories {
		if slices.ContainsFunc(fs, func(f Finding) bool { return f.Category == c }) {
			out = append(out, c)
		}
	}
	for _, f := range fs {
		if !slices.Contains(out, f.Category) && !slices.Contains(rest, f.Category) {
			rest = append(rest, f.Category)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// Rectify is the 整改通知书 of unit u: its items with who is responsible
// and by when, and the day its report is due; dated its 反馈.
func (b *Builder) Rectify(r *Round, u *UnitResults) Paper {
	vals := unitValues(r, u)
	vals["成文日期"], vals["整改措施数"] = Date(u.Feedback), strconv.Itoa(len(u.Items))
	tb := &Table{Widths: []float64{0.8, 2.2, 2.8, 3.2, 1.5, 1.9}, Rows: []Row{{Head: true,
		Cells: cells("序号", "整改编号", "问题", "整改措施", "责任部门\n责任人", "完成时限")}}}
	for i, it := range u.Items {
		tb.Rows = append(tb.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1), Center: true}, {Text: it.Code},
			{Text: it.Problem}, {Text: it.Measure}, {Text: strings.TrimSpace(it.Dept + "\n" + it.Owner)}, {Text: it.Due.String(), Center: true}}})
	}
	list := []Block{{Kind: BTable, Table: tb}}
	if len(u.Items) == 0 {
		list = []Block{{Kind: BBody, Text: "（尚未录入整改措施。）"}}
	}
	return b.compose(KindRectify, string(KindRectify), "整改通知书_"+u.Unit.Code+"_"+u.Unit.Name, vals,
		map[string][]Block{"整改事项表": list})
}

// Handover is the 问题线索移交函 of round r to receiver: the clues' codes,
// categories, levels and dates and their count by category — no content;
// dated the latest hand-over.
func (b *Builder) Handover(r *Round, receiver string, clues []Clue, categories []string) Paper {
	vals := roundValues(r, nil)
	var last civil.Date
	for _, c := range clues {
		last = max(last, c.HandedOn)
	}
	vals["成文日期"], vals["移交对象"], vals["线索数"] = Date(last), receiver, strconv.Itoa(len(clues))
	var parts []string
	for _, cat := range append(append([]string(nil), categories...), otherCategories(clues, categories)...) {
		n := 0
		for _, c := range clues {
			if c.Category == cat {
				n++
			}
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s类%d条", cat, n))
		}
	}
	vals["线索分类"] = ""
	if len(parts) > 0 {
		vals["线索分类"] = "其中" + strings.Join(parts, "、") + "。"
	}
	tb := &Table{Widths: []float64{0.8, 2.2, 2.6, 1.3, 1.4, 2.2, 2.2}, Rows: []Row{{Head: true,
		Cells: cells("序号", "线索编号", "被巡察单位", "线索类别", "涉及人员级别", "移交日期", "反馈时限")}}}
	for i, c := range clues {
		tb.Rows = append(tb.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1), Center: true}, {Text: c.Code}, {Text: c.Unit}, {Text: c.Category, Center: true}, {Text: c.Level, Center: true}, {Text: c.HandedOn.String(), Center: true},
			{Text: c.FeedbackDue.String(), Center: true}}})
	}
	return b.compose(KindHandover, string(KindHandover), "问题线索移交函_"+r.Code+"_"+receiver, vals,
		map[string][]Block{"线索表": {{Kind: BTable, Table: tb}}})
}

// otherCategories are the clues' categories not in known, in name order.
func otherCategories(clues []Clue, known []string) []string {
	var out []string
	for _, c := range clues {
		if !slices.Contains(known, c.Category) && !slices.Contains(out, c.Category) {
			out = append(out, c.Category)
		}
	}
	slices.Sort(out)
	return out
}

// Urge is the 督办通知 of unit u on today: what of it is overdue (items,
// and the rectification report), dated today.
func (b *Builder) Urge(r *Round, u *UnitResults, overdue []Overdue, today civil.Date) Paper {
	vals := unitValues(r, u)
	vals["成文日期"], vals["统计日"], vals["逾期数"] = Date(today), Date(today), strconv.Itoa(len(overdue))
	tb := &Table{Widths: []float64{0.8, 2.2, 3.6, 1.6, 1.9, 1.2}, Rows: []Row{{Head: true,
		Cells: cells("序号", "整改编号", "事项", "责任部门", "期限", "逾期天数")}}}
	for i, o := range overdue {
		code := o.Code
		if code == "" {
			code = "—"
		}
		tb.Rows = append(tb.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1), Center: true}, {Text: code}, {Text: o.What},
			{Text: o.Dept}, {Text: o.Due.String(), Center: true}, {Text: strconv.Itoa(o.Days), Center: true}}})
	}
	return b.compose(KindUrge, string(KindUrge), "督办通知_"+u.Unit.Code+"_"+u.Unit.Name, vals,
		map[string][]Block{"逾期事项表": {{Kind: BTable, Table: tb}}})
}
