package roster

// 巡察履历 (SPEC §11.2): a person's service record — every round, team,
// role, inspected units and 鉴定 — and training, for the person's unit or
// the organisation department, as an A4 PDF and an xlsx.

import (
	"fmt"
	"strconv"
	"strings"
)

// Resume is a person's 巡察履历 with every name resolved.
type Resume struct {
	Person, Name, Gender string
	Birth                string // 2006-01-02
	HomeCounty           string // name
	Unit, Post, Rank     string // current unit (name), post, 职级
	Pools                string // 组长库、工作人员库
	FullTime             bool
	Skills               string
	Status               string
	RecommendUnit        string // name
	JoinedOn             string
	Generated            string // the day it is made
	Service              []ResumeRound
	Trainings            []ResumeTraining
}

// ResumeRound is one place of the person on a team.
type ResumeRound struct {
	Round, RoundName, Team string
	OnsiteStart, OnsiteEnd string
	Role                   string
	Units                  []string // names of the units the team inspected
	Grade, Comment         string
	State                  string // 拟定, 确定, "" without a grade
	TeamGrade              string // the team's own confirmed grade, "" when none
}

// ResumeTraining is one training.
type ResumeTraining struct {
	Name, Start, End string
	Hours            float64
}

// Title is the documents' title: "张三 巡察履历".
func (r *Resume) Title() string { return r.Name + " 巡察履历" }

// GradeText is how the 鉴定 reads in the record: a confirmed grade as it
// is, a proposed one marked (拟定), none as 未鉴定.
func (x ResumeRound) GradeText() string {
	switch {
	case x.Grade == "":
		return "未鉴定"
	case x.State != "确定":
		return x.Grade + "（拟定）"
	}
	return x.Grade
}

// Dates are the on-site dates: "2026-03-01 至 2026-04-15".
func (x ResumeRound) Dates() string { return dates(x.OnsiteStart, x.OnsiteEnd) }

// RoundLabel is the round as the record names it.
func (x ResumeRound) RoundLabel() string { return nameOr(x.RoundName, x.Round) }

// Dates are the training's dates.
func (x ResumeTraining) Dates() string {
	if x.End == "" || x.End == x.Start {
		return x.Start
	}
	return x.Start + " 至 " + x.End
}

// HoursText is the hours written plainly ("" when not recorded).
func (x ResumeTraining) HoursText() string { return hours(x.Hours) }

// TotalHours sums the hours of the training.
func (r *Resume) TotalHours() float64 {
	t := 0.0
	for _, x := range r.Trainings {
		t += x.Hours
	}
	return t
}

// Facts are the person's lines of the record, label and value.
func (r *Resume) Facts() [][2]string {
	ft := "否"
	if r.FullTime {
		ft = "是"
	}
	return [][2]string{
		{"人员编号", r.Person}, {"姓名", r.Name}, {"性别", r.Gender}, {"出生日期", r.Birth},
		{"工作关系地", r.HomeCounty}, {"现工作单位", r.Unit}, {"职务", r.Post}, {"职级", r.Rank},
		{"人员库", r.Pools}, {"专职", ft}, {"专业特长", r.Skills}, {"状态", r.Status},
		{"推荐单位", r.RecommendUnit}, {"入库日期", r.JoinedOn},
	}
}

// Summary is the record in one sentence: "共参加巡察 3 轮（组长 1 次），培训 2 次 40 学时。"
func (r *Resume) Summary() string {
	roles := map[string]int{}
	var order []string
	for _, x := range r.Service {
		if roles[x.Role] == 0 {
			order = append(order, x.Role)
		}
		roles[x.Role]++
	}
	var parts []string
	for _, role := range order {
		parts = append(parts, fmt.Sprintf("%s %d 次", role, roles[role]))
	}
	s := fmt.Sprintf("共参加巡察 %d 轮", len(r.Service))
	if len(parts) > 0 {
		s += "（" + strings.Join(parts, "，") + "）"
	}
	s += fmt.Sprintf("；培训 %d 次", len(r.Trainings))
	if h := r.TotalHours(); h > 0 {
		s += " " + hours(h) + " 学时"
	}
	return s + "。"
}

func dates(a, b string) string {
	switch {
	case a == "" && b == "":
		return ""
	case b == "":
		return a + " 起"
	}
	return a + " 至 " + b
}

func hours(h float64) string {
	if h == 0 {
		return ""
	}
	return strconv.FormatFloat(h, 'f', -1, 64)
}
