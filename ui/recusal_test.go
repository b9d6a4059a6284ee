package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/auth"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
	"xuncha/ui/widgets"

	"github.com/xuri/excelize/v2"
)

func init() { auth.UseTestCost() }

// recusalWorld is testWorld with a round on site next month and a planted
// conflict: 孙七 (河西县) is the wife of 赵镇长, who leads 城关镇.
//
//	2026-9 第一巡察组: U01 县委办公室, U02 城关镇 (城关区)
//	2026-9 第二巡察组: U03 河西县财政局 (河西县)
//
// Hits: 张三 R1+R4 on U01 and R4 on U02; 李四 R1+R4 on U03; 孙七 R3 on U02
// and R4 on U03.
func recusalWorld(t *testing.T) (*app.Service, fyne.Window) {
	t.Helper()
	svc, w := testWorld(t)
	testworld.Plant(t, svc.DB,
		&model.Person{Code: "P004", Name: "孙七", HomeCountyCode: "C02", InStaffPool: true, Status: vocab.StatusActive},
		&model.Relative{PersonCode: "P004", Name: "赵镇长", Relation: "配偶", UnitCode: testworld.Ptr("U02"), Post: "镇长"})
	start := time.Now().AddDate(0, 1, 0).Format("2006-01-02")
	end := time.Now().AddDate(0, 2, 0).Format("2006-01-02")
	must(t, svc.SaveTerm(model.Term{Code: "T1", Name: "第一届", StartDate: "2025-01-01", EndDate: "2029-12-31"}, nil))
	must(t, svc.SaveRound(model.Round{Code: "2026-9", TermCode: "T1", Name: "第九轮", Mode: vocab.ModeMixed,
		OnsiteStart: start, OnsiteEnd: end}))
	for _, tm := range []struct {
		name  string
		units []string
	}{{"第一巡察组", []string{"U01", "U02"}}, {"第二巡察组", []string{"U03"}}} {
		if _, _, err := svc.AddTeam("2026-9", tm.name, tm.units); err != nil {
			t.Fatal(err)
		}
	}
	return svc, w
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// openRecusal builds the 回避报告 screen, which checks the round it
// chooses; the test driver runs the check at once.
func openRecusal(t *testing.T, svc *app.Service, w fyne.Window) *recusalScreen {
	t.Helper()
	s := newRecusalScreen(svc, w)
	s.spawn = func(f func()) { f() }
	w.SetContent(s.build())
	if s.res == nil {
		t.Fatal("no check was run")
	}
	return s
}

// hitRows returns the rows shown as "person/unit/rule" (and "+n" for a
// row that stands for n more hits).
func hitRows(s *recusalScreen) []string {
	var out []string
	for _, i := range s.view {
		r := s.focus.Rows[i]
		k := r.Person + "/" + r.Unit + "/" + r.Rule
		if r.Hits > 1 {
			k += fmt.Sprintf("+%d", r.Hits-1)
		}
		out = append(out, k)
	}
	return out
}

// TestRecusalReportFocused: the report opens on the focused view — the
// hard hits that keep someone off a team they could otherwise join first,
// the R4 rows of a person and county collapsed to one — and 显示全部 shows
// every hit; a collapsed row exports every hit it stands for and cannot be
// asked to be lifted as a whole.
func TestRecusalReportFocused(t *testing.T) {
	svc, w := recusalWorld(t)
	s := openRecusal(t, svc, w)
	want := []string{"P001/U01/R1", "P004/U02/R3", "P002/U03/R1", "P001/U01/R4+1", "P002/U03/R4", "P004/U03/R4"}
	if got := hitRows(s); !slices.Equal(got, want) {
		t.Fatalf("focused rows = %v, want %v", got, want)
	}
	if s.count.Text != "显示 6 行（7 条）/ 共 7 条" || !strings.Contains(s.tiers.Text, "排除候选 3 条") ||
		!strings.Contains(s.tiers.Text, "其他 4 条（合并为 3 行）") {
		t.Errorf("count %q, tiers %q", s.count.Text, s.tiers.Text)
	}
	if got, _ := hitCellText(t, s, 0, 0); got != recusal.TierBlocks {
		t.Errorf("类别 cell = %q", got)
	}
	if got, _ := hitCellText(t, s, 3, 3); got != "第一巡察组" {
		t.Errorf("team cell of the collapsed row = %q", got)
	}
	if got, _ := hitCellText(t, s, 3, 5); got != "U01 县委办公室 等2条" {
		t.Errorf("unit cell of the collapsed row = %q", got)
	}
	s.tier.SetSelected(recusal.TierOther)
	if got := hitRows(s); !slices.Equal(got, want[3:]) {
		t.Errorf("其他 = %v", got)
	}
	test.Tap(tableCell0(s, 0, 2))
	if !s.request.Disabled() || !strings.Contains(s.detail.Text, "此行代表 2 条") {
		t.Errorf("a collapsed row: request enabled %v, detail %q", !s.request.Disabled(), s.detail.Text)
	}
	sub, filter := s.shownReport()
	if len(sub.Rows) != 4 || !strings.Contains(filter, "类别 其他") || !strings.Contains(filter, "重点视图") {
		t.Errorf("export of 其他: %d hits, filter %q", len(sub.Rows), filter)
	}
	s.tier.SetSelected(all)
	s.whole.SetChecked(true)
	if got := hitRows(s); len(got) != 7 || s.count.Text != "显示 7 / 7 条" {
		t.Errorf("显示全部: %v (%q)", got, s.count.Text)
	}
}

// hitCellText renders cell (row, col) of the hit table.
func hitCellText(t *testing.T, s *recusalScreen, row, col int) (string, *widgets.SeverityBadge) {
	t.Helper()
	o := s.table.CreateCell()
	s.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	box := o.(*fyne.Container)
	return box.Objects[0].(*widgets.Cell).Label.Text, box.Objects[1].(*widgets.SeverityBadge)
}

func TestRecusalReportFilters(t *testing.T) {
	svc, w := recusalWorld(t)
	s := openRecusal(t, svc, w)
	if got := s.roundCode(); got != "2026-9" {
		t.Fatalf("round chosen = %q", got)
	}
	s.whole.SetChecked(true)
	every := []string{"P001/U01/R1", "P001/U01/R4", "P001/U02/R4", "P004/U02/R3", "P002/U03/R1", "P002/U03/R4", "P004/U03/R4"}
	if got := hitRows(s); !slices.Equal(got, every) {
		t.Fatalf("rows = %v", got)
	}
	if s.count.Text != "显示 7 / 7 条" {
		t.Errorf("count = %q", s.count.Text)
	}
	if len(s.summary.Objects) != 3 { // R1, R3, R4
		t.Errorf("summary shows %d counts", len(s.summary.Objects))
	}

	cases := []struct {
		name string
		set  func()
		want []string
	}{
		{"规则 R3 亲属", func() { s.rule.SetSelected("R3 亲属") }, []string{"P004/U02/R3"}},
		{"县区 河西县", func() { s.county.SetSelected("C02 河西县") }, []string{"P002/U03/R1", "P002/U03/R4", "P004/U03/R4"}},
		{"巡察组与级别", func() { s.team.SetSelected("第一巡察组"); s.severity.SetSelected("回避") },
			[]string{"P001/U01/R1", "P001/U01/R4", "P001/U02/R4", "P004/U02/R3"}},
		{"人员姓名", func() { test.Type(s.person, "孙七") }, []string{"P004/U02/R3", "P004/U03/R4"}},
		{"人员编号与规则", func() { test.Type(s.person, "P001"); s.rule.SetSelected("R4 地域") }, []string{"P001/U01/R4", "P001/U02/R4"}},
		{"提示无", func() { s.severity.SetSelected("提示") }, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s.rule.SetSelected(all)
			s.severity.SetSelected(all)
			s.county.SetSelected(all)
			s.team.SetSelected(all)
			s.person.SetText("")
			tc.set()
			if got := hitRows(s); !slices.Equal(got, tc.want) {
				t.Errorf("rows = %v, want %v", got, tc.want)
			}
			if n := rows(s.table); n != len(tc.want) {
				t.Errorf("table has %d rows", n)
			}
		})
	}
	// the county filter narrows the team choices
	s.county.SetSelected("C02 河西县")
	if !slices.Equal(s.team.Options, []string{all, "第二巡察组"}) {
		t.Errorf("teams offered in 河西县: %v", s.team.Options)
	}
}

func TestRecusalReportCellsAndDetail(t *testing.T) {
	svc, w := recusalWorld(t)
	s := openRecusal(t, svc, w)
	test.Type(s.person, "孙七")
	s.rule.SetSelected("R3 亲属")
	text, badge := hitCellText(t, s, 0, 1)
	if sev, muted := badge.Severity(); text != "" || sev != recusal.Hard || muted || badge.Text() != "回避" || !badge.Visible() {
		t.Errorf("severity cell: text %q badge %q", text, badge.Text())
	}
	if got, _ := hitCellText(t, s, 0, 2); got != "R3 亲属" {
		t.Errorf("rule cell = %q", got)
	}
	if got, _ := hitCellText(t, s, 0, 4); got != "孙七 P004" {
		t.Errorf("person cell = %q", got)
	}
	if got, _ := hitCellText(t, s, 0, 5); got != "U02 城关镇" {
		t.Errorf("unit cell = %q", got)
	}
	if got, b := hitCellText(t, s, 0, 8); !strings.Contains(got, "赵镇长") || b.Visible() {
		t.Errorf("reason cell = %q", got)
	}
	if !s.request.Disabled() {
		t.Error("申请豁免 enabled with nothing selected")
	}
	test.Tap(tableCell0(s, 0, 2))
	if !strings.Contains(s.detail.Text, "赵镇长") || !strings.Contains(s.detail.Text, "孙七（P004，工作关系地 河西县）") {
		t.Errorf("detail = %q", s.detail.Text)
	}
	if !s.request.Disabled() || !strings.Contains(s.detail.Text, "不可豁免") {
		t.Error("申请豁免 enabled for an R3 hit, which is kept strictly")
	}
	s.rule.SetSelected("R4 地域")
	test.Tap(tableCell0(s, 0, 2))
	if s.request.Disabled() {
		t.Error("申请豁免 disabled for a hard R4 hit")
	}
}

// tableCell0 returns the tappable cell of the hit table.
func tableCell0(s *recusalScreen, row, col int) *widgets.Cell {
	o := s.table.CreateCell()
	s.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*fyne.Container).Objects[0].(*widgets.Cell)
}

func TestRecusalReportExport(t *testing.T) {
	svc, w := recusalWorld(t)
	s := openRecusal(t, svc, w)
	s.county.SetSelected("C02 河西县")
	sub, filter := s.shownReport()
	path := filepath.Join(t.TempDir(), "回避报告.xlsx")
	if err := sub.WriteXLSX(path, filter); err != nil {
		t.Fatal(err)
	}
	got := readXLSX(t, path, recusal.SheetHits)
	if len(got) != 4 {
		t.Fatalf("sheet has %d rows, want header and 3", len(got))
	}
	var keys []string
	for _, r := range got[1:] {
		keys = append(keys, r[4]+"/"+r[7]+"/"+r[1])
	}
	if want := []string{"P002/U03/R1", "P002/U03/R4", "P004/U03/R4"}; !slices.Equal(keys, want) {
		t.Errorf("exported %v, want %v", keys, want)
	}
	about := readXLSX(t, path, recusal.SheetAbout)
	if !strings.Contains(about[3][1], "县区 C02 河西县") {
		t.Errorf("filter written = %q", about[3][1])
	}
}

// readXLSX returns the rows of sheet sh of the workbook at path.
func readXLSX(t *testing.T, path, sh string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// signIn creates the accounts of the override tests (a 管理员, a 经办人
// and a 领导) and signs in as the 经办人.
func signIn(t *testing.T, svc *app.Service) {
	t.Helper()
	must(t, svc.CreateFirstAdmin("管理员甲", "admin-pass-1"))
	must(t, svc.AddUser("经办乙", vocab.UserClerk, "clerk-pass-1"))
	must(t, svc.AddUser("周领导", vocab.UserLeader, "leader-pass-1"))
	must(t, svc.Login("经办乙", "clerk-pass-1"))
}

// TestRecusalOverrideWorkflow drives SPEC §10.3 on the screen: R3 cannot
// be asked for (不可豁免); an R4 hit is asked for with a reason by the
// 经办人, who may only read the request's approval; the 领导 opens it with
// its evidence and approves it, the hit shows lifted; the 领导 withdraws
// it with a reason (none refused), and refuses a new request.
func TestRecusalOverrideWorkflow(t *testing.T) {
	svc, w := recusalWorld(t)
	signIn(t, svc)
	s := openRecusal(t, svc, w)
	test.Type(s.person, "孙七")
	s.rule.SetSelected("R3 亲属")
	test.Tap(tableCell0(s, 0, 1))
	if !s.request.Disabled() || !strings.Contains(s.detail.Text, "R3 亲属 不可豁免") {
		t.Fatalf("R3 may be asked for (detail %q)", s.detail.Text)
	}
	s.rule.SetSelected("R4 地域")
	test.Tap(tableCell0(s, 0, 1))
	test.Tap(s.request)
	d := s.req
	if d == nil {
		t.Fatal("申请豁免 opened nothing")
	}
	test.Tap(d.submit) // no reason
	if !d.errors.Visible() || !strings.Contains(d.errors.Text, "理由") {
		t.Errorf("empty reason: error %q", d.errors.Text)
	}
	test.Type(d.reason, "孙七长期在市里借调，与河西县财政局无往来")
	test.Tap(d.submit)
	if d.errors.Visible() {
		t.Fatalf("request refused: %s", d.errors.Text)
	}
	if got, _ := hitCellText(t, s, 0, 7); got != "待批" {
		t.Errorf("豁免 cell after the request = %q", got)
	}
	if s.tabs.Items[1].Text != "豁免审批（1 项待批）" {
		t.Errorf("tab = %q", s.tabs.Items[1].Text)
	}
	l := s.overrides
	if len(l.view) != 1 || overrideCell(&l.rows[0], 0) != vocab.OverridePending || l.rows[0].EnteredBy != "经办乙" {
		t.Fatalf("override list = %+v", l.rows)
	}
	test.Tap(overrideCell0(l, 0, 3))
	if l.open.Text != "查看…" || !strings.Contains(l.note.Text, "只能查看") {
		t.Errorf("a 经办人 may decide (button %q, note %q)", l.open.Text, l.note.Text)
	}
	test.Tap(l.open)
	if l.dec == nil || !strings.Contains(l.dec.note.Text, "只能查看") {
		t.Fatal("the 经办人's view of the approval")
	}
	l.dec.dlg.Hide()

	must(t, svc.Login("周领导", "leader-pass-1"))
	s.reload()
	test.Tap(overrideCell0(l, 0, 3))
	test.DoubleTap(overrideCell0(l, 0, 3))
	dec := l.dec
	for _, want := range []string{"工作关系地为 河西县，与被巡察单位同属一县", "孙七（P004）", "第二巡察组", "U03 河西县财政局",
		"进驻：", "可豁免", "理由：孙七长期在市里借调"} {
		if !strings.Contains(dec.evidence.Text, want) {
			t.Errorf("evidence lacks %q:\n%s", want, dec.evidence.Text)
		}
	}
	test.Tap(dec.approve)
	if len(l.rows) != 1 || l.rows[0].Approver != "周领导" || overrideCell(&l.rows[0], 0) != vocab.OverrideApproved {
		t.Fatalf("after approval: %+v", l.rows)
	}
	if s.tabs.Items[1].Text != "豁免审批" {
		t.Errorf("tab after approval = %q", s.tabs.Items[1].Text)
	}
	// the check ran again: the hit is marked, and the 已豁免 filter finds it
	s.person.SetText("")
	s.rule.SetSelected(all)
	s.severity.SetSelected(sevOverridden)
	if got := hitRows(s); !slices.Equal(got, []string{"P004/U03/R4"}) {
		t.Fatalf("已豁免 rows = %v", got)
	}
	if got, badge := hitCellText(t, s, 0, 1); got != "" || badge.Text() != "回避" {
		t.Errorf("badge of the lifted hit = %q", badge.Text())
	} else if _, muted := badge.Severity(); !muted {
		t.Error("the lifted hit's badge is not muted")
	}
	if got, _ := hitCellText(t, s, 0, 7); got != "已豁免" {
		t.Errorf("豁免 cell = %q", got)
	}
	test.Tap(tableCell0(s, 0, 1))
	if !s.request.Disabled() {
		t.Error("申请豁免 offered for a lifted hit")
	}

	// 撤销, first without a reason
	test.Tap(overrideCell0(l, 0, 3))
	test.Tap(l.open)
	dec = l.dec
	test.Tap(dec.withdraw)
	if !dec.errors.Visible() || !strings.Contains(dec.errors.Text, "理由") {
		t.Fatalf("withdrawn without a reason: %q", dec.errors.Text)
	}
	test.Type(dec.reason, "借调已结束")
	test.Tap(dec.withdraw)
	if l.rows[0].Status != vocab.OverrideWithdrawn || l.rows[0].WithdrawReason != "借调已结束" || overrideCell(&l.rows[0], 9) != "周领导" {
		t.Fatalf("after withdrawal: %+v", l.rows[0])
	}
	if got := hitRows(s); len(got) != 0 {
		t.Errorf("已豁免 rows after the withdrawal = %v", got)
	}

	// a new request, refused
	must(t, svc.Login("经办乙", "clerk-pass-1"))
	team := s.res.Teams["第二巡察组"]
	must(t, svc.RequestOverride(team.ID, "P004", "R4", "", "再次申请"))
	must(t, svc.Login("周领导", "leader-pass-1"))
	s.reload()
	l.state.SetSelected(vocab.OverridePending)
	if len(l.view) != 1 {
		t.Fatalf("pending shown: %d", len(l.view))
	}
	test.Tap(overrideCell0(l, 0, 3))
	test.Tap(l.open)
	test.Type(l.dec.reason, "借调情况未核实")
	test.Tap(l.dec.refuse)
	l.state.SetSelected(all)
	if len(l.rows) != 2 || l.rows[0].Status != vocab.OverrideRefused || l.rows[0].RefuseReason != "借调情况未核实" {
		t.Fatalf("after refusal: %+v", l.rows)
	}
}

func TestRecusalLeaderCannotRequest(t *testing.T) {
	svc, w := recusalWorld(t)
	signIn(t, svc)
	must(t, svc.Login("周领导", "leader-pass-1"))
	s := openRecusal(t, svc, w)
	s.rule.SetSelected("R4 地域")
	test.Tap(tableCell0(s, 0, 1))
	if !s.request.Disabled() {
		t.Error("a 领导 may request an override")
	}
	if s.overrides.note.Text != "" {
		t.Errorf("read-only note shown to a 领导: %q", s.overrides.note.Text)
	}
}

// overrideCell0 returns the tappable cell of the override table.
func overrideCell0(l *overrideList, row, col int) *widgets.Cell {
	o := l.table.CreateCell()
	l.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widgets.Cell)
}
