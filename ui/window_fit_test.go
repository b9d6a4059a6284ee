package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"xuncha/app"
	"xuncha/app/demo"
	"xuncha/internal/testworld"
)

// The smallest window every screen must be usable in (SPEC §13.4).
var smallestWindow = fyne.NewSize(1024, 700)

// Every screen fits a window of 1024×700: the window's content, with the
// navigation, the toolbar and the status bar, asks for no more.
func TestEveryScreenFitsSmallestWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("the city's demonstration data")
	}
	_, w := testWorld(t)
	svc := &app.Service{DB: testworld.DB(t), User: "测试"}
	if _, err := svc.LoadDemo(demo.City); err != nil {
		t.Fatal(err)
	}
	m := deskWindow(t, svc, w)
	for i, s := range m.screens {
		m.nav.Select(i)
		got := w.Content().MinSize()
		t.Logf("%s: %v", s.title, got)
		if got.Width > smallestWindow.Width || got.Height > smallestWindow.Height {
			t.Errorf("%s needs %v, more than %v", s.title, got, smallestWindow)
		}
	}
}
