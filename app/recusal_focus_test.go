package app

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestFocusRound: on plantRecusal's round, with 丙 saved on the roster as
// 成员, 丙's R3 is the roster's; 甲 (of 平山县, 工作人员库) could be 成员 of the
// team, so R1 keeps a candidate off; 乙 (of 安平县, 组长库) could only be the
// team's 副组长, which R4 does not bind: collapsed. 丁, of 安平县 too, joins
// 乙's R4 on a second team of the county as one row of 乙's and one of 丁's.
func TestFocusRound(t *testing.T) {
	svc, team := plantRecusal(t)
	testworld.Plant(t, svc.DB,
		&model.TeamMember{TeamID: team, PersonCode: "P03", Role: vocab.RoleMember},
		&model.Person{Code: "P04", Name: "丁", HomeCountyCode: "C01", InStaffPool: true, Status: vocab.StatusActive},
		&model.Team{RoundCode: "2026-1", Name: "第二巡察组", Seq: 2},
		&model.TeamUnit{TeamID: 2, RoundCode: "2026-1", UnitCode: "U01"})
	rep, f, err := svc.FocusRound("2026-1", false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range f.Rows {
		got = append(got, r.Tier+" "+r.PersonName+" "+r.Rule+" "+strings.Join(r.Teams, "、"))
	}
	want := []string{"已编入 丙 R3 第一巡察组", "排除候选 甲 R1 第一巡察组", "其他 乙 R4 第一巡察组、第二巡察组", "其他 丁 R4 第一巡察组、第二巡察组"}
	if !slices.Equal(got, want) {
		t.Fatalf("focused rows %v, want %v", got, want)
	}
	if len(rep.Rows) != 6 || f.Counts[recusal.TierOther] != 4 {
		t.Errorf("%d hits, counts %v", len(rep.Rows), f.Counts)
	}
	rc, err := svc.RoundCheck("2026-1")
	if err != nil {
		t.Fatal(err)
	}
	if whole := rc.Focused(false); len(whole.Rows) != len(rc.Report.Rows) {
		t.Errorf("shown whole: %d rows of %d hits", len(whole.Rows), len(rc.Report.Rows))
	}
	if part := rc.Focused(true); len(part.Rows) != 4 || part.Rows[1].Tier != recusal.TierBlocks {
		t.Errorf("focused through the round check: %+v", part.Rows)
	}
	// in a 本县 round R4 does not apply, and 甲 (of another county) could fill nothing
	svc.DB.Model(&model.Round{}).Where("code = ?", "2026-1").Update("mode", vocab.ModeLocal)
	_, f, _ = svc.FocusRound("2026-1", false)
	if len(f.Rows) != 2 || f.Rows[1].Tier != recusal.TierOther || f.Rows[1].Person != "P01" {
		t.Errorf("本县: %+v", f.Rows)
	}
}
