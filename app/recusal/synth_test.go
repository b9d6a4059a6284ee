package recusal

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"xuncha/app/civil"
	"xuncha/app/kin"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// synth builds a deterministic synthetic snapshot: counties × 30 units (10
// county organs, 4 townships with 4 villages each), 5 leaders per unit,
// people with 2–3 stints, 2 relatives and up to 2 ties each (some to
// leaders), declarations (some 不予回避), an earlier round whose members
// were graded (some only proposed), and the round to check: teams
// inspecting 3 units of one county each.
func synth(counties, people, teams int) *snap.Snapshot {
	rng := rand.New(rand.NewPCG(1, 2))
	s := &snap.Snapshot{}
	var units []string
	byCounty := make([][]string, counties)
	for k := range counties {
		cc := fmt.Sprintf("C%03d", k)
		s.Counties = append(s.Counties, snap.County{Code: cc, Name: fmt.Sprintf("第%d县", k)})
		addUnit := func(code, parent, cat string) {
			s.Units = append(s.Units, snap.Unit{Code: code, Name: "单位" + code, County: cc, Category: cat, Parent: parent})
			units = append(units, code)
			byCounty[k] = append(byCounty[k], code)
			for l := range 5 {
				ld := snap.Leader{Unit: code, Name: fmt.Sprintf("领导%s-%d", code, l), Post: "副职"}
				if l%2 == 0 {
					ld.IDNumber = fmt.Sprintf("ID-%s-%d", code, l)
				}
				s.Leaders = append(s.Leaders, ld)
			}
		}
		for u := range 10 {
			addUnit(fmt.Sprintf("%s-J%02d", cc, u), "", "县直机关")
		}
		for t := range 4 {
			town := fmt.Sprintf("%s-Z%d", cc, t)
			addUnit(town, "", "乡镇街道")
			for v := range 4 {
				addUnit(fmt.Sprintf("%s-V%d", town, v), town, "村社区")
			}
		}
	}
	words := kin.Words()
	date := func(y int) civil.Date { return civil.Of(y, time.Month(1+rng.IntN(12)), 1+rng.IntN(28)) }
	for i := range people {
		k := i % counties
		p := snap.Person{Code: fmt.Sprintf("P%06d", i), Name: fmt.Sprintf("人员%d", i), IDNumber: fmt.Sprintf("PID%06d", i),
			HomeCounty: s.Counties[k].Code, Status: "在库", Pools: snap.StaffPool}
		if i%10 == 0 {
			p.Status = "暂停"
		}
		switch rng.IntN(10) {
		case 0:
			p.Native = s.Counties[k].Name
		case 1:
			p.Native = s.Counties[rng.IntN(counties)].Code
		default:
			p.Native = s.Counties[k].Code
		}
		own := byCounty[k]
		p.CurrentUnit = own[rng.IntN(len(own))]
		p.History = append(p.History, snap.Stint{Unit: p.CurrentUnit, From: date(2018)})
		for range 1 + rng.IntN(2) {
			from := 2005 + rng.IntN(18)
			p.History = append(p.History, snap.Stint{Unit: units[rng.IntN(len(units))], From: date(from), To: date(from + 1 + rng.IntN(6))})
		}
		for r := range 2 {
			rel := snap.Relative{Name: fmt.Sprintf("亲属%d-%d", i, r), Relation: words[rng.IntN(len(words))]}
			switch rng.IntN(20) {
			case 0: // a leader by name
				l := s.Leaders[rng.IntN(len(s.Leaders))]
				rel.Name = l.Name
			case 1: // a leader by ID, name written differently
				l := s.Leaders[rng.IntN(len(s.Leaders))]
				rel.IDNumber = l.IDNumber
			case 2, 3: // works in a unit
				rel.Unit = units[rng.IntN(len(units))]
				rel.Leader = rng.IntN(3) == 0
			case 4: // another pool member
				rel.Person = fmt.Sprintf("P%06d", rng.IntN(people))
			}
			p.Relatives = append(p.Relatives, rel)
		}
		if rng.IntN(50) == 0 {
			d := snap.Declaration{Unit: units[rng.IntN(len(units))], Reason: "本人申报"}
			if rng.IntN(3) == 0 {
				d.Handling = "不予回避"
			}
			p.Declarations = []snap.Declaration{d}
		}
		for range rng.IntN(3) {
			tie := snap.Tie{Name: fmt.Sprintf("关系人%d", rng.IntN(1000)), Relation: vocab.TieRelations[rng.IntN(len(vocab.TieRelations))]}
			switch rng.IntN(6) {
			case 0: // a leader by name
				tie.Name = s.Leaders[rng.IntN(len(s.Leaders))].Name
			case 1: // a leader by ID
				tie.IDNumber = s.Leaders[rng.IntN(len(s.Leaders))].IDNumber
			case 2: // names a unit, maybe as its leader
				tie.Unit = units[rng.IntN(len(units))]
				tie.Leader = rng.IntN(2) == 0
			}
			if rng.IntN(2) == 0 {
				tie.End = date(2018 + rng.IntN(9))
			}
			p.Ties = append(p.Ties, tie)
		}
		s.People = append(s.People, p)
	}
	// an earlier round whose members were graded, some only proposed
	past := snap.Round{Code: "R0", Name: "上一轮", Mode: "混合编组", OnsiteStart: civil.MustParse("2025-09-01")}
	grades := []string{"优秀", "称职", "基本称职", "不称职"}
	for t := range teams {
		tm := snap.Team{Name: fmt.Sprintf("第%d组", t+1), Seq: t + 1}
		for j := range 7 {
			m := snap.Member{Person: fmt.Sprintf("P%06d", (t*7+j)*3%people), Role: "成员",
				Evaluation: grades[rng.IntN(len(grades))], EvalState: "确定"}
			if rng.IntN(4) == 0 {
				m.EvalState = "拟定"
			}
			tm.Members = append(tm.Members, m)
		}
		past.Teams = append(past.Teams, tm)
	}
	r := snap.Round{Code: "R1", Name: "第一轮", Mode: "混合编组", OnsiteStart: civil.MustParse("2026-03-01")}
	for t := range teams {
		k := t % counties
		slot := t / counties * 3
		var tus []snap.TeamUnit
		for j := range 3 {
			tus = append(tus, snap.TeamUnit{Unit: byCounty[k][(slot+j)%len(byCounty[k])]})
		}
		r.Teams = append(r.Teams, snap.Team{Name: fmt.Sprintf("第%d组", t+1), Seq: t + 1, County: s.Counties[k].Code, Units: tus})
	}
	s.Rounds = []snap.Round{past, r}
	s.Index()
	return s
}

// TestRoundMatchesTeam checks the indexed Round against the plain
// definition: every active person checked against every team with Team.
func TestRoundMatchesTeam(t *testing.T) {
	cases := []struct {
		name  string
		depth int
	}{{"层级1", 1}, {"层级0", 0}, {"层级2", 2}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := synth(4, 600, 12)
			set := Defaults()
			set.Depth = tc.depth
			c := New(s, set)
			r := &s.Rounds[1]
			var want []Hit
			for _, tm := range sortedTeams(r) {
				for i := range s.People {
					if p := &s.People[i]; p.Active() {
						want = append(want, c.Team(p, r, tm)...)
					}
				}
			}
			got := c.Round(r)
			rules := map[string]int{}
			for _, h := range got {
				rules[h.Rule]++
			}
			soft := map[string]int{}
			for _, h := range got {
				if h.Severity == Soft {
					soft[h.Rule]++
				}
			}
			if soft[R8] == 0 || soft[R9] == 0 || rules[R8] == soft[R8] || rules[R9] == soft[R9] {
				t.Errorf("R8 and R9 should each give hard and soft hits: %v, soft %v", rules, soft)
			}
			for _, rule := range []string{R1, R2, R3, R3b, R4, R4b, R5, R8, R9} {
				if rules[rule] == 0 {
					t.Errorf("no %s hit in the synthetic round: the comparison proves little", rule)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Round gives %d hits, Team over everyone %d", len(got), len(want))
			}
		})
	}
}

func benchRound(b *testing.B, counties, people, teams int) {
	s := synth(counties, people, teams)
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		c := New(s, Defaults())
		n = len(c.Round(&s.Rounds[1]))
	}
	b.ReportMetric(float64(n), "hits")
}

// BenchmarkRoundCity: 12 counties, 3,000 people, 40 teams (New included).
func BenchmarkRoundCity(b *testing.B) { benchRound(b, 12, 3000, 40) }

// BenchmarkRoundProvince: 100 counties, 20,000 people, 300 teams (New included).
func BenchmarkRoundProvince(b *testing.B) { benchRound(b, 100, 20000, 300) }
