package poolstats

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

var day = civil.MustParse("2026-06-15")

func d(s string) civil.Date {
	if s == "" {
		return 0
	}
	return civil.MustParse(s)
}

// planted is a world of two counties and eight people, every figure
// counted by hand in the comments of TestCompute.
func planted() *snap.Snapshot {
	s := &snap.Snapshot{
		Counties: []snap.County{{Code: "C01", Name: "安平县"}, {Code: "C02", Name: "平山县"}},
		Units: []snap.Unit{{Code: "U01", Name: "县财政局", County: "C01"}, {Code: "U02", Name: "县审计局", County: "C01"},
			{Code: "U10", Name: "平山镇", County: "C02"}},
		Terms: []snap.Term{{Code: "T0", Start: d("2019-01-01"), End: d("2023-12-31")}, {Code: "T1", Start: d("2024-01-01"), End: d("2028-12-31")}},
		People: []snap.Person{
			// 35 on the day itself: 35–44
			{Code: "P1", HomeCounty: "C01", Pools: snap.LeaderPool, Status: "在库", Birth: d("1991-06-15"), Rank: "一级主任科员", Skills: []string{"财务"}, RecommendUnit: "U01"},
			// 35 tomorrow: under 35
			{Code: "P2", HomeCounty: "C01", Pools: snap.StaffPool | snap.ExpertPool, Status: "在库", Birth: d("1991-06-16"), Rank: "一级主任科员", Skills: []string{"财务", "审计"}, RecommendUnit: "U01"},
			// 45 on the day: 45–54; 暂停 still counts
			{Code: "P3", HomeCounty: "C01", Pools: snap.StaffPool, Status: "暂停", Birth: d("1981-06-15"), FullTime: true, RecommendUnit: "U02"},
			// 54, turns 55 tomorrow: 45–54; age from the ID number (born 1971-06-16)
			{Code: "P4", HomeCounty: "C02", Pools: snap.StaffPool, Status: "在库", IDNumber: "130101197106160011", Rank: "四级调研员"},
			// 55 on the day: 55 and over
			{Code: "P5", HomeCounty: "C02", Pools: snap.LeaderPool, Status: "在库", Birth: d("1971-06-15"), Rank: "四级调研员", Skills: []string{"法律"}, RecommendUnit: "U10"},
			// no birth date at all
			{Code: "P6", HomeCounty: "C02", Pools: snap.ExpertPool, Status: "在库", RecommendUnit: "U10"},
			// left the pool: counted apart
			{Code: "P7", HomeCounty: "C01", Pools: snap.StaffPool, Status: "出库", Birth: d("1960-01-01"), RecommendUnit: "U01"},
			// in no pool: not counted at all
			{Code: "P8", HomeCounty: "C01", Status: "在库", RecommendUnit: "U01"},
		},
		Rounds: []snap.Round{
			// of the old term: P4 was drafted, but not this term
			{Code: "R0", Term: "T0", OnsiteStart: d("2022-03-01"), Teams: []snap.Team{{Name: "甲", Members: []snap.Member{{Person: "P4"}}}}},
			// of this term, begun: P1 and P3 served
			{Code: "R1", Term: "T1", OnsiteStart: d("2025-03-01"), Teams: []snap.Team{{Name: "甲", Members: []snap.Member{{Person: "P1"}, {Person: "P3"}}}}},
			// of this term, a team of its own that begins after the day: P5 drafted, not yet served
			{Code: "R2", Term: "T1", OnsiteStart: d("2026-06-01"), Teams: []snap.Team{
				{Name: "甲", OnsiteStart: d("2026-06-16"), Members: []snap.Member{{Person: "P5"}}},
				{Name: "乙", Members: []snap.Member{{Person: "P7"}}}}},
		},
	}
	s.Index()
	return s
}

func TestCompute(t *testing.T) {
	st := Compute(planted(), Options{Day: day})
	// P1–P6 count (P3 暂停 included); P7 left; P8 is in no pool.
	if st.Total != 6 || st.Left != 1 || st.Term != "T1" {
		t.Fatalf("total %d, left %d, term %q", st.Total, st.Left, st.Term)
	}
	// served this term by the day: P1, P3 (P5's team begins tomorrow)
	// never drafted: P2, P6 (P4 was, in the old term)
	if st.Served != 2 || st.Never != 2 {
		t.Errorf("served %d, never %d", st.Served, st.Never)
	}
	check := func(name string, got []Row, want ...any) {
		t.Helper()
		var w []Row
		for i := 0; i < len(want); i += 2 {
			w = append(w, Row{want[i].(string), want[i].(string), want[i+1].(int)})
		}
		for i := range got {
			got[i].Label = got[i].Key // compare keys and counts
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %v, want %v", name, got, w)
		}
	}
	check("counties", st.Counties, "C01", 3, "C02", 3)
	check("pools", st.Pools, "组长库", 2, "工作人员库", 3, "专业人员库", 2)
	check("skills", st.Skills, "财务", 2, "审计", 1, "法律", 1, NoSkill, 3)
	check("ages", st.Ages, AgeUnder35, 1, Age35to44, 1, Age45to54, 2, Age55Up, 1, AgeUnknown, 1)
	check("ranks", st.Ranks, "一级主任科员", 2, "四级调研员", 2, NoRank, 2)
	check("full", st.Full, "专职", 1, "非专职", 5)
	check("status", st.Status, "在库", 5, "暂停", 1)
	want := []UnitRow{
		{"U01", "县财政局", "安平县", 2, 1, 1}, // P1 served; P2 never
		{"U02", "县审计局", "安平县", 1, 1, 0}, // P3 served
		{"U10", "平山镇", "平山县", 2, 0, 1},  // P5 drafted for a coming team; P6 never
		{"", NoUnit, "", 1, 0, 0},       // P4: drafted in the old term
	}
	if !reflect.DeepEqual(st.Units, want) {
		t.Errorf("units =\n%v\nwant\n%v", st.Units, want)
	}
}

func TestComputeOptions(t *testing.T) {
	s := planted()
	st := Compute(s, Options{Day: day, County: "C02"})
	if st.Total != 3 || st.Left != 0 || len(st.Counties) != 1 || st.Never != 1 {
		t.Errorf("C02: %+v", st)
	}
	// the day before: P1 (born 1991-06-15) is 34
	st = Compute(s, Options{Day: day.AddDays(-1)})
	if st.Ages[0] != (Row{AgeUnder35, AgeUnder35, 2}) {
		t.Errorf("ages the day before: %v", st.Ages)
	}
	// the old term: P4 served there
	st = Compute(s, Options{Day: day, Term: "T0"})
	if st.Served != 1 || st.Term != "T0" {
		t.Errorf("term T0: served %d", st.Served)
	}
	// outside every term nobody served this term
	if st = Compute(s, Options{Day: d("2030-01-01")}); st.Term != "" || st.Served != 0 {
		t.Errorf("no term: %q %d", st.Term, st.Served)
	}
}

// TestAgeBandLeapDay: born on 29 February, one turns a year older on
// 1 March of a common year.
func TestAgeBandLeapDay(t *testing.T) {
	p := &snap.Person{Birth: d("1992-02-29")}
	for _, c := range []struct {
		day, want string
	}{{"2027-02-28", AgeUnder35}, {"2027-03-01", Age35to44}, {"2028-02-29", Age35to44}} {
		if got := AgeBand(p, d(c.day)); got != c.want {
			t.Errorf("%s: %s, want %s", c.day, got, c.want)
		}
	}
	if got := AgeBand(&snap.Person{IDNumber: "13010119921399001X"}, day); got != AgeUnknown {
		t.Errorf("a bad ID date: %s", got)
	}
}

func ExampleCompute() {
	st := Compute(planted(), Options{Day: day})
	for _, r := range st.Ages {
		fmt.Println(r.Label, r.Count)
	}
	// Output:
	// 35岁以下 1
	// 35–44岁 1
	// 45–54岁 2
	// 55岁及以上 1
	// 年龄不详 1
}

func TestWriteXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "人员库统计.xlsx")
	if err := WriteXLSX(path, Compute(planted(), Options{Day: day})); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetSummary)
	var ages []string
	for i, r := range rows {
		if len(r) > 0 && r[0] == "按年龄段" {
			for _, x := range rows[i+1 : i+6] {
				ages = append(ages, x[0]+"="+x[1])
			}
		}
	}
	if fmt.Sprint(ages) != "[35岁以下=1 35–44岁=1 45–54岁=2 55岁及以上=1 年龄不详=1]" {
		t.Errorf("ages in the workbook: %v", ages)
	}
	units, _ := f.GetRows(SheetUnits)
	if len(units) != 5 || fmt.Sprint(units[1]) != "[U01 县财政局 安平县 2 1 1]" || units[4][1] != NoUnit {
		t.Errorf("units sheet: %v", units)
	}
}

// BenchmarkComputeProvince: 100 counties, 20,000 people (birth dates,
// ranks, skills, recommending units), 4 rounds of 300 teams of 7.
func BenchmarkComputeProvince(b *testing.B) {
	s := &snap.Snapshot{Terms: []snap.Term{{Code: "T1", Start: d("2024-01-01"), End: d("2028-12-31")}}}
	for k := range 100 {
		c := fmt.Sprintf("C%03d", k)
		s.Counties = append(s.Counties, snap.County{Code: c, Name: "县" + c})
		for u := range 30 {
			s.Units = append(s.Units, snap.Unit{Code: fmt.Sprintf("%s-U%02d", c, u), Name: "单位", County: c})
		}
	}
	ranks := []string{"一级科员", "四级主任科员", "一级主任科员", "四级调研员", ""}
	skills := [][]string{nil, {"财务"}, {"审计", "法律"}, {"党建"}}
	for i := range 20000 {
		s.People = append(s.People, snap.Person{Code: fmt.Sprintf("P%05d", i), HomeCounty: s.Counties[i%100].Code,
			Pools: snap.PoolSet(1 + i%7), Status: []string{"在库", "在库", "暂停", "出库"}[i%4], Birth: d("1970-01-01").AddDays(i % 9000),
			Rank: ranks[i%5], Skills: skills[i%4], FullTime: i%9 == 0, RecommendUnit: s.Units[i%3000].Code})
	}
	for r := range 4 {
		rd := snap.Round{Code: fmt.Sprintf("R%d", r), Term: "T1", OnsiteStart: d("2025-03-01").AddDays(120 * r)}
		for t := range 300 {
			tm := snap.Team{Name: fmt.Sprintf("第%d组", t)}
			for m := range 7 {
				tm.Members = append(tm.Members, snap.Member{Person: fmt.Sprintf("P%05d", (r*2100+t*7+m)*3%20000)})
			}
			rd.Teams = append(rd.Teams, tm)
		}
		s.Rounds = append(s.Rounds, rd)
	}
	s.Index()
	b.ReportAllocs()
	for b.Loop() {
		Compute(s, Options{Day: day})
	}
}
