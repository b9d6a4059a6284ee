package stats

import (
	"fmt"
	"slices"

	"xuncha/app/vocab"
)

// Chart is a horizontal stacked bar chart of the statistics: a title,
// the names of its series and one row per bar. The screen and the PDF
// draw the same charts.
type Chart struct {
	Title  string
	Series []string
	Rows   []ChartRow
}

// ChartRow is one bar: its label, a value per series and a note.
type ChartRow struct {
	Label  string
	Values []int
	Note   string
}

// Percent writes a rate as a percentage with one decimal: 30.6%.
func Percent(rate float64) string { return fmt.Sprintf("%.1f%%", rate*100) }

// Charts are the charts of the figures: coverage, findings by category,
// rectification by round, clues by receiver and outcome, people drafted
// by jurisdiction, newly promoted cadres served and owing.
func Charts(rep *Report, det *Details) []Chart {
	cov := Chart{Title: "届内覆盖（按县区）", Series: []string{"已覆盖", "已计划", "未安排"}}
	for _, c := range det.Coverage {
		cov.Rows = append(cov.Rows, ChartRow{Label: c.Name, Values: []int{c.Covered, c.Planned, c.Required - c.Covered - c.Planned},
			Note: fmt.Sprintf("%d/%d %s", c.Covered, c.Required, Percent(ratio(c.Covered, c.Required)))})
	}
	fnd := Chart{Title: "发现问题（按问题类别）", Series: []string{"问题数"}}
	for _, c := range det.ByCategory {
		fnd.Rows = append(fnd.Rows, ChartRow{Label: c.Name, Values: []int{c.N}, Note: fmt.Sprintf("%d 个", c.N)})
	}
	rect := Chart{Title: "整改（按轮次）", Series: []string{"已完成或销号", "未到期", "逾期"}}
	for _, r := range det.ByRound {
		if r.Items == 0 {
			continue
		}
		done := r.Done + r.Closed
		label := r.Name
		if label == "" {
			label = r.Round
		}
		rect.Rows = append(rect.Rows, ChartRow{Label: label, Values: []int{done, r.Items - done - r.Overdue, r.Overdue},
			Note: "整改率 " + Percent(r.Rate)})
	}
	clue := Chart{Title: "移交线索（按移交对象和处置结果）"}
	var outcomes []string
	for _, r := range det.Receivers {
		for _, o := range r.ByOutcome {
			if !slices.Contains(outcomes, o.Name) {
				outcomes = append(outcomes, o.Name)
			}
		}
	}
	for _, c := range ordered(countOf(outcomes), append(append([]string(nil), vocab.ClueOutcomes...), NoOutcome)) {
		clue.Series = append(clue.Series, c.Name) // in vocab's order, 未反馈 last
	}
	for _, r := range det.Receivers {
		vals := make([]int, len(clue.Series))
		for _, o := range r.ByOutcome {
			vals[slices.Index(clue.Series, o.Name)] = o.N
		}
		clue.Rows = append(clue.Rows, ChartRow{Label: r.Name, Values: vals, Note: fmt.Sprintf("%d 条", r.Total)})
	}
	ppl := Chart{Title: "抽调人员（按工作关系地）", Series: []string{"专职", "其他"}}
	for _, h := range det.ByHome {
		ppl.Rows = append(ppl.Rows, ChartRow{Label: h.Name, Values: []int{h.FullTime, h.Placements - h.FullTime},
			Note: fmt.Sprintf("%d 人次", h.Placements)})
	}
	prom := Chart{Title: "新提拔干部", Series: []string{"人数"}, Rows: []ChartRow{
		{Label: "已参加巡察", Values: []int{rep.People.NewlyPromotedServed}, Note: fmt.Sprintf("%d 人", rep.People.NewlyPromotedServed)},
		{Label: "尚欠轮次", Values: []int{rep.People.Owing}, Note: fmt.Sprintf("%d 人", rep.People.Owing)},
	}}
	return []Chart{cov, fnd, rect, clue, ppl, prom}
}

// ratio is n/of, 0 when of is 0.
func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// countOf counts each of names once.
func countOf(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for _, n := range names {
		m[n] = 1
	}
	return m
}
