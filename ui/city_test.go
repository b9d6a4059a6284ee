package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xuncha/app/calendar"
	"xuncha/app/vocab"
	"xuncha/model"
)

// The round form keeps a round's three properties, its linked rounds
// (chosen from a list) and its 巡审联动 requirement.
func TestRoundFormKindsAndLinks(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2026-1")
	f := s.form
	if f.typ.Selected != vocab.KindRegular || f.level.Selected != vocab.LevelCross {
		t.Fatalf("2026-1 (saved as 交叉) shows %q %q", f.typ.Selected, f.level.Selected)
	}
	f.typ.SetSelected(vocab.KindSpecial)
	f.level.SetSelected(vocab.LevelAudit)
	test.Tap(f.links.choose)
	var keys []string
	for _, it := range f.links.list.Items() {
		keys = append(keys, it.Key)
	}
	if !slices.Equal(keys, []string{"2025-1"}) {
		t.Fatalf("rounds offered to link: %v", keys)
	}
	test.Tap(f.links.list.Item(0))
	f.links.dlg.Hide()
	f.links.set(f.links.list.Checked())
	f.jointUnits.entry.SetText("U03")
	f.jointCats.SetSelected([]string{vocab.CatStateFirm})
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	var r, other model.Round
	svc.DB.First(&r, "code = ?", "2026-1")
	svc.DB.First(&other, "code = ?", "2025-1")
	if r.Type != vocab.KindSpecial || r.Level != vocab.LevelAudit || r.Links != "2025-1" || other.Links != "2026-1" ||
		r.JointUnits != "U03" || r.JointCategories != vocab.CatStateFirm {
		t.Errorf("stored %+v / %+v", r, other)
	}
	f.jointUnits.entry.SetText("U99")
	test.Tap(f.save)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "巡审联动要求的单位 U99 不存在") {
		t.Errorf("unknown unit: %q", f.errors.Text)
	}
}

// The list filters rounds by 巡察类型 and 组织方式 and shows their links;
// the timeline puts linked rounds side by side.
func TestCalendarListKindsAndTimelineLinks(t *testing.T) {
	svc, w := calendarWorld(t)
	must(t, svc.SaveRound(model.Round{Code: "2026-S", TermCode: "T1", Name: "市本级联动巡察", Type: vocab.KindSpecial,
		Level: vocab.LevelLinked, OnsiteStart: "2026-04-05", OnsiteEnd: "2026-05-05", Links: "2025-1"}))
	s := openCalendar(t, svc, w, calToday)
	l := s.list
	if rows(l.table) != 3 || cellText(t, l.table, 2, 4) != vocab.LevelLinked || cellText(t, l.table, 0, 12) != "2026-S" {
		t.Fatalf("list: %d rows, %q %q", rows(l.table), cellText(t, l.table, 2, 4), cellText(t, l.table, 0, 12))
	}
	l.kind.SetSelected(vocab.KindSpecial)
	if rows(l.table) != 1 || cellText(t, l.table, 0, 1) != "2026-S" {
		t.Errorf("专项: %d rows", rows(l.table))
	}
	l.kind.SetSelected(all)
	l.level.SetSelected(vocab.LevelCross)
	if rows(l.table) != 1 || cellText(t, l.table, 0, 1) != "2026-1" {
		t.Errorf("交叉: %d rows", rows(l.table))
	}
	var order []string
	for _, r := range s.timeline.tl.Rounds {
		order = append(order, r.Code)
	}
	if !slices.Equal(order, []string{"2025-1", "2026-S", "2026-1"}) || s.timeline.tl.Rounds[1].Group != 0 {
		t.Errorf("timeline rows %v", order)
	}
	if got := roundLine(s.timeline.tl.Rounds[1]); !strings.Contains(got, "上下联动 · 联动") {
		t.Errorf("the linked round's line %q", got)
	}
	// the month view (April 2026) marks the linked round's bars
	var linked, other int
	for _, b := range s.month.grid.bars {
		switch {
		case b.Round == "2026-S" && strings.HasSuffix(b.label(), " · 联动") && strings.Contains(b.detail(), "与 2025-1 上下联动"):
			linked++
		case b.Round != "2026-S" && !strings.Contains(b.label(), "联动"):
			other++
		default:
			t.Errorf("bar %q: %q", b.label(), b.detail())
		}
	}
	if linked == 0 || other == 0 {
		t.Errorf("April: %d linked bars, %d others", linked, other)
	}
	// 2025-1 (March 2025) and 2026-S do not overlap: warned
	if !slices.ContainsFunc(s.conflicts, func(c calendar.Conflict) bool { return c.Kind == calendar.KindLinkApart }) {
		t.Error("no warning of the linked rounds apart")
	}
}

// The composition's origins and the calendar's kinds and 领域 are saved
// from 设置.
func TestSettingsOriginsAndKinds(t *testing.T) {
	svc, w := testWorld(t)
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	a := s.assign
	if !slices.Equal(a.rows[0].from.Options, originLabels) {
		t.Fatalf("origins offered %v", a.rows[0].from.Options)
	}
	a.rows[0].from.SetSelected(originLabel(vocab.FromCity))
	test.Tap(a.save)
	if a.errors.Visible() {
		t.Fatalf("save refused: %s", a.errors.Text)
	}
	set, _ := svc.AssignSettings()
	if set.Rows[0].From() != vocab.FromCity || set.Rows[1].From() != vocab.FromLocal || set.Rows[3].From() != vocab.FromElsewhere {
		t.Errorf("stored rows %+v", set.Rows)
	}
	c := s.calendar
	if !slices.Equal(c.covers.Selected, []string{"常规", "专项", "机动"}) || !strings.Contains(c.sectors.Text, "卫生健康") {
		t.Fatalf("defaults shown: %v %q", c.covers.Selected, c.sectors.Text)
	}
	c.covers.SetSelected([]string{"常规", "专项"})
	c.repeats.SetSelected([]string{"常规", "专项"})
	c.sectors.SetText("教育\n卫生健康\n教育\n 水利 \n")
	test.Tap(c.save)
	if c.errors.Visible() {
		t.Fatalf("save refused: %s", c.errors.Text)
	}
	got, _ := svc.CalendarSettings()
	if !slices.Equal(got.CoverageKinds, []string{"常规", "专项"}) || !slices.Equal(got.RepeatKinds, []string{"常规", "专项"}) ||
		!slices.Equal(got.Sectors, []string{"教育", "卫生健康", "水利"}) {
		t.Errorf("stored %+v", got)
	}
	c.covers.SetSelected(nil)
	test.Tap(c.save)
	if !c.errors.Visible() || !strings.Contains(c.errors.Text, "至少选一种") {
		t.Errorf("no kind counting: %q", c.errors.Text)
	}
}

// The units list shows and filters by 领域 and 重点等级; the form keeps
// them.
func TestUnitsSectorsAndPriority(t *testing.T) {
	svc, w := testWorld(t)
	s := newUnitsScreen(svc, w)
	w.SetContent(s.build())
	test.Type(s.search, "县委办公室")
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	test.Tap(f.sectors.choose)
	for i, it := range f.sectors.list.Items() {
		if it.Key == "基层治理" {
			test.Tap(f.sectors.list.Item(i))
		}
	}
	f.sectors.set(f.sectors.list.Checked())
	f.sectors.dlg.Hide()
	f.sectors.entry.SetText(f.sectors.entry.Text + "、机关党建")
	f.priority.SetSelected("A")
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	d, _ := svc.UnitDetail("U01")
	if d.Unit.Sectors != "基层治理、机关党建" || d.Unit.Priority != "A" {
		t.Fatalf("stored %q %q", d.Unit.Sectors, d.Unit.Priority)
	}
	s.search.SetText("")
	if got := cellText(t, s.table, 0, 6); got != "基层治理、机关党建" || cellText(t, s.table, 0, 7) != "A" {
		t.Errorf("columns %q %q", got, cellText(t, s.table, 0, 7))
	}
	if !slices.Contains(s.sector.Options, "机关党建") || !slices.Contains(s.sector.Options, calendar.Unsectored) {
		t.Errorf("领域 offered %v", s.sector.Options)
	}
	s.sector.SetSelected("机关党建")
	if rows(s.table) != 1 {
		t.Errorf("by 领域: %d rows", rows(s.table))
	}
	s.sector.SetSelected(calendar.Unsectored)
	if rows(s.table) != 3 {
		t.Errorf("without 领域: %d rows", rows(s.table))
	}
	s.sector.SetSelected(all)
	s.priority.SetSelected("A")
	if rows(s.table) != 1 {
		t.Errorf("A-grade: %d rows", rows(s.table))
	}
}

// The overview shows coverage per 领域, the 板块 view and the plan against
// what was done.
func TestOverviewSectorsAndPlan(t *testing.T) {
	svc, w := planWorld(t)
	s := newOverviewScreen(svc, w, fixedClock(calToday))
	w.SetContent(s.build())
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	var labels []string
	for _, r := range s.bySector.Rows {
		labels = append(labels, r.Label)
	}
	if !slices.Equal(labels[:3], []string{"教育", "水利", "财政金融"}) {
		t.Errorf("bars by 领域 %v", labels)
	}
	var edu []string
	for _, row := range s.sectors.data {
		if row[0] == "基层治理" {
			edu = row
		}
	}
	if len(edu) == 0 || edu[2] != "2" || edu[3] != "1" || edu[6] != "1 / 1" || edu[1] != "2025-1（1·1）" {
		t.Errorf("基层治理 row %v", edu)
	}
	var y2025 []string
	for _, row := range s.plan.data {
		if row[0] == "2025" {
			y2025 = row
		}
	}
	if len(y2025) == 0 || y2025[1] != "2" || y2025[2] != "1" || y2025[4] != "1" {
		t.Errorf("2025 row %v (all %v)", y2025, s.plan.data)
	}
	if s.views.Items[2].Text != "规划执行（预警2）" {
		t.Errorf("tab %q", s.views.Items[2].Text)
	}
}
