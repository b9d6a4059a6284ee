package workbook

// The sheet of the term plan (巡察规划, SPEC §6.1 and §8.2): each unit's
// planned year and round in a term.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"xuncha/app/fieldrule"
	"xuncha/model"
)

// SheetPlan is the name of the term plan's sheet.
const SheetPlan = "巡察规划"

var planSheet = &entity[model.PlanItem]{
	sheet: SheetPlan,
	fields: []field[model.PlanItem]{
		refCol("届期编码", true, "", refTerm, func(v *model.PlanItem) *string { return &v.TermCode }),
		refCol("单位编码", true, "", refUnit, func(v *model.PlanItem) *string { return &v.UnitCode }),
		yearCol("计划年度", "计划巡察该单位的年份，如 2026；须在届期之内", func(v *model.PlanItem) *int { return &v.Year }),
		roundNoCol("计划轮次", "计划在届期的第几轮巡察：填 2 或 第2轮、第二轮，可空", func(v *model.PlanItem) *int { return &v.RoundNo }),
		noteCol("备注", func(v *model.PlanItem) *string { return &v.Note }),
	},
	zero:    func() model.PlanItem { return model.PlanItem{} },
	key:     func(v *model.PlanItem) string { return join(v.TermCode, v.UnitCode) },
	keyDesc: "届期编码和单位编码", keyCol: "单位编码",
}

// yearCol is a year from 1900 to 2200, required.
func yearCol[T any](name, help string, p func(*T) *int) field[T] {
	return field[T]{
		column: column{name: name, required: true, help: help},
		get:    func(v *T) string { return strconv.Itoa(*p(v)) },
		set: func(v *T, s string) string {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "年"), ".0"))
			if err != nil || n < 1900 || n > 2200 {
				return fmt.Sprintf("“%s”不是有效的年度，应为如 2026 的四位年份", s)
			}
			*p(v) = n
			return ""
		},
	}
}

// chineseDigits are the numerals of 第一轮 … 第九十九轮.
var chineseDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// parseRoundNo reads 2, 第2轮 or 第二轮 (up to 九十九), 0 for blank.
func parseRoundNo(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "第"), "轮")
	s = strings.TrimSuffix(s, ".0")
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 1 && n <= fieldrule.MaxPlanRound
	}
	rs := []rune(s)
	tens, ones := 0, 0
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		ones = chineseDigits[rs[0]]
	case len(rs) == 2 && rs[0] == '十':
		tens, ones = 1, chineseDigits[rs[1]]
	case len(rs) == 2 && rs[1] == '十':
		tens = chineseDigits[rs[0]]
		ones = -1
	case len(rs) == 3 && rs[1] == '十':
		tens, ones = chineseDigits[rs[0]], chineseDigits[rs[2]]
	default:
		return 0, false
	}
	if tens < 0 || ones == 0 || len(rs) > 1 && tens == 0 {
		return 0, false
	}
	return tens*10 + max(ones, 0), true
}

// roundNoCol is 计划轮次: a round's number in the term, 0 for blank.
func roundNoCol[T any](name, help string, p func(*T) *int) field[T] {
	return field[T]{
		column: column{name: name, help: help},
		get: func(v *T) string {
			if *p(v) == 0 {
				return ""
			}
			return strconv.Itoa(*p(v))
		},
		set: func(v *T, s string) string {
			n, ok := parseRoundNo(s)
			if !ok {
				return fmt.Sprintf("“%s”不是有效的轮次，应为 1 至 %d 的数字，或 第2轮、第二轮", s, fieldrule.MaxPlanRound)
			}
			*p(v) = n
			return ""
		},
	}
}

// noteCol is a 备注 of at most fieldrule.MaxPlanNote characters.
func noteCol[T any](name string, p func(*T) *string) field[T] {
	f := textCol(name, false, fmt.Sprintf("最多 %d 字", fieldrule.MaxPlanNote), p)
	set := f.set
	f.set = func(v *T, s string) string {
		if n := utf8.RuneCountInString(s); n > fieldrule.MaxPlanNote {
			return fmt.Sprintf("备注过长（%d 字，最多 %d 字）", n, fieldrule.MaxPlanNote)
		}
		return set(v, s)
	}
	return f
}

// checkPlanYears rejects the plan rows whose year lies outside their
// term, as the file's accepted 届期 rows or the database give it.
func checkPlanYears(plans []rec[model.PlanItem], terms []rec[termRow], ex *existing, c *collector) {
	span := make(map[string][2]string)
	for code, t := range ex.terms {
		span[code] = [2]string{t.StartDate, t.EndDate}
	}
	for i := range terms {
		if terms[i].ok {
			span[terms[i].v.Code] = [2]string{terms[i].v.StartDate, terms[i].v.EndDate}
		}
	}
	for i := range plans {
		r := &plans[i]
		sp, ok := span[r.v.TermCode]
		if !r.ok || !ok || len(sp[0]) < 4 || len(sp[1]) < 4 {
			continue
		}
		first, _ := strconv.Atoi(sp[0][:4])
		last, _ := strconv.Atoi(sp[1][:4])
		if r.v.Year < first || r.v.Year > last {
			c.add(r.at, "计划年度", fmt.Sprintf("%d 年不在届期“%s”（%d—%d年）之内", r.v.Year, r.v.TermCode, first, last))
			r.ok = false
		}
	}
}
