package workbook

import (
	"sort"
	"strings"

	"xuncha/model"
)

// taskPlan is what writing the accepted rows of 巡察任务 and 编组记录 would
// change. Team units and members of teams still to be created name their
// team by key (round + name) and get its id when it is written.
type taskPlan struct {
	roundAdds, roundUpdates []model.Round
	teamAdds, teamUpdates   []model.Team
	unitAdds, unitUpdates   []pending[model.TeamUnit]
	memberAdds, memberUpds  []pending[model.TeamMember]
	tasks, members          SheetSummary
}

// pending is a row that belongs to the team with key team.
type pending[T any] struct {
	team string
	row  T
}

// minmax is a date range grown row by row.
type minmax struct{ start, end string }

func (m *minmax) add(start, end string) {
	if m.start == "" || start < m.start {
		m.start = start
	}
	if end > m.end {
		m.end = end
	}
}

// planTasks works out the rounds, teams and team units of the accepted
// 巡察任务 rows. A round's and a team's 进驻 dates span their rows; a new
// team is numbered after the round's teams in the order it first appears;
// a round takes the name, type and mode its rows give and keeps its own
// where they are blank.
func planTasks(recs []rec[taskRow], ex *existing) taskPlan {
	p := taskPlan{tasks: SheetSummary{Sheet: SheetTasks}}
	var roundOrder, teamOrder []string
	rounds := make(map[string]*model.Round)
	spans := make(map[string]*minmax)
	for i := range recs {
		r := &recs[i].v
		if !recs[i].ok {
			continue
		}
		rd, ok := rounds[r.Round]
		if !ok {
			roundOrder = append(roundOrder, r.Round)
			base, exists := ex.rounds[r.Round]
			if !exists {
				base = model.Round{Code: r.Round}
			}
			rd = &base
			rounds[r.Round] = rd
			spans[r.Round] = &minmax{}
		}
		rd.TermCode = r.Term
		for _, f := range []struct {
			dst *string
			v   string
		}{{&rd.Name, r.RoundName}, {&rd.Type, r.Type}, {&rd.Mode, r.Mode}} {
			if f.v != "" {
				*f.dst = f.v
			}
		}
		spans[r.Round].add(r.Start, r.End)
		tk := join(r.Round, r.Team)
		if _, ok := spans[tk]; !ok {
			teamOrder = append(teamOrder, tk)
			spans[tk] = &minmax{}
		}
		spans[tk].add(r.Start, r.End)
	}
	for _, code := range roundOrder {
		rounds[code].OnsiteStart, rounds[code].OnsiteEnd = spans[code].start, spans[code].end
	}
	numberRounds(roundOrder, rounds, ex)
	roundChanged := make(map[string]bool)
	for _, code := range roundOrder {
		rd := rounds[code]
		prev, exists := ex.rounds[code]
		switch {
		case !exists:
			p.roundAdds = append(p.roundAdds, *rd)
		case *rd != prev:
			p.roundUpdates = append(p.roundUpdates, *rd)
			roundChanged[code] = true
		}
	}
	maxSeq := make(map[string]int)
	for _, t := range ex.teams {
		if t.Seq > maxSeq[t.RoundCode] {
			maxSeq[t.RoundCode] = t.Seq
		}
	}
	teamChanged := make(map[string]bool)
	teamIDs := make(map[string]uint)
	for _, tk := range teamOrder {
		round, name, _ := strings.Cut(tk, "\x00")
		prev, exists := ex.teams[tk]
		t := prev
		if !exists {
			maxSeq[round]++
			t = model.Team{RoundCode: round, Name: name, Seq: maxSeq[round]}
		}
		t.OnsiteStart, t.OnsiteEnd = spans[tk].start, spans[tk].end
		if exists {
			// A team without dates of its own has the round's: it keeps
			// none while the round's are what the file says.
			rd := rounds[round]
			if prev.OnsiteStart == "" && t.OnsiteStart == rd.OnsiteStart {
				t.OnsiteStart = ""
			}
			if prev.OnsiteEnd == "" && t.OnsiteEnd == rd.OnsiteEnd {
				t.OnsiteEnd = ""
			}
		}
		switch {
		case !exists:
			p.teamAdds = append(p.teamAdds, t)
		case t != prev:
			p.teamUpdates = append(p.teamUpdates, t)
			teamChanged[tk] = true
		}
		if exists {
			teamIDs[tk] = prev.ID
		}
	}
	for i := range recs {
		r := &recs[i].v
		if !recs[i].ok {
			p.tasks.Rejected++
			continue
		}
		tk := join(r.Round, r.Team)
		id := teamIDs[tk]
		prev, exists := ex.teamUnits[taskSheet.key(r)]
		tu := prev
		switch {
		case !exists:
			tu = model.TeamUnit{RoundCode: r.Round, UnitCode: r.Unit}
			p.unitAdds = append(p.unitAdds, pending[model.TeamUnit]{tk, tu})
			p.tasks.Added++
			continue
		case id == 0 || prev.TeamID != id:
			p.unitUpdates = append(p.unitUpdates, pending[model.TeamUnit]{tk, tu})
		case !roundChanged[r.Round] && !teamChanged[tk]:
			p.tasks.Unchanged++
			continue
		}
		p.tasks.Updated++
	}
	return p
}

// planMembers works out the team places of the accepted 编组记录 rows. A
// person already placed on another team of the same round moves.
func planMembers(recs []rec[memberRow], ex *existing, p *taskPlan) {
	p.members = SheetSummary{Sheet: SheetMembers}
	byRoundPerson := make(map[string]model.TeamMember)
	for _, m := range ex.members {
		if t, ok := ex.teamByID[m.TeamID]; ok {
			byRoundPerson[join(t.RoundCode, m.PersonCode)] = m
		}
	}
	for i := range recs {
		r := &recs[i]
		if !r.ok {
			p.members.Rejected++
			continue
		}
		tk := join(r.v.Round, r.v.Team)
		prev, exists := byRoundPerson[memberSheet.key(&r.v)]
		m := prev
		if !exists {
			m = model.TeamMember{PersonCode: r.v.Person}
		}
		m.Role = r.v.Role
		if r.present[4] {
			m.Evaluation = r.v.Evaluation
		}
		t, teamExists := ex.teams[tk]
		switch {
		case !exists:
			p.memberAdds = append(p.memberAdds, pending[model.TeamMember]{tk, m})
			p.members.Added++
		case !teamExists || prev.TeamID != t.ID || m != prev:
			p.memberUpds = append(p.memberUpds, pending[model.TeamMember]{tk, m})
			p.members.Updated++
		default:
			p.members.Unchanged++
		}
	}
}

// numberRounds numbers the new rounds of each term after the term's rounds
// in the database, in the order of their 进驻开始 (then code).
func numberRounds(order []string, rounds map[string]*model.Round, ex *existing) {
	last := make(map[string]int) // term → highest number in the database
	for _, r := range ex.rounds {
		if r.Number > last[r.TermCode] {
			last[r.TermCode] = r.Number
		}
	}
	var fresh []*model.Round
	for _, code := range order {
		if _, exists := ex.rounds[code]; !exists {
			fresh = append(fresh, rounds[code])
		}
	}
	sort.SliceStable(fresh, func(i, j int) bool {
		a, b := fresh[i], fresh[j]
		if a.OnsiteStart != b.OnsiteStart {
			return a.OnsiteStart < b.OnsiteStart
		}
		return a.Code < b.Code
	})
	for _, r := range fresh {
		last[r.TermCode]++
		r.Number = last[r.TermCode]
	}
}
