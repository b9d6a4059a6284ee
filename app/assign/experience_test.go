package assign

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

var day = civil.MustParse

func TestOwes(t *testing.T) {
	start := day("2026-03-01")
	two := Experience{PromotedRounds: 2}
	deputies := Experience{PromotedRanks: []string{"副科级"}}
	for _, c := range []struct {
		name     string
		x        Experience
		rank     string
		promoted string
		served   int
		owed     int
		due      string
	}{
		{"两年前当日提拔，期限当日仍欠", Experience{}, "副科级", "2024-03-01", 0, 1, "2026-03-01"},
		{"早一天提拔，已过期限", Experience{}, "副科级", "2024-02-29", 0, 0, ""},
		{"进驻当日提拔", Experience{}, "副科级", "2026-03-01", 0, 1, "2028-03-01"},
		{"进驻后提拔", Experience{}, "副科级", "2026-03-02", 0, 0, ""},
		{"未填新提拔日期", Experience{}, "副科级", "", 0, 0, ""},
		{"应参加一轮已参加一轮", Experience{}, "副科级", "2025-06-01", 1, 0, ""},
		{"应参加两轮已参加一轮", two, "副科级", "2025-06-01", 1, 1, "2027-06-01"},
		{"应参加两轮尚未参加", two, "副科级", "2025-06-01", 0, 2, "2027-06-01"},
		{"应参加两轮已参加两轮", two, "副科级", "2025-06-01", 2, 0, ""},
		{"职级在名单中", deputies, "副科级", "2025-06-01", 0, 1, "2027-06-01"},
		{"职级含名单中的词", deputies, "副科级领导职务", "2025-06-01", 0, 1, "2027-06-01"},
		{"职级不在名单中", deputies, "一级科员", "2025-06-01", 0, 0, ""},
		{"职级为空而名单不空", deputies, "", "2025-06-01", 0, 0, ""},
		{"名单为空则任何职级", Experience{}, "", "2025-06-01", 0, 1, "2027-06-01"},
		{"期限三年", Experience{PromotedYears: 3}, "", "2023-03-01", 0, 1, "2026-03-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var promoted civil.Date
			if c.promoted != "" {
				promoted = day(c.promoted)
			}
			owed, due := c.x.Owes(c.rank, promoted, c.served, start)
			want := civil.Date(0)
			if c.due != "" {
				want = day(c.due)
			}
			if owed != c.owed || due != want {
				t.Errorf("owes %d by %s, want %d by %s", owed, due, c.owed, want)
			}
		})
	}
	// a leap day promotion: two years on is the last day of February
	if owed, due := (Experience{}).Owes("", day("2024-02-29"), 0, day("2026-02-28")); owed != 1 || due != day("2026-02-28") {
		t.Errorf("promoted 2024-02-29: owes %d by %s on 2026-02-28, want 1 by 2026-02-28", owed, due)
	}
}

func TestExperienceValidate(t *testing.T) {
	for name, x := range map[string]Experience{
		"核心人数为负": {Core: -1}, "轮数为三": {PromotedRounds: 3}, "期限过长": {PromotedYears: 11},
		"角色无效": {StableRoles: []string{"组员"}}, "职级空白": {PromotedRanks: []string{" "}},
	} {
		if err := x.Validate(); err == nil {
			t.Errorf("%s: accepted %+v", name, x)
		}
	}
	if err := DefaultExperience().Validate(); err != nil {
		t.Error(err)
	}
}

// owing makes a person promoted on promoted, who has served served rounds
// since.
func owing(p Person, rank, promoted string, served int) Person {
	p.Rank, p.PromotedOn, p.SincePromoted = rank, day(promoted), served
	return p
}

// seasoned makes a person with experience rounds served, served of them
// this term.
func seasoned(p Person, experience, served int) Person {
	p.Experience, p.Served = experience, served
	return p
}

// withExperience returns set with rules x.
func withExperience(set Settings, x Experience) Settings {
	set.Experience = x
	return set
}

func fitTeam(name string, seq int, county string, units ...string) Team {
	t := team(name, seq, county, units...)
	t.Categories = []string{vocab.CatStateFirm}
	return t
}

func TestExperiencePlanted(t *testing.T) {
	L, S := snap.LeaderPool, snap.StaffPool
	start := day("2026-03-01")
	fit := map[string][]string{vocab.CatStateFirm: {"财务"}}
	leaderMember := func(x Experience) Settings {
		set := rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader), remote(vocab.RoleMember, 1, vocab.PoolStaff))
		set.SkillsByCategory = fit
		return withExperience(set, x)
	}
	oneMember := func(x Experience) Settings {
		set := rows(2, remote(vocab.RoleMember, 1, vocab.PoolStaff))
		set.SkillsByCategory = fit
		return withExperience(set, x)
	}
	core := Experience{Core: 1}
	cases := []struct {
		name  string
		in    *Instance
		set   Settings
		want  map[string][]string // team → members ("成员:E1")
		check func(t *testing.T, res *Result)
	}{
		{
			// E1 is the cheaper experienced member (fewer rounds this term)
			// and could join either team; E2 may only join 第一组. Taking the
			// teams in turn, 第一组 would take E1 and leave 第二组 without an
			// experienced member.
			name: "以老带新：逐组挑选会错过",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
				People: []Person{person("LA", "C6", L), person("LB", "C7", L),
					seasoned(person("E1", "C2", S), 2, 1), seasoned(person("E2", "C3", S), 3, 2),
					person("N1", "C4", S), person("N2", "C5", S)},
				Hits: []Hit{{Person: "E2", Team: "第二组", Unit: "U2", Rule: "R1", Hard: true, Reason: "E2 现任职于 U2"}}},
			set:  leaderMember(core),
			want: map[string][]string{"第一组": {"组长:LA", "成员:E2"}, "第二组": {"组长:LB", "成员:E1"}},
			check: func(t *testing.T, res *Result) {
				if res.Objective.Tiers.CoreShort != 0 || slices.ContainsFunc(res.Warnings, func(w Warning) bool { return w.Rule == RuleCore }) {
					t.Errorf("core short %d, warnings %+v", res.Objective.Tiers.CoreShort, res.Warnings)
				}
			},
		},
		{
			name: "以老带新先于轮换",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{seasoned(person("X", "C2", S), 4, 2), person("Y", "C3", S)}},
			set:  oneMember(core),
			want: map[string][]string{"第一组": {"成员:X"}},
		},
		{
			name: "不要求以老带新时轮换优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{seasoned(person("X", "C2", S), 4, 2), person("Y", "C3", S)}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:Y"}},
		},
		{
			name: "无人有经历：提示以老带新不足",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{person("Y", "C3", S)}},
			set:  oneMember(core),
			want: map[string][]string{"第一组": {"成员:Y"}},
			check: func(t *testing.T, res *Result) {
				i := slices.IndexFunc(res.Warnings, func(w Warning) bool { return w.Rule == RuleCore && w.Team == "第一组" })
				if i < 0 || !strings.Contains(res.Warnings[i].Reason, "没有参加过巡察的成员") || res.Objective.Tiers.CoreShort != 1 {
					t.Errorf("warnings %+v, core short %d", res.Warnings, res.Objective.Tiers.CoreShort)
				}
				if res.Objective.Searched != 1 {
					t.Errorf("searched %d: a core nobody can give needs no search", res.Objective.Searched)
				}
			},
		},
		{
			// 组长 is a stable role: LA's rounds this term do not count
			// there, and the skill the unit asks for decides; 成员 rotates:
			// MB, who has served less, goes first whatever the skill
			name: "轮换只在轮换的角色",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{seasoned(person("LA", "C2", L, "财务"), 3, 2), person("LB", "C2", L),
					seasoned(person("MA", "C3", S, "财务"), 3, 2), person("MB", "C3", S)}},
			set:  leaderMember(Experience{StableRoles: []string{vocab.RoleLeader}}),
			want: map[string][]string{"第一组": {"组长:LA", "成员:MB"}},
		},
		{
			name: "各角色都轮换时组长也轮换",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{seasoned(person("LA", "C2", L, "财务"), 3, 2), person("LB", "C2", L),
					seasoned(person("MA", "C3", S, "财务"), 3, 2), person("MB", "C3", S)}},
			set:  leaderMember(Experience{}),
			want: map[string][]string{"第一组": {"组长:LB", "成员:MB"}},
		},
		{
			// O owes two rounds and has served one: still owing, O goes
			// before F, whose skill fits the unit better
			name: "应参加两轮已参加一轮仍优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "副科级", "2025-06-01", 1), person("F", "C2", S, "财务")}},
			set:  oneMember(Experience{PromotedRounds: 2}),
			want: map[string][]string{"第一组": {"成员:O"}},
			check: func(t *testing.T, res *Result) {
				if res.Objective.Tiers.Owing != 1 || res.Objective.Tiers.OwingLeft != 0 {
					t.Errorf("tiers %+v", res.Objective.Tiers)
				}
			},
		},
		{
			name: "应参加一轮已参加一轮不再优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "副科级", "2025-06-01", 1), person("F", "C2", S, "财务")}},
			set:  oneMember(Experience{PromotedRounds: 1}),
			want: map[string][]string{"第一组": {"成员:F"}},
		},
		{
			name: "职级不在名单中的新提拔不优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "一级科员", "2025-06-01", 0), person("F", "C2", S, "财务")}},
			set:  oneMember(Experience{PromotedRanks: []string{"副科级"}}),
			want: map[string][]string{"第一组": {"成员:F"}},
		},
		{
			name: "职级在名单中的新提拔优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "副科级", "2025-06-01", 0), person("F", "C2", S, "财务")}},
			set:  oneMember(Experience{PromotedRanks: []string{"副科级"}}),
			want: map[string][]string{"第一组": {"成员:O"}},
		},
		{
			name: "期限恰在两年的新提拔仍优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "", "2024-03-01", 0), person("F", "C2", S, "财务")}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:O"}},
		},
		{
			name: "期限早一天已过不再优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "", "2024-02-29", 0), person("F", "C2", S, "财务")}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:F"}},
		},
		{
			// both deadlines are more than half a year away (the flow does not
			// tell them apart); the one due first goes, though Q fits better
			name: "期限早者优先",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("P", "C2", S), "", "2025-01-10", 0), owing(person("Q", "C2", S, "财务"), "", "2025-09-01", 0)}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:P"}},
			check: func(t *testing.T, res *Result) {
				i := slices.IndexFunc(res.Warnings, func(w Warning) bool { return w.Rule == RuleOwing && w.Person == "Q" })
				if i < 0 || !strings.Contains(res.Warnings[i].Reason, "须于 2027-09-01 前参加巡察，尚欠 1 轮") || res.Objective.Tiers.OwingLeft != 1 {
					t.Errorf("warnings %+v, tiers %+v", res.Warnings, res.Objective.Tiers)
				}
			},
		},
		{
			name: "期限临近者先于较远者",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("P", "C2", S), "", "2024-05-01", 0), owing(person("Q", "C2", S, "财务"), "", "2025-09-01", 0)}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:P"}},
		},
		{
			// O1 may join either team, O2 only 第一组; N owes nothing. Taking
			// the teams in turn, 第一组 would take O1 (due first) and leave
			// O2 out.
			name: "新提拔：逐组挑选会漏掉",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
				People: []Person{owing(person("O1", "C2", S), "", "2024-06-01", 0), owing(person("O2", "C3", S), "", "2025-06-01", 0),
					person("N", "C4", S)},
				Hits: []Hit{{Person: "O2", Team: "第二组", Unit: "U2", Rule: "R1", Hard: true, Reason: "O2 现任职于 U2"}}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:O2"}, "第二组": {"成员:O1"}},
			check: func(t *testing.T, res *Result) {
				if res.Objective.Tiers.Owing != 2 || res.Objective.Tiers.OwingLeft != 0 {
					t.Errorf("tiers %+v", res.Objective.Tiers)
				}
			},
		},
		{
			name: "新提拔无处可编时提示",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{team("第一组", 1, "C1", "U1")},
				People: []Person{owing(person("O", "C2", S), "", "2025-06-01", 0), person("N", "C4", S)},
				Hits:   []Hit{{Person: "O", Team: "第一组", Unit: "U1", Rule: "R1", Hard: true, Reason: "O 现任职于 U1"}}},
			set:  oneMember(Experience{}),
			want: map[string][]string{"第一组": {"成员:N"}},
			check: func(t *testing.T, res *Result) {
				i := slices.IndexFunc(res.Warnings, func(w Warning) bool { return w.Rule == RuleOwing && w.Person == "O" })
				if i < 0 || res.Warnings[i].Team != "" || !strings.Contains(res.Warnings[i].Reason, "1 个组因人员库、地域或回避规则不能编入") {
					t.Errorf("warnings %+v", res.Warnings)
				}
			},
		},
		{
			// A's 基本称职 (R9 提示) binds 组长 and 副组长 only: as 成员 it
			// weighs nothing, and A's skill decides against B
			name: "提示只计入其约束的角色",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{person("L", "C6", L), person("A", "C2", S, "财务"), person("B", "C2", S)},
				Hits: []Hit{{Person: "A", Team: "第一组", Unit: "U1", Rule: "R9", Roles: []string{vocab.RoleLeader, vocab.RoleDeputy},
					Reason: "最近一次鉴定为基本称职"}}},
			set:  leaderMember(Experience{}),
			want: map[string][]string{"第一组": {"组长:L", "成员:A"}},
			check: func(t *testing.T, res *Result) {
				if len(res.Warnings) != 0 || res.Objective.Tiers.Soft != 0 {
					t.Errorf("warnings %+v, soft %d: the R9 提示 does not bind 成员", res.Warnings, res.Objective.Tiers.Soft)
				}
			},
		},
		{
			name: "提示计入其约束的角色",
			in: &Instance{Mode: vocab.ModeMixed, Start: start, Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
				People: []Person{person("A", "C2", L, "财务"), person("B", "C2", L)},
				Hits: []Hit{{Person: "A", Team: "第一组", Unit: "U1", Rule: "R9", Roles: []string{vocab.RoleLeader, vocab.RoleDeputy},
					Reason: "最近一次鉴定为基本称职"}}},
			set:  withExperience(Settings{Rows: []Row{remote(vocab.RoleLeader, 1, vocab.PoolLeader)}, MaxPerCounty: 2, SkillsByCategory: fit}, Experience{}),
			want: map[string][]string{"第一组": {"组长:B"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustSolve(t, c.in, c.set)
			for team, want := range c.want {
				if got := members(res, team); !slices.Equal(got, want) {
					t.Errorf("%s = %v, want %v (warnings %+v)", team, got, want, res.Warnings)
				}
			}
			if c.check != nil {
				c.check(t, res)
			}
		})
	}
}

// TestSoftHitOnlyWhereItBinds checks the hand-edit check: A's R9 提示
// shows when A leads the team, not when A is a member.
func TestSoftHitOnlyWhereItBinds(t *testing.T) {
	in := &Instance{Mode: vocab.ModeMixed, Teams: []Team{team("第一组", 1, "C1", "U1")},
		People: []Person{person("A", "C2", snap.LeaderPool|snap.StaffPool), person("B", "C3", snap.LeaderPool|snap.StaffPool)},
		Hits: []Hit{{Person: "A", Team: "第一组", Unit: "U1", Rule: "R9", Roles: []string{vocab.RoleLeader, vocab.RoleDeputy},
			Reason: "最近一次鉴定为基本称职"}}}
	set := rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader), remote(vocab.RoleMember, 1, vocab.PoolStaff))
	for role, want := range map[string]bool{vocab.RoleLeader: true, vocab.RoleMember: false} {
		other := vocab.RoleMember
		if role == vocab.RoleMember {
			other = vocab.RoleLeader
		}
		vs, err := Check(in, set, []TeamResult{{Team: "第一组", Members: []Member{{Person: "A", Role: role}, {Person: "B", Role: other}}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.ContainsFunc(vs, func(v Violation) bool { return v.Rule == "R9" }); got != want {
			t.Errorf("A as %s: R9 shown %v, want %v (%+v)", role, got, want, vs)
		}
	}
}
