package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/app/papers"
	"xuncha/app/vocab"
)

// TestEvalTabProposeConfirmReturn drives the 鉴定 tab: a 经办人 proposes a
// member's grade and the team's own (confirming is not theirs); a 领导
// confirms them (the grade turns read only); the 领导 returns them with a
// reason and the clerk may change them again.
func TestEvalTabProposeConfirmReturn(t *testing.T) {
	svc, w := calendarWorld(t)
	must(t, svc.CreateFirstAdmin("管理员甲", "admin-pass-1"))
	must(t, svc.AddUser("小李", vocab.UserClerk, "clerk-pass-1"))
	must(t, svc.AddUser("王主任", vocab.UserLeader, "leader-pass-1"))
	must(t, svc.Login("小李", "clerk-pass-1"))

	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	ev := s.form.evals
	if len(ev.list) != 2 || ev.list[0].member.Person != "P001" || ev.list[0].member.Role != vocab.RoleLeader {
		t.Fatalf("rows %+v", ev.list)
	}
	if !ev.confirm.Disabled() || !ev.giveBack.Disabled() || ev.save.Disabled() {
		t.Fatalf("a clerk: confirm %v return %v save %v", ev.confirm.Disabled(), ev.giveBack.Disabled(), ev.save.Disabled())
	}
	ev.list[1].grade.SetSelected("基本称职")
	test.Type(ev.list[1].comment, "报告撰写需加强")
	ev.ownGrade.SetSelected("优秀")
	test.Type(ev.ownComment, "按期完成任务")
	test.Tap(ev.save)
	if !strings.Contains(ev.msg.Text, "1 人的鉴定和本组鉴定（拟定）") {
		t.Fatalf("saved: %q", ev.msg.Text)
	}
	if ev.list[1].state.Text != vocab.EvalProposed || ev.ownState.Text != vocab.EvalProposed || ev.pending.Text != "2 项鉴定待领导确定" {
		t.Fatalf("after saving: %q %q %q", ev.list[1].state.Text, ev.ownState.Text, ev.pending.Text)
	}

	svc.Logout()
	must(t, svc.Login("王主任", "leader-pass-1"))
	s = openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	ev = s.form.evals
	if ev.confirm.Disabled() || !ev.save.Disabled() || !ev.list[1].grade.Disabled() {
		t.Fatalf("a 领导: confirm %v save %v grade %v", ev.confirm.Disabled(), ev.save.Disabled(), ev.list[1].grade.Disabled())
	}
	test.Tap(ev.confirm)
	if !strings.Contains(ev.msg.Text, "已确定第一巡察组 2 项鉴定") || ev.list[1].state.Text != vocab.EvalConfirmed || ev.pending.Text != "" {
		t.Fatalf("confirmed: %q %q", ev.msg.Text, ev.list[1].state.Text)
	}
	d, _ := svc.PersonDetail("P002")
	if d.Service[0].Evaluation != "基本称职" || d.Service[0].EvalState != vocab.EvalConfirmed {
		t.Fatalf("stored %+v", d.Service[0])
	}
	test.Tap(ev.giveBack)
	test.Tap(ev.returnOK) // no reason: refused
	if d, _ := svc.PersonDetail("P002"); d.Service[0].EvalState != vocab.EvalConfirmed {
		t.Fatal("returned without a reason")
	}
	test.Type(ev.returnWhy, "评语需补充")
	test.Tap(ev.returnOK)
	if ev.list[1].state.Text != vocab.EvalProposed || ev.ownState.Text != vocab.EvalProposed {
		t.Fatalf("after returning: %q %q (%s)", ev.list[1].state.Text, ev.ownState.Text, ev.msg.Text)
	}

	svc.Logout()
	must(t, svc.Login("小李", "clerk-pass-1"))
	s = openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	ev = s.form.evals
	if ev.list[1].grade.Disabled() {
		t.Fatal("a returned grade is still read only")
	}
	ev.list[1].grade.SetSelected("称职")
	test.Tap(ev.save)
	if d, _ := svc.PersonDetail("P002"); d.Service[0].Evaluation != "称职" || d.Service[0].EvalState != vocab.EvalProposed {
		t.Fatalf("changed after return: %+v (%s)", d.Service[0], ev.msg.Text)
	}
}

// The round form's 文书… opens every kind of the round's documents, 公告
// first; the 鉴定 tab's 鉴定表… opens the team's 鉴定表, one per member.
func TestRoundFormPapers(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	f := s.form
	if f.papers.Disabled() {
		t.Fatal("文书… off on a saved round")
	}
	test.Tap(f.papers)
	top := w.Canvas().Overlays().Top()
	if top == nil || findButton(top, "全部打包…") == nil {
		t.Fatal("no documents dialog")
	}
	top.Hide()
	ev := f.evals
	test.Tap(ev.forms)
	top = w.Canvas().Overlays().Top()
	if top == nil || findButton(top, "全部打包…") == nil {
		t.Fatal("no 鉴定表 dialog")
	}
	names, err := svc.PaperNames(app.PaperRequest{Round: "2026-1", Team: ev.team.Selected, Kind: papers.KindAppraise})
	if err != nil || len(names) != 2 || !strings.HasPrefix(names[0], "巡察人员鉴定表_第一巡察组_") {
		t.Errorf("鉴定表 %v %v", names, err)
	}
}
