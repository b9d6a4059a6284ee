package workbook

import (
	"fmt"
	"sort"

	"xuncha/model"
)

// taskRow is a row of 巡察任务: one unit a team of a round inspects, with
// the round's fields repeated on every row of the round.
type taskRow struct {
	Term, Round, RoundName, Type, Mode, Team, Unit, Start, End string
}

var taskSheet = &entity[taskRow]{
	sheet: SheetTasks,
	fields: []field[taskRow]{
		refCol("届期编码", true, "", refTerm, func(v *taskRow) *string { return &v.Term }),
		codeCol("轮次编码", true, "如 2026-1；同一轮次的各行填同一编码", func(v *taskRow) *string { return &v.Round }),
		textCol("轮次名称", false, "如 第一轮巡察；同一轮次只需填一行", func(v *taskRow) *string { return &v.RoundName }),
		wordCol("巡察类型", false, "", model.RoundTypes, "", func(v *taskRow) *string { return &v.Type }),
		wordCol("编组方式", false, "", model.Modes, "", func(v *taskRow) *string { return &v.Mode }),
		textCol("巡察组", true, "组名，如 第一巡察组；一组巡察几个单位就填几行", func(v *taskRow) *string { return &v.Team }),
		refCol("被巡察单位编码", true, "同一组的单位须在同一县区；一个单位每轮只能编入一个组", refUnit, func(v *taskRow) *string { return &v.Unit }),
		dateCol("进驻开始", true, "该组进驻的日期；轮次的进驻开始取其各行最早的一天", func(v *taskRow) *string { return &v.Start }),
		dateCol("进驻结束", true, "轮次的进驻结束取其各行最晚的一天", func(v *taskRow) *string { return &v.End }),
	},
	zero:    func() taskRow { return taskRow{} },
	key:     func(v *taskRow) string { return join(v.Round, v.Unit) },
	keyDesc: "轮次编码和被巡察单位编码", keyCol: "被巡察单位编码",
	check: func(v *taskRow) (string, string) {
		if v.End < v.Start {
			return "进驻结束", msgEndBeforeStart(v.End, v.Start)
		}
		return "", ""
	},
	dup: func(first, cur *taskRow, at src) string {
		if first.Team == cur.Team {
			return msgDuplicate(at, "轮次编码、巡察组和被巡察单位编码")
		}
		return fmt.Sprintf("单位“%s”在轮次“%s”中已由%s编入“%s”，一个单位每轮只能由一个巡察组巡察",
			cur.Unit, cur.Round, at.where(), first.Team)
	},
}

// memberRow is a row of 编组记录: a person's place on a team of a round.
type memberRow struct {
	Round, Team, Person, Role, Evaluation string
}

var memberSheet = &entity[memberRow]{
	sheet: SheetMembers,
	fields: []field[memberRow]{
		codeCol("轮次编码", true, "巡察任务表或数据库中已有的轮次", func(v *memberRow) *string { return &v.Round }),
		textCol("巡察组", true, "该轮次中已有的组名", func(v *memberRow) *string { return &v.Team }),
		refCol("人员编号", true, "", refPerson, func(v *memberRow) *string { return &v.Person }),
		wordCol("角色", true, "", model.Roles, "", func(v *memberRow) *string { return &v.Role }),
		wordCol("鉴定", false, "", model.Evaluations, "", func(v *memberRow) *string { return &v.Evaluation }),
	},
	zero:    func() memberRow { return memberRow{} },
	key:     func(v *memberRow) string { return join(v.Round, v.Person) },
	keyDesc: "轮次编码、巡察组和人员编号", keyCol: "人员编号",
	dup: func(first, cur *memberRow, at src) string {
		if first.Team == cur.Team {
			return msgDuplicate(at, "轮次编码、巡察组和人员编号")
		}
		return fmt.Sprintf("人员“%s”在轮次“%s”中已由%s编入“%s”，每人每轮只能编入一个巡察组",
			cur.Person, cur.Round, at.where(), first.Team)
	},
}

// roundFields are the columns of 巡察任务 that belong to the round and must
// agree on every row of it.
var roundFields = []struct {
	col string
	get func(*taskRow) string
}{
	{"届期编码", func(v *taskRow) string { return v.Term }},
	{"轮次名称", func(v *taskRow) string { return v.RoundName }},
	{"巡察类型", func(v *taskRow) string { return v.Type }},
	{"编组方式", func(v *taskRow) string { return v.Mode }},
}

// checkRounds rejects the rows whose round-level fields disagree with an
// earlier row of the same round. A blank round-level cell agrees with
// anything (the round's name need be written on one row only).
func checkRounds(recs []rec[taskRow], c *collector) {
	type seen struct {
		v  string
		at src
	}
	first := make(map[string][]seen)
	for i := range recs {
		r := &recs[i]
		if !r.ok {
			continue
		}
		vals, ok := first[r.v.Round]
		if !ok {
			vals = make([]seen, len(roundFields))
		}
		for j, f := range roundFields {
			v := f.get(&r.v)
			if v == "" || vals[j].v == "" || vals[j].v == v {
				continue
			}
			c.add(r.at, f.col, fmt.Sprintf("与同一轮次“%s”的%s不一致（那里是“%s”，这里是“%s”）",
				r.v.Round, vals[j].at.where(), vals[j].v, v))
			r.ok = false
		}
		if !r.ok {
			continue
		}
		for j, f := range roundFields {
			if v := f.get(&r.v); v != "" && vals[j].v == "" {
				vals[j] = seen{v, r.at}
			}
		}
		first[r.v.Round] = vals
	}
}

// checkTeamCounties rejects the rows whose unit is in another county than
// the team's other units: those already in the database and staying in the
// team, else the team's first row in the file.
func checkTeamCounties(recs []rec[taskRow], countyOf func(string) string, ex *existing, c *collector) {
	inFile := make(map[string]bool)
	for i := range recs {
		if recs[i].ok {
			inFile[taskSheet.key(&recs[i].v)] = true
		}
	}
	staying := make(map[uint][]string) // team id → units in the database the file does not move
	for k, tu := range ex.teamUnits {
		if !inFile[k] {
			staying[tu.TeamID] = append(staying[tu.TeamID], tu.UnitCode)
		}
	}
	type anchor struct {
		county, unit, where string
	}
	anchors := make(map[string]anchor)
	for i := range recs {
		r := &recs[i]
		if !r.ok {
			continue
		}
		county := countyOf(r.v.Unit)
		key := join(r.v.Round, r.v.Team)
		a, ok := anchors[key]
		if !ok {
			a = anchor{county, r.v.Unit, r.at.where()}
			if t, exists := ex.teams[key]; exists && len(staying[t.ID]) > 0 {
				units := staying[t.ID]
				sort.Strings(units)
				a = anchor{countyOf(units[0]), units[0], "数据库中该组"}
			}
			anchors[key] = a
		}
		if county != a.county {
			c.add(r.at, "被巡察单位编码", fmt.Sprintf(
				"同一巡察组的单位须在同一县区：“%s”属于县区“%s”，而%s的单位“%s”属于县区“%s”",
				r.v.Unit, county, a.where, a.unit, a.county))
			r.ok = false
		}
	}
}

// checkMemberTeams rejects the 编组记录 rows whose team is neither among
// the accepted 巡察任务 rows nor in the database.
func checkMemberTeams(recs []rec[memberRow], tasks []rec[taskRow], ex *existing, c *collector) {
	good := make(map[string]bool)
	bad := make(map[string]src)
	for i := range tasks {
		k := join(tasks[i].v.Round, tasks[i].v.Team)
		if tasks[i].ok {
			good[k] = true
		} else if _, seen := bad[k]; !seen {
			bad[k] = tasks[i].at
		}
	}
	for i := range recs {
		r := &recs[i]
		if !r.ok {
			continue
		}
		k := join(r.v.Round, r.v.Team)
		if good[k] {
			continue
		}
		if _, ok := ex.teams[k]; ok {
			continue
		}
		r.ok = false
		if at, ok := bad[k]; ok {
			c.add(r.at, "巡察组", fmt.Sprintf("引用的巡察组“%s”（轮次“%s”）有错误（见 %s），本行未能导入", r.v.Team, r.v.Round, at.where()))
		} else {
			c.add(r.at, "巡察组", fmt.Sprintf("轮次“%s”中没有巡察组“%s”（巡察任务表和数据库中都没有）", r.v.Round, r.v.Team))
		}
	}
}
