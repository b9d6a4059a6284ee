package workbook

// The sheets of the people over the years (SPEC §6.1, added by Part II):
// 社会关系 and 培训记录, and the history of every status an import changes.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/app/vocab"
	"xuncha/model"
)

// Sheet names of Part II's people sheets.
const (
	SheetTies      = "社会关系"
	SheetTrainings = "培训记录"
)

var tieSheet = &entity[model.Tie]{
	sheet: SheetTies,
	fields: []field[model.Tie]{
		refCol("人员编号", true, "", refPerson, func(v *model.Tie) *string { return &v.PersonCode }),
		textCol("关系人姓名", true, "", func(v *model.Tie) *string { return &v.Name }),
		wordCol("关系", true, "曾上下级、曾同班子在结束后若干年内须回避（年限同曾任职回避），其余只提示", vocab.TieRelations, "",
			func(v *model.Tie) *string { return &v.Relation }),
		idCol("关系人身份证号", "18位，末位可为X；用于比对关系人是否为班子成员", func(v *model.Tie) *string { return &v.IDNumber }),
		refCol("关系人人员编号", false, "关系人也在人员库中时填写", refPerson, func(v *model.Tie) *string { return &v.TiePerson }),
		optRefCol("关系人工作单位编码", "", refUnit, func(v *model.Tie) **string { return &v.UnitCode }),
		textCol("关系人职务", false, "", func(v *model.Tie) *string { return &v.Post }),
		boolCol("是否班子成员", "关系人是其工作单位领导班子成员时填 是", func(v *model.Tie) *bool { return &v.IsUnitLeadership }),
		dateCol("结束日期", false, "关系结束的日期（如不再共事）；空白表示关系延续", func(v *model.Tie) *string { return &v.EndDate }),
	},
	zero:    func() model.Tie { return model.Tie{} },
	key:     func(v *model.Tie) string { return join(v.PersonCode, v.Name, v.Relation) },
	keyDesc: "人员编号、关系人姓名和关系", keyCol: "关系人姓名",
	check: func(v *model.Tie) (string, string) {
		if v.TiePerson != "" && v.TiePerson == v.PersonCode {
			return "关系人人员编号", msgOwnTie
		}
		return "", ""
	},
}

var trainingSheet = &entity[model.Training]{
	sheet: SheetTrainings,
	fields: []field[model.Training]{
		refCol("人员编号", true, "", refPerson, func(v *model.Training) *string { return &v.PersonCode }),
		textCol("培训名称", true, "", func(v *model.Training) *string { return &v.Name }),
		dateCol("开始日期", true, "", func(v *model.Training) *string { return &v.StartDate }),
		dateCol("结束日期", false, "", func(v *model.Training) *string { return &v.EndDate }),
		hoursCol("学时", "培训的学时数", func(v *model.Training) *float64 { return &v.Hours }),
	},
	zero:    func() model.Training { return model.Training{} },
	key:     func(v *model.Training) string { return join(v.PersonCode, v.Name, v.StartDate) },
	keyDesc: "人员编号、培训名称和开始日期", keyCol: "培训名称",
	check: func(v *model.Training) (string, string) {
		if v.EndDate != "" && v.EndDate < v.StartDate {
			return "结束日期", msgEndBeforeStart(v.EndDate, v.StartDate)
		}
		return "", ""
	},
}

// msgOwnTie is the message for a row that makes a person their own tie
// (SPEC §13.2).
const msgOwnTie = "关系人不能是本人"

// maxHours is the most hours a training may count.
const maxHours = 10000

// hoursCol is a number of hours, 0 to maxHours with at most one decimal
// place; blank is 0 (not recorded) and 0 is written blank.
func hoursCol[T any](name, help string, p func(*T) *float64) field[T] {
	return field[T]{
		column: column{name: name, help: withHelp(help, "数字，可带一位小数，如 16 或 2.5")},
		get: func(v *T) string {
			if *p(v) == 0 {
				return ""
			}
			return strconv.FormatFloat(*p(v), 'f', -1, 64)
		},
		set: func(v *T, s string) string {
			if s == "" {
				*p(v) = 0
				return ""
			}
			h, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil || h < 0 || h > maxHours || h*10 != float64(int64(h*10)) {
				return fmt.Sprintf("“%s”无效，应为 0 至 %d 的数字，最多一位小数", s, maxHours)
			}
			*p(v) = h
			return ""
		},
	}
}

// checkOwnTies rejects ties whose 关系人身份证号 is the person's own, as the
// file's accepted 人员 rows or the database give it.
func checkOwnTies(ties []rec[model.Tie], people []rec[model.Person], ex *existing, c *collector) {
	ids := make(map[string]string)
	for code, p := range ex.people {
		ids[code] = p.IDNumber
	}
	for i := range people {
		if people[i].ok {
			ids[people[i].v.Code] = people[i].v.IDNumber
		}
	}
	for i := range ties {
		r := &ties[i]
		if r.ok && r.v.IDNumber != "" && r.v.IDNumber == ids[r.v.PersonCode] {
			c.add(r.at, "关系人身份证号", msgOwnTie+"（与本人身份证号相同）")
			r.ok = false
		}
	}
}

// statusChanges are the records of the statuses the people rows of a plan
// set: one for each new person (from "") and one for each person whose 状态
// changes, by user through an import at now.
func statusChanges(d *delta[model.Person], old map[string]model.Person, user string, now time.Time) []model.StatusChange {
	var out []model.StatusChange
	for _, p := range d.adds {
		out = append(out, model.NewStatusChange(p.Code, "", p.Status, p.StatusReason, user, vocab.ViaImport, now))
	}
	for _, p := range d.updates {
		if o := old[p.Code]; o.Status != p.Status {
			out = append(out, model.NewStatusChange(p.Code, o.Status, p.Status, p.StatusReason, user, vocab.ViaImport, now))
		}
	}
	return out
}

// writeStatusChanges inserts the status history of the plan's people.
func (p *plan) writeStatusChanges(tx *gorm.DB) error {
	return model.InsertMany(tx, statusChanges(&p.people, p.oldPeople, p.user, p.now))
}
