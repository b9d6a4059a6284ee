package ui

// The doors between the screens of a round's results: the 督办 list opens
// a unit's record in 成果, the overview opens the 督办 list filtered.

import "xuncha/app/ledger"

// The titles of the results screens in the navigation.
const (
	resultsTitle   = "成果"
	superviseTitle = "督办"
)

// screenIndex is the position of the screen titled title, or -1.
func (m *mainWindow) screenIndex(title string) int {
	for i, s := range m.screens {
		if s.title == title {
			return i
		}
	}
	return -1
}

// showScreen switches to the screen titled title and returns its view,
// built; nil when the user has no such screen.
func (m *mainWindow) showScreen(title string) view {
	i := m.screenIndex(title)
	if i < 0 || i >= len(m.views) {
		return nil
	}
	m.nav.Select(i)
	m.show(i)
	return m.views[i]
}

// openResults shows unit of round in 成果.
func (m *mainWindow) openResults(round, unit string) {
	if v, ok := m.showScreen(resultsTitle).(*resultsScreen); ok {
		v.open(round, unit)
	}
}

// openSupervise shows the 督办 list through f.
func (m *mainWindow) openSupervise(f ledger.Filter) {
	if v, ok := m.showScreen(superviseTitle).(*superviseScreen); ok {
		v.setFilter(f)
	}
}

// withDrill gives the overview its drill-down into the 督办 list.
func (m *mainWindow) withDrill(s *overviewScreen) *overviewScreen {
	s.results = newOverviewResults(m.svc, m.win)
	s.results.drill = m.openSupervise
	return s
}
