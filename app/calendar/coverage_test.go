package calendar

import (
	"reflect"
	"strings"
	"testing"

	"xuncha/app/snap"
)

func TestCoverageArithmetic(t *testing.T) {
	c := cal(world())
	cv, err := c.Coverage("T1", d("2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Total: 7, Covered: 3, Planned: 1, Open: 3}); cv.Counts != want {
		t.Errorf("total %+v, want %+v", cv.Counts, want)
	}
	wantCat := []CategoryCounts{
		{"县直机关", Counts{2, 2, 0, 0}},
		{"事业单位", Counts{1, 1, 0, 0}},
		{"国有企业", Counts{1, 0, 0, 1}},
		{"乡镇街道", Counts{2, 0, 1, 1}},
		{"村社区", Counts{1, 0, 0, 1}},
	}
	if !reflect.DeepEqual(cv.ByCategory, wantCat) {
		t.Errorf("by category %+v", cv.ByCategory)
	}
	if len(cv.ByCounty) != 2 || cv.ByCounty[0].Counts != (Counts{4, 2, 1, 1}) || cv.ByCounty[1].Counts != (Counts{3, 1, 0, 2}) {
		t.Errorf("by county %+v", cv.ByCounty)
	}
	if got := cv.Cell("C02", "县直机关"); got != (Counts{1, 1, 0, 0}) {
		t.Errorf("cell C02×县直机关 %+v", got)
	}
	var open []string
	for _, u := range cv.OpenUnits() {
		open = append(open, u.Unit)
	}
	if strings.Join(open, ",") != "U0104,U0202,U0203" {
		t.Errorf("open units %v", open)
	}
	if u := cv.Units[0]; u.Unit != "U0101" || u.State != StateCovered || u.Round != "R1" || u.Team != "第一组" {
		t.Errorf("first unit %+v", u)
	}
}

func TestCoverageBoundaryAndScope(t *testing.T) {
	for _, c := range []struct {
		name  string
		today string
		scope []snap.TermScope
		want  Counts
	}{
		{"进驻结束当天尚未覆盖", "2026-03-31", nil, Counts{7, 0, 4, 3}},
		{"进驻结束次日即为覆盖", "2026-04-01", nil, Counts{7, 3, 1, 3}},
		{"第二轮结束后", "2026-10-01", nil, Counts{7, 4, 0, 3}},
		{"届期只含甲县", "2026-06-01", []snap.TermScope{{County: "C01"}}, Counts{4, 2, 1, 1}},
		{"届期只含县直机关", "2026-06-01", []snap.TermScope{{Category: "县直机关"}}, Counts{2, 2, 0, 0}},
		{"乙县乡镇加甲县村社区", "2026-06-01", []snap.TermScope{{County: "C02", Category: "乡镇街道"}, {County: "C01", Category: "村社区"}}, Counts{2, 0, 0, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := world()
			s.Terms[0].Scope = c.scope
			cv, err := cal(s).Coverage("T1", d(c.today))
			if err != nil {
				t.Fatal(err)
			}
			if cv.Counts != c.want {
				t.Errorf("%+v, want %+v", cv.Counts, c.want)
			}
		})
	}
	if _, err := cal(world()).Coverage("T9", d("2026-01-01")); err == nil || !strings.Contains(err.Error(), "T9") {
		t.Errorf("unknown term: %v", err)
	}
}

func TestCoverageUnitInTwoRoundsCountsOnce(t *testing.T) {
	s := world()
	s.Rounds[1].Teams[0].Units = units("U0103", "U0101")
	cv, _ := cal(s).Coverage("T1", d("2026-10-01"))
	if cv.Counts != (Counts{7, 4, 0, 3}) {
		t.Errorf("%+v", cv.Counts)
	}
	if u := cv.Units[0]; u.Round != "R1" {
		t.Errorf("U0101 credited to %s, want the first round", u.Round)
	}
}

func TestPaceWarning(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(s *snap.Snapshot)
		today string
		warn  bool
		left  int
		has   string
	}{
		{"届期内已无时间再安排", nil, "2026-06-01", true, 0, "无法在届期内实现全覆盖"},
		{"届期还有一年，两轮可覆盖", func(s *snap.Snapshot) { s.Terms[0].End = d("2027-12-31") }, "2026-06-01", false, 2, "可在届期内实现全覆盖"},
		{"届期已过仍有未安排", nil, "2027-01-05", true, 0, "届期已于2026-12-31结束"},
		{"已建未编组的轮次也算剩余轮次", func(s *snap.Snapshot) {
			s.Rounds = append(s.Rounds, snap.Round{Code: "R3", Term: "T1", Number: 3, OnsiteStart: d("2026-11-02")})
		}, "2026-06-01", false, 1, "还可安排1轮"},
		{"全部已安排不预警", func(s *snap.Snapshot) {
			s.Rounds[1].Teams[0].Units = units("U0103", "U0104")
			s.Rounds[1].Teams = append(s.Rounds[1].Teams, snap.Team{Name: "第二组", County: "C02", Units: units("U0202", "U0203")})
		}, "2026-06-01", false, 0, "全部单位均已覆盖或已列入计划"},
		{"尚无完成进驻的轮次按已编组估算", func(s *snap.Snapshot) { s.Terms[0].End = d("2027-12-31") }, "2026-02-01", false, 2, "按已编组的2轮"},
		{"尚无任何编组且已无时间", func(s *snap.Snapshot) {
			s.Rounds = nil
			s.Terms[0].End = d("2026-02-20")
		}, "2026-02-01", true, 0, "已无时间再安排一轮进驻"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := world()
			if c.edit != nil {
				c.edit(s)
			}
			s.Index()
			cv, err := cal(s).Coverage("T1", d(c.today))
			if err != nil {
				t.Fatal(err)
			}
			p := cv.Pace
			if p.Warn != c.warn || p.RoundsLeft != c.left || !strings.Contains(p.Message, c.has) {
				t.Errorf("warn %v left %d message %q; want %v %d containing %q", p.Warn, p.RoundsLeft, p.Message, c.warn, c.left, c.has)
			}
		})
	}
}
