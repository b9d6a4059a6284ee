package draw_test

import (
	"fmt"

	"xuncha/app/draw"
)

// A draw before witnesses: the value read out at the meeting, the round
// and the sorted candidate list make the seed; each slot draws one of its
// candidates. Anyone can replay the record (xuncha draw-verify), and a
// record changed afterwards no longer replays.
func ExampleVerify() {
	s, err := draw.Start("现场摇号 58213", "2026-2", []string{"P003", "P001", "P002", "P004"})
	if err != nil {
		fmt.Println(err)
		return
	}
	leader, _ := s.Draw("第一巡察组", "组长", []string{"P001", "P002"})
	member, _ := s.Draw("第一巡察组", "成员", []string{"P003", "P004"})
	fmt.Println("组长", leader, "成员", member)

	b, _ := s.Record().Marshal()
	rec, _ := draw.ParseRecord(b)
	fmt.Println("重放:", draw.Verify(rec))

	rec.Steps[1].Drawn = "P003" // the other candidate, written in afterwards
	fmt.Println("改动后重放:", draw.Verify(rec))
	// Output:
	// 组长 P002 成员 P004
	// 重放: <nil>
	// 改动后重放: 第2步（第一巡察组 成员）重放结果为 "P004"，记录为 "P003"
}
