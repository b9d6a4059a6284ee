package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"xuncha/app/assign"
	"xuncha/app/demo"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// cityService is calendarService with a 市本级 jurisdiction and its
// 市审计局, and a term 2026–2028.
func cityService(t *testing.T) *Service {
	t.Helper()
	s := calendarService(t)
	testworld.Plant(t, s.DB,
		&model.County{Code: "C00", Name: "清江市本级", Level: vocab.LevelCity},
		&model.Unit{Code: "U0001", Name: "市审计局", CountyCode: "C00", Category: vocab.CatCountyOrgan},
		&model.Term{Code: "T1", Name: "第十五届", StartDate: "2026-01-01", EndDate: "2028-12-31"},
	)
	return s
}

// A round keeps its three properties; an 组织方式 given as 巡察类型 (as
// before Part II) is read as such; unknown words are refused.
func TestSaveRoundKinds(t *testing.T) {
	s := cityService(t)
	for _, c := range []struct {
		name             string
		typ, level       string
		wantTyp, wantLvl string
		err              string
	}{
		{"三项独立", vocab.KindSpecial, vocab.LevelCross, vocab.KindSpecial, vocab.LevelCross, ""},
		{"旧的交叉类型", "交叉", "", vocab.KindRegular, vocab.LevelCross, ""},
		{"旧的联动类型", "联动", "", vocab.KindRegular, vocab.LevelLinked, ""},
		{"回头看", vocab.KindReview, vocab.LevelOwn, vocab.KindReview, vocab.LevelOwn, ""},
		{"未知巡察类型", "巡视", "", "", "", "巡察类型"},
		{"未知组织方式", vocab.KindRegular, "随机", "", "", "组织方式"},
		{"类型与组织方式矛盾", "交叉", vocab.LevelRaised, "", "", "巡察类型"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := s.SaveRound(model.Round{Code: "R-" + c.name, TermCode: "T1", Type: c.typ, Level: c.level, Mode: vocab.ModeMixed})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one about %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var r model.Round
			s.DB.First(&r, "code = ?", "R-"+c.name)
			if r.Type != c.wantTyp || r.Level != c.wantLvl {
				t.Errorf("stored %q %q, want %q %q", r.Type, r.Level, c.wantTyp, c.wantLvl)
			}
		})
	}
}

// Linked rounds hold both ways: naming a link on one side writes it on
// the other; dropping it drops both; deleting a round drops its links;
// a link to itself or to no round is refused.
func TestRoundLinks(t *testing.T) {
	s := cityService(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, code := range []string{"C-1", "X-1", "Y-1"} {
		must(s.SaveRound(model.Round{Code: code, TermCode: "T1"}))
	}
	links := func() map[string]string {
		var rs []model.Round
		s.DB.Order("code").Find(&rs)
		out := map[string]string{}
		for _, r := range rs {
			out[r.Code] = r.Links
		}
		return out
	}
	// a form saves what it read: the round's version stamp with it
	resave := func(r model.Round) error {
		var cur model.Round
		if err := s.DB.Where("code = ?", r.Code).Limit(1).Find(&cur).Error; err != nil {
			return err
		}
		r.Stamp = cur.Stamp
		return s.SaveRound(r)
	}
	must(resave(model.Round{Code: "C-1", TermCode: "T1", Level: vocab.LevelLinked, Links: "Y-1，X-1"}))
	if got := links(); got["C-1"] != "X-1、Y-1" || got["X-1"] != "C-1" || got["Y-1"] != "C-1" {
		t.Fatalf("after linking: %v", got)
	}
	must(resave(model.Round{Code: "C-1", TermCode: "T1", Level: vocab.LevelLinked, Links: "X-1"}))
	if got := links(); got["C-1"] != "X-1" || got["X-1"] != "C-1" || got["Y-1"] != "" {
		t.Fatalf("after dropping Y-1: %v", got)
	}
	must(s.DeleteRound("X-1"))
	if got := links(); got["C-1"] != "" {
		t.Fatalf("after deleting X-1: %v", got)
	}
	for _, bad := range []string{"C-1", "Z-9"} {
		if err := resave(model.Round{Code: "C-1", TermCode: "T1", Links: bad}); err == nil || !strings.Contains(err.Error(), "联动轮次") {
			t.Errorf("link to %s: %v", bad, err)
		}
	}
}

// Linking or unlinking a round from another round's form changes the
// other round's 联动轮次 and counts its version up: a form opened on it
// before is refused with who linked it and when, and writes nothing; a
// round whose links stay as they were keeps its version.
func TestRoundLinkCountsUpTheOther(t *testing.T) {
	zhang := cityService(t)
	zhang.User = "张三"
	li := &Service{DB: zhang.DB, User: "李四"}
	for _, code := range []string{"C-1", "X-1", "Y-1"} {
		if err := zhang.SaveRound(model.Round{Code: code, TermCode: "T1"}); err != nil {
			t.Fatal(err)
		}
	}
	read := func(code string) model.Round {
		t.Helper()
		var r model.Round
		if err := zhang.DB.Where("code = ?", code).Limit(1).Find(&r).Error; err != nil || r.Code == "" {
			t.Fatalf("round %s: %v", code, err)
		}
		return r
	}
	for _, step := range []struct {
		name  string
		save  func() error
		links string // X-1's after the step
	}{
		{"联动", func() error {
			c := read("C-1")
			c.Level, c.Links = vocab.LevelLinked, "X-1"
			return zhang.SaveRound(c)
		}, "C-1"},
		{"取消联动", func() error {
			c := read("C-1")
			c.Links = ""
			return zhang.SaveRound(c)
		}, ""},
		{"删除联动轮次", func() error {
			c := read("C-1")
			c.Links = "X-1"
			if err := zhang.SaveRound(c); err != nil {
				return err
			}
			form := read("X-1")
			if err := zhang.DeleteRound("C-1"); err != nil {
				return err
			}
			form.OnsiteStart, form.OnsiteEnd = "2026-05-06", "2026-06-05"
			if err := li.SaveRound(form); !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 张三 于 ") {
				t.Errorf("a form of X-1 opened before C-1 was deleted: %v", err)
			}
			return nil
		}, ""},
	} {
		t.Run(step.name, func(t *testing.T) {
			form, y := read("X-1"), read("Y-1") // 李四 opens X-1's form
			if err := step.save(); err != nil {
				t.Fatal(err)
			}
			after := read("X-1")
			if after.Links != step.links || after.Version <= form.Version || after.ChangedBy != "张三" {
				t.Fatalf("X-1 after 张三's save of C-1: links %q, version %d (was %d), by %q", after.Links, after.Version, form.Version, after.ChangedBy)
			}
			if got := read("Y-1"); got.Version != y.Version {
				t.Errorf("Y-1, not linked, counted up from %d to %d", y.Version, got.Version)
			}
			form.OnsiteStart, form.OnsiteEnd = "2026-04-01", "2026-04-30"
			err := li.SaveRound(form)
			if !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 张三 于 ") || !strings.Contains(err.Error(), "修改，请刷新后重试") {
				t.Fatalf("李四's save of X-1 as read before: %v", err)
			}
			if got := read("X-1"); got.Links != step.links || got.OnsiteStart != "" || got.Version != after.Version {
				t.Errorf("the refused save wrote: %+v", got)
			}
		})
	}
}

// The 巡审联动 requirement names units and categories that exist.
func TestRoundJoint(t *testing.T) {
	s := cityService(t)
	if err := s.SaveRound(model.Round{Code: "R1", TermCode: "T1", Level: vocab.LevelAudit, JointUnits: "U0001", JointCategories: "国有企业、县直机关"}); err != nil {
		t.Fatal(err)
	}
	var r model.Round
	s.DB.First(&r, "code = ?", "R1")
	if r.JointUnits != "U0001" || r.JointCategories != "县直机关、国有企业" {
		t.Errorf("stored %q %q", r.JointUnits, r.JointCategories)
	}
	for _, bad := range []model.Round{{JointUnits: "U9999"}, {JointCategories: "部委"}} {
		bad.Code, bad.TermCode = "R2", "T1"
		if err := s.SaveRound(bad); err == nil || !strings.Contains(err.Error(), "巡审联动") {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

// The plan grid's unit dialog saves over the unit's plan row only as it
// read it: of two clerks who opened it at once the second is refused with
// who and when, writes nothing, and read anew saves; a unit put in the
// plan by another clerk after the dialog read it as unplanned is refused
// too; a bulk 设为该年度 counts the versions up, so a dialog opened before
// it is refused, and itself refuses a row changed under it.
func TestPlanRefusesAStaleSave(t *testing.T) {
	zhang := cityService(t)
	zhang.User = "张三"
	li := &Service{DB: zhang.DB, User: "李四"}
	if err := zhang.SavePlan("T1", []PlanEdit{{Unit: "U0101", Year: 2026, RoundNo: 1, Note: "先行"}}); err != nil {
		t.Fatal(err)
	}
	dialog := func(t *testing.T, s *Service, unit string) func() error {
		read, err := s.PlanEntry("T1", unit)
		if err != nil {
			t.Fatal(err)
		}
		return func() error {
			return s.SavePlan("T1", []PlanEdit{{Unit: unit, Year: by(s, "张三", 2027, 2028), Note: s.User, Read: &read.Stamp}})
		}
	}
	for _, unit := range []string{"U0101", "U0102"} { // planned; not yet planned
		t.Run(unit, staleCase{name: "巡察规划 " + unit, first: zhang, second: li, again: true,
			read:  func(t *testing.T, s *Service) func() error { return dialog(t, s, unit) },
			state: stateOf[model.PlanItem](zhang, "term_code = ? AND unit_code = ?", "T1", unit)}.run)
	}
	before := dialog(t, li, "U0101")
	was, _ := zhang.PlanEntry("T1", "U0101")
	if err := zhang.SetPlanYear("T1", []string{"U0101", "U0201"}, 2026); err != nil {
		t.Fatal(err)
	}
	now, _ := zhang.PlanEntry("T1", "U0101")
	if now.Version != was.Version+1 || now.ChangedBy != "张三" || now.Note != was.Note {
		t.Errorf("after the bulk edit U0101 is %+v (was %+v)", now, was)
	}
	if err := before(); !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 张三 于 ") {
		t.Errorf("a dialog opened before the bulk edit: %v", err)
	}
	// a bulk edit over a row changed since its read is refused, naming the unit
	stale := []PlanEdit{{Unit: "U0101", Year: 2028, Read: &was.Stamp}, {Unit: "U0201", Year: 2028}}
	if err := li.SavePlan("T1", stale); !IsConflict(err) || !strings.Contains(err.Error(), "单位 U0101 的巡察规划：该记录已被 张三 于 ") {
		t.Errorf("a bulk edit over a newer row: %v", err)
	}
	if got, _ := zhang.PlanEntry("T1", "U0201"); got.Year != 2026 {
		t.Errorf("the refused bulk edit wrote U0201: %+v", got)
	}
	// a unit taken out of the plan since the dialog read it
	read, _ := li.PlanEntry("T1", "U0201")
	if err := zhang.SetPlanYear("T1", []string{"U0201"}, 0); err != nil {
		t.Fatal(err)
	}
	err := li.SavePlan("T1", []PlanEdit{{Unit: "U0201", Year: 2027, Read: &read.Stamp}})
	if !IsConflict(err) || !strings.Contains(err.Error(), "已被其他用户删除") {
		t.Errorf("a dialog of a unit taken out of the plan since: %v", err)
	}
	// taken out and put back in since the dialog read it: its row is new,
	// and its version is not the one the dialog read
	if err := zhang.SetPlanYear("T1", []string{"U0201"}, 2026); err != nil {
		t.Fatal(err)
	}
	back, _ := zhang.PlanEntry("T1", "U0201")
	if back.Version == read.Version {
		t.Errorf("a unit put back in the plan has the version of its old row (%d)", back.Version)
	}
	err = li.SavePlan("T1", []PlanEdit{{Unit: "U0201", Year: 2027, Read: &read.Stamp}})
	if !IsConflict(err) || !strings.Contains(err.Error(), "该记录已被 张三 于 ") {
		t.Errorf("a dialog of a unit taken out of the plan and put back since: %v", err)
	}
	if got, _ := zhang.PlanEntry("T1", "U0201"); got.Year != 2026 {
		t.Errorf("the stale dialog wrote U0201: %+v", got)
	}
}

// The plan: set one by one and in bulk, refused whole when one edit is
// wrong, audited.
func TestSavePlan(t *testing.T) {
	s := cityService(t)
	if err := s.SavePlan("T1", []PlanEdit{{Unit: "U0101", Year: 2026, RoundNo: 1, Note: "先行"}, {Unit: "U0001", Year: 2027}}); err != nil {
		t.Fatal(err)
	}
	for name, edits := range map[string][]PlanEdit{
		"年度超出届期": {{Unit: "U0102", Year: 2026}, {Unit: "U0201", Year: 2030}},
		"单位不存在":  {{Unit: "U9999", Year: 2026}},
		"轮次无效":   {{Unit: "U0102", Year: 2026, RoundNo: 100}},
		"单位重复":   {{Unit: "U0102", Year: 2026}, {Unit: "U0102", Year: 2027}},
	} {
		if err := s.SavePlan("T1", edits); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := s.SavePlan("T9", []PlanEdit{{Unit: "U0101", Year: 2026}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown term: %v", err)
	}
	// bulk: U0101 keeps its note, loses its round (the year changes);
	// U0102 is new; U0001 leaves the plan
	if err := s.SetPlanYear("T1", []string{"U0101", "U0102"}, 2028); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlanYear("T1", []string{"U0001"}, 0); err != nil {
		t.Fatal(err)
	}
	items, _ := s.PlanItems("T1")
	var got []string
	for _, x := range items {
		got = append(got, fmt.Sprint(x.UnitCode, " ", x.Year, " ", x.RoundNo, " ", x.Note))
	}
	if want := []string{"U0101 2028 0 先行", "U0102 2028 0 "}; !slices.Equal(got, want) {
		t.Errorf("plan %v, want %v", got, want)
	}
	if trail := auditTrail(t, s); len(trail) != 3 || trail[0] != "修改 巡察规划 T1" {
		t.Errorf("audit %v", trail)
	}
	// a planned unit is not deleted with its plan
	if err := s.DeleteUnit("U0102"); err == nil || !strings.Contains(err.Error(), "巡察规划") {
		t.Errorf("deleting a planned unit: %v", err)
	}
}

// A unit's 领域 and 重点等级 are read as the workbook reads them.
func TestUnitSectors(t *testing.T) {
	s := cityService(t)
	d, err := s.UnitDetail("U0101")
	if err != nil {
		t.Fatal(err)
	}
	d.Unit.Sectors, d.Unit.Priority = " 财政，教育、财政 ", "a"
	if err := s.SaveUnit(d); err != nil {
		t.Fatal(err)
	}
	d, _ = s.UnitDetail("U0101")
	if d.Unit.Sectors != "财政、教育" || d.Unit.Priority != "A" {
		t.Errorf("stored %q %q", d.Unit.Sectors, d.Unit.Priority)
	}
	d.Unit.Priority = "D"
	var fe *FormErrors
	if err := s.SaveUnit(d); !errors.As(err, &fe) || !strings.Contains(err.Error(), "重点等级") {
		t.Errorf("priority D: %v", err)
	}
	tab, _ := s.UnitsTable()
	rows := tab.Filter(UnitFilter{Sector: "教育", Priority: "A"})
	if len(rows) != 1 || tab.Rows[rows[0]].Code != "U0101" {
		t.Errorf("filter by 领域 and 重点等级: %v", tab.Codes(rows))
	}
}

// The recusal checks of the service take the roles the composition fills
// from 市本级: R4 does not bind them on a 市本级 unit.
func TestCheckSettingsCityRoles(t *testing.T) {
	s := cityService(t)
	set := assign.Defaults()
	set.Rows[0].Origin = vocab.FromCity // 组长
	if err := s.SaveAssignSettings(set); err != nil {
		t.Fatal(err)
	}
	rs, err := s.checkSettings()
	if err != nil || !slices.Equal(rs.CityRoles, []string{vocab.RoleLeader}) {
		t.Fatalf("city roles %v %v", rs.CityRoles, err)
	}
	testworld.Plant(t, s.DB, &model.Person{Code: "P0", Name: "市干部", HomeCountyCode: "C00", Status: vocab.StatusActive, InLeaderPool: true})
	hits, err := s.CheckPerson("P0", "U0001", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.Rule == recusal.R4 && h.Blocks(vocab.RoleLeader) {
			t.Errorf("R4 binds the 市本级 组长: %+v", h)
		}
	}
	var r4 bool
	for _, h := range hits {
		r4 = r4 || h.Rule == recusal.R4 && h.Blocks(vocab.RoleMember)
	}
	if !r4 {
		t.Errorf("R4 still binds the 异地 成员 of a 市直 unit: %+v", hits)
	}
}

// The city demo's 巡审联动 round, assigned through the service: each team
// inspects 市直 units, so its local roles come from the 市本级 and the others
// from the counties, and each has a member of the 市审计局 (the
// requirement); with a 市本级 组长 slot only city cadres lead.
func TestAssignCityDemoRound(t *testing.T) {
	db := testworld.DB(t)
	if err := demo.Write(db, demo.Generate(demo.City), "测试"); err != nil {
		t.Fatal(err)
	}
	s := &Service{DB: db, User: "测试"}
	sn, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	audit := sn.Round("2026-S2").Joint.Units[0]
	check := func(res *assign.Result, leaderCity bool) {
		t.Helper()
		if len(res.Teams) != 2 {
			t.Fatalf("%d teams", len(res.Teams))
		}
		for _, tr := range res.Teams {
			joint := false
			for _, m := range tr.Members {
				p := sn.Person(m.Person)
				local := m.Role == vocab.RoleDeputy || m.Role == vocab.RoleFullTime
				if city := sn.CityLevel(p.HomeCounty); local != city && !(leaderCity && m.Role == vocab.RoleLeader && city) {
					t.Errorf("%s %s %s from %s", tr.Team, m.Role, m.Person, p.HomeCounty)
				}
				joint = joint || p.CurrentUnit == audit
			}
			if !joint && !slices.ContainsFunc(res.Unfilled, func(u assign.Unfilled) bool {
				return u.Team == tr.Team && strings.Contains(u.Reason, "巡审联动")
			}) {
				t.Errorf("%s has no member of the 审计局 and says nothing: %+v", tr.Team, tr.Members)
			}
		}
	}
	res, err := s.Assign("2026-S2", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	check(res, false)
	set := assign.Defaults()
	set.Rows[0].Origin = vocab.FromCity
	if err := s.SaveAssignSettings(set); err != nil {
		t.Fatal(err)
	}
	res, err = s.Assign("2026-S2", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	check(res, true)
	for _, tr := range res.Teams {
		for _, m := range tr.Members {
			if m.Role == vocab.RoleLeader && !sn.CityLevel(sn.Person(m.Person).HomeCounty) {
				t.Errorf("%s 组长 %s is not a city cadre", tr.Team, m.Person)
			}
		}
	}
}
