package ui

import (
	"strings"
	"testing"

	"xuncha/app/vocab"

	"fyne.io/fyne/v2/test"
)

// usersRow finds name's row in the users table.
func usersRow(t *testing.T, s *usersScreen, name string) int {
	t.Helper()
	for i := 0; i < rows(s.table); i++ {
		if cellText(t, s.table, i, 0) == name {
			return i
		}
	}
	return -1
}

func TestUsersScreenActions(t *testing.T) {
	svc, w := testWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	s := newUsersScreen(svc, w, nil, nil)
	w.SetContent(s.build())
	if rows(s.table) != 1 || cellText(t, s.table, 0, 1) != "管理员" || cellText(t, s.table, 0, 3) != "当前登录" {
		t.Fatalf("accounts: %d rows", rows(s.table))
	}

	// add a clerk: the passwords must agree, then the account is there
	test.Tap(s.add)
	test.Type(s.fName, "小李")
	test.Type(s.fPW.First, "clerk-pass-1")
	test.Type(s.fPW.Second, "clerk-pass-x")
	s.dlg.Submit()
	if !strings.Contains(s.dlg.Note.Text, "两次输入的密码不一致") {
		t.Errorf("mismatch: %q", s.dlg.Note.Text)
	}
	s.fPW.Second.SetText("clerk-pass-1")
	s.dlg.Submit()
	r := usersRow(t, s, "小李")
	if r < 0 || cellText(t, s.table, r, 1) != "经办人" || !strings.Contains(s.note.Text, "已新增用户 小李") {
		t.Fatalf("after adding: row %d, note %q", r, s.note.Text)
	}

	// make 小李 a 领导
	test.Tap(tableCell(s.table, r, 0))
	test.Tap(s.role)
	s.roleSel.SetSelected(vocab.UserLeader)
	s.dlg.Submit()
	if got := cellText(t, s.table, usersRow(t, s, "小李"), 1); got != "领导" {
		t.Errorf("role after change = %q", got)
	}

	// the last 管理员 keeps the role and cannot be removed
	test.Tap(tableCell(s.table, usersRow(t, s, "王主任"), 0))
	test.Tap(s.role)
	s.roleSel.SetSelected(vocab.UserClerk)
	s.dlg.Submit()
	if !strings.Contains(s.dlg.Note.Text, "至少要保留一名管理员") {
		t.Errorf("demoting the last 管理员: %q", s.dlg.Note.Text)
	}
	test.Tap(s.remove)
	s.dlg.Submit()
	if !s.dlg.Note.Failed() || !strings.Contains(s.dlg.Note.Text, "不能删除当前登录的用户") {
		t.Errorf("removing oneself: %q", s.dlg.Note.Text)
	}
	if usersRow(t, s, "王主任") < 0 {
		t.Fatal("the last 管理员 was removed")
	}

	// lock 小李 out, unlock, reset the password, remove
	for i := 0; i < 5; i++ {
		svc2 := *svc
		svc2.Login("小李", "wrong-password")
	}
	s.reload()
	r = usersRow(t, s, "小李")
	if !strings.HasPrefix(cellText(t, s.table, r, 2), "已锁定") {
		t.Errorf("locked state = %q", cellText(t, s.table, r, 2))
	}
	test.Tap(tableCell(s.table, r, 0))
	test.Tap(s.unlock)
	if got := cellText(t, s.table, usersRow(t, s, "小李"), 2); got != "正常" {
		t.Errorf("after unlock = %q", got)
	}
	test.Tap(s.reset)
	test.Type(s.fPW.First, "leader-pass-9")
	test.Type(s.fPW.Second, "leader-pass-9")
	s.dlg.Submit()
	if s.dlg.Note.Failed() {
		t.Errorf("reset refused: %q", s.dlg.Note.Text)
	}
	svc2 := *svc
	if err := svc2.Login("小李", "leader-pass-9"); err != nil {
		t.Errorf("the reset password does not sign in: %v", err)
	}
	test.Tap(s.remove)
	s.dlg.Submit()
	if usersRow(t, s, "小李") >= 0 || !strings.Contains(s.note.Text, "已删除用户 小李") {
		t.Errorf("after removing: note %q", s.note.Text)
	}
}

func TestUsersScreenOnOpenDatabase(t *testing.T) {
	svc, w := testWorld(t)
	asked := false
	s := newUsersScreen(svc, w, nil, func() { asked = true })
	w.SetContent(s.build())
	if !s.add.Disabled() || !s.first.Visible() || !strings.Contains(s.intro.Text, "尚未设账户") {
		t.Fatalf("open database: add disabled %v, first shown %v", s.add.Disabled(), s.first.Visible())
	}
	test.Tap(s.first)
	if !asked {
		t.Error("创建管理员账户 did not ask for the first 管理员")
	}
}
