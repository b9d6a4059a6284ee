package ui

// The 编组 screen's part in the window's guard of unsaved work
// (window_unsaved.go): a roster solved, drawn or adjusted but not saved
// (assignScreen.unsaved, assign_run.go, says what).

// discard shows the round's saved roster again.
func (s *assignScreen) discard() { s.load() }
