package app

// The training warning (SPEC §11.1): when the setting is on, placing
// someone with no training in the last N years before the round's
// 进驻开始 gives a 提示 "未参加培训（近N年）". It is not a recusal rule (it
// appears in no `check` output): it enters the assignment as a soft
// finding on every team of the round, so that the solver scores it like
// any 提示, the 编组 screen and `assign --json` list it among the warnings,
// and a hand edit is re-checked against it; the 回避告知书 data list it too.

import (
	"fmt"

	"xuncha/app/assign"
	"xuncha/app/civil"
	"xuncha/app/snap"
)

// trainingKey is the settings key of the training warning.
const trainingKey = "training"

// RuleTraining names the training warning where a rule code goes.
const RuleTraining = "培训"

// TrainingSettings is whether to warn of untrained people, and the years
// a training counts for.
type TrainingSettings struct {
	Warn  bool // off by default
	Years int  // default 3
}

// DefaultTraining returns the training warning's defaults: off, 3 years.
func DefaultTraining() TrainingSettings { return TrainingSettings{Years: 3} }

// Validate reports a setting out of range, in Chinese.
func (t TrainingSettings) Validate() error {
	if t.Years < 1 || t.Years > 10 {
		return fmt.Errorf("培训年限应在 1 至 10 年之间，现为 %d", t.Years)
	}
	return nil
}

// Untrained says why p counts as untrained for a round starting on ref
// ("" when trained, or when the warning is off): no training that started
// on or before ref and ended (its end date, else its start) on or after
// the day Years before ref. With ref zero every training counts.
func (t TrainingSettings) Untrained(p *snap.Person, ref civil.Date) string {
	if !t.Warn {
		return ""
	}
	var cutoff civil.Date
	if !ref.IsZero() {
		cutoff = ref.AddYears(-t.Years)
	}
	var last *snap.Training
	for i := range p.Trainings {
		tr := &p.Trainings[i]
		end := tr.To
		if end.IsZero() {
			end = tr.From
		}
		if !ref.IsZero() && tr.From > ref {
			continue // after the round began
		}
		if cutoff.IsZero() || end >= cutoff {
			return ""
		}
		if last == nil || tr.From > last.From {
			last = tr
		}
	}
	why := fmt.Sprintf("未参加培训（近%d年）", t.Years)
	if last != nil {
		why += fmt.Sprintf("：最近一次为 %s 的“%s”", last.From, last.Name)
	} else {
		why += "：无培训记录"
	}
	return why
}

// TrainingSettings returns the training warning's settings.
func (s *Service) TrainingSettings() (TrainingSettings, error) {
	set := DefaultTraining()
	if err := s.LoadSetting(trainingKey, &set); err != nil {
		return DefaultTraining(), err
	}
	return set, nil
}

// SaveTrainingSettings checks and stores the training warning's settings.
func (s *Service) SaveTrainingSettings(set TrainingSettings) error {
	if err := s.Require(PermSettings); err != nil {
		return err
	}
	if err := set.Validate(); err != nil {
		return err
	}
	return s.SaveSetting(trainingKey, set)
}

// trainingHits are the soft findings of the training warning for round
// code of sn: one per untrained active person and team.
func trainingHits(sn *snap.Snapshot, code string, set TrainingSettings) []assign.Hit {
	r := sn.Round(code)
	if r == nil || !set.Warn {
		return nil
	}
	var out []assign.Hit
	for i := range sn.People {
		p := &sn.People[i]
		if !p.Active() {
			continue
		}
		for j := range r.Teams {
			t := &r.Teams[j]
			if why := set.Untrained(p, r.Start(t)); why != "" {
				out = append(out, assign.Hit{Person: p.Code, Team: t.Name, Rule: RuleTraining, Reason: why})
			}
		}
	}
	return out
}
