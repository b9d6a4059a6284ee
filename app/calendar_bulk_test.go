package app

import (
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// bulkCalendar: three counties; 甲县 has four units (U0104 inspected in
// round 2026-1 already), 乙县 two, 丙县 none; round 2026-2 has 第一巡察组
// with U0102.
func bulkCalendar(t *testing.T) *Service {
	t.Helper()
	db := testworld.DB(t,
		&[]model.County{{Code: "C01", Name: "甲县"}, {Code: "C02", Name: "乙县"}, {Code: "C03", Name: "丙县"}},
		&[]model.Unit{
			{Code: "U0101", Name: "甲县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
			{Code: "U0102", Name: "甲县教育局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
			{Code: "U0103", Name: "甲县医院", CountyCode: "C01", Category: vocab.CatInstitution},
			{Code: "U0104", Name: "甲县水利局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
			{Code: "U0201", Name: "乙县交通局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
			{Code: "U0202", Name: "乙县审计局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
		})
	s := &Service{DB: db, User: "经办人甲"}
	must(t, s.SaveTerm(model.Term{Code: "T1", Name: "第一届", StartDate: "2025-01-01", EndDate: "2029-12-31"}, nil))
	must(t, s.SaveRound(model.Round{Code: "2026-1", TermCode: "T1", Name: "第一轮", Type: "常规", Mode: vocab.ModeMixed,
		PrepStart: "2026-02-16", OnsiteStart: "2026-03-02", OnsiteEnd: "2026-04-10", FeedbackDate: "2026-05-20"}))
	first, _, err := s.AddTeam("2026-1", "第一巡察组", []string{"U0104"})
	must(t, err)
	must(t, s.SetTeamOnsite(first.ID, civil.MustParse("2026-03-09"), civil.MustParse("2026-04-10")))
	must(t, s.SaveRound(model.Round{Code: "2026-2", TermCode: "T1", Name: "第二轮", OnsiteStart: "2026-09-01", OnsiteEnd: "2026-10-10"}))
	_, _, err = s.AddTeam("2026-2", "第一巡察组", []string{"U0102"})
	must(t, err)
	return s
}

func teamsOf(t *testing.T, s *Service, round string) string {
	t.Helper()
	cal, err := s.Calendar()
	must(t, err)
	var out []string
	for _, tm := range cal.Snapshot().Round(round).Teams {
		var us []string
		for _, u := range tm.Units {
			us = append(us, u.Unit)
		}
		out = append(out, tm.Name+":"+strings.Join(us, ","))
	}
	return strings.Join(out, " ")
}

func TestAddCountyTeams(t *testing.T) {
	s := bulkCalendar(t)
	made, skipped, err := s.AddCountyTeams("2026-2", []string{"C02", "C01", "C03"}, 2, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 2 || strings.Join(skipped, " ") != "C03" {
		t.Fatalf("made %v, skipped %v", made, skipped)
	}
	// 乙县 first (the order given), then 甲县 with its free units not
	// inspected this term: U0102 is on 第一巡察组, U0104 was inspected in 2026-1.
	if got := teamsOf(t, s, "2026-2"); got != "第一巡察组:U0102 第二巡察组:U0201,U0202 第三巡察组:U0101,U0103" {
		t.Errorf("teams %s", got)
	}
	// Without onlyFree, U0104 may be taken again; 甲县 now has only U0104 left.
	made, _, err = s.AddCountyTeams("2026-2", []string{"C01"}, 5, false)
	if err != nil || len(made) != 1 || made[0].Name != "第四巡察组" {
		t.Fatalf("again: %v %v", made, err)
	}
	if got := teamsOf(t, s, "2026-2"); !strings.HasSuffix(got, "第四巡察组:U0104") {
		t.Errorf("teams %s", got)
	}
	if _, _, err := s.AddCountyTeams("2026-2", []string{"C01", "C02"}, 2, false); err == nil {
		t.Error("counties with no free unit made teams")
	}
	if _, _, err := s.AddCountyTeams("2026-2", []string{"C01"}, 0, false); err == nil {
		t.Error("0 units per team taken")
	}
	trail := auditTrail(t, s)
	if last := trail[len(trail)-1]; last != "新增 巡察组 2026-2/1 组" {
		t.Errorf("audit %q", last)
	}
}

func TestCopyRound(t *testing.T) {
	s := bulkCalendar(t)
	// A 回头看 of 2026-1 a year on: the same team, its unit, every date moved 365 days.
	must(t, s.CopyRound("2026-1", model.Round{Code: "2027-H", TermCode: "T1", Name: "2027年回头看", Type: "专项"}, civil.MustParse("2027-03-02"), true))
	var r model.Round
	must(t, s.DB.Where("code = ?", "2027-H").First(&r).Error)
	if r.PrepStart != "2027-02-16" || r.OnsiteEnd != "2027-04-10" || r.FeedbackDate != "2027-05-20" || r.Type != "专项" ||
		r.Mode != vocab.ModeMixed || r.Number != 3 || r.ReportEnd != "" {
		t.Errorf("round %+v", r)
	}
	if got := teamsOf(t, s, "2027-H"); got != "第一巡察组:U0104" {
		t.Errorf("teams %s", got)
	}
	var tm model.Team
	must(t, s.DB.Where("round_code = ?", "2027-H").First(&tm).Error)
	if tm.OnsiteStart != "2027-03-09" || tm.OnsiteEnd != "2027-04-10" {
		t.Errorf("team dates %s %s", tm.OnsiteStart, tm.OnsiteEnd)
	}
	// Without units; the source's 组织方式 and 巡审联动 requirement, not its
	// links; a code taken and a date outside the term are refused.
	var src model.Round
	must(t, s.DB.Where("code = ?", "2026-2").First(&src).Error)
	src.Level, src.JointUnits, src.Links = vocab.LevelLinked, "U0202", "2026-1"
	must(t, s.SaveRound(src))
	must(t, s.CopyRound("2026-2", model.Round{Code: "2027-2", TermCode: "T1", Name: "2027年第二轮"}, civil.MustParse("2027-09-01"), false))
	if got := teamsOf(t, s, "2027-2"); got != "第一巡察组:" {
		t.Errorf("teams without units %s", got)
	}
	var cp model.Round
	must(t, s.DB.Where("code = ?", "2027-2").First(&cp).Error)
	if cp.Level != vocab.LevelLinked || cp.JointUnits != "U0202" || cp.Links != "" {
		t.Errorf("copy of 2026-2: 组织方式 %q, 巡审联动 %q, links %q", cp.Level, cp.JointUnits, cp.Links)
	}
	// Links given to the copy hold both ways; a link to no round is refused.
	must(t, s.CopyRound("2026-2", model.Round{Code: "2027-3", TermCode: "T1", Links: "2026-1"}, civil.MustParse("2027-10-20"), false))
	var first model.Round
	must(t, s.DB.Where("code = ?", "2026-1").First(&first).Error)
	if !strings.Contains(first.Links, "2027-3") {
		t.Errorf("2026-1 links %q after a copy linked with it", first.Links)
	}
	if err := s.CopyRound("2026-2", model.Round{Code: "2027-4", TermCode: "T1", Links: "2099-9"}, civil.MustParse("2027-11-20"), false); err == nil ||
		!strings.Contains(err.Error(), "联动轮次 2099-9 不存在") {
		t.Errorf("a link to no round: %v", err)
	}
	if err := s.CopyRound("2026-2", model.Round{Code: "2027-2", TermCode: "T1"}, civil.MustParse("2027-09-01"), false); err == nil {
		t.Error("a code taken was copied to")
	}
	if err := s.CopyRound("2026-2", model.Round{Code: "2031-1", TermCode: "T1"}, civil.MustParse("2031-01-01"), false); err == nil ||
		!strings.Contains(err.Error(), "晚于届期结束") {
		t.Errorf("outside the term: %v", err)
	}
}
