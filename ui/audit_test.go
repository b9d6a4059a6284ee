package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app/vocab"
	"xuncha/model"
)

// auditWorld is the test world with a 管理员, a clerk who edited a person,
// and a few more entries.
func auditWorld(t *testing.T) (*auditScreen, func()) {
	t.Helper()
	svc, w := testWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, svc.AddUser("小李", vocab.UserClerk, "clerk-pass-1"))
	must(t, svc.Login("小李", "clerk-pass-1"))
	d, err := svc.PersonDetail("P001")
	must(t, err)
	d.Person.Post = "处长"
	must(t, svc.SavePerson(d))
	must(t, svc.Login("王主任", "admin-pass-1"))
	s := newAuditScreen(svc, w)
	w.SetContent(s.build())
	return s, func() {
		// edit the clerk's entry behind the program's back
		must(t, svc.DB.Model(&model.AuditEntry{}).Where("action = ? AND entity = ?", "修改", "人员").
			Update("after", `{"Person":{"Post":"厅长"}}`).Error)
	}
}

func TestAuditScreenFilters(t *testing.T) {
	s, _ := auditWorld(t)
	total := rows(s.table)
	if total < 5 || !strings.Contains(s.pageInfo.Text, "共") {
		t.Fatalf("entries shown = %d, %q", total, s.pageInfo.Text)
	}
	if got := cellText(t, s.table, 0, 2); got != "王主任" {
		t.Errorf("newest first: user %q", got)
	}
	s.user.SetSelected("小李")
	n := rows(s.table)
	if n == 0 || n >= total {
		t.Fatalf("user 小李: %d of %d", n, total)
	}
	for i := 0; i < n; i++ {
		if cellText(t, s.table, i, 2) != "小李" {
			t.Errorf("row %d user %q", i, cellText(t, s.table, i, 2))
		}
	}
	s.action.SetSelected("修改")
	if rows(s.table) != 1 || cellText(t, s.table, 0, 5) != "P001" || !strings.Contains(cellText(t, s.table, 0, 6), "职务：科长 → 处长") {
		t.Fatalf("修改 by 小李: %d rows, %q", rows(s.table), cellText(t, s.table, 0, 6))
	}
	test.Tap(tableCell(s.table, 0, 1))
	if !strings.Contains(s.before.Text, "职务：科长") || !strings.Contains(s.after.Text, "职务：处长") ||
		strings.Contains(s.after.Text, "Post") || strings.Contains(s.after.Text, "{") {
		t.Errorf("detail:\n%s\n%s", s.before.Text, s.after.Text)
	}
	s.user.SetSelected(all)
	s.action.SetSelected(all)
	test.Type(s.key, "小李")
	if rows(s.table) == 0 || rows(s.table) >= total {
		t.Errorf("key 小李: %d rows", rows(s.table))
	}
	s.key.SetText("")
	test.Type(s.from, "2000-01-01")
	test.Type(s.to, "2000-12-31")
	if rows(s.table) != 0 || !strings.Contains(s.pageInfo.Text, "共 0 条") {
		t.Errorf("a year without entries: %d rows", rows(s.table))
	}
	s.to.SetText("2000-13")
	if !s.note.Failed() {
		t.Error("a bad date is not said")
	}
}

func TestAuditScreenVerifyFindsEdit(t *testing.T) {
	s, edit := auditWorld(t)
	test.Tap(s.verify)
	s.work.wait()
	if s.result.Failed() || !strings.Contains(s.result.Text, "审计日志完整") {
		t.Fatalf("sound log: %q", s.result.Text)
	}
	edit()
	test.Tap(s.verify)
	s.work.wait()
	if !s.result.Failed() || !strings.Contains(s.result.Text, "内容与其哈希不符") {
		t.Fatalf("edited log: %q", s.result.Text)
	}
	s.action.SetSelected("修改")
	if got := cellText(t, s.table, 0, 0); !strings.HasPrefix(got, "⚠") {
		t.Errorf("the edited entry is not marked: %q", got)
	}
}
