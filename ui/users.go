package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/auth"
	"xuncha/ui/widgets"
)

// usersColumns are the columns of the accounts table, and their widths.
var (
	usersColumns = []string{"用户名", "角色", "状态", "备注", "线索管理"}
	usersWidths  = []float32{180, 100, 300, 300, 120}
)

// usersScreen is 用户管理, the 管理员's: the accounts with their role and
// lock, and the actions on them. Each action goes through the service,
// which checks the right again and keeps the last 管理员.
type usersScreen struct {
	svc           *app.Service
	win           fyne.Window
	onSelfChanged func() // the signed-in user's own role changed
	onFirstAdmin  func() // create the first 管理员 of an open database

	accounts []auth.Account
	open     bool // the database has no accounts

	intro *widget.Label
	*rowTable
	add, role, reset, unlock, remove *widget.Button
	clue                             *widget.Button // 线索管理 (users_clue.go)
	first                            *widget.Button
	note                             *widgets.Note
	dlg                              *widgets.FormDialog // the dialog opened last, for tests
	roleSel                          *widget.Select      // its role choice, when it has one
	fName                            *widget.Entry       // its name, when it asks for one
	fPW                              *widgets.PasswordPair
}

func newUsersScreen(svc *app.Service, win fyne.Window, onSelfChanged, onFirstAdmin func()) *usersScreen {
	return &usersScreen{svc: svc, win: win, onSelfChanged: onSelfChanged, onFirstAdmin: onFirstAdmin}
}

func (s *usersScreen) build() fyne.CanvasObject {
	s.intro = widget.NewLabel("")
	s.intro.Wrapping = fyne.TextWrapBreak
	s.rowTable = newRowTable(usersColumns, usersWidths, func() int { return len(s.accounts) },
		func(r int) string { return s.accounts[r].Name },
		func(r, c int) string { return accountCell(s.accounts[r], c, s.svc.User, time.Now()) })
	s.onOpen = s.onRole
	s.add = widget.NewButtonWithIcon("新增用户…", theme.ContentAddIcon(), s.onAdd)
	s.role = widget.NewButtonWithIcon("修改角色…", theme.AccountIcon(), s.onRole)
	s.reset = widget.NewButtonWithIcon("重置密码…", theme.VisibilityIcon(), s.onReset)
	s.unlock = widget.NewButtonWithIcon("解锁", theme.LoginIcon(), s.onUnlock)
	s.remove = widget.NewButtonWithIcon("删除…", theme.DeleteIcon(), s.onRemove)
	s.clue = widget.NewButtonWithIcon("线索管理权限…", theme.VisibilityOffIcon(), s.onClue)
	s.first = widget.NewButtonWithIcon("创建管理员账户…", theme.ContentAddIcon(), func() {
		if s.onFirstAdmin != nil {
			s.onFirstAdmin()
		}
	})
	s.first.Importance = widget.HighImportance
	s.note = widgets.NewNote()
	s.reload()
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.reload)
	bar := container.NewHBox(s.add, s.role, s.reset, s.unlock, s.remove, s.clue, layout.NewSpacer(), s.first, refresh)
	return container.NewBorder(container.NewVBox(s.intro, bar), s.note, nil, nil, s.table)
}

// reload reads the accounts again.
func (s *usersScreen) reload() {
	has, err := s.svc.HasUsers()
	s.open = err == nil && !has
	s.accounts = nil
	if err == nil && has {
		s.accounts, err = s.svc.Accounts()
	}
	switch {
	case s.open:
		s.intro.SetText("本数据库尚未设账户：不登录时，任何人都可以做任何操作。创建第一个管理员账户后，每次启动都须登录，各项操作按角色授权。")
	default:
		s.intro.SetText(fmt.Sprintf("管理员：管理用户、修改设置、恢复备份，也可录入和编组；经办人：录入、导入、编组；领导：查看、审批回避豁免、查看审计日志。"+
			"连续输错 %d 次密码，账户锁定 %d 分钟，管理员可提前解锁。", auth.MaxFailures, int(auth.LockFor.Minutes())))
	}
	if err != nil {
		s.note.Error(err)
	}
	if !s.has(s.cur) {
		s.selectKey("")
	}
	s.applyState(err == nil)
	s.table.Refresh()
}

// applyState enables what can be done: nothing when the accounts could not
// be read (no right), only the first 管理员 on an open database.
func (s *usersScreen) applyState(ok bool) {
	for _, b := range []*widget.Button{s.add, s.role, s.reset, s.unlock, s.remove, s.clue} {
		if ok && !s.open {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if s.open {
		s.first.Show()
	} else {
		s.first.Hide()
	}
}

func (s *usersScreen) has(name string) bool {
	for _, a := range s.accounts {
		if a.Name == name {
			return true
		}
	}
	return false
}

// accountCell is column col of an account's row; me is the signed-in user.
func accountCell(a auth.Account, col int, me string, now time.Time) string {
	switch col {
	case 0:
		return a.Name
	case 1:
		return a.Role
	case 2:
		switch {
		case a.Locked(now):
			return "已锁定，至 " + a.LockedText()
		case a.FailedLogins > 0:
			return fmt.Sprintf("正常（已连续输错 %d 次）", a.FailedLogins)
		}
		return "正常"
	case 4:
		return clueRightText(a)
	}
	if a.Name == me {
		return "当前登录"
	}
	return ""
}

// chosen returns the selected account, or says to choose one.
func (s *usersScreen) chosen() (string, bool) {
	if s.cur == "" {
		s.note.Fail("请先在表中选择一个用户。")
		return "", false
	}
	return s.cur, true
}

// done reloads after a change and says what was done.
func (s *usersScreen) done(name, msg string) {
	s.selectKey(name)
	s.reload()
	s.note.OK(msg)
}

// keyNew adds a user (Ctrl+N).
func (s *usersScreen) keyNew() { press(s.add) }
