package ui

// The 编组 screen's keys (window_keys.go).

// keySearch puts the cursor in the filter of the team list (Ctrl+F).
func (s *assignScreen) keySearch() { focus(s.win, s.filter) }

// keySave saves the roster (Ctrl+S), asking as 保存编组 does.
func (s *assignScreen) keySave() { press(s.save) }

// showRoundTeam loads round and shows its team (from 总览's drill-down).
func (s *assignScreen) showRoundTeam(round, team string) {
	for _, r := range s.rounds {
		if r.Code != round {
			continue
		}
		if s.st != nil && s.st.Res.Round == round && !s.running {
			s.selectTeam(team)
			s.onFilterChanged()
			return
		}
		s.want.round, s.want.team = round, team
		s.round.SetSelected(roundLabel(r))
		return
	}
}
