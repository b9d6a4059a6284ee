package app

// The service methods of a roster edited by hand (assign.RosterEdit, the
// 编组 screen's): load the saved one, solve, draw or re-solve one, and
// save it. The hand edits themselves are RosterEdit's methods: they read
// nothing and write nothing until SaveRoster.

import (
	"xuncha/app/assign"
)

// LoadRoster returns the saved roster of round code for editing, over
// the round's problem in mode ("" for the round's own) with seed. With
// nothing saved it is empty, its slots marked assign.SourceNone.
func (s *Service) LoadRoster(round, mode, seed string) (*assign.RosterEdit, error) {
	in, set, err := s.AssignInstance(round, mode, seed)
	if err != nil {
		return nil, err
	}
	res, has, err := s.SavedAssignment(round)
	if err != nil {
		return nil, err
	}
	source := assign.SourceSaved
	if !has {
		source = assign.SourceNone
		for i := range res.Unfilled {
			res.Unfilled[i].Reason = assign.SourceNone
		}
	}
	return assign.NewRosterEdit(in, set, res, source)
}

// SolveRoster fills the teams of round code from scratch (see Assign)
// for editing.
func (s *Service) SolveRoster(round, mode, seed string) (*assign.RosterEdit, error) {
	in, set, err := s.AssignInstance(round, mode, seed)
	if err != nil {
		return nil, err
	}
	res, err := assign.Solve(in, set)
	if err != nil {
		return nil, err
	}
	return assign.NewRosterEdit(in, set, res, assign.SourceSolve)
}

// DrawRoster fills the teams of round code by the witnessed draw (see
// DrawAssign) for editing, telling progress (when not nil) after each
// slot drawn; the edit carries the draw's record.
func (s *Service) DrawRoster(round, mode, witness string, progress func(done, total int)) (*assign.RosterEdit, error) {
	if err := s.Require(PermAssign); err != nil {
		return nil, err
	}
	in, set, err := s.AssignInstance(round, mode, witness)
	if err != nil {
		return nil, err
	}
	res, rec, err := assign.DrawProgress(in, set, witness, progress)
	if err != nil {
		return nil, err
	}
	e, err := assign.NewRosterEdit(in, set, res, assign.SourceDraw)
	if err != nil {
		return nil, err
	}
	e.Rec = rec
	return e, nil
}

// ResolveRoster solves the rest of e again within scope (assign.ResolveAll,
// ResolveTeam with team, ResolveEmpty), keeping its locked members and
// leaving out its excluded people (see assign.RosterEdit.ResolveIn).
func (s *Service) ResolveRoster(e *assign.RosterEdit, scope, team string) (*assign.RosterEdit, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	return e.ResolveIn(scope, team)
}

// SaveRoster writes e as its round's 编组记录 (see SaveAssignment) and
// marks it saved.
func (s *Service) SaveRoster(e *assign.RosterEdit) error {
	if err := s.SaveAssignment(e.Res); err != nil {
		return err
	}
	e.Saved()
	return nil
}

// SuggestSlot ranks the candidates for a slot of round code's roster (see
// assign.RosterEdit.Suggest): of the saved 编组记录 when the round has
// one, as the 编组 screen opens it, else of the roster solved in mode with
// seed, as its 自动编组 gives it. It returns where the roster came from
// (assign.SourceSaved or SourceSolve) with the candidates.
func (s *Service) SuggestSlot(round, mode, seed, team, role, holder string) (*assign.Suggestions, string, error) {
	e, err := s.LoadRoster(round, mode, seed)
	if err != nil {
		return nil, "", err
	}
	if e.Source == assign.SourceNone {
		if e, err = s.SolveRoster(round, mode, seed); err != nil {
			return nil, "", err
		}
	}
	sg, err := e.Suggest(team, role, holder)
	return sg, e.Source, err
}
