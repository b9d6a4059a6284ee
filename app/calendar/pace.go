package calendar

import (
	"fmt"
	"sort"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Pace is the estimate behind the pace warning: can the rounds left in the
// term cover the open units at the pace so far?
type Pace struct {
	Warn            bool
	Message         string  // the explanation in Chinese, also when there is no warning
	CompletedRounds int     // rounds whose on-site stage ended before today
	PerRound        float64 // units per round so far (0 when unknown)
	Basis           string  // what PerRound is measured on: "已完成进驻" or "已编组"
	SpacingDays     int     // days between on-site starts, average so far or the default cycle
	RoundsLeft      int     // rounds created without units yet, plus rounds that still fit
	Capacity        int     // PerRound × RoundsLeft, rounded down
	Open            int     // units on no team of the term
}

// pace estimates whether the open units can be covered before the term's
// end, over the rounds that count toward coverage (rounds: those alone). The pace is the covered units per completed round (when no round has
// completed its on-site stage yet: the planned units per round with units).
// The rounds left are the term's rounds that have no units yet and have not
// ended, plus the rounds that still fit before the term's end: one every
// SpacingDays after the last on-site start (the average spacing of the
// term's on-site starts so far; with fewer than two, the default cycle
// 准备+进驻+报告+反馈), none starting before today plus the preparation
// days, each needing its on-site stage to end within the term.
func (c *Calendar) pace(t *snap.Term, rounds []*snap.Round, n Counts, today civil.Date) Pace {
	p := Pace{Open: n.Open}
	var starts []civil.Date
	withUnits, emptyLeft := 0, 0
	for _, r := range rounds {
		s := c.Schedule(r)
		ended := s.Known() && s.Dates.OnsiteEnd < today
		if s.Known() {
			starts = append(starts, s.Dates.OnsiteStart)
		}
		switch {
		case ended:
			p.CompletedRounds++
		case hasUnits(r):
			withUnits++
		default:
			emptyLeft++
		}
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
	p.SpacingDays = c.set.PrepDays + c.set.OnsiteDays + c.set.ReportDays + c.set.FeedbackDays
	if k := len(starts); k >= 2 && starts[k-1] > starts[0] {
		p.SpacingDays = starts[0].DaysUntil(starts[k-1]) / (k - 1)
	}
	if p.SpacingDays < 1 {
		p.SpacingDays = 1
	}
	next := today.AddDays(c.set.PrepDays)
	if k := len(starts); k > 0 && starts[k-1].AddDays(p.SpacingDays) > next {
		next = starts[k-1].AddDays(p.SpacingDays)
	}
	for ; next.AddDays(c.set.OnsiteDays-1) <= t.End; next = next.AddDays(p.SpacingDays) {
		p.RoundsLeft++
	}
	p.RoundsLeft += emptyLeft
	switch {
	case p.CompletedRounds > 0:
		p.PerRound, p.Basis = float64(n.Covered)/float64(p.CompletedRounds), "已完成进驻"
	case withUnits > 0:
		p.PerRound, p.Basis = float64(n.Planned)/float64(withUnits), "已编组"
	}
	p.Capacity = int(p.PerRound * float64(p.RoundsLeft))
	p.Warn, p.Message = p.judge(t, n, today, withUnits)
	return p
}

// judge decides the warning and writes its explanation.
func (p *Pace) judge(t *snap.Term, n Counts, today civil.Date, withUnits int) (bool, string) {
	end := t.End.String()
	switch {
	case p.Open == 0:
		return false, "全部单位均已覆盖或已列入计划。"
	case today > t.End:
		return true, fmt.Sprintf("届期已于%s结束，仍有%d个单位未安排巡察，未实现全覆盖。", end, p.Open)
	case p.Basis == "" && p.RoundsLeft == 0:
		return true, fmt.Sprintf("尚有%d个单位未安排，届期结束（%s）前已无时间再安排一轮进驻。", p.Open, end)
	case p.Basis == "":
		return false, fmt.Sprintf("尚无已完成或已编组的轮次，无法估算进度；届期结束（%s）前预计还可安排%d轮，尚有%d个单位未安排。",
			end, p.RoundsLeft, p.Open)
	}
	basis := fmt.Sprintf("已完成进驻%d轮，覆盖%d个单位，平均每轮%.1f个", p.CompletedRounds, n.Covered, p.PerRound)
	if p.Basis == "已编组" {
		basis = fmt.Sprintf("尚无完成进驻的轮次，按已编组的%d轮（%d个单位）估算，平均每轮%.1f个", withUnits, n.Planned, p.PerRound)
	}
	left := fmt.Sprintf("按平均每%d天一轮估算，届期结束（%s）前还可安排%d轮，约可覆盖%d个单位", p.SpacingDays, end, p.RoundsLeft, p.Capacity)
	if p.Open > p.Capacity {
		return true, fmt.Sprintf("按目前进度无法在届期内实现全覆盖：%s；%s，尚有%d个单位未安排。", basis, left, p.Open)
	}
	return false, fmt.Sprintf("按目前进度可在届期内实现全覆盖：%s；%s，尚有%d个单位未安排。", basis, left, p.Open)
}

// hasUnits reports whether any team of r has a unit.
func hasUnits(r *snap.Round) bool {
	for i := range r.Teams {
		if len(r.Teams[i].Units) > 0 {
			return true
		}
	}
	return false
}
