package app

import (
	"slices"
	"testing"

	"xuncha/app/assign"
	"xuncha/model"
)

func TestSavedAssignmentAndRoster(t *testing.T) {
	s := assignService(t)
	for _, r := range []any{
		&model.Declaration{PersonCode: "P03", UnitCode: "U01", Reason: "其妻在安平镇任职"},
		&model.Override{TeamID: 1, PersonCode: "P03", Rule: "R5", UnitCode: "U01", Reason: "其妻已调离安平镇",
			Approver: "李主任", EnteredBy: "小王", EnteredAt: "2026-02-01 09:00:00", ApprovedAt: "2026-02-02 10:00:00"},
	} {
		if err := s.DB.Create(r).Error; err != nil {
			t.Fatal(err)
		}
	}
	empty, saved, err := s.SavedAssignment("2026-1")
	if err != nil || saved || len(empty.Unfilled) != 7 || empty.Objective.Slots != 7 {
		t.Fatalf("before saving: saved %v, %d unfilled, %v", saved, len(empty.Unfilled), err)
	}
	res, err := s.Assign("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	ms := res.Teams[0].Members
	if !slices.ContainsFunc(ms, func(m assign.Member) bool { return m.Person == "P03" }) {
		res = assign.Remove(res, ms[len(ms)-1].Person)
		if res, err = assign.Move(res, "P03", "第一巡察组", "成员"); err != nil {
			t.Fatal(err)
		}
	} else if res, err = assign.SetLocked(res, "P03", true); err != nil {
		t.Fatal(err)
	}
	res = assign.Remove(res, res.Teams[0].Members[0].Person) // leave the 组长's slot empty
	if err := s.SaveAssignment(res); err != nil {
		t.Fatal(err)
	}
	got, saved, err := s.SavedAssignment("2026-1")
	if err != nil || !saved {
		t.Fatalf("after saving: saved %v, %v", saved, err)
	}
	if len(got.Unfilled) != 1 || got.Unfilled[0].Role != "组长" || got.Objective.Filled != 6 {
		t.Errorf("saved roster: filled %d, unfilled %+v", got.Objective.Filled, got.Unfilled)
	}
	r, err := s.Roster("2026-1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Round != "2026-1" || len(r.Teams) != 1 || r.Teams[0].CountyName != "安平县" || r.Teams[0].Units[0].Name != "安平镇" {
		t.Fatalf("roster = %+v", r)
	}
	team := r.Teams[0]
	if len(team.Members) != 6 || len(team.Vacancies) != 1 || team.OnsiteStart != "2026-03-01" {
		t.Errorf("team: %d members, %d vacancies, start %q", len(team.Members), len(team.Vacancies), team.OnsiteStart)
	}
	for _, m := range team.Members {
		switch {
		case m.Person == "P03":
			if len(m.Overrides) != 1 || m.Overrides[0].Rule != "R5" || m.Overrides[0].Approver != "李主任" ||
				m.Overrides[0].UnitName != "安平镇" || !m.Locked || m.CountyName != "平山县" {
				t.Errorf("P03 = %+v", m)
			}
		case len(m.Overrides) > 0:
			t.Errorf("%s marked without an override: %+v", m.Person, m.Overrides)
		}
	}
	names, err := s.PersonNames([]string{"P01", "P08", "nobody"})
	if err != nil || len(names) != 2 || names["P08"] != "人8" {
		t.Errorf("names = %v, %v", names, err)
	}
}
