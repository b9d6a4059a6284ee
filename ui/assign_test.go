package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/draw"
	"xuncha/app/papers"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// assignWorld plants a round of two teams: 第一巡察组 inspects 安平镇 in
// 安平县, 第二巡察组 the 平山县财政局, whose director is the brother of
// 林兄弟 (P0301): R3 keeps him off 第二巡察组. Four counties' people fill
// both teams.
func assignWorld(t *testing.T) (*app.Service, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(appTheme{})
	rows := []any{
		&model.County{Code: "C01", Name: "安平县"}, &model.County{Code: "C02", Name: "平山县"},
		&model.County{Code: "C03", Name: "临河县"}, &model.County{Code: "C04", Name: "北山县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U02", Name: "平山县财政局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
		&model.UnitLeader{UnitCode: "U02", Name: "林局长", Post: "局长"},
		&model.Term{Code: "T1", Name: "第一届", StartDate: "2026-01-01", EndDate: "2030-12-31"},
		&model.Round{Code: "2027-1", TermCode: "T1", Number: 1, Name: "2027年第一轮巡察", Mode: vocab.ModeMixed,
			OnsiteStart: "2027-03-01", OnsiteEnd: "2027-04-15"},
		&model.Team{RoundCode: "2027-1", Name: "第一巡察组", Seq: 1},
		&model.Team{RoundCode: "2027-1", Name: "第二巡察组", Seq: 2},
		&model.TeamUnit{TeamID: 1, RoundCode: "2027-1", UnitCode: "U01"},
		&model.TeamUnit{TeamID: 2, RoundCode: "2027-1", UnitCode: "U02"},
	}
	for c := 1; c <= 4; c++ {
		n := 4
		if c >= 3 {
			n = 5
		}
		for i := 1; i <= n; i++ {
			rows = append(rows, &model.Person{Code: fmt.Sprintf("P%02d%02d", c, i), Name: fmt.Sprintf("县%d人%d", c, i),
				Gender: "男", HomeCountyCode: fmt.Sprintf("C0%d", c), Post: "科员", InStaffPool: true,
				InLeaderPool: c >= 3 && i <= 2, FullTime: c <= 2 && i == 1, Skills: map[bool]string{true: "财务"}[i == 3],
				Status: vocab.StatusActive})
		}
	}
	rows = append(rows, &model.Relative{PersonCode: "P0301", Name: "林局长", Relation: "兄弟姐妹", UnitCode: testworld.Ptr("U02"), IsUnitLeadership: true})
	svc := &app.Service{DB: testworld.DB(t, rows...), User: "测试"}
	svc.DB.Model(&model.Person{}).Where("code = ?", "P0301").Update("name", "林兄弟")
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	return svc, w
}

// openAssign builds the 编组 screen; work runs at once.
func openAssign(t *testing.T, svc *app.Service, w fyne.Window) *assignScreen {
	t.Helper()
	s := newAssignScreen(svc, w)
	s.spawn = func(f func()) { f() }
	w.SetContent(s.build())
	if s.st == nil {
		t.Fatalf("round not loaded: %s", s.status.Text)
	}
	return s
}

// slotCellOf renders cell (row, col) of the slots of the team shown.
func slotCellOf(s *assignScreen, row, col int) (*widgets.Cell, *widgets.SeverityBadge, *widget.Icon) {
	o := s.slots.CreateCell()
	s.slots.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	c := o.(*fyne.Container)
	return c.Objects[0].(*widgets.Cell), c.Objects[1].(*widgets.SeverityBadge), c.Objects[3].(*widget.Icon)
}

// rowOf returns the row of person among the slots of the team shown.
func rowOf(t *testing.T, s *assignScreen, person string) int {
	t.Helper()
	rows, _ := s.slots.Length()
	for r := range rows {
		if c, _, _ := slotCellOf(s, r, colCode); c.Label.Text == person {
			return r
		}
	}
	t.Fatalf("%s not among the slots of %s", person, s.cur)
	return -1
}

// tapPerson shows person's team and taps their row.
func tapPerson(t *testing.T, s *assignScreen, person string) {
	t.Helper()
	team, _ := s.st.Member(person)
	if team == nil {
		t.Fatalf("%s is not placed", person)
	}
	showTeamByList(t, s, team.Team)
	c, _, _ := slotCellOf(s, rowOf(t, s, person), colName)
	test.Tap(c)
	if s.sel != person {
		t.Fatalf("tapping %s selected %q", person, s.sel)
	}
}

// showTeamByList selects team in the team list.
func showTeamByList(t *testing.T, s *assignScreen, team string) {
	t.Helper()
	for i, k := range s.view {
		if s.st.Res.Teams[k].Team == team {
			s.teams.Select(i)
			if s.cur != team {
				t.Fatalf("selecting %s in the list shows %s", team, s.cur)
			}
			return
		}
	}
	t.Fatalf("%s not in the team list", team)
}

func members(s *assignScreen) int {
	n := 0
	for _, t := range s.st.Res.Teams {
		n += len(t.Members)
	}
	return n
}

func TestAssignSolveFillsAndShowsObjective(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	if !strings.Contains(s.status.Text, "尚未保存编组") || s.tabs.Items[tabVacant].Text != "缺额（14）" {
		t.Fatalf("before solving: status %q, tab %q", s.status.Text, s.tabs.Items[tabVacant].Text)
	}
	test.Tap(s.solve)
	if members(s) != 14 {
		t.Fatalf("filled %d of 14: %v", members(s), s.st.Unfilled)
	}
	// the tiers after filling, in their order; nobody has served before, so
	// both teams lack their experienced member (two 以老带新 提示)
	if got := s.objective.Text; !strings.Contains(got, "自动编组：名额 14，已编入 14，全部编满；以老带新缺 2 名，轮换 0 轮次，新提拔编入 0 人（未编入 0 人），") ||
		!strings.HasSuffix(got, "；违规 0 条，提示 2 条") {
		t.Errorf("objective = %q", got)
	}
	if s.teamCount.Text != "2 / 2 组" || s.tabs.Items[tabVacant].Text != "缺额（0）" {
		t.Errorf("team count %q, tab %q", s.teamCount.Text, s.tabs.Items[tabVacant].Text)
	}
	if rows, _ := s.slots.Length(); rows != 7 {
		t.Errorf("the team shown has %d slots", rows)
	}
	if c, _, _ := slotCellOf(s, 0, 1); c.Label.Text != "组长" {
		t.Errorf("first slot is %q", c.Label.Text)
	}
	test.Type(s.filter, "平山县财政局")
	if len(s.view) != 1 || s.st.Res.Teams[s.view[0]].Team != "第二巡察组" {
		t.Errorf("filter by unit name: %v", s.view)
	}
}

func TestAssignMoveShowsRecusalInRed(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	if team, _ := s.st.Member("P0301"); team == nil || team.Team != "第一巡察组" {
		t.Fatalf("the solver must keep 林兄弟 off 第二巡察组: %+v", team)
	}
	// 第二巡察组 is full: a 成员 makes room first
	var room string
	for _, m := range s.st.Team("第二巡察组").Members {
		if m.Role == "成员" {
			room = m.Person
		}
	}
	tapPerson(t, s, room)
	test.Tap(s.exclude)
	tapPerson(t, s, "P0301")
	test.Tap(s.move)
	moveTo(t, s, "第二巡察组", "成员")
	if s.cur != "第二巡察组" || s.sel != "P0301" {
		t.Fatalf("after the move: team %s, selected %s", s.cur, s.sel)
	}
	row := rowOf(t, s, "P0301")
	name, _, _ := slotCellOf(s, row, colName)
	_, badge, _ := slotCellOf(s, row, colSev)
	why, _, _ := slotCellOf(s, row, colWhy)
	_, _, icon := slotCellOf(s, row, colLock)
	if sev, _ := badge.Severity(); sev != recusal.Hard || name.Label.Importance != widget.DangerImportance {
		t.Errorf("moved member: badge %q, name colour %v", sev, name.Label.Importance)
	}
	if !strings.Contains(why.Label.Text, "R3 亲属") || why.Label.Importance != widget.DangerImportance {
		t.Errorf("reason %q in colour %v", why.Label.Text, why.Label.Importance)
	}
	if !icon.Visible() {
		t.Error("the moved member is not shown locked")
	}
	if !strings.Contains(s.status.Text, "R3 亲属") || s.status.Importance != widget.DangerImportance {
		t.Errorf("status %q (%v)", s.status.Text, s.status.Importance)
	}
	if !strings.HasPrefix(s.tabs.Items[tabHard].Text, "违反规则（") || s.tabs.Items[tabHard].Text == "违反规则（0）" {
		t.Errorf("violations tab %q", s.tabs.Items[tabHard].Text)
	}
	if !strings.Contains(s.objective.Text, "手动调整后（未保存）") {
		t.Errorf("objective %q", s.objective.Text)
	}
	for _, c := range []struct{ only, team string }{{showHard, "第二巡察组"}, {showVacant, "第一巡察组"}, {showLocked, "第二巡察组"}} {
		s.only.SetSelected(c.only)
		if len(s.view) != 1 || s.st.Res.Teams[s.view[0]].Team != c.team {
			t.Errorf("%s lists %v", c.only, s.view)
		}
	}
	s.only.SetSelected(showAll)

	// saving a roster that breaks a rule asks first; one with a hard
	// recusal no override lifts is then refused by the service, which
	// re-checks it as it saves, and nothing is saved
	test.Tap(s.save)
	if s.dlg == nil || !strings.Contains(s.dlg.content.(*widget.Label).Text, "违反规则") {
		t.Fatal("saving a roster that breaks rules did not ask")
	}
	test.Tap(s.dlg.ok)
	if !strings.Contains(s.status.Text, "未保存") || !strings.Contains(s.status.Text, "P0301") || !strings.Contains(s.status.Text, "R3") {
		t.Fatalf("status after a refused save: %q", s.status.Text)
	}
	if _, saved, _ := svc.SavedAssignment("2027-1"); saved {
		t.Fatal("a roster with a hard recusal was saved")
	}
	// a roster solved afresh saves at once; the saved roster shows on
	// opening
	fresh := openAssign(t, svc, w)
	test.Tap(fresh.solve)
	test.Tap(fresh.save)
	if !strings.HasPrefix(fresh.status.Text, "已保存") {
		t.Fatalf("status after saving: %q", fresh.status.Text)
	}
	again := openAssign(t, svc, w)
	if tm, _ := again.st.Member("P0301"); tm == nil || tm.Team != "第一巡察组" || again.st.Source != assign.SourceSaved {
		t.Fatalf("saved roster not shown on opening: %+v", tm)
	}
	// replacing saved members asks too
	tapPerson(t, again, "P0301")
	test.Tap(again.exclude)
	test.Tap(again.save)
	if again.dlg == nil || !strings.Contains(again.dlg.content.(*widget.Label).Text, "已保存 14 人的编组记录") {
		t.Fatal("replacing the saved roster did not ask")
	}
	test.Tap(again.dlg.ok)
	if res, _, _ := svc.SavedAssignment("2027-1"); res.Objective.Filled != 13 {
		t.Errorf("after saving the exclusion: %d saved", res.Objective.Filled)
	}
}

// moveTo fills the move dialog open on the screen and confirms it.
func moveTo(t *testing.T, s *assignScreen, team, role string) {
	t.Helper()
	var selects []*widget.Select
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok {
			selects = append(selects, sel)
		}
	})
	if len(selects) != 2 {
		t.Fatalf("move dialog has %d selects", len(selects))
	}
	i := slices.IndexFunc(selects[0].Options, func(o string) bool { return teamOfOption(o) == team })
	selects[0].SetSelected(selects[0].Options[i])
	selects[1].SetSelected(role)
	test.Tap(s.dlg.ok)
	if s.dlg.note.Visible() {
		t.Fatalf("move refused: %s", s.dlg.note.Text)
	}
}

// walk visits o and every object inside it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case *widget.Form:
		for _, it := range x.Items {
			walk(it.Widget, f)
		}
	}
}

func TestAssignLockResolveExcludeSave(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	team, m := s.st.Member("P0401")
	if team == nil {
		t.Fatal("P0401 not placed")
	}
	place := *m
	tapPerson(t, s, "P0401")
	test.Tap(s.lock)
	if _, m := s.st.Member("P0401"); !m.Locked || s.lock.Text != "解锁" {
		t.Fatalf("not locked: %+v, button %q", m, s.lock.Text)
	}
	// exclude another member, then re-solve the rest
	var out string
	for _, x := range s.st.Res.Teams[0].Members {
		if x.Person != "P0401" && x.Role == "成员" {
			out = x.Person
			break
		}
	}
	tapPerson(t, s, out)
	test.Tap(s.exclude)
	if tm, _ := s.st.Member(out); tm != nil || s.tabs.Items[tabExcluded].Text != "已排除（1）" || s.tabs.Items[tabVacant].Text != "缺额（1）" {
		t.Fatalf("after excluding %s: placed %v, tabs %q %q", out, tm != nil, s.tabs.Items[tabExcluded].Text, s.tabs.Items[tabVacant].Text)
	}
	test.Tap(s.resolve)
	s.resolveChoice.SetSelected(s.resolveChoice.Options[2]) // every team
	test.Tap(s.dlg.ok)
	if tm, m := s.st.Member("P0401"); tm == nil || tm.Team != team.Team || m.Role != place.Role || !m.Locked {
		t.Errorf("the locked member moved: %+v %+v", tm, m)
	}
	if tm, _ := s.st.Member(out); tm != nil {
		t.Errorf("the excluded %s was placed again on %s", out, tm.Team)
	}
	if members(s) != 14 || !strings.Contains(s.status.Text, "保留锁定人员 1 人，排除 1 人") {
		t.Errorf("after re-solving: %d members, status %q", members(s), s.status.Text)
	}
	// restore from the 已排除 tab
	var restore *widget.Button
	walk(s.excludedBox, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "恢复" {
			restore = b
		}
	})
	test.Tap(restore)
	if len(s.st.Excluded) != 0 {
		t.Errorf("still excluded: %v", s.st.Excluded)
	}
	test.Tap(s.save)
	res, saved, err := svc.SavedAssignment("2027-1")
	if err != nil || !saved || res.Objective.Filled != 14 {
		t.Fatalf("saved: %v %d %v", saved, res.Objective.Filled, err)
	}
	i := slices.IndexFunc(res.Teams, func(tr assign.TeamResult) bool { return tr.Team == team.Team })
	j := slices.IndexFunc(res.Teams[i].Members, func(m assign.Member) bool { return m.Person == "P0401" })
	if j < 0 || !res.Teams[i].Members[j].Locked {
		t.Errorf("P0401 not saved locked on %s", team.Team)
	}
	if !strings.Contains(s.status.Text, "已保存为轮次 2027-1 的编组记录（14 人）") || strings.Contains(s.objective.Text, "未保存") {
		t.Errorf("after saving: %q / %q", s.status.Text, s.objective.Text)
	}
	// a new screen shows the saved roster
	again := openAssign(t, svc, w)
	if members(again) != 14 || again.st.Source != assign.SourceSaved || !strings.Contains(again.status.Text, "已保存的编组（14 人）") {
		t.Errorf("reopened: %d members, %q", members(again), again.status.Text)
	}
}

func TestAssignWhyNot(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	tapPerson(t, s, "P0301")
	test.Tap(s.why)
	var team *widget.Select
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok {
			team = sel
		}
	})
	team.SetSelected(s.teamOptions()[1]) // 第二巡察组
	test.Tap(s.dlg.ok)
	if got := s.ans.Text; !strings.Contains(got, "林兄弟（P0301）为何不在第二巡察组") || !strings.Contains(got, "R3 亲属") || !strings.Contains(got, "林局长") {
		t.Errorf("answer = %q", got)
	}
	if s.dlg.note.Visible() {
		t.Errorf("error shown: %q", s.dlg.note.Text)
	}
}

func TestAssignFillEmptySlot(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	showTeamByList(t, s, "第二巡察组")
	rows, _ := s.slots.Length()
	if rows != 7 {
		t.Fatalf("unsolved team shows %d empty slots", rows)
	}
	c, _, _ := slotCellOf(s, 0, colName) // 组长 empty
	test.Tap(c)
	test.Tap(s.add)
	var pick *widgets.Picker
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if p, ok := o.(*widgets.Picker); ok {
			pick = p
		}
	})
	pick.SetCode("P0301")
	test.Tap(s.dlg.ok)
	if tm, m := s.st.Member("P0301"); tm == nil || tm.Team != "第二巡察组" || m.Role != "组长" {
		t.Fatalf("not placed: %+v", m)
	}
	if _, badge, _ := slotCellOf(s, rowOf(t, s, "P0301"), colSev); badge.Text() != "回避" {
		t.Errorf("badge %q", badge.Text())
	}
}

func TestAssignLeaderCannotSave(t *testing.T) {
	svc, w := assignWorld(t)
	signInAsLeader(t, svc)
	s := openAssign(t, svc, w)
	// A 领导 reads the saved roster: 自动编组, 重新编组, 随机抽取 and 保存 are
	// not theirs (issue 12: no enabled button they cannot use).
	if !s.solve.Disabled() || !s.resolve.Disabled() || !s.save.Disabled() || !s.drawBtn.Disabled() {
		t.Errorf("solve disabled %v, resolve %v, save %v, draw %v", s.solve.Disabled(), s.resolve.Disabled(), s.save.Disabled(), s.drawBtn.Disabled())
	}
	st, err := svc.SolveRoster("2027-1", vocab.ModeMixed, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveAssignment(st.Res); err == nil {
		t.Error("a 领导 saved through the service")
	}
}

func TestAssignDrawAndRecord(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.drawBtn)
	var witness *widget.Entry
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			witness = e
		}
	})
	test.Tap(s.dlg.ok)
	if !s.dlg.note.Visible() {
		t.Fatal("an empty value was accepted")
	}
	test.Type(witness, "58213")
	test.Tap(s.dlg.ok)
	if s.st.Rec == nil || s.st.Source != assign.SourceDraw || members(s) == 0 || !s.recordBtn.Visible() {
		t.Fatalf("draw: rec %v, source %q, %d members", s.st.Rec != nil, s.st.Source, members(s))
	}
	dir := t.TempDir()
	js, pdf := filepath.Join(dir, "record.json"), filepath.Join(dir, "record.pdf")
	if err := s.writeRecordJSON(js); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(js)
	rec, err := draw.ParseRecord(b)
	if err != nil || draw.Verify(rec) != nil || rec.Witness != "58213" {
		t.Fatalf("saved record does not replay: %v", err)
	}
	if err := s.writeRecordPDF(pdf); err != nil {
		t.Fatal(err)
	}
	if err := s.writeRoster(filepath.Join(dir, "名单.pdf"), true); err != nil {
		t.Fatal(err)
	}
	if err := s.writeRoster(filepath.Join(dir, "名单.xlsx"), false); err != nil {
		t.Fatal(err)
	}
	if s.progress.Value != 1 || s.progressBox.Visible() {
		t.Errorf("progress after the draw: %v, shown %v", s.progress.Value, s.progressBox.Visible())
	}
	if got := s.unsaved(); got != "轮次 2027-1 的随机抽取的结果（含抽取记录）尚未保存" {
		t.Errorf("what the window asks about on 切换用户: %q", got)
	}
	var _ unsavedView = s // the window finds it among its views
}

// TestAssignVerifyRecord: 核验抽取记录 replays a record file chosen by the
// clerk — one just drawn, one of the first version, one changed afterwards
// — and says whether it matches, step by step.
func TestAssignVerifyRecord(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.drawBtn)
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			test.Type(e, "8317")
		}
	})
	test.Tap(s.dlg.ok)
	dir := t.TempDir()
	js := filepath.Join(dir, "抽取记录.json")
	must(t, s.writeRecordJSON(js))
	s.verifyRecord(js)
	c := s.checked
	if c == nil || !c.check.OK() || !strings.HasPrefix(c.result.Text, "一致") || len(c.check.Steps) != len(s.st.Rec.Steps) {
		t.Fatalf("a fresh record: %+v", c)
	}
	if strings.Contains(c.facts.Text, "seed=") || !strings.Contains(c.facts.Text, "种子由算法版本") {
		t.Errorf("the algorithm is not described in Chinese: %s", c.facts.Text)
	}
	first := s.st.Rec.Steps[0]
	if got := c.cell(0, 5); got != first.Drawn+" "+s.st.Name(first.Drawn) || c.cell(0, 1) != first.Team {
		t.Errorf("step 1 shows %q for %s", got, first.Drawn)
	}
	if got := c.cell(0, 4); !strings.HasSuffix(got, fmt.Sprintf("/ %d", c.check.Steps[0].Count)) {
		t.Errorf("position of step 1 = %q", got)
	}

	old := filepath.Join(dir, "旧记录.json")
	b, err := os.ReadFile(filepath.Join("..", "app", "draw", "testdata", "record.json"))
	must(t, err)
	must(t, os.WriteFile(old, b, 0o600))
	s.verifyRecord(old)
	if !s.checked.check.OK() || s.checked.check.Record.Algorithm != draw.AlgorithmV1 || s.checked.cell(1, 3) != "9" {
		t.Errorf("a record of the first version: %v", s.checked.check.Err)
	}

	rec := *s.st.Rec
	rec.Steps = slices.Clone(rec.Steps)
	rec.Steps[0].Drawn = rec.Steps[1].Drawn
	changed, _ := rec.Marshal()
	must(t, os.WriteFile(js, changed, 0o600))
	s.verifyRecord(js)
	if s.checked.check.OK() || !strings.Contains(s.checked.result.Text, "不一致：第1步") || !strings.Contains(s.status.Text, "不一致") {
		t.Errorf("a changed record: %q / %q", s.checked.result.Text, s.status.Text)
	}
	must(t, os.WriteFile(js, []byte("不是记录"), 0o600))
	s.checked = nil
	s.verifyRecord(js)
	if s.checked != nil || !strings.Contains(s.status.Text, "不是有效的抽取记录") {
		t.Errorf("not a record: %q", s.status.Text)
	}
}

func TestAssignSwap(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	a, b := s.st.Res.Teams[0].Members[3], s.st.Res.Teams[1].Members[3] // the two 联络员
	swapWith := func(person, other string) {
		t.Helper()
		tapPerson(t, s, person)
		test.Tap(s.swap)
		var pick *widgets.Picker
		walk(s.dlg.content, func(o fyne.CanvasObject) {
			if p, ok := o.(*widgets.Picker); ok {
				pick = p
			}
		})
		pick.SetCode(other)
		test.Tap(s.dlg.ok)
		if s.dlg.note.Visible() {
			t.Fatalf("swap refused: %s", s.dlg.note.Text)
		}
	}
	swapWith(a.Person, b.Person)
	if ta, ma := s.st.Member(a.Person); ta.Team != "第二巡察组" || ma.Role != "联络员" || !ma.Locked {
		t.Errorf("after the swap %s is on %s as %s", a.Person, ta.Team, ma.Role)
	}
	var free string
	for _, p := range s.st.In.People {
		if tm, _ := s.st.Member(p.Code); tm == nil {
			free = p.Code
			break
		}
	}
	swapWith(a.Person, free)
	if tf, mf := s.st.Member(free); tf == nil || tf.Team != "第二巡察组" || mf.Role != "联络员" {
		t.Errorf("%s did not take the place of %s", free, a.Person)
	}
	if ta, _ := s.st.Member(a.Person); ta != nil {
		t.Errorf("%s still on %s", a.Person, ta.Team)
	}
}

// TestAssignMoveIntoFullTeam: moving someone into a team whose slots of
// the role are all taken is refused in the move dialog, in words naming
// the team, the role and the person moved; nothing changes.
func TestAssignMoveIntoFullTeam(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	before := s.st.Res
	tapPerson(t, s, "P0301")
	test.Tap(s.move)
	var selects []*widget.Select
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok {
			selects = append(selects, sel)
		}
	})
	selects[0].SetSelected(selects[0].Options[slices.IndexFunc(selects[0].Options, func(o string) bool { return teamOfOption(o) == "第二巡察组" })])
	selects[1].SetSelected("成员")
	test.Tap(s.dlg.ok)
	if !s.dlg.note.Visible() || !strings.Contains(s.dlg.note.Text, "第二巡察组 的 成员 名额已满（编组设置 3 人），不能再移入 林兄弟") {
		t.Fatalf("note %q", s.dlg.note.Text)
	}
	if s.st.Res != before || s.st.Dirty || !s.undo.Disabled() {
		t.Fatal("a refused move changed the roster")
	}
}

// TestAssignSlotColumns: the column of what the rules say reads 性质, not
// 级别 (which reads as a rank); the person's 职级 has a column of its own.
func TestAssignSlotColumns(t *testing.T) {
	svc, w := assignWorld(t)
	svc.DB.Model(&model.Person{}).Where("code = ?", "P0301").Update("rank", "四级主任科员")
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	if slotColumns[colSev] != "性质" || slices.Contains(slotColumns, "级别") || !slices.Contains(slotColumns, "职级") {
		t.Fatalf("columns %v", slotColumns)
	}
	tapPerson(t, s, "P0301")
	c, _, _ := slotCellOf(s, rowOf(t, s, "P0301"), slices.Index(slotColumns, "职级"))
	if c.Label.Text != "四级主任科员" {
		t.Errorf("职级 cell = %q", c.Label.Text)
	}
}

// TestAssignResolveScopesUndoRevert: 重新编组 offers only this team, only
// the empty slots, or everything; 撤销 takes back hand edits and a
// re-solve in turn; 恢复已保存 goes back to the saved roster after asking.
func TestAssignResolveScopesUndoRevert(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	test.Tap(s.save)
	if !s.undo.Disabled() || !s.revert.Disabled() {
		t.Fatal("撤销 or 恢复已保存 offered for the saved roster")
	}
	// take a 成员 off each team
	var gone []string
	for _, team := range []string{"第一巡察组", "第二巡察组"} {
		for _, m := range s.st.Team(team).Members {
			if m.Role == "成员" {
				gone = append(gone, m.Person)
				break
			}
		}
	}
	for _, p := range gone {
		tapPerson(t, s, p)
		test.Tap(s.exclude)
	}
	second := slices.Clone(s.st.Team("第二巡察组").Members)
	if s.undo.Disabled() || s.revert.Disabled() {
		t.Fatal("撤销 or 恢复已保存 not offered after hand edits")
	}
	showTeamByList(t, s, "第一巡察组")
	test.Tap(s.resolve)
	if len(s.resolveChoice.Options) != 3 || !strings.Contains(s.resolveChoice.Selected, "只重新编排本组（第一巡察组）") {
		t.Fatalf("scopes offered %v, chosen %q", s.resolveChoice.Options, s.resolveChoice.Selected)
	}
	test.Tap(s.dlg.ok)
	if !slices.Equal(s.st.Team("第二巡察组").Members, second) || len(s.st.Team("第一巡察组").Members) != 7 {
		t.Fatalf("本组: 第二巡察组 %+v, 第一巡察组 %d members", s.st.Team("第二巡察组").Members, len(s.st.Team("第一巡察组").Members))
	}
	if len(s.st.Unfilled) != 1 || s.st.Unfilled[0].Team != "第二巡察组" {
		t.Errorf("empty slots after 本组: %+v", s.st.Unfilled)
	}
	test.Tap(s.resolve)
	s.resolveChoice.SetSelected(s.resolveChoice.Options[1]) // only the empty slots
	test.Tap(s.dlg.ok)
	for _, m := range second {
		if !slices.Contains(s.st.Team("第二巡察组").Members, m) {
			t.Errorf("仅空缺 moved %s", m.Person)
		}
	}
	if len(s.st.Unfilled) != 0 || !strings.HasPrefix(s.status.Text, "已补齐空缺") {
		t.Errorf("after 仅空缺: %+v, %q", s.st.Unfilled, s.status.Text)
	}
	// undo: the two re-solves, then the two exclusions
	for _, want := range []string{"重新编组（仅空缺）", "重新编组（本组）", "排除 " + s.st.Name(gone[1]), "排除 " + s.st.Name(gone[0])} {
		test.Tap(s.undo)
		if s.status.Text != "已撤销："+want {
			t.Fatalf("status %q, want 已撤销：%s", s.status.Text, want)
		}
	}
	if !s.undo.Disabled() || s.st.Dirty || len(s.st.Excluded) != 0 {
		t.Errorf("after undoing everything: dirty %v, excluded %v", s.st.Dirty, s.st.Excluded)
	}
	// a new hand edit, then back to the saved roster
	tapPerson(t, s, gone[0])
	test.Tap(s.exclude)
	test.Tap(s.revert)
	if s.dlg == nil || !strings.Contains(s.dlg.content.(*widget.Label).Text, "恢复为已保存的编组记录（14 人）") {
		t.Fatal("恢复已保存 did not ask")
	}
	test.Tap(s.dlg.ok)
	if s.st.Source != assign.SourceSaved || s.st.Unsaved() || members(s) != 14 || !s.revert.Disabled() {
		t.Errorf("after 恢复已保存: source %q, %d members", s.st.Source, members(s))
	}
}

// TestAssignAsksBeforeOverwriting: a roster solved or drawn and not saved
// is not overwritten by 自动编组 (or a draw) without asking; cancelling
// keeps it.
func TestAssignAsksBeforeOverwriting(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	first := s.st
	if s.unsaved() != "轮次 2027-1 的自动编组的结果尚未保存" {
		t.Fatalf("unsaved = %q", s.unsaved())
	}
	test.Tap(s.solve)
	if s.dlg == nil || !strings.Contains(s.dlg.content.(*widget.Label).Text, "自动编组的结果尚未保存") {
		t.Fatal("a second 自动编组 did not ask")
	}
	test.Tap(s.dlg.cancel)
	if s.st != first {
		t.Fatal("cancelling replaced the roster")
	}
	test.Tap(s.solve)
	test.Tap(s.dlg.ok)
	if s.st == first {
		t.Fatal("agreeing did not solve again")
	}
	test.Tap(s.drawBtn)
	var warned bool
	walk(s.dlg.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "尚未保存，抽取后将被取代") {
			warned = true
		}
	})
	if !warned {
		t.Error("the draw does not say it replaces the unsaved roster")
	}
}

// 回避告知书… says an unsaved roster has none; once saved it opens the
// round's 告知书, one per member.
func TestAssignNotices(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	test.Tap(s.solve)
	test.Tap(s.notices)
	top := w.Canvas().Overlays().Top()
	if top == nil || findButton(top, "全部打包…") != nil {
		t.Fatal("an unsaved roster opened documents")
	}
	top.Hide()
	test.Tap(s.save)
	test.Tap(s.notices)
	top = w.Canvas().Overlays().Top()
	if top == nil || findButton(top, "全部打包…") == nil {
		t.Fatal("no documents dialog")
	}
	names, err := svc.PaperNames(app.PaperRequest{Round: "2027-1", Kind: papers.KindInform})
	if err != nil || len(names) != members(s) {
		t.Errorf("%d 告知书 for %d members: %v", len(names), members(s), err)
	}
}

// TestAssignSuggest: the 候选替换 list of a selected member's slot is the
// one the command line gives (xuncha assign --suggest goes through the same
// service), placing the first candidate replaces the member and checks the
// roster at once; an empty slot's list fills it.
func TestAssignSuggest(t *testing.T) {
	svc, w := assignWorld(t)
	s := openAssign(t, svc, w)
	if !s.suggest.Disabled() {
		t.Error("候选替换 enabled with nothing selected")
	}
	test.Tap(s.solve)
	var member string
	for _, m := range s.st.Team("第一巡察组").Members {
		if m.Role == vocab.RoleMember {
			member = m.Person
		}
	}
	tapPerson(t, s, member)
	test.Tap(s.suggest)
	if s.sugg == nil || s.sugg.Holder != member || len(s.sugg.Candidates) == 0 || len(s.places) != len(s.sugg.Candidates) {
		t.Fatalf("suggestions %+v", s.sugg)
	}
	cli, source, err := svc.SuggestSlot("2027-1", "", "", "第一巡察组", vocab.RoleMember, member)
	if err != nil || source != assign.SourceSolve {
		t.Fatal(source, err)
	}
	if fmt.Sprint(cli.Candidates) != fmt.Sprint(s.sugg.Candidates) || cli.Refused != s.sugg.Refused {
		t.Errorf("screen and command line differ:\n%+v\n%+v", s.sugg, cli)
	}
	first := s.sugg.Candidates[0].Person
	test.Tap(s.places[0])
	if tm, m := s.st.Member(first); tm == nil || tm.Team != "第一巡察组" || m.Role != vocab.RoleMember || !m.Locked {
		t.Fatalf("after placing %s: %+v %+v", first, tm, m)
	}
	if tm, _ := s.st.Member(member); tm != nil {
		t.Errorf("%s still on %s", member, tm.Team)
	}
	if !strings.Contains(s.status.Text, "顶替") || !strings.Contains(s.objective.Text, "手动调整后（未保存）") {
		t.Errorf("status %q, objective %q", s.status.Text, s.objective.Text)
	}
	if h, _ := s.st.Totals(); h != 0 {
		t.Errorf("the first candidate breaks %d rules", h)
	}
	// an empty slot
	tapPerson(t, s, first)
	test.Tap(s.exclude)
	_, vac := s.teamRows()
	tm, _ := s.teamRows()
	if len(vac) != 1 {
		t.Fatalf("vacancies %v", vac)
	}
	c, _, _ := slotCellOf(s, len(tm.Members), colName)
	test.Tap(c)
	test.Tap(s.suggest)
	if s.sugg.Holder != "" || len(s.sugg.Candidates) == 0 {
		t.Fatalf("empty slot: %+v", s.sugg)
	}
	test.Tap(s.places[0])
	if _, vac := s.teamRows(); len(vac) != 0 {
		t.Errorf("the slot is still empty: %v", vac)
	}
}
