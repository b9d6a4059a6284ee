package calendar

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// kindWorld is world() with R2 of kind kind inspecting U0101 again (R1
// inspected it) besides U0103.
func kindWorld(kind string) *snap.Snapshot {
	s := world()
	s.Rounds[1].Type = kind
	s.Rounds[1].Teams[0].Units = units("U0103", "U0101")
	s.Index()
	return s
}

func kindsOf(cs []Conflict, kind string) []Conflict {
	var out []Conflict
	for _, c := range cs {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// SPEC §8.1: a unit inspected twice in one term is flagged only when both
// rounds count toward coverage and are of the kinds whose repeats are
// flagged (default 常规): two 常规 are; a 回头看, a 专项 or a 机动 after a
// 常规 is not. A round without a kind reads 常规.
func TestRepeatByKind(t *testing.T) {
	for _, c := range []struct {
		kind    string
		repeats []string // settings; nil: defaults
		flagged bool
	}{
		{vocab.KindRegular, nil, true},
		{"", nil, true},
		{vocab.KindReview, nil, false},
		{vocab.KindSpecial, nil, false},
		{vocab.KindMobile, nil, false},
		{vocab.KindSpecial, []string{vocab.KindRegular, vocab.KindSpecial}, true},
		{vocab.KindReview, []string{vocab.KindRegular, vocab.KindReview}, false}, // 回头看 does not count toward coverage
	} {
		set := Defaults()
		if c.repeats != nil {
			set.RepeatKinds = c.repeats
		}
		cs, err := New(kindWorld(c.kind), set).Conflicts("T1")
		if err != nil {
			t.Fatal(err)
		}
		got := kindsOf(cs, KindUnitTwice)
		if (len(got) > 0) != c.flagged {
			t.Errorf("常规 then %q (repeat kinds %v): flagged %v, want %v", c.kind, c.repeats, got, c.flagged)
		}
		if c.flagged && (len(got) != 1 || got[0].Unit != "U0101" || got[0].OtherRound != "R1") {
			t.Errorf("常规 then %q: %+v", c.kind, got)
		}
	}
}

// Only the rounds whose kind counts toward coverage cover or plan a unit,
// and the pace is measured on them.
func TestCoverageByKind(t *testing.T) {
	today := d("2026-10-15") // both rounds' on-site stages ended
	for _, c := range []struct {
		kind  string
		kinds []string
		want  Counts
	}{
		{vocab.KindRegular, nil, Counts{7, 4, 0, 3}},
		{vocab.KindReview, nil, Counts{7, 3, 0, 4}}, // U0103 only in the 回头看
		{vocab.KindMobile, nil, Counts{7, 4, 0, 3}},
		{vocab.KindMobile, []string{vocab.KindRegular, vocab.KindSpecial}, Counts{7, 3, 0, 4}},
	} {
		set := Defaults()
		if c.kinds != nil {
			set.CoverageKinds = c.kinds
		}
		cv, err := New(kindWorld(c.kind), set).Coverage("T1", today)
		if err != nil {
			t.Fatal(err)
		}
		if cv.Counts != c.want {
			t.Errorf("R2 %s, counting %v: %+v, want %+v", c.kind, c.kinds, cv.Counts, c.want)
		}
		if c.want.Covered == 3 && cv.Pace.CompletedRounds != 1 {
			t.Errorf("R2 %s not counting: the pace counts %d completed rounds", c.kind, cv.Pace.CompletedRounds)
		}
	}
}

func TestKindSettings(t *testing.T) {
	set := Defaults()
	if err := set.Validate(); err != nil {
		t.Fatal(err)
	}
	if !set.Covers("") || set.Covers(vocab.KindReview) || !set.Repeats(vocab.KindRegular) || set.Repeats(vocab.KindSpecial) {
		t.Errorf("defaults: %+v", set)
	}
	for name, edit := range map[string]func(*Settings){
		"不计入覆盖的类型为空": func(s *Settings) { s.CoverageKinds = []string{} },
		"未知巡察类型":     func(s *Settings) { s.RepeatKinds = []string{"交叉"} },
		"领域含分隔符":     func(s *Settings) { s.Sectors = []string{"教育、卫生"} },
		"领域重复":       func(s *Settings) { s.Sectors = []string{"教育", "教育"} },
	} {
		s := Defaults()
		edit(&s)
		if s.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// never set: the defaults (a calendar built from stored settings of before)
	n := Settings{OnsiteDays: 30}.Normalized()
	if !slices.Equal(n.CoverageKinds, Defaults().CoverageKinds) || !slices.Equal(n.RepeatKinds, Defaults().RepeatKinds) {
		t.Errorf("normalized %+v", n)
	}
}

// linkWorld links R2 with a city round RC of another term: on site
// start..end.
func linkWorld(start, end string) *snap.Snapshot {
	s := world()
	s.Terms = append(s.Terms, snap.Term{Code: "TC", Name: "市届期", Start: d("2026-01-01"), End: d("2026-12-31")})
	s.Rounds = append(s.Rounds, snap.Round{Code: "RC", Term: "TC", Number: 1, Name: "市第一轮", Type: vocab.KindRegular,
		Level: vocab.LevelLinked, OnsiteStart: d(start), OnsiteEnd: d(end), Links: []string{"R2"}})
	s.Index()
	return s
}

// Linked rounds (上下联动) stand side by side and are warned about when
// their on-site periods do not overlap; a link named on one side holds
// both ways.
func TestLinkedRounds(t *testing.T) {
	for _, c := range []struct {
		name       string
		start, end string
		apart      bool
	}{
		{"同步进驻", "2026-09-10", "2026-10-10", false},
		{"首尾相接的一天也算重叠", "2026-09-30", "2026-10-20", false},
		{"进驻不重叠", "2026-10-01", "2026-10-30", true},
		{"早于县区轮次", "2026-07-01", "2026-08-31", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			cal := cal(linkWorld(c.start, c.end))
			gs := cal.Linked("T1")
			if len(gs) != 1 || !slices.Equal(gs[0].Codes(), []string{"R2", "RC"}) {
				t.Fatalf("groups %+v", gs)
			}
			cs, _ := cal.Conflicts("T1")
			got := kindsOf(cs, KindLinkApart)
			if (len(got) == 1) != c.apart || len(got) > 1 {
				t.Fatalf("apart %v, want %v: %+v", got, c.apart, cs)
			}
			if c.apart && (got[0].Round != "R2" || got[0].OtherRound != "RC" || !strings.Contains(got[0].Message, "进驻时间不重叠")) {
				t.Errorf("conflict %+v", got[0])
			}
			tl, _ := cal.Timeline("T1", d("2026-06-01"))
			var rows []string
			for _, r := range tl.Rounds {
				rows = append(rows, r.Code)
				if r.Foreign != (r.Code == "RC") || (r.Group >= 0) != (r.Code != "R1") {
					t.Errorf("timeline row %+v", r)
				}
			}
			if !slices.Equal(rows, []string{"R1", "R2", "RC"}) {
				t.Errorf("timeline rows %v", rows)
			}
			// the month view marks both rounds' bars as linked
			mv := cal.Month(2026, 10)
			marked := map[string]bool{}
			for _, b := range mv.Bars {
				switch {
				case b.Round == "R2" && slices.Equal(b.Links, []string{"RC"}), b.Round == "RC" && slices.Equal(b.Links, []string{"R2"}):
					marked[b.Round] = true
				case b.Round != "R2" && b.Round != "RC" && len(b.Links) > 0:
					t.Errorf("an unlinked round's bar is marked: %+v", b)
				}
			}
			if c.start <= "2026-10-30" && c.end >= "2026-10-01" && !marked["RC"] || !marked["R2"] {
				t.Errorf("October's bars marked linked: %v", marked)
			}
			// the city term's own view shows the group from its side
			if gs := cal.Linked("TC"); len(gs) != 1 || len(gs[0].Apart) != len(got) {
				t.Errorf("from the city term: %+v", gs)
			}
		})
	}
}

// A chain of links is one group; a link to a code that names no round is
// ignored.
func TestLinkChain(t *testing.T) {
	s := linkWorld("2026-09-10", "2026-10-10")
	s.Rounds[0].Links = []string{"RC", "不存在"}
	s.Index()
	gs := cal(s).Linked("T1")
	if len(gs) != 1 || !slices.Equal(gs[0].Codes(), []string{"R1", "R2", "RC"}) {
		t.Fatalf("groups %+v", gs)
	}
	if len(gs[0].Apart) != 1 || gs[0].Apart[0].Round != "R1" { // R1 (March) is apart from both; R1–R2 is apart as well
		t.Logf("apart %+v", gs[0].Apart)
	}
	var pairs []string
	for _, a := range gs[0].Apart {
		pairs = append(pairs, a.Round+"-"+a.OtherRound)
	}
	if !slices.Equal(pairs, []string{"R1-R2", "R1-RC"}) {
		t.Errorf("apart pairs %v", pairs)
	}
}

// sectorWorld gives the units 领域: 教育 in both counties, 卫生健康 in 甲县.
func sectorWorld() *snap.Snapshot {
	s := world()
	set := func(code string, sectors ...string) {
		for i := range s.Units {
			if s.Units[i].Code == code {
				s.Units[i].Sectors = sectors
			}
		}
	}
	set("U0101", "财政", "教育")
	set("U0102", "卫生健康")
	set("U0103", "教育")
	set("U0201", "教育")
	set("U0202", "交通")
	s.Index()
	return s
}

// Coverage per 领域 across jurisdictions (板块轮动), in the settings'
// order, a unit of two 领域 in each, units without one last.
func TestSectorCoverage(t *testing.T) {
	set := Defaults()
	set.Sectors = []string{"教育", "卫生健康"}
	c := New(sectorWorld(), set)
	cv, err := c.Coverage("T1", d("2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	want := []SectorCounts{
		{"教育", Counts{3, 2, 1, 0}, 2, 2},
		{"卫生健康", Counts{1, 1, 0, 0}, 1, 1},
		{"交通", Counts{1, 0, 0, 1}, 1, 0},
		{"财政", Counts{1, 1, 0, 0}, 1, 1},
		{Unsectored, Counts{2, 0, 0, 2}, 2, 0},
	}
	if !reflect.DeepEqual(cv.BySector, want) {
		t.Fatalf("by sector\n%+v\nwant\n%+v", cv.BySector, want)
	}
	views, _ := c.Sectors("T1", d("2026-06-01"))
	edu := views[0]
	if len(edu.Rounds) != 2 || edu.Rounds[0].Round != "R1" || edu.Rounds[0].Units != 2 ||
		!slices.Equal(edu.Rounds[0].Counties, []string{"C01", "C02"}) || edu.Rounds[1].Units != 1 {
		t.Errorf("教育 rounds %+v", edu.Rounds)
	}
}

// planWorld plans the term of world(): T1 runs through 2026 only, so the
// test term is widened to 2025–2027.
func planWorld(plans ...snap.Plan) *snap.Snapshot {
	s := world()
	s.Terms[0].Start, s.Terms[0].End = d("2025-01-01"), d("2027-12-31")
	s.Units[5].Priority = "A" // U0202, open
	s.Units[6].Priority = "A" // U0203, open, planned below
	s.Plans = plans
	s.Index()
	return s
}

func TestPlanWarnings(t *testing.T) {
	s := planWorld(
		snap.Plan{Term: "T1", Unit: "U0101", Year: 2026},             // covered (R1) as planned
		snap.Plan{Term: "T1", Unit: "U0104", Year: 2025},             // passed, open
		snap.Plan{Term: "T1", Unit: "U0103", Year: 2025, RoundNo: 2}, // passed, on R2's team
		snap.Plan{Term: "T1", Unit: "U0203", Year: 2027},
		snap.Plan{Term: "T1", Unit: "U0102", Year: 2030}, // outside the term
	)
	p, err := cal(s).Plan("T1", d("2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.Kind+" "+w.Unit)
	}
	want := []string{PlanPassed + " U0103", PlanPassed + " U0104", PlanUnplannedA + " U0202", PlanOutside + " U0102"}
	if !slices.Equal(got, want) {
		t.Fatalf("warnings %v, want %v", got, want)
	}
	if !strings.Contains(p.Warnings[0].Message, "已编入R2第一组") {
		t.Errorf("a passed unit on a team says so: %s", p.Warnings[0].Message)
	}
	if p.Unplanned != 2 || !slices.Equal(p.Years, []int{2025, 2026, 2027}) {
		t.Errorf("unplanned %d years %v", p.Unplanned, p.Years)
	}
	y := p.ByYear
	if y[0] != (PlanYear{Year: 2025, Planned: 2, Open: 2, Passed: 2, Capacity: -1}) {
		t.Errorf("2025 %+v", y[0])
	}
	if y[1].Planned != 1 || y[1].Done != 1 || y[1].Actual != 4 || y[1].Open != 0 {
		t.Errorf("2026 %+v", y[1])
	}
	if u := p.Units[0]; u.Unit != "U0101" || u.Year != 2026 || u.ActualYear != 2026 || u.State != StateCovered {
		t.Errorf("first unit %+v", u)
	}
}

// The years planned beyond what the rounds can carry: at the current pace
// (3 units per completed round; on-site starts 183 days apart), 2027
// carries two rounds, 6 units; planning seven open units for it is warned
// about, six are not. 2026 carries R2 alone.
func TestPlanCapacity(t *testing.T) {
	for _, c := range []struct {
		n    int
		warn bool
	}{{6, false}, {7, true}} {
		s := planWorld()
		s.Units[5].Priority, s.Units[6].Priority = "", ""
		for i := 0; i < 8; i++ {
			code := fmt.Sprintf("U03%02d", i)
			s.Units = append(s.Units, snap.Unit{Code: code, Name: code, County: "C02", Category: "村社区"})
			if i < c.n {
				s.Plans = append(s.Plans, snap.Plan{Term: "T1", Unit: code, Year: 2027})
			}
		}
		s.Plans = append(s.Plans, snap.Plan{Term: "T1", Unit: "U0101", Year: 2027}) // covered already: not counted
		s.Index()
		p, _ := cal(s).Plan("T1", d("2026-06-01"))
		by := map[int]PlanYear{}
		for _, y := range p.ByYear {
			by[y.Year] = y
		}
		if p.PerRound != 3 || by[2027].Rounds != 2 || by[2027].Capacity != 6 || by[2026].Rounds != 1 || by[2026].Capacity != 3 ||
			by[2027].Open != c.n || by[2027].Done != 1 {
			t.Fatalf("pace %.1f, 2026 %+v, 2027 %+v", p.PerRound, by[2026], by[2027])
		}
		warned := slices.ContainsFunc(p.Warnings, func(w PlanWarning) bool { return w.Kind == PlanOverYear && w.Year == 2027 })
		if warned != c.warn {
			t.Errorf("%d planned for 2027: warned %v, want %v; %+v", c.n, warned, c.warn, p.Warnings)
		}
	}
}

// A county's plan against the city's, unit by unit.
func TestComparePlans(t *testing.T) {
	s := planWorld(
		snap.Plan{Term: "T1", Unit: "U0101", Year: 2026, RoundNo: 1},
		snap.Plan{Term: "T1", Unit: "U0102", Year: 2026, RoundNo: 1},
		snap.Plan{Term: "T1", Unit: "U0103", Year: 2027},
		snap.Plan{Term: "T1", Unit: "U0201", Year: 2026},
		snap.Plan{Term: "TC", Unit: "U0101", Year: 2026, RoundNo: 1},
		snap.Plan{Term: "TC", Unit: "U0102", Year: 2026, RoundNo: 2},
		snap.Plan{Term: "TC", Unit: "U0103", Year: 2026},
		snap.Plan{Term: "TC", Unit: "U0104", Year: 2025},
	)
	s.Terms = append(s.Terms, snap.Term{Code: "TC", Start: d("2025-01-01"), End: d("2029-12-31")})
	s.Index()
	ds, err := cal(s).ComparePlans("T1", "TC", "C01")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range ds {
		got = append(got, x.Unit+" "+x.State)
	}
	want := []string{"U0101 " + DiffSame, "U0102 " + DiffRound, "U0103 " + DiffYear, "U0104 " + DiffOnlyB}
	if !slices.Equal(got, want) {
		t.Fatalf("diffs %v, want %v", got, want)
	}
	if _, err := cal(s).ComparePlans("T1", "无", ""); err == nil {
		t.Error("an unknown term must be refused")
	}
}
