package ui

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/backup"
	"xuncha/app/demo"
)

// screen is one entry of the navigation: a title, an icon and the view it
// shows. Later screens (总览, 巡察日历, 编组, 设置) are one entry each.
type screen struct {
	title string
	icon  fyne.Resource
	make  func(m *mainWindow) view
}

// view is a screen's content: built once, reloaded when the data changed
// under it (an import, demo data).
type view interface {
	build() fyne.CanvasObject
	reload()
}

// screenList lists the screens that work, in navigation order.
func screenList() []screen {
	return []screen{
		{"总览", theme.InfoIcon(), func(m *mainWindow) view {
			o := m.withDrill(newOverviewScreen(m.svc, m.win, today))
			o.openTeam = m.openTeam
			return o
		}},
		{"巡察日历", theme.CalendarIcon(), func(m *mainWindow) view { return newCalendarScreen(m.svc, m.win, today) }},
		{"巡察规划", theme.DocumentCreateIcon(), func(m *mainWindow) view { return newPlanScreen(m.svc, m.win, today) }},
		{"人员库", theme.AccountIcon(), func(m *mainWindow) view { return newPeopleScreen(m.svc, m.win) }},
		{"人员库统计", theme.ListIcon(), func(m *mainWindow) view { return newPoolStatsScreen(m.svc, m.win, today) }},
		{"单位", theme.HomeIcon(), func(m *mainWindow) view { return newUnitsScreen(m.svc, m.win) }},
		{"编组", theme.GridIcon(), func(m *mainWindow) view { return newAssignScreen(m.svc, m.win) }},
		{"回避报告", theme.WarningIcon(), func(m *mainWindow) view { return newRecusalScreen(m.svc, m.win) }},
		{resultsTitle, theme.DocumentIcon(), func(m *mainWindow) view { return newResultsScreen(m.svc, m.win, today) }},
		{superviseTitle, theme.MediaRecordIcon(), func(m *mainWindow) view { return newSuperviseScreen(m.svc, m.win, today, m.openResults) }},
		{statsTitle, theme.ZoomFitIcon(), func(m *mainWindow) view { return newStatsScreen(m.svc, m.win, today) }},
		{"设置", theme.SettingsIcon(), func(m *mainWindow) view { return newSettingsScreen(m.svc, m.win, m.reload) }},
		{"审计日志", theme.HistoryIcon(), func(m *mainWindow) view { return newAuditScreen(m.svc, m.win) }},
		{"数据备份", theme.StorageIcon(), func(m *mainWindow) view { return newBackupScreen(m.svc, m.win, m.afterRestore) }},
		{"用户管理", theme.AccountIcon(), func(m *mainWindow) view { return newUsersScreen(m.svc, m.win, m.refreshAccess, m.onCreateAdmin) }},
	}
}

// mainWindow is the window: navigation on the left, the current screen,
// a toolbar for the workbook actions and a status line.
type mainWindow struct {
	app     fyne.App
	win     fyne.Window
	user    string
	svc     *app.Service
	path    string
	screens []screen
	views   []view
	built   []fyne.CanvasObject
	stale   []bool // screens built whose data changed since (window_refresh.go)
	cur     int
	body    *fyne.Container
	nav     *widget.List
	status  *widget.Label
	tools   []*widget.Button
	sess    *session // sign-in, user menu, automatic backups (login_session.go)
}

func newMainWindow(a fyne.App, w fyne.Window, user string) *mainWindow {
	return &mainWindow{app: a, win: w, user: user, cur: -1, screens: screenList()}
}

// build returns the window's content; the screens appear once a database
// is open.
func (m *mainWindow) build() fyne.CanvasObject {
	m.body = container.NewStack(widget.NewLabel(""))
	m.status = widget.NewLabel("")
	m.nav = widget.NewList(
		func() int { return len(m.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.AccountIcon()), widget.NewLabel("人员库人员库"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Icon).SetResource(m.screens[i].icon)
			c.Objects[1].(*widget.Label).SetText(m.screens[i].title)
		})
	m.nav.OnSelected = func(i widget.ListItemID) { m.choose(i) }
	m.tools = []*widget.Button{
		widget.NewButtonWithIcon("导入工作簿", theme.DownloadIcon(), m.onImport),
		widget.NewButtonWithIcon("导出全部", theme.UploadIcon(), m.onExportAll),
		widget.NewButtonWithIcon("生成模板", theme.DocumentCreateIcon(), m.onTemplate),
		widget.NewButtonWithIcon("数据包导出", theme.MailSendIcon(), m.onPackageExport),
		widget.NewButtonWithIcon("数据包导入", theme.MailReplyIcon(), m.onPackageImport),
	}
	bar := container.NewHBox()
	for _, b := range m.tools {
		b.Disable()
		bar.Add(b)
	}
	title := widget.NewLabelWithStyle(appTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, widget.NewSeparator(), container.NewHBox(widget.NewIcon(iconRes), title), nil, container.NewHBox(widget.NewSeparator(), bar, m.accountButton()))
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), m.nav)
	bottom := container.NewBorder(widget.NewSeparator(), nil, nil, hookKeys(m.handleKey),
		container.NewStack(m.status, newHintLine(m.status)))
	m.listenKeys()
	return container.NewBorder(top, bottom, left, nil, m.body)
}

// open opens the database at path and shows the first screen.
func (m *mainWindow) open(path string) {
	svc, err := app.Open(path, m.user)
	if err != nil {
		m.status.SetText("未打开数据库")
		dialog.ShowError(fmt.Errorf("无法打开数据库 %s：%w", path, err), m.win)
		return
	}
	m.signIn(svc, path)
}

// setService shows the screens over svc.
func (m *mainWindow) setService(svc *app.Service, path string) {
	if m.svc != svc {
		m.close()
	}
	m.svc, m.path = svc, path
	m.screens = m.allowedScreens()
	m.views = make([]view, len(m.screens))
	m.built = make([]fyne.CanvasObject, len(m.screens))
	m.stale = make([]bool, len(m.screens))
	m.watch(svc)
	for i, s := range m.screens {
		m.views[i] = s.make(m)
	}
	for _, b := range m.tools {
		b.Enable()
	}
	m.applyRights()
	m.status.SetText("数据库：" + path)
	m.session().mark, _ = svc.ChangeMark()
	m.cur = -1
	m.nav.UnselectAll()
	m.nav.Select(0)
}

// choose switches to screen i, the navigation's choice, after asking when
// the screen shown has unsaved work.
func (m *mainWindow) choose(i int) {
	if m.views == nil || i == m.cur {
		return
	}
	from := m.cur
	m.leaveScreen(func() { m.show(i) }, func() { m.nav.Select(from) })
}

// show switches to screen i.
func (m *mainWindow) show(i int) {
	if m.views == nil || i < 0 || i >= len(m.views) || i == m.cur {
		return
	}
	if m.cur >= 0 {
		m.refreshData(false) // another clerk's changes show on opening a screen
	}
	if m.built[i] == nil {
		m.built[i] = m.views[i].build()
	} else {
		m.freshen(i)
	}
	m.cur = i
	m.body.Objects = []fyne.CanvasObject{m.built[i]}
	m.body.Refresh()
}

func (m *mainWindow) close() {
	m.unwatch()
	if m.svc != nil {
		m.svc.Close()
		m.svc = nil
	}
}

// firstStart asks, when there is no database yet, whether to look at the
// demonstration data (in a file of their own beside it) or to start empty.
func (m *mainWindow) firstStart(path string, named bool) {
	text := fmt.Sprintf("欢迎使用巡察统筹。\n\n尚未找到数据库文件：\n%s\n\n"+
		"可以先打开演示数据（清江市，12个县区，约3000人，另存为“演示数据.db”，不影响正式数据），\n也可以从空白开始，再用“导入工作簿”导入本地的人员和单位；\n已有数据库文件的，请“打开文件”；多人共用单位服务器上的数据库的，请“连接服务器”。", path)
	title := "首次使用"
	if named {
		// A path given with --db that holds no database is more often a
		// typing mistake than a wish for a new one: say so, and let the
		// clerk quit to correct it.
		title = "数据库文件不存在"
		text = fmt.Sprintf("启动参数 --db 指定的数据库文件不存在（或为空）：\n%s\n\n"+
			"如果路径输错了，请退出后改正再启动；正式数据不会因此受影响。\n也可以在此处新建一个空白数据库，或打开演示数据。", path)
	}
	msg := widget.NewLabel(text)
	var d dialog.Dialog
	demoBtn := widget.NewButtonWithIcon("打开演示数据", theme.FolderOpenIcon(), func() { d.Hide(); m.openDemo(path) })
	emptyBtn := widget.NewButtonWithIcon("从空白开始", theme.DocumentCreateIcon(), func() { d.Hide(); m.open(path) })
	fileBtn := widget.NewButtonWithIcon("打开文件…", theme.FileIcon(), func() { d.Hide(); m.onOpenFile() })
	serverBtn := widget.NewButtonWithIcon("连接服务器…", theme.ComputerIcon(), func() { d.Hide(); m.onConnectServer() })
	buttons := container.NewHBox(demoBtn, emptyBtn, fileBtn, serverBtn)
	if named {
		emptyBtn.SetText("在此新建空白数据库")
		buttons.Add(widget.NewButtonWithIcon("退出", theme.LogoutIcon(), func() { m.app.Quit() }))
	} else {
		emptyBtn.Importance = widget.HighImportance
	}
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, container.NewCenter(buttons)), m.win)
	d.Show()
}

// begin starts with the database at path (named: given with --db): after
// putting right what an interrupted restore left beside it, the check at
// start when there is a database, or the first start's choice when there
// is none. A missing file is never turned into a new database unasked.
func (m *mainWindow) begin(path string, named bool) {
	if app.IsServer(path) {
		m.connect(path)
		return
	}
	note, err := backup.Recover(path)
	if info, serr := os.Stat(path); serr != nil || info.Size() == 0 {
		m.firstStart(path, named)
	} else {
		m.startup(path)
	}
	switch {
	case err != nil:
		dialog.ShowError(err, m.win)
	case note != "":
		dialog.ShowInformation("上次恢复未完成", note, m.win)
	}
}

// openDemo opens the demonstration database, writing it first if it does
// not exist yet.
func (m *mainWindow) openDemo(path string) {
	dp := demoPath(path)
	svc, err := app.Open(dp, m.user)
	if err != nil {
		dialog.ShowError(fmt.Errorf("无法打开演示数据库 %s：%w", dp, err), m.win)
		return
	}
	runBusy(m.win, "正在生成演示数据…", func() error {
		_, err := svc.LoadDemo(demo.City)
		if errors.Is(err, demo.ErrNotEmpty) {
			return nil // written before: open it as it is
		}
		return err
	}, func(err error) {
		if err != nil {
			svc.Close()
			dialog.ShowError(err, m.win)
			return
		}
		m.win.SetTitle(appTitle + " — 演示数据")
		m.signIn(svc, dp)
	})
}

// runBusy runs work away from the window's thread under a busy dialog and
// then done with its error on the window's thread.
func runBusy(w fyne.Window, title string, work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(320, 40), bar), w)
	d.Show()
	goBackground(func() {
		err := work()
		fyne.Do(func() {
			bar.Stop()
			d.Hide()
			done(err)
		})
	})
}
