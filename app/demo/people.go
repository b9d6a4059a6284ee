package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// personInfo is what generation keeps about a person.
type personInfo struct {
	county    int
	unit      int // current unit
	birth     civil.Date
	male      bool
	conflicts []int    // units the person must not inspect: work, relatives, declarations
	relNames  []string // names of the relatives listed so far
	kin       []int    // other people the person is related to
	spouse    bool     // a spouse is listed
	spouseSur string   // the spouse's surname
}

// Skills weighted for the pools: everyone, and the experts.
var (
	skillWeights = []weighted{
		{"财务", 16}, {"审计", 12}, {"法律", 8}, {"纪检监察", 16}, {"组织人事", 14},
		{"工程建设", 8}, {"党建", 16}, {"信访", 8}, {"其他", 2},
	}
	expertSkillWeights = []weighted{
		{"财务", 30}, {"审计", 25}, {"法律", 15}, {"工程建设", 20}, {"纪检监察", 5}, {"其他", 5},
	}
)

// Posts of pool members by category of their unit, and the posts that go
// with a skill.
var (
	staffPosts = [6][]string{
		{"科长", "副科长", "股长", "副股长", "科员", "办公室主任", "办公室副主任", "综合股股长"},
		{"科长", "副科长", "科员", "办公室主任", "医务科科长", "教务处主任", "会计"},
		{"部门经理", "副经理", "职员", "工程部经理", "综合部经理"},
		{"党政综合办主任", "财政所所长", "经济发展办主任", "社会事务办主任", "组织干事", "纪检干事", "科员", "农业服务中心主任"},
		nil,
		{"部长", "副部长", "干事", "办公室主任"},
	}
	officePosts  = []string{"综合科科长", "综合科副科长", "督查科科长", "专职巡察员", "科员"}
	seniorPosts  = []string{"办公室主任", "机关党委书记", "工会主席", "总支书记"}
	skillPosts   = map[string][]string{"财务": {"财务股股长", "会计"}, "审计": {"审计股股长", "内审员"}, "法律": {"法规股股长", "法律顾问"}, "工程建设": {"工程股股长", "工程师"}}
	seniorRanks  = []weighted{{"一级调研员", 5}, {"二级调研员", 10}, {"三级调研员", 20}, {"四级调研员", 35}, {"一级主任科员", 30}}
	staffRanks   = [3][]string{{"一级科员", "二级科员"}, {"四级主任科员", "三级主任科员", "一级科员"}, {"二级主任科员", "一级主任科员", "三级主任科员", "四级调研员"}}
	serviceRanks = []string{"管理七级", "管理八级", "专业技术七级", "专业技术九级"}
)

// unitWeights is where pool members work, by category of vocab.Categories.
var unitWeights = [6]int{50, 22, 7, 16, 0, 5}

func (g *gen) makePeople() {
	r := g.rng(3)
	for ci := range g.counties {
		for k := 0; k < g.p.people; k++ {
			g.makePerson(r, ci, fmt.Sprintf("P%05d", len(g.d.People)+1))
		}
	}
}

// workUnit draws a unit of county ci where a pool member might work:
// never a village, never the inspection office.
func (g *gen) workUnit(r *rand.Rand, ci int) int {
	c := &g.counties[ci]
	total := 0
	for _, w := range unitWeights {
		total += w
	}
	for {
		n := r.IntN(total)
		cat := 0
		for n >= unitWeights[cat] {
			n -= unitWeights[cat]
			cat++
		}
		us := c.byCat[cat]
		if len(us) == 0 {
			continue
		}
		if u := us[r.IntN(len(us))]; u != c.office {
			return u
		}
	}
}

func (g *gen) makePerson(r *rand.Rand, ci int, code string) {
	c := &g.counties[ci]
	male := r.IntN(100) < 62
	leader := r.IntN(100) < 15
	fullTime := !leader && r.IntN(100) < 12
	staff := fullTime || r.IntN(100) < 52
	expert := r.IntN(100) < 14
	if !leader && !staff && !expert {
		staff = r.IntN(100) < 55
		expert = !staff
	}
	lo, hi := 25, 58
	if leader {
		lo = 40
	}
	birth := birthAt(r, g.today, lo, hi)
	age := (g.today - birth) / 10000

	native, region := c.code, c.region
	switch n := r.IntN(100); {
	case n < 2:
		e := nativeElsewhere[r.IntN(len(nativeElsewhere))]
		native, region = e.name, e.region
	case n < 15:
		o := g.otherCounty(r, ci)
		native, region = g.counties[o].code, g.counties[o].region
	}

	unit := c.office
	if !fullTime {
		unit = g.workUnit(r, ci)
	}
	skills := drawSkills(r, expert)
	cat := catIndex(g.d.Units[unit].Category)

	p := model.Person{
		Code: code, Name: fullName(r, "", male), Gender: gender(male),
		BirthDate: birth.String(), IDNumber: g.idNumber(r, region, birth, male),
		HomeCountyCode: c.code, NativePlace: native, CurrentUnitCode: ptr(g.d.Units[unit].Code),
		InLeaderPool: leader, InStaffPool: staff, InExpertPool: expert, FullTime: fullTime,
		Skills: strings.Join(skills, "、"), Status: vocab.StatusActive,
	}
	switch {
	case leader:
		p.Rank = pickWeighted(r, seniorRanks)
		p.Post = p.Rank
		if r.IntN(2) == 0 || !strings.HasSuffix(p.Rank, "调研员") {
			p.Post = pick(r, seniorPosts)
		}
	case fullTime:
		p.Post = pick(r, officePosts)
	default:
		p.Post = pick(r, staffPosts[cat])
		if len(skills) > 0 && r.IntN(100) < 40 {
			if ps := skillPosts[skills[0]]; ps != nil {
				p.Post = pick(r, ps)
			}
		}
	}
	if !leader {
		switch cat {
		case 1:
			p.Rank = pick(r, serviceRanks)
		case 2:
			p.Rank = ""
		default:
			p.Rank = pick(r, staffRanks[min(2, max(0, int(age)-20)/10)])
		}
	}
	switch n := r.IntN(100); {
	case n < 6:
		p.Status = vocab.StatusSuspended
	case n < 10:
		p.Status = vocab.StatusRemoved
	}
	if r.IntN(100) < 8 && age > 28 {
		p.PromotedOn = g.today.AddDays(-20 - r.IntN(690)).String()
	}
	idx := len(g.d.People)
	g.d.People = append(g.d.People, p)
	info := personInfo{county: ci, unit: unit, birth: birth, male: male, conflicts: []int{unit}}
	g.people = append(g.people, info)
	c.people = append(c.people, idx)
	g.makeHistory(r, idx)
}

// gender is 男 or 女.
func gender(male bool) string {
	if male {
		return "男"
	}
	return "女"
}

// otherCounty draws a county other than ci.
func (g *gen) otherCounty(r *rand.Rand, ci int) int {
	o := r.IntN(len(g.counties) - 1)
	if o >= ci {
		o++
	}
	return o
}

// drawSkills draws 0–2 skills (1–2 for an expert), in the order of
// vocab.Skills.
func drawSkills(r *rand.Rand, expert bool) []string {
	ws, n := skillWeights, 0
	switch x := r.IntN(100); {
	case expert:
		ws, n = expertSkillWeights, 1+x%2
	case x < 60:
		n = 1
	case x < 75:
		n = 2
	}
	have := map[string]bool{}
	for len(have) < n {
		have[pickWeighted(r, ws)] = true
	}
	var out []string
	for _, s := range vocab.Skills {
		if have[s] {
			out = append(out, s)
		}
	}
	return out
}

// makeHistory writes person idx's work history: 1–4 stints, the last one
// current (no end date) in the current unit, the earlier ones back to back
// before it; about a third of those who moved did so within the last three
// years.
func (g *gen) makeHistory(r *rand.Rand, idx int) {
	p := &g.d.People[idx]
	info := &g.people[idx]
	career := info.birth.AddYears(22 + r.IntN(4)).AddDays(r.IntN(200))
	if latest := g.today.AddDays(-400); career > latest {
		career = latest
	}
	k := 1 + pickIndex(r, []int{25, 35, 25, 15})
	curLen := 1000 + r.IntN(4000)
	if k > 1 && r.IntN(100) < 35 {
		curLen = 60 + r.IntN(1000)
	}
	start := g.today.AddDays(-curLen)
	if start < career {
		start, k = career, 1
	}
	stints := []model.WorkHistory{{PersonCode: p.Code, UnitCode: *p.CurrentUnitCode, StartDate: start.String()}}
	used := []int{info.unit}
	for j := 1; j < k; j++ {
		end := start.AddDays(-1)
		from := end.AddDays(-365 - r.IntN(2500))
		if from < career {
			from = career
		}
		if from.DaysUntil(end) < 180 {
			break
		}
		ci := info.county
		if r.IntN(100) < 15 {
			ci = g.otherCounty(r, ci)
		}
		u := g.workUnit(r, ci)
		if contains(used, u) {
			continue
		}
		used = append(used, u)
		stints = append(stints, model.WorkHistory{PersonCode: p.Code, UnitCode: g.d.Units[u].Code, StartDate: from.String(), EndDate: end.String()})
		start = from
	}
	for j := len(stints) - 1; j >= 0; j-- {
		g.d.History = append(g.d.History, stints[j])
	}
	info.conflicts = append(info.conflicts, used[1:]...)
}

// pickIndex draws an index of ws in proportion to its weights.
func pickIndex(r *rand.Rand, ws []int) int {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := r.IntN(total)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	return len(ws) - 1
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
