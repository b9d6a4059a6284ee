package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// originLabels are the choices of where a composition row's people come
// from (SPEC §8.1), in the order of vocab.Origins.
var originLabels = []string{"本地（被巡察县区）", "异地（其他县区）", "市本级", "不限"}

// originLabel is the choice of origin o; originOf reads a choice back.
func originLabel(o string) string {
	if i := slices.Index(vocab.Origins, o); i >= 0 {
		return originLabels[i]
	}
	return originLabels[1]
}

func originOf(label string) string {
	if i := slices.Index(originLabels, label); i >= 0 {
		return vocab.Origins[i]
	}
	return vocab.FromElsewhere
}

// compositionRow is one row of the composition table on screen.
type compositionRow struct {
	role     *widget.Select
	count    *widget.Entry
	from     *widget.Select
	pools    *widget.CheckGroup
	fullTime *widget.Check
}

// assignSettings is the 编组 section of 设置 (settings key "assign"): the
// composition of a team (role, count, local or not, pools), the required
// skills, the most people of one other county, and the skills each unit
// category asks for.
type assignSettings struct {
	*sectionFrame

	holder   *fyne.Container // holds the composition list, rebuilt on load
	list     *widgets.EditList
	rows     []*compositionRow
	skills   *widget.Entry
	maxCount *widget.Entry
	byCat    map[string]*widgets.CheckFlow
	limit    int // SearchLimit: kept as loaded, not shown
}

func newAssignSettings(svc *app.Service, win fyne.Window) *assignSettings {
	a := &assignSettings{byCat: map[string]*widgets.CheckFlow{}}
	a.sectionFrame = newSectionFrame(svc, win, app.AssignSettingsKey, "恢复默认", a.onSave, a.onReset, a.load)
	return a
}

func (a *assignSettings) build() fyne.CanvasObject {
	a.holder = container.NewStack()
	a.skills = widget.NewMultiLineEntry()
	a.skills.SetMinRowsVisible(3)
	a.skills.SetPlaceHolder("财务、审计")
	a.maxCount = numberEntry()
	a.inputs = append(a.inputs, a.skills, a.maxCount)
	rules := widget.NewForm(
		widget.NewFormItem("必备专业特长", fixedWidth(320, a.skills)),
		widget.NewFormItem("同一外县人数上限", fixedWidth(120, a.maxCount)))
	rules.Items[0].HintText = "每行一组；组内写几项特长（以“、”分隔）时，组里有一人具备其中任一项即可，如“财务、审计”"
	rules.Items[1].HintText = "一个巡察组中来自同一个其他县区的人数最多几人"
	cats := widget.NewForm()
	for _, c := range vocab.Categories {
		g := widgets.NewCheckFlow(vocab.Skills, nil)
		a.byCat[c] = g
		a.inputs = append(a.inputs, g)
		cats.AppendItem(widget.NewFormItem(c, g))
	}
	bold := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	fields := container.NewVBox(
		bold("巡察组的组成"), a.holder,
		widget.NewSeparator(), bold("其他要求"), rules,
		widget.NewSeparator(), bold("按单位类别优先匹配的专业特长"), cats)
	out := a.wrap("每个巡察组按下表配备人员：“本地”的角色由被巡察单位所在县区（市直单位为市本级）的人员担任，“异地”的角色须从其他县区产生，"+
		"“市本级”的角色只由市本级人员担任（如“组长由市纪委派驻纪检组组长担任”），“不限”不论来源；人员库不勾选表示任何库均可。"+
		"来源为“异地”或“市本级”的角色也就是回避规则 R4 须异地产生的角色，只在此处设置。", fields)
	a.load()
	return out
}

// load shows the stored settings.
func (a *assignSettings) load() {
	if a.holder == nil {
		return
	}
	loadSection(a.sectionFrame, a.svc.AssignSettings, a.show)
}

func (a *assignSettings) show(set assign.Settings) {
	a.limit = set.SearchLimit
	a.rows = nil
	a.list = widgets.NewEditList([]string{"角色", "人数", "来源", "人员库（不勾选为任何库）", "专职"},
		[]float32{120, 70, 170, 310, 0}, "添加一行", func() { a.addRow(assign.Row{Role: vocab.RoleMember, Count: 1}) })
	for _, r := range set.Rows {
		a.addRow(r)
	}
	a.inputs = slices.DeleteFunc(a.inputs, func(w fyne.Disableable) bool { _, ok := w.(*widget.Button); return ok })
	a.inputs = append(a.inputs, a.list.Add)
	box := canvas.NewRectangle(color.Transparent)
	box.SetMinSize(fyne.NewSize(0, 330))
	a.holder.Objects = []fyne.CanvasObject{box, a.list}
	a.holder.Refresh()

	groups := make([]string, len(set.RequiredSkills))
	for i, g := range set.RequiredSkills {
		groups[i] = strings.Join(splitSkills(g), "、")
	}
	a.skills.SetText(strings.Join(groups, "\n"))
	a.maxCount.SetText(fmt.Sprint(set.MaxPerCounty))
	for _, c := range vocab.Categories {
		a.byCat[c].SetSelected(slices.Clone(set.SkillsByCategory[c]))
	}
}

func (a *assignSettings) addRow(r assign.Row) {
	row := &compositionRow{role: widget.NewSelect(vocab.Roles, nil), count: numberEntry(),
		from: widget.NewSelect(originLabels, nil), pools: widget.NewCheckGroup(vocab.Pools, nil),
		fullTime: widget.NewCheck("仅专职", nil)}
	row.role.SetSelected(r.Role)
	row.count.SetText(fmt.Sprint(r.Count))
	row.from.SetSelected(originLabel(r.From()))
	row.pools.Horizontal = true
	row.pools.SetSelected(slices.Clone(r.Pools))
	row.fullTime.SetChecked(r.FullTimeOnly)
	a.rows = append(a.rows, row)
	a.list.AddRow(func() { a.rows = remove(a.rows, row) }, row.role, row.count, row.from, row.pools, row.fullTime)
	if !a.svc.Can(app.PermSettings) {
		for _, w := range []fyne.Disableable{row.role, row.count, row.from, row.pools, row.fullTime} {
			w.Disable()
		}
	}
}

// splitSkills splits a skill group written "财务|审计" or "财务、审计".
func splitSkills(g string) []string {
	return strings.FieldsFunc(g, func(r rune) bool { return r == '|' || r == '、' || r == '/' || r == ',' || r == '，' || r == ' ' })
}

// collect reads the form; errs lists what cannot be read.
func (a *assignSettings) collect() (assign.Settings, []string) {
	var errs []string
	set := assign.Settings{SearchLimit: a.limit, SkillsByCategory: map[string][]string{}}
	for i, r := range a.rows {
		n := intField(fmt.Sprintf("组成第%d行人数", i+1), r.count, &errs)
		row := assign.Row{Role: r.role.Selected, Count: n, Origin: originOf(r.from.Selected), FullTimeOnly: r.fullTime.Checked}
		for _, p := range vocab.Pools {
			if slices.Contains(r.pools.Selected, p) {
				row.Pools = append(row.Pools, p)
			}
		}
		set.Rows = append(set.Rows, row)
	}
	for _, line := range strings.Split(a.skills.Text, "\n") {
		if ks := splitSkills(line); len(ks) > 0 {
			set.RequiredSkills = append(set.RequiredSkills, strings.Join(ks, "|"))
		}
	}
	set.MaxPerCounty = intField("同一外县人数上限", a.maxCount, &errs)
	for _, c := range vocab.Categories {
		var ks []string
		for _, k := range vocab.Skills {
			if slices.Contains(a.byCat[c].Selected, k) {
				ks = append(ks, k)
			}
		}
		if len(ks) > 0 {
			set.SkillsByCategory[c] = ks
		}
	}
	return set, errs
}

func (a *assignSettings) onSave() {
	set, errs := a.collect()
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		a.showErrors(errs)
		return
	}
	if err := a.store().SaveAssignSettings(set); err != nil {
		a.failed(err, a.onSave)
		return
	}
	a.load() // the settings as stored, and their new stamp
	a.done(fmt.Sprintf("已保存编组设置（每组 %d 人）", set.Slots()))
}

func (a *assignSettings) onReset() {
	def := assign.Defaults()
	var remote, local []string
	for _, r := range def.Rows {
		if r.IsLocal() {
			local = append(local, r.Role)
		} else {
			remote = append(remote, r.Role)
		}
	}
	msg := fmt.Sprintf("将编组设置恢复为默认值（每组 %d 人：%s 异地产生，%s 本县产生；同一外县最多 %d 人）？",
		def.Slots(), strings.Join(remote, "、"), strings.Join(local, "、"), def.MaxPerCounty)
	a.confirm("恢复默认", msg, func() {
		if err := a.store().SaveAssignSettings(def); err != nil {
			a.failed(err, a.onReset)
			return
		}
		a.load()
		a.done("已恢复默认设置")
	})
}
