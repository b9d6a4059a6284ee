package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/kin"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// The tabs of the person form: each an editable list of rows. A tab keeps
// its rows' widgets and reads them back into model values on 保存.

type historyRow struct {
	unit       *widgets.Picker
	start, end *widgets.DateEntry
}

type historyTab struct {
	list  *widgets.EditList
	rows  []*historyRow
	units []app.Option
}

func newHistoryTab(hs []model.WorkHistory, units []app.Option) *historyTab {
	t := &historyTab{units: units}
	t.list = widgets.NewEditList([]string{"单位 *", "起始日期 *", "结束日期（空为至今）"}, []float32{0, 130, 170}, "添加工作经历",
		func() { t.add(model.WorkHistory{}) })
	for _, h := range hs {
		t.add(h)
	}
	return t
}

func (t *historyTab) add(h model.WorkHistory) {
	r := &historyRow{unit: widgets.NewPicker(t.units), start: widgets.NewDateEntry(), end: widgets.NewDateEntry()}
	r.unit.SetCode(h.UnitCode)
	r.start.SetText(h.StartDate)
	r.end.SetText(h.EndDate)
	t.rows = append(t.rows, r)
	t.list.AddRow(func() { t.rows = remove(t.rows, r) }, r.unit, r.start, r.end)
}

func (t *historyTab) values() []model.WorkHistory {
	out := make([]model.WorkHistory, len(t.rows))
	for i, r := range t.rows {
		out[i] = model.WorkHistory{UnitCode: r.unit.Code(), StartDate: r.start.Date(), EndDate: r.end.Date()}
	}
	return out
}

type relativeRow struct {
	name, idNumber, person, post *widget.Entry
	relation                     *widget.SelectEntry
	unit                         *widgets.Picker
	leader                       *widget.Check
}

type relativesTab struct {
	list  *widgets.EditList
	rows  []*relativeRow
	units []app.Option
}

func newRelativesTab(rs []model.Relative, units []app.Option) *relativesTab {
	t := &relativesTab{units: units}
	t.list = widgets.NewEditList([]string{"姓名 *", "关系 *", "身份证号", "亲属人员编号", "工作单位", "职务", "班子成员"},
		[]float32{90, 150, 170, 110, 0, 110, 80}, "添加亲属", func() { t.add(model.Relative{}) })
	for _, r := range rs {
		t.add(r)
	}
	return t
}

func (t *relativesTab) add(x model.Relative) {
	r := &relativeRow{name: entry(x.Name), relation: widget.NewSelectEntry(kin.Words()), idNumber: entry(x.IDNumber),
		person: entry(x.RelativePerson), unit: widgets.NewPicker(t.units), post: entry(x.Post), leader: widget.NewCheck("是", nil)}
	r.relation.SetText(x.Relation)
	if x.UnitCode != nil {
		r.unit.SetCode(*x.UnitCode)
	}
	r.leader.SetChecked(x.IsUnitLeadership)
	t.rows = append(t.rows, r)
	t.list.AddRow(func() { t.rows = remove(t.rows, r) }, r.name, r.relation, r.idNumber, r.person, r.unit, r.post, r.leader)
}

func (t *relativesTab) values() []model.Relative {
	out := make([]model.Relative, len(t.rows))
	for i, r := range t.rows {
		out[i] = model.Relative{Name: r.name.Text, Relation: r.relation.Text, IDNumber: r.idNumber.Text,
			RelativePerson: r.person.Text, Post: r.post.Text, IsUnitLeadership: r.leader.Checked}
		if c := r.unit.Code(); c != "" {
			out[i].UnitCode = &c
		}
	}
	return out
}

type declarationRow struct {
	unit     *widgets.Picker
	reason   *widget.Entry
	source   *widget.Select
	handling *widget.Label
	handle   *widget.Button
	saved    model.Declaration // as stored: its 处理 (set by a 领导 only)
}

// declarationsTab is 回避申报: each with its 来源 and 处理. A 领导 decides
// 处理 on a stored declaration with 处理…, at once.
type declarationsTab struct {
	list   *widgets.EditList
	rows   []*declarationRow
	units  []app.Option
	svc    *app.Service
	win    fyne.Window
	person string // the stored person's code; "" for a new one

	// the open 处理 dialog's widgets, for tests
	confirm *widget.Button
	choice  *widget.RadioGroup
	why     *widget.Entry
	dlg     dialog.Dialog
}

func newDeclarationsTab(ds []model.Declaration, units []app.Option, svc *app.Service, win fyne.Window, person string) *declarationsTab {
	t := &declarationsTab{units: units, svc: svc, win: win, person: person}
	t.list = widgets.NewEditList([]string{"单位 *", "事由 *", "来源", "处理", ""}, []float32{240, 0, 140, 200, 80},
		"添加回避申报", func() { t.add(model.Declaration{}) })
	for _, d := range ds {
		t.add(d)
	}
	return t
}

func (t *declarationsTab) add(d model.Declaration) {
	r := &declarationRow{unit: widgets.NewPicker(t.units), reason: entry(d.Reason),
		source: widget.NewSelect(vocab.DeclarationSources, nil), handling: widget.NewLabel(handlingText(d)), saved: d}
	r.unit.SetCode(d.UnitCode)
	r.source.SetSelected(sourceOr(d.Source))
	r.handling.Truncation = fyne.TextTruncateEllipsis
	r.handle = widget.NewButton("处理…", func() { t.onHandle(r) })
	if d.ID == 0 || t.svc == nil || !t.svc.Can(app.PermHandleDecl) {
		r.handle.Disable()
	}
	t.rows = append(t.rows, r)
	t.list.AddRow(func() { t.rows = remove(t.rows, r) }, r.unit, r.reason, r.source, r.handling, r.handle)
}

func (t *declarationsTab) values() []model.Declaration {
	out := make([]model.Declaration, len(t.rows))
	for i, r := range t.rows {
		out[i] = model.Declaration{UnitCode: r.unit.Code(), Reason: r.reason.Text, Source: r.source.Selected}
	}
	return out
}

type serviceRow struct {
	read        app.ServiceRecord // as loaded (zero for a row added here): its stamp goes back with it
	team        *widget.Select
	dates       *widget.Label
	role, grade *widget.Select
	comment     *widget.Entry
	state       *widget.Label
}

type serviceTab struct {
	list  *widgets.EditList
	rows  []*serviceRow
	teams []app.TeamOption
}

func newServiceTab(rs []app.ServiceRecord, teams []app.TeamOption) *serviceTab {
	t := &serviceTab{teams: teams}
	t.list = widgets.NewEditList([]string{"轮次 巡察组 *", "进驻日期", "角色 *", "鉴定", "状态", "评语"},
		[]float32{230, 190, 130, 110, 56, 0}, "添加巡察经历", func() { t.add(app.ServiceRecord{Role: vocab.RoleMember}) })
	for _, r := range rs {
		t.add(r)
	}
	return t
}

func (t *serviceTab) add(x app.ServiceRecord) {
	r := &serviceRow{read: x, dates: widget.NewLabel(""), role: widget.NewSelect(vocab.Roles, nil),
		grade: widget.NewSelect(append([]string{""}, vocab.Evaluations...), nil), comment: entry(x.Comment),
		state: widget.NewLabel(x.EvalState)}
	opts := make([]string, len(t.teams))
	for i, o := range t.teams {
		opts[i] = o.Label()
	}
	r.team = widget.NewSelect(opts, func(s string) {
		if o, ok := t.team(s); ok {
			r.dates.SetText(o.OnsiteStart + " 至 " + o.OnsiteEnd)
		}
	})
	r.team.PlaceHolder = "选择巡察组"
	r.role.PlaceHolder, r.grade.PlaceHolder = "选择角色", "（未鉴定）"
	for _, o := range t.teams {
		if o.ID == x.TeamID {
			r.team.SetSelected(o.Label())
		}
	}
	r.role.SetSelected(x.Role)
	r.grade.SetSelected(x.Evaluation)
	t.rows = append(t.rows, r)
	if x.EvalState == vocab.EvalConfirmed { // a 领导 returns it first (the 鉴定 of the round)
		r.grade.Disable()
		r.comment.Disable()
	}
	t.list.AddRow(func() { t.rows = remove(t.rows, r) }, r.team, r.dates, r.role, r.grade, r.state, r.comment)
}

func (t *serviceTab) team(label string) (app.TeamOption, bool) {
	for _, o := range t.teams {
		if o.Label() == label {
			return o, true
		}
	}
	return app.TeamOption{}, false
}

func (t *serviceTab) values() []app.ServiceRecord {
	out := make([]app.ServiceRecord, len(t.rows))
	for i, r := range t.rows {
		o, _ := t.team(r.team.Selected)
		out[i] = app.ServiceRecord{TeamID: o.ID, Role: r.role.Selected, Evaluation: r.grade.Selected, Comment: r.comment.Text}
		if o.ID == r.read.TeamID {
			out[i].Stamp = r.read.Stamp
		}
	}
	return out
}

// remove returns rows without r.
func remove[T comparable](rows []T, r T) []T {
	for i, x := range rows {
		if x == r {
			return append(rows[:i], rows[i+1:]...)
		}
	}
	return rows
}
