package demo

import (
	"math/rand/v2"
	"sort"

	"xuncha/app/civil"
	"xuncha/model"
)

// relSpec is a relation of SPEC §4.1 as the generator draws it: how often,
// how much younger the relative is (in years; negative is older), and whose
// surname the relative carries.
type relSpec struct {
	word     string
	weight   int
	lo, hi   int
	ownSur   bool // the person's surname (a man's children, siblings …)
	spouses  bool // the spouse's surname (in-laws)
	maleOnly bool // ownSur applies only when the person is a man
}

var relSpecs = []relSpec{
	{"父母", 20, -34, -22, true, false, false},
	{"子女", 18, 22, 34, true, false, true},
	{"兄弟姐妹", 14, -8, 8, true, false, false},
	{"配偶的父母", 10, -34, -20, false, true, false},
	{"配偶的兄弟姐妹", 8, -8, 8, false, true, false},
	{"子女的配偶", 5, 22, 36, false, false, false},
	{"子女的配偶的父母", 3, -6, 6, false, false, false},
	{"旁系血亲的配偶", 4, -10, 10, false, false, false},
	{"伯叔姑舅姨", 3, -25, -12, false, false, false},
	{"堂兄弟姐妹", 3, -10, 10, true, false, false},
	{"表兄弟姐妹", 3, -10, 10, false, false, false},
	{"侄子女", 2, 18, 30, true, false, false},
	{"其他", 4, -20, 20, false, false, false},
}

// Posts of relatives: by category of their unit, and of those who work
// in no unit of the data set.
var (
	relativePosts = [6][]string{
		{"科员", "副科长", "办事员"}, {"教师", "医生", "护士", "会计", "职工"}, {"职工", "会计", "技术员"},
		{"干部", "科员"}, {"村民小组长", "村文书", "网格员"}, {"干事"},
	}
	relativeJobs = []string{"务农", "个体经营", "企业职工", "自由职业", "外出务工"}
)

func (g *gen) makeRelatives() {
	r := g.rng(4)
	for i := range g.d.People {
		g.ordinaryRelatives(r, i)
	}
	g.leaderRelatives(r)
	g.poolRelatives(r)
	sort.SliceStable(g.d.Relatives, func(i, j int) bool {
		return g.d.Relatives[i].PersonCode < g.d.Relatives[j].PersonCode
	})
}

// addRelative appends rel to person i's relatives unless the name is
// already listed, and reports whether it did.
func (g *gen) addRelative(i int, rel model.Relative) bool {
	info := &g.people[i]
	for _, n := range info.relNames {
		if n == rel.Name {
			return false
		}
	}
	rel.PersonCode = g.d.People[i].Code
	info.relNames = append(info.relNames, rel.Name)
	if rel.Relation == "配偶" {
		info.spouse = true
	}
	if rel.UnitCode != nil {
		info.conflicts = append(info.conflicts, g.unitIndex(*rel.UnitCode))
	}
	g.d.Relatives = append(g.d.Relatives, rel)
	return true
}

// unitIndex finds a unit by code; codes are in order, so it searches.
func (g *gen) unitIndex(code string) int {
	return sort.Search(len(g.d.Units), func(i int) bool { return g.d.Units[i].Code >= code })
}

// ordinaryRelatives gives person i 1–3 relatives: usually a spouse, then
// parents, children, siblings and in-laws, some working in a unit of the
// county.
func (g *gen) ordinaryRelatives(r *rand.Rand, i int) {
	info := &g.people[i]
	p := &g.d.People[i]
	age := int(g.today-info.birth) / 10000
	n := 1 + r.IntN(3)
	if age >= 28 && r.IntN(100) < 85 {
		sur := pickWeighted(r, surnames)
		birth := info.birth.AddYears(r.IntN(9) - 4).AddDays(r.IntN(365))
		if g.addRelative(i, g.relative(r, i, "配偶", sur, !info.male, birth)) {
			info.spouseSur = sur
		}
		n--
	}
	weights := make([]weighted, len(relSpecs))
	for k, s := range relSpecs {
		weights[k] = weighted{s.word, s.weight}
	}
	for tries := 0; n > 0 && tries < 20; tries++ {
		word := pickWeighted(r, weights)
		var s relSpec
		for _, x := range relSpecs {
			if x.word == word {
				s = x
			}
		}
		if s.spouses && info.spouseSur == "" {
			continue
		}
		birth := info.birth.AddYears(s.lo + r.IntN(s.hi-s.lo+1)).AddDays(r.IntN(365))
		if birth > g.today.AddYears(-1) {
			continue
		}
		male := r.IntN(2) == 0
		sur := ""
		switch {
		case s.ownSur && (!s.maleOnly || info.male) && (male || s.word != "父母"):
			sur = surnameOf(p.Name)
		case s.spouses && male, s.word == "子女" && !info.male:
			sur = info.spouseSur
		}
		if g.addRelative(i, g.relative(r, i, word, sur, male, birth)) {
			n--
		}
	}
}

// relative makes a relative of person i; about half have an ID number on
// file and about a third of those of working age work in a unit of the
// person's county.
func (g *gen) relative(r *rand.Rand, i int, word, sur string, male bool, birth civil.Date) model.Relative {
	c := &g.counties[g.people[i].county]
	rel := model.Relative{Name: fullName(r, sur, male), Relation: word}
	if r.IntN(100) < 55 {
		rel.IDNumber = g.idNumber(r, c.region, birth, male)
	}
	age := int(g.today-birth) / 10000
	switch {
	case age >= 22 && age <= 60 && r.IntN(100) < 33:
		u := c.units[r.IntN(len(c.units))]
		if u == c.office {
			u = g.workUnit(r, g.people[i].county)
		}
		rel.UnitCode = ptr(g.d.Units[u].Code)
		rel.Post = pick(r, relativePosts[catIndex(g.d.Units[u].Category)])
	case age >= 62:
		rel.Post = "退休"
	case age < 22:
		rel.Post = "学生"
	default:
		rel.Post = pick(r, relativeJobs)
	}
	return rel
}

// leaderRelatives plants, for about 3% of the people, a relative who is a
// leadership member of a unit of their county: same name and ID number as
// the unit's 班子成员 row. A third say so (是否班子成员=是), a third name
// the unit but leave the flag off, a third name no unit at all: only the
// ID number tells.
func (g *gen) leaderRelatives(r *rand.Rand) {
	variant := 0
	for i := range g.d.People {
		if r.IntN(100) >= 3 {
			continue
		}
		info := &g.people[i]
		c := &g.counties[info.county]
		u := c.units[r.IntN(len(c.units))]
		var withID []int
		for _, l := range g.units[u].leaders {
			if g.d.Leaders[l].IDNumber != "" {
				withID = append(withID, l)
			}
		}
		if len(withID) == 0 {
			continue
		}
		l := withID[r.IntN(len(withID))]
		leader := g.d.Leaders[l]
		rel := model.Relative{Name: leader.Name, Relation: leaderRelation(r, info.birth, g.leaders[l]),
			IDNumber: leader.IDNumber, Post: leader.Post}
		switch variant % 3 {
		case 0:
			rel.UnitCode, rel.IsUnitLeadership = ptr(leader.UnitCode), true
		case 1:
			rel.UnitCode = ptr(leader.UnitCode)
		}
		if g.addRelative(i, rel) {
			info.conflicts = append(info.conflicts, u)
			variant++
		}
	}
}

// leaderRelation is a close relation that fits the ages of a person born
// on birth and a relative born on other.
func leaderRelation(r *rand.Rand, birth, other civil.Date) string {
	d := (int(other) - int(birth)) / 10000
	switch {
	case d < -10:
		return pick(r, []string{"伯叔姑舅姨", "配偶的父母"})
	case d > 10:
		return pick(r, []string{"子女的配偶", "甥子女"})
	}
	return pick(r, []string{"配偶的兄弟姐妹", "旁系血亲的配偶", "表兄弟姐妹", "子女的配偶的父母"})
}

// poolRelatives relates about 1% of the people to another pool member,
// mostly of the same county: spouses, siblings, cousins and in-laws, listed
// with 亲属人员编号 and ID number, by one of the two or by both.
func (g *gen) poolRelatives(r *rand.Rand) {
	n := len(g.d.People)
	for k := 0; k < n/100; k++ {
		a := r.IntN(n)
		b := g.counties[g.people[a].county].people[r.IntN(g.p.people)]
		if r.IntN(100) < 30 {
			b = r.IntN(n)
		}
		pa, pb := &g.people[a], &g.people[b]
		if a == b || contains(pa.kin, b) {
			continue
		}
		ab, ba := pairRelation(r, pa, pb)
		if !g.addRelative(a, g.memberAsRelative(b, ab)) {
			continue
		}
		pa.kin = append(pa.kin, b)
		pb.kin = append(pb.kin, a)
		if ab == "配偶" || r.IntN(100) < 60 {
			g.addRelative(b, g.memberAsRelative(a, ba))
		}
	}
}

// pairRelation is how b is related to a, and how a is related to b.
func pairRelation(r *rand.Rand, a, b *personInfo) (string, string) {
	d := (int(a.birth) - int(b.birth)) / 10000
	if a.male != b.male && d >= -6 && d <= 6 && !a.spouse && !b.spouse {
		return "配偶", "配偶"
	}
	switch x := r.IntN(3); {
	case x == 0 && d >= -12 && d <= 12:
		return "兄弟姐妹", "兄弟姐妹"
	case x == 1:
		return "配偶的兄弟姐妹", "旁系血亲的配偶"
	}
	return "表兄弟姐妹", "表兄弟姐妹"
}

// memberAsRelative is pool member i as someone's relative.
func (g *gen) memberAsRelative(i int, word string) model.Relative {
	p := &g.d.People[i]
	rel := model.Relative{Name: p.Name, Relation: word, IDNumber: p.IDNumber, RelativePerson: p.Code, Post: p.Post}
	if p.CurrentUnitCode != nil {
		rel.UnitCode = ptr(*p.CurrentUnitCode)
	}
	return rel
}

func (g *gen) makeDeclarations() {
	r := g.rng(5)
	for i := range g.d.People {
		if r.IntN(1000) >= 15 {
			continue
		}
		info := &g.people[i]
		ci := info.county
		if r.IntN(100) < 20 {
			ci = g.otherCounty(r, ci)
		}
		c := &g.counties[ci]
		u := c.units[r.IntN(len(c.units))]
		if u == c.office {
			continue
		}
		g.d.Declarations = append(g.d.Declarations, model.Declaration{
			PersonCode: g.d.People[i].Code, UnitCode: g.d.Units[u].Code, Reason: pick(r, declarationReasons)})
		info.conflicts = append(info.conflicts, u)
	}
}
