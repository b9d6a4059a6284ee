package calendar

import (
	"fmt"
	"testing"
	"time"

	"xuncha/app/snap"
)

// province builds a province-sized term: 100 counties of 30 units, ten
// rounds of 300 teams with one unit and seven members each, people drawn
// from a pool of 20,000.
func province() *snap.Snapshot {
	s := &snap.Snapshot{Terms: []snap.Term{{Code: "T", Start: d("2026-01-01"), End: d("2030-12-31")}}}
	for c := 0; c < 100; c++ {
		s.Counties = append(s.Counties, snap.County{Code: fmt.Sprintf("C%03d", c), Name: fmt.Sprintf("县%03d", c)})
		for u := 0; u < 30; u++ {
			s.Units = append(s.Units, snap.Unit{Code: fmt.Sprintf("U%03d%02d", c, u), County: fmt.Sprintf("C%03d", c), Category: "县直机关"})
		}
	}
	for p := 0; p < 20000; p++ {
		s.People = append(s.People, snap.Person{Code: fmt.Sprintf("P%05d", p)})
	}
	start := d("2026-03-02")
	for r := 0; r < 10; r++ {
		rd := snap.Round{Code: fmt.Sprintf("R%02d", r), Term: "T", Number: r + 1, OnsiteStart: start, OnsiteEnd: start.AddDays(29)}
		for t := 0; t < 300; t++ {
			unit := s.Units[(r*300+t)%len(s.Units)]
			tm := snap.Team{Name: fmt.Sprintf("第%d组", t+1), Seq: t + 1, County: unit.County, Units: units(unit.Code)}
			for m := 0; m < 7; m++ {
				tm.Members = append(tm.Members, snap.Member{Person: s.People[(r*2100+t*7+m)%len(s.People)].Code, Role: "成员"})
			}
			rd.Teams = append(rd.Teams, tm)
		}
		s.Rounds = append(s.Rounds, rd)
		start = start.AddDays(150)
	}
	s.Index()
	return s
}

func BenchmarkReportProvince(b *testing.B) {
	c := cal(province())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Report("T", d("2028-06-01")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMonthProvince(b *testing.B) {
	c := cal(province())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Month(2027, time.March)
	}
}

// cityProvince is a province with its 市本级 (SPEC §8 at scale): 101
// jurisdictions of 40 units each (4,040 units), every unit with one or two
// 领域 and one in ten A-grade, a five-year term planned for nine units in
// ten, and ten rounds of 300 teams.
func cityProvince() *snap.Snapshot {
	sectors := DefaultSectors()
	s := &snap.Snapshot{Terms: []snap.Term{{Code: "T", Start: d("2026-01-01"), End: d("2030-12-31")}}}
	for c := 0; c <= 100; c++ {
		code := fmt.Sprintf("C%03d", c)
		s.Counties = append(s.Counties, snap.County{Code: code, Name: fmt.Sprintf("县%03d", c), City: c == 0})
		for u := 0; u < 40; u++ {
			unit := snap.Unit{Code: fmt.Sprintf("U%03d%02d", c, u), County: code, Category: "县直机关",
				Sectors: []string{sectors[(c+u)%len(sectors)]}}
			if u%3 == 0 {
				unit.Sectors = append(unit.Sectors, sectors[(c*7+u)%len(sectors)])
			}
			if u%10 == 0 {
				unit.Priority = "A"
			}
			s.Units = append(s.Units, unit)
		}
	}
	for i, u := range s.Units {
		if i%10 != 9 {
			s.Plans = append(s.Plans, snap.Plan{Term: "T", Unit: u.Code, Year: 2026 + i%5, RoundNo: 1 + i%10})
		}
	}
	start := d("2026-03-02")
	for r := 0; r < 10; r++ {
		rd := snap.Round{Code: fmt.Sprintf("R%02d", r), Term: "T", Number: r + 1, OnsiteStart: start, OnsiteEnd: start.AddDays(29)}
		if r == 1 {
			rd.Links = []string{"R00"}
		}
		for t := 0; t < 300; t++ {
			unit := s.Units[(r*300+t)%len(s.Units)]
			rd.Teams = append(rd.Teams, snap.Team{Name: fmt.Sprintf("第%d组", t+1), Seq: t + 1, County: unit.County, Units: units(unit.Code)})
		}
		s.Rounds = append(s.Rounds, rd)
		start = start.AddDays(150)
	}
	s.Index()
	return s
}

// BenchmarkPlanProvince is what the plan grid and the overview ask of a
// province: the plan with its warnings and plan against actual, and the
// coverage per 领域 with the 板块 view, over one coverage.
func BenchmarkPlanProvince(b *testing.B) {
	c := cal(cityProvince())
	today := d("2028-06-01")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cv, err := c.Coverage("T", today)
		if err != nil {
			b.Fatal(err)
		}
		p := c.planOf(&cv)
		vs := c.sectorViews(&cv)
		if len(p.Units) != 4040 || len(vs) == 0 || len(p.Warnings) == 0 {
			b.Fatalf("%d units, %d 领域, %d warnings", len(p.Units), len(vs), len(p.Warnings))
		}
	}
}

// BenchmarkComparePlansProvince sets the province's plan against itself
// (every unit): the comparison of a county's plan with the city's.
func BenchmarkComparePlansProvince(b *testing.B) {
	s := cityProvince()
	s.Terms = append(s.Terms, snap.Term{Code: "T2", Start: d("2026-01-01"), End: d("2030-12-31")})
	for _, p := range s.Plans[:len(s.Plans)/2] {
		p.Term, p.Year = "T2", p.Year+1
		s.Plans = append(s.Plans, p)
	}
	s.Index()
	c := cal(s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.ComparePlans("T", "T2", ""); err != nil {
			b.Fatal(err)
		}
	}
}
