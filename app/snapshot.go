package app

import (
	"sort"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/fieldrule"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Snapshot loads the whole data set into memory for the capabilities that
// work on a snapshot (read by model.LoadTables). Slices come sorted by
// code; the snapshot is indexed.
func (s *Service) Snapshot() (*snap.Snapshot, error) {
	all, err := model.LoadTables(s.DB)
	if err != nil {
		return nil, err
	}
	received, due, err := s.reportsReceived()
	if err != nil {
		return nil, err
	}
	return snapshotOf(all, received, due), nil
}

// reportLookup gives the day of a unit's report (received, due) in a
// team of a round; zero for none.
type reportLookup func(round, team, unit string) civil.Date

// snapshotOf converts the tables read to a snapshot, indexed, with the
// days the units' rectification reports were received and are due.
func snapshotOf(all *model.Tables, received, due reportLookup) *snap.Snapshot {
	out := &snap.Snapshot{}
	for _, c := range all.Counties {
		out.Counties = append(out.Counties, snap.County{Code: c.Code, Name: c.Name, City: c.Level == vocab.LevelCity})
	}
	for _, u := range all.Units {
		out.Units = append(out.Units, snap.Unit{Code: u.Code, Name: u.Name, County: u.CountyCode, Category: u.Category, Parent: deref(u.ParentCode),
			Sectors: fieldrule.SplitSectors(u.Sectors), Priority: u.Priority})
	}
	for _, l := range all.Leaders {
		out.Leaders = append(out.Leaders, snap.Leader{Unit: l.UnitCode, Name: l.Name, Post: l.Post, IDNumber: l.IDNumber})
	}
	byPerson := make(map[string]int, len(all.People))
	for i, p := range all.People {
		out.People = append(out.People, PersonToSnap(p))
		byPerson[p.Code] = i
	}
	for _, h := range all.History {
		if i, ok := byPerson[h.PersonCode]; ok {
			out.People[i].History = append(out.People[i].History, snap.Stint{Unit: h.UnitCode, From: date(h.StartDate), To: date(h.EndDate)})
		}
	}
	for _, r := range all.Relatives {
		if i, ok := byPerson[r.PersonCode]; ok {
			out.People[i].Relatives = append(out.People[i].Relatives, snap.Relative{
				Name: r.Name, Relation: r.Relation, IDNumber: r.IDNumber, Person: r.RelativePerson,
				Unit: deref(r.UnitCode), Post: r.Post, Leader: r.IsUnitLeadership,
			})
		}
	}
	for _, d := range all.Declarations {
		if i, ok := byPerson[d.PersonCode]; ok {
			out.People[i].Declarations = append(out.People[i].Declarations, snap.Declaration{Unit: d.UnitCode, Reason: d.Reason,
				Source: d.Source, Handling: d.Handling})
		}
	}
	for _, t := range all.Ties {
		if i, ok := byPerson[t.PersonCode]; ok {
			out.People[i].Ties = append(out.People[i].Ties, snap.Tie{Name: t.Name, Relation: t.Relation, IDNumber: t.IDNumber,
				Person: t.TiePerson, Unit: deref(t.UnitCode), Post: t.Post, Leader: t.IsUnitLeadership, End: date(t.EndDate)})
		}
	}
	for _, t := range all.Trainings {
		if i, ok := byPerson[t.PersonCode]; ok {
			out.People[i].Trainings = append(out.People[i].Trainings, snap.Training{Name: t.Name, From: date(t.StartDate),
				To: date(t.EndDate), Hours: t.Hours})
		}
	}
	termScope := make(map[string][]snap.TermScope)
	for _, sc := range all.Scopes {
		termScope[sc.TermCode] = append(termScope[sc.TermCode], snap.TermScope{County: sc.CountyCode, Category: sc.Category})
	}
	for _, t := range all.Terms {
		out.Terms = append(out.Terms, snap.Term{Code: t.Code, Name: t.Name, Start: date(t.StartDate), End: date(t.EndDate), Scope: termScope[t.Code]})
	}
	unitCounty := make(map[string]string, len(all.Units))
	for _, u := range all.Units {
		unitCounty[u.Code] = u.CountyCode
	}
	teamName := make(map[uint]string, len(all.Teams))
	for _, t := range all.Teams {
		teamName[t.ID] = t.Name
	}
	tus := make(map[uint][]snap.TeamUnit)
	for _, tu := range all.TeamUnits {
		tus[tu.TeamID] = append(tus[tu.TeamID], snap.TeamUnit{Unit: tu.UnitCode,
			ReportReceived: received(tu.RoundCode, teamName[tu.TeamID], tu.UnitCode),
			ReportDue:      due(tu.RoundCode, teamName[tu.TeamID], tu.UnitCode)})
	}
	mems := make(map[uint][]snap.Member)
	for _, m := range all.Members {
		mems[m.TeamID] = append(mems[m.TeamID], snap.Member{Person: m.PersonCode, Role: m.Role, Evaluation: m.Evaluation, Comment: m.Comment,
			EvalState: m.EvalState, Locked: m.Locked})
	}
	roundTeams := make(map[string][]snap.Team)
	teamByID := make(map[uint]model.Team, len(all.Teams))
	for _, t := range all.Teams {
		teamByID[t.ID] = t
		st := snap.Team{ID: t.ID, Name: t.Name, Seq: t.Seq, Units: tus[t.ID], Members: mems[t.ID],
			OnsiteStart: date(t.OnsiteStart), OnsiteEnd: date(t.OnsiteEnd)}
		if len(st.Units) > 0 {
			st.County = unitCounty[st.Units[0].Unit]
		}
		SortMembers(st.Members)
		roundTeams[t.RoundCode] = append(roundTeams[t.RoundCode], st)
	}
	for _, r := range all.Rounds {
		out.Rounds = append(out.Rounds, snap.Round{
			Code: r.Code, Term: r.TermCode, Name: r.Name, Type: r.Type, Level: r.Level, Mode: r.Mode, Number: r.Number,
			Links: fieldrule.SplitWords(r.Links), Joint: snap.Joint{Units: fieldrule.SplitWords(r.JointUnits), Categories: fieldrule.SplitWords(r.JointCategories)},
			PrepStart: date(r.PrepStart), OnsiteStart: date(r.OnsiteStart), OnsiteEnd: date(r.OnsiteEnd),
			ReportEnd: date(r.ReportEnd), FeedbackDate: date(r.FeedbackDate), RectifyDue: date(r.RectifyDue),
			CheckDate: date(r.CheckDate), Teams: roundTeams[r.Code],
		})
	}
	for _, o := range all.Overrides {
		t := teamByID[o.TeamID]
		st := overrideStatus(o)
		out.Overrides = append(out.Overrides, snap.Override{Round: t.RoundCode, Team: t.Name, Person: o.PersonCode,
			Rule: o.Rule, Unit: o.UnitCode, Reason: o.Reason, Approver: o.Approver, EnteredBy: o.EnteredBy,
			Status: st, Approved: st == vocab.OverrideApproved})
	}
	for _, p := range all.Plans {
		out.Plans = append(out.Plans, snap.Plan{Term: p.TermCode, Unit: p.UnitCode, Year: p.Year, RoundNo: p.RoundNo, Note: p.Note})
	}
	out.Index()
	return out
}

// PersonToSnap converts a stored person (without history, relatives and
// declarations) to its snapshot form.
func PersonToSnap(p model.Person) snap.Person {
	var pools snap.PoolSet
	if p.InLeaderPool {
		pools |= snap.LeaderPool
	}
	if p.InStaffPool {
		pools |= snap.StaffPool
	}
	if p.InExpertPool {
		pools |= snap.ExpertPool
	}
	return snap.Person{
		Code: p.Code, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, HomeCounty: p.HomeCountyCode,
		Native: p.NativePlace, CurrentUnit: deref(p.CurrentUnitCode), Post: p.Post, Rank: p.Rank,
		Pools: pools, FullTime: p.FullTime, Skills: SplitList(p.Skills), Status: p.Status,
		Birth: date(p.BirthDate), PromotedOn: date(p.PromotedOn),
		RecommendUnit: deref(p.RecommendUnitCode), JoinedOn: date(p.JoinedOn),
	}
}

// SortMembers orders members by role (roster order), keeping the stored
// order within a role.
func SortMembers(ms []snap.Member) {
	rank := make(map[string]int, len(vocab.Roles))
	for i, r := range vocab.Roles {
		rank[r] = i
	}
	sort.SliceStable(ms, func(i, j int) bool { return rank[ms[i].Role] < rank[ms[j].Role] })
}

// SplitList splits a list written with 、 (or ， , ; ；) into its trimmed,
// non-empty items.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '/'
	})
	out := f[:0]
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// date reads a stored date; stored dates are always valid (the importer and
// the forms check them), so a bad one reads as no date.
func date(s string) civil.Date {
	d, _ := civil.Parse(s)
	return d
}
