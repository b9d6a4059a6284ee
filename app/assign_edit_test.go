package app

import (
	"errors"
	"testing"

	"xuncha/app/assign"
	"xuncha/app/auth"
	"xuncha/app/draw"
	"xuncha/app/vocab"
	"xuncha/model"
)

// TestRosterLifecycle goes through the 编组 screen's door: nothing saved,
// solved, edited, re-solved, saved, loaded again; then drawn.
func TestRosterLifecycle(t *testing.T) {
	s := assignService(t)
	e, err := s.LoadRoster("2026-1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if e.Source != assign.SourceNone || e.Filled() != 0 || len(e.Unfilled) != 7 || e.Unfilled[0].Reason != assign.SourceNone {
		t.Fatalf("nothing saved: source %q, %d filled, unfilled %+v", e.Source, e.Filled(), e.Unfilled)
	}
	if e, err = s.SolveRoster("2026-1", "", "1"); err != nil {
		t.Fatal(err)
	}
	if e.Source != assign.SourceSolve || e.Filled() != 7 || e.Dirty {
		t.Fatalf("solved: source %q, %d filled, dirty %v", e.Source, e.Filled(), e.Dirty)
	}
	lead := e.Res.Teams[0].Members[0]
	if err := e.SetLocked(lead.Person, true); err != nil {
		t.Fatal(err)
	}
	if e, err = s.ResolveRoster(e, assign.ResolveAll, ""); err != nil {
		t.Fatal(err)
	}
	if _, m := e.Member(lead.Person); m == nil || !m.Locked || m.Role != lead.Role || !e.Dirty {
		t.Fatalf("re-solved: %s is %+v, dirty %v", lead.Person, m, e.Dirty)
	}
	if err := s.SaveRoster(e); err != nil {
		t.Fatal(err)
	}
	if e.Dirty || e.Source != assign.SourceSaved {
		t.Errorf("after saving: dirty %v, source %q", e.Dirty, e.Source)
	}
	again, err := s.LoadRoster("2026-1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if again.Source != assign.SourceSaved || again.Filled() != 7 || again.Res.Objective.Filled != 7 {
		t.Fatalf("loaded: source %q, %d filled", again.Source, again.Filled())
	}
	if _, m := again.Member(lead.Person); m == nil || !m.Locked {
		t.Errorf("the lock was not saved: %+v", m)
	}
	d, err := s.DrawRoster("2026-1", "", "58213", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Source != assign.SourceDraw || d.Rec == nil || draw.Verify(d.Rec) != nil || d.Rec.Witness != "58213" {
		t.Errorf("drawn: source %q, record %+v", d.Source, d.Rec)
	}
	if _, err := s.LoadRoster("无此轮次", "", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown round: %v", err)
	}
}

// TestRosterRights: a 领导 may look at a roster but neither draw nor save.
func TestRosterRights(t *testing.T) {
	s := assignService(t)
	if err := s.DB.Create(&model.User{Name: "李主任", Role: vocab.UserLeader, PasswordHash: "x"}).Error; err != nil {
		t.Fatal(err)
	}
	leader := &Service{DB: s.DB, User: "李主任", Role: vocab.UserLeader}
	e, err := leader.SolveRoster("2026-1", "", "1")
	if err != nil {
		t.Fatalf("a 领导 may solve to look: %v", err)
	}
	var denied *auth.DeniedError
	if err := leader.SaveRoster(e); !errors.As(err, &denied) || e.Source != assign.SourceSolve {
		t.Errorf("a 领导 saved (%v), source %q", err, e.Source)
	}
	if _, err := leader.DrawRoster("2026-1", "", "1", nil); !errors.As(err, &denied) {
		t.Errorf("a 领导 drew: %v", err)
	}
}
