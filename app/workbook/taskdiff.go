package workbook

import (
	"regexp"
	"strconv"
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
				base = model.Round{Code: r.Round, Number: roundNumber(r.RoundName, r.Round)}
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
	roundChanged := make(map[string]bool)
	for _, code := range roundOrder {
		rd := rounds[code]
		rd.OnsiteStart, rd.OnsiteEnd = spans[code].start, spans[code].end
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

var roundNumberRE = regexp.MustCompile(`第([0-9]+|[一二三四五六七八九十]+)轮`)
var trailingNumberRE = regexp.MustCompile(`([0-9]+)$`)

// roundNumber guesses a new round's number from its name (第三轮) or the end
// of its code (2026-3); 0 when neither tells.
func roundNumber(name, code string) int {
	if m := roundNumberRE.FindStringSubmatch(name); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return n
		}
		return chineseNumber(m[1])
	}
	if m := trailingNumberRE.FindStringSubmatch(code); m != nil && len(m[1]) <= 3 {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// chineseNumber reads 一 … 九十九.
func chineseNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	tens, n := 0, 0
	for _, r := range s {
		if r == '十' {
			if n == 0 {
				n = 1
			}
			tens, n = n*10, 0
			continue
		}
		n = digits[r]
	}
	return tens + n
}
