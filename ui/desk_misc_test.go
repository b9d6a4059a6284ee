package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// The 被巡察单位 list filters as the clerk types, by code, name or the
// name's pinyin initials.
func TestUnitPickerFindsByInitials(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	f := typeNewRound(s, "2026-2", "2026年第二轮巡察", "2026-06-01")
	test.Tap(f.teams.add)
	p := f.teams.picker
	p.onlyFree.SetChecked(false)
	p.county.SetSelected("C01 城关区")
	test.Type(p.search, "xwb")
	if got := listedUnits(p); got != "U01" {
		t.Errorf("xwb lists %q, want U01 (县委办公室)", got)
	}
}

// The file dialog names its places in Chinese (Fyne shows Home, Computer
// … in English whatever the language), and Chinese words cover Fyne's
// keys for the parent folder and a new folder's name.
func TestFileDialogInChinese(t *testing.T) {
	_, w := testWorld(t)
	t.Setenv("HOME", t.TempDir())
	fileDialog{title: "选择文件", exts: []string{".xlsx"}}.open(w, func(string) {})
	var names []string
	walkObjects(w.Canvas().Overlays().Top(), false, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.List)
		if !ok {
			return
		}
		for i := 0; i < l.Length(); i++ {
			item := l.CreateItem()
			l.UpdateItem(i, item)
			walkObjects(item, false, func(o fyne.CanvasObject) {
				if lb, ok := o.(*widget.Label); ok {
					names = append(names, lb.Text)
				}
			})
		}
	})
	if !slices.Contains(names, "主文件夹") || !slices.Contains(names, "计算机") {
		t.Fatalf("places listed: %v", names)
	}
	for _, n := range names {
		if _, english := placeNames[n]; english {
			t.Errorf("place %q in English (all: %v)", n, names)
		}
	}
	var words map[string]any
	if err := json.Unmarshal([]byte(zhWords), &words); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file.parent", "file.name", "OK", "Cancel", "Create Folder"} {
		if words[k] == nil {
			t.Errorf("no Chinese for %q", k)
		}
	}
}

// writeVerbs begin the texts of the buttons that change data; a 领导, who
// reads and approves, sees none of them enabled.
var writeVerbs = []string{"新增", "新建", "删除", "保存", "自动编组", "重新编组", "随机抽取", "导入", "恢复", "移动", "交换", "锁定", "排除", "编入", "编辑", "数据包导入"}

// A 领导 sees no enabled button they cannot use, on any screen or in the
// toolbar; the roster's hand edits too stay off when a member is chosen.
func TestLeaderSeesNoWriteButtons(t *testing.T) {
	svc, w := assignWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, svc.AddUser("周书记", vocab.UserLeader, "leader-pass-1"))
	must(t, svc.SaveRoster(mustSolve(t, svc)))
	must(t, svc.Login("周书记", "leader-pass-1"))
	m := deskWindow(t, svc, w)
	check := func(where string, bs []*widget.Button) {
		for _, b := range bs {
			for _, v := range writeVerbs {
				if !b.Disabled() && strings.HasPrefix(b.Text, v) {
					t.Errorf("%s: %q is enabled for a 领导", where, b.Text)
				}
			}
		}
	}
	for i, s := range m.screens {
		m.nav.Select(i)
		check(s.title, buttonsIn(m.body))
	}
	check("工具栏", m.tools)
	a := goTo(t, m, "编组").(*assignScreen)
	tapPerson(t, a, a.st.Res.Teams[0].Members[0].Person)
	check("编组（选中成员）", buttonsIn(m.body))
	c := goTo(t, m, "巡察日历").(*calendarScreen)
	if c.editTerm.Text != "查看届期" {
		t.Errorf("a 领导's term button reads %q", c.editTerm.Text)
	}
}

func mustSolve(t *testing.T, svc *app.Service) *assign.RosterEdit {
	t.Helper()
	st, err := svc.SolveRoster("2027-1", vocab.ModeMixed, "1")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// A --db path typed wrong opens nothing and makes no file: the window
// says the file is not there and offers to quit, or to make it on purpose.
func TestMistypedDBCreatesNothing(t *testing.T) {
	_, w := testWorld(t)
	m := newMainWindow(fyne.CurrentApp(), w, "测试")
	w.SetContent(m.build())
	path := filepath.Join(t.TempDir(), "巡察数据.db") // the clerk meant 巡查数据.db
	m.begin(path, true)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a file was made at the mistyped path: %v", err)
	}
	if m.svc != nil || !strings.Contains(topText(w), "数据库文件不存在") || !slices.Contains(topButtons(w), "退出") {
		t.Fatalf("svc %v; dialog %q %v", m.svc, topText(w), topButtons(w))
	}
	tapTop(t, w, "在此新建空白数据库") // on purpose: now it is made
	defer m.close()
	if _, err := os.Stat(path); err != nil || m.svc == nil {
		t.Errorf("asked for, the database was not made: %v", err)
	}
}

// 籍贯 shows the county's name, is kept as its code, and may be words.
func TestNativePlaceShownByName(t *testing.T) {
	svc, w := testWorld(t)
	d, err := svc.PersonDetail("P001")
	must(t, err)
	d.Person.NativePlace = "C02"
	must(t, svc.SavePerson(d))
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	s.selectKey("P001")
	test.Tap(s.edit)
	f := s.form
	if f.native.Text != "C02 河西县" {
		t.Fatalf("籍贯 shows %q", f.native.Text)
	}
	if got := f.collect().Person.NativePlace; got != "C02" {
		t.Errorf("籍贯 kept as %q", got)
	}
	f.native.SetText("湖南长沙")
	if got := f.collect().Person.NativePlace; got != "湖南长沙" {
		t.Errorf("籍贯 in words kept as %q", got)
	}
}

// Before its preparation starts a round reads 未开始 in the overview and in
// the calendar's list, beside no stage; once preparing, 筹备中 beside 准备.
func TestRoundStateAgreesWithStage(t *testing.T) {
	svc, w := calendarWorld(t)
	for _, c := range []struct {
		today, state, stage string
	}{{"2026-03-01", "未开始", "—"}, {"2026-03-20", "筹备中", "准备"}, {"2026-04-10", "进驻中", "进驻"}} {
		day := civil.MustParse(c.today)
		o := newOverviewScreen(svc, w, fixedClock(day))
		w.SetContent(o.build())
		row := o.progress.data[len(o.progress.data)-1] // 2026-1
		if row[0] != "2026-1" || row[2] != c.state || row[3] != c.stage {
			t.Errorf("%s overview: %v, want %s beside %s", c.today, row, c.state, c.stage)
		}
		s := openCalendar(t, svc, w, day)
		l := s.list
		if got := cellText(t, l.table, 1, slices.Index(roundColumns, "状态")); got != c.state {
			t.Errorf("%s list state: %q", c.today, got)
		}
	}
}

// An unchecked radio button does not look disabled: its ring is darker
// than the disabled grey.
func TestRadioRingNotDisabledGrey(t *testing.T) {
	th := appTheme{}
	lum := func(n fyne.ThemeColorName) int {
		r, g, b, _ := th.Color(n, 0).RGBA()
		return int(r+g+b) / 3 >> 8
	}
	if border, disabled := lum(theme.ColorNameInputBorder), lum(theme.ColorNameDisabled); disabled-border < 48 {
		t.Errorf("input border %d too close to the disabled grey %d", border, disabled)
	}
}

// Chinese text wraps where the line is full, as Chinese is set, not at the
// last space: 密码至少 8 个字符 is not cut at the space after 8 with half a
// line left empty.
func TestFirstAdminIntroWrapsAsChinese(t *testing.T) {
	svc, w := testWorld(t)
	f := newFirstAdminForm(svc, &tasks{}, false, func() {})
	w.SetContent(f.build())
	var intro *widget.Label
	walkObjects(w.Content(), false, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "密码至少") {
			intro = l
		}
	})
	if intro == nil || intro.Wrapping != fyne.TextWrapBreak {
		t.Fatalf("intro %v", intro)
	}
	// Every screen's text is Chinese: no label wraps at spaces.
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(f, "_test.go") && strings.Contains(string(b), "fyne.TextWrap"+"Word") {
			t.Errorf("%s wraps text at spaces (TextWrapWord): Chinese wraps where the line is full (TextWrapBreak)", f)
		}
	}
}

// Several people selected, the right-click menu sets their status at once
// (one change, after asking); the list shows it.
func TestPeopleBulkStatus(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	p := goTo(t, m, "人员库").(*peopleScreen)
	tableCell(p.table, 0, 1).OnSelect(0)
	tableCell(p.table, 1, 1).OnSelect(fyne.KeyModifierShift)
	if got := strings.Join(p.keys(), " "); got != "P001 P002" {
		t.Fatalf("selected %q", got)
	}
	menu := p.selectionMenu()
	var item *fyne.MenuItem
	for _, it := range menu.Items {
		if strings.Contains(it.Label, "设为“暂停”") {
			item = it
		}
	}
	if item == nil || item.Disabled {
		t.Fatalf("menu %v", menu.Items)
	}
	item.Action()
	if !strings.Contains(topText(w), "将所选 2 人的状态设为“暂停”") {
		t.Fatalf("no question: %q", topText(w))
	}
	key(m, fyne.KeyReturn) // 是
	for _, code := range []string{"P001", "P002"} {
		d, err := svc.PersonDetail(code)
		if err != nil || d.Person.Status != vocab.StatusSuspended {
			t.Errorf("%s: %v %v", code, d.Person.Status, err)
		}
	}
	if got := cellText(t, p.table, 0, 8); got != vocab.StatusSuspended {
		t.Errorf("the list shows %q", got)
	}
}

// A 领导 signing in sees what awaits them; an item leads to its screen.
func TestTodoAtLeaderSignIn(t *testing.T) {
	svc, w := recusalWorld(t)
	must(t, svc.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, svc.AddUser("周书记", vocab.UserLeader, "leader-pass-1"))
	must(t, svc.RequestOverride(1, "P001", "R4", "U01", "仅有业务往来"))
	svc.Logout()
	m := newMainWindow(fyne.CurrentApp(), w, "测试")
	w.SetContent(m.build())
	t.Cleanup(func() { m.svc = nil })
	m.signIn(svc, ":memory:")
	login(t, m, "周书记", "leader-pass-1")
	d := m.session().todo
	if d == nil || len(d.items) != 1 || d.items[0].Kind != "待批豁免" || !strings.Contains(topText(w), "待办事项（1）") {
		t.Fatalf("待办 at sign-in: %+v", d)
	}
	tableCell(d.list.table, 0, 1).OnDoubleTapped()
	if m.screens[m.cur].title != "回避报告" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("the item led to %s", m.screens[m.cur].title)
	}
}

// No drop-down shows Fyne's English “(Select one)”: on every screen and in
// the forms of a person, a unit, a term and a round.
func TestNoEnglishPlaceHolders(t *testing.T) {
	svc, w := calendarWorld(t)
	m := deskWindow(t, svc, w)
	check := func(where string) {
		walkObjects(w.Canvas().Content(), false, func(o fyne.CanvasObject) {
			if s, ok := o.(*widget.Select); ok && s.Selected == "" && strings.Contains(s.PlaceHolder, "Select") {
				t.Errorf("%s: a drop-down shows %q", where, s.PlaceHolder)
			}
		})
		for _, ov := range w.Canvas().Overlays().List() {
			walkObjects(ov, true, func(o fyne.CanvasObject) {
				if s, ok := o.(*widget.Select); ok && s.Selected == "" && strings.Contains(s.PlaceHolder, "Select") {
					t.Errorf("%s (dialog): a drop-down shows %q", where, s.PlaceHolder)
				}
			})
		}
	}
	for i, s := range m.screens {
		m.nav.Select(i)
		check(s.title)
	}
	p := goTo(t, m, "人员库").(*peopleScreen)
	test.Tap(p.add)
	check("新增人员")
	key(m, fyne.KeyEscape)
	u := goTo(t, m, "单位").(*unitsScreen)
	test.Tap(u.add)
	check("新增单位")
	key(m, fyne.KeyEscape)
	c := goTo(t, m, "巡察日历").(*calendarScreen)
	test.Tap(c.newRound)
	check("新建轮次")
	key(m, fyne.KeyEscape)
	c.openRound("2025-1") // a round of before Part II: no 组织方式
	check("轮次 2025-1")
	key(m, fyne.KeyEscape)
	test.Tap(c.newTerm)
	check("新建届期")
}

// typeNewRound fills 新建轮次 on calendar screen s as a clerk types and
// saves it.
func typeNewRound(s *calendarScreen, code, name, onsite string) *roundForm {
	test.Tap(s.newRound)
	f := s.form
	test.Type(f.code, code)
	test.Type(f.name, name)
	test.Type(f.dates[dOnsiteStart], onsite)
	test.Tap(f.save)
	return f
}
