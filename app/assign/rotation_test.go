package assign

import (
	"fmt"
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// swapInstance has n counties, one team each, and enough people in each
// county to staff any other county's team.
func swapInstance(n int, previous []Route) *Instance {
	in := &Instance{Mode: vocab.ModeSwap, Seed: "7", Previous: previous}
	for c := range n {
		county := fmt.Sprintf("C%02d", c)
		in.Teams = append(in.Teams, team(fmt.Sprintf("第%02d组", c+1), c+1, county, fmt.Sprintf("U%02d", c)))
		for k := range 6 {
			pools := snap.StaffPool
			if k == 0 {
				pools |= snap.LeaderPool
			}
			skills := []string(nil)
			if k == 1 {
				skills = []string{"财务"}
			}
			in.People = append(in.People, person(fmt.Sprintf("P%02d%d", c, k), county, pools, skills...))
		}
	}
	return in
}

func swapSettings() Settings {
	return Settings{Rows: []Row{remote(vocab.RoleLeader, 1, vocab.PoolLeader), {Role: vocab.RoleDeputy, Count: 1, Local: true},
		remote(vocab.RoleMember, 3, vocab.PoolStaff)}, MaxPerCounty: 2, RequiredSkills: []string{"财务|审计"}}
}

func TestRotation(t *testing.T) {
	for _, n := range []int{2, 3, 4, 5, 12} {
		for _, withPrev := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d县_上轮%v", n, withPrev), func(t *testing.T) {
				var prev []Route
				if withPrev { // last round: each county inspected by the next one
					for c := range n {
						prev = append(prev, Route{Inspected: fmt.Sprintf("C%02d", c), Source: fmt.Sprintf("C%02d", (c+1)%n)})
					}
				}
				in := swapInstance(n, prev)
				res := mustSolve(t, in, swapSettings())
				if len(res.Rotation) != n {
					t.Fatalf("rotation %v, want %d routes", res.Rotation, n)
				}
				src := map[string]string{}
				used := map[string]bool{}
				for _, r := range res.Rotation {
					src[r.Inspected] = r.Source
					if r.Inspected == r.Source {
						t.Errorf("%s inspects itself", r.Inspected)
					}
					if used[r.Source] {
						t.Errorf("%s staffs two counties", r.Source)
					}
					used[r.Source] = true
				}
				for _, r := range res.Rotation {
					if n >= 3 && src[r.Source] == r.Inspected {
						t.Errorf("%s and %s inspect each other: %v", r.Inspected, r.Source, res.Rotation)
					}
					if withPrev && n >= 3 {
						for _, p := range prev {
							if p == r {
								t.Errorf("previous pair %v repeated: %v", p, res.Rotation)
							}
						}
					}
				}
				for _, tr := range res.Teams {
					for _, m := range tr.Members {
						home := in.People[0].County
						for _, p := range in.People {
							if p.Code == m.Person {
								home = p.County
							}
						}
						if m.Role != vocab.RoleDeputy && home != src[tr.County] {
							t.Errorf("%s %s %s is from %s, not from %s", tr.Team, m.Role, m.Person, home, src[tr.County])
						}
					}
				}
				if res.Objective.Filled != res.Objective.Slots {
					t.Errorf("filled %d of %d", res.Objective.Filled, res.Objective.Slots)
				}
			})
		}
	}
}

func TestHungarianMatchesBruteForce(t *testing.T) {
	cost := [][]int64{{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}
	got := hungarian(cost)
	total := int64(0)
	for i, j := range got {
		total += cost[i][j]
	}
	if total != 5 { // 1 + 2 + 2
		t.Fatalf("assignment %v costs %d, want 5", got, total)
	}
}

func TestHungarianRandom(t *testing.T) {
	for seed := range 200 {
		n := 1 + seed%5
		cost := make([][]int64, n)
		for i := range cost {
			cost[i] = make([]int64, n+seed%2)
			for j := range cost[i] {
				cost[i][j] = int64(mix(uint64(seed), uint64(i*31+j)) % 50)
			}
		}
		got := hungarian(cost)
		var total int64
		for i, j := range got {
			total += cost[i][j]
		}
		best := int64(1 << 60)
		var rec func(i int, used []bool, sum int64)
		rec = func(i int, used []bool, sum int64) {
			if i == n {
				best = min(best, sum)
				return
			}
			for j := range cost[i] {
				if !used[j] {
					used[j] = true
					rec(i+1, used, sum+cost[i][j])
					used[j] = false
				}
			}
		}
		rec(0, make([]bool, len(cost[0])), 0)
		if total != best {
			t.Fatalf("seed %d: hungarian %d, brute force %d", seed, total, best)
		}
	}
}

func TestSwapModeRandomValid(t *testing.T) {
	for seed := range uint64(80) {
		in := randomInstance(seed, 12, 3)
		in.Mode = vocab.ModeSwap
		res := mustSolve(t, in, tinySettings(2, seed%2 == 0))
		if res.Objective.Filled > res.Objective.Bound {
			t.Fatalf("seed %d: filled %d above bound %d", seed, res.Objective.Filled, res.Objective.Bound)
		}
	}
}
