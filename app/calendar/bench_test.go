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
