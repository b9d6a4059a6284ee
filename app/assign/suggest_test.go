package assign

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// suggestWorld is one team in C1 inspecting a 国有企业 (which asks for 财务),
// a leader and two members from elsewhere, and candidates who differ in
// one tier each.
func suggestWorld() (*Instance, Settings) {
	L, S := snap.LeaderPool, snap.StaffPool
	in := &Instance{Round: "R", Mode: vocab.ModeMixed, Start: day("2026-03-01"), Teams: []Team{fitTeam("第一组", 1, "C1", "U1")},
		People: []Person{
			seasoned(person("L1", "C2", L), 3, 0),
			seasoned(person("M1", "C3", S), 0, 0),
			person("A", "C4", S, "财务"),                                     // nothing against A
			person("B", "C4", S),                                           // no skill for the unit
			seasoned(person("C", "C4", S, "财务"), 2, 1),                     // served a round this term
			owing(person("D", "C4", S), "", "2025-06-01", 0),               // owes a round, no skill
			person("E", "C4", S, "财务"),                                     // a 提示
			person("F", "C4", S, "财务"),                                     // R1 on the unit
			person("G", "C1", S, "财务"),                                     // the team's own county
			{Code: "H", Name: "姓名H", County: "C4", Pools: S, Status: "暂停"}, // suspended
		},
		Hits: []Hit{{Person: "E", Team: "第一组", Unit: "U1", Rule: "R3b", Reason: "其兄在该单位任职"},
			{Person: "F", Team: "第一组", Unit: "U1", Rule: "R1", Hard: true, Reason: "现任职于该单位"}},
	}
	set := rows(3, remote(vocab.RoleLeader, 1, vocab.PoolLeader), remote(vocab.RoleMember, 2, vocab.PoolStaff))
	set.SkillsByCategory = map[string][]string{vocab.CatStateFirm: {"财务"}}
	set.Experience = Experience{Core: 1}
	return in, set
}

func roster(in *Instance, members ...Member) *Result {
	return &Result{Round: in.Round, Teams: []TeamResult{{Team: "第一组", County: "C1", Units: []string{"U1"}, Members: members}}}
}

func TestSuggestRanksByTheObjective(t *testing.T) {
	in, set := suggestWorld()
	res := roster(in, Member{Person: "L1", Role: vocab.RoleLeader}, Member{Person: "M1", Role: vocab.RoleMember})
	got, err := Suggest(in, set, res, "第一组", vocab.RoleMember, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, c := range got.Candidates {
		order = append(order, c.Person)
	}
	// fairness (C last of the rotation) before the obligation (D first of
	// the rest), then 提示 (E after B), then skills (B after A)
	if want := []string{"D", "A", "B", "E", "C"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	for i, want := range []string{"排序第一", "次于 D：新提拔：无参加巡察的要求（D 须于 2027-06-01 前参加）",
		"次于 A：专业特长不适合被巡察单位（A 适合）", "次于 B：提示 1 条（B 0 条）", "次于 E：轮换：本届已参加 1 轮，含上一轮加计（E 0 轮）"} {
		if c := got.Candidates[i]; c.Reason != want {
			t.Errorf("%s: reason %q, want %q", c.Person, c.Reason, want)
		}
	}
	if e := got.Candidates[3]; len(e.Hints) != 1 || !strings.HasPrefix(e.Hints[0], "R3b 亲属（非班子）：") {
		t.Errorf("E's hints %v", e.Hints)
	}
	if d := got.Candidates[0]; d.Due != "2027-06-01" {
		t.Errorf("D's due %q", d.Due)
	}
	for _, want := range []string{"不能担任的 2 人", "R1 现任职回避 1 人", "不符合地域条件 1 人"} {
		if !strings.Contains(got.Refused, want) {
			t.Errorf("refused %q lacks %q", got.Refused, want)
		}
	}
	if got.Holder != "" || got.More != 0 {
		t.Errorf("holder %q more %d", got.Holder, got.More)
	}
	top, err := Suggest(in, set, res, "第一组", vocab.RoleMember, "", 2)
	if err != nil || len(top.Candidates) != 2 || top.More != 3 {
		t.Errorf("limit 2: %+v %v", top, err)
	}
}

func TestSuggestAgainstTheHolder(t *testing.T) {
	in, set := suggestWorld()
	res := roster(in, Member{Person: "L1", Role: vocab.RoleLeader}, Member{Person: "M1", Role: vocab.RoleMember},
		Member{Person: "B", Role: vocab.RoleMember})
	if _, err := Suggest(in, set, res, "第一组", vocab.RoleMember, "", 0); err == nil || !strings.Contains(err.Error(), "请指明替换哪一位") {
		t.Fatalf("a full role without a holder: %v", err)
	}
	got, err := Suggest(in, set, res, "第一组", vocab.RoleMember, "B", 0)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, c := range got.Candidates {
		reasons[c.Person] = c.Reason
	}
	for p, want := range map[string]string{"A": "优于现任 B：专业特长适合被巡察单位（现任 B 不适合）",
		"C": "不及现任 B：轮换：本届已参加 1 轮，含上一轮加计（现任 B 0 轮）"} {
		if !strings.HasSuffix(reasons[p], want) {
			t.Errorf("%s: reason %q, want …%q", p, reasons[p], want)
		}
	}
	if _, ok := reasons["B"]; ok {
		t.Error("the holder is no candidate for their own slot")
	}
	// the leader's slot: one member, no holder named
	lead, err := Suggest(in, set, res, "第一组", vocab.RoleLeader, "", 0)
	if err != nil || lead.Holder != "L1" || len(lead.Candidates) != 0 || !strings.Contains(lead.Refused, "不符合人员库条件") {
		t.Errorf("leader's slot: %+v %v", lead, err)
	}
	// the core: replacing the only experienced member costs the team its core
	core, err := Suggest(in, set, roster(in, Member{Person: "C", Role: vocab.RoleMember}), "第一组", vocab.RoleMember, "C", 1)
	if err != nil || len(core.Candidates) != 1 || !strings.Contains(core.Candidates[0].Reason, "不及现任 C：以老带新：本组缺参加过巡察的成员 1 名（现任 C 0 名）") {
		t.Errorf("replacing the experienced member: %+v %v", core, err)
	}
}

// TestSuggestPlacesAndChecks places the first candidate of an empty slot
// and of a filled one through the roster edit: the roster is checked at
// once.
func TestSuggestPlacesAndChecks(t *testing.T) {
	in, set := suggestWorld()
	e, err := NewRosterEdit(in, set, roster(in, Member{Person: "L1", Role: vocab.RoleLeader}, Member{Person: "F", Role: vocab.RoleMember}), SourceSaved)
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := e.Counts("第一组"); h != 1 {
		t.Fatalf("F's R1: %d hard", h)
	}
	s, err := e.Suggest("第一组", vocab.RoleMember, "F")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Replace("F", s.Candidates[0].Person); err != nil {
		t.Fatal(err)
	}
	if h, _ := e.Counts("第一组"); h != 0 {
		t.Errorf("after the replacement: %d hard (%+v)", h, e.Violations)
	}
	s, err = e.Suggest("第一组", vocab.RoleMember, "")
	if err != nil || s.Holder != "" {
		t.Fatalf("empty slot: %+v %v", s, err)
	}
	if err := e.Move(s.Candidates[0].Person, "第一组", vocab.RoleMember); err != nil {
		t.Fatal(err)
	}
	if len(e.Team("第一组").Members) != 3 || len(e.Unfilled) != 0 {
		t.Errorf("members %v, unfilled %v", e.Team("第一组").Members, e.Unfilled)
	}
	if got, _ := e.Suggest("第一组", vocab.RoleMember, ""); got != nil {
		t.Error("a full role needs the holder named")
	}
}

// TestSuggestAgreesWithTheSolver: with one slot to fill and the
// candidates of one county (so that the slot's county leaning weighs
// alike), the solver's choice stands level with the first suggestion on
// every tier.
func TestSuggestAgreesWithTheSolver(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 11))
		in := &Instance{Round: "R", Mode: vocab.ModeMixed, Seed: fmt.Sprint(seed), Start: day("2026-03-01"),
			Teams: []Team{fitTeam("第一组", 1, "C1", "U1")}}
		for i := range 6 {
			p := person(fmt.Sprintf("P%d", i), "C2", snap.StaffPool)
			p.Served, p.Experience = r.IntN(3), r.IntN(2)
			if r.IntN(2) == 0 {
				p.Skills = []string{"财务"}
			}
			if r.IntN(3) == 0 {
				p.PromotedOn = day("2026-03-01").AddDays(-r.IntN(900))
			}
			if r.IntN(4) == 0 {
				in.Hits = append(in.Hits, Hit{Person: p.Code, Team: "第一组", Unit: "U1", Rule: "R3b", Reason: "测试"})
			}
			in.People = append(in.People, p)
		}
		set := rows(2, remote(vocab.RoleMember, 1, vocab.PoolStaff))
		set.SkillsByCategory = map[string][]string{vocab.CatStateFirm: {"财务"}}
		set.Experience = Experience{Core: int(seed % 2)}
		res := mustSolve(t, in, set)
		picked := res.Teams[0].Members[0].Person
		empty := roster(in)
		s, err := Suggest(in, set, empty, "第一组", vocab.RoleMember, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := newWorld(in, set)
		a, b := w.stand(w.pidx[picked], 0, 0, nil), w.stand(w.pidx[s.Candidates[0].Person], 0, 0, nil)
		if tier, _ := decide(a, b); tier != sEven {
			t.Errorf("seed %d: solver placed %s, first suggestion %s (they differ on tier %d)", seed, picked, s.Candidates[0].Person, tier)
		}
	}
}

// TestWhyNotNamesTheTier: asked why C is not on the team, the answer
// names, for each member holding a role C could take, the tier they win
// on.
func TestWhyNotNamesTheTier(t *testing.T) {
	in, set := suggestWorld()
	res := mustSolve(t, in, set)
	lines, err := WhyNot(in, set, res, "C", "第一组")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "成员：无规则限制，未编入任何组") || !strings.Contains(text, "轮换：本届已参加 0 轮，含上一轮加计（该人员 1 轮）") {
		t.Errorf("why not C:\n%s", text)
	}
	lines, _ = WhyNot(in, set, res, "F", "第一组")
	if text := strings.Join(lines, "\n"); !strings.Contains(text, "R1 现任职：现任职于该单位") {
		t.Errorf("why not F:\n%s", text)
	}
}
