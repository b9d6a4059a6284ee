package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestUnitsScreenFilterAndEdit(t *testing.T) {
	svc, w := testWorld(t)
	s := newUnitsScreen(svc, w)
	w.SetContent(s.build())
	if s.count.Text != "共 4 个单位" {
		t.Errorf("count = %q", s.count.Text)
	}
	s.category.SetSelected("县直机关")
	if rows(s.table) != 2 {
		t.Errorf("县直机关: %d rows", rows(s.table))
	}
	s.category.SetSelected(all)
	test.Type(s.search, "城关镇")
	if rows(s.table) != 1 || cellText(t, s.table, 0, 5) != "1" {
		t.Fatalf("城关镇: %d rows", rows(s.table))
	}
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	if f == nil || f.name.Text != "城关镇" || len(f.detail.Children) != 1 {
		t.Fatal("the form of 城关镇 did not open with its sub-unit")
	}
	// A sub-unit cannot become the parent.
	f.parent.SetText("U0201 东街社区")
	test.Tap(f.save)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "上级单位：") || !strings.Contains(f.errors.Text, "成环") {
		t.Errorf("cycle error = %q", f.errors.Text)
	}
	f.parent.SetText("")
	test.Tap(f.leaders.Add)
	test.Type(f.leaderRows[1].name, "钱书记")
	test.Type(f.leaderRows[1].post, "党委书记")
	test.Tap(f.save)
	if f.errors.Visible() && strings.Contains(f.errors.Text, "成环") {
		t.Fatalf("still refused: %s", f.errors.Text)
	}
	d, err := svc.UnitDetail("U02")
	if err != nil || len(d.Leaders) != 2 || d.Leaders[1].Name != "钱书记" {
		t.Fatalf("stored = %+v, %v", d, err)
	}
	if got := cellText(t, s.table, 0, 5); got != "2" {
		t.Errorf("leaders column after saving = %q", got)
	}
}

func TestMainWindowNavigation(t *testing.T) {
	svc, w := testWorld(t)
	m := newMainWindow(test.NewTempApp(t), w, "测试")
	w.SetContent(m.build())
	m.setService(svc, ":memory:")
	if m.cur != 0 || len(m.built) != len(screenList()) || m.built[0] == nil {
		t.Fatalf("first screen = %d, %d screens", m.cur, len(m.built))
	}
	var titles []string
	for i, s := range m.screens {
		titles = append(titles, s.title)
		m.nav.Select(i)
		if m.cur != i || m.built[i] == nil {
			t.Errorf("after choosing %s: current %d, built %v", s.title, m.cur, m.built[i] != nil)
		}
	}
	for _, want := range []string{"总览", "巡察日历", "人员库", "单位", "回避报告", "设置"} {
		if !slices.Contains(titles, want) {
			t.Errorf("navigation lacks %s: %v", want, titles)
		}
	}
	if m.tools[0].Disabled() || !strings.Contains(m.status.Text, ":memory:") {
		t.Errorf("toolbar disabled=%v status %q", m.tools[0].Disabled(), m.status.Text)
	}
	m.svc = nil // closed by the test world
}
