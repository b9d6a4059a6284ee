package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/auth"
	"xuncha/ui/widgets"
)

// loginScreen is the gate of a database with accounts: name, password and
// 登录. A wrong password says how many tries are left before the lock; a
// locked account says until when.
type loginScreen struct {
	svc  *app.Service
	path string
	work *tasks
	onIn func() // after a successful login

	name, pass *widget.Entry
	login      *widget.Button
	note       *widgets.Note
	failures   map[string]int // wrong passwords in a row typed here, by name
}

func newLoginScreen(svc *app.Service, path string, work *tasks, onIn func()) *loginScreen {
	return &loginScreen{svc: svc, path: path, work: work, onIn: onIn, failures: map[string]int{}}
}

func (s *loginScreen) build() fyne.CanvasObject {
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder("用户名")
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder("密码")
	s.name.OnSubmitted = func(string) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(s.name); c != nil {
			c.Focus(s.pass)
		}
	}
	s.pass.OnSubmitted = func(string) { s.onLogin() }
	s.login = widget.NewButtonWithIcon("登录", theme.LoginIcon(), s.onLogin)
	s.login.Importance = widget.HighImportance
	s.note = widgets.NewNote()
	form := widget.NewForm(widget.NewFormItem("用户名", s.name), widget.NewFormItem("密码", s.pass))
	db := widget.NewLabel("数据库：" + s.path)
	db.Wrapping = fyne.TextWrapBreak
	body := container.NewVBox(form, s.login, s.note, widget.NewSeparator(), db)
	return gateCard("登录", "请输入您的用户名和密码", body)
}

func (s *loginScreen) onLogin() {
	name := strings.TrimSpace(s.name.Text)
	if name == "" {
		s.note.Fail("请输入用户名")
		return
	}
	pass := s.pass.Text
	s.login.Disable()
	s.note.Info("正在验证…")
	s.work.run(func() error { return s.svc.Login(name, pass) }, func(err error) {
		s.login.Enable()
		s.pass.SetText("")
		var locked *auth.LockedError
		switch {
		case err == nil:
			s.note.Clear()
			delete(s.failures, name)
			s.onIn()
		case errors.As(err, &locked):
			delete(s.failures, name)
			s.note.Error(err)
		case errors.Is(err, auth.ErrBadLogin):
			s.failures[name]++
			s.note.Fail(badLoginText(auth.MaxFailures - s.failures[name]))
		default:
			s.note.Error(err)
		}
	})
}

// badLoginText is the answer to a wrong name or password with left tries
// before the account locks. The count is of the tries typed here: the
// service answers a wrong name and a wrong password alike, on purpose.
func badLoginText(left int) string {
	lock := fmt.Sprintf("连续输错 %d 次，账户将锁定 %d 分钟", auth.MaxFailures, int(auth.LockFor.Minutes()))
	if left < 1 {
		return "用户名或密码错误。" + lock + "。"
	}
	return fmt.Sprintf("用户名或密码错误，还可再试 %d 次（%s）。", left, lock)
}

// firstAdminForm creates the first account of a database, a 管理员. Only
// the demonstration database may go on without one (跳过).
type firstAdminForm struct {
	svc       *app.Service
	work      *tasks
	allowSkip bool
	onDone    func() // after the account was created, or skipped

	name         *widget.Entry
	pw           *widgets.PasswordPair
	create, skip *widget.Button
	note         *widgets.Note
}

func newFirstAdminForm(svc *app.Service, work *tasks, allowSkip bool, onDone func()) *firstAdminForm {
	return &firstAdminForm{svc: svc, work: work, allowSkip: allowSkip, onDone: onDone}
}

func (f *firstAdminForm) build() fyne.CanvasObject {
	f.name = widget.NewEntry()
	f.name.SetPlaceHolder("如：王主任")
	f.pw = widgets.NewPasswordPair()
	f.pw.Second.OnSubmitted = func(string) { f.onCreate() }
	f.create = widget.NewButtonWithIcon("创建并登录", theme.ConfirmIcon(), f.onCreate)
	f.create.Importance = widget.HighImportance
	f.note = widgets.NewNote()
	intro := widget.NewLabel(fmt.Sprintf("本数据库还没有账户。请先创建管理员账户：管理员可以管理用户、修改设置和恢复备份，"+
		"也可以录入和编组。密码至少 %d 个字符，请牢记；忘记时只能由另一位管理员重置。", auth.MinPassword))
	intro.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("用户名", f.name)},
		f.pw.FormItems("密码", "确认密码")...)...)
	buttons := container.NewHBox(f.create)
	body := container.NewVBox(intro, form, buttons, f.note)
	if f.allowSkip {
		f.skip = widget.NewButtonWithIcon("跳过（演示数据）", theme.NavigateNextIcon(), f.onDone)
		buttons.Add(f.skip)
		skip := widget.NewLabel("演示数据库可以不设账户：不登录时，任何人都可以做任何操作。")
		skip.Wrapping = fyne.TextWrapBreak
		body.Add(skip)
	}
	return gateCard("创建管理员", "首次使用", body)
}

func (f *firstAdminForm) onCreate() {
	pw, err := f.pw.Password()
	if err != nil {
		f.note.Error(err)
		return
	}
	name := f.name.Text
	f.create.Disable()
	f.note.Info("正在创建…")
	f.work.run(func() error { return f.svc.CreateFirstAdmin(name, pw) }, func(err error) {
		f.create.Enable()
		if err != nil {
			f.note.Error(err)
			return
		}
		f.note.Clear()
		f.onDone()
	})
}

// gateCard is the card in the middle of the window that stands before the
// screens: the program's seal, a title and the form.
func gateCard(title, subtitle string, body fyne.CanvasObject) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(iconRes)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(56, 56))
	head := container.NewHBox(icon, container.NewVBox(
		widget.NewLabelWithStyle(appTitle+" · "+title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(subtitle)))
	card := widget.NewCard("", "", container.NewVBox(head, widget.NewSeparator(), body))
	return container.NewCenter(minWidth(card, 460))
}
