package app

import (
	"fmt"
	"gorm.io/gorm"
	"slices"
	"strings"
	"unicode/utf8"

	"xuncha/app/civil"
	"xuncha/app/fieldrule"
	"xuncha/app/kin"
	"xuncha/app/vocab"
	"xuncha/model"
)

// FieldError is one wrong field of a form: the field's name as the form
// shows it (工作经历第2行 起始日期) and what is wrong, in Chinese.
type FieldError struct {
	Field, Message string
}

func (e FieldError) String() string { return e.Field + "：" + e.Message }

// FormErrors lists every wrong field of a form, in the form's order.
type FormErrors []FieldError

func (fe FormErrors) Error() string {
	lines := make([]string, len(fe))
	for i, e := range fe {
		lines[i] = e.String()
	}
	return strings.Join(lines, "\n")
}

// formChecker checks forms against the codes in the database. It asks the
// database for the codes a form names, each once, rather than reading
// every code there is: a save on a shared server stays quick whatever the
// size of the pools.
type formChecker struct {
	db    *gorm.DB
	known map[string]bool // table and code → there
	dbErr error           // a failed look-up: the form is not judged on it
	errs  FormErrors
}

func (s *Service) newChecker() (*formChecker, error) {
	return &formChecker{db: s.DB, known: map[string]bool{}}, nil
}

// exists reports whether model m's table has a row whose column is key.
func (c *formChecker) exists(m any, column string, key any) bool {
	k := fmt.Sprintf("%T\x00%v", m, key)
	if v, ok := c.known[k]; ok {
		return v
	}
	var n int64
	if err := c.db.Model(m).Where(column+" = ?", key).Limit(1).Count(&n).Error; err != nil {
		if c.dbErr == nil {
			c.dbErr = fmt.Errorf("读取编码失败: %w", err)
		}
		return true
	}
	c.known[k] = n > 0
	return n > 0
}

func (c *formChecker) hasCounty(code string) bool { return c.exists(&model.County{}, "code", code) }
func (c *formChecker) hasUnit(code string) bool   { return c.exists(&model.Unit{}, "code", code) }
func (c *formChecker) hasPerson(code string) bool { return c.exists(&model.Person{}, "code", code) }
func (c *formChecker) hasTeam(id uint) bool       { return c.exists(&model.Team{}, "id", id) }

func (c *formChecker) add(field, format string, a ...any) {
	c.errs = append(c.errs, FieldError{field, fmt.Sprintf(format, a...)})
}

func (c *formChecker) result() error {
	if c.dbErr != nil {
		return c.dbErr
	}
	if len(c.errs) == 0 {
		return nil
	}
	return &c.errs
}

// required trims *s and reports it when empty or against the rules of
// text (fieldrule, the rules workbooks and packages obey).
func (c *formChecker) required(field string, s *string) bool {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		c.add(field, "必填")
		return false
	}
	return c.text(field, s)
}

// code writes *s as codes are stored (fieldrule.Code) and checks it is
// there and a valid code.
func (c *formChecker) code(field string, s *string) bool {
	*s = fieldrule.Code(*s)
	if *s == "" {
		c.add(field, "必填")
		return false
	}
	if err := fieldrule.CheckCode(*s); err != nil {
		c.add(field, "%v", err)
		return false
	}
	return true
}

// text trims *s, keeps its line breaks as LF, and checks it against the
// rules of text.
func (c *formChecker) text(field string, s *string) bool {
	*s = fieldrule.NormalizeNewlines(strings.TrimSpace(*s))
	if err := fieldrule.CheckText(*s); err != nil {
		c.add(field, "%v", err)
		return false
	}
	return true
}

// date trims *s and checks it is a date written 2026-03-01 (or empty).
func (c *formChecker) date(field string, s *string) civil.Date {
	*s = strings.TrimSpace(*s)
	d, err := civil.Parse(*s)
	if err != nil {
		c.add(field, "日期应写成 2026-03-01 的格式，这里是 %q", *s)
	}
	return d
}

func (c *formChecker) idNumber(field string, s *string) {
	*s = strings.ToUpper(fieldrule.ID(*s))
	if *s == "" {
		return
	}
	if err := fieldrule.CheckID(*s); err != nil {
		c.add(field, "%v", err)
	}
}

func (c *formChecker) unit(field string, s *string, required bool) {
	*s = strings.TrimSpace(*s)
	switch {
	case *s == "" && required:
		c.add(field, "必填")
	case *s != "" && !c.hasUnit(*s):
		c.add(field, "单位编码 %s 不存在", *s)
	}
}

func (c *formChecker) optUnit(field string, p **string) {
	if *p == nil {
		return
	}
	c.unit(field, *p, false)
	if **p == "" {
		*p = nil
	}
}

// person checks d and brings it to its stored form (trimmed text,
// canonical relation words and skills).
func (c *formChecker) person(d *PersonDetail) error {
	p := &d.Person
	c.code("人员编号", &p.Code)
	c.required("姓名", &p.Name)
	if c.required("工作关系地", &p.HomeCountyCode) && !c.hasCounty(p.HomeCountyCode) {
		c.add("工作关系地", "县区编码 %s 不存在", p.HomeCountyCode)
	}
	p.Gender = strings.TrimSpace(p.Gender)
	if p.Gender != "" && p.Gender != "男" && p.Gender != "女" {
		c.add("性别", "应为 男 或 女")
	}
	c.date("出生日期", &p.BirthDate)
	c.date("新提拔日期", &p.PromotedOn)
	c.date("入库日期", &p.JoinedOn)
	c.optUnit("推荐单位", &p.RecommendUnitCode)
	p.StatusReason = strings.TrimSpace(p.StatusReason)
	if utf8.RuneCountInString(p.StatusReason) > 256 {
		c.add("状态原因", "不能超过256字")
	}
	c.idNumber("身份证号", &p.IDNumber)
	c.optUnit("现工作单位", &p.CurrentUnitCode)
	c.text("籍贯", &p.NativePlace)
	c.text("职务", &p.Post)
	c.text("职级", &p.Rank)
	if p.Status == "" {
		p.Status = vocab.StatusActive
	}
	if !slices.Contains(vocab.Statuses, p.Status) {
		c.add("状态", "应为 %s", strings.Join(vocab.Statuses, "、"))
	}
	c.skills(p)
	c.history(p.Code, d.History)
	c.relatives(p.Code, p.IDNumber, d.Relatives)
	c.declarations(d.Declarations)
	c.service(d.Service)
	c.ties(p, d.Ties)
	c.trainings(p.Code, d.Trainings)
	return c.result()
}

// ties checks the 社会关系 rows: a name and a kind of tie, a valid ID
// number, a pool member who exists and is not the person, a unit that
// exists, a valid end date, each name and kind once.
func (c *formChecker) ties(p *model.Person, ts []model.Tie) {
	seen := map[string]int{}
	for i := range ts {
		t := &ts[i]
		f := fmt.Sprintf("社会关系第%d行 ", i+1)
		c.required(f+"姓名", &t.Name)
		if c.required(f+"关系", &t.Relation) && !slices.Contains(vocab.TieRelations, t.Relation) {
			c.add(f+"关系", "应为 %s", strings.Join(vocab.TieRelations, "、"))
		}
		if k := t.Name + "/" + t.Relation; t.Name != "" {
			if j, ok := seen[k]; ok {
				c.add(f+"姓名", "与第%d行重复（同一关系人、同一关系）", j)
			}
			seen[k] = i + 1
		}
		c.idNumber(f+"身份证号", &t.IDNumber)
		if t.IDNumber != "" && t.IDNumber == strings.ToUpper(strings.TrimSpace(p.IDNumber)) {
			c.add(f+"身份证号", "关系人不能是本人（与本人身份证号相同）")
		}
		t.TiePerson = strings.TrimSpace(t.TiePerson)
		switch {
		case t.TiePerson == "":
		case t.TiePerson == p.Code:
			c.add(f+"关系人人员编号", "不能是本人")
		case !c.hasPerson(t.TiePerson):
			c.add(f+"关系人人员编号", "人员编号 %s 不存在", t.TiePerson)
		}
		c.optUnit(f+"工作单位", &t.UnitCode)
		t.Post = strings.TrimSpace(t.Post)
		c.date(f+"结束日期", &t.EndDate)
		t.PersonCode = p.Code
	}
}

// trainings checks the 培训记录 rows: a name, a start date, an end not
// before it, hours from 0 to 10000, each name and start once.
func (c *formChecker) trainings(code string, ts []model.Training) {
	seen := map[string]int{}
	for i := range ts {
		t := &ts[i]
		f := fmt.Sprintf("培训记录第%d行 ", i+1)
		c.required(f+"培训名称", &t.Name)
		if c.required(f+"开始日期", &t.StartDate) {
			start := c.date(f+"开始日期", &t.StartDate)
			if end := c.date(f+"结束日期", &t.EndDate); !end.IsZero() && !start.IsZero() && end < start {
				c.add(f+"结束日期", "结束日期 %s 早于开始日期 %s", t.EndDate, t.StartDate)
			}
		}
		if t.Hours < 0 || t.Hours > 10000 {
			c.add(f+"学时", "应在 0 至 10000 之间")
		}
		if k := t.Name + "/" + t.StartDate; t.Name != "" {
			if j, ok := seen[k]; ok {
				c.add(f+"培训名称", "与第%d行重复（同一培训、同一开始日期）", j)
			}
			seen[k] = i + 1
		}
		t.PersonCode = code
	}
}

// skills checks the 专业特长 words and writes them in the order of vocab.Skills.
func (c *formChecker) skills(p *model.Person) {
	words := SplitList(p.Skills)
	var bad []string
	for _, w := range words {
		if !slices.Contains(vocab.Skills, w) {
			bad = append(bad, w)
		}
	}
	if len(bad) > 0 {
		c.add("专业特长", "%s 不是可选的特长（可选：%s）", strings.Join(bad, "、"), strings.Join(vocab.Skills, "、"))
	}
	var out []string
	for _, s := range vocab.Skills {
		if slices.Contains(words, s) {
			out = append(out, s)
		}
	}
	p.Skills = strings.Join(out, "、")
}

func (c *formChecker) history(code string, hs []model.WorkHistory) {
	seen := map[string]int{}
	for i := range hs {
		h := &hs[i]
		f := fmt.Sprintf("工作经历第%d行 ", i+1)
		c.unit(f+"单位", &h.UnitCode, true)
		if c.required(f+"起始日期", &h.StartDate) {
			start := c.date(f+"起始日期", &h.StartDate)
			if end := c.date(f+"结束日期", &h.EndDate); !end.IsZero() && !start.IsZero() && end < start {
				c.add(f+"结束日期", "结束日期 %s 早于起始日期 %s", h.EndDate, h.StartDate)
			}
		}
		key := h.UnitCode + "/" + h.StartDate
		if j, ok := seen[key]; ok {
			c.add(f+"单位", "与第%d行重复（同一单位、同一起始日期）", j)
		}
		seen[key] = i + 1
		h.PersonCode = code
	}
}

func (c *formChecker) relatives(code, self string, rs []model.Relative) {
	seen := map[string]int{}
	for i := range rs {
		r := &rs[i]
		f := fmt.Sprintf("亲属关系第%d行 ", i+1)
		if c.required(f+"姓名", &r.Name) {
			if j, ok := seen[r.Name]; ok {
				c.add(f+"姓名", "与第%d行重名；同名亲属请在姓名后加以区分", j)
			}
			seen[r.Name] = i + 1
		}
		if c.required(f+"关系", &r.Relation) {
			w, ok := kin.Canonical(r.Relation)
			if !ok {
				c.add(f+"关系", "%q 不是可用的关系词（可用：%s）", r.Relation, kin.Accepted())
			}
			r.Relation = w
		}
		c.idNumber(f+"身份证号", &r.IDNumber)
		r.RelativePerson = fieldrule.Code(r.RelativePerson)
		switch {
		case r.RelativePerson == "":
		case r.RelativePerson == code:
			c.add(f+"亲属人员编号", "不能是本人")
		case !c.hasPerson(r.RelativePerson):
			c.add(f+"亲属人员编号", "人员编号 %s 不存在", r.RelativePerson)
		}
		c.optUnit(f+"工作单位", &r.UnitCode)
		c.text(f+"职务", &r.Post)
		if r.IDNumber != "" && r.IDNumber == self {
			c.add(f+"身份证号", "不能把本人列为自己的亲属（与本人身份证号相同）")
		}
		r.PersonCode = code
	}
}

func (c *formChecker) declarations(ds []model.Declaration) {
	seen := map[string]int{}
	for i := range ds {
		d := &ds[i]
		f := fmt.Sprintf("回避申报第%d行 ", i+1)
		c.unit(f+"单位", &d.UnitCode, true)
		c.required(f+"事由", &d.Reason)
		if d.Source == vocab.DeclSelf {
			d.Source = "" // stored empty, read as 本人申报
		}
		if d.Source != "" && !slices.Contains(vocab.DeclarationSources, d.Source) {
			c.add(f+"来源", "应为 %s", strings.Join(vocab.DeclarationSources, "、"))
		}
		if j, ok := seen[d.UnitCode]; ok && d.UnitCode != "" {
			c.add(f+"单位", "与第%d行重复", j)
		}
		seen[d.UnitCode] = i + 1
	}
}

func (c *formChecker) service(rs []ServiceRecord) {
	seen := map[uint]int{}
	for i := range rs {
		r := &rs[i]
		f := fmt.Sprintf("巡察经历第%d行 ", i+1)
		switch {
		case r.TeamID == 0:
			c.add(f+"巡察组", "必填")
		case !c.hasTeam(r.TeamID):
			c.add(f+"巡察组", "巡察组不存在")
		}
		if j, ok := seen[r.TeamID]; ok && r.TeamID != 0 {
			c.add(f+"巡察组", "与第%d行是同一个巡察组", j)
		}
		seen[r.TeamID] = i + 1
		if !slices.Contains(vocab.Roles, r.Role) {
			c.add(f+"角色", "应为 %s", strings.Join(vocab.Roles, "、"))
		}
		if r.Evaluation != "" && !slices.Contains(vocab.Evaluations, r.Evaluation) {
			c.add(f+"鉴定", "应为 %s 或留空", strings.Join(vocab.Evaluations, "、"))
		}
		c.text(f+"评语", &r.Comment)
	}
}
