package ui

import (
	"strings"
)

// settingsPart is a tab of 设置 and what its fields hold now.
type settingsPart struct {
	title string
	state func() any
}

// parts are the tabs of 设置, with their fields' values and the problems
// a 保存 would find in them.
func (s *settingsScreen) parts() []settingsPart {
	with := func(v any, errs []string) any { return []any{v, errs} }
	return []settingsPart{
		{"回避规则", func() any { return with(s.recusal.collect()) }},
		{"巡察日历", func() any { return with(s.calendar.collect()) }},
		{"编组", func() any { return with(s.assign.collect()) }},
		{"经验与轮换", func() any { return with(s.people.collect()) }},
		{"培训提示", func() any { return []any{s.training.warn.Checked, s.training.years.Text} }},
		{"成果运用", func() any { return with(s.ledger.collect()) }},
		{"文书模板", func() any { return s.papers.collect() }},
	}
}

// remember takes every tab's fields as they are now as saved: after the
// screen is built, read again, or a tab saved.
func (s *settingsScreen) remember() {
	if s.tabs == nil {
		return
	}
	s.saved = s.saved[:0]
	for _, p := range s.parts() {
		s.saved = append(s.saved, newFormGuard(p.title, p.state))
	}
}

// unsaved names the tabs whose fields differ from what is stored.
func (s *settingsScreen) unsaved() string {
	var tabs []string
	for _, g := range s.saved {
		if g.unsaved() != "" {
			tabs = append(tabs, "“"+g.what+"”")
		}
	}
	if len(tabs) == 0 {
		return ""
	}
	return strings.Join(tabs, "、") + "的设置"
}

// discard shows the stored settings again.
func (s *settingsScreen) discard() { s.reload() }
