package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/internal/pgtest"
	"xuncha/model"
)

// emptyWindow is the window before any database is open.
func emptyWindow(t *testing.T) *mainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(appTheme{})
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	m := newMainWindow(a, w, "测试")
	w.SetContent(m.build())
	t.Cleanup(func() { m.close() })
	return m
}

// --db postgres://… without a password: the window asks for it, connects
// with it, and remembers the connection without the password.
func TestConnectServerAsksThePassword(t *testing.T) {
	srv := pgtest.Start(t)
	name := pgtest.Name(srv.NewDB(t))
	bare := srv.BareURL(name)
	t.Setenv(model.PasswordEnv, "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	m := emptyWindow(t)
	m.begin(bare, true)
	m.session().work.wait()
	pw := m.session().password
	if pw == nil || m.svc != nil {
		t.Fatal("no password asked")
	}
	test.Type(pw, srv.Password)
	pw.OnSubmitted(pw.Text)
	m.session().work.wait()
	if m.svc == nil || !m.svc.OnServer() || m.session().first == nil {
		t.Fatalf("not connected (at the first 管理员); status %q", m.status.Text)
	}
	recent := recentConnections(m.app.Preferences())
	if len(recent) != 1 || recent[0] != bare || strings.Contains(recent[0], srv.Password) {
		t.Errorf("recent connections %v", recent)
	}
}

// A server that cannot be reached: the window says so and offers 重试,
// another server and a file; 重试 connects once the server is there.
func TestConnectServerUnreachable(t *testing.T) {
	m := emptyWindow(t)
	m.connect("postgres://xuncha@127.0.0.1:1/xuncha?sslmode=disable&connect_timeout=2")
	m.session().work.wait()
	p := m.session().server
	if p == nil || m.svc != nil || p.retry == nil || p.other == nil || p.file == nil {
		t.Fatal("no panel for an unreachable server")
	}
	if !strings.Contains(m.status.Text, "未连接") {
		t.Errorf("status %q", m.status.Text)
	}
}

// The form builds the URL from its fields (no password in it) and fills
// them from a recent connection.
func TestServerFormURL(t *testing.T) {
	test.NewTempApp(t)
	var got string
	f := newServerForm([]string{"postgres://clerk@db.local:6543/city?sslmode=verify-full"}, func(dsn string) { got = dsn })
	if f.host.Text != "db.local" || f.port.Text != "6543" || f.db.Text != "city" || f.user.Text != "clerk" || f.ssl.Selected != "verify-full" {
		t.Fatalf("filled from the recent connection: %q %q %q %q %q", f.host.Text, f.port.Text, f.db.Text, f.user.Text, f.ssl.Selected)
	}
	f.host.SetText("")
	if _, err := f.url(); err == nil || !strings.Contains(err.Error(), "服务器地址") {
		t.Errorf("no host: %v", err)
	}
	f.host.SetText("10.1.2.3")
	f.ssl.SetSelected("disable")
	w := test.NewTempWindow(t, widget.NewLabel(""))
	f.show(w)
	test.Tap(f.connect)
	if got != "postgres://clerk@10.1.2.3:6543/city?sslmode=disable" {
		t.Errorf("url %q", got)
	}
}

// A save refused because another clerk saved the record first says who and
// when, keeps the form open, and 重新载入 closes it and opens the record as
// it is now.
func TestFormSavedOffersReloadOnConflict(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(900, 700))
	form := dialog.NewCustomWithoutButtons("表单", widget.NewLabel("表单"), w)
	form.Show()
	errs := widget.NewLabel("")
	saved, reloaded := "", false
	conflict := &model.ConflictError{By: "张三", At: time.Date(2026, 3, 1, 2, 2, 0, 0, time.UTC)}
	formSaved(errors.Join(conflict), errs, form, w, func(code string) { saved = code }, "P001", nil, func() { reloaded = true })
	top := w.Canvas().Overlays().Top()
	b := findButton(top, "重新载入")
	if b == nil || !app.IsConflict(errors.Join(conflict)) {
		t.Fatal("no 重新载入 offered")
	}
	test.Tap(b)
	if !reloaded || saved != "P001" {
		t.Errorf("重新载入: reloaded %v, list refreshed for %q", reloaded, saved)
	}
}

// F5 reloads the screens; opening a screen reloads them when the data
// changed since (another clerk's change).
func TestRefreshShowsOtherClerksChanges(t *testing.T) {
	m, svc, _ := fileWorld(t, "巡察.db")
	m.signIn(svc, "巡察.db")
	m.enter() // no accounts: straight to the screens
	if m.views == nil {
		t.Fatal("no screens")
	}
	before := m.session().mark
	other := &app.Service{DB: svc.DB, User: "李四"}
	d, err := other.PersonDetail("P001")
	if err != nil {
		t.Fatal(err)
	}
	d.Person.Post = "处长"
	if err := other.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	m.show(2)
	if m.session().mark == before {
		t.Error("opening a screen did not see the change")
	}
	mark := m.session().mark
	m.win.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if m.session().mark != mark {
		t.Error("F5 with nothing changed moved the mark")
	}
}
