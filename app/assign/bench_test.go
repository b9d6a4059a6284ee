package assign

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// synthetic makes a round of the given size: people spread over the
// counties with realistic pools and skills, teams over the counties, and
// a sprinkling of hard and soft hits and of relatives.
func synthetic(counties, people, teams int) *Instance {
	r := rand.New(rand.NewPCG(uint64(people), uint64(teams)))
	start := civil.MustParse("2026-03-01")
	in := &Instance{Round: "2026-1", Mode: vocab.ModeMixed, Seed: "12345", Start: start}
	cats := []string{"县直机关", "事业单位", "国有企业", "乡镇街道", "村社区"}
	for i := range people {
		p := Person{Code: fmt.Sprintf("P%06d", i), County: fmt.Sprintf("C%03d", i%counties), Status: "在库",
			Served: r.IntN(3), Previous: r.IntN(5) == 0, Experience: r.IntN(4), Rank: []string{"一级科员", "四级主任科员", "副科级"}[r.IntN(3)]}
		if r.IntN(10) == 0 { // promoted within the last three years; some have served since
			p.PromotedOn, p.SincePromoted = start.AddDays(-r.IntN(3*365)), r.IntN(3)/2
		}
		if r.IntN(100) < 15 {
			p.Pools |= snap.LeaderPool
		}
		if r.IntN(100) < 70 {
			p.Pools |= snap.StaffPool
			p.FullTime = r.IntN(100) < 12
		}
		if r.IntN(100) < 30 || p.Pools == 0 {
			p.Pools |= snap.ExpertPool
		}
		switch k := r.IntN(10); {
		case k < 3:
			p.Skills = []string{[]string{"财务", "审计"}[k%2]}
		case k < 6:
			p.Skills = []string{vocab.Skills[2+r.IntN(6)]}
		}
		if r.IntN(50) == 0 {
			p.Status = "暂停"
		}
		in.People = append(in.People, p)
	}
	for i := range teams {
		t := Team{Name: fmt.Sprintf("第%03d组", i+1), Seq: i + 1, County: fmt.Sprintf("C%03d", i%counties),
			Units: []string{fmt.Sprintf("U%04d", 2*i), fmt.Sprintf("U%04d", 2*i+1)}, Categories: []string{cats[i%len(cats)]}}
		in.Teams = append(in.Teams, t)
		for range 40 {
			p := in.People[r.IntN(people)]
			rule := []string{"R1", "R2", "R3", "R5", "R3b", "R4b"}[r.IntN(6)]
			in.Hits = append(in.Hits, Hit{Person: p.Code, Team: t.Name, Unit: t.Units[0], Rule: rule,
				Hard: rule[2:] == "" || rule == "R5", Reason: "合成"})
		}
	}
	for range people / 20 {
		a, b := r.IntN(people), r.IntN(people)
		if a != b {
			in.Pairs = append(in.Pairs, Pair{A: in.People[a].Code, B: in.People[b].Code, Rule: "R6", Hard: true, Reason: "合成亲属"})
		}
	}
	return in
}

func benchAssign(b *testing.B, counties, people, teams int) {
	in := synthetic(counties, people, teams)
	set := Defaults()
	var res *Result
	for b.Loop() {
		var err error
		if res, err = Solve(in, set); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Objective.Filled), "filled")
	b.ReportMetric(float64(res.Objective.Slots), "slots")
	b.ReportMetric(float64(res.Objective.Searched), "relaxations")
	b.ReportMetric(float64(res.Objective.Tiers.CoreShort), "core-short")
	b.ReportMetric(float64(res.Objective.Tiers.OwingLeft), "owing-left")
}

// BenchmarkAssignCity is a city round: 12 counties, 3,000 people, 40 teams.
func BenchmarkAssignCity(b *testing.B) { benchAssign(b, 12, 3000, 40) }

// BenchmarkAssignProvince is a province round: 100 counties, 20,000
// people, 300 teams.
func BenchmarkAssignProvince(b *testing.B) { benchAssign(b, 100, 20000, 300) }

func benchDraw(b *testing.B, counties, people, teams int) {
	in := synthetic(counties, people, teams)
	set := Defaults()
	var res *Result
	var size int
	for b.Loop() {
		r, rec, err := Draw(in, set, "58213")
		if err != nil {
			b.Fatal(err)
		}
		body, err := rec.Marshal()
		if err != nil {
			b.Fatal(err)
		}
		res, size = r, len(body)
	}
	b.ReportMetric(float64(res.Objective.Filled), "filled")
	b.ReportMetric(float64(size), "record-bytes")
}

// BenchmarkDrawCity is the witnessed draw of a city round (12 counties,
// 3,000 people, 40 teams), its record written.
func BenchmarkDrawCity(b *testing.B) { benchDraw(b, 12, 3000, 40) }

// BenchmarkDrawProvince is the witnessed draw of a province round (100
// counties, 20,000 people, 300 teams), its record written.
func BenchmarkDrawProvince(b *testing.B) { benchDraw(b, 100, 20000, 300) }
