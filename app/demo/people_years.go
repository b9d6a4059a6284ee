package demo

// The people over the years (SPEC §10.1, §11): who recommended each
// person and when they entered the pool, the history of their status,
// their training, their non-family ties to leaders, the state of the past
// rounds' 鉴定 (the last round's partly only proposed) and each team's own
// evaluation. Each part draws from its own random phase, so the data made
// before are the same as without them.

import (
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// The random phases of this file (1–6 are the earlier parts').
const (
	phasePool      = 7
	phaseTraining  = 8
	phaseTies      = 9
	phaseEvalState = 10
)

var (
	suspendReasons = []string{"借调外地工作", "病休", "参加脱产学习", "产假"}
	removeReasons  = []string{"退休", "调离本县区", "本人申请退出", "工作调整不再适合参加巡察"}
	trainings      = []string{"巡察干部业务培训班", "巡察工作规范化建设专题培训", "财务审计知识专题培训",
		"巡察报告撰写专题培训", "新入库巡察人员岗前培训", "巡察“以干代训”集中轮训"}
	teamComments = []string{"组织严密，发现问题精准", "按期完成进驻任务，报告质量较高", "边巡边改成效明显",
		"移交线索质量较高", "个别底稿不够规范，已督促整改"}
	teamGrades = []weighted{{"优秀", 30}, {"称职", 64}, {"基本称职", 6}}
)

// makePeopleYears adds the people's years; it runs after the rounds.
func (g *gen) makePeopleYears() {
	g.makePool()
	g.makeTrainings()
	g.makeTies()
	g.makeEvalStates()
}

// makePool gives everyone a recommending unit (mostly where they work, else
// its parent or the county's inspection office), the day they entered the
// pool, and the history of their status: 在库 on that day, and for those
// who are 暂停 or 出库 now, that change with its reason.
func (g *gen) makePool() {
	r := g.rng(phasePool)
	for i := range g.d.People {
		p := &g.d.People[i]
		info := &g.people[i]
		rec := info.unit
		switch n := r.IntN(100); {
		case n < 15 && g.units[rec].parent >= 0:
			rec = g.units[rec].parent
		case n < 22:
			rec = g.counties[info.county].office
		}
		p.RecommendUnitCode = ptr(g.d.Units[rec].Code)
		joined := civil.MustParse("2018-01-01").AddDays(r.IntN(7 * 365))
		p.JoinedOn = joined.String()
		g.d.StatusChanges = append(g.d.StatusChanges, g.statusChange(p.Code, joined, "", vocab.StatusActive, "党组织推荐入库"))
		if p.Status == vocab.StatusActive {
			continue
		}
		reasons := suspendReasons
		if p.Status == vocab.StatusRemoved {
			reasons = removeReasons
		}
		p.StatusReason = pick(r, reasons)
		when := civil.MustParse("2025-01-01").AddDays(r.IntN(600))
		if when <= joined {
			when = joined.AddDays(30)
		}
		g.d.StatusChanges = append(g.d.StatusChanges, g.statusChange(p.Code, when, vocab.StatusActive, p.Status, p.StatusReason))
	}
}

// statusChange is a change of the demo's history, made on day at noon
// (Beijing time) by the program.
func (g *gen) statusChange(code string, day civil.Date, old, status, reason string) model.StatusChange {
	return model.StatusChange{PersonCode: code, Date: day.String(), At: day.String() + " 04:00:00", Old: old, New: status,
		Reason: reason, User: "演示数据", Source: vocab.ViaDemo}
}

// makeTrainings gives most people one to three trainings in the term; one
// in eight has none in the last three years (some an older one), so that
// the 未参加培训 warning has something to say.
func (g *gen) makeTrainings() {
	r := g.rng(phaseTraining)
	for i := range g.d.People {
		code := g.d.People[i].Code
		var n int
		from, span := civil.MustParse("2023-12-01"), 1050
		switch x := r.IntN(100); {
		case x < 8:
			n = 0
		case x < 13:
			n, from, span = 1, civil.MustParse("2019-03-01"), 900 // before the last three years
		default:
			n = 1 + r.IntN(3)
		}
		seen := map[string]bool{}
		for range n {
			name := pick(r, trainings)
			start := from.AddDays(r.IntN(span))
			if seen[name+start.String()] {
				continue
			}
			seen[name+start.String()] = true
			days := 1 + r.IntN(5)
			t := model.Training{PersonCode: code, Name: name, StartDate: start.String(), Hours: float64(days * 8)}
			if days > 1 || r.IntN(2) == 0 {
				t.EndDate = start.AddDays(days - 1).String()
			}
			if r.IntN(10) == 0 {
				t.EndDate, t.Hours = "", 2.5 // an online course of an afternoon
			}
			g.d.Trainings = append(g.d.Trainings, t)
		}
	}
}

// makeTies gives about one person in eight a non-family tie: a former
// superior or colleague on a leadership team who now leads a unit of the
// person's county (found by name, or by ID number only), some ended long
// ago; a classmate or teacher leading a unit anywhere; or someone who leads
// nothing. A close tie never names a unit whose inspection the person
// already joined, so the saved rosters stay sound.
func (g *gen) makeTies() {
	r := g.rng(phaseTies)
	served := g.servedUnits()
	for i := range g.d.People {
		if r.IntN(100) >= 12 {
			continue
		}
		p := &g.d.People[i]
		info := &g.people[i]
		t := model.Tie{PersonCode: p.Code}
		switch n := r.IntN(100); {
		case n < 45: // a close tie to a leader of a unit of the county
			u := g.counties[info.county].units[r.IntN(len(g.counties[info.county].units))]
			if served[i][u] || len(g.units[u].leaders) == 0 {
				continue
			}
			l := g.d.Leaders[g.units[u].leaders[r.IntN(len(g.units[u].leaders))]]
			t.Name, t.Relation, t.Post = l.Name, pick(r, []string{vocab.TieSuperior, vocab.TieColleague}), l.Post
			if n < 10 && l.IDNumber != "" {
				t.IDNumber = l.IDNumber // recognised by the ID number alone
			} else {
				t.UnitCode = ptr(l.UnitCode)
				t.IsUnitLeadership = true
			}
			if r.IntN(3) > 0 {
				t.EndDate = civil.MustParse("2017-01-01").AddDays(r.IntN(9 * 365)).String()
			}
		case n < 80: // a classmate or teacher leading a unit anywhere
			u := r.IntN(len(g.d.Units))
			if len(g.units[u].leaders) == 0 {
				continue
			}
			l := g.d.Leaders[g.units[u].leaders[r.IntN(len(g.units[u].leaders))]]
			t.Name, t.Relation, t.Post = l.Name, pick(r, []string{vocab.TieClassmate, vocab.TieTeacher, vocab.TieOther}), l.Post
			t.UnitCode = ptr(l.UnitCode)
			t.IsUnitLeadership = true
		default: // someone who leads nothing
			t.Name, t.Relation = fullName(r, "", r.IntN(2) == 0), pick(r, vocab.TieRelations)
		}
		g.d.Ties = append(g.d.Ties, t)
	}
}

// servedUnits returns, per person, the units of the teams they were on.
func (g *gen) servedUnits() []map[int]bool {
	unitIdx := make(map[string]int, len(g.d.Units))
	for i, u := range g.d.Units {
		unitIdx[u.Code] = i
	}
	personIdx := make(map[string]int, len(g.d.People))
	for i, p := range g.d.People {
		personIdx[p.Code] = i
	}
	teamUnits := map[uint][]int{}
	for _, tu := range g.d.TeamUnits {
		teamUnits[tu.TeamID] = append(teamUnits[tu.TeamID], unitIdx[tu.UnitCode])
	}
	out := make([]map[int]bool, len(g.d.People))
	for i := range out {
		out[i] = map[int]bool{}
	}
	for _, m := range g.d.Members {
		for _, u := range teamUnits[m.TeamID] {
			out[personIdx[m.PersonCode]][u] = true
		}
	}
	return out
}

// makeEvalStates leaves about two in five grades of the last staffed round
// only proposed (拟定: the office has not confirmed them yet), and gives
// every staffed team its own evaluation, confirmed except in that round.
func (g *gen) makeEvalStates() {
	r := g.rng(phaseEvalState)
	last := ""
	for _, s := range roundSpecs {
		if s.staffed {
			last = s.code
		}
	}
	roundOf := make(map[uint]string, len(g.d.Teams))
	for _, t := range g.d.Teams {
		roundOf[t.ID] = t.RoundCode
	}
	for i := range g.d.Members {
		m := &g.d.Members[i]
		if roundOf[m.TeamID] == last && m.Evaluation != "" && r.IntN(5) < 2 {
			m.EvalState = vocab.EvalProposed
		}
	}
	staffed := map[uint]bool{}
	for _, m := range g.d.Members {
		staffed[m.TeamID] = true
	}
	for _, t := range g.d.Teams {
		if !staffed[t.ID] {
			continue
		}
		e := model.TeamEvaluation{TeamID: t.ID, Grade: pickWeighted(r, teamGrades), Comment: pick(r, teamComments),
			State: vocab.EvalConfirmed}
		if t.RoundCode == last && r.IntN(3) > 0 {
			e.State = vocab.EvalProposed
		}
		g.d.TeamEvals = append(g.d.TeamEvals, e)
	}
}
