package recusal

import (
	"slices"
	"strings"
	"testing"

	"xuncha/app/vocab"
)

// focusWorld: teams 一组 and 二组 inspect 甲县 (C1), 三组 乙县 (C2).
// 赵 is on 一组 as 成员, 钱 on 二组 as 副组长; 孙, 李, 周, 吴 are not placed.
// 孙 (of 乙县, 工作人员库) could be 成员 or 联络员 of 一组/二组 and 副组长 of
// 三组; 李 (of 甲县, 工作人员库) could only be 副组长 of 一组/二组; 周 (组长库
// only, of 乙县) could only be 组长 of 一组/二组; 吴 is 暂停: nothing.
func focusWorld() (Candidacy, func(string) string) {
	county := map[string]string{"一组": "C1", "二组": "C1", "三组": "C2"}
	home := map[string]string{"孙": "C2", "李": "C1", "周": "C2", "钱": "C1"}
	roles := func(person, team string) []string {
		local := home[person] == county[team]
		switch {
		case person == "孙" && !local:
			return []string{vocab.RoleLiaison, vocab.RoleMember}
		case person == "孙", person == "李" && local:
			return []string{vocab.RoleDeputy}
		case person == "周" && !local:
			return []string{vocab.RoleLeader}
		}
		return nil
	}
	local := func(person, team string) bool { return home[person] == county[team] }
	return Candidacy{Placed: map[string]Place{"赵": {"一组", vocab.RoleMember}, "钱": {"二组", vocab.RoleDeputy}}, Roles: roles, Local: local},
		func(t string) string { return county[t] }
}

func TestFocus(t *testing.T) {
	remote := []string{vocab.RoleLeader, vocab.RoleLiaison, vocab.RoleMember}
	long := []string{vocab.RoleLeader, vocab.RoleDeputy}
	hit := func(person, team, unit, rule string, sev Severity, roles []string) Row {
		return Row{Hit: Hit{Person: person, Team: team, Unit: unit, Rule: rule, Severity: sev, Roles: roles}}
	}
	lifted := hit("孙", "二组", "U21", R2, Hard, nil)
	lifted.Overridden = true
	rep := &Report{Rows: []Row{
		hit("赵", "一组", "U11", R4b, Soft, nil),   // on the roster: a 提示 of their own team
		hit("赵", "三组", "U31", R1, Hard, nil),    // placed elsewhere
		hit("钱", "二组", "U21", R4, Hard, remote), // a 副组长 escapes R4
		hit("钱", "二组", "U21", R2, Hard, nil),    // binds every role: on the roster
		hit("钱", "二组", "U21", R4b, Soft, nil),   // a local 副组长's 籍贯: implied
		hit("孙", "一组", "U11", R1, Hard, nil),    // keeps a candidate 成员 off
		hit("孙", "一组", "U12", R3b, Soft, nil),   // a 提示 of someone not placed
		hit("孙", "一组", "U13", R3b, Soft, nil),   // … the same team: one row
		lifted, // lifted: keeps nobody off
		hit("孙", "三组", "U31", R2, Hard, long),                                     // binds 副组长, which 孙 could be on 三组
		hit("周", "一组", "U11", R2, Hard, long),                                     // binds 组长, the only role 周 could take
		hit("孙", "二组", "U22", R2, Hard, long),                                     // binds 组长/副组长; 孙 could only be 成员/联络员 there
		hit("李", "一组", "U11", R4, Hard, remote),                                   // 李 could only be 副组长: R4 keeps nobody off
		hit("李", "一组", "U12", R4, Hard, remote),                                   // … collapsed with the one above
		hit("李", "二组", "U21", R4, Hard, remote),                                   // … and with another team of the county
		hit("李", "二组", "U21", R4b, Soft, nil),                                     // R4b: a row of its own, by county
		hit("吴", "一组", "U11", R1, Hard, nil),                                      // 暂停: no role at all
		hit("吴", "三组", "U31", R1, Hard, nil),                                      // … another team: another row
		hit("赵", "一组", "U12", R6, Hard, nil),                                      // a pair hit on the roster (R6 binds every role)
		{Hit: Hit{Person: "孙", Team: "一组", Rule: R7, Severity: Soft, Other: "赵"}}, // not placed: other
	}}
	rep.Rows[18].Other = "钱"
	cand, county := focusWorld()
	f := Focus(rep, cand, county, true)
	var got []string
	for _, r := range f.Rows {
		got = append(got, r.Tier+" "+r.Person+" "+r.Rule+" "+strings.Join(r.Teams, "、")+" "+strings.Repeat("+", r.Hits-1))
	}
	want := []string{
		"已编入 赵 R4b 一组 ", "已编入 钱 R2 二组 ", "已编入 赵 R6 一组 ",
		"排除候选 孙 R1 一组 ", "排除候选 孙 R2 三组 ", "排除候选 周 R2 一组 ",
		"其他 赵 R1 三组 ", "其他 钱 R4 二组 ", "其他 钱 R4b 二组 ", "其他 孙 R3b 一组 +", "其他 孙 R2 二组 +",
		"其他 李 R4 一组、二组 ++", "其他 李 R4b 二组 ", "其他 吴 R1 一组 ", "其他 吴 R1 三组 ", "其他 孙 R7 一组 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("focused rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f.Counts[TierRoster] != 3 || f.Counts[TierBlocks] != 3 || f.Counts[TierOther] != 14 ||
		f.Count(TierRoster) != 3 || f.Count(TierOther) != 10 {
		t.Errorf("counts %v, rows of 其他 %d", f.Counts, f.Count(TierOther))
	}
	if n := f.Counts[TierRoster] + f.Counts[TierBlocks] + f.Counts[TierOther]; n != len(rep.Rows) {
		t.Errorf("the tiers hold %d hits of %d", n, len(rep.Rows))
	}
	var of []int
	for _, r := range f.Rows {
		of = append(of, r.Of...)
	}
	slices.Sort(of)
	if len(of) != len(rep.Rows) || of[0] != 0 || of[len(of)-1] != len(rep.Rows)-1 || len(slices.Compact(of)) != len(rep.Rows) {
		t.Errorf("the rows stand for hits %v", of)
	}
	whole := Focus(rep, cand, county, false)
	if len(whole.Rows) != len(rep.Rows) || whole.Rows[2].Tier != TierOther || whole.Rows[3].Tier != TierRoster ||
		whole.Rows[5].Person != "孙" || whole.Rows[5].Tier != TierBlocks {
		t.Errorf("shown whole: %d rows, tiers %s %s", len(whole.Rows), whole.Rows[2].Tier, whole.Rows[3].Tier)
	}
}

// TestFocusWithoutRoster: with nobody placed and no role table every hit
// is collapsed, none is lost.
func TestFocusWithoutRoster(t *testing.T) {
	rep := &Report{Rows: []Row{{Hit: Hit{Person: "甲", Team: "一组", Unit: "U1", Rule: R1, Severity: Hard}}}}
	f := Focus(rep, Candidacy{}, func(string) string { return "" }, true)
	if len(f.Rows) != 1 || f.Rows[0].Tier != TierOther || f.Counts[TierOther] != 1 {
		t.Fatalf("%+v", f)
	}
}
