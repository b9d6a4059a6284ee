package papers

import (
	"fmt"
	"strconv"
	"strings"

	"xuncha/app/vocab"
)

// roundValues are the placeholders of a round, with the on-site dates of
// team t (the round's when t is nil).
func roundValues(r *Round, t *Team) map[string]string {
	start, end := r.OnsiteStart, r.OnsiteEnd
	if t != nil {
		start, end = t.Start, t.End
	}
	order := r.Name
	if r.Number > 0 {
		order = "第" + vocab.Numeral(r.Number) + "轮"
	}
	typ := r.Type
	if typ == "" {
		typ = vocab.KindRegular
	}
	level := r.Level
	if level == "" {
		level = vocab.LevelOwn
	}
	return map[string]string{"轮次名称": r.Name, "轮次序号": order, "届期名称": r.TermName, "巡察类型": typ,
		"组织方式": level, "巡察方式": manner(typ, level), "编组方式": r.Mode, "进驻开始": Date(start), "进驻结束": Date(end)}
}

// manner is how a document names the kind of a round before 巡察 (SPEC
// §8.1's 巡察类型 and 组织方式 together): the 巡察类型 (常规, 专项 …), led
// by an 组织方式 a notice names — 交叉, 提级, 上下联动 — so that a 常规
// round across counties is a 交叉巡察 and a 专项 one a 交叉专项巡察; 本级
// and 巡审联动 add nothing (巡审联动 is how a team is made up).
func manner(typ, level string) string {
	switch level {
	case vocab.LevelCross, vocab.LevelRaised, vocab.LevelLinked:
		if typ == vocab.KindRegular {
			return level
		}
		return level + typ
	}
	return typ
}

// teamValues add the placeholders of team t.
func teamValues(vals map[string]string, t *Team) map[string]string {
	leader := ""
	for _, m := range t.Members {
		if m.Role == vocab.RoleLeader {
			leader = m.Name
			break
		}
	}
	vals["巡察组"], vals["组长"], vals["被巡察单位"], vals["被巡察县区"] = t.Name, leader, names(t.Units), t.CountyName
	return vals
}

// memberValues add the placeholders of member m.
func memberValues(vals map[string]string, m *Member) map[string]string {
	vals["姓名"], vals["角色"], vals["工作单位"], vals["职务"] = m.Name, m.Role, m.Unit, m.Post
	return vals
}

// Notice is the 巡察公告 of team t, dated its on-site start.
func (b *Builder) Notice(r *Round, t *Team) Paper {
	vals := teamValues(roundValues(r, t), t)
	vals["成文日期"] = Date(t.Start)
	return b.compose(KindNotice, string(KindNotice), "巡察公告_"+t.Name, vals, nil)
}

// Found is the 关于成立巡察组的通知 of round r: every team with its units,
// on-site dates and members; dated the round's preparation (or on-site)
// start.
func (b *Builder) Found(r *Round) Paper {
	vals := roundValues(r, nil)
	units := 0
	for _, t := range r.Teams {
		units += len(t.Units)
	}
	vals["巡察组数"], vals["被巡察单位数"] = strconv.Itoa(len(r.Teams)), strconv.Itoa(units)
	day := r.PrepStart
	if day.IsZero() {
		day = r.OnsiteStart
	}
	vals["成文日期"] = Date(day)
	var list []Block
	for i := range r.Teams {
		t := &r.Teams[i]
		list = append(list, Block{Kind: BHeading2, Text: "（" + vocab.Numeral(i+1) + "）" + t.Name},
			Block{Kind: BBody, Text: "被巡察单位：" + orNone(names(t.Units)) + "；进驻时间：" + span(t.Start, t.End) + "。"})
		if len(t.Members) == 0 {
			list = append(list, Block{Kind: BBody, Text: "组成人员：尚未编组。"})
			continue
		}
		tb := &Table{Widths: []float64{0.8, 1.6, 1.3, 0.8, 4.1}, Rows: []Row{{Head: true, Cells: cells("序号", "角色", "姓名", "性别", "工作单位及职务")}}}
		for k, m := range t.Members {
			tb.Rows = append(tb.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(k + 1), Center: true}, {Text: m.Role, Center: true},
				{Text: m.Name}, {Text: m.Gender, Center: true}, {Text: m.Unit + m.Post}}})
		}
		list = append(list, Block{Kind: BTable, Table: tb})
	}
	return b.compose(KindFound, string(KindFound), "关于成立巡察组的通知_"+r.Code, vals, map[string][]Block{"巡察组名单": list})
}

// Inform is member m's 回避告知书 on team t, dated the on-site start,
// followed on a new page by the pre-filled 回避事项申报表.
func (b *Builder) Inform(r *Round, t *Team, m *Member) Paper {
	vals := memberValues(teamValues(roundValues(r, t), t), m)
	vals["成文日期"] = Date(t.Start)
	var hints []Block
	for i, h := range m.Hints {
		hints = append(hints, Block{Kind: BBody, Text: fmt.Sprintf("%d.%s", i+1, hintText(h))})
	}
	if len(hints) == 0 {
		hints = []Block{{Kind: BBody, Text: "经比对，未发现需要提示的事项。"}}
	}
	p := b.compose(KindInform, string(KindInform), fmt.Sprintf("回避告知书_%s_%s_%s", t.Name, m.Name, m.Person), vals,
		map[string][]Block{"提示事项": hints})
	form := b.set.Template(FormKey)
	all := b.office.values()
	for k, v := range vals {
		all[k] = v
	}
	p.Blocks = append(p.Blocks, Block{Kind: BPageBreak}, Block{Kind: BTitle, Text: strings.TrimSpace(fill(form.Title, all))},
		Block{Kind: BTable, Table: declarationForm(t, m)})
	p.Blocks = append(p.Blocks, notes(form.Body, all)...)
	return p
}

// hintText is a 提示 as the 告知书 and the 申报表 write it.
func hintText(h Hint) string {
	s := h.RuleName
	if h.Unit != "" {
		s += "（" + h.Unit + "）"
	}
	s += "：" + h.Reason
	if h.Overridden {
		s += "（已批准豁免）"
	}
	return s
}

// declarationForm is the 回避事项申报表 of member m on team t: who, where,
// the 提示 the program found and the member's own declarations filled in,
// room to declare more and to sign.
func declarationForm(t *Team, m *Member) *Table {
	var hints, decls []string
	for i, h := range m.Hints {
		hints = append(hints, fmt.Sprintf("%d.%s", i+1, hintText(h)))
	}
	for i, d := range m.Declarations {
		s := fmt.Sprintf("%d.%s：%s", i+1, d.Unit, d.Reason)
		if d.Source != "" || d.Handling != "" {
			s += "（" + strings.Trim(d.Source+"，"+d.Handling, "，") + "）"
		}
		decls = append(decls, s)
	}
	return &Table{Widths: []float64{2.2, 3, 1.8, 3}, Rows: []Row{
		{Cells: []Cell{label("姓名"), {Text: m.Name}, label("性别"), {Text: m.Gender}}, MinHeight: 9},
		{Cells: []Cell{label("工作单位及职务"), {Text: m.Unit + m.Post, Span: 3}}, MinHeight: 9},
		{Cells: []Cell{label("所在巡察组"), {Text: t.Name + "　" + m.Role}, label("进驻时间"), {Text: span(t.Start, t.End)}}, MinHeight: 9},
		{Cells: []Cell{label("被巡察单位"), {Text: orNone(names(t.Units)), Span: 3}}, MinHeight: 9},
		{Cells: []Cell{label("程序提示事项"), {Text: orNone(strings.Join(hints, "\n")), Span: 3}}, MinHeight: 25},
		{Cells: []Cell{label("本人申报事项"), {Text: strings.Join(decls, "\n"), Span: 3}}, MinHeight: 38},
		{Cells: []Cell{label("本人签字"), {Text: "\n签字：　　　　　　　　　年　　月　　日", Span: 3}}, MinHeight: 16},
		{Cells: []Cell{label("巡察组意见"), {Text: "\n\n组长签字：　　　　　　　年　　月　　日", Span: 3}}, MinHeight: 22},
		{Cells: []Cell{label("巡察办意见"), {Text: "\n\n（盖章）　　　　　　　　年　　月　　日", Span: 3}}, MinHeight: 22},
	}}
}

// Appraise is member m's 巡察人员鉴定表 on team t: who, the round, the
// team, the role, the units, the grade and its 评语, room for the
// signatures.
func (b *Builder) Appraise(r *Round, t *Team, m *Member) Paper {
	vals := memberValues(teamValues(roundValues(r, t), t), m)
	form := b.set.Template(string(KindAppraise))
	all := b.office.values()
	for k, v := range vals {
		all[k] = v
	}
	title := strings.TrimSpace(fill(form.Title, all))
	grade := m.Grade
	if grade != "" && m.State != "" && m.State != vocab.EvalConfirmed {
		grade += "（" + m.State + "）"
	}
	birth := ""
	if !m.Birth.IsZero() {
		birth = fmt.Sprintf("%d年%d月", m.Birth.Year(), int(m.Birth.Month()))
	}
	tb := &Table{Widths: []float64{2.2, 3, 1.8, 3}, Rows: []Row{
		{Cells: []Cell{label("姓名"), {Text: m.Name}, label("性别"), {Text: m.Gender}}, MinHeight: 9},
		{Cells: []Cell{label("出生年月"), {Text: birth}, label("职级"), {Text: m.Rank}}, MinHeight: 9},
		{Cells: []Cell{label("工作单位及职务"), {Text: m.Unit + m.Post, Span: 3}}, MinHeight: 9},
		{Cells: []Cell{label("巡察轮次"), {Text: r.Name}, label("巡察组"), {Text: t.Name}}, MinHeight: 9},
		{Cells: []Cell{label("担任角色"), {Text: m.Role}, label("巡察时间"), {Text: span(t.Start, t.End)}}, MinHeight: 9},
		{Cells: []Cell{label("被巡察单位"), {Text: orNone(names(t.Units)), Span: 3}}, MinHeight: 9},
		{Cells: []Cell{label("鉴定等次"), {Text: grade, Span: 3}}, MinHeight: 9},
		{Cells: []Cell{label("评语"), {Text: m.Comment, Span: 3}}, MinHeight: 50},
		{Cells: []Cell{label("巡察组组长意见"), {Text: "\n\n签字：　　　　　　　　　年　　月　　日", Span: 3}}, MinHeight: 22},
		{Cells: []Cell{label("巡察办审核意见"), {Text: "\n\n（盖章）　　　　　　　　年　　月　　日", Span: 3}}, MinHeight: 22},
	}}
	p := Paper{Kind: KindAppraise, Name: fileName(fmt.Sprintf("巡察人员鉴定表_%s_%s_%s", t.Name, m.Name, m.Person)), Title: title,
		Blocks: []Block{{Kind: BTitle, Text: title}, {Kind: BTable, Table: tb}}}
	p.Blocks = append(p.Blocks, notes(form.Body, all)...)
	return p
}

// label is a form's label cell.
func label(s string) Cell { return Cell{Text: s, Bold: true, Center: true} }

// cells are a head row's cells.
func cells(titles ...string) []Cell {
	out := make([]Cell, len(titles))
	for i, t := range titles {
		out[i] = Cell{Text: t}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}
