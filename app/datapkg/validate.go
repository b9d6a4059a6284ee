package datapkg

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"xuncha/app/civil"
	"xuncha/app/kin"
	"xuncha/app/vocab"
)

// validator checks the rows of a package before anything is compared with
// the database; the first broken rule refuses the whole package.
type validator struct {
	err                             error
	counties, units, people, rounds map[string]bool
	terms                           map[string]bool
	teams                           map[teamKey]bool
}

func (v *validator) fail(entity, key, format string, a ...any) {
	if v.err == nil {
		v.err = invalid(entity, key, format, a...)
	}
}

// code checks a code: present, short, printable, no surrounding spaces.
func (v *validator) code(entity, key, field, s string) {
	switch {
	case s == "":
		v.fail(entity, key, "%s为空", field)
	case utf8.RuneCountInString(s) > 32 || s != strings.TrimSpace(s) || strings.IndexFunc(s, unicode.IsControl) >= 0:
		v.fail(entity, key, "%s %q 无效", field, s)
	}
}

// text checks free text: at most max characters, no control characters.
func (v *validator) text(entity, key, field, s string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.fail(entity, key, "%s为空", field)
	case utf8.RuneCountInString(s) > max:
		v.fail(entity, key, "%s过长", field)
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		v.fail(entity, key, "%s含控制字符", field)
	}
}

// date checks a date in the form 2006-01-02 ("" allowed unless required).
func (v *validator) date(entity, key, field, s string, required bool) {
	if s == "" {
		if required {
			v.fail(entity, key, "%s为空", field)
		}
		return
	}
	if d, err := civil.Parse(s); err != nil || d.String() != s {
		v.fail(entity, key, "%s %q 不是有效日期", field, s)
	}
}

func (v *validator) oneOf(entity, key, field, s string, allowed []string, empty bool) {
	if (s == "" && empty) || slices.Contains(allowed, s) {
		return
	}
	v.fail(entity, key, "%s %q 无效", field, s)
}

func (v *validator) ref(entity, key, field, code string, known map[string]bool) {
	if code != "" && !known[code] {
		v.fail(entity, key, "%s %s 不在数据包中", field, code)
	}
}

// unique records key in seen and fails on a repeat.
func (v *validator) unique(seen map[string]bool, entity, key string) {
	if seen[key] {
		v.fail(entity, key, "重复")
	}
	seen[key] = true
}

// validate checks every row of d and that the chosen counties are in it.
func validate(d *Data, chosen []string) error {
	v := &validator{counties: map[string]bool{}, units: map[string]bool{}, people: map[string]bool{},
		rounds: map[string]bool{}, terms: map[string]bool{}, teams: map[teamKey]bool{}}
	for _, c := range d.Counties {
		v.code(EntCounty, c.Code, "县区编码", c.Code)
		v.text(EntCounty, c.Code, "县区名称", c.Name, 64, true)
		v.unique(v.counties, EntCounty, c.Code)
	}
	for _, c := range chosen {
		v.ref("清单", c, "县区", c, v.counties)
	}
	for _, u := range d.Units {
		v.unique(v.units, EntUnit, u.Code)
	}
	parents := map[string]string{}
	for _, u := range d.Units {
		v.code(EntUnit, u.Code, "单位编码", u.Code)
		v.text(EntUnit, u.Code, "单位名称", u.Name, 128, true)
		v.ref(EntUnit, u.Code, "县区", u.County, v.counties)
		v.oneOf(EntUnit, u.Code, "单位类别", u.Category, vocab.Categories, false)
		v.ref(EntUnit, u.Code, "上级单位", u.Parent, v.units)
		parents[u.Code] = u.Parent
	}
	for _, u := range d.Units { // a parent chain must end
		c, n := u.Parent, 0
		for ; c != "" && n <= len(d.Units); n++ {
			c = parents[c]
		}
		if c != "" {
			v.fail(EntUnit, u.Code, "上级单位成环")
		}
	}
	seen := map[string]bool{}
	for _, l := range d.Leaders {
		k := l.Unit + "/" + l.Name
		v.ref(EntLeader, k, "单位", l.Unit, v.units)
		v.text(EntLeader, k, "姓名", l.Name, 64, true)
		v.text(EntLeader, k, "职务", l.Post, 64, false)
		v.text(EntLeader, k, "身份证号", l.IDNumber, 18, false)
		v.unique(seen, EntLeader, k)
	}
	v.people = map[string]bool{}
	for _, p := range d.People {
		v.validatePerson(p)
	}
	v.validateChildren(d)
	v.validateRounds(d)
	v.validateResults(d)
	return v.err
}

func (v *validator) validatePerson(p Person) {
	k := p.Code
	v.code(EntPerson, k, "人员编号", p.Code)
	v.text(EntPerson, k, "姓名", p.Name, 64, true)
	v.text(EntPerson, k, "性别", p.Gender, 4, false)
	v.date(EntPerson, k, "出生日期", p.BirthDate, false)
	v.text(EntPerson, k, "身份证号", p.IDNumber, 18, false)
	v.ref(EntPerson, k, "工作关系地", p.HomeCounty, v.counties)
	v.code(EntPerson, k, "工作关系地", p.HomeCounty)
	v.text(EntPerson, k, "籍贯", p.NativePlace, 64, false)
	v.ref(EntPerson, k, "现工作单位", p.CurrentUnit, v.units)
	v.text(EntPerson, k, "职务", p.Post, 64, false)
	v.text(EntPerson, k, "职级", p.Rank, 32, false)
	if p.Skills != "" {
		for _, s := range strings.Split(p.Skills, "、") {
			v.oneOf(EntPerson, k, "专业特长", s, vocab.Skills, false)
		}
	}
	v.oneOf(EntPerson, k, "状态", p.Status, vocab.Statuses, false)
	v.date(EntPerson, k, "新提拔日期", p.PromotedOn, false)
	v.unique(v.people, EntPerson, k)
}

func (v *validator) validateChildren(d *Data) {
	seen := map[string]bool{}
	for _, h := range d.History {
		k := h.Person + "/" + h.Unit + "/" + h.Start
		v.ref(EntHistory, k, "人员", h.Person, v.people)
		v.ref(EntHistory, k, "单位", h.Unit, v.units)
		v.code(EntHistory, k, "单位编码", h.Unit)
		v.date(EntHistory, k, "起始日期", h.Start, true)
		v.date(EntHistory, k, "结束日期", h.End, false)
		if h.End != "" && h.End < h.Start {
			v.fail(EntHistory, k, "结束日期早于起始日期")
		}
		v.unique(seen, EntHistory, k)
	}
	seen = map[string]bool{}
	for _, r := range d.Relatives {
		k := r.Person + "/" + r.Name
		v.ref(EntRelative, k, "人员", r.Person, v.people)
		v.text(EntRelative, k, "亲属姓名", r.Name, 64, true)
		if w, ok := kin.Canonical(r.Relation); !ok || w != r.Relation {
			v.fail(EntRelative, k, "关系 %q 无效", r.Relation)
		}
		v.text(EntRelative, k, "亲属身份证号", r.IDNumber, 18, false)
		v.text(EntRelative, k, "亲属人员编号", r.RelativePerson, 32, false)
		v.ref(EntRelative, k, "亲属工作单位", r.Unit, v.units)
		v.text(EntRelative, k, "亲属职务", r.Post, 64, false)
		v.unique(seen, EntRelative, k)
	}
	seen = map[string]bool{}
	for _, x := range d.Declarations {
		k := x.Person + "/" + x.Unit
		v.ref(EntDeclaration, k, "人员", x.Person, v.people)
		v.ref(EntDeclaration, k, "单位", x.Unit, v.units)
		v.code(EntDeclaration, k, "单位编码", x.Unit)
		v.text(EntDeclaration, k, "事由", x.Reason, 256, true)
		v.unique(seen, EntDeclaration, k)
	}
}

func (v *validator) validateRounds(d *Data) {
	for _, t := range d.Terms {
		v.code(EntTerm, t.Code, "届期编码", t.Code)
		v.text(EntTerm, t.Code, "届期名称", t.Name, 64, false)
		v.date(EntTerm, t.Code, "开始日期", t.Start, true)
		v.date(EntTerm, t.Code, "结束日期", t.End, true)
		if t.End < t.Start {
			v.fail(EntTerm, t.Code, "结束日期早于开始日期")
		}
		v.unique(v.terms, EntTerm, t.Code)
	}
	for _, r := range d.Rounds {
		v.code(EntRound, r.Code, "轮次编码", r.Code)
		v.ref(EntRound, r.Code, "届期", r.Term, v.terms)
		v.code(EntRound, r.Code, "届期编码", r.Term)
		v.text(EntRound, r.Code, "轮次名称", r.Name, 64, false)
		v.oneOf(EntRound, r.Code, "巡察类型", r.Type, vocab.RoundTypes, true)
		v.oneOf(EntRound, r.Code, "编组方式", r.Mode, vocab.Modes, true)
		for i, s := range []string{r.PrepStart, r.OnsiteStart, r.OnsiteEnd, r.ReportEnd, r.FeedbackDate, r.RectifyDue, r.CheckDate} {
			v.date(EntRound, r.Code, fmt.Sprintf("第%d个阶段日期", i+1), s, false)
		}
		v.unique(v.rounds, EntRound, r.Code)
	}
	for _, t := range d.Teams {
		k := t.Round + "/" + t.Name
		v.ref(EntTeam, k, "轮次", t.Round, v.rounds)
		v.text(EntTeam, k, "巡察组", t.Name, 64, true)
		v.date(EntTeam, k, "进驻开始", t.OnsiteStart, false)
		v.date(EntTeam, k, "进驻结束", t.OnsiteEnd, false)
		if v.teams[teamKey{t.Round, t.Name}] {
			v.fail(EntTeam, k, "重复")
		}
		v.teams[teamKey{t.Round, t.Name}] = true
	}
	seen := map[string]bool{}
	for _, u := range d.TeamUnits {
		k := u.Round + "/" + u.Unit
		if !v.teams[teamKey{u.Round, u.Team}] {
			v.fail(EntTeamUnit, k, "巡察组 %s 不在数据包中", u.Team)
		}
		v.ref(EntTeamUnit, k, "单位", u.Unit, v.units)
		v.code(EntTeamUnit, k, "单位编码", u.Unit)
		v.date(EntTeamUnit, k, "整改报告收到日期", u.ReportReceived, false)
		v.unique(seen, EntTeamUnit, k)
	}
	seen = map[string]bool{}
	for _, m := range d.Members {
		k := m.Round + "/" + m.Team + "/" + m.Person
		if !v.teams[teamKey{m.Round, m.Team}] {
			v.fail(EntMember, k, "巡察组 %s 不在数据包中", m.Team)
		}
		v.code(EntMember, k, "人员编号", m.Person)
		v.oneOf(EntMember, k, "角色", m.Role, vocab.Roles, false)
		v.oneOf(EntMember, k, "鉴定", m.Evaluation, vocab.Evaluations, true)
		v.text(EntMember, k, "备注", m.Comment, 256, false)
		v.unique(seen, EntMember, k)
	}
}
