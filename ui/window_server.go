package ui

// Shared mode in the window (SPEC §13.1): 连接服务器 beside 打开文件 at the
// start, the connection's form with the recent connections (remembered
// without their passwords), the password asked in a dialog and kept only
// in memory, a panel that says why a server cannot be reached with a way
// to try again, and the screens brought up to date with other clerks'
// changes when one is opened and on F5.

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/ui/widgets"
)

// recentKey is the preference that lists the recent server connections,
// newest first, without passwords.
const recentKey = "server.recent"

// maxRecent is how many recent connections are remembered.
const maxRecent = 8

// recentConnections are the server URLs connected to last, newest first.
func recentConnections(p fyne.Preferences) []string { return p.StringList(recentKey) }

// rememberConnection puts dsn, without its password, first in the recent
// connections.
func rememberConnection(p fyne.Preferences, dsn string) {
	u := app.Redacted(dsn)
	list := []string{u}
	for _, old := range p.StringList(recentKey) {
		if old != u && len(list) < maxRecent {
			list = append(list, old)
		}
	}
	p.SetStringList(recentKey, list)
}

// serverForm is the dialog 连接服务器: host, port, database, user and TLS,
// or one of the recent connections. The password is not on it: the
// server asks for it when it needs one (XUNCHA_DB_PASSWORD and the
// PostgreSQL password file are tried first).
type serverForm struct {
	recent               *widget.Select
	host, port, db, user *widget.Entry
	ssl                  *widget.Select
	connect              *widget.Button
	dlg                  dialog.Dialog
	onConnect            func(dsn string)
}

// sslModes are the TLS choices offered: none on a closed LAN, or TLS with
// the server's certificate checked (docs/共享模式.md).
var sslModes = []string{"disable", "require", "verify-full"}

func newServerForm(recent []string, onConnect func(dsn string)) *serverForm {
	f := &serverForm{onConnect: onConnect}
	f.host = widget.NewEntry()
	f.host.SetPlaceHolder("服务器地址，如 192.0.2.10 或 db.xuncha.local")
	f.port = widget.NewEntry()
	f.port.SetText("5432")
	f.db = widget.NewEntry()
	f.db.SetText("xuncha")
	f.user = widget.NewEntry()
	f.user.SetPlaceHolder("数据库账户，如 xuncha_app")
	f.ssl = widget.NewSelect(sslModes, nil)
	f.ssl.SetSelected("disable")
	f.recent = widget.NewSelect(recent, f.fill)
	f.recent.PlaceHolder = "（选择最近的连接）"
	f.connect = widget.NewButtonWithIcon("连接", theme.LoginIcon(), func() {
		dsn, err := f.url()
		if err != nil {
			dialog.ShowError(err, fyne.CurrentApp().Driver().AllWindows()[0])
			return
		}
		f.dlg.Hide()
		f.onConnect(dsn)
	})
	f.connect.Importance = widget.HighImportance
	if len(recent) > 0 {
		f.recent.SetSelectedIndex(0)
	}
	return f
}

// fill puts a recent connection into the fields.
func (f *serverForm) fill(dsn string) {
	u, err := url.Parse(dsn)
	if err != nil {
		return
	}
	f.host.SetText(u.Hostname())
	if p := u.Port(); p != "" {
		f.port.SetText(p)
	}
	f.db.SetText(strings.TrimPrefix(u.Path, "/"))
	f.user.SetText(u.User.Username())
	if m := u.Query().Get("sslmode"); slices.Contains(sslModes, m) {
		f.ssl.SetSelected(m)
	}
}

// url is the connection URL of the fields (no password in it).
func (f *serverForm) url() (string, error) {
	host, port, db, user := strings.TrimSpace(f.host.Text), strings.TrimSpace(f.port.Text), strings.TrimSpace(f.db.Text), strings.TrimSpace(f.user.Text)
	switch {
	case host == "":
		return "", fmt.Errorf("请填写服务器地址")
	case db == "":
		return "", fmt.Errorf("请填写数据库名")
	case user == "":
		return "", fmt.Errorf("请填写数据库账户")
	}
	if port == "" {
		port = "5432"
	}
	u := url.URL{Scheme: "postgres", User: url.User(user), Host: host + ":" + port, Path: "/" + db,
		RawQuery: url.Values{"sslmode": {f.ssl.Selected}}.Encode()}
	return u.String(), nil
}

func (f *serverForm) show(w fyne.Window) {
	form := widget.NewForm(
		widget.NewFormItem("最近的连接", f.recent),
		widget.NewFormItem("服务器", f.host),
		widget.NewFormItem("端口", f.port),
		widget.NewFormItem("数据库", f.db),
		widget.NewFormItem("账户", f.user),
		widget.NewFormItem("加密 (sslmode)", f.ssl),
	)
	note := widget.NewLabel("密码不会保存：需要时程序会询问（也可用环境变量 XUNCHA_DB_PASSWORD 或 PostgreSQL 密码文件）。")
	note.Wrapping = fyne.TextWrapBreak
	var cancel *widget.Button
	cancel = widget.NewButton("取消", func() { f.dlg.Hide() })
	body := container.NewVBox(form, note, container.NewHBox(layout.NewSpacer(), cancel, f.connect))
	f.dlg = dialog.NewCustomWithoutButtons("连接服务器", minWidth(body, 560), w)
	f.dlg.Show()
}

// onConnectServer opens the dialog 连接服务器.
func (m *mainWindow) onConnectServer() {
	newServerForm(recentConnections(m.app.Preferences()), m.connect).show(m.win)
}

// onOpenFile lets the clerk open another database file.
func (m *mainWindow) onOpenFile() {
	fileDialog{title: "打开数据库文件", exts: []string{".db"}}.open(m.win, func(path string) { m.startup(path) })
}

// connect opens the server database dsn: when the server wants a password
// that was not given, it is asked in a dialog (kept in memory only) and the
// connection tried again; when the server cannot be reached, a panel says
// why and offers to try again.
func (m *mainWindow) connect(dsn string) {
	m.status.SetText("正在连接数据库服务器 " + app.Redacted(dsn) + "…")
	var svc *app.Service
	m.session().work.busy(m.win, "正在连接数据库服务器…", func() error {
		var err error
		svc, err = app.Open(dsn, m.user)
		return err
	}, func(err error) {
		switch {
		case app.NeedsPassword(err):
			m.askPassword(dsn)
		case err != nil:
			m.showServerProblem(dsn, err)
		default:
			rememberConnection(m.app.Preferences(), dsn)
			m.win.SetTitle(appTitle + " — " + app.Redacted(dsn))
			m.signIn(svc, app.Redacted(dsn))
		}
	})
}

// askPassword asks for the server's password and connects with it.
func (m *mainWindow) askPassword(dsn string) {
	pw := widget.NewPasswordEntry()
	m.session().password = pw
	var d dialog.Dialog
	pw.OnSubmitted = func(string) {
		d.Hide()
		app.RememberServerPassword(dsn, pw.Text)
		m.connect(dsn)
	}
	items := []*widget.FormItem{widget.NewFormItem("密码", pw)}
	d = dialog.NewForm("数据库服务器密码", "连接", "取消", items, func(yes bool) {
		if yes {
			app.RememberServerPassword(dsn, pw.Text)
			m.connect(dsn)
			return
		}
		m.showServerProblem(dsn, fmt.Errorf("未输入密码，未连接"))
	}, m.win)
	d.Resize(fyne.NewSize(460, 180))
	d.Show()
	m.win.Canvas().Focus(pw)
}

// serverPanel is what the window shows when a server cannot be used.
type serverPanel struct {
	retry, other, file *widget.Button
	note               *widgets.Note
}

// showServerProblem says why the server database dsn cannot be used and
// offers to try again, another connection, a file, or to quit.
func (m *mainWindow) showServerProblem(dsn string, err error) {
	p := &serverPanel{note: widgets.NewNote()}
	m.session().server = p
	title := widget.NewLabelWithStyle("无法连接数据库服务器", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.DangerImportance
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapBreak
	p.retry = widget.NewButtonWithIcon("重试", theme.ViewRefreshIcon(), func() { m.connect(dsn) })
	p.retry.Importance = widget.HighImportance
	p.other = widget.NewButtonWithIcon("连接其他服务器…", theme.ComputerIcon(), m.onConnectServer)
	p.file = widget.NewButtonWithIcon("打开文件…", theme.FolderOpenIcon(), m.onOpenFile)
	quit := widget.NewButtonWithIcon("退出", theme.LogoutIcon(), func() { m.app.Quit() })
	body := container.NewVBox(title, msg, widget.NewSeparator(), container.NewHBox(p.retry, p.other, p.file, quit), p.note)
	m.path = app.Redacted(dsn)
	m.showGate(container.NewCenter(minWidth(widget.NewCard("", "", body), 720)))
	m.status.SetText("未连接：" + app.Redacted(dsn))
}

// refreshData brings the screens up to date when the data changed since
// they were loaded — by this clerk, an import, or another clerk on the
// server (Service.ChangedSince): every screen is then out of date, read
// again when next shown (window_refresh.go). always (F5) reads the screen
// shown again at once whatever changed. A connection that broke is said,
// with 重试; ok is false then.
func (m *mainWindow) refreshData(always bool) (ok bool) {
	if m.svc == nil {
		return false
	}
	changed, mark, err := m.svc.ChangedSince(m.session().mark)
	if err != nil {
		if app.ConnLost(err) {
			dialog.ShowCustomConfirm("与数据库服务器的连接中断", "重试", "关闭",
				widget.NewLabel(err.Error()), func(retry bool) {
					if retry {
						m.refreshData(always)
					}
				}, m.win)
			return false
		}
		dialog.ShowError(err, m.win)
		return false
	}
	m.session().mark = mark
	switch {
	case always:
		m.reload()
	case changed:
		m.markAllStale()
	}
	return true
}
