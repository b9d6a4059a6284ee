// Package roster writes the documents of a round's assignment (SPEC §6.2):
// the roster (编组名单) as an xlsx workbook and as an A4 PDF with the
// embedded Chinese font, one team per page, members placed under an
// approved override marked ※ with a footnote (SPEC §4.2); and the record
// of a witnessed draw (随机抽取) as a printable PDF that says how to replay
// it.
//
// The package takes plain values with the names already resolved (the
// service builds a Roster from a saved roster or an assignment result) and
// touches neither the database nor the GUI.
package roster

import (
	"strings"
)

// Roster is the roster of one round with every name resolved.
type Roster struct {
	Round, RoundName string
	Mode             string // 编组方式
	Generated        string // date the document is made, 2006-01-02
	// Draft marks a roster that is not (yet) the round's saved 编组记录:
	// the documents say so in their title.
	Draft bool
	Teams []Team // in roster order (seq, then name)
}

// Team is one team of the roster.
type Team struct {
	Name                   string
	Seq                    int
	County, CountyName     string
	Units                  []Unit
	OnsiteStart, OnsiteEnd string // 2006-01-02, "" when not set
	Members                []Member
	Vacancies              []Vacancy // slots left empty, with why
}

// Unit is a unit the team inspects.
type Unit struct {
	Code, Name string
}

// Member is a person's place on a team, with what the roster shows of them.
type Member struct {
	Role                 string
	Person, Name, Gender string
	County, CountyName   string // 工作关系地
	Unit, UnitName       string // 现工作单位
	Post                 string // 职务
	Locked               bool
	// Overrides are the approved overrides (豁免) under which the member
	// is placed: each lifts a hard recusal hit.
	Overrides []Override
}

// Override is an approved override of a hard hit of a member.
type Override struct {
	Rule, RuleName       string // "R3", "亲属"
	Unit, UnitName       string // "" for every unit of the team (and for R6)
	Reason               string // the written reason
	Approver, ApprovedAt string
}

// Vacancy is a slot left empty.
type Vacancy struct {
	Role, Reason string
}

// Title is the documents' title: "<round name> 巡察组编组名单".
func (r *Roster) Title() string {
	name := r.RoundName
	if name == "" {
		name = r.Round
	}
	t := name + " 巡察组编组名单"
	if r.Draft {
		t += "（草稿）"
	}
	return t
}

// Members counts the members of every team.
func (r *Roster) Members() int {
	n := 0
	for _, t := range r.Teams {
		n += len(t.Members)
	}
	return n
}

// Vacancies counts the empty slots of every team.
func (r *Roster) Vacancies() int {
	n := 0
	for _, t := range r.Teams {
		n += len(t.Vacancies)
	}
	return n
}

// UnitNames writes the team's units as 县委办公室、城关镇.
func (t *Team) UnitNames() string {
	names := make([]string, len(t.Units))
	for i, u := range t.Units {
		names[i] = nameOr(u.Name, u.Code)
	}
	return strings.Join(names, "、")
}

// Dates writes the team's on-site dates: "2026-12-07 至 2027-01-15".
func (t *Team) Dates() string {
	switch {
	case t.OnsiteStart == "" && t.OnsiteEnd == "":
		return "未定"
	case t.OnsiteEnd == "":
		return t.OnsiteStart + " 起"
	}
	return t.OnsiteStart + " 至 " + t.OnsiteEnd
}

// Mark is "※" for a member placed under an override, else "".
func (m *Member) Mark() string {
	if len(m.Overrides) > 0 {
		return "※"
	}
	return ""
}

// Note writes the overrides of m for the 备注 column and the footnotes:
// "R3 亲属回避已豁免（县财政局）：理由…；批准人 王主任 2026-11-20".
func (m *Member) Note() string {
	parts := make([]string, len(m.Overrides))
	for i, o := range m.Overrides {
		parts[i] = o.String()
	}
	return strings.Join(parts, "；")
}

// String writes the override on one line.
func (o Override) String() string {
	s := o.Rule
	if o.RuleName != "" {
		s += " " + o.RuleName
	}
	s += "回避已豁免"
	if o.UnitName != "" {
		s += "（" + o.UnitName + "）"
	}
	if o.Reason != "" {
		s += "，理由：" + o.Reason
	}
	if o.Approver != "" {
		s += "，批准人：" + o.Approver
		if o.ApprovedAt != "" {
			s += "（" + dateOf(o.ApprovedAt) + "）"
		}
	}
	return s
}

// homeLabel writes the member's home county by name.
func (m *Member) homeLabel() string { return nameOr(m.CountyName, m.County) }

// unitLabel writes the member's current unit by name.
func (m *Member) unitLabel() string { return nameOr(m.UnitName, m.Unit) }

func nameOr(name, code string) string {
	if name != "" {
		return name
	}
	return code
}

// dateOf keeps the date of a "2006-01-02 15:04:05" time.
func dateOf(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}
