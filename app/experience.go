package app

// Experience and obligations (SPEC §11.3): the settings of the experienced
// core, the roles that rotate and the rounds newly promoted cadres owe
// (assign.Experience, settings key "experience"), which the solver reads
// with the composition rules, and the report of everyone who owes rounds.

import (
	"xuncha/app/assign"
	"xuncha/app/civil"
)

// experienceKey is the settings key of assign.Experience.
const experienceKey = "experience"

// ExperienceSettings returns the rules of experience and obligations: the
// saved ones over the defaults of SPEC §11.3.
func (s *Service) ExperienceSettings() (assign.Experience, error) {
	x := assign.DefaultExperience()
	if err := s.LoadSetting(experienceKey, &x); err != nil {
		return assign.DefaultExperience(), err
	}
	return x, nil
}

// SaveExperienceSettings checks and stores the rules of experience and
// obligations.
func (s *Service) SaveExperienceSettings(x assign.Experience) error {
	if err := s.Require(PermSettings); err != nil {
		return err
	}
	if err := x.Validate(); err != nil {
		return err
	}
	return s.SaveSetting(experienceKey, x)
}

// OwingReport is everyone who owes rounds as a newly promoted cadre on a
// day, the earliest deadline first, under the rules of the day.
type OwingReport struct {
	Day   civil.Date        `json:"day"`
	Rules assign.Experience `json:"rules"`
	Text  string            `json:"text"` // the rules in a sentence
	Rows  []assign.Owing    `json:"owing"`
}

// Owing lists everyone who owes rounds on day on (SPEC §11.3).
func (s *Service) Owing(on civil.Date) (*OwingReport, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	x, err := s.ExperienceSettings()
	if err != nil {
		return nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, err
	}
	rows := assign.OwingOn(sn, x, on)
	if rows == nil {
		rows = []assign.Owing{}
	}
	return &OwingReport{Day: on, Rules: x, Text: x.RulesText(), Rows: rows}, nil
}

// ExportOwing writes the report of day on to an xlsx at path.
func (s *Service) ExportOwing(path string, on civil.Date) (*OwingReport, error) {
	rep, err := s.Owing(on)
	if err != nil {
		return nil, err
	}
	return rep, assign.WriteOwingXLSX(path, on, rep.Rules, rep.Rows)
}
