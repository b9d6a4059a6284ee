package datapkg

// The city and the term plan in packages (SPEC §8): a county's 级别, a
// unit's 领域 and 重点等级, a round's 组织方式, 联动轮次 and 巡审联动
// requirement, and the term plan (巡察规划). A package written before
// carries none of them and reads as such; its rounds' 巡察类型 of 交叉,
// 联动 … read as 组织方式, as the database's upgrade reads them.

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
	"xuncha/model"
)

// EntPlan names the term plan's rows.
const EntPlan = "巡察规划"

// Plan is a row of a term's plan (巡察规划), keyed by term and unit.
type Plan struct {
	Term    string `json:"term"`
	Unit    string `json:"unit"`
	Year    int    `json:"year"`
	RoundNo int    `json:"roundNo,omitempty"`
	Note    string `json:"note,omitempty"`
}

func (x Plan) key() string { return x.Term + "/" + x.Unit }

func fromPlan(p model.PlanItem) Plan { return Plan{p.TermCode, p.UnitCode, p.Year, p.RoundNo, p.Note} }

func (x Plan) model(id uint) model.PlanItem {
	return model.PlanItem{ID: id, TermCode: x.Term, UnitCode: x.Unit, Year: x.Year, RoundNo: x.RoundNo, Note: x.Note}
}

// normalizeCity writes the rows of Part II as the database stores them:
// an old 巡察类型 that is an 组织方式 moved to 组织方式, codes of lists
// as fieldrule.Code writes them, 领域 and 重点等级 as the forms store
// them (what cannot be read is left for validate to refuse).
func (d *Data) normalizeCity() {
	for i := range d.Rounds {
		r := &d.Rounds[i]
		if l, ok := vocab.LevelOfKindWord(r.Type); ok && (r.Level == "" || r.Level == l) {
			r.Type, r.Level = vocab.KindRegular, l
		}
		r.Links, r.JointUnits = codeList(r.Links), codeList(r.JointUnits)
	}
	for i := range d.Units {
		u := &d.Units[i]
		if w, err := fieldrule.Sectors(u.Sectors); err == nil {
			u.Sectors = w
		}
		if p, err := fieldrule.Priority(u.Priority); err == nil {
			u.Priority = p
		}
	}
	for i := range d.Plans {
		x := &d.Plans[i]
		x.Term, x.Unit = fieldrule.Code(x.Term), fieldrule.Code(x.Unit)
		x.Note = fieldrule.NormalizeNewlines(x.Note)
	}
}

// codeList writes a list of codes as stored: each code once, sorted,
// joined by 、.
func codeList(s string) string {
	var out []string
	for _, x := range fieldrule.SplitWords(s) {
		if c := fieldrule.Code(x); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "、")
}

// validateCity checks the fields of Part II: words of their lists, links
// to rounds of the package other than the round itself, 巡审联动 units of
// the package, plan rows of a term and unit of the package, a year inside
// the term, a round 0 to 99, a note of at most 256 characters.
func (v *validator) validateCity(d *Data) {
	for _, c := range d.Counties {
		v.oneOf(EntCounty, c.Code, "级别", c.Level, vocab.CountyLevels, true)
	}
	for _, u := range d.Units {
		if w, err := fieldrule.Sectors(u.Sectors); err != nil || w != u.Sectors {
			v.fail(EntUnit, u.Code, "领域 %q 无效", u.Sectors)
		}
		v.oneOf(EntUnit, u.Code, "重点等级", u.Priority, vocab.Priorities, true)
	}
	terms := make(map[string]Term, len(d.Terms))
	for _, t := range d.Terms {
		terms[t.Code] = t
	}
	for _, r := range d.Rounds {
		v.oneOf(EntRound, r.Code, "组织方式", r.Level, vocab.RoundLevels, true)
		for _, l := range fieldrule.SplitWords(r.Links) {
			v.code(EntRound, r.Code, "联动轮次", l)
			v.ref(EntRound, r.Code, "联动轮次", l, v.rounds)
			if l == r.Code {
				v.fail(EntRound, r.Code, "联动轮次是本轮次")
			}
		}
		for _, u := range fieldrule.SplitWords(r.JointUnits) {
			v.code(EntRound, r.Code, "巡审联动单位", u)
			v.ref(EntRound, r.Code, "巡审联动单位", u, v.units)
		}
		for _, c := range fieldrule.SplitWords(r.JointCategories) {
			v.oneOf(EntRound, r.Code, "巡审联动单位类别", c, vocab.Categories, false)
		}
	}
	seen := map[string]bool{}
	for _, x := range d.Plans {
		k := x.key()
		v.code(EntPlan, k, "届期编码", x.Term)
		v.ref(EntPlan, k, "届期", x.Term, v.terms)
		v.code(EntPlan, k, "单位编码", x.Unit)
		v.ref(EntPlan, k, "单位", x.Unit, v.units)
		if t, ok := terms[x.Term]; ok && (x.Year < yearOf(t.Start) || x.Year > yearOf(t.End)) {
			v.fail(EntPlan, k, "计划年度 %d 不在届期之内", x.Year)
		}
		if x.RoundNo < 0 || x.RoundNo > fieldrule.MaxPlanRound {
			v.fail(EntPlan, k, "计划轮次 %d 无效", x.RoundNo)
		}
		v.text(EntPlan, k, "备注", x.Note, false)
		if utf8.RuneCountInString(x.Note) > fieldrule.MaxPlanNote {
			v.fail(EntPlan, k, "备注过长")
		}
		v.unique(seen, EntPlan, k)
	}
}

// yearOf is the year of a date written 2006-01-02 (0 when it is not).
func yearOf(s string) int {
	if len(s) < 4 {
		return 0
	}
	n, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	return n
}

// selectCity adds to an export of the chosen counties what Part II needs:
// the plan rows of their units with the terms they name, the units a
// 巡审联动 requirement names (to refs), and each round's links cut to the
// rounds the package holds.
func selectCity(all, d *Data, chosen map[string]bool, unitCounty map[string]string, terms map[string]bool, refs *[]string) {
	d.Plans = filter(all.Plans, func(x Plan) bool { return chosen[unitCounty[x.Unit]] })
	for _, x := range d.Plans {
		terms[x.Term] = true
	}
	rounds := set(nil)
	for _, r := range d.Rounds {
		rounds[r.Code] = true
	}
	for i := range d.Rounds {
		r := &d.Rounds[i]
		*refs = append(*refs, fieldrule.SplitWords(r.JointUnits)...)
		links := slices.DeleteFunc(fieldrule.SplitWords(r.Links), func(c string) bool { return !rounds[c] })
		r.Links = strings.Join(links, "、")
	}
}
