package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/calendar"
	"xuncha/app/vocab"
)

// key sends a key to the window as the key hook does.
func key(m *mainWindow, k fyne.KeyName) bool { return m.handleKey(&fyne.KeyEvent{Name: k}, 0) }

// ctrl sends Ctrl+k to the window.
func ctrl(m *mainWindow, k fyne.KeyName) bool {
	return m.handleKey(&fyne.KeyEvent{Name: k}, fyne.KeyModifierShortcutDefault)
}

// topButtons are the texts of the buttons of the dialog on top.
func topButtons(w fyne.Window) []string {
	var out []string
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, b := range buttonsIn(top) {
			out = append(out, b.Text)
		}
	}
	return out
}

// topLabels are the texts of the labels of the dialog on top.
func topText(w fyne.Window) string {
	var out []string
	if top := w.Canvas().Overlays().Top(); top != nil {
		walkObjects(top, false, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				out = append(out, l.Text)
			}
		})
	}
	return strings.Join(out, "\n")
}

// tapTop taps the button with text in the dialog on top.
func tapTop(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %s on", text)
	}
	b := buttonIn(top, text)
	if b == nil {
		t.Fatalf("no button %s among %v", text, topButtons(w))
	}
	test.Tap(b)
}

// An unsaved draw is not lost on 切换用户: the window asks, 返回 keeps it,
// and only 放弃 signs out.
func TestSignOutAsksAboutUnsavedDraw(t *testing.T) {
	svc, w := assignWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	m := deskWindow(t, svc, w)
	s := goTo(t, m, "编组").(*assignScreen)
	s.drawNow("58213")
	if s.st.Source != "随机抽取" || s.unsaved() == "" {
		t.Fatalf("draw: %s, unsaved %q", s.st.Source, s.unsaved())
	}
	if !strings.Contains(topText(w), "抽取记录") || !key(m, fyne.KeyEscape) || w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the draw's record")
	}
	m.onSignOut()
	if got := topText(w); !strings.Contains(got, "随机抽取的结果") {
		t.Fatalf("切换用户 did not ask about the draw: %q", got)
	}
	key(m, fyne.KeyEscape) // 返回
	if w.Canvas().Overlays().Top() != nil || m.views == nil || svc.Role == "" {
		t.Fatal("Esc on the question signed out or left it open")
	}
	m.onSignOut()
	tapTop(t, w, "放弃修改并退出登录")
	if m.views != nil || svc.Role != "" || m.session().login == nil {
		t.Error("放弃 did not sign out")
	}
}

// 自动编组 over an unsaved draw asks first.
func TestSolveOverUnsavedDrawAsks(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	s.drawNow("58213")
	test.Tap(s.solve)
	if s.st.Source != "随机抽取" || !strings.Contains(topText(w), "随机抽取的结果（含抽取记录）尚未保存") {
		t.Fatalf("自动编组 replaced the draw without asking (%s): %q", s.st.Source, topText(w))
	}
	test.Tap(s.dlg.ok)
	if s.st.Source != "自动编组" {
		t.Errorf("after agreeing: %s", s.st.Source)
	}
}

// Closing the person form with changes asks; without changes it closes.
func TestPersonFormEscAsksWhenChanged(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	p := goTo(t, m, "人员库").(*peopleScreen)
	p.selectKey("P001")
	test.Tap(p.edit)
	if !key(m, fyne.KeyEscape) || w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the unchanged form")
	}
	test.Tap(p.edit)
	f := p.form
	f.post.SetText("副科长")
	key(m, fyne.KeyEscape)
	if !strings.Contains(topText(w), "编辑人员 张三的修改") {
		t.Fatalf("Esc on a changed form did not ask: %v %q", topButtons(w), topText(w))
	}
	key(m, fyne.KeyEscape) // 返回: the form stays with the change
	if f.post.Text != "副科长" || w.Canvas().Overlays().Top() == nil {
		t.Fatal("返回 lost the form")
	}
	if !ctrl(m, fyne.KeyS) { // Ctrl+S saves the form on top
		t.Fatal("Ctrl+S not taken")
	}
	d, err := svc.PersonDetail("P001")
	if err != nil || d.Person.Post != "副科长" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("after Ctrl+S: post %q, %v, dialog open %v", d.Person.Post, err, w.Canvas().Overlays().Top() != nil)
	}
}

// Leaving 设置 with a changed field asks; 返回 stays on it.
func TestLeavingSettingsWithChangesAsks(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	s := goTo(t, m, "设置").(*settingsScreen)
	if s.unsaved() != "" {
		t.Fatalf("unsaved at once: %q", s.unsaved())
	}
	s.calendar.days[calendar.StageOnsite].SetText("99")
	m.nav.Select(screenIndex(t, m, "人员库"))
	if !strings.Contains(topText(w), "“巡察日历”的设置") || m.screens[m.cur].title != "设置" {
		t.Fatalf("leaving did not ask: %q, on %s", topText(w), m.screens[m.cur].title)
	}
	tapTop(t, w, "返回")
	if m.screens[m.cur].title != "设置" {
		t.Fatal("返回 left")
	}
	// F5 offers to give the change up.
	key(m, fyne.KeyF5)
	tapTop(t, w, "放弃修改并刷新")
	if s.unsaved() != "" || s.calendar.days[calendar.StageOnsite].Text == "99" {
		t.Errorf("after 放弃: %q", s.unsaved())
	}
	m.nav.Select(screenIndex(t, m, "人员库"))
	if m.screens[m.cur].title != "人员库" || w.Canvas().Overlays().Top() != nil {
		t.Error("could not leave after discarding")
	}
}

// A 领导 cannot change settings: nothing of theirs is ever unsaved.
func TestSettingsReadOnlyNeverUnsaved(t *testing.T) {
	svc, w := testWorld(t)
	svc.Role = vocab.UserLeader
	m := deskWindow(t, svc, w)
	s := goTo(t, m, "设置").(*settingsScreen)
	if s.unsaved() != "" {
		t.Errorf("unsaved for a reader: %q", s.unsaved())
	}
}

// The forms of 成果 (a finding, an item, a clue) ask before 取消 drops
// what was typed, and list it when the user is switched.
func TestResultsFormAsksWhenChanged(t *testing.T) {
	as, w := resultsWorld(t)
	s := openResults(t, as("小李"), w)
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(s.addItem)
	test.Tap(s.dlg.Cancel)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("取消 of an untouched form did not close it")
	}
	test.Tap(s.addItem)
	s.fields["整改措施"].(*widget.Entry).SetText("建立长效机制")
	if g := formGuards(w.Canvas()); len(g) != 1 || g[0].unsaved() == "" {
		t.Fatalf("the item form's guard: %v", g)
	}
	test.Tap(s.dlg.Cancel)
	if got := topText(w); !strings.Contains(got, "整改措施") || !strings.Contains(got, "尚未保存") {
		t.Fatalf("取消 with a change did not ask: %q", got)
	}
	tapTop(t, w, "返回")
	if s.fields["整改措施"].(*widget.Entry).Text != "建立长效机制" || w.Canvas().Overlays().Top() == nil {
		t.Fatal("返回 lost the form")
	}
	test.Tap(s.dlg.Cancel)
	tapTop(t, w, "放弃修改并关闭")
	if w.Canvas().Overlays().Top() != nil {
		t.Error("放弃 left the form open")
	}
}
