package assign

import (
	"bytes"
	"encoding/json"
	"testing"

	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// TestDegenerateRounds runs the solver, the draw, the checks and the hand
// edits over rounds a clerk can leave half built: nothing may panic, and
// whatever is returned is a usable result or an error.
func TestDegenerateRounds(t *testing.T) {
	L, S := snap.LeaderPool, snap.StaffPool
	def := Defaults()
	cases := []struct {
		name string
		in   *Instance
		set  Settings
	}{
		{"轮次没有巡察组", &Instance{Round: "R1"}, def},
		{"巡察组没有单位", &Instance{Round: "R1", Teams: []Team{{Name: "第一组", Seq: 1}}}, def},
		{"巡察组没有县区", &Instance{Round: "R1", Teams: []Team{{Name: "第一组", Seq: 1, Units: []string{"U1"}}},
			People: []Person{person("P1", "C1", L), person("P2", "", S)}}, def},
		{"没有任何候选人", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C2", "U2")}}, def},
		{"候选人全部暂停或出库", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1")},
			People: []Person{{Code: "P1", County: "C2", Pools: L, Status: "暂停"}, {Code: "P2", County: "C2", Pools: S, Status: "出库"}}}, def},
		{"只有本县人员", &Instance{Round: "R1", Mode: vocab.ModeSwap, Teams: []Team{team("第一组", 1, "C1", "U1")},
			People: []Person{person("P1", "C1", L), person("P2", "C1", S)}}, def},
		{"成建制交叉只有一个县", &Instance{Round: "R1", Mode: vocab.ModeSwap, Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
			People: []Person{person("P1", "C2", L)}}, def},
		{"回避和锁定指向不存在的人和组", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1")},
			People:   []Person{person("P1", "C2", L)},
			Hits:     []Hit{{Person: "P9", Team: "第九组", Unit: "U9", Rule: "R1", Hard: true}},
			Pairs:    []Pair{{A: "P1", B: "P9", Rule: "R6", Hard: true}, {A: "P1", B: "P1", Rule: "R7"}},
			Excluded: []string{"P9", ""}}, def},
		{"锁定到不存在的组和角色", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1")},
			People: []Person{person("P1", "C2", L), {Code: "P2", County: "C2", Pools: S, Status: "暂停"}},
			Locks:  []Lock{{Person: "P1", Team: "第九组", Role: vocab.RoleLeader}, {Person: "P2", Team: "第一组", Role: "无此角色"}}}, def},
		{"同一人锁定两次", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
			People: []Person{person("P1", "C2", L)},
			Locks:  []Lock{{Person: "P1", Team: "第一组", Role: vocab.RoleLeader}, {Person: "P1", Team: "第二组", Role: vocab.RoleLeader}}}, def},
		{"锁定人数超过角色名额", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1")},
			People: []Person{person("P1", "C2", L), person("P2", "C3", L)},
			Locks:  []Lock{{Person: "P1", Team: "第一组", Role: vocab.RoleLeader}, {Person: "P2", Team: "第一组", Role: vocab.RoleLeader}}}, def},
		{"同一巡察组名出现两次", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1"), team("第一组", 1, "C2", "U2")},
			People: []Person{person("P1", "C2", L), person("P2", "C1", L)}}, def},
		{"同一人员编号出现两次", &Instance{Round: "R1", Teams: []Team{team("第一组", 1, "C1", "U1")},
			People: []Person{person("P1", "C2", L), person("P1", "C3", S)}}, def},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Solve(tc.in, tc.set)
			if err != nil {
				t.Logf("Solve: %v", err)
				return
			}
			if len(res.Teams) != len(tc.in.Teams) {
				t.Errorf("结果有 %d 个组，轮次有 %d 个", len(res.Teams), len(tc.in.Teams))
			}
			again, err := Solve(tc.in, tc.set)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(res)
			b, _ := json.Marshal(again)
			if !bytes.Equal(a, b) {
				t.Errorf("two solves differ:\n%s\n%s", a, b)
			}
			if _, err := Check(tc.in, tc.set, res.Teams); err != nil {
				t.Logf("Check: %v", err)
			}
			if _, _, err := Draw(tc.in, tc.set, "12345"); err != nil {
				t.Logf("Draw: %v", err)
			}
			if _, err := Resolve(tc.in, tc.set, res, []string{"P1", "无此人"}); err != nil {
				t.Logf("Resolve: %v", err)
			}
			for _, p := range []string{"P1", "P2", "无此人", ""} {
				for _, tm := range []string{"第一组", "无此组", ""} {
					WhyNot(tc.in, tc.set, res, p, tm)
					Move(res, p, tm, vocab.RoleMember)
					Move(res, p, tm, "无此角色")
				}
				Swap(res, p, "P1")
				SetLocked(res, p, true)
				Remove(res, p)
			}
		})
	}
}

// TestFromSnapshotDegenerate builds instances from snapshots with rounds
// that have nothing in them yet.
func TestFromSnapshotDegenerate(t *testing.T) {
	cases := []struct {
		name string
		s    *snap.Snapshot
	}{
		{"空轮次", &snap.Snapshot{Rounds: []snap.Round{{Code: "R1"}}}},
		{"轮次无届期无日期", &snap.Snapshot{Rounds: []snap.Round{{Code: "R1", Teams: []snap.Team{{Name: "第一组"}}}}}},
		{"成员和单位不存在", &snap.Snapshot{
			People: []snap.Person{{Code: "P1", Status: "在库", Pools: snap.StaffPool}},
			Rounds: []snap.Round{{Code: "R0", Term: "T1", Teams: []snap.Team{{Name: "第一组", Members: []snap.Member{{Person: "P9", Role: "成员"}}}}},
				{Code: "R1", Term: "T1", Teams: []snap.Team{{Name: "第一组", County: "C9", Units: []snap.TeamUnit{{Unit: "U9"}},
					Members: []snap.Member{{Person: "P9", Role: "组长", Locked: true}, {Person: "P1", Role: "无此角色", Locked: true}}}}}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.Index()
			rs := recusal.Defaults()
			in, err := FromSnapshot(tc.s, recusal.New(tc.s, rs), rs, "R1", "", "1")
			if err != nil {
				t.Logf("FromSnapshot: %v", err)
				return
			}
			if _, err := Solve(in, Defaults()); err != nil {
				t.Logf("Solve: %v", err)
			}
			if _, err := FromSnapshot(tc.s, recusal.New(tc.s, rs), rs, "无此轮次", "", "1"); err == nil {
				t.Error("不存在的轮次没有报错")
			}
		})
	}
}
