package demo

// The city and the term plan (SPEC §8): a 市本级 jurisdiction with its own
// units (市直机关, 市属国企, 事业单位) and city cadres; a city-led round of
// 上下联动 linked with the counties' spring round, staffed, and an
// upcoming city round of 巡审联动 that needs a member of the 市审计局; the
// 领域 and 重点等级 of every unit; the five-year plan of the term; and one
// county's own term with its plan, to set against the city's. Each part
// draws from its own random phase and runs after everything else, so the
// data made before are the same as without them (but for the fields this
// part adds to them: 领域, 重点等级, the spring round's link).

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// The random phases of this file (1–10 are the earlier parts').
const (
	phaseCity      = 11
	phasePriority  = 12
	phaseCityRound = 13
	phasePlan      = 14
)

// The city's units: the name after the city's, the category and the head.
var cityUnits = []struct {
	name, cat, head string
}{
	{"中共%s委巡察工作领导小组办公室", vocab.CatOther, "主任"}, // the city's inspection office, first
	{"发展和改革委员会", vocab.CatCountyOrgan, "主任"}, {"教育局", vocab.CatCountyOrgan, "局长"},
	{"工业和信息化局", vocab.CatCountyOrgan, "局长"}, {"财政局", vocab.CatCountyOrgan, "局长"},
	{"人力资源和社会保障局", vocab.CatCountyOrgan, "局长"}, {"自然资源和规划局", vocab.CatCountyOrgan, "局长"},
	{"住房和城乡建设局", vocab.CatCountyOrgan, "局长"}, {"交通运输局", vocab.CatCountyOrgan, "局长"},
	{"水利局", vocab.CatCountyOrgan, "局长"}, {"农业农村局", vocab.CatCountyOrgan, "局长"},
	{"卫生健康委员会", vocab.CatCountyOrgan, "主任"}, {"审计局", vocab.CatCountyOrgan, "局长"},
	{"市场监督管理局", vocab.CatCountyOrgan, "局长"}, {"民政局", vocab.CatCountyOrgan, "局长"},
	{"应急管理局", vocab.CatCountyOrgan, "局长"},
	{"第一人民医院", vocab.CatInstitution, "院长"}, {"中心医院", vocab.CatInstitution, "院长"},
	{"第一中学", vocab.CatInstitution, "校长"}, {"职业技术学院", vocab.CatInstitution, "院长"},
	{"疾病预防控制中心", vocab.CatInstitution, "主任"},
	{"城市建设投资集团有限公司", vocab.CatStateFirm, ""}, {"水务集团有限公司", vocab.CatStateFirm, ""},
	{"交通投资集团有限公司", vocab.CatStateFirm, ""},
}

// cityPeople is how many city cadres the demo has, by scale.
func (p params) cityPeople() int {
	if p.counties > 12 {
		return 150
	}
	return 80
}

// makeCity adds the city: its jurisdiction, units, cadres, rounds, the
// 领域 and 重点等级 of every unit, and the plans.
func (g *gen) makeCity() {
	ci := g.makeCityUnits()
	g.makeSectors()
	g.makeCityRounds(ci)
	g.makePlans()
}

// makeCityUnits adds the 市本级 jurisdiction with its units and cadres
// and returns its index among the counties.
func (g *gen) makeCityUnits() int {
	r := g.rng(phaseCity)
	name := g.p.place + "本级"
	c := countyInfo{code: fmt.Sprintf("C%0*d", g.p.width, 0), name: name, stem: g.p.place, region: "431201"}
	g.d.Counties = append(g.d.Counties, model.County{Code: c.code, Name: name, Level: vocab.LevelCity})
	g.counties = append(g.counties, c)
	ci := len(g.counties) - 1
	cc := &g.counties[ci]
	for k, x := range cityUnits {
		code := fmt.Sprintf("U%s%02d", c.code[1:], k+1)
		unit := g.p.place + x.name
		posts := organPosts
		switch x.cat {
		case vocab.CatInstitution:
			posts = institutionPosts(x.head)
		case vocab.CatStateFirm:
			posts = firmPosts
		case vocab.CatOther:
			unit = fmt.Sprintf(x.name, g.p.place)
			posts = otherPosts(x.head)
		}
		i := len(g.d.Units)
		g.d.Units = append(g.d.Units, model.Unit{Code: code, Name: unit, CountyCode: c.code, Category: x.cat})
		g.units = append(g.units, unitInfo{county: ci, parent: -1})
		cc.units = append(cc.units, i)
		cc.byCat[catIndex(x.cat)] = append(cc.byCat[catIndex(x.cat)], i)
		if k == 0 {
			cc.office = i
		}
		g.addLeaders(r, i, posts, false)
	}
	first := len(g.d.People)
	for k := 0; k < g.p.cityPeople(); k++ {
		g.makePerson(r, ci, fmt.Sprintf("P%05d", len(g.d.People)+1))
	}
	for i := first; i < len(g.d.People); i++ {
		p := &g.d.People[i]
		p.RecommendUnitCode = ptr(g.d.Units[g.people[i].unit].Code)
		joined := civil.MustParse("2019-01-01").AddDays(r.IntN(6 * 365))
		p.JoinedOn = joined.String()
		g.d.StatusChanges = append(g.d.StatusChanges, g.statusChange(p.Code, joined, "", vocab.StatusActive, "党组织推荐入库"))
		if p.Status != vocab.StatusActive {
			p.StatusReason = pick(r, suspendReasons)
			if p.Status == vocab.StatusRemoved {
				p.StatusReason = pick(r, removeReasons)
			}
			g.d.StatusChanges = append(g.d.StatusChanges, g.statusChange(p.Code, joined.AddDays(400+r.IntN(400)), vocab.StatusActive, p.Status, p.StatusReason))
		}
	}
	return ci
}

// sectorWords give a unit its 领域 by a word of its name.
var sectorWords = []struct{ word, sector string }{
	{"教育", "教育"}, {"中学", "教育"}, {"学校", "教育"}, {"学院", "教育"},
	{"卫生健康", "卫生健康"}, {"医院", "卫生健康"}, {"妇幼", "卫生健康"}, {"疾病预防", "卫生健康"}, {"医疗保障", "卫生健康"},
	{"水利", "水利"}, {"供水", "水利"}, {"水务", "水利"},
	{"交通", "交通运输"},
	{"住房和城乡建设", "住房城建"}, {"城市建设", "住房城建"}, {"城市管理", "住房城建"}, {"不动产", "自然资源"}, {"自然资源", "自然资源"},
	{"财政", "财政金融"}, {"国有资产", "财政金融"}, {"审计", "财政金融"}, {"统计", "财政金融"}, {"公共资源交易", "财政金融"},
	{"农业", "农业农村"}, {"林业", "农业农村"}, {"粮食", "农业农村"},
	{"民政", "民生保障"}, {"人力资源", "民生保障"}, {"社会保险", "民生保障"}, {"退役军人", "民生保障"}, {"残疾人", "民生保障"},
	{"市场监督", "经济发展"}, {"商务", "经济发展"}, {"发展和改革", "经济发展"}, {"工业和信息化", "经济发展"}, {"科学技术", "经济发展"}, {"数据资源", "经济发展"},
	{"文化", "文化旅游"}, {"融媒体", "文化旅游"}, {"图书馆", "文化旅游"},
	{"应急", "政法应急"}, {"司法", "政法应急"}, {"信访", "政法应急"},
	{"工会", "群团"}, {"妇女", "群团"}, {"共青团", "群团"}, {"科学技术协会", "群团"}, {"红十字", "群团"}, {"工商业联合会", "群团"},
}

// sectorsOf works out unit i's 领域: by the words of its name, and for
// townships and villages by what they are.
func (g *gen) sectorsOf(i int) []string {
	u := &g.d.Units[i]
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	switch u.Category {
	case vocab.CatTownship:
		add("基层治理")
		if !strings.HasSuffix(u.Name, "街道") {
			add("乡村振兴")
		}
		return out
	case vocab.CatVillage:
		if strings.HasSuffix(u.Name, "社区") {
			return []string{"基层治理"}
		}
		return []string{"乡村振兴"}
	}
	name := strings.TrimPrefix(u.Name, g.counties[g.units[i].county].name)
	for _, w := range sectorWords {
		if strings.Contains(name, w.word) {
			add(w.sector)
		}
	}
	if u.Category == vocab.CatStateFirm {
		add("国资国企")
	}
	return out
}

// makeSectors gives every unit its 领域 and a 重点等级: A for the state
// firms, the hospitals and the bureaus of money and building, and one in
// ten of the rest (never a village); C for most villages; B otherwise.
func (g *gen) makeSectors() {
	r := g.rng(phasePriority)
	weighty := []string{"财政", "住房和城乡建设", "交通运输", "水利", "自然资源", "人民医院", "第一人民医院"}
	for i := range g.d.Units {
		u := &g.d.Units[i]
		u.Sectors = strings.Join(g.sectorsOf(i), "、")
		heavy := u.Category == vocab.CatStateFirm
		for _, w := range weighty {
			heavy = heavy || strings.HasSuffix(u.Name, w+"局") || strings.HasSuffix(u.Name, w)
		}
		switch x := r.IntN(100); {
		case u.Category == vocab.CatOther && strings.Contains(u.Name, "巡察"):
			u.Priority = ""
		case heavy || u.Category != vocab.CatVillage && x < 10:
			u.Priority = "A"
		case u.Category == vocab.CatVillage && x < 80:
			u.Priority = "C"
		default:
			u.Priority = "B"
		}
	}
}

// The city's rounds: one past, of 上下联动, staffed and linked with the
// counties' spring round; one upcoming, of 巡审联动, with teams and no
// members yet.
var cityRounds = []roundSpec{
	{"2026-S1", "2026年市委上下联动巡察（教育、卫生健康领域）", vocab.KindSpecial, vocab.LevelLinked, 5, "2026-04-13", "2026-05-22", true},
	{"2026-S2", "2026年市委第二轮巡察（巡审联动）", vocab.KindRegular, vocab.LevelAudit, 6, "2026-11-30", "2027-01-12", false},
}

// linkedWith is the county round the city's 上下联动 round is linked with.
const linkedWith = "2026-1"

// makeCityRounds writes the city's rounds over city units: the 上下联动
// round inspects the 教育 and 卫生健康 units, staffed by the mixed
// composition with nobody who served the linked round at the same time;
// the 巡审联动 round the state firms and the 住建局, asking for a member
// of the 市审计局.
func (g *gen) makeCityRounds(ci int) {
	s := &roundState{r: g.rng(phaseCityRound), taken: make([]bool, len(g.d.Units))}
	for k := range g.counties {
		s.queues = append(s.queues, g.queues(s.r, k))
	}
	byName := func(names ...string) []int {
		var out []int
		for _, n := range names {
			for _, u := range g.counties[ci].units {
				if g.d.Units[u].Name == g.p.place+n {
					out = append(out, u)
				}
			}
		}
		return out
	}
	busy := make([]bool, len(g.d.People))
	person := make(map[string]int, len(g.d.People))
	for i, p := range g.d.People {
		person[p.Code] = i
	}
	teamRound := map[uint]string{}
	for _, t := range g.d.Teams {
		teamRound[t.ID] = t.RoundCode
	}
	for _, m := range g.d.Members {
		if teamRound[m.TeamID] == linkedWith {
			busy[person[m.PersonCode]] = true
		}
	}
	plans := [][]teamPlan{
		{{county: ci, units: byName("教育局", "第一中学", "职业技术学院")}, {county: ci, units: byName("卫生健康委员会", "第一人民医院")}},
		{{county: ci, units: byName("城市建设投资集团有限公司", "住房和城乡建设局")}, {county: ci, units: byName("水务集团有限公司", "交通投资集团有限公司")}},
	}
	for k, spec := range cityRounds {
		first := len(g.d.Teams)
		g.writeRoundUsing(s, spec, plans[k], slices.Clone(busy))
		if spec.staffed {
			for _, t := range g.d.Teams[first:] {
				g.d.TeamEvals = append(g.d.TeamEvals, model.TeamEvaluation{TeamID: t.ID, Grade: pickWeighted(s.r, teamGrades),
					Comment: pick(s.r, teamComments), State: vocab.EvalConfirmed})
			}
		}
	}
	for i := range g.d.Rounds {
		switch rd := &g.d.Rounds[i]; rd.Code {
		case linkedWith:
			rd.Links = cityRounds[0].code
		case cityRounds[0].code:
			rd.Links = linkedWith
		case cityRounds[1].code:
			rd.JointUnits = g.d.Units[byName("审计局")[0]].Code
		}
	}
}

// countyTerm is one county's own term, whose plan the city's is set
// against.
func (g *gen) countyTerm() model.Term {
	c := g.counties[0]
	return model.Term{Code: "T15-" + c.code, Name: fmt.Sprintf("中共%s第十五届委员会任期", c.name),
		StartDate: "2022-01-01", EndDate: "2026-12-31"}
}

// makePlans writes the five-year plan of the term: the units on a team
// planned for the year their team went (or goes) on site, one in ten a
// year earlier; the open units over the years left, A-grade ones first;
// a few open units planned in 2025 and left uninspected, and three A-grade
// units not planned at all, so that the warnings have something to say.
// Then the first county's own term with a plan of its units that mostly
// agrees with the city's.
func (g *gen) makePlans() {
	r := g.rng(phasePlan)
	onsite := map[string]string{}
	for _, rd := range g.d.Rounds {
		if rd.Type == vocab.KindReview {
			continue
		}
		start := map[uint]string{}
		for _, t := range g.d.Teams {
			if t.RoundCode == rd.Code {
				start[t.ID] = rd.OnsiteStart
			}
		}
		for _, tu := range g.d.TeamUnits {
			if s, ok := start[tu.TeamID]; ok && onsite[tu.UnitCode] == "" {
				onsite[tu.UnitCode] = s
			}
		}
	}
	unplannedA := 0
	var open []int
	for i := range g.d.Units {
		u := &g.d.Units[i]
		if g.counties[g.units[i].county].office == i {
			continue // the inspection offices are not inspected
		}
		if s := onsite[u.Code]; s != "" {
			year := civil.MustParse(s).Year()
			if r.IntN(10) == 0 {
				year--
			}
			g.d.Plans = append(g.d.Plans, model.PlanItem{TermCode: "T15", UnitCode: u.Code, Year: max(year, 2024)})
			continue
		}
		if u.Priority == "A" && unplannedA < 3 && r.IntN(4) == 0 {
			unplannedA++
			continue
		}
		open = append(open, i)
	}
	slices.SortStableFunc(open, func(a, b int) int { return strings.Compare(g.d.Units[a].Priority, g.d.Units[b].Priority) })
	for k, i := range open {
		year := 2027
		if k >= len(open)/2 {
			year = 2028
		}
		if r.IntN(40) == 0 {
			year = 2025 // planned, and the year went by
		}
		p := model.PlanItem{TermCode: "T15", UnitCode: g.d.Units[i].Code, Year: year, RoundNo: 7 + (year-2027)*2 + r.IntN(2)}
		if year == 2025 {
			p.RoundNo, p.Note = 0, "原计划随2025年第二轮巡察，因任务调整推迟"
		}
		g.d.Plans = append(g.d.Plans, p)
	}
	slices.SortFunc(g.d.Plans, func(a, b model.PlanItem) int { return strings.Compare(a.UnitCode, b.UnitCode) })

	t := g.countyTerm()
	g.d.Terms = append(g.d.Terms, t)
	g.d.Scopes = append(g.d.Scopes, model.TermScope{TermCode: t.Code, CountyCode: g.counties[0].code})
	first := make(map[string]bool, len(g.counties[0].units))
	for _, i := range g.counties[0].units {
		first[g.d.Units[i].Code] = true
	}
	for _, p := range g.d.Plans {
		if !first[p.UnitCode] || p.Year > 2026 && r.IntN(3) > 0 {
			continue
		}
		year := min(p.Year, 2026)
		if r.IntN(8) == 0 {
			year = max(year-1, 2022)
		}
		g.d.Plans = append(g.d.Plans, model.PlanItem{TermCode: t.Code, UnitCode: p.UnitCode, Year: year})
	}
}
