package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
)

// fileWorld opens a database file named name in a temporary folder, with
// two counties and a person, and a main window built around nothing yet.
func fileWorld(t *testing.T, name string) (*mainWindow, *app.Service, string) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(appTheme{})
	path := filepath.Join(t.TempDir(), name)
	svc, err := app.Open(path, "测试")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []any{
		&model.County{Code: "C01", Name: "城关区"}, &model.County{Code: "C02", Name: "河西县"},
		&model.Person{Code: "P001", Name: "张三", HomeCountyCode: "C01", InStaffPool: true, Status: vocab.StatusActive},
	} {
		must(t, svc.DB.Create(r).Error)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	m := newMainWindow(a, w, "测试")
	w.SetContent(m.build())
	t.Cleanup(func() { m.close() })
	return m, svc, path
}

// office adds a 管理员, a 经办人 and a 领导 to svc and signs them out.
func office(t *testing.T, svc *app.Service) {
	t.Helper()
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, svc.AddUser("小李", vocab.UserClerk, "clerk-pass-1"))
	must(t, svc.AddUser("周书记", vocab.UserLeader, "leader-pass-1"))
	svc.Logout()
}

// login types name and password into the login screen and waits.
func login(t *testing.T, m *mainWindow, name, pass string) {
	t.Helper()
	l := m.session().login
	if l == nil {
		t.Fatal("no login screen shown")
	}
	l.name.SetText("")
	test.Type(l.name, name)
	test.Type(l.pass, pass)
	test.Tap(l.login)
	m.session().work.wait()
}

func navTitles(m *mainWindow) []string {
	var out []string
	for _, s := range m.screens {
		out = append(out, s.title)
	}
	return out
}

func TestFirstAdminCreatedAndSignedIn(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	m.signIn(svc, path)
	f := m.session().first
	if f == nil || m.views != nil {
		t.Fatal("a database without accounts should ask for the first 管理员 before the screens")
	}
	if f.skip != nil {
		t.Error("only the demonstration database may be used without accounts")
	}
	test.Type(f.name, "王主任")
	test.Type(f.pw.First, "admin-pass-1")
	test.Type(f.pw.Second, "admin-pass-2")
	test.Tap(f.create)
	m.session().work.wait()
	if !f.note.Failed() || !strings.Contains(f.note.Text, "两次输入的密码不一致") {
		t.Errorf("mismatched passwords: note %q", f.note.Text)
	}
	if has, _ := svc.HasUsers(); has {
		t.Fatal("an account was created from mismatched passwords")
	}
	f.pw.First.SetText("short")
	f.pw.Second.SetText("short")
	test.Tap(f.create)
	m.session().work.wait()
	if !strings.Contains(f.note.Text, "密码至少 8 个字符") {
		t.Errorf("short password: note %q", f.note.Text)
	}
	f.pw.First.SetText("admin-pass-1")
	f.pw.Second.SetText("admin-pass-1")
	test.Tap(f.create)
	m.session().work.wait()
	if m.views == nil || svc.Role != vocab.UserAdmin || svc.User != "王主任" {
		t.Fatalf("after creating: screens %v, signed in %s（%s）", m.views != nil, svc.User, svc.Role)
	}
	if got := m.session().account.Text; got != "王主任（管理员）" {
		t.Errorf("user menu = %q", got)
	}
	if !strings.Contains(m.win.Title(), "王主任（管理员）") {
		t.Errorf("title = %q", m.win.Title())
	}
	for _, want := range []string{"审计日志", "数据备份", "用户管理"} {
		if !slices.Contains(navTitles(m), want) {
			t.Errorf("管理员 lacks %s: %v", want, navTitles(m))
		}
	}
}

func TestDemoDatabaseMaySkipAccounts(t *testing.T) {
	m, svc, path := fileWorld(t, "演示数据.db")
	m.signIn(svc, path)
	f := m.session().first
	if f == nil || f.skip == nil {
		t.Fatal("the demonstration database should offer 跳过")
	}
	test.Tap(f.skip)
	if m.views == nil || svc.Role != "" {
		t.Fatalf("skip: screens %v, role %q", m.views != nil, svc.Role)
	}
	if got := m.session().account.Text; got != "未设账户" {
		t.Errorf("user menu = %q", got)
	}
	if !strings.Contains(m.win.Title(), "演示数据") {
		t.Errorf("title = %q", m.win.Title())
	}
	if items := m.accountMenu().Items; len(items) != 1 || items[0].Label != "创建管理员账户…" {
		t.Errorf("menu of an open database: %v", items)
	}
}

func TestLoginWrongThenRight(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	if m.views != nil || !m.tools[0].Disabled() {
		t.Fatal("the screens and the toolbar should wait for the login")
	}
	login(t, m, "小李", "wrong-password")
	note := m.session().login.note
	if !strings.Contains(note.Text, "用户名或密码错误") || !strings.Contains(note.Text, "还可再试 4 次") {
		t.Errorf("wrong password: %q", note.Text)
	}
	login(t, m, "小李", "clerk-pass-1")
	if m.views == nil || svc.User != "小李" || svc.Role != vocab.UserClerk {
		t.Fatalf("right password: screens %v, %s（%s）", m.views != nil, svc.User, svc.Role)
	}
	titles := navTitles(m)
	if slices.Contains(titles, "用户管理") || slices.Contains(titles, "审计日志") || !slices.Contains(titles, "数据备份") {
		t.Errorf("经办人 navigation: %v", titles)
	}

	m.onSignOut()
	if m.views != nil || m.session().login == nil || svc.Role != "" {
		t.Fatal("切换用户 should put the screens away and show the login")
	}
	login(t, m, "王主任", "admin-pass-1")
	if svc.User != "王主任" || !slices.Contains(navTitles(m), "用户管理") {
		t.Errorf("after switching: %s, %v", svc.User, navTitles(m))
	}
}

func TestLoginLockout(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	for i := 0; i < 5; i++ {
		login(t, m, "周书记", "wrong-password")
	}
	note := m.session().login.note
	if !strings.Contains(note.Text, "已锁定") || !strings.Contains(note.Text, "后再试") {
		t.Errorf("after 5 failures: %q", note.Text)
	}
	login(t, m, "周书记", "leader-pass-1")
	if m.views != nil || !strings.Contains(m.session().login.note.Text, "已锁定") {
		t.Errorf("the right password while locked: screens %v, note %q", m.views != nil, m.session().login.note.Text)
	}
}

func TestLeaderCannotManageUsersOrEdit(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	login(t, m, "周书记", "leader-pass-1")
	titles := navTitles(m)
	if slices.Contains(titles, "用户管理") || !slices.Contains(titles, "审计日志") {
		t.Errorf("领导 navigation: %v", titles)
	}
	for _, b := range m.tools {
		if (b.Text == "导入工作簿" || b.Text == "数据包导入") != b.Disabled() {
			t.Errorf("toolbar %s disabled = %v", b.Text, b.Disabled())
		}
	}
	u := newUsersScreen(svc, m.win, nil, nil)
	m.win.SetContent(u.build())
	if !u.note.Failed() || !strings.Contains(u.note.Text, "无权管理用户") || !u.add.Disabled() {
		t.Errorf("users screen for a 领导: note %q, add disabled %v", u.note.Text, u.add.Disabled())
	}
	if err := svc.AddUser("小王", vocab.UserClerk, "clerk-pass-2"); err == nil {
		t.Error("a 领导 added a user through the service")
	}
	if err := svc.DeletePerson("P001"); err == nil || !strings.Contains(err.Error(), "无权") {
		t.Errorf("a 领导 deleted a person: %v", err)
	}
	d := newImportDialog(svc, m.win, nil)
	d.show()
	d.addFile(writeFile(t, "人员.csv", "人员编号,姓名,工作关系地\nP101,孙七,C01\n"))
	test.Tap(d.start)
	if !strings.Contains(d.verdict.Text, "无权导入数据") {
		t.Errorf("import dialog for a 领导: %q", d.verdict.Text)
	}
	if _, err := svc.PersonDetail("P101"); err == nil {
		t.Error("a 领导 imported a workbook")
	}
}

func TestChangeOwnPassword(t *testing.T) {
	m, svc, path := fileWorld(t, "巡察.db")
	office(t, svc)
	m.signIn(svc, path)
	login(t, m, "小李", "clerk-pass-1")
	d := m.onChangePassword()
	d.dlg.Submit()
	if !strings.Contains(d.dlg.Note.Text, "请输入密码") {
		t.Errorf("empty form: %q", d.dlg.Note.Text)
	}
	test.Type(d.old, "wrong-password")
	test.Type(d.pw.First, "clerk-pass-2")
	test.Type(d.pw.Second, "clerk-pass-2")
	d.dlg.Submit()
	if !strings.Contains(d.dlg.Note.Text, "用户名或密码错误") {
		t.Errorf("wrong old password: %q", d.dlg.Note.Text)
	}
	test.Type(d.old, "clerk-pass-1")
	d.dlg.Submit()
	if d.dlg.Note.Failed() {
		t.Fatalf("change refused: %q (old %q)", d.dlg.Note.Text, d.old.Text)
	}
	m.onSignOut()
	login(t, m, "小李", "clerk-pass-2")
	if svc.User != "小李" || m.views == nil {
		t.Error("the new password does not sign in")
	}
}
