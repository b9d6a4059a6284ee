package assign_test

import (
	"fmt"

	"xuncha/app/assign"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// One team inspecting 安平镇 in 安平县 and three people: a 组长 from another
// county, a local 副组长, and a member who works at the township itself
// (R1 keeps them off the team). The solver fills what the rules allow and
// says why the rest stays empty.
func ExampleSolve() {
	in := &assign.Instance{
		Round: "2026-2", Mode: vocab.ModeMixed, Seed: "1",
		Teams: []assign.Team{{Name: "第一巡察组", Seq: 1, County: "C01", Units: []string{"U01"}}},
		People: []assign.Person{
			{Code: "P01", Name: "甲", County: "C02", Pools: snap.LeaderPool, Status: vocab.StatusActive},
			{Code: "P02", Name: "乙", County: "C01", Pools: snap.StaffPool, Status: vocab.StatusActive},
			{Code: "P03", Name: "丙", County: "C03", Pools: snap.StaffPool, Status: vocab.StatusActive},
		},
		Hits: []assign.Hit{{Person: "P03", Team: "第一巡察组", Unit: "U01", Rule: "R1", Hard: true,
			Reason: "现工作单位为被巡察单位 安平镇"}},
		CountyNames: map[string]string{"C01": "安平县", "C02": "平山县", "C03": "临河县"},
		UnitNames:   map[string]string{"U01": "安平镇"},
	}
	set := assign.Settings{MaxPerCounty: 2, Rows: []assign.Row{
		{Role: vocab.RoleLeader, Count: 1, Pools: []string{vocab.PoolLeader}},
		{Role: vocab.RoleDeputy, Count: 1, Local: true},
		{Role: vocab.RoleMember, Count: 1, Pools: []string{vocab.PoolStaff}},
	}}
	res, err := assign.Solve(in, set)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range res.Teams {
		for _, m := range t.Members {
			fmt.Println(t.Team, m.Role, m.Person)
		}
	}
	for _, u := range res.Unfilled {
		fmt.Println("空缺", u.Role+"：", u.Reason)
	}
	fmt.Printf("名额 %d，编入 %d，最优 %v\n", res.Objective.Slots, res.Objective.Filled, res.Objective.Optimal)
	// Output:
	// 第一巡察组 组长 P01
	// 第一巡察组 副组长 P02
	// 空缺 成员： 第一巡察组成员空缺（其他县区，工作人员库）：候选 1 人，其中 1 人与 安平镇 存在 R1 现任职回避
	// 名额 3，编入 2，最优 true
}
