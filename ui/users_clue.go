package ui

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"xuncha/app/auth"
	"xuncha/app/vocab"
)

// clueRightText says whether an account may see clue rows (线索管理).
func clueRightText(a auth.Account) string {
	switch {
	case a.Role == vocab.UserAdmin:
		return "有（管理员）"
	case a.ClueRight:
		return "已授予"
	}
	return "无（只见数量）"
}

// onClue grants or revokes 线索管理 for the chosen account, after asking.
func (s *usersScreen) onClue() {
	name, ok := s.chosen()
	if !ok {
		return
	}
	var acc auth.Account
	for _, a := range s.accounts {
		if a.Name == name {
			acc = a
		}
	}
	if acc.Role == vocab.UserAdmin {
		s.note.Fail(name + " 是管理员，本身有线索管理权限。")
		return
	}
	grant := !acc.ClueRight
	q := fmt.Sprintf("授予 %s “线索管理”权限？\n有此权限的用户可以查看线索明细（每次查看都记入审计日志）。", name)
	if !grant {
		q = fmt.Sprintf("收回 %s 的“线索管理”权限？收回后只能看到线索数量。", name)
	}
	dialog.ShowConfirm("线索管理权限", q, func(yes bool) {
		if !yes {
			return
		}
		if err := s.svc.Seeing(acc.Stamp).SetClueRight(name, grant); err != nil { // only over the account as shown
			s.note.Error(err)
			saveFailed(err, s.win, nil, s.reload)
			return
		}
		verb := "授予"
		if !grant {
			verb = "收回"
		}
		s.done(name, fmt.Sprintf("已%s %s 的线索管理权限。", verb, name))
	}, s.win)
}
