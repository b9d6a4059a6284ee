package ui

// The 编组 screen's part in the window's guard of unsaved work
// (window_unsaved.go): a roster solved, drawn or adjusted but not saved.

import (
	"fmt"

	"xuncha/app/assign"
)

// unsaved says what of the roster shown is not saved, "" for nothing.
func (s *assignScreen) unsaved() string {
	if s.st == nil || s.st.Res == nil {
		return ""
	}
	switch {
	case s.st.Dirty:
		return fmt.Sprintf("轮次 %s 的编组（有手动调整）", s.st.Res.Round)
	case s.st.Source != assign.SourceSaved && s.st.Source != assign.SourceNone && s.st.Filled() > 0:
		return fmt.Sprintf("轮次 %s 的%s结果", s.st.Res.Round, s.st.Source)
	}
	return ""
}

// discard shows the round's saved roster again.
func (s *assignScreen) discard() { s.load() }
