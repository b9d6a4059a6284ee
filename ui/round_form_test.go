package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// tickUnit ticks unit code in the picker's list as the clerk would.
func tickUnit(t *testing.T, p *unitPicker, code string) {
	t.Helper()
	for i, it := range p.list.Items() {
		if it.Key == code {
			test.Tap(p.list.Item(i))
			return
		}
	}
	t.Fatalf("unit %s is not listed (%d items)", code, len(p.list.Items()))
}

func listedUnits(p *unitPicker) string {
	var out []string
	for _, it := range p.list.Items() {
		out = append(out, it.Key)
	}
	return strings.Join(out, " ")
}

func TestRoundFormCreatesRoundWithTwoTeams(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	test.Tap(s.newRound)
	f := s.form
	if f == nil || f.round != nil || !f.code.Visible() {
		t.Fatal("新建轮次 did not open an empty form")
	}
	test.Type(f.code, "2026-2")
	test.Type(f.name, "2026年第二轮巡察")
	test.Type(f.dates[dOnsiteStart], "2026-06-01")
	want := map[int]string{dPrep: "2026-05-18", dOnsiteEnd: "2026-06-30", dReport: "2026-07-30", dFeedback: "2026-08-14",
		dRectify: "2026-10-13", dCheck: "2027-01-11"}
	for i, d := range want {
		if got := f.dates[i].Text; got != d {
			t.Errorf("%s filled with %q, want %q", dateNames[i], got, d)
		}
	}
	if got := f.days[dOnsiteEnd].Text; got != "进驻 30天" {
		t.Errorf("on-site length = %q", got)
	}
	f.dates[dOnsiteEnd].SetText("2026-07-10") // the clerk lengthens the on-site stage
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	if f.round == nil || f.round.Code != "2026-2" || f.round.Number != 3 || f.tabs.SelectedIndex() != 1 {
		t.Fatalf("after saving: round %+v, tab %d", f.round, f.tabs.SelectedIndex())
	}

	tt := f.teams
	test.Tap(tt.add)
	if tt.name.Text != "第一巡察组" {
		t.Errorf("new team named %q", tt.name.Text)
	}
	p := tt.picker
	if got := listedUnits(p); got != "U0201 U04" {
		t.Errorf("units not yet covered this term = %q", got)
	}
	p.onlyFree.SetChecked(false)
	p.county.SetSelected("C01 城关区")
	if got := listedUnits(p); got != "U01 U02 U0201" {
		t.Errorf("units of 城关区 = %q", got)
	}
	tickUnit(t, p, "U0201")
	tickUnit(t, p, "U01")
	p.county.SetSelected(anyCounty)
	tickUnit(t, p, "U04")
	if p.list.IsChecked("U04") || !strings.Contains(tt.msg.Text, "同一县区") {
		t.Errorf("a unit of another county was taken: checked %v, message %q", p.list.Checked(), tt.msg.Text)
	}
	test.Tap(tt.save)
	if !strings.Contains(tt.msg.Text, "2025-1") {
		t.Errorf("no warning for U01 inspected in 2025-1: %q", tt.msg.Text)
	}

	test.Tap(tt.add)
	if tt.name.Text != "第二巡察组" {
		t.Errorf("second team named %q", tt.name.Text)
	}
	p.county.SetSelected("C02 河西县")
	tickUnit(t, p, "U04")
	test.Type(tt.start, "2026-06-08")
	test.Type(tt.end, "2026-07-03")
	test.Tap(tt.save)
	if strings.Contains(tt.msg.Text, "未保存") {
		t.Fatalf("second team refused: %s", tt.msg.Text)
	}

	cal, err := svc.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	r := cal.Snapshot().Round("2026-2")
	if r == nil || r.Name != "2026年第二轮巡察" || r.OnsiteEnd != civil.MustParse("2026-07-10") || r.CheckDate != civil.MustParse("2027-01-11") {
		t.Fatalf("stored round = %+v", r)
	}
	var got []string
	for _, tm := range r.Teams {
		got = append(got, tm.Name+":"+strings.Join(tm.UnitCodes(), ",")+":"+tm.County+":"+dateText(tm.OnsiteStart))
	}
	if s := strings.Join(got, " "); s != "第一巡察组:U01,U0201:C01: 第二巡察组:U04:C02:2026-06-08" {
		t.Errorf("stored teams = %s", s)
	}
	if tt.length() != 2 {
		t.Errorf("form lists %d teams", tt.length())
	}
	// U01 is inspected twice in the term: a conflict in the list and in the form.
	var kinds []string
	for _, c := range s.conflicts {
		kinds = append(kinds, c.Kind+":"+c.Unit)
	}
	if strings.Join(kinds, " ") != calendar.KindUnitTwice+":U01" {
		t.Errorf("conflicts = %v", kinds)
	}
	if !strings.Contains(s.conflictBtn.Text, "1") || len(f.conflicts.Objects) != 2 {
		t.Errorf("conflict button %q, form conflicts %d", s.conflictBtn.Text, len(f.conflicts.Objects))
	}
}

func TestRoundFormRefusesBadDates(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	test.Tap(s.newRound)
	f := s.form
	test.Type(f.code, "2029-1")
	test.Type(f.dates[dOnsiteStart], "2029-03-01") // after the term's end
	test.Tap(f.save)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "晚于届期结束") {
		t.Errorf("error = %v %q", f.errors.Visible(), f.errors.Text)
	}
	f.code.SetText("2026-1")
	f.dates[dOnsiteStart].SetText("2026-09-01")
	test.Tap(f.save)
	if !strings.Contains(f.errors.Text, "已存在") {
		t.Errorf("a new round may not replace 2026-1: %q", f.errors.Text)
	}
	if f.round != nil || len(f.tabs.Items) != 5 || !f.teams.add.Disabled() {
		t.Errorf("teams of an unsaved round can be added")
	}
}

func TestRoundFormReportsAndEvaluations(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	s.openRound("2025-1")
	f := s.form
	rp := f.reports
	if len(rp.list) != 2 || !strings.Contains(rp.summary.Text, "逾期未收到 1") {
		t.Fatalf("reports: %d rows, %q", len(rp.list), rp.summary.Text)
	}
	test.Type(rp.list[0].date, "2026-04-10") // U01
	test.Tap(rp.save)
	if !strings.Contains(rp.msg.Text, "已保存 1 个") {
		t.Errorf("reports saved: %q", rp.msg.Text)
	}
	cal, _ := svc.Calendar()
	if got := cal.Overdue("T1", calToday); len(got) != 0 {
		t.Errorf("still overdue: %+v", got)
	}

	s.openRound("2026-1")
	ev := s.form.evals
	if len(ev.list) != 2 || ev.team.Selected != "第一巡察组" {
		t.Fatalf("evaluation rows = %d", len(ev.list))
	}
	row := ev.list[0]
	if row.member.Person != "P001" {
		row = ev.list[1]
	}
	row.grade.SetSelected("优秀")
	test.Type(row.comment, "敢于碰硬")
	test.Tap(ev.save)
	if !strings.Contains(ev.msg.Text, "1 人") {
		t.Errorf("evaluations saved: %q", ev.msg.Text)
	}
	d, err := svc.PersonDetail("P001")
	if err != nil || len(d.Service) != 1 || d.Service[0].Evaluation != "优秀" || d.Service[0].Comment != "敢于碰硬" {
		t.Errorf("service record of 张三 = %+v, %v", d.Service, err)
	}
}

// signInAsLeader creates a 管理员 and a 领导 and signs the 领导 in.
func signInAsLeader(t *testing.T, svc *app.Service) {
	t.Helper()
	must(t, svc.CreateFirstAdmin("管理员甲", "admin-pass-1"))
	must(t, svc.AddUser("王主任", vocab.UserLeader, "leader-pass-1"))
	must(t, svc.Login("王主任", "leader-pass-1"))
}

func TestCalendarLeaderReadsOnly(t *testing.T) {
	svc, w := calendarWorld(t)
	signInAsLeader(t, svc)
	s := openCalendar(t, svc, w, calToday)
	for name, b := range map[string]interface{ Disabled() bool }{"新建届期": s.newTerm, "新建轮次": s.newRound,
		"删除轮次": s.list.del} {
		if !b.Disabled() {
			t.Errorf("%s is enabled for a 领导", name)
		}
	}
	if s.exportPlan.Disabled() {
		t.Errorf("a 领导 may export the plan")
	}
	s.openRound("2026-1")
	f := s.form
	for name, x := range map[string]interface{ Disabled() bool }{"保存轮次": f.save, "轮次名称": f.name,
		"进驻开始": f.dates[dOnsiteStart], "添加巡察组": f.teams.add, "保存收到日期": f.reports.save, "保存鉴定": f.evals.save} {
		if !x.Disabled() {
			t.Errorf("%s is enabled for a 领导", name)
		}
	}
	f.teams.list.Select(0)
	if !f.teams.save.Disabled() || !f.teams.picker.all.Disabled() {
		t.Errorf("the team editor is editable for a 领导")
	}
	s.openTerm(false)
	if !s.termForm.save.Disabled() {
		t.Errorf("the term form is editable for a 领导")
	}
}

func TestTermFormScope(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	test.Tap(s.newTerm)
	f := s.termForm
	test.Type(f.code, "T2")
	test.Type(f.name, "第二届")
	test.Type(f.start, "2029-01-01")
	test.Type(f.end, "2033-12-31")
	test.Tap(f.scope.Add)
	f.rows[0].county.SetSelected("C02 河西县")
	if !strings.Contains(f.required.Text, "共 2 个") {
		t.Errorf("required = %q", f.required.Text)
	}
	test.Tap(f.scope.Add)
	f.rows[1].category.SetSelected(vocab.CatTownship)
	if !strings.Contains(f.required.Text, "共 3 个") {
		t.Errorf("required with 乡镇街道 = %q", f.required.Text)
	}
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("refused: %s", f.errors.Text)
	}
	sc, _ := svc.TermScopes("T2")
	if len(sc) != 2 || s.term != "T2" || s.termSel.Selected != "T2 第二届" {
		t.Errorf("scopes %+v, term shown %q", sc, s.termSel.Selected)
	}
}
