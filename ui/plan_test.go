package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// planWorld is calendarWorld with 领域 and 重点等级 on its units and a plan:
// U01 planned for 2025 (inspected then), U02 for 2024 (inspected in 2025),
// U0201 for 2025 and not inspected (passed), U04 for 2027; U03 (A-grade,
// on 2026-1's team) and 河西县水务公司 (A-grade, on no team) not planned.
// The term runs 2024–2028; today is 2026-04-15.
func planWorld(t *testing.T) (*app.Service, fyne.Window) {
	t.Helper()
	svc, w := calendarWorld(t)
	testworld.Plant(t, svc.DB, &model.Unit{Code: "U05", Name: "河西县水务公司", CountyCode: "C02", Category: vocab.CatStateFirm,
		Sectors: "水利、国资国企", Priority: "A"})
	for code, sp := range map[string][2]string{"U01": {"党建", "B"}, "U02": {"基层治理、乡村振兴", "B"}, "U0201": {"基层治理", "C"},
		"U03": {"财政金融", "A"}, "U04": {"教育", "B"}} {
		must(t, svc.DB.Model(&model.Unit{}).Where("code = ?", code).Updates(map[string]any{"sectors": sp[0], "priority": sp[1]}).Error)
	}
	must(t, svc.SavePlan("T1", []app.PlanEdit{{Unit: "U01", Year: 2025, RoundNo: 1}, {Unit: "U02", Year: 2024},
		{Unit: "U0201", Year: 2025, Note: "随乡镇"}, {Unit: "U04", Year: 2027}}))
	return svc, w
}

func openPlan(t *testing.T, svc *app.Service, w fyne.Window) *planScreen {
	t.Helper()
	s := newPlanScreen(svc, w, fixedClock(calToday))
	w.SetContent(s.build())
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	return s
}

// rowOf returns the row of unit code in the grid, -1 when not listed.
func (s *planScreen) rowOf(code string) int {
	return slices.IndexFunc(s.rows, func(r planRow) bool { return !r.header && r.unit.Unit == code })
}

// yearCol returns the column of year y.
func (s *planScreen) yearCol(y int) int { return len(planLead) + slices.Index(s.plan.Years, y) }

func TestPlanGridShowsThePlan(t *testing.T) {
	svc, w := planWorld(t)
	s := openPlan(t, svc, w)
	if got := s.plan.Years; !slices.Equal(got, []int{2024, 2025, 2026, 2027, 2028}) || s.columns() != len(planLead)+5+len(planTail) {
		t.Fatalf("years %v, columns %d", got, s.columns())
	}
	// grouped by county: 城关区 with its three units, then 河西县 with three
	var layout []string
	for _, r := range s.rows {
		if r.header {
			layout = append(layout, "#"+r.group)
		} else {
			layout = append(layout, r.unit.Unit)
		}
	}
	if want := []string{"#城关区", "U01", "U02", "U0201", "#河西县", "U03", "U04", "U05"}; !slices.Equal(layout, want) {
		t.Fatalf("rows %v, want %v", layout, want)
	}
	for _, c := range []struct {
		unit string
		year int
		want string
	}{
		{"U01", 2025, "计划·第1轮 已巡察"},
		{"U02", 2024, "计划"},
		{"U02", 2025, "已巡察"},
		{"U0201", 2025, "计划"},
		{"U03", 2026, "已编组"},
		{"U04", 2027, "计划"},
		{"U05", 2027, ""},
	} {
		if got := cellText(t, s.table, s.rowOf(c.unit), s.yearCol(c.year)); got != c.want {
			t.Errorf("%s in %d: %q, want %q", c.unit, c.year, got, c.want)
		}
	}
	if got := cellText(t, s.table, 0, 4); got != "已列入 3" {
		t.Errorf("城关区 header: %q", got)
	}
	if got := cellText(t, s.table, s.rowOf("U0201"), len(planLead)+5+1); got != "随乡镇" {
		t.Errorf("note: %q", got)
	}
	// the warnings: U0201's year passed; U05 is A-grade and unplanned (U03
	// is on a team, so not)
	var kinds []string
	for _, row := range s.warnings.data {
		kinds = append(kinds, row[0]+" "+row[1])
	}
	if want := []string{calendar.PlanPassed + " U0201", calendar.PlanUnplannedA + " U05"}; !slices.Equal(kinds, want) {
		t.Errorf("warnings %v, want %v", kinds, want)
	}
	if !strings.Contains(s.warnTitle.Text, "2") || !strings.Contains(s.count.Text, "未列入规划 2") {
		t.Errorf("titles %q / %q", s.warnTitle.Text, s.count.Text)
	}
}

func TestPlanGridFilters(t *testing.T) {
	svc, w := planWorld(t)
	s := openPlan(t, svc, w)
	units := func() []string {
		var out []string
		for _, r := range s.rows {
			if !r.header {
				out = append(out, r.unit.Unit)
			}
		}
		return out
	}
	s.show.SetSelected(showUnplanned)
	if got := units(); !slices.Equal(got, []string{"U03", "U05"}) {
		t.Errorf("unplanned %v", got)
	}
	s.show.SetSelected(showPassed)
	if got := units(); !slices.Equal(got, []string{"U0201"}) {
		t.Errorf("passed %v", got)
	}
	s.show.SetSelected(showEvery)
	s.county.SetSelected("C02 河西县")
	if got := units(); !slices.Equal(got, []string{"U03", "U04", "U05"}) {
		t.Errorf("河西县 %v", got)
	}
	s.county.SetSelected(all)
	s.group.SetSelected(groupSector)
	var groups []string
	for _, r := range s.rows {
		if r.header {
			groups = append(groups, r.group)
		}
	}
	// the settings' 领域 first, in their order; a unit of two 领域 under each
	if want := []string{"教育", "水利", "财政金融", "乡村振兴", "基层治理", "国资国企", "党建"}; !slices.Equal(groups, want) {
		t.Errorf("groups by 领域 %v, want %v", groups, want)
	}
	test.Type(s.search, "水务")
	if got := units(); !slices.Equal(got, []string{"U05", "U05"}) {
		t.Errorf("search 水务 %v", got)
	}
}

// Bulk selection and "set year": a group's header selects its units, a
// unit's row adds or drops it, the year is set for all of them at once;
// a double click on a year cell plans one unit for that year.
func TestPlanGridBulkEdit(t *testing.T) {
	svc, w := planWorld(t)
	s := openPlan(t, svc, w)
	if !s.apply.Disabled() {
		t.Error("set year is on with nothing selected")
	}
	test.Tap(tableCell(s.table, 4, 2)) // the header of 河西县
	test.Tap(tableCell(s.table, s.rowOf("U04"), 1))
	if got := s.chosenCodes(); !slices.Equal(got, []string{"U03", "U05"}) || s.info.Text != "已选 2 个" {
		t.Fatalf("selected %v (%q)", got, s.info.Text)
	}
	if got := cellText(t, s.table, s.rowOf("U03"), 0); got != "☑" {
		t.Errorf("a selected unit shows %q", got)
	}
	s.yearSel.SetSelected("2027")
	test.Tap(s.apply)
	confirm := findButton(w.Canvas().Overlays().Top(), "确定")
	if confirm == nil {
		t.Fatal("no confirmation")
	}
	test.Tap(confirm)
	items, _ := svc.PlanItems("T1")
	years := map[string]int{}
	for _, x := range items {
		years[x.UnitCode] = x.Year
	}
	if years["U03"] != 2027 || years["U05"] != 2027 || years["U04"] != 2027 || len(items) != 6 {
		t.Fatalf("plan after the bulk edit: %v", years)
	}
	if got := cellText(t, s.table, s.rowOf("U05"), s.yearCol(2027)); got != "计划" {
		t.Errorf("U05 in 2027 shows %q", got)
	}
	if slices.ContainsFunc(s.warnings.data, func(r []string) bool { return r[1] == "U05" }) {
		t.Error("U05 is still warned about as unplanned")
	}
	// out of the plan, by the same bulk edit
	s.selected = map[string]bool{"U03": true}
	s.yearSel.SetSelected(outOfPlan)
	test.Tap(s.apply)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "确定"))
	if items, _ := svc.PlanItems("T1"); len(items) != 5 {
		t.Errorf("U03 not taken out: %+v", items)
	}
	// a double click on U0201's 2026 cell
	test.DoubleTap(tableCell(s.table, s.rowOf("U0201"), s.yearCol(2026)))
	if got := cellText(t, s.table, s.rowOf("U0201"), s.yearCol(2026)); got != "计划" {
		t.Errorf("after the double click: %q", got)
	}
	var x model.PlanItem
	svc.DB.First(&x, "unit_code = ?", "U0201")
	if x.Year != 2026 || x.Note != "随乡镇" {
		t.Errorf("U0201 stored %+v", x)
	}
}

// The unit dialog sets year, round and note; a wrong round is refused in
// the dialog.
func TestPlanGridUnitDialog(t *testing.T) {
	svc, w := planWorld(t)
	s := openPlan(t, svc, w)
	test.DoubleTap(tableCell(s.table, s.rowOf("U05"), 2))
	f := s.form
	if f == nil || f.year.Selected != outOfPlan {
		t.Fatalf("dialog %+v", f)
	}
	f.year.SetSelected("2026")
	test.Type(f.round, "120")
	test.Tap(f.dlg.OK)
	if !f.dlg.Note.Visible() || !strings.Contains(f.dlg.Note.Text, "计划轮次") {
		t.Fatalf("round 120: %q", f.dlg.Note.Text)
	}
	f.round.SetText("3")
	f.note.SetText("年初安排")
	test.Tap(f.dlg.OK)
	var x model.PlanItem
	svc.DB.First(&x, "unit_code = ?", "U05")
	if x.Year != 2026 || x.RoundNo != 3 || x.Note != "年初安排" {
		t.Fatalf("stored %+v", x)
	}
	if got := cellText(t, s.table, s.rowOf("U05"), s.yearCol(2026)); got != "计划·第3轮" {
		t.Errorf("shows %q", got)
	}
}

// The unit dialog refused over another clerk's newer save of the unit's
// place keeps what was typed and writes nothing; 重新载入 opens it again on
// the place as it is now, and saving that goes through.
func TestPlanGridUnitDialogReloads(t *testing.T) {
	svc, w := planWorld(t)
	s := openPlan(t, svc, w)
	test.DoubleTap(tableCell(s.table, s.rowOf("U05"), 2))
	f := s.form
	if f == nil {
		t.Fatal("no dialog")
	}
	other := *svc
	other.User = "张三"
	must(t, other.SavePlan("T1", []app.PlanEdit{{Unit: "U05", Year: 2027, Note: "张三的安排", Read: &model.Stamp{}}}))
	f.year.SetSelected("2026")
	f.note.SetText("年初安排")
	test.Tap(f.dlg.OK)
	if !strings.Contains(f.dlg.Note.Text, "该记录已被 张三 于 ") || f.note.Text != "年初安排" {
		t.Fatalf("dialog after the refused save: note %q, typed %q", f.dlg.Note.Text, f.note.Text)
	}
	var x model.PlanItem
	svc.DB.First(&x, "unit_code = ?", "U05")
	if x.Year != 2027 || x.Note != "张三的安排" {
		t.Fatalf("the refused save wrote %+v", x)
	}
	test.Tap(offered(t, w, "重新载入"))
	if s.form == f || s.form.year.Selected != "2027" || s.form.note.Text != "张三的安排" {
		t.Fatalf("the dialog reloaded: %+v", s.form)
	}
	s.form.note.SetText("在张三的安排上补充")
	test.Tap(s.form.dlg.OK)
	x = model.PlanItem{} // the row saved is a new one
	svc.DB.First(&x, "unit_code = ?", "U05")
	if x.Year != 2027 || x.Note != "在张三的安排上补充" {
		t.Errorf("after reloading and saving: %+v (%q)", x, s.form.dlg.Note.Text)
	}
}

// A 领导 reads the plan: no bulk edit, the dialog does not save, a double
// click changes nothing.
func TestPlanGridReadOnly(t *testing.T) {
	svc, w := planWorld(t)
	signInAsLeader(t, svc)
	s := openPlan(t, svc, w)
	s.selected["U05"] = true
	s.refreshSelection()
	if !s.apply.Disabled() || !s.yearSel.Disabled() {
		t.Error("a 领导 may set years")
	}
	test.DoubleTap(tableCell(s.table, s.rowOf("U05"), s.yearCol(2027)))
	if items, _ := svc.PlanItems("T1"); len(items) != 4 {
		t.Errorf("a double click changed the plan: %+v", items)
	}
	test.DoubleTap(tableCell(s.table, s.rowOf("U05"), 2))
	if s.form == nil || !s.form.dlg.OK.Disabled() {
		t.Error("the dialog saves for a 领导")
	}
}

// The plan set against another term's (a county's own): unit by unit,
// for the county the grid is filtered to.
func TestPlanGridCompare(t *testing.T) {
	svc, w := planWorld(t)
	must(t, svc.SaveTerm(model.Term{Code: "TX", Name: "城关区第十届", StartDate: "2022-01-01", EndDate: "2026-12-31"}, nil))
	must(t, svc.SavePlan("TX", []app.PlanEdit{{Unit: "U01", Year: 2025}, {Unit: "U02", Year: 2023}, {Unit: "U03", Year: 2026}}))
	s := openPlan(t, svc, w)
	s.county.SetSelected("C01 城关区")
	s.compare.SetSelected("TX 城关区第十届")
	c := s.diff
	if c == nil || c.other != "TX" {
		t.Fatal("the comparison did not open")
	}
	var got []string
	for _, row := range c.table.data {
		got = append(got, row[0]+" "+row[5])
	}
	if want := []string{"U01 " + calendar.DiffSame, "U02 " + calendar.DiffYear, "U0201 " + calendar.DiffOnlyA}; !slices.Equal(got, want) {
		t.Errorf("comparison %v, want %v", got, want)
	}
}
