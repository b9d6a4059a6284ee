package workbook

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
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
	// linked are the rounds whose rows give 联动轮次, in the order they
	// first appear: their links are made to hold both ways when written.
	linked []string
}

// pending is a row that belongs to the team with key team.
type pending[T any] struct {
	team string
	row  T
}

// minmax is a date range grown row by row, unless dates of its own are
// given.
type minmax struct{ start, end, ownStart, ownEnd string }

// own sets the dates of its own that a row gives ("" for none).
func (m *minmax) own(start, end string) {
	if start != "" {
		m.ownStart = start
	}
	if end != "" {
		m.ownEnd = end
	}
}

// dates returns the range: its own dates where given, else the span.
func (m *minmax) dates() (string, string) {
	start, end := m.start, m.end
	if m.ownStart != "" {
		start = m.ownStart
	}
	if m.ownEnd != "" {
		end = m.ownEnd
	}
	return start, end
}

func (m *minmax) add(start, end string) {
	if m.start == "" || start < m.start {
		m.start = start
	}
	if end > m.end {
		m.end = end
	}
}

// planTasks works out the rounds, teams and team units of the accepted
// 巡察任务 rows. A round's and a team's 进驻 dates span their rows, unless
// the round's own are written (轮次进驻开始/结束); a team whose span is the
// round's keeps no dates of its own; a new team is numbered after the
// round's teams in the order it first appears, unless 组序号 says; a round
// takes the name, type, mode, number and stage dates its rows give and
// keeps its own where they are blank.
func planTasks(recs []rec[taskRow], ex *existing) taskPlan {
	p := taskPlan{tasks: SheetSummary{Sheet: SheetTasks}}
	rounds, roundOrder, own := planRounds(recs, ex)
	p.linked = linkRounds(rounds, roundOrder, recs)
	teamOrder, spans, seqs := teamSpans(recs)
	numberRounds(roundOrder, rounds, own, ex)
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
		maxSeq[t.RoundCode] = max(maxSeq[t.RoundCode], t.Seq)
	}
	for _, tk := range teamOrder {
		round, _, _ := strings.Cut(tk, "\x00")
		maxSeq[round] = max(maxSeq[round], seqs[tk])
	}
	teamChanged := make(map[string]bool)
	teamIDs := make(map[string]uint)
	for _, tk := range teamOrder {
		round, name, _ := strings.Cut(tk, "\x00")
		prev, exists := ex.teams[tk]
		t := model.Team{RoundCode: round, Name: name}
		if exists {
			t = prev
			teamIDs[tk] = prev.ID
		}
		switch seq := seqs[tk]; {
		case seq > 0:
			t.Seq = seq
		case !exists:
			maxSeq[round]++
			t.Seq = maxSeq[round]
		}
		// A team whose span is the round's has the round's dates: it
		// keeps none of its own, unless it had them already.
		rd := rounds[round]
		t.OnsiteStart, t.OnsiteEnd = spans[tk].start, spans[tk].end
		if t.OnsiteStart == rd.OnsiteStart && (!exists || prev.OnsiteStart == "") {
			t.OnsiteStart = ""
		}
		if t.OnsiteEnd == rd.OnsiteEnd && (!exists || prev.OnsiteEnd == "") {
			t.OnsiteEnd = ""
		}
		switch {
		case !exists:
			p.teamAdds = append(p.teamAdds, t)
		case t != prev:
			p.teamUpdates = append(p.teamUpdates, t)
			teamChanged[tk] = true
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
		if !exists {
			tu = model.TeamUnit{RoundCode: r.Round, UnitCode: r.Unit}
		}
		switch {
		case !exists:
			p.unitAdds = append(p.unitAdds, pending[model.TeamUnit]{tk, tu})
			p.tasks.Added++
			continue
		case id == 0 || prev.TeamID != id || tu != prev:
			p.unitUpdates = append(p.unitUpdates, pending[model.TeamUnit]{tk, tu})
		case !roundChanged[r.Round] && !teamChanged[tk]:
			p.tasks.Unchanged++
			continue
		}
		p.tasks.Updated++
	}
	return p
}

// linkRounds works out the links of the rounds whose rows give 联动轮次:
// what they give, and the rounds of the file that give them (a link holds
// both ways); it returns those rounds in order.
func linkRounds(rounds map[string]*model.Round, order []string, recs []rec[taskRow]) []string {
	given := make(map[string][]string)
	for i := range recs {
		if r := &recs[i].v; recs[i].ok && r.Links != "" {
			given[r.Round] = fieldrule.SplitWords(r.Links)
		}
	}
	var out []string
	for _, code := range order {
		if _, ok := given[code]; !ok {
			continue
		}
		out = append(out, code)
		links := slices.Clone(given[code])
		for _, other := range order {
			if slices.Contains(given[other], code) && !slices.Contains(links, other) {
				links = append(links, other)
			}
		}
		slices.Sort(links)
		rounds[code].Links = strings.Join(links, "、")
	}
	return out
}

// planRounds works out the rounds of the accepted rows, in the order they
// first appear: the stored round (or a new one) with what the rows give.
// own holds the rounds whose number the rows give.
func planRounds(recs []rec[taskRow], ex *existing) (rounds map[string]*model.Round, order []string, own map[string]bool) {
	rounds, own = make(map[string]*model.Round), make(map[string]bool)
	spans := make(map[string]*minmax)
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	for i := range recs {
		r := &recs[i].v
		if !recs[i].ok {
			continue
		}
		rd, ok := rounds[r.Round]
		if !ok {
			order = append(order, r.Round)
			base, exists := ex.rounds[r.Round]
			if !exists {
				base = model.Round{Code: r.Round}
			}
			rd = &base
			rounds[r.Round] = rd
			spans[r.Round] = &minmax{}
		}
		rd.TermCode = r.Term
		set(&rd.Name, r.RoundName)
		set(&rd.Type, r.Type)
		set(&rd.Mode, r.Mode)
		set(&rd.PrepStart, r.Prep)
		set(&rd.ReportEnd, r.ReportEnd)
		set(&rd.FeedbackDate, r.Feedback)
		set(&rd.RectifyDue, r.RectifyDue)
		set(&rd.CheckDate, r.Check)
		set(&rd.Level, r.Level)
		set(&rd.Links, r.Links)
		set(&rd.JointUnits, r.JointUnits)
		set(&rd.JointCategories, r.JointCategories)
		if n, err := strconv.Atoi(r.Number); err == nil {
			rd.Number, own[r.Round] = n, true
		}
		spans[r.Round].add(r.Start, r.End)
		spans[r.Round].own(r.RoundStart, r.RoundEnd)
	}
	for _, code := range order {
		rounds[code].OnsiteStart, rounds[code].OnsiteEnd = spans[code].dates()
	}
	return rounds, order, own
}

// teamSpans works out the teams of the accepted rows (by key), in the
// order they first appear: the span of their rows' dates, and the 组序号 a
// row gives (none: 0).
func teamSpans(recs []rec[taskRow]) (order []string, spans map[string]*minmax, seqs map[string]int) {
	spans, seqs = make(map[string]*minmax), make(map[string]int)
	for i := range recs {
		r := &recs[i].v
		if !recs[i].ok {
			continue
		}
		tk := join(r.Round, r.Team)
		if _, ok := spans[tk]; !ok {
			order = append(order, tk)
			spans[tk] = &minmax{}
		}
		if n, err := strconv.Atoi(r.Seq); err == nil {
			seqs[tk] = n
		}
		spans[tk].add(r.Start, r.End)
	}
	return order, spans, seqs
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
		if r.present[memberEvaluation] {
			m.Evaluation = r.v.Evaluation
			m.EvalState = ""
			if m.Evaluation != "" {
				m.EvalState = vocab.EvalConfirmed // the sheet's default (SPEC §6.1)
			}
		}
		if r.present[memberEvalState] && r.v.EvalState != "" && m.Evaluation != "" {
			m.EvalState = r.v.EvalState
		}
		if r.present[memberComment] {
			m.Comment = r.v.Comment
		}
		if r.present[memberLocked] {
			m.Locked = r.v.Locked
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

// numberRounds numbers the new rounds whose rows give no 轮次序号 after
// the term's rounds (in the database, and numbered by the file), in the
// order of their 进驻开始 (then code).
func numberRounds(order []string, rounds map[string]*model.Round, own map[string]bool, ex *existing) {
	last := make(map[string]int) // term → highest number
	for _, r := range ex.rounds {
		last[r.TermCode] = max(last[r.TermCode], r.Number)
	}
	var fresh []*model.Round
	for _, code := range order {
		r := rounds[code]
		if own[code] {
			last[r.TermCode] = max(last[r.TermCode], r.Number)
		} else if _, exists := ex.rounds[code]; !exists {
			fresh = append(fresh, r)
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
