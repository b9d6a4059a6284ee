package app

import (
	"path/filepath"
	"testing"

	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/roster"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// emptyRoundService plants a term and two rounds with nothing in them: R0
// has no dates and no teams, R1 has a team with no units and no members.
func emptyRoundService(t *testing.T) *Service {
	t.Helper()
	db := testworld.DB(t,
		&model.Term{Code: "T1", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "R0", TermCode: "T1", Number: 1},
		&model.Round{Code: "R1", TermCode: "T1", Number: 2, Mode: vocab.ModeMixed, OnsiteStart: "2026-03-01", OnsiteEnd: "2026-03-30"},
		&model.Team{RoundCode: "R1", Name: "第一巡察组", Seq: 1},
	)
	return &Service{DB: db, User: "测试"}
}

// TestEmptyRounds runs the round capabilities over rounds with nothing in
// them, and over a database with no data at all: errors are fine, panics
// are not, and what is written is a file.
func TestEmptyRounds(t *testing.T) {
	empty, err := model.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { model.Close(empty) })
	svcs := map[string]*Service{"空轮次": emptyRoundService(t), "空数据库": {DB: empty, User: "测试"}}
	for _, name := range []string{"空轮次", "空数据库"} {
		s := svcs[name]
		for _, round := range []string{"R0", "R1", "无此轮次"} {
			t.Run(name+"/"+round, func(t *testing.T) {
				dir := t.TempDir()
				if res, err := s.Assign(round, "", "1"); chinese(t, "Assign", err) {
					r, err := s.RosterFromResult(res)
					if err != nil {
						t.Fatal(err)
					}
					if r.Members() != 0 || len(r.Teams) != len(res.Teams) {
						t.Errorf("roster of an empty round: %d members, %d teams; want 0 members, %d teams", r.Members(), len(r.Teams), len(res.Teams))
					}
					writeRoster(t, dir, r)
					chinese(t, "SaveAssignment", s.SaveAssignment(res))
				}
				_, _, err := s.DrawAssign(round, "", "12345")
				chinese(t, "DrawAssign", err)
				_, _, err = s.SavedAssignment(round)
				chinese(t, "SavedAssignment", err)
				r, err := s.Roster(round)
				if chinese(t, "Roster", err) {
					writeRoster(t, dir, r)
				}
				rep, err := s.CheckRound(round)
				if chinese(t, "CheckRound", err) {
					if err := rep.WriteXLSX(filepath.Join(dir, "check.xlsx"), ""); err != nil {
						t.Errorf("WriteXLSX: %v", err)
					}
				}
				_, err = s.CheckRoster(round)
				chinese(t, "CheckRoster", err)
				if c, err := s.Calendar(); err == nil {
					today := civil.MustParse("2026-06-01")
					c.Overview("T1", today, calendar.OverviewOptions{})
					c.ExportRoundSchedule(round, today, filepath.Join(dir, "schedule.xlsx"))
				}
			})
		}
	}
}

func writeRoster(t *testing.T, dir string, r *roster.Roster) {
	t.Helper()
	if err := roster.WriteXLSX(filepath.Join(dir, "r.xlsx"), r); err != nil {
		t.Errorf("WriteXLSX: %v", err)
	}
	if err := roster.WritePDF(filepath.Join(dir, "r.pdf"), r); err != nil {
		t.Errorf("WritePDF: %v", err)
	}
}

// chinese reports whether err is nil; an error must be in Chinese.
func chinese(t *testing.T, what string, err error) bool {
	t.Helper()
	if err != nil && english(err.Error()) {
		t.Errorf("%s: %q is not Chinese", what, err)
	}
	return err == nil
}
