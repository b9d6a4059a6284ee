package ui

// Keeping every screen current: the window listens to the service's
// changes (app.Service.Subscribe) and marks every screen built but not
// shown as out of date; a screen out of date reads its data again when it
// is shown. The screen shown keeps what the clerk is doing (a filter, a
// selection, unsaved edits): it is read again by F5, by the toolbar's
// imports, and after a restore. Changes made by other clerks (shared
// mode, or another program on the same file) are found on opening a
// screen and by F5 (refreshData, window_server.go: Service.ChangedSince).

import (
	"fyne.io/fyne/v2"

	"xuncha/app"
)

// watch makes the window hear svc's changes, once per service.
func (m *mainWindow) watch(svc *app.Service) {
	s := m.session()
	if s.watched == svc {
		return
	}
	m.unwatch()
	s.watched = svc
	s.unwatchFn = svc.Subscribe(func(c app.Change) {
		fyne.Do(func() { m.dataChanged(svc, c) })
	})
}

// unwatch stops hearing the service watched.
func (m *mainWindow) unwatch() {
	s := m.session()
	if s.unwatchFn != nil {
		s.unwatchFn()
	}
	s.watched, s.unwatchFn = nil, nil
}

// dataChanged marks every screen built but not shown as out of date.
func (m *mainWindow) dataChanged(svc *app.Service, _ app.Change) {
	if m.svc != svc || m.views == nil {
		return
	}
	m.markStale()
}

// markStale marks the screens built but not shown as out of date.
func (m *mainWindow) markStale() {
	for i := range m.views {
		if i != m.cur && m.built[i] != nil {
			m.stale[i] = true
		}
	}
}

// markAllStale marks every screen built as out of date, the one shown
// too.
func (m *mainWindow) markAllStale() {
	m.markStale()
	if m.cur >= 0 && m.built[m.cur] != nil {
		m.stale[m.cur] = true
	}
}

// reload reads the screen shown again at once and the others when they
// are next shown: after an import, a data package, F5.
func (m *mainWindow) reload() {
	if m.views == nil {
		return
	}
	m.markAllStale()
	if m.cur >= 0 && m.built[m.cur] != nil {
		m.freshen(m.cur)
	}
}

// freshen reads screen i again when it is out of date, before it shows. A
// screen with unsaved work is left as it is (still out of date): F5 asks
// whether to give the work up.
func (m *mainWindow) freshen(i int) {
	if !m.stale[i] {
		return
	}
	if w := viewUnsaved(m.views[i]); w != "" {
		m.status.SetText("数据已有变动；“" + m.screens[i].title + "”有未保存的修改，保存后按 F5 刷新")
		return
	}
	m.stale[i] = false
	m.views[i].reload()
}

// openTeam shows team of round in 编组 (总览's drill-down).
func (m *mainWindow) openTeam(round, team string) {
	for i, s := range m.screens {
		if s.title != "编组" {
			continue
		}
		m.nav.Select(i) // asks first when the screen shown has unsaved work
		if a, ok := m.views[i].(*assignScreen); ok && m.cur == i {
			a.showRoundTeam(round, team)
		}
		return
	}
}
