package ui

// The 编组 screen's keys (window_keys.go).

// keySearch puts the cursor in the filter of the team list (Ctrl+F).
func (s *assignScreen) keySearch() { focus(s.win, s.filter) }

// keySave saves the roster (Ctrl+S), asking as 保存编组 does.
func (s *assignScreen) keySave() { press(s.save) }
