package datapkg

import "xuncha/model"

// The conversions between database rows and package rows. Surrogate ids
// stay behind; teams are named by round and name.

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func fromCounty(c model.County) County { return County{c.Code, c.Name, c.Level} }
func (c County) model() model.County   { return model.County{Code: c.Code, Name: c.Name, Level: c.Level} }

func fromUnit(u model.Unit) Unit {
	return Unit{u.Code, u.Name, u.CountyCode, u.Category, str(u.ParentCode), u.Sectors, u.Priority}
}

func (u Unit) model() model.Unit {
	return model.Unit{Code: u.Code, Name: u.Name, CountyCode: u.County, Category: u.Category, ParentCode: ptr(u.Parent),
		Sectors: u.Sectors, Priority: u.Priority}
}

func fromLeader(l model.UnitLeader) Leader { return Leader{l.UnitCode, l.Name, l.Post, l.IDNumber} }

func (l Leader) model(id uint) model.UnitLeader {
	return model.UnitLeader{ID: id, UnitCode: l.Unit, Name: l.Name, Post: l.Post, IDNumber: l.IDNumber}
}

func fromPerson(p model.Person) Person {
	return Person{p.Code, p.Name, p.Gender, p.BirthDate, p.IDNumber, p.HomeCountyCode, p.NativePlace,
		str(p.CurrentUnitCode), p.Post, p.Rank, p.InLeaderPool, p.InStaffPool, p.InExpertPool, p.FullTime,
		p.Skills, p.Status, p.PromotedOn, str(p.RecommendUnitCode), p.JoinedOn, p.StatusReason}
}

func (p Person) model() model.Person {
	return model.Person{Code: p.Code, Name: p.Name, Gender: p.Gender, BirthDate: p.BirthDate, IDNumber: p.IDNumber,
		HomeCountyCode: p.HomeCounty, NativePlace: p.NativePlace, CurrentUnitCode: ptr(p.CurrentUnit), Post: p.Post,
		Rank: p.Rank, InLeaderPool: p.LeaderPool, InStaffPool: p.StaffPool, InExpertPool: p.ExpertPool,
		FullTime: p.FullTime, Skills: p.Skills, Status: p.Status, PromotedOn: p.PromotedOn,
		RecommendUnitCode: ptr(p.RecommendUnit), JoinedOn: p.JoinedOn, StatusReason: p.StatusReason}
}

func fromHistory(h model.WorkHistory) History {
	return History{h.PersonCode, h.UnitCode, h.StartDate, h.EndDate}
}

func (h History) model(id uint) model.WorkHistory {
	return model.WorkHistory{ID: id, PersonCode: h.Person, UnitCode: h.Unit, StartDate: h.Start, EndDate: h.End}
}

func fromRelative(r model.Relative) Relative {
	return Relative{r.PersonCode, r.Name, r.Relation, r.IDNumber, r.RelativePerson, str(r.UnitCode), r.Post, r.IsUnitLeadership}
}

func (r Relative) model(id uint) model.Relative {
	return model.Relative{ID: id, PersonCode: r.Person, Name: r.Name, Relation: r.Relation, IDNumber: r.IDNumber,
		RelativePerson: r.RelativePerson, UnitCode: ptr(r.Unit), Post: r.Post, IsUnitLeadership: r.Leadership}
}

func fromDeclaration(d model.Declaration) Declaration {
	return Declaration{d.PersonCode, d.UnitCode, d.Reason, d.Source, d.Handling, d.Handler, d.HandlingReason}
}

func (d Declaration) model(id uint) model.Declaration {
	return model.Declaration{ID: id, PersonCode: d.Person, UnitCode: d.Unit, Reason: d.Reason, Source: d.Source,
		Handling: d.Handling, Handler: d.Handler, HandlingReason: d.HandlingReason}
}

func fromTerm(t model.Term) Term { return Term{t.Code, t.Name, t.StartDate, t.EndDate} }
func (t Term) model() model.Term {
	return model.Term{Code: t.Code, Name: t.Name, StartDate: t.Start, EndDate: t.End}
}

func fromRound(r model.Round) Round {
	return Round{r.Code, r.TermCode, r.Number, r.Name, r.Type, r.Mode, r.PrepStart, r.OnsiteStart, r.OnsiteEnd,
		r.ReportEnd, r.FeedbackDate, r.RectifyDue, r.CheckDate, r.Level, r.Links, r.JointUnits, r.JointCategories}
}

func (r Round) model() model.Round {
	return model.Round{Code: r.Code, TermCode: r.Term, Number: r.Number, Name: r.Name, Type: r.Type, Mode: r.Mode,
		PrepStart: r.PrepStart, OnsiteStart: r.OnsiteStart, OnsiteEnd: r.OnsiteEnd, ReportEnd: r.ReportEnd,
		FeedbackDate: r.FeedbackDate, RectifyDue: r.RectifyDue, CheckDate: r.CheckDate,
		Level: r.Level, Links: r.Links, JointUnits: r.JointUnits, JointCategories: r.JointCategories}
}

func fromTeam(t model.Team) Team { return Team{t.RoundCode, t.Name, t.Seq, t.OnsiteStart, t.OnsiteEnd} }

func (t Team) model(id uint) model.Team {
	return model.Team{ID: id, RoundCode: t.Round, Name: t.Name, Seq: t.Seq, OnsiteStart: t.OnsiteStart, OnsiteEnd: t.OnsiteEnd}
}

func fromTeamUnit(u model.TeamUnit, team string) TeamUnit {
	return TeamUnit{Round: u.RoundCode, Team: team, Unit: u.UnitCode}
}

func (u TeamUnit) model(id, team uint) model.TeamUnit {
	return model.TeamUnit{ID: id, TeamID: team, RoundCode: u.Round, UnitCode: u.Unit}
}

func fromMember(m model.TeamMember, round, team string) Member {
	return Member{round, team, m.PersonCode, m.Role, m.Evaluation, m.Comment, m.Locked, m.EvalState}
}

func (m Member) model(id, team uint) model.TeamMember {
	return model.TeamMember{ID: id, TeamID: team, PersonCode: m.Person, Role: m.Role, Evaluation: m.Evaluation,
		Comment: m.Comment, Locked: m.Locked, EvalState: m.EvalState}
}

func fromTie(t model.Tie) Tie {
	return Tie{t.PersonCode, t.Name, t.Relation, t.IDNumber, t.TiePerson, str(t.UnitCode), t.Post, t.IsUnitLeadership, t.EndDate}
}

func (t Tie) model(id uint) model.Tie {
	return model.Tie{ID: id, PersonCode: t.Person, Name: t.Name, Relation: t.Relation, IDNumber: t.IDNumber,
		TiePerson: t.TiePerson, UnitCode: ptr(t.Unit), Post: t.Post, IsUnitLeadership: t.Leadership, EndDate: t.End}
}

func fromTraining(t model.Training) Training {
	return Training{t.PersonCode, t.Name, t.StartDate, t.EndDate, t.Hours}
}

func (t Training) model(id uint) model.Training {
	return model.Training{ID: id, PersonCode: t.Person, Name: t.Name, StartDate: t.Start, EndDate: t.End, Hours: t.Hours}
}

func fromTeamEval(e model.TeamEvaluation, round, team string) TeamEval {
	return TeamEval{round, team, e.Grade, e.Comment, e.State}
}

func (e TeamEval) model(id, team uint) model.TeamEvaluation {
	return model.TeamEvaluation{ID: id, TeamID: team, Grade: e.Grade, Comment: e.Comment, State: e.State}
}
