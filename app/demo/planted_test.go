package demo

import (
	"testing"

	"xuncha/app/civil"
)

// TestPlanted checks that the situations the rules must find are there, in
// realistic numbers.
func TestPlanted(t *testing.T) {
	d := Generate(City)
	leaders := map[string]string{} // ID number → unit
	for _, l := range d.Leaders {
		if l.IDNumber != "" {
			leaders[l.IDNumber] = l.UnitCode
		}
	}
	received := map[string]bool{} // round/unit whose 整改报告收到 is recorded
	for _, m := range d.Milestones {
		if m.Kind == "整改报告收到" {
			received[m.RoundCode+"/"+m.UnitCode] = true
		}
	}
	unitCounty := map[string]string{}
	for _, u := range d.Units {
		unitCounty[u.Code] = u.CountyCode
	}
	home := map[string]string{}
	for _, p := range d.People {
		home[p.Code] = p.HomeCountyCode
	}
	upcoming := civil.MustParse("2026-12-07")
	for _, c := range []struct {
		name   string
		count  func() int
		lo, hi int
	}{
		{"亲属任班子成员且标注是", func() (n int) {
			for _, r := range d.Relatives {
				if r.IsUnitLeadership && r.UnitCode != nil && leaders[r.IDNumber] == *r.UnitCode {
					n++
				}
			}
			return
		}, 15, 45},
		{"亲属任班子成员未标注但单位与身份证号相符", func() (n int) {
			for _, r := range d.Relatives {
				if !r.IsUnitLeadership && r.UnitCode != nil && leaders[r.IDNumber] == *r.UnitCode {
					n++
				}
			}
			return
		}, 15, 45},
		{"亲属任班子成员仅身份证号相符", func() (n int) {
			for _, r := range d.Relatives {
				if !r.IsUnitLeadership && r.UnitCode == nil && leaders[r.IDNumber] != "" {
					n++
				}
			}
			return
		}, 15, 45},
		{"两名人员互为亲属", func() (n int) {
			for _, r := range d.Relatives {
				if r.RelativePerson != "" {
					n++
				}
			}
			return
		}, 20, 80},
		{"亲属在本县单位工作", func() (n int) {
			for _, r := range d.Relatives {
				if r.UnitCode != nil && r.RelativePerson == "" && leaders[r.IDNumber] == "" && unitCounty[*r.UnitCode] == home[r.PersonCode] {
					n++
				}
			}
			return
		}, 600, 3000},
		{"三年内曾在其他单位任职", func() (n int) {
			for _, h := range d.History {
				if h.EndDate != "" && civil.MustParse(h.EndDate) >= upcoming.AddYears(-3) {
					n++
				}
			}
			return
		}, 200, 1500},
		{"曾在外县任职", func() (n int) {
			for _, h := range d.History {
				if h.EndDate != "" && unitCounty[h.UnitCode] != home[h.PersonCode] {
					n++
				}
			}
			return
		}, 100, 1000},
		{"回避申报", func() int { return len(d.Declarations) }, 20, 100},
		{"整改报告逾期未收到", func() (n int) {
			for _, tu := range d.TeamUnits {
				if tu.RoundCode == "2026-1" && !received[tu.RoundCode+"/"+tu.UnitCode] {
					n++
				}
			}
			return
		}, 1, 20},
		{"整改报告均已收到（2025年）", func() (n int) {
			for _, tu := range d.TeamUnits {
				if tu.RoundCode < "2026" && !received[tu.RoundCode+"/"+tu.UnitCode] {
					n++
				}
			}
			return
		}, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if n := c.count(); !within(n, c.lo, c.hi) {
				t.Errorf("%d, want %d…%d", n, c.lo, c.hi)
			}
		})
	}
}
