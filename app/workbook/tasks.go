package workbook

import (
	"fmt"
	"slices"
	"sort"

	"xuncha/app/fieldrule"
	"xuncha/app/vocab"
	"xuncha/model"
)

// taskRow is a row of 巡察任务: one unit a team of a round inspects, with
// the round's fields repeated on every row of the round (or written on one
// of them) and the team's on every row of the team.
type taskRow struct {
	Term, Round, RoundName, Type, Mode, Team, Unit, Start, End string
	Received                                                   string // 整改报告收到日期 of the unit
	Seq                                                        string // 组序号
	// The round's own: its number, its on-site dates where they are not
	// the span of its rows, and its other stage dates.
	Number, RoundStart, RoundEnd                 string
	Prep, ReportEnd, Feedback, RectifyDue, Check string
	// Part II (SPEC §8.1): the round's 组织方式, its 联动轮次 and its
	// 巡审联动 requirement. legacy is the 组织方式 an old 巡察类型 cell
	// named (交叉 …), read as such.
	Level, Links, JointUnits, JointCategories string
	legacy                                    string
}

var taskSheet = &entity[taskRow]{
	sheet: SheetTasks,
	fields: []field[taskRow]{
		refCol("届期编码", true, "", refTerm, func(v *taskRow) *string { return &v.Term }),
		codeCol("轮次编码", true, "如 2026-1；同一轮次的各行填同一编码", func(v *taskRow) *string { return &v.Round }),
		textCol("轮次名称", false, "如 第一轮巡察；同一轮次只需填一行", func(v *taskRow) *string { return &v.RoundName }),
		kindCol(),
		wordCol("编组方式", false, "", vocab.Modes, "", func(v *taskRow) *string { return &v.Mode }),
		textCol("巡察组", true, "组名，如 第一巡察组；一组巡察几个单位就填几行", func(v *taskRow) *string { return &v.Team }),
		refCol("被巡察单位编码", true, "同一组的单位须在同一县区；一个单位每轮只能编入一个组", refUnit, func(v *taskRow) *string { return &v.Unit }),
		dateCol("进驻开始", true, "该组进驻的日期；轮次的进驻开始取其各行最早的一天", func(v *taskRow) *string { return &v.Start }),
		dateCol("进驻结束", true, "轮次的进驻结束取其各行最晚的一天", func(v *taskRow) *string { return &v.End }),
		dateCol("整改报告收到日期", false, "该单位的整改报告收到的日期，未收到为空白", func(v *taskRow) *string { return &v.Received }),
		numberCol("组序号", "该组在轮次中的顺序；同一组只需填一行，空白为不变（新组排在最后）", func(v *taskRow) *string { return &v.Seq }),
		numberCol("轮次序号", "轮次在届期中的序号；同一轮次只需填一行，空白为不变（新轮次按进驻开始编号）", func(v *taskRow) *string { return &v.Number }),
		dateCol("轮次进驻开始", false, roundDateHelp, func(v *taskRow) *string { return &v.RoundStart }),
		dateCol("轮次进驻结束", false, roundDateHelp, func(v *taskRow) *string { return &v.RoundEnd }),
		dateCol("准备开始", false, stageHelp, func(v *taskRow) *string { return &v.Prep }),
		dateCol("报告结束", false, stageHelp, func(v *taskRow) *string { return &v.ReportEnd }),
		dateCol("反馈日期", false, stageHelp, func(v *taskRow) *string { return &v.Feedback }),
		dateCol("整改报告期限", false, stageHelp, func(v *taskRow) *string { return &v.RectifyDue }),
		dateCol("督查验收日期", false, stageHelp, func(v *taskRow) *string { return &v.Check }),
		levelCol(),
		codesCol("联动轮次", "上下联动时与本轮同步进驻的其他轮次的编码（如市本级轮次与县区轮次互相联动）；同一轮次只需填一行，空白为不变",
			func(v *taskRow) *string { return &v.Links }),
		codesCol("巡审联动单位编码", "巡审联动：每组须至少一名现工作单位为这些单位（如审计局）的成员；同一轮次只需填一行，空白为不变",
			func(v *taskRow) *string { return &v.JointUnits }),
		listCol("巡审联动单位类别", "巡审联动：每组须至少一名现工作单位属于这些类别的成员；同一轮次只需填一行，空白为不变", vocab.Categories,
			func(v *taskRow) *string { return &v.JointCategories }),
	},
	zero:    func() taskRow { return taskRow{} },
	key:     func(v *taskRow) string { return join(v.Round, v.Unit) },
	keyDesc: "轮次编码和被巡察单位编码", keyCol: "被巡察单位编码",
	check: func(v *taskRow) (string, string) {
		if v.End < v.Start {
			return "进驻结束", msgEndBeforeStart(v.End, v.Start)
		}
		if v.legacy != "" && v.Level != "" && v.Level != v.legacy {
			return "组织方式", fmt.Sprintf("巡察类型“%s”是旧版的组织方式写法，与组织方式“%s”不一致", v.legacy, v.Level)
		}
		if slices.Contains(fieldrule.SplitWords(v.Links), v.Round) {
			return "联动轮次", "联动轮次不能是本轮次 " + v.Round
		}
		return stageOrder(v)
	},
	dup: func(first, cur *taskRow, at src) string {
		if first.Team == cur.Team {
			return msgDuplicate(at, "轮次编码、巡察组和被巡察单位编码")
		}
		return fmt.Sprintf("单位“%s”在轮次“%s”中已由%s编入“%s”，一个单位每轮只能由一个巡察组巡察",
			cur.Unit, cur.Round, at.where(), first.Team)
	},
}

// kindCol is 巡察类型 (SPEC §8.1): a word of vocab.RoundKinds, or, as old
// workbooks wrote it, an 组织方式 (交叉, 提级, 联动, 上下联动, 巡审联动),
// read as that 组织方式 with 巡察类型 常规.
func kindCol() field[taskRow] {
	f := wordCol("巡察类型", false, "旧版填写的 交叉、提级、联动、巡审联动 读作组织方式，巡察类型为 常规", vocab.RoundKinds, "",
		func(v *taskRow) *string { return &v.Type })
	set := f.set
	f.set = func(v *taskRow, s string) string {
		if l, ok := vocab.LevelOfKindWord(s); ok {
			v.Type, v.legacy = vocab.KindRegular, l
			if v.Level == "" {
				v.Level = l
			}
			return ""
		}
		return set(v, s)
	}
	return f
}

// levelCol is 组织方式: a word of vocab.RoundLevels; blank leaves what an
// old 巡察类型 cell of the row said.
func levelCol() field[taskRow] {
	f := wordCol("组织方式", false, "同一轮次只需填一行，空白为不变", vocab.RoundLevels, "", func(v *taskRow) *string { return &v.Level })
	set := f.set
	f.set = func(v *taskRow, s string) string {
		if s == "" {
			return ""
		}
		return set(v, s)
	}
	return f
}

const (
	roundDateHelp = "轮次本身的进驻日期，与各组的不同时填写；同一轮次只需填一行，空白为取各行的最早和最晚一天"
	stageHelp     = "轮次的阶段日期；同一轮次只需填一行，空白为不变"
)

// stageOrder checks that the round's dates a row gives follow the order
// of the stages (blank ones skipped).
func stageOrder(v *taskRow) (string, string) {
	prev, prevCol := "", ""
	for _, f := range []struct{ col, v string }{
		{"准备开始", v.Prep}, {"轮次进驻开始", v.RoundStart}, {"轮次进驻结束", v.RoundEnd}, {"报告结束", v.ReportEnd},
		{"反馈日期", v.Feedback}, {"整改报告期限", v.RectifyDue}, {"督查验收日期", v.Check},
	} {
		if f.v == "" {
			continue
		}
		if f.v < prev {
			return f.col, fmt.Sprintf("%s %s 早于%s %s", f.col, f.v, prevCol, prev)
		}
		prev, prevCol = f.v, f.col
	}
	return "", ""
}

// memberRow is a row of 编组记录: a person's place on a team of a round.
type memberRow struct {
	Round, Team, Person, Role, Evaluation, Comment string
	Locked                                         bool
	EvalState                                      string
}

// The optional columns of 编组记录, by position: a column the file leaves
// out leaves the field as the database holds it.
const (
	memberEvaluation = 4
	memberComment    = 5
	memberLocked     = 6
	memberEvalState  = 7
)

var memberSheet = &entity[memberRow]{
	sheet: SheetMembers,
	fields: []field[memberRow]{
		codeCol("轮次编码", true, "巡察任务表或数据库中已有的轮次", func(v *memberRow) *string { return &v.Round }),
		textCol("巡察组", true, "该轮次中已有的组名", func(v *memberRow) *string { return &v.Team }),
		refCol("人员编号", true, "", refPerson, func(v *memberRow) *string { return &v.Person }),
		wordCol("角色", true, "", vocab.Roles, "", func(v *memberRow) *string { return &v.Role }),
		wordCol("鉴定", false, "", vocab.Evaluations, "", func(v *memberRow) *string { return &v.Evaluation }),
		textCol("评语", false, "鉴定的评语", func(v *memberRow) *string { return &v.Comment }),
		boolCol("锁定", "编组时固定在该组的人员填 是", func(v *memberRow) *bool { return &v.Locked }),
		wordCol("鉴定状态", false, "有鉴定时空白为 确定", vocab.EvalStates, "", func(v *memberRow) *string { return &v.EvalState }),
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

// agreeing is a column of 巡察任务 that belongs to the round, or to the
// team, and must agree on every row of it that fills it.
type agreeing struct {
	col string
	get func(*taskRow) string
}

// roundFields are the columns that belong to the round.
var roundFields = []agreeing{
	{"届期编码", func(v *taskRow) string { return v.Term }},
	{"轮次名称", func(v *taskRow) string { return v.RoundName }},
	{"巡察类型", func(v *taskRow) string { return v.Type }},
	{"编组方式", func(v *taskRow) string { return v.Mode }},
	{"轮次序号", func(v *taskRow) string { return v.Number }},
	{"轮次进驻开始", func(v *taskRow) string { return v.RoundStart }},
	{"轮次进驻结束", func(v *taskRow) string { return v.RoundEnd }},
	{"准备开始", func(v *taskRow) string { return v.Prep }},
	{"报告结束", func(v *taskRow) string { return v.ReportEnd }},
	{"反馈日期", func(v *taskRow) string { return v.Feedback }},
	{"整改报告期限", func(v *taskRow) string { return v.RectifyDue }},
	{"督查验收日期", func(v *taskRow) string { return v.Check }},
	{"组织方式", func(v *taskRow) string { return v.Level }},
	{"联动轮次", func(v *taskRow) string { return v.Links }},
	{"巡审联动单位编码", func(v *taskRow) string { return v.JointUnits }},
	{"巡审联动单位类别", func(v *taskRow) string { return v.JointCategories }},
}

// teamFields are the columns that belong to the team.
var teamFields = []agreeing{{"组序号", func(v *taskRow) string { return v.Seq }}}

// checkRounds rejects the rows whose round-level fields disagree with an
// earlier row of the same round, or team-level ones with an earlier row of
// the same team. A blank cell agrees with anything (the round's name need
// be written on one row only).
func checkRounds(recs []rec[taskRow], c *collector) {
	checkAgree(recs, c, roundFields, func(v *taskRow) (string, string) { return v.Round, "同一轮次“" + v.Round + "”" })
	checkAgree(recs, c, teamFields, func(v *taskRow) (string, string) {
		return join(v.Round, v.Team), "同一巡察组“" + v.Team + "”（轮次“" + v.Round + "”）"
	})
}

// checkAgree rejects the rows whose fields disagree with an earlier row of
// the same group (by key; what names the group in messages).
func checkAgree(recs []rec[taskRow], c *collector, fields []agreeing, group func(*taskRow) (key, what string)) {
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
		key, what := group(&r.v)
		vals, ok := first[key]
		if !ok {
			vals = make([]seen, len(fields))
		}
		for j, f := range fields {
			v := f.get(&r.v)
			if v == "" || vals[j].v == "" || vals[j].v == v {
				continue
			}
			c.add(r.at, f.col, fmt.Sprintf("与%s的%s不一致（那里是“%s”，这里是“%s”）", what, vals[j].at.where(), vals[j].v, v))
			r.ok = false
		}
		if !r.ok {
			continue
		}
		for j, f := range fields {
			if v := f.get(&r.v); v != "" && vals[j].v == "" {
				vals[j] = seen{v, r.at}
			}
		}
		first[key] = vals
	}
}

// checkRoundRefs rejects the rows whose 联动轮次 name a round that is
// neither among the file's accepted rows nor in the database, and whose
// 巡审联动单位编码 name a unit of neither.
func checkRoundRefs(recs []rec[taskRow], units *codeSet, ex *existing, c *collector) {
	rounds := make(map[string]bool)
	for i := range recs {
		if recs[i].ok {
			rounds[recs[i].v.Round] = true
		}
	}
	for i := range recs {
		r := &recs[i]
		if !r.ok {
			continue
		}
		for _, code := range fieldrule.SplitWords(r.v.Links) {
			if _, inDB := ex.rounds[code]; !rounds[code] && !inDB {
				c.add(r.at, "联动轮次", fmt.Sprintf("轮次“%s”不存在（巡察任务表和数据库中都没有）", code))
				r.ok = false
			}
		}
		for _, code := range fieldrule.SplitWords(r.v.JointUnits) {
			if msg := (refSets{refUnit: units}).problem(refUnit, code); msg != "" {
				c.add(r.at, "巡审联动单位编码", msg)
				r.ok = false
			}
		}
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

// checkUnitTeams rejects the units whose new county would split a team of
// the database: a unit that stays on its team (the file's 巡察任务 rows do
// not place it anew) must keep the county of the team's other staying
// units, as the file leaves them.
func checkUnitTeams(units []rec[model.Unit], tasks []rec[taskRow], set *codeSet, ex *existing, c *collector) {
	placed := make(map[string]bool)
	for i := range tasks {
		if tasks[i].ok {
			placed[taskSheet.key(&tasks[i].v)] = true
		}
	}
	staying := make(map[uint][]model.TeamUnit)   // team id → its units the file does not place
	onTeams := make(map[string][]model.TeamUnit) // unit → its places among those
	for _, tu := range ex.teamUnits {
		if !placed[teamUnitKey(&tu)] {
			staying[tu.TeamID] = append(staying[tu.TeamID], tu)
			onTeams[tu.UnitCode] = append(onTeams[tu.UnitCode], tu)
		}
	}
	for _, tus := range staying {
		sort.Slice(tus, func(a, b int) bool { return tus[a].UnitCode < tus[b].UnitCode })
	}
	for _, tus := range onTeams {
		sort.Slice(tus, func(a, b int) bool { return teamUnitKey(&tus[a]) < teamUnitKey(&tus[b]) })
	}
	// A rejected unit keeps its county, which may in turn split the team of
	// a unit checked before it: check again until nothing changes.
	for changed := true; changed; {
		changed = false
		county := countyLookup(units, ex)
		for i := range units {
			r := &units[i]
			if old, exists := ex.units[r.v.Code]; !r.ok || !exists || old.CountyCode == r.v.CountyCode {
				continue
			}
			if msg := splitsTeam(r.v, onTeams[r.v.Code], staying, county, ex); msg != "" {
				c.add(r.at, "县区编码", msg)
				r.ok = false
				set.reject(r.v.Code, r.at)
				changed = true
			}
		}
	}
}

// splitsTeam says why moving unit u to its new county would leave one of
// its teams with units in two counties, or "".
func splitsTeam(u model.Unit, places []model.TeamUnit, staying map[uint][]model.TeamUnit, county func(string) string, ex *existing) string {
	for _, tu := range places {
		for _, o := range staying[tu.TeamID] {
			if o.UnitCode != u.Code && county(o.UnitCode) != u.CountyCode {
				return fmt.Sprintf("单位“%s”在轮次“%s”中由“%s”巡察，同组的单位“%s”属于县区“%s”；同一巡察组的单位须在同一县区，不能把它改到县区“%s”",
					u.Code, tu.RoundCode, ex.teamByID[tu.TeamID].Name, o.UnitCode, county(o.UnitCode), u.CountyCode)
			}
		}
	}
	return ""
}
