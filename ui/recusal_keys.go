package ui

// The 回避报告 screen's keys (window_keys.go).

// keySearch puts the cursor in the person filter (Ctrl+F).
func (s *recusalScreen) keySearch() { focus(s.win, s.person) }
