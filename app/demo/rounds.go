package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// roundSpec is one round of the term.
type roundSpec struct {
	code, name, typ string
	level           string // 组织方式
	number          int
	start, end      string // 进驻
	staffed         bool   // past: members and evaluations
}

var roundSpecs = []roundSpec{
	{"2025-1", "2025年第一轮巡察", vocab.KindRegular, vocab.LevelOwn, 1, "2025-03-10", "2025-04-20", true},
	{"2025-2", "2025年第二轮巡察（乡村振兴领域专项巡察）", vocab.KindSpecial, vocab.LevelOwn, 2, "2025-09-08", "2025-10-20", true},
	{"2026-1", "2026年第一轮巡察", vocab.KindRegular, vocab.LevelCross, 3, "2026-04-07", "2026-05-22", true},
	{"2026-2", "2026年第二轮巡察", vocab.KindRegular, vocab.LevelCross, 4, "2026-12-07", "2027-01-15", false},
}

// teamPlan is a team before it is written: its county and units.
type teamPlan struct {
	county int
	units  []int
}

// queue is a county's candidates for one kind of slot, in a fixed random
// order; the cursor moves on across rounds, so that everyone takes a turn.
type queue struct {
	list []int
	pos  int
}

// next returns the first candidate from the cursor on that ok accepts, or
// -1, and moves the cursor past it.
func (q *queue) next(ok func(int) bool) int {
	for k := range q.list {
		i := q.list[(q.pos+k)%len(q.list)]
		if ok(i) {
			q.pos = (q.pos + k + 1) % len(q.list)
			return i
		}
	}
	return -1
}

// Kinds of queue per county.
const (
	qLeader   = iota // 组长库
	qAny             // any pool, not 专职 (they fill their own slot)
	qFullTime        // 专职
	qStaff           // 工作人员库
	qMember          // 工作人员库 or 专业人员库
	nQueues
)

// slot is a role with the queue it draws from and whether it is local.
type slot struct {
	role  string
	queue int
	local bool
}

var slots = []slot{
	{vocab.RoleLeader, qLeader, false}, {vocab.RoleDeputy, qAny, true}, {vocab.RoleFullTime, qFullTime, true},
	{vocab.RoleLiaison, qStaff, false}, {vocab.RoleMember, qMember, false}, {vocab.RoleMember, qMember, false},
	{vocab.RoleMember, qMember, false},
}

var evaluations = []weighted{{"优秀", 20}, {"称职", 70}, {"基本称职", 8}, {"不称职", 2}}

// roundState is the state of the rounds phase.
type roundState struct {
	r      *rand.Rand
	taken  []bool    // units inspected (or planned) in the term
	rem    [][]int   // per county: its inspectable units in random order
	queues [][]queue // per county, per kind
}

func (g *gen) makeRounds() {
	s := &roundState{r: g.rng(6), taken: make([]bool, len(g.d.Units))}
	g.d.Terms = []model.Term{{Code: "T15", Name: fmt.Sprintf("中共%s第十五届委员会任期", g.p.place),
		StartDate: "2024-01-01", EndDate: "2028-12-31"}}
	for ci := range g.counties {
		var us []int
		for _, u := range g.counties[ci].units {
			if u != g.counties[ci].office {
				us = append(us, u)
			}
		}
		s.r.Shuffle(len(us), func(i, j int) { us[i], us[j] = us[j], us[i] })
		s.rem = append(s.rem, us)
		s.queues = append(s.queues, g.queues(s.r, ci))
	}
	// The upcoming round's units are reserved first, so that it has its
	// teams even where a county's units run short.
	plans := make([][]teamPlan, len(roundSpecs))
	last := len(roundSpecs) - 1
	plans[last] = g.planTeams(s, g.upcomingCounts(s.r))
	for k := 0; k < last; k++ {
		counts := make([]int, len(g.counties))
		for ci := range counts {
			counts[ci] = 1 + s.r.IntN(2)
		}
		plans[k] = g.planTeams(s, counts)
	}
	for k, spec := range roundSpecs {
		g.writeRound(s, spec, plans[k])
	}
}

// upcomingCounts spreads the upcoming round's teams over the counties.
func (g *gen) upcomingCounts(r *rand.Rand) []int {
	n := len(g.counties)
	counts := make([]int, n)
	for ci := range counts {
		counts[ci] = g.p.teams / n
	}
	for _, ci := range r.Perm(n)[:g.p.teams%n] {
		counts[ci]++
	}
	return counts
}

// queues builds county ci's candidate queues.
func (g *gen) queues(r *rand.Rand, ci int) []queue {
	qs := make([]queue, nQueues)
	for _, i := range g.counties[ci].people {
		p := &g.d.People[i]
		if p.InLeaderPool {
			qs[qLeader].list = append(qs[qLeader].list, i)
		}
		if p.FullTime {
			qs[qFullTime].list = append(qs[qFullTime].list, i)
		} else {
			qs[qAny].list = append(qs[qAny].list, i)
		}
		if p.InStaffPool {
			qs[qStaff].list = append(qs[qStaff].list, i)
		}
		if p.InStaffPool || p.InExpertPool {
			qs[qMember].list = append(qs[qMember].list, i)
		}
	}
	for k := range qs {
		l := qs[k].list
		r.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
	}
	return qs
}

// planTeams takes the units of counts[ci] teams of each county ci, 2–4
// units each, never a unit taken before.
func (g *gen) planTeams(s *roundState, counts []int) []teamPlan {
	var out []teamPlan
	for ci, n := range counts {
		for k := 0; k < n; k++ {
			if us := g.takeUnits(s, ci, 2+s.r.IntN(3)); len(us) > 0 {
				out = append(out, teamPlan{county: ci, units: us})
			}
		}
	}
	return out
}

// takeUnits takes up to k untaken units of county ci for one team: a
// township with its villages, or several county-level units, or (when only
// those are left) villages of one township.
func (g *gen) takeUnits(s *roundState, ci, k int) []int {
	cat := func(u int) string { return g.d.Units[u].Category }
	first := -1
	for _, u := range s.rem[ci] {
		if !s.taken[u] && (first < 0 || cat(first) == vocab.CatVillage) {
			first = u
		}
	}
	if first < 0 {
		return nil
	}
	fits := func(u int) bool {
		switch cat(first) {
		case vocab.CatTownship:
			return g.units[u].parent == first
		case vocab.CatVillage:
			return g.units[u].parent == g.units[first].parent
		}
		return cat(u) != vocab.CatTownship && cat(u) != vocab.CatVillage
	}
	out := []int{first}
	s.taken[first] = true
	add := func(n int, ok func(int) bool) {
		for _, u := range s.rem[ci] {
			if len(out) >= n {
				return
			}
			if !s.taken[u] && ok(u) {
				out = append(out, u)
				s.taken[u] = true
			}
		}
	}
	add(k, fits)
	add(2, func(u int) bool { return cat(u) != vocab.CatVillage })
	sort.Ints(out)
	return out
}

// stages are a round's stage dates from its on-site dates.
func stages(start, end civil.Date) model.Round {
	feedback := end.AddDays(45)
	return model.Round{
		PrepStart: start.AddDays(-14).String(), OnsiteStart: start.String(), OnsiteEnd: end.String(),
		ReportEnd: end.AddDays(30).String(), FeedbackDate: feedback.String(),
		RectifyDue: feedback.AddMonths(2).String(), CheckDate: feedback.AddMonths(3).String(),
	}
}

// writeRound writes a round, its teams and units, and for a past round the
// members with their evaluations and the rectification reports received.
func (g *gen) writeRound(s *roundState, spec roundSpec, plans []teamPlan) {
	g.writeRoundUsing(s, spec, plans, make([]bool, len(g.d.People)))
}

// writeRoundUsing is writeRound staffing nobody marked in used.
func (g *gen) writeRoundUsing(s *roundState, spec roundSpec, plans []teamPlan, used []bool) {
	rd := stages(civil.MustParse(spec.start), civil.MustParse(spec.end))
	rd.Code, rd.TermCode, rd.Number, rd.Name = spec.code, "T15", spec.number, spec.name
	rd.Type, rd.Level, rd.Mode = spec.typ, spec.level, vocab.ModeMixed
	g.d.Rounds = append(g.d.Rounds, rd)
	due := civil.MustParse(rd.RectifyDue)
	for seq, plan := range plans {
		id := uint(len(g.d.Teams) + 1)
		g.d.Teams = append(g.d.Teams, model.Team{ID: id, RoundCode: spec.code, Name: vocab.TeamName(seq + 1), Seq: seq + 1})
		for _, u := range plan.units {
			tu := model.TeamUnit{TeamID: id, RoundCode: spec.code, UnitCode: g.d.Units[u].Code}
			if spec.staffed {
				if day := received(s.r, due, g.today); day != "" {
					g.d.Milestones = append(g.d.Milestones, model.Milestone{RoundCode: spec.code, Team: vocab.TeamName(seq + 1),
						UnitCode: tu.UnitCode, Kind: vocab.MsRectifyReport, Date: day, Recorder: demoRecorder})
				}
			}
			g.d.TeamUnits = append(g.d.TeamUnits, tu)
		}
		if spec.staffed {
			g.staff(s, id, plan, used)
		}
	}
}

// received is the day a unit's rectification report came in: mostly a
// little before the deadline, some late, and about one in seven of those
// due within the last three months not yet ("").
func received(r *rand.Rand, due, today civil.Date) string {
	switch n := r.IntN(100); {
	case n < 15 && due.DaysUntil(today) < 90:
		return ""
	case n < 25:
		return due.AddDays(1 + r.IntN(20)).String()
	}
	return due.AddDays(-r.IntN(25)).String()
}

// staff fills the team with id after SPEC §5's mixed composition: 组长,
// 联络员 and 成员 from other counties (at most two from any one), 副组长
// and 专职工作人员 from the inspected county, at least one member with 财务
// or 审计, nobody who works or worked in a unit of the team (or its parent
// or villages), has a relative there or declared a conflict with it, no
// two relatives or colleagues of one unit on one team, and nobody from
// elsewhere who is a native of the inspected county.
func (g *gen) staff(s *roundState, id uint, plan teamPlan, used []bool) {
	ext := map[int]bool{}
	for _, u := range plan.units {
		ext[u] = true
		if p := g.units[u].parent; p >= 0 {
			ext[p] = true
		}
		for _, c := range g.units[u].children {
			ext[c] = true
		}
	}
	var chosen []int
	perCounty := map[int]int{}
	finance := false
	for _, sl := range slots {
		needFinance := sl.role == vocab.RoleMember && !finance
		ok := func(i int) bool {
			p := &g.d.People[i]
			if used[i] || p.Status == vocab.StatusRemoved {
				return false
			}
			if needFinance && !hasFinance(p) {
				return false
			}
			for _, u := range g.people[i].conflicts {
				if ext[u] {
					return false
				}
			}
			if !sl.local && p.NativePlace == g.counties[plan.county].code {
				return false
			}
			for _, m := range chosen {
				if contains(g.people[i].kin, m) || g.people[m].unit == g.people[i].unit {
					return false
				}
			}
			return true
		}
		who := -1
		if sl.local {
			who = s.queues[plan.county][sl.queue].next(ok)
		} else {
			for _, o := range s.r.Perm(len(g.counties)) {
				if o != plan.county && perCounty[o] < 2 {
					if who = s.queues[o][sl.queue].next(ok); who >= 0 {
						perCounty[o]++
						break
					}
				}
			}
		}
		if who < 0 {
			continue
		}
		used[who] = true
		chosen = append(chosen, who)
		finance = finance || hasFinance(&g.d.People[who])
		m := model.TeamMember{TeamID: id, PersonCode: g.d.People[who].Code, Role: sl.role,
			Evaluation: pickWeighted(s.r, evaluations), EvalState: vocab.EvalConfirmed}
		switch m.Evaluation {
		case "优秀":
			if s.r.IntN(2) == 0 {
				m.Comment = pick2(s.r, "发现问题线索多，报告质量高", "作风扎实，带头深入一线")
			}
		case "不称职":
			m.Comment = "多次无故缺席进驻工作"
		}
		g.d.Members = append(g.d.Members, m)
	}
}

func hasFinance(p *model.Person) bool {
	for _, s := range strings.Split(p.Skills, "、") {
		if s == "财务" || s == "审计" {
			return true
		}
	}
	return false
}

func pick2(r *rand.Rand, a, b string) string {
	if r.IntN(2) == 0 {
		return a
	}
	return b
}
