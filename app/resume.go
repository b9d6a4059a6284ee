package app

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/roster"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Resume returns the 巡察履历 of person code (SPEC §11.2): the person's
// facts, every place on a team (oldest first) with the round, the units
// the team inspected, the 鉴定 and the team's own confirmed grade, and
// the training.
func (s *Service) Resume(code string) (*roster.Resume, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	d, err := s.PersonDetail(code)
	if err != nil {
		return nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, err
	}
	sp := sn.Person(code)
	if sp == nil {
		return nil, fmt.Errorf("人员 %s %w", code, ErrNotFound)
	}
	p := d.Person
	r := &roster.Resume{Person: p.Code, Name: p.Name, Gender: p.Gender, Birth: p.BirthDate,
		HomeCounty: sn.CountyName(p.HomeCountyCode), Post: p.Post, Rank: p.Rank, Pools: PoolsText(sp.Pools),
		FullTime: p.FullTime, Skills: p.Skills, Status: p.Status, JoinedOn: p.JoinedOn, Generated: civil.Today().String()}
	if sp.CurrentUnit != "" {
		r.Unit = sn.UnitName(sp.CurrentUnit)
	}
	if sp.RecommendUnit != "" {
		r.RecommendUnit = sn.UnitName(sp.RecommendUnit)
	}
	var own []model.TeamEvaluation
	if err := s.DB.Where("state = ?", vocab.EvalConfirmed).Find(&own).Error; err != nil {
		return nil, fmt.Errorf("读取巡察组鉴定失败: %w", err)
	}
	teamGrade := map[uint]string{}
	for _, e := range own {
		teamGrade[e.TeamID] = e.Grade
	}
	for _, rd := range sn.Rounds {
		for ti := range rd.Teams {
			t := &rd.Teams[ti]
			i := slices.IndexFunc(t.Members, func(m snap.Member) bool { return m.Person == code })
			if i < 0 {
				continue
			}
			m := t.Members[i]
			x := roster.ResumeRound{Round: rd.Code, RoundName: rd.Name, Team: t.Name, OnsiteStart: rd.Start(t).String(),
				OnsiteEnd: rd.End(t).String(), Role: m.Role, Grade: m.Evaluation, Comment: m.Comment, State: m.EvalState,
				TeamGrade: teamGrade[t.ID]}
			for _, u := range t.UnitCodes() {
				x.Units = append(x.Units, sn.UnitName(u))
			}
			r.Service = append(r.Service, x)
		}
	}
	slices.SortStableFunc(r.Service, func(a, b roster.ResumeRound) int {
		return strings.Compare(a.OnsiteStart, b.OnsiteStart)
	})
	for _, t := range d.Trainings {
		r.Trainings = append(r.Trainings, roster.ResumeTraining{Name: t.Name, Start: t.StartDate, End: t.EndDate, Hours: t.Hours})
	}
	return r, nil
}

// ExportResume writes the 巡察履历 of person code as an A4 PDF at pdf and
// an xlsx at xlsx (either may be "").
func (s *Service) ExportResume(code, pdf, xlsx string) (*roster.Resume, error) {
	r, err := s.Resume(code)
	if err != nil {
		return nil, err
	}
	if pdf != "" {
		if err := roster.WriteResumePDF(pdf, r); err != nil {
			return nil, err
		}
	}
	if xlsx != "" {
		if err := roster.WriteResumeXLSX(xlsx, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}
