package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/ui/widgets"
)

// session is the window's state around the screens: who is signed in, the
// gate shown before them (login, first 管理员, damaged database), the
// user menu, and the automatic backups.
type session struct {
	work    tasks
	account *widget.Button // the user menu at the right of the toolbar

	login  *loginScreen    // the gate shown, one of these four
	first  *firstAdminForm //
	damage *damagePanel    //
	server *serverPanel    // a database server that cannot be used (window_server.go)

	password *widget.Entry // the server's password being asked for, if it is

	mark int64 // the data's change mark when the screens were loaded (Service.ChangeMark)

	exiting  bool // the window is closing: the backup at exit is under way
	exitDone bool // the backup at exit was made or tried

	watched   *app.Service // the service whose changes the window hears
	unwatchFn func()       // stops hearing them

	help       *helpWindow // the user guide, when open
	todo       *todoDialog // the 待办 list opened last
	closeAsked bool        // closing the window was asked and agreed (unsaved work)
}

// session returns the window's session, made on first use.
func (m *mainWindow) session() *session {
	if m.sess == nil {
		m.sess = &session{}
	}
	return m.sess
}

// screenRights are the screens only some roles see; the service methods
// behind them check the same rights again.
var screenRights = map[string]app.Permission{
	"审计日志": app.PermAudit,
	"用户管理": app.PermUsers,
}

// toolRights are the toolbar buttons only some roles may use.
var toolRights = map[string]app.Permission{
	"导入工作簿": app.PermImport,
	"数据包导入": app.PermImport,
}

// allowedScreens are the screens of the navigation the signed-in user may
// open.
func (m *mainWindow) allowedScreens() []screen {
	var out []screen
	for _, s := range screenList() {
		if p, ok := screenRights[s.title]; ok && m.svc != nil && !m.svc.Can(p) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// applyRights disables the toolbar buttons the user may not use, and shows
// who is signed in.
func (m *mainWindow) applyRights() {
	for _, b := range m.tools {
		if p, ok := toolRights[b.Text]; ok && !m.svc.Can(p) {
			b.Disable()
		}
	}
	m.nav.Refresh()
	m.showUser()
}

// accountButton is the user menu of the toolbar: 修改密码, 切换用户 (or, on a
// database without accounts, 创建管理员账户).
func (m *mainWindow) accountButton() fyne.CanvasObject {
	s := m.session()
	s.account = widget.NewButtonWithIcon("未登录", theme.AccountIcon(), m.onAccountMenu)
	s.account.Importance = widget.LowImportance
	s.account.Disable()
	return s.account
}

// showUser writes who is signed in on the user menu and in the title.
func (m *mainWindow) showUser() {
	title := appTitle
	if m.path != "" && isDemoFile(m.path) {
		title += " — 演示数据"
	}
	who, enabled := "未登录", false
	switch {
	case m.svc == nil:
	case m.svc.Role != "":
		who, enabled = fmt.Sprintf("%s（%s）", m.svc.User, m.svc.Role), m.views != nil
		title += " — " + who
	case m.views != nil:
		who, enabled = "未设账户", true
	}
	if b := m.session().account; b != nil {
		b.SetText(who)
		if enabled {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	m.win.SetTitle(title)
}

// accountMenu is what the user menu offers.
func (m *mainWindow) accountMenu() *fyne.Menu {
	if m.svc == nil || m.svc.Role == "" {
		return fyne.NewMenu("", fyne.NewMenuItem("创建管理员账户…", m.onCreateAdmin))
	}
	return fyne.NewMenu("",
		fyne.NewMenuItem("待办事项…", m.onTodo),
		fyne.NewMenuItem("修改密码…", func() { m.onChangePassword() }),
		fyne.NewMenuItem("切换用户（退出登录）", m.onSignOut),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("打开数据库文件…", m.onOpenFile),
		fyne.NewMenuItem("连接服务器…", m.onConnectServer))
}

func (m *mainWindow) onAccountMenu() {
	b := m.session().account
	widget.ShowPopUpMenuAtRelativePosition(m.accountMenu(), m.win.Canvas(), fyne.NewPos(0, b.Size().Height), b)
}

// isDemoFile reports whether path is the demonstration database, the one
// file that may be used without accounts.
func isDemoFile(path string) bool {
	return filepath.Clean(path) == demoPath(path)
}

// signIn puts svc (the database at path) behind its gate: the login for a
// database with accounts, the first 管理员 for one without, and the
// screens once someone is signed in.
func (m *mainWindow) signIn(svc *app.Service, path string) {
	if m.svc != svc {
		m.close()
	}
	m.svc, m.path = svc, path
	has, err := svc.HasUsers()
	switch {
	case err != nil:
		m.showGate(widget.NewLabel(err.Error()))
	case has && svc.Role == "":
		s := m.session()
		s.login = newLoginScreen(svc, path, &s.work, m.enter)
		m.showGate(s.login.build())
		m.win.Canvas().Focus(s.login.name)
	case !has:
		m.showFirstAdmin(isDemoFile(path))
	default:
		m.enter()
	}
}

// showFirstAdmin asks for the first 管理员; allowSkip lets the clerk go on
// without accounts.
func (m *mainWindow) showFirstAdmin(allowSkip bool) {
	s := m.session()
	s.first = newFirstAdminForm(m.svc, &s.work, allowSkip, m.enter)
	m.showGate(s.first.build())
	m.win.Canvas().Focus(s.first.name)
}

// showGate shows o in place of the screens, which are put away with the
// toolbar.
func (m *mainWindow) showGate(o fyne.CanvasObject) {
	m.views, m.built, m.stale, m.screens, m.cur = nil, nil, nil, nil, -1
	m.nav.UnselectAll()
	m.nav.Refresh()
	for _, b := range m.tools {
		b.Disable()
	}
	m.body.Objects = []fyne.CanvasObject{o}
	m.body.Refresh()
	if m.path != "" {
		m.status.SetText("数据库：" + m.path)
	}
	m.showUser()
}

// enter shows the screens the signed-in user may open, and makes the
// day's automatic backup when one is due.
func (m *mainWindow) enter() {
	s := m.session()
	s.login, s.first, s.damage = nil, nil, nil
	m.setService(m.svc, m.path)
	m.dailyBackup()
	m.todoAtSignIn()
}

// refreshAccess shows the screens again after the signed-in user's rights
// may have changed (their own role, a restore).
func (m *mainWindow) refreshAccess() { m.signIn(m.svc, m.path) }

// onCreateAdmin creates the first 管理员 of a database used without
// accounts (the demonstration data).
func (m *mainWindow) onCreateAdmin() { m.showFirstAdmin(true) }

// onSignOut signs the user out and shows the login, after asking when
// anything is unsaved (a form, a screen's work: an unsaved draw on 编组).
func (m *mainWindow) onSignOut() {
	m.guardAll("切换用户", "放弃修改并退出登录", m.signOut)
}

// signOut signs the user out and shows the login.
func (m *mainWindow) signOut() {
	m.svc.Logout()
	m.signIn(m.svc, m.path)
}

// passwordDialog changes the signed-in user's own password.
type passwordDialog struct {
	old *widget.Entry
	pw  *widgets.PasswordPair
	dlg *widgets.FormDialog
}

// onChangePassword lets the signed-in user change their own password.
func (m *mainWindow) onChangePassword() *passwordDialog {
	d := &passwordDialog{old: widget.NewPasswordEntry(), pw: widgets.NewPasswordPair()}
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("原密码", d.old)}, d.pw.FormItems("新密码", "确认新密码")...)...)
	d.dlg = widgets.NewFormDialog("修改密码 — "+m.svc.User, "修改", form, func() error {
		p, err := d.pw.Password()
		if err != nil {
			return err
		}
		if err := m.svc.ChangePassword(d.old.Text, p); err != nil {
			d.old.SetText("")
			return err
		}
		return nil
	}, m.win)
	d.dlg.After = func() {
		dialog.ShowInformation("修改密码", "密码已修改，下次登录请用新密码。", m.win)
	}
	d.pw.Second.OnSubmitted = func(string) { d.dlg.Submit() }
	d.dlg.Show(420)
	return d
}

// dailyBackup makes the day's automatic backup in the background when the
// settings ask for one and none was made today.
func (m *mainWindow) dailyBackup() {
	svc, status := m.svc, m.status.Text
	m.session().work.run(func() error {
		f, err := svc.AutoBackup(false)
		if err == nil && f != nil {
			status += "　·　今日自动备份：" + f.Name
		}
		return err
	}, func(err error) {
		if m.svc != svc {
			return
		}
		if err != nil {
			m.status.SetText(m.status.Text + "　·　自动备份失败")
			dialog.ShowError(fmt.Errorf("%w\n请在“数据备份”中检查备份文件夹。", err), m.win)
			return
		}
		m.status.SetText(status)
	})
}

// onCloseWindow makes the backup at exit under a short progress, then
// closes. A failed backup never keeps the program open: it is said, on the
// console and in a dialog that closes the program when dismissed or after
// a few seconds.
func (m *mainWindow) onCloseWindow() {
	s := m.session()
	if s.exiting {
		return
	}
	if m.views != nil && !s.closeAsked {
		m.guardAll("关闭窗口", "放弃修改并退出", func() {
			s.closeAsked = true
			m.onCloseWindow()
		})
		return
	}
	if m.svc != nil {
		if set, err := m.svc.BackupSettings(); err != nil || !set.AtExit {
			s.exitDone = true
		}
	}
	if m.svc == nil || s.exitDone {
		s.exitDone = true
		m.win.Close()
		return
	}
	s.exiting = true
	svc := m.svc
	s.work.busy(m.win, "正在自动备份，完成后退出…", func() error {
		_, err := svc.AutoBackup(true)
		return err
	}, func(err error) {
		s.exitDone = true
		if err == nil {
			m.win.Close()
			return
		}
		fmt.Fprintln(os.Stderr, "退出时自动备份失败:", err)
		d := dialog.NewCustom("自动备份失败", "退出", container.NewVBox(widget.NewLabel(err.Error()),
			widget.NewLabel("程序仍将退出，数据库本身不受影响。")), m.win)
		d.SetOnClosed(m.win.Close)
		d.Show()
		time.AfterFunc(8*time.Second, func() { fyne.Do(m.win.Close) })
	})
}

// backupAtExit makes the backup at exit when the window closed without
// onCloseWindow (the program was asked to quit): quietly, on the console.
func (m *mainWindow) backupAtExit() {
	if m.svc == nil || m.session().exitDone {
		return
	}
	if _, err := m.svc.AutoBackup(true); err != nil {
		fmt.Fprintln(os.Stderr, "退出时自动备份失败:", err)
	}
}

// afterRestore shows the restored database: the screens again when the
// signed-in user is in it, the login otherwise.
func (m *mainWindow) afterRestore() {
	m.refreshAccess()
}
