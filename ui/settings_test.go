package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
)

func TestSettingsRecusalSaveAndReload(t *testing.T) {
	svc, w := testWorld(t)
	changed := 0
	s := newSettingsScreen(svc, w, func() { changed++ })
	w.SetContent(s.build())
	r := s.recusal
	if r.years.Text != "3" || r.depth.Selected != depthChoices[1] || r.severity[recusal.R3b].Selected != "提示" {
		t.Fatalf("defaults shown: years %q depth %q R3b %q", r.years.Text, r.depth.Selected, r.severity[recusal.R3b].Selected)
	}
	if !strings.HasPrefix(r.remote.Text, "组长、联络员、成员") {
		t.Errorf("remote roles shown = %q", r.remote.Text)
	}
	r.years.SetText("")
	test.Type(r.years, "5")
	r.severity[recusal.R4b].SetSelected(sevOff)
	r.severity[recusal.R7].SetSelected("回避")
	if r.liftable[recusal.R1].Checked || !r.liftable[recusal.R2].Checked || r.liftable[recusal.R3].Checked || !r.liftable[recusal.R4].Checked {
		t.Errorf("可豁免 shown: R1 %v R2 %v R3 %v R4 %v", r.liftable[recusal.R1].Checked, r.liftable[recusal.R2].Checked,
			r.liftable[recusal.R3].Checked, r.liftable[recusal.R4].Checked)
	}
	test.Tap(r.liftable[recusal.R3])
	test.Tap(r.liftable[recusal.R2])
	test.Tap(r.save)
	if r.errors.Visible() {
		t.Fatalf("save refused: %s", r.errors.Text)
	}
	if r.saved.Text == "" || changed != 1 {
		t.Errorf("saved: said %q, screens told %d times", r.saved.Text, changed)
	}
	got, err := svc.RecusalSettings()
	if err != nil {
		t.Fatal(err)
	}
	if got.Years != 5 || got.Severity[recusal.R4b] != recusal.Off || got.Severity[recusal.R7] != recusal.Hard ||
		!slices.Equal(got.RemoteRoles, []string{"组长", "联络员", "成员"}) || !got.CanLift(recusal.R3) || got.CanLift(recusal.R2) {
		t.Errorf("stored = %+v", got)
	}

	// a new screen over the same database shows what was saved
	s2 := newSettingsScreen(svc, w, nil)
	w.SetContent(s2.build())
	r2 := s2.recusal
	if r2.years.Text != "5" || r2.severity[recusal.R4b].Selected != sevOff || r2.severity[recusal.R7].Selected != "回避" {
		t.Errorf("reloaded: years %q R4b %q R7 %q", r2.years.Text, r2.severity[recusal.R4b].Selected, r2.severity[recusal.R7].Selected)
	}
	if sev, _ := r2.badges[recusal.R7].Severity(); sev != recusal.Hard {
		t.Errorf("R7 badge = %q", sev)
	}
	if !r2.liftable[recusal.R3].Checked || r2.liftable[recusal.R2].Checked {
		t.Error("可豁免 not shown as saved")
	}

	test.Tap(r2.reset)
	test.Tap(r2.confirmReset)
	if r2.years.Text != "3" || r2.severity[recusal.R4b].Selected != "提示" || r2.severity[recusal.R7].Selected != "提示" {
		t.Errorf("after 恢复默认: years %q R4b %q R7 %q", r2.years.Text, r2.severity[recusal.R4b].Selected, r2.severity[recusal.R7].Selected)
	}
	if r2.liftable[recusal.R3].Checked || !r2.liftable[recusal.R2].Checked {
		t.Error("可豁免 after 恢复默认")
	}
	if got, _ := svc.RecusalSettings(); got.Years != 3 || got.Severity[recusal.R7] != recusal.Soft || got.CanLift(recusal.R3) {
		t.Errorf("stored after reset = %+v", got)
	}
}

func TestSettingsRecusalInvalid(t *testing.T) {
	cases := []struct {
		name  string
		years string
		depth string
		want  string
	}{
		{"年限为零", "0", depthChoices[1], "曾任职回避年限应在 1 至 20 年之间"},
		{"年限不是数", "三年", depthChoices[1], "曾任职回避年限：应填整数"},
		{"年限过大", "25", depthChoices[1], "现为 25"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			svc, w := testWorld(t)
			s := newSettingsScreen(svc, w, nil)
			w.SetContent(s.build())
			r := s.recusal
			r.years.SetText(tc.years)
			r.depth.SetSelected(tc.depth)
			test.Tap(r.save)
			if !r.errors.Visible() || !strings.Contains(r.errors.Text, tc.want) {
				t.Errorf("error shown = %v %q, want %q", r.errors.Visible(), r.errors.Text, tc.want)
			}
			if got, _ := svc.RecusalSettings(); got.Years != 3 {
				t.Errorf("refused settings were stored: %+v", got)
			}
		})
	}
}

func TestSettingsLeaderCannotSave(t *testing.T) {
	svc, w := testWorld(t)
	signIn(t, svc)
	must(t, svc.Login("周领导", "leader-pass-1"))
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	r := s.recusal
	if !r.save.Disabled() || !r.reset.Disabled() || !r.years.Disabled() || !r.severity[recusal.R1].Disabled() {
		t.Error("a 领导 may edit the recusal settings")
	}
	if !s.calendar.save.Disabled() || !s.calendar.holidays.Disabled() {
		t.Error("a 领导 may edit the calendar settings")
	}
	if !s.assign.save.Disabled() || !s.assign.list.Add.Disabled() || !s.assign.rows[0].count.Disabled() {
		t.Error("a 领导 may edit the assignment settings")
	}
	if !strings.Contains(r.note.Text, "只有管理员") {
		t.Errorf("note = %q", r.note.Text)
	}
	// the service refuses too, whatever the buttons say
	r.years.SetText("6")
	r.onSave()
	if !r.errors.Visible() || !strings.Contains(r.errors.Text, "无权") {
		t.Errorf("error = %q", r.errors.Text)
	}
	if got, _ := svc.RecusalSettings(); got.Years != 3 {
		t.Errorf("a 领导 changed the settings: %+v", got)
	}

	must(t, svc.Login("管理员甲", "admin-pass-1"))
	s.reload()
	if r.save.Disabled() || r.years.Disabled() || r.note.Text != "" {
		t.Error("the 管理员 may not edit the settings")
	}
}

func TestSettingsCalendar(t *testing.T) {
	svc, w := testWorld(t)
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	c := s.calendar
	if c.days[calendar.StageOnsite].Text != "30" || c.holidays.Text != "" {
		t.Fatalf("defaults shown: onsite %q holidays %q", c.days[calendar.StageOnsite].Text, c.holidays.Text)
	}
	c.days[calendar.StageOnsite].SetText("45")
	c.holidays.SetText("2026-10-02\n2026-10-01 国庆节\n\n2026-13-01\n")
	test.Tap(c.save)
	if !c.errors.Visible() || !strings.Contains(c.errors.Text, "非工作日第4行“2026-13-01”") {
		t.Fatalf("bad date: error %q", c.errors.Text)
	}
	c.holidays.SetText("2026-10-02\n2026-10-01 国庆节\n2026/10/1\n2026年10月3日\n")
	test.Tap(c.save)
	if c.errors.Visible() {
		t.Fatalf("save refused: %s", c.errors.Text)
	}
	if c.holidays.Text != "2026-10-01\n2026-10-02\n2026-10-03" {
		t.Errorf("non-working days shown after saving: %q", c.holidays.Text)
	}
	got, _ := svc.CalendarSettings()
	if got.OnsiteDays != 45 || len(got.NonWorkingDays) != 3 || got.NonWorkingDays[0] != civil.MustParse("2026-10-01") {
		t.Errorf("stored = %+v", got)
	}
	test.Tap(c.reset)
	test.Tap(c.confirmReset)
	got, _ = svc.CalendarSettings()
	if got.OnsiteDays != 30 || len(got.NonWorkingDays) != 3 || c.days[calendar.StageOnsite].Text != "30" {
		t.Errorf("after 恢复默认天数: stored %+v, shown %q", got, c.days[calendar.StageOnsite].Text)
	}
}

func TestSettingsAssign(t *testing.T) {
	svc, w := testWorld(t)
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	a := s.assign
	if len(a.rows) != 5 || a.rows[0].role.Selected != "组长" || a.rows[0].from.Selected != originLabel(vocab.FromElsewhere) ||
		a.rows[1].from.Selected != originLabel(vocab.FromLocal) || !slices.Equal(a.rows[0].pools.Selected, []string{"组长库"}) {
		t.Fatalf("defaults shown: %d rows", len(a.rows))
	}
	if a.skills.Text != "财务、审计" || a.maxCount.Text != "2" {
		t.Errorf("skills %q, max %q", a.skills.Text, a.maxCount.Text)
	}

	a.rows[4].count.SetText("4")
	test.Tap(a.list.Add)
	test.Tap(a.list.Add)
	test.Tap(a.list.RemoveButton(6))
	added := a.rows[5]
	added.role.SetSelected("成员")
	added.from.SetSelected(originLabel(vocab.FromLocal))
	added.pools.SetSelected([]string{"专业人员库"})
	a.rows[1].from.SetSelected(originLabel(vocab.FromElsewhere)) // 副组长 from another county: R4 binds it too, one setting
	a.skills.SetText("财务、审计\n法律")
	a.maxCount.SetText("3")
	a.byCat["村社区"].SetSelected([]string{"信访", "党建", "法律"})
	test.Tap(a.save)
	if a.errors.Visible() {
		t.Fatalf("save refused: %s", a.errors.Text)
	}
	got, err := svc.AssignSettings()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 6 || got.Rows[4].Count != 4 || !got.Rows[5].IsLocal() || !slices.Equal(got.Rows[5].Pools, []string{"专业人员库"}) ||
		!slices.Equal(got.RequiredSkills, []string{"财务|审计", "法律"}) || got.MaxPerCounty != 3 ||
		!slices.Equal(got.SkillsByCategory["村社区"], []string{"法律", "党建", "信访"}) {
		t.Errorf("stored = %+v", got)
	}
	if !strings.Contains(a.saved.Text, "每组 9 人") {
		t.Errorf("saved says %q", a.saved.Text)
	}
	if rs, _ := svc.RecusalSettings(); !slices.Equal(rs.RemoteRoles, []string{"组长", "副组长", "联络员", "成员"}) {
		t.Errorf("R4 binds %v after 副组长 was made to come from elsewhere", rs.RemoteRoles)
	}
	s.reload()
	if !strings.HasPrefix(s.recusal.remote.Text, "组长、副组长、联络员、成员") {
		t.Errorf("回避规则 shows %q", s.recusal.remote.Text)
	}

	a.maxCount.SetText("0")
	test.Tap(a.save)
	if !a.errors.Visible() || !strings.Contains(a.errors.Text, "人数上限应至少为 1") {
		t.Errorf("max 0: error %q", a.errors.Text)
	}

	test.Tap(a.reset)
	test.Tap(a.confirmReset)
	if len(a.rows) != 5 || a.maxCount.Text != "2" || a.errors.Visible() {
		t.Errorf("after 恢复默认: %d rows, max %q", len(a.rows), a.maxCount.Text)
	}
}
