package workbook

import (
	"strings"

	"xuncha/app/kin"
	"xuncha/app/vocab"
	"xuncha/model"
)

// Sheet names of SPEC §6.1.
const (
	SheetCounties     = "县区"
	SheetUnits        = "单位"
	SheetLeaders      = "班子成员"
	SheetPeople       = "人员"
	SheetHistory      = "工作经历"
	SheetRelatives    = "亲属关系"
	SheetDeclarations = "回避申报"
	SheetTerms        = "届期"
	SheetTasks        = "巡察任务"
	SheetMembers      = "编组记录"
)

// sheetOrder lists the sheets in the order of SPEC §6.1, which is also the
// order references run in: a sheet refers only to sheets before it.
var sheetOrder = []string{
	SheetCounties, SheetUnits, SheetLeaders, SheetPeople, SheetHistory, SheetRelatives,
	SheetDeclarations, SheetTerms, SheetTasks, SheetMembers, SheetTies, SheetTrainings, SheetPlan,
	SheetMilestones, SheetFindings, SheetItems, SheetClues,
}

// sheetDefs returns every sheet's definition, in sheetOrder.
func sheetDefs() []sheetDef {
	return []sheetDef{
		countySheet.def(), unitSheet.def(), leaderSheet.def(), personSheet.def(), historySheet.def(),
		relativeSheet.def(), declarationSheet.def(), termSheet.def(), taskSheet.def(), memberSheet.def(),
		tieSheet.def(), trainingSheet.def(), planSheet.def(),
		milestoneSheet.def(), findingSheet.def(), itemSheet.def(), clueSheet.def(),
	}
}

// defOf returns the definition of the sheet named name.
func defOf(name string) (sheetDef, bool) {
	for _, d := range sheetDefs() {
		if d.name == name {
			return d, true
		}
	}
	return sheetDef{}, false
}

func join(parts ...string) string { return strings.Join(parts, "\x00") }

var countySheet = &entity[model.County]{
	sheet: SheetCounties,
	fields: []field[model.County]{
		codeCol("县区编码", true, "县区的代码，如 C01；其他表用它指代县区", func(v *model.County) *string { return &v.Code }),
		textCol("县区名称", true, "如 城关区", func(v *model.County) *string { return &v.Name }),
		wordCol("级别", false, "市本级：城市本级（市直机关、市属国企及市本级干部所在）；空白为 县区", vocab.CountyLevels, "",
			func(v *model.County) *string { return &v.Level }),
	},
	zero:    func() model.County { return model.County{} },
	key:     func(v *model.County) string { return v.Code },
	keyDesc: "县区编码", keyCol: "县区编码",
}

var unitSheet = &entity[model.Unit]{
	sheet: SheetUnits,
	fields: []field[model.Unit]{
		codeCol("单位编码", true, "单位的代码，如 U0101；其他表用它指代单位", func(v *model.Unit) *string { return &v.Code }),
		textCol("单位名称", true, "", func(v *model.Unit) *string { return &v.Name }),
		refCol("县区编码", true, "单位所在县区", refCounty, func(v *model.Unit) *string { return &v.CountyCode }),
		wordCol("单位类别", true, "", vocab.Categories, "", func(v *model.Unit) *string { return &v.Category }),
		optRefCol("上级单位编码", "上级单位（如村的上级乡镇），可空", refUnit, func(v *model.Unit) **string { return &v.ParentCode }),
		sectorsCol("领域", "单位所属的领域、系统或行业，如 教育、卫生健康；可填多个，用 、 分隔", func(v *model.Unit) *string { return &v.Sectors }),
		priorityCol("重点等级", "A、B 或 C（A 为优先安排巡察的重点单位），可空", func(v *model.Unit) *string { return &v.Priority }),
	},
	zero:    func() model.Unit { return model.Unit{} },
	key:     func(v *model.Unit) string { return v.Code },
	keyDesc: "单位编码", keyCol: "单位编码",
}

var leaderSheet = &entity[model.UnitLeader]{
	sheet: SheetLeaders,
	fields: []field[model.UnitLeader]{
		refCol("单位编码", true, "所在单位", refUnit, func(v *model.UnitLeader) *string { return &v.UnitCode }),
		textCol("姓名", true, "同一单位内不重复", func(v *model.UnitLeader) *string { return &v.Name }),
		textCol("职务", false, "如 党组书记、局长", func(v *model.UnitLeader) *string { return &v.Post }),
		idCol("身份证号", "18位，末位可为X；用于与亲属比对", func(v *model.UnitLeader) *string { return &v.IDNumber }),
	},
	zero:    func() model.UnitLeader { return model.UnitLeader{} },
	key:     func(v *model.UnitLeader) string { return join(v.UnitCode, v.Name) },
	keyDesc: "单位编码和姓名", keyCol: "姓名",
}

var personSheet = &entity[model.Person]{
	sheet: SheetPeople,
	fields: []field[model.Person]{
		codeCol("人员编号", true, "人员的代码，如 P00001；其他表用它指代人员", func(v *model.Person) *string { return &v.Code }),
		textCol("姓名", true, "", func(v *model.Person) *string { return &v.Name }),
		wordCol("性别", false, "", []string{"男", "女"}, "", func(v *model.Person) *string { return &v.Gender }),
		dateCol("出生日期", false, "", func(v *model.Person) *string { return &v.BirthDate }),
		idCol("身份证号", "18位，末位可为X", func(v *model.Person) *string { return &v.IDNumber }),
		refCol("工作关系地", true, "县区编码", refCounty, func(v *model.Person) *string { return &v.HomeCountyCode }),
		textCol("籍贯", false, "县区编码，或文字", func(v *model.Person) *string { return &v.NativePlace }),
		optRefCol("现工作单位编码", "", refUnit, func(v *model.Person) **string { return &v.CurrentUnitCode }),
		textCol("职务", false, "", func(v *model.Person) *string { return &v.Post }),
		textCol("职级", false, "", func(v *model.Person) *string { return &v.Rank }),
		poolCol(),
		boolCol("专职", "巡察机构专职人员填 是", func(v *model.Person) *bool { return &v.FullTime }),
		listCol("专业特长", "可填多个，用 、 分隔", vocab.Skills, func(v *model.Person) *string { return &v.Skills }),
		wordCol("状态", false, "空白为 在库", vocab.Statuses, vocab.StatusActive, func(v *model.Person) *string { return &v.Status }),
		dateCol("新提拔日期", false, "", func(v *model.Person) *string { return &v.PromotedOn }),
		optRefCol("推荐单位编码", "推荐其入库的党组织所在单位", refUnit, func(v *model.Person) **string { return &v.RecommendUnitCode }),
		dateCol("入库日期", false, "", func(v *model.Person) *string { return &v.JoinedOn }),
		textCol("状态原因", false, "如暂停、出库的原因；状态的每次变化都记入历史", func(v *model.Person) *string { return &v.StatusReason }),
	},
	zero:    func() model.Person { return model.Person{Status: vocab.StatusActive} },
	key:     func(v *model.Person) string { return v.Code },
	keyDesc: "人员编号", keyCol: "人员编号",
}

// poolCol is 人员库: several pools, kept as three flags.
func poolCol() field[model.Person] {
	return field[model.Person]{
		column: column{name: "人员库", help: "可填多个，用 、 分隔；可填：" + strings.Join(vocab.Pools, "、")},
		get: func(v *model.Person) string {
			var out []string
			for i, in := range []bool{v.InLeaderPool, v.InStaffPool, v.InExpertPool} {
				if in {
					out = append(out, vocab.Pools[i])
				}
			}
			return strings.Join(out, "、")
		},
		set: func(v *model.Person, s string) string {
			got, msg := pickWords(s, vocab.Pools)
			if msg != "" {
				return msg
			}
			v.InLeaderPool = inList(vocab.PoolLeader, got)
			v.InStaffPool = inList(vocab.PoolStaff, got)
			v.InExpertPool = inList(vocab.PoolExpert, got)
			return ""
		},
	}
}

var historySheet = &entity[model.WorkHistory]{
	sheet: SheetHistory,
	fields: []field[model.WorkHistory]{
		refCol("人员编号", true, "", refPerson, func(v *model.WorkHistory) *string { return &v.PersonCode }),
		refCol("单位编码", true, "", refUnit, func(v *model.WorkHistory) *string { return &v.UnitCode }),
		dateCol("起始日期", true, "", func(v *model.WorkHistory) *string { return &v.StartDate }),
		dateCol("结束日期", false, "空白表示至今", func(v *model.WorkHistory) *string { return &v.EndDate }),
	},
	zero:    func() model.WorkHistory { return model.WorkHistory{} },
	key:     func(v *model.WorkHistory) string { return join(v.PersonCode, v.UnitCode, v.StartDate) },
	keyDesc: "人员编号、单位编码和起始日期", keyCol: "起始日期",
	check: func(v *model.WorkHistory) (string, string) {
		if v.EndDate != "" && v.EndDate < v.StartDate {
			return "结束日期", msgEndBeforeStart(v.EndDate, v.StartDate)
		}
		return "", ""
	},
}

var relativeSheet = &entity[model.Relative]{
	sheet: SheetRelatives,
	fields: []field[model.Relative]{
		refCol("人员编号", true, "", refPerson, func(v *model.Relative) *string { return &v.PersonCode }),
		textCol("亲属姓名", true, "同一人员的亲属姓名不重复", func(v *model.Relative) *string { return &v.Name }),
		relationCol(),
		idCol("亲属身份证号", "18位，末位可为X；用于比对亲属是否为库内人员或班子成员", func(v *model.Relative) *string { return &v.IDNumber }),
		refCol("亲属人员编号", false, "亲属也在人员库中时填写", refPerson, func(v *model.Relative) *string { return &v.RelativePerson }),
		optRefCol("亲属工作单位编码", "", refUnit, func(v *model.Relative) **string { return &v.UnitCode }),
		textCol("亲属职务", false, "", func(v *model.Relative) *string { return &v.Post }),
		boolCol("是否班子成员", "亲属是其工作单位领导班子成员时填 是", func(v *model.Relative) *bool { return &v.IsUnitLeadership }),
	},
	zero:    func() model.Relative { return model.Relative{} },
	key:     func(v *model.Relative) string { return join(v.PersonCode, v.Name) },
	keyDesc: "人员编号和亲属姓名", keyCol: "亲属姓名",
	check: func(v *model.Relative) (string, string) {
		if v.RelativePerson != "" && v.RelativePerson == v.PersonCode {
			return "亲属人员编号", msgSelfRelative
		}
		return "", ""
	},
}

// checkSelfRelatives rejects the relatives whose 亲属身份证号 is the
// person's own ID number, as the file's accepted 人员 row has it (when its
// table has the column), else the database.
func checkSelfRelatives(relatives []rec[model.Relative], people []rec[model.Person], ex *existing, c *collector) {
	col := fieldIndex(personSheet, "身份证号")
	ids := make(map[string]string)
	for i := range people {
		if p := &people[i]; p.ok && p.present[col] {
			ids[p.v.Code] = p.v.IDNumber
		}
	}
	for i := range relatives {
		r := &relatives[i]
		if !r.ok || r.v.IDNumber == "" {
			continue
		}
		id, ok := ids[r.v.PersonCode]
		if !ok {
			id = ex.people[r.v.PersonCode].IDNumber
		}
		if id == r.v.IDNumber {
			c.add(r.at, "亲属身份证号", msgSelfRelative+"（亲属身份证号与本人的相同）")
			r.ok = false
		}
	}
}

// relationCol is 关系: a word of SPEC §4.1 or a synonym, kept canonical.
func relationCol() field[model.Relative] {
	return field[model.Relative]{
		column: column{name: "关系", required: true, help: "可填（括号内为同义词）：" + kin.Accepted()},
		get:    func(v *model.Relative) string { return v.Relation },
		set: func(v *model.Relative, s string) string {
			w, ok := kin.Canonical(s)
			if !ok {
				return "“" + s + "”不是可识别的关系，应为：" + kin.Accepted()
			}
			v.Relation = w
			return ""
		},
	}
}

var declarationSheet = &entity[model.Declaration]{
	sheet: SheetDeclarations,
	fields: []field[model.Declaration]{
		refCol("人员编号", true, "", refPerson, func(v *model.Declaration) *string { return &v.PersonCode }),
		refCol("单位编码", true, "申报需回避的单位", refUnit, func(v *model.Declaration) *string { return &v.UnitCode }),
		textCol("事由", true, "", func(v *model.Declaration) *string { return &v.Reason }),
		wordCol("来源", false, "空白为 本人申报", vocab.DeclarationSources, "", func(v *model.Declaration) *string { return &v.Source }),
		wordCol("处理", false, "空白为须回避；不予回避 须经领导审查，并填写处理人和处理理由",
			[]string{vocab.NotRecused}, "", func(v *model.Declaration) *string { return &v.Handling }),
		textCol("处理人", false, "作出不予回避决定的领导", func(v *model.Declaration) *string { return &v.Handler }),
		textCol("处理理由", false, "", func(v *model.Declaration) *string { return &v.HandlingReason }),
	},
	zero:    func() model.Declaration { return model.Declaration{} },
	key:     func(v *model.Declaration) string { return join(v.PersonCode, v.UnitCode) },
	keyDesc: "人员编号和单位编码", keyCol: "单位编码",
	check: func(v *model.Declaration) (string, string) {
		switch {
		case v.Handling == vocab.NotRecused && v.Handler == "":
			return "处理人", "处理为 不予回避 时须填写处理人"
		case v.Handling == vocab.NotRecused && v.HandlingReason == "":
			return "处理理由", "处理为 不予回避 时须填写处理理由"
		case v.Handling == "" && (v.Handler != "" || v.HandlingReason != ""):
			return "处理", "填写了处理人或处理理由，处理却为空（空白为须回避）"
		}
		return "", ""
	},
}

var termSheet = &entity[termRow]{
	sheet: SheetTerms,
	fields: []field[termRow]{
		codeCol("届期编码", true, "如 T2021", func(v *termRow) *string { return &v.Code }),
		textCol("届期名称", false, "", func(v *termRow) *string { return &v.Name }),
		dateCol("开始日期", true, "", func(v *termRow) *string { return &v.StartDate }),
		dateCol("结束日期", true, "", func(v *termRow) *string { return &v.EndDate }),
		scopeCol(),
	},
	zero:    func() termRow { return termRow{} },
	key:     func(v *termRow) string { return v.Code },
	keyDesc: "届期编码", keyCol: "届期编码",
	check: func(v *termRow) (string, string) {
		if v.EndDate < v.StartDate {
			return "结束日期", msgEndBeforeStart(v.EndDate, v.StartDate)
		}
		return "", ""
	},
}
