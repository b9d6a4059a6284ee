package recusal_test

import (
	"fmt"

	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// A team of round 2026-2 inspects 安平镇 and its village 东村. 张三, of
// 安平县 himself, worked at the township until 2024 (R2), and his wife's
// brother leads it (R3): the checker finds each hit against the unit it
// concerns, with the evidence; R4 binds only the roles that must come from
// another county, so he may still be 副组长.
func ExampleChecker_Team() {
	s := &snap.Snapshot{
		Counties: []snap.County{{Code: "C01", Name: "安平县"}, {Code: "C02", Name: "平山县"}},
		Units: []snap.Unit{
			{Code: "U01", Name: "安平镇", County: "C01", Category: vocab.CatTownship},
			{Code: "U0101", Name: "东村", County: "C01", Category: vocab.CatVillage, Parent: "U01"},
		},
		Leaders: []snap.Leader{{Unit: "U01", Name: "孙立", Post: "党委书记"}},
		People: []snap.Person{{Code: "P01", Name: "张三", HomeCounty: "C01", Pools: snap.StaffPool, Status: vocab.StatusActive,
			History:   []snap.Stint{{Unit: "U01", From: civil.MustParse("2019-01-01"), To: civil.MustParse("2024-06-30")}},
			Relatives: []snap.Relative{{Name: "孙立", Relation: "配偶的兄弟姐妹"}}}},
		Rounds: []snap.Round{{Code: "2026-2", Name: "2026年第二轮巡察", Mode: vocab.ModeMixed, OnsiteStart: civil.MustParse("2026-09-01"),
			Teams: []snap.Team{{Name: "第一巡察组", County: "C01", Units: []snap.TeamUnit{{Unit: "U01"}, {Unit: "U0101"}}}}}},
	}
	s.Index()
	c := recusal.New(s, recusal.Defaults())
	r := s.Round("2026-2")
	for _, h := range c.Team(s.Person("P01"), r, &r.Teams[0]) {
		fmt.Println(h.Unit, h)
		if h.Roles != nil {
			fmt.Println("  适用角色:", recusal.RolesText(h))
		}
	}
	// Output:
	// U01 R2 曾任职 [回避] 2019-01 至 2024-06 在 安平镇 工作，距进驻不足3年
	// U01 R3 亲属 [回避] 张三的配偶的兄弟姐妹 孙立 任 安平镇 党委书记（班子成员）
	// U01 R4 地域 [回避] 工作关系地为 安平县，与被巡察单位同属一县（须异地产生的角色不得担任）
	//   适用角色: 组长、联络员、成员
	// U0101 R4 地域 [回避] 工作关系地为 安平县，与被巡察单位同属一县（须异地产生的角色不得担任）
	//   适用角色: 组长、联络员、成员
}
