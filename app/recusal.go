package app

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// recusalKey is the settings key of the recusal rules.
const recusalKey = "recusal"

// RecusalSettings returns the recusal settings: the saved ones over the
// defaults of SPEC §4.
func (s *Service) RecusalSettings() (recusal.Settings, error) {
	set := recusal.Defaults()
	if err := s.LoadSetting(recusalKey, &set); err != nil {
		return recusal.Defaults(), err
	}
	return set, nil
}

// SaveRecusalSettings checks and stores the recusal settings.
func (s *Service) SaveRecusalSettings(set recusal.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	return s.SaveSetting(recusalKey, set)
}

// ResetRecusalSettings stores the default recusal settings.
func (s *Service) ResetRecusalSettings() error { return s.SaveSetting(recusalKey, recusal.Defaults()) }

// RecusalChecker loads the snapshot and the recusal settings and builds a
// checker over them.
func (s *Service) RecusalChecker() (*recusal.Checker, *snap.Snapshot, error) {
	set, err := s.RecusalSettings()
	if err != nil {
		return nil, nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, nil, err
	}
	return recusal.New(sn, set), sn, nil
}

// CheckRound returns the recusal report of round code: every hit of every
// active pool member against every team of the round.
func (s *Service) CheckRound(code string) (*recusal.Report, error) {
	c, sn, err := s.RecusalChecker()
	if err != nil {
		return nil, err
	}
	r := sn.Round(code)
	if r == nil {
		return nil, fmt.Errorf("轮次 %s %w", code, ErrNotFound)
	}
	return c.Report(r, c.Round(r)), nil
}

// CheckRoster returns the recusal report of the saved roster of round
// code: each member in their role against their team's units, and the
// members of each team with each other (R6, R7).
func (s *Service) CheckRoster(code string) (*recusal.Report, error) {
	c, sn, err := s.RecusalChecker()
	if err != nil {
		return nil, err
	}
	r := sn.Round(code)
	if r == nil {
		return nil, fmt.Errorf("轮次 %s %w", code, ErrNotFound)
	}
	return c.Report(r, c.Roster(r)), nil
}

// CheckPerson returns the hits of R1–R5 of person against unit on the
// reference date ref (进驻开始; zero: today), keeping those that bind role
// (every hit when role is "").
func (s *Service) CheckPerson(person, unit, role string, ref civil.Date) ([]recusal.Hit, error) {
	if role != "" && !slices.Contains(vocab.Roles, role) {
		return nil, fmt.Errorf("角色 %q 无效（应为 %s）", role, strings.Join(vocab.Roles, "、"))
	}
	c, sn, err := s.RecusalChecker()
	if err != nil {
		return nil, err
	}
	p := sn.Person(person)
	if p == nil {
		return nil, fmt.Errorf("人员 %s %w", person, ErrNotFound)
	}
	if sn.Unit(unit) == nil {
		return nil, fmt.Errorf("单位 %s %w", unit, ErrNotFound)
	}
	if ref.IsZero() {
		ref = civil.Today()
	}
	var out []recusal.Hit
	for _, h := range c.Unit(p, unit, ref) {
		if h.Binds(role) {
			out = append(out, h)
		}
	}
	return out, nil
}
