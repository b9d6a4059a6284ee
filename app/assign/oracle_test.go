package assign

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// tinySettings is a small composition for exhaustive checks: a remote
// leader, a local deputy, two remote members.
func tinySettings(k int, skill bool) Settings {
	s := Settings{
		Rows: []Row{
			{Role: vocab.RoleLeader, Count: 1, Pools: []string{vocab.PoolLeader}},
			{Role: vocab.RoleDeputy, Count: 1, Origin: vocab.FromLocal},
			{Role: vocab.RoleMember, Count: 2, Pools: []string{vocab.PoolStaff, vocab.PoolExpert}},
		},
		MaxPerCounty:     k,
		SkillsByCategory: map[string][]string{"国有企业": {"财务"}},
	}
	if skill {
		s.RequiredSkills = []string{"财务|审计"}
	}
	return s
}

// randomInstance makes a small random instance: a few counties, people
// with random pools, skills and statuses, teams, hits and relatives.
func randomInstance(seed uint64, people, teams int) *Instance {
	r := rand.New(rand.NewPCG(seed, 7))
	nc := 2 + r.IntN(3)
	start := civil.MustParse("2026-03-01")
	in := &Instance{Round: "R", Mode: vocab.ModeMixed, Seed: fmt.Sprint(seed), Start: start}
	county := func(i int) string { return fmt.Sprintf("C%d", i) }
	for i := range people {
		p := Person{Code: fmt.Sprintf("P%02d", i), County: county(r.IntN(nc)), Status: "在库",
			Served: r.IntN(3), Previous: r.IntN(4) == 0, Experience: r.IntN(3) / 2}
		if r.IntN(4) == 0 {
			p.PromotedOn = start.AddDays(-r.IntN(900))
		}
		for p.Pools == 0 {
			if r.IntN(3) == 0 {
				p.Pools |= snap.LeaderPool
			}
			if r.IntN(2) == 0 {
				p.Pools |= snap.StaffPool
			}
			if r.IntN(3) == 0 {
				p.Pools |= snap.ExpertPool
			}
		}
		if r.IntN(3) == 0 {
			p.Skills = append(p.Skills, []string{"财务", "审计", "法律"}[r.IntN(3)])
		}
		if r.IntN(10) == 0 {
			p.Status = "暂停"
		}
		in.People = append(in.People, p)
	}
	for i := range teams {
		t := Team{Name: fmt.Sprintf("第%d组", i+1), Seq: i + 1, County: county(r.IntN(nc)), Units: []string{fmt.Sprintf("U%d", i)}}
		if r.IntN(2) == 0 {
			t.Categories = []string{"国有企业"}
		}
		in.Teams = append(in.Teams, t)
	}
	rules := []string{"R1", "R2", "R3", "R3b", "R4b", "R5"}
	for range r.IntN(people) {
		h := Hit{Person: in.People[r.IntN(people)].Code, Team: in.Teams[r.IntN(teams)].Name, Unit: "U0",
			Rule: rules[r.IntN(len(rules))], Reason: "测试"}
		h.Hard = h.Rule != "R3b" && h.Rule != "R4b"
		if h.Hard && r.IntN(4) == 0 {
			h.Roles = []string{vocab.RoleLeader, vocab.RoleDeputy}
		}
		h.Overridden = h.Hard && r.IntN(6) == 0
		in.Hits = append(in.Hits, h)
	}
	for range r.IntN(3) {
		a, b := r.IntN(people), r.IntN(people)
		if a != b {
			pr := Pair{A: in.People[a].Code, B: in.People[b].Code, Rule: "R6", Hard: true, Reason: "近亲属"}
			if r.IntN(4) == 0 {
				pr.Lifted = []string{in.Teams[0].Name}
			}
			in.Pairs = append(in.Pairs, pr)
		}
	}
	return in
}

// oracle is an independent statement of the hard constraints, used to
// check results and to find the best fill by exhaustive search.
type oracle struct {
	in  *Instance
	set Settings
	pp  map[string]*Person
}

func newOracle(in *Instance, set Settings) *oracle {
	o := &oracle{in: in, set: set, pp: map[string]*Person{}}
	for i := range in.People {
		o.pp[in.People[i].Code] = &in.People[i]
	}
	return o
}

// fits reports whether p may take row r on team t on their own.
func (o *oracle) fits(p *Person, t *Team, r int, source string) bool {
	row := o.set.Rows[r]
	if p.Status != "在库" || slices.Contains(o.in.Excluded, p.Code) || p.Pools == 0 {
		return false
	}
	if len(row.Pools) > 0 && p.Pools&poolSet(row.Pools) == 0 || row.FullTimeOnly && !p.FullTime {
		return false
	}
	if !o.origin(p, t, r, source) {
		return false
	}
	for _, h := range o.in.Hits {
		if h.Person == p.Code && h.Team == t.Name && h.Hard && !h.Overridden && h.Rule != "R4" && h.binds(row.Role) {
			return false
		}
	}
	return true
}

// origin reports whether p may take row r of team t by where the row's
// people come from (SPEC §5 and §8.1), in the instance's mode.
func (o *oracle) origin(p *Person, t *Team, r int, source string) bool {
	from := o.set.Rows[r].From()
	if o.in.Mode == vocab.ModeLocal && from != vocab.FromCity {
		from = vocab.FromLocal
	}
	switch from {
	case vocab.FromLocal:
		return p.County == t.County
	case vocab.FromCity:
		return slices.Contains(o.in.City, p.County)
	case vocab.FromAny:
		return true
	}
	if o.in.Mode == vocab.ModeSwap {
		return p.County == source
	}
	return p.County != t.County
}

// teamOK checks the constraints between the members of one team.
func (o *oracle) teamOK(t *Team, ms []*Person, rows []int, full bool) bool {
	per := map[string]int{}
	for i, p := range ms {
		if !o.set.Rows[rows[i]].IsLocal() && o.in.Mode == vocab.ModeMixed && p.County != t.County {
			if per[p.County]++; per[p.County] > o.set.MaxPerCounty {
				return false
			}
		}
		for _, q := range ms[i+1:] {
			for _, pr := range o.in.Pairs {
				if pr.Rule == "R6" && pr.Hard && !slices.Contains(pr.Lifted, t.Name) &&
					(pr.A == p.Code && pr.B == q.Code || pr.A == q.Code && pr.B == p.Code) {
					return false
				}
			}
		}
	}
	if full {
		for _, g := range o.set.RequiredSkills {
			met := false
			for _, p := range ms {
				for _, s := range splitGroup(g) {
					met = met || slices.Contains(p.Skills, s)
				}
			}
			if !met {
				return false
			}
		}
		if o.in.Joint != "" && !slices.ContainsFunc(ms, func(p *Person) bool { return p.Joint }) {
			return false
		}
	}
	return true
}

// valid checks a result against every hard constraint; it returns the
// first broken one.
func (o *oracle) valid(res *Result) error {
	used := map[string]bool{}
	routes := map[string]string{}
	for _, r := range res.Rotation {
		routes[r.Inspected] = r.Source
	}
	for ti := range res.Teams {
		tr := &res.Teams[ti]
		t := o.team(tr.Team)
		var ms []*Person
		var rows []int
		count := make([]int, len(o.set.Rows))
		for _, m := range tr.Members {
			p := o.pp[m.Person]
			if used[m.Person] {
				return fmt.Errorf("%s 编入两次", m.Person)
			}
			used[m.Person] = true
			r := -1
			for k, row := range o.set.Rows {
				if row.Role == m.Role && count[k] < row.Count && o.fits(p, t, k, routes[t.County]) {
					r = k
					break
				}
			}
			if r < 0 {
				return fmt.Errorf("%s 不能担任 %s 的 %s", m.Person, tr.Team, m.Role)
			}
			count[r]++
			ms = append(ms, p)
			rows = append(rows, r)
		}
		if !o.teamOK(t, ms, rows, len(ms) == o.set.Slots()) {
			return fmt.Errorf("%s 违反同县上限、亲属或必备特长", tr.Team)
		}
	}
	return nil
}

func (o *oracle) team(name string) *Team {
	for i := range o.in.Teams {
		if o.in.Teams[i].Name == name {
			return &o.in.Teams[i]
		}
	}
	return nil
}

// oracleSlot is a slot of the exhaustive search: team t, row r.
type oracleSlot struct{ t, r int }

// slots lists every slot of the instance, team by team, row by row.
func (o *oracle) slots() []oracleSlot {
	var out []oracleSlot
	for t := range o.in.Teams {
		for r, row := range o.set.Rows {
			for range row.Count {
				out = append(out, oracleSlot{t, r})
			}
		}
	}
	return out
}

// admit reports whether p, not used yet, may take slot s of team t with
// its members so far (members, rows by team), and returns the team's
// members and rows with p.
func (o *oracle) admit(t *Team, s oracleSlot, p *Person, used map[string]bool, members [][]*Person, rows [][]int) ([]*Person, []int, bool) {
	if used[p.Code] || !o.fits(p, t, s.r, "") {
		return nil, nil, false
	}
	ms := append(members[s.t], p)
	rs := append(rows[s.t], s.r)
	return ms, rs, o.teamOK(t, ms, rs, len(ms) == o.set.Slots())
}

// best returns the most slots any valid assignment fills (mixed or local
// mode), by exhaustive search with symmetry breaking within a row.
func (o *oracle) best() int {
	slots := o.slots()
	used := map[string]bool{}
	members := make([][]*Person, len(o.in.Teams))
	rows := make([][]int, len(o.in.Teams))
	last := make([]int, len(slots)) // person index chosen (-1 empty)
	best := 0
	var rec func(i, filled int)
	rec = func(i, filled int) {
		if filled+len(slots)-i <= best {
			return
		}
		if i == len(slots) {
			best = filled
			return
		}
		s := slots[i]
		t := &o.in.Teams[s.t]
		done := i+1 == len(slots) || slots[i+1].t != s.t
		lo := 0
		if i > 0 && slots[i-1] == s {
			lo = last[i-1] + 1 // same row: increasing person order
			if last[i-1] < 0 {
				lo = len(o.in.People) // an empty slot before: the rest empty too
			}
		}
		for k := lo; k < len(o.in.People); k++ {
			p := &o.in.People[k]
			ms, rs, ok := o.admit(t, s, p, used, members, rows)
			if !ok {
				continue
			}
			used[p.Code] = true
			members[s.t], rows[s.t], last[i] = ms, rs, k
			rec(i+1, filled+1)
			members[s.t], rows[s.t] = ms[:len(ms)-1], rs[:len(rs)-1]
			used[p.Code] = false
		}
		last[i] = -1
		_ = done
		rec(i+1, filled)
	}
	rec(0, 0)
	return best
}

func TestFillMatchesExhaustiveSearch(t *testing.T) {
	for seed := range uint64(200) {
		in := randomInstance(seed, 9+int(seed%4), 2+int(seed%2))
		if seed%5 == 4 {
			in.Mode = vocab.ModeLocal
		}
		set := tinySettings(1+int(seed%2), seed%3 != 0)
		if seed%4 < 2 { // the experienced core and the stable roles weigh: filling stays exact
			set.Experience = DefaultExperience()
		}
		checkExhaustive(t, seed, in, set)
	}
}

// checkExhaustive solves in under set and checks the result against the
// oracle: valid, filling what an exhaustive search fills, and proven so.
func checkExhaustive(t *testing.T, seed uint64, in *Instance, set Settings) {
	t.Helper()
	res, o := solveValid(t, seed, in, set)
	want := o.best()
	if res.Objective.Filled != want {
		t.Fatalf("seed %d: filled %d, exhaustive search fills %d (bound %d)", seed, res.Objective.Filled, want, res.Objective.Bound)
	}
	if !res.Objective.Optimal || res.Objective.Bound != want {
		t.Errorf("seed %d: optimal %v bound %d, want proven %d", seed, res.Objective.Optimal, res.Objective.Bound, want)
	}
}

// TestCertifiedListsMatchCompleteLists solves the root relaxation of a
// mid-sized round twice: with short candidate lists grown by the
// certificate, and with every eligible person listed. The costs must agree.
func TestCertifiedListsMatchCompleteLists(t *testing.T) {
	in := synthetic(12, 1500, 24)
	root := func(w *world) *node {
		n, turn := &node{}, 0
		for t := range w.teams {
			n.teams = append(n.teams, w.rootState(int32(t), w.spread(), &turn))
		}
		return n
	}
	w1, _ := newWorld(in, Defaults())
	a := newSearch(w1, w1.peopleMarket(), false, 10).relax(root(w1))
	w2, _ := newWorld(in, Defaults())
	s2 := newSearch(w2, w2.peopleMarket(), false, 10)
	s2.limit0 = 1 << 30
	b := s2.relax(root(w2))
	if a.fill != b.fill || a.cost != b.cost {
		t.Fatalf("certified lists: fill %d cost %d; complete lists: fill %d cost %d", a.fill, a.cost, b.fill, b.cost)
	}
}

// TestMediumRoundsValid runs the whole solver (short lists, dive, search
// under its budget) on tighter mid-sized rounds: whatever it returns keeps
// every hard rule, and a claim of optimality agrees with the bound.
func TestMediumRoundsValid(t *testing.T) {
	for i, c := range []struct {
		counties, people, teams, k int
		mode                       string
	}{{3, 120, 8, 2, vocab.ModeMixed}, {4, 90, 10, 1, vocab.ModeMixed}, {6, 200, 12, 2, vocab.ModeSwap}, {5, 150, 10, 2, vocab.ModeLocal}, {12, 400, 20, 2, vocab.ModeMixed}} {
		in := synthetic(c.counties, c.people, c.teams)
		in.Mode = c.mode
		set := Defaults()
		set.MaxPerCounty = c.k
		res, err := Solve(in, set)
		if err != nil {
			t.Fatal(err)
		}
		if err := newOracle(in, set).valid(res); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		o := res.Objective
		if o.Filled > o.Bound || o.Optimal != (o.Filled == o.Bound) {
			t.Fatalf("case %d: objective %+v", i, o)
		}
		if !o.Optimal { // these rounds are tight but small enough to prove
			t.Errorf("case %d: filled %d, bound %d not closed", i, o.Filled, o.Bound)
		}
		t.Logf("case %d (%s, K=%d): filled %d of %d, bound %d, searched %d", i, c.mode, c.k, o.Filled, o.Slots, o.Bound, o.Searched)
	}
}

// bestCore returns the most slots any valid assignment fills and, among
// those that fill as many, the fewest experienced members the teams lack
// for a core of want each, by exhaustive search.
func (o *oracle) bestCore(want int) (int, int) {
	return o.bestBy(func(members [][]*Person) int {
		short := 0
		for _, ms := range members {
			n := want
			for _, p := range ms {
				if p.Experience > 0 {
					n--
				}
			}
			short += max(n, 0)
		}
		return short
	})
}

// bestOwing returns the most slots any valid assignment fills and, among
// those that fill as many, the fewest people who owe rounds under x left
// out, by exhaustive search.
func (o *oracle) bestOwing(x Experience) (int, int) {
	owes := func(p *Person) bool {
		n, _ := x.Owes(p.Rank, p.PromotedOn, p.SincePromoted, o.in.Start)
		return n > 0 && p.Status == "在库" && p.Pools != 0
	}
	total := 0
	for i := range o.in.People {
		if owes(&o.in.People[i]) {
			total++
		}
	}
	return o.bestBy(func(members [][]*Person) int {
		left := total
		for _, ms := range members {
			for _, p := range ms {
				if owes(p) {
					left--
				}
			}
		}
		return left
	})
}

// bestBy returns the most slots any valid assignment fills and, among
// those that fill as many, the least score, by exhaustive search.
func (o *oracle) bestBy(score func(members [][]*Person) int) (int, int) {
	slots := o.slots()
	used := map[string]bool{}
	members := make([][]*Person, len(o.in.Teams))
	rows := make([][]int, len(o.in.Teams))
	bestFill, bestScore := -1, 0
	var rec func(i, filled int)
	rec = func(i, filled int) {
		if filled+len(slots)-i < bestFill {
			return
		}
		if i == len(slots) {
			if sc := score(members); filled > bestFill || sc < bestScore {
				bestFill, bestScore = filled, sc
			}
			return
		}
		s := slots[i]
		t := &o.in.Teams[s.t]
		for k := range o.in.People {
			p := &o.in.People[k]
			ms, rs, ok := o.admit(t, s, p, used, members, rows)
			if !ok {
				continue
			}
			used[p.Code] = true
			members[s.t], rows[s.t] = ms, rs
			rec(i+1, filled+1)
			members[s.t], rows[s.t] = ms[:len(ms)-1], rs[:len(rs)-1]
			used[p.Code] = false
		}
		rec(i+1, filled)
	}
	rec(0, 0)
	return bestFill, bestScore
}

// TestCoreMatchesExhaustiveSearch: on small rounds, where the search
// runs to its end, the teams lack as few experienced members as any
// assignment that fills as many slots, and the filling stays exact.
func TestCoreMatchesExhaustiveSearch(t *testing.T) {
	for seed := range uint64(300) {
		in := randomInstance(seed+1000, 8+int(seed%3), 2)
		set := tinySettings(1+int(seed%2), seed%3 == 0)
		set.Experience = Experience{Core: 1 + int(seed%4)/3, StableRoles: []string{vocab.RoleLeader}}
		checkCore(t, seed, in, set)
	}
}

// checkCore solves in under set and checks the result against the
// oracle: valid, filling what an exhaustive search fills and lacking as
// few experienced members as any assignment that fills as many.
func checkCore(t *testing.T, seed uint64, in *Instance, set Settings) {
	t.Helper()
	res, o := solveValid(t, seed, in, set)
	fill, short := o.bestCore(set.Experience.Core)
	if res.Objective.Filled != fill || res.Objective.Tiers.CoreShort != int64(short) {
		t.Errorf("seed %d (core %d): filled %d lacking %d, exhaustive search: %d lacking %d (exhaustive %v)", seed,
			set.Experience.Core, res.Objective.Filled, res.Objective.Tiers.CoreShort, fill, short, res.Objective.Exhaustive)
	}
}

// solveValid solves in under set and checks that the result keeps every
// hard rule; it returns the result and the oracle.
func solveValid(t *testing.T, seed uint64, in *Instance, set Settings) (*Result, *oracle) {
	t.Helper()
	res, err := Solve(in, set)
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	o := newOracle(in, set)
	if err := o.valid(res); err != nil {
		t.Fatalf("seed %d: invalid result: %v", seed, err)
	}
	return res, o
}

// owingOnly clears what the tiers above the obligations weigh (rounds
// served) and makes two people in three newly promoted, at dates that
// differ by seed.
func owingOnly(in *Instance, seed uint64) {
	for i := range in.People {
		p := &in.People[i]
		p.Served, p.Previous = 0, false
		if i%3 != 0 {
			p.PromotedOn = in.Start.AddDays(-30 * (i + int(seed)%7))
		}
	}
}

// TestOwingMatchesExhaustiveSearch: with the tiers above it even (no
// rounds served, no core asked for), as many people who owe rounds are
// placed as any assignment that fills as many slots places.
func TestOwingMatchesExhaustiveSearch(t *testing.T) {
	for seed := range uint64(300) {
		in := randomInstance(seed+2000, 8+int(seed%3), 2)
		owingOnly(in, seed)
		checkOwing(t, seed, in, tinySettings(1+int(seed%2), seed%3 == 0))
	}
}

// checkOwing solves in under set and checks the result against the
// oracle: valid, filling what an exhaustive search fills and leaving out
// as few people who owe rounds as any assignment that fills as many.
func checkOwing(t *testing.T, seed uint64, in *Instance, set Settings) {
	t.Helper()
	res, o := solveValid(t, seed, in, set)
	fill, left := o.bestOwing(set.Experience)
	if res.Objective.Filled != fill || res.Objective.Tiers.OwingLeft != int64(left) {
		t.Errorf("seed %d: filled %d with %d owing left out, exhaustive search: %d with %d left out", seed,
			res.Objective.Filled, res.Objective.Tiers.OwingLeft, fill, left)
	}
}

// TestCountyShareWithSkillSeat is a round where a county's share of a
// team must take its leader and the skill seat among the members: the
// split that labels both used to label the local 副组长's bin instead
// (carving the leader's row moved the bins after it), and the search
// proved 6 slots the most when 7 can be filled.
func TestCountyShareWithSkillSeat(t *testing.T) {
	P := func(code, county string, pools snap.PoolSet, skills ...string) Person {
		return Person{Code: code, County: county, Pools: pools, Skills: skills, Status: "在库"}
	}
	L, S, E := snap.LeaderPool, snap.StaffPool, snap.ExpertPool
	in := &Instance{Round: "R", Mode: vocab.ModeMixed, Seed: "4139",
		People: []Person{P("P00", "C0", S), P("P01", "C2", S|E), P("P02", "C2", L|E), P("P03", "C1", L|E), P("P04", "C1", E, "审计"),
			P("P05", "C0", L|S, "审计"), P("P06", "C2", E, "财务"), P("P07", "C2", L|E)},
		Teams: []Team{team("第1组", 1, "C2", "U0"), {Name: "第2组", Seq: 2, County: "C1", Units: []string{"U1"}, Categories: []string{vocab.CatStateFirm}}},
		Hits: []Hit{{Person: "P05", Team: "第1组", Unit: "U0", Rule: "R5", Hard: true, Overridden: true},
			{Person: "P00", Team: "第1组", Unit: "U0", Rule: "R1", Hard: true}, {Person: "P03", Team: "第1组", Unit: "U0", Rule: "R2", Hard: true},
			{Person: "P01", Team: "第1组", Unit: "U0", Rule: "R1", Hard: true}},
		Pairs: []Pair{{A: "P05", B: "P02", Rule: "R6", Hard: true}}}
	for _, p := range []string{"P01", "P02", "P04", "P05", "P07"} { // their costs led the search to the split
		i := slices.IndexFunc(in.People, func(x Person) bool { return x.Code == p })
		in.People[i].PromotedOn, in.Start = civil.MustParse("2025-06-01"), civil.MustParse("2026-03-01")
	}
	set := tinySettings(2, true)
	res := mustSolve(t, in, set)
	if want := newOracle(in, set).best(); want != 7 || res.Objective.Filled != 7 || res.Objective.Bound != 7 {
		t.Errorf("filled %d, bound %d; exhaustive search fills %d, want 7", res.Objective.Filled, res.Objective.Bound, want)
	}
}
