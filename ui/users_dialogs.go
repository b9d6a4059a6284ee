package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"xuncha/app/auth"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// The dialogs of 用户管理. Each stays open with the service's reason when
// the action is refused.

func (s *usersScreen) onAdd() {
	name := widget.NewEntry()
	name.SetPlaceHolder("登录用的名字，如：李明")
	s.roleSel = widget.NewSelect(auth.Roles, nil)
	s.roleSel.SetSelected(vocab.UserClerk)
	pw := widgets.NewPasswordPair()
	s.fName, s.fPW = name, pw
	form := widget.NewForm(append([]*widget.FormItem{
		widget.NewFormItem("用户名", name), widget.NewFormItem("角色", s.roleSel)},
		pw.FormItems("初始密码", "确认密码")...)...)
	form.Items[2].HintText = "请告知本人，登录后可在右上角菜单中修改"
	s.dlg = widgets.NewFormDialog("新增用户", "新增", form, func() error {
		p, err := pw.Password()
		if err != nil {
			return err
		}
		n, role := strings.TrimSpace(name.Text), s.roleSel.Selected
		if err := s.svc.AddUser(n, role, p); err != nil {
			return err
		}
		s.done(n, fmt.Sprintf("已新增用户 %s（%s）。", n, role))
		return nil
	}, s.win)
	pw.Second.OnSubmitted = func(string) { s.dlg.Submit() }
	s.dlg.Show(460)
}

func (s *usersScreen) onRole() {
	name, ok := s.chosen()
	if !ok {
		return
	}
	var cur auth.Account
	for _, a := range s.accounts {
		if a.Name == name {
			cur = a
		}
	}
	s.roleSel = widget.NewSelect(auth.Roles, nil)
	s.roleSel.SetSelected(cur.Role)
	form := widget.NewForm(widget.NewFormItem("用户", widget.NewLabel(name)), widget.NewFormItem("新角色", s.roleSel))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("修改角色", "保存", form, func() error {
		role := s.roleSel.Selected
		if err := s.svc.Seeing(cur.Stamp).SetUserRole(name, role); err != nil { // only over the account as shown
			return saveFailed(err, s.win, d.Submit, func() {
				d.Hide()
				s.reload()
			})
		}
		s.done(name, fmt.Sprintf("%s 的角色已改为 %s。", name, role))
		if name == s.svc.User && s.onSelfChanged != nil {
			s.onSelfChanged()
		}
		return nil
	}, s.win)
	s.dlg = d
	s.dlg.Show(380)
}

func (s *usersScreen) onReset() {
	name, ok := s.chosen()
	if !ok {
		return
	}
	pw := widgets.NewPasswordPair()
	s.fPW = pw
	form := widget.NewForm(append([]*widget.FormItem{widget.NewFormItem("用户", widget.NewLabel(name))},
		pw.FormItems("新密码", "确认密码")...)...)
	s.dlg = widgets.NewFormDialog("重置密码", "重置", form, func() error {
		p, err := pw.Password()
		if err != nil {
			return err
		}
		if err := s.svc.ResetPassword(name, p); err != nil {
			return err
		}
		s.done(name, fmt.Sprintf("已重置 %s 的密码（账户同时解锁），请告知本人新密码。", name))
		return nil
	}, s.win)
	pw.Second.OnSubmitted = func(string) { s.dlg.Submit() }
	s.dlg.Show(420)
}

func (s *usersScreen) onUnlock() {
	name, ok := s.chosen()
	if !ok {
		return
	}
	if err := s.svc.UnlockUser(name); err != nil {
		s.note.Error(err)
		return
	}
	s.done(name, fmt.Sprintf("已解锁 %s。", name))
}

func (s *usersScreen) onRemove() {
	name, ok := s.chosen()
	if !ok {
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("确定删除用户 %s？其审计记录保留。", name))
	s.dlg = widgets.NewFormDialog("删除用户", "删除", msg, func() error {
		if err := s.svc.RemoveUser(name); err != nil {
			return err
		}
		s.done("", fmt.Sprintf("已删除用户 %s。", name))
		return nil
	}, s.win)
	s.dlg.OK.Importance = widget.DangerImportance
	s.dlg.Show(380)
}
