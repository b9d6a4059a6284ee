package calendar

import (
	"strings"
	"testing"

	"xuncha/app/snap"
)

func TestConflictsCleanPlan(t *testing.T) {
	cs, err := cal(world()).Conflicts("T1")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 0 {
		t.Errorf("clean plan has conflicts: %+v", cs)
	}
}

func TestConflictsPlanted(t *testing.T) {
	for _, c := range []struct {
		name  string
		plant func(s *snap.Snapshot)
		want  Conflict // Message is matched as a substring
	}{
		{"同一人编入两个进驻时间重叠的组", func(s *snap.Snapshot) {
			s.Rounds = append(s.Rounds, snap.Round{Code: "R1b", Term: "T1", Number: 1, Name: "专项巡察",
				OnsiteStart: d("2026-03-20"), OnsiteEnd: d("2026-04-10"),
				Teams: []snap.Team{{Name: "专项组", County: "C02", Units: units("U0202"), Members: members("P4", "P2")}}})
		}, Conflict{Kind: KindPersonOverlap, Round: "R1", Team: "第一组", Person: "P2", OtherRound: "R1b", OtherTeam: "专项组",
			Message: "李二（P2）同时编入第一轮第一组（进驻2026-03-02至2026-03-31）和专项巡察专项组（进驻2026-03-20至2026-04-10），进驻时间重叠"}},
		{"组自有进驻日期首尾相接即重叠", func(s *snap.Snapshot) {
			s.Rounds[1].Teams[0].OnsiteStart = d("2026-03-31")
			s.Rounds[1].Teams[0].Units = units("U0104")
		}, Conflict{Kind: KindPersonOverlap, Round: "R1", Team: "第一组", Person: "P1", OtherRound: "R2", OtherTeam: "第一组", Message: "进驻时间重叠"}},
		{"一轮内同一单位编入两个组", func(s *snap.Snapshot) {
			s.Rounds[0].Teams = append(s.Rounds[0].Teams, snap.Team{Name: "第三组", Seq: 3, County: "C01", Units: units("U0102")})
		}, Conflict{Kind: KindUnitTwoTeams, Round: "R1", Team: "第三组", Unit: "U0102", OtherTeam: "第一组",
			Message: "第一轮：甲县人民医院（U0102）同时编入第一组和第三组"}},
		{"同一届期内单位被巡察两次", func(s *snap.Snapshot) {
			s.Rounds[1].Teams[0].Units = units("U0103", "U0102")
		}, Conflict{Kind: KindUnitTwice, Round: "R2", Team: "第一组", Unit: "U0102", OtherRound: "R1", OtherTeam: "第一组",
			Message: "甲县人民医院（U0102）本届期内已由第一轮第一组巡察，第二轮第一组再次巡察"}},
		{"报告结束早于进驻结束", func(s *snap.Snapshot) {
			s.Rounds[0].ReportEnd = d("2026-03-30")
		}, Conflict{Kind: KindStageOrder, Round: "R1", Message: "第一轮：报告结束（2026-03-30）早于进驻结束（2026-03-31）"}},
		{"组进驻结束早于开始", func(s *snap.Snapshot) {
			s.Rounds[1].Teams[0].OnsiteStart = d("2026-09-10")
			s.Rounds[1].Teams[0].OnsiteEnd = d("2026-09-05")
		}, Conflict{Kind: KindStageOrder, Round: "R2", Team: "第一组", Message: "第二轮第一组：进驻结束（2026-09-05）早于进驻开始（2026-09-10）"}},
		{"轮次跨越届期末", func(s *snap.Snapshot) {
			s.Rounds[1].OnsiteStart, s.Rounds[1].OnsiteEnd = d("2026-12-15"), d("2027-01-13")
		}, Conflict{Kind: KindBeyondTerm, Round: "R2", Message: "第二轮进驻结束（2027-01-13）晚于届期结束（2026-12-31），跨越届期末"}},
		{"一个组的进驻晚于届期末", func(s *snap.Snapshot) {
			s.Rounds[1].Teams[0].OnsiteStart, s.Rounds[1].Teams[0].OnsiteEnd = d("2026-12-20"), d("2027-01-18")
			s.Rounds[1].Teams[0].Members = members("P4")
		}, Conflict{Kind: KindBeyondTerm, Round: "R2", Team: "第一组", Message: "第二轮第一组进驻结束（2027-01-18）晚于届期结束"}},
		{"轮次早于届期开始", func(s *snap.Snapshot) {
			s.Rounds[0].PrepStart, s.Rounds[0].OnsiteStart = 0, d("2025-12-20")
		}, Conflict{Kind: KindBeyondTerm, Round: "R1", Message: "第一轮进驻开始（2025-12-20）早于届期开始（2026-01-01）"}},
		{"一个组的单位分属两县", func(s *snap.Snapshot) {
			s.Rounds[0].Teams[1].Units = units("U0201", "U0104")
		}, Conflict{Kind: KindMixedCounties, Round: "R1", Team: "第二组", Unit: "U0104",
			Message: "第一轮第二组的被巡察单位分属乙县、甲县，一个巡察组的单位应在同一县区"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := world()
			c.plant(s)
			s.Index()
			cs, err := cal(s).Conflicts("T1")
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 1 {
				t.Fatalf("want one conflict, got %d: %+v", len(cs), cs)
			}
			got, want := cs[0], c.want
			if !strings.Contains(got.Message, want.Message) {
				t.Errorf("message %q does not contain %q", got.Message, want.Message)
			}
			got.Message, want.Message = "", ""
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestConflictsOrderByKind(t *testing.T) {
	s := world()
	s.Rounds[1].Teams[0].Units = units("U0103", "U0102", "U0201") // twice in term + two counties
	s.Rounds[0].ReportEnd = d("2026-03-30")                       // stage order
	s.Index()
	cs, _ := cal(s).Conflicts("T1")
	var kinds []string
	for _, c := range cs {
		kinds = append(kinds, c.Kind)
	}
	want := []string{KindStageOrder, KindMixedCounties, KindUnitTwice, KindUnitTwice}
	if strings.Join(kinds, ",") != strings.Join(want, ",") {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}
