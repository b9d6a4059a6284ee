package datapkg

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/fieldrule"
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
	ids                             map[string]string // person code → ID number
}

func (v *validator) fail(entity, key, format string, a ...any) {
	if v.err == nil {
		v.err = invalid(entity, key, format, a...)
	}
}

// The rules of a value are those of a workbook's cell (fieldrule): a
// package holds only what a workbook could, and whatever a workbook
// imported can be packaged.

// code checks a code that must be there.
func (v *validator) code(entity, key, field, s string) {
	if s == "" {
		v.fail(entity, key, "%s为空", field)
		return
	}
	v.obey(entity, key, field, s, fieldrule.CheckCode)
}

// optCode checks a code that may be empty.
func (v *validator) optCode(entity, key, field, s string) {
	if s != "" {
		v.obey(entity, key, field, s, fieldrule.CheckCode)
	}
}

// text checks free text.
func (v *validator) text(entity, key, field, s string, required bool) {
	if required && strings.TrimSpace(s) == "" {
		v.fail(entity, key, "%s为空", field)
		return
	}
	v.obey(entity, key, field, s, fieldrule.CheckText)
}

// id checks an ID number (or none).
func (v *validator) id(entity, key, field, s string) {
	if s != "" {
		v.obey(entity, key, field, s, fieldrule.CheckID)
	}
}

// obey checks s against a rule of fieldrule.
func (v *validator) obey(entity, key, field, s string, rule func(string) error) {
	if err := rule(s); err != nil {
		v.fail(entity, key, "%s：%v", field, err)
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
		v.text(EntCounty, c.Code, "县区名称", c.Name, true)
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
		v.text(EntUnit, u.Code, "单位名称", u.Name, true)
		v.code(EntUnit, u.Code, "县区编码", u.County)
		v.ref(EntUnit, u.Code, "县区", u.County, v.counties)
		v.oneOf(EntUnit, u.Code, "单位类别", u.Category, vocab.Categories, false)
		v.ref(EntUnit, u.Code, "上级单位", u.Parent, v.units)
		v.optCode(EntUnit, u.Code, "上级单位", u.Parent)
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
		v.code(EntLeader, k, "单位编码", l.Unit)
		v.ref(EntLeader, k, "单位", l.Unit, v.units)
		v.text(EntLeader, k, "姓名", l.Name, true)
		v.text(EntLeader, k, "职务", l.Post, false)
		v.id(EntLeader, k, "身份证号", l.IDNumber)
		v.unique(seen, EntLeader, k)
	}
	v.people, v.ids = map[string]bool{}, map[string]string{}
	for _, p := range d.People {
		v.validatePerson(p)
		v.ids[p.Code] = p.IDNumber
	}
	v.validateChildren(d)
	v.validateRounds(d)
	v.validateResults(d)
	v.validateCity(d)
	return v.err
}

func (v *validator) validatePerson(p Person) {
	k := p.Code
	v.code(EntPerson, k, "人员编号", p.Code)
	v.text(EntPerson, k, "姓名", p.Name, true)
	v.oneOf(EntPerson, k, "性别", p.Gender, []string{"男", "女"}, true)
	v.date(EntPerson, k, "出生日期", p.BirthDate, false)
	v.id(EntPerson, k, "身份证号", p.IDNumber)
	v.ref(EntPerson, k, "工作关系地", p.HomeCounty, v.counties)
	v.code(EntPerson, k, "工作关系地", p.HomeCounty)
	v.text(EntPerson, k, "籍贯", p.NativePlace, false)
	v.ref(EntPerson, k, "现工作单位", p.CurrentUnit, v.units)
	v.optCode(EntPerson, k, "现工作单位", p.CurrentUnit)
	v.text(EntPerson, k, "职务", p.Post, false)
	v.text(EntPerson, k, "职级", p.Rank, false)
	if p.Skills != "" {
		for _, s := range strings.Split(p.Skills, "、") {
			v.oneOf(EntPerson, k, "专业特长", s, vocab.Skills, false)
		}
	}
	v.oneOf(EntPerson, k, "状态", p.Status, vocab.Statuses, false)
	v.date(EntPerson, k, "新提拔日期", p.PromotedOn, false)
	v.ref(EntPerson, k, "推荐单位", p.RecommendUnit, v.units)
	v.date(EntPerson, k, "入库日期", p.JoinedOn, false)
	v.text(EntPerson, k, "状态原因", p.StatusReason, false)
	v.unique(v.people, EntPerson, k)
}

func (v *validator) validateChildren(d *Data) {
	seen := map[string]bool{}
	for _, h := range d.History {
		k := h.Person + "/" + h.Unit + "/" + h.Start
		v.code(EntHistory, k, "人员编号", h.Person)
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
		v.code(EntRelative, k, "人员编号", r.Person)
		v.ref(EntRelative, k, "人员", r.Person, v.people)
		v.text(EntRelative, k, "亲属姓名", r.Name, true)
		if w, ok := kin.Canonical(r.Relation); !ok || w != r.Relation {
			v.fail(EntRelative, k, "关系 %q 无效", r.Relation)
		}
		v.id(EntRelative, k, "亲属身份证号", r.IDNumber)
		v.optCode(EntRelative, k, "亲属人员编号", r.RelativePerson)
		if r.RelativePerson == r.Person || r.IDNumber != "" && r.IDNumber == v.ids[r.Person] {
			v.fail(EntRelative, k, "不能把本人列为自己的亲属")
		}
		v.ref(EntRelative, k, "亲属工作单位", r.Unit, v.units)
		v.optCode(EntRelative, k, "亲属工作单位", r.Unit)
		v.text(EntRelative, k, "亲属职务", r.Post, false)
		v.unique(seen, EntRelative, k)
	}
	seen = map[string]bool{}
	for _, x := range d.Declarations {
		k := x.Person + "/" + x.Unit
		v.code(EntDeclaration, k, "人员编号", x.Person)
		v.ref(EntDeclaration, k, "人员", x.Person, v.people)
		v.ref(EntDeclaration, k, "单位", x.Unit, v.units)
		v.code(EntDeclaration, k, "单位编码", x.Unit)
		v.text(EntDeclaration, k, "事由", x.Reason, true)
		v.oneOf(EntDeclaration, k, "来源", x.Source, vocab.DeclarationSources, true)
		v.oneOf(EntDeclaration, k, "处理", x.Handling, []string{vocab.NotRecused}, true)
		v.text(EntDeclaration, k, "处理人", x.Handler, x.Handling != "")
		v.text(EntDeclaration, k, "处理理由", x.HandlingReason, x.Handling != "")
		v.unique(seen, EntDeclaration, k)
	}
	v.validatePeopleYears(d)
}

// validatePeopleYears checks the ties and training of the people.
func (v *validator) validatePeopleYears(d *Data) {
	own := map[string]string{}
	for _, p := range d.People {
		own[p.Code] = p.IDNumber
	}
	seen := map[string]bool{}
	for _, t := range d.Ties {
		k := t.key()
		v.ref(EntTie, k, "人员", t.Person, v.people)
		v.text(EntTie, k, "关系人姓名", t.Name, true)
		v.oneOf(EntTie, k, "关系", t.Relation, vocab.TieRelations, false)
		v.id(EntTie, k, "关系人身份证号", t.IDNumber)
		v.optCode(EntTie, k, "关系人人员编号", t.TiePerson)
		v.ref(EntTie, k, "关系人工作单位", t.Unit, v.units)
		v.text(EntTie, k, "关系人职务", t.Post, false)
		v.date(EntTie, k, "结束日期", t.End, false)
		if t.TiePerson == t.Person || (t.IDNumber != "" && t.IDNumber == own[t.Person]) {
			v.fail(EntTie, k, "关系人是本人")
		}
		v.unique(seen, EntTie, k)
	}
	seen = map[string]bool{}
	for _, t := range d.Trainings {
		k := t.key()
		v.ref(EntTraining, k, "人员", t.Person, v.people)
		v.text(EntTraining, k, "培训名称", t.Name, true)
		v.date(EntTraining, k, "开始日期", t.Start, true)
		v.date(EntTraining, k, "结束日期", t.End, false)
		if t.End != "" && t.End < t.Start {
			v.fail(EntTraining, k, "结束日期早于开始日期")
		}
		if t.Hours < 0 || t.Hours > 10000 || t.Hours != t.Hours {
			v.fail(EntTraining, k, "学时 %v 无效", t.Hours)
		}
		v.unique(seen, EntTraining, k)
	}
}

func (v *validator) validateRounds(d *Data) {
	for _, t := range d.Terms {
		v.code(EntTerm, t.Code, "届期编码", t.Code)
		v.text(EntTerm, t.Code, "届期名称", t.Name, false)
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
		v.text(EntRound, r.Code, "轮次名称", r.Name, false)
		v.oneOf(EntRound, r.Code, "巡察类型", r.Type, vocab.RoundKinds, true)
		v.oneOf(EntRound, r.Code, "编组方式", r.Mode, vocab.Modes, true)
		for i, s := range []string{r.PrepStart, r.OnsiteStart, r.OnsiteEnd, r.ReportEnd, r.FeedbackDate, r.RectifyDue, r.CheckDate} {
			v.date(EntRound, r.Code, fmt.Sprintf("第%d个阶段日期", i+1), s, false)
		}
		v.unique(v.rounds, EntRound, r.Code)
	}
	for _, t := range d.Teams {
		k := t.Round + "/" + t.Name
		v.code(EntTeam, k, "轮次编码", t.Round)
		v.ref(EntTeam, k, "轮次", t.Round, v.rounds)
		v.text(EntTeam, k, "巡察组", t.Name, true)
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
		v.text(EntMember, k, "备注", m.Comment, false)
		v.oneOf(EntMember, k, "鉴定状态", m.EvalState, vocab.EvalStates, true)
		v.unique(seen, EntMember, k)
	}
	seen = map[string]bool{}
	for _, e := range d.TeamEvals {
		k := e.key()
		if !v.teams[teamKey{e.Round, e.Team}] {
			v.fail(EntTeamEval, k, "巡察组 %s 不在数据包中", e.Team)
		}
		v.oneOf(EntTeamEval, k, "鉴定", e.Grade, vocab.Evaluations, true)
		v.text(EntTeamEval, k, "评语", e.Comment, false)
		v.oneOf(EntTeamEval, k, "鉴定状态", e.State, vocab.EvalStates, true)
		v.unique(seen, EntTeamEval, k)
	}
}

// normalize writes the values of d as a workbook's cells are read: codes
// as fieldrule.Code writes them (a package's Ｕ０１ is U01), ID numbers as
// fieldrule.ID, line breaks in text as LF.
func (d *Data) normalize() {
	c := func(ps ...*string) {
		for _, p := range ps {
			*p = fieldrule.Code(*p)
		}
	}
	id := func(p *string) { *p = fieldrule.ID(*p) }
	text := func(ps ...*string) {
		for _, p := range ps {
			*p = fieldrule.NormalizeNewlines(*p)
		}
	}
	for i := range d.Counties {
		c(&d.Counties[i].Code)
		text(&d.Counties[i].Name)
	}
	for i := range d.Units {
		u := &d.Units[i]
		c(&u.Code, &u.County, &u.Parent)
		text(&u.Name)
	}
	for i := range d.Leaders {
		l := &d.Leaders[i]
		c(&l.Unit)
		id(&l.IDNumber)
		text(&l.Name, &l.Post)
	}
	for i := range d.People {
		p := &d.People[i]
		c(&p.Code, &p.HomeCounty, &p.CurrentUnit, &p.RecommendUnit)
		id(&p.IDNumber)
		text(&p.Name, &p.NativePlace, &p.Post, &p.Rank, &p.StatusReason)
	}
	for i := range d.History {
		c(&d.History[i].Person, &d.History[i].Unit)
	}
	for i := range d.Relatives {
		r := &d.Relatives[i]
		c(&r.Person, &r.RelativePerson, &r.Unit)
		id(&r.IDNumber)
		text(&r.Name, &r.Post)
	}
	for i := range d.Declarations {
		x := &d.Declarations[i]
		c(&x.Person, &x.Unit)
		text(&x.Reason, &x.Handler, &x.HandlingReason)
	}
	for i := range d.Terms {
		c(&d.Terms[i].Code)
		text(&d.Terms[i].Name)
	}
	for i := range d.Rounds {
		c(&d.Rounds[i].Code, &d.Rounds[i].Term)
		text(&d.Rounds[i].Name)
	}
	for i := range d.Teams {
		c(&d.Teams[i].Round)
		text(&d.Teams[i].Name)
	}
	for i := range d.TeamUnits {
		c(&d.TeamUnits[i].Round, &d.TeamUnits[i].Unit)
		text(&d.TeamUnits[i].Team)
	}
	for i := range d.Members {
		m := &d.Members[i]
		c(&m.Round, &m.Person)
		text(&m.Team, &m.Comment)
	}
	for i := range d.Ties {
		t := &d.Ties[i]
		c(&t.Person, &t.TiePerson, &t.Unit)
		id(&t.IDNumber)
		text(&t.Name, &t.Post)
	}
	for i := range d.Trainings {
		c(&d.Trainings[i].Person)
		text(&d.Trainings[i].Name)
	}
	for i := range d.TeamEvals {
		c(&d.TeamEvals[i].Round)
		text(&d.TeamEvals[i].Team, &d.TeamEvals[i].Comment)
	}
	for i := range d.Milestones {
		m := &d.Milestones[i]
		c(&m.Round, &m.Unit)
		text(&m.Team, &m.Recorder)
	}
	for i := range d.Findings {
		f := &d.Findings[i]
		c(&f.Code, &f.Round, &f.Unit)
		text(&f.Team, &f.Category, &f.Description)
	}
	for i := range d.Items {
		x := &d.Items[i]
		c(&x.Code, &x.Finding)
		text(&x.Measure, &x.Dept, &x.Owner, &x.Reviewer, &x.Note, &x.Progress)
	}
	for i := range d.Clues {
		x := &d.Clues[i]
		c(&x.Code, &x.Round, &x.Unit)
		text(&x.Team)
	}
	d.normalizeCity()
}
