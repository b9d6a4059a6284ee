package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// sevOff is how the settings name the severity that switches a rule off.
const sevOff = "不检查"

// severityChoices are the choices of a rule's severity.
var severityChoices = []string{string(recusal.Hard), string(recusal.Soft), sevOff}

// ruleDescriptions say what each rule looks for, in the words of SPEC §4.
var ruleDescriptions = map[string]string{
	recusal.R1:  "本人现在被巡察单位工作，或在其上级、下级单位工作（层级见上）",
	recusal.R2:  "本人曾在被巡察单位工作、结束未满上述年限；组长、副组长在该单位任职满上述年限的，不论何时",
	recusal.R3:  "本人的近亲属是被巡察单位的领导班子成员",
	recusal.R3b: "本人的近亲属在被巡察单位工作，但不是班子成员",
	recusal.R4:  "须异地产生的角色：本人工作关系地与被巡察单位同属一县",
	recusal.R4b: "本人籍贯与被巡察单位同属一县",
	recusal.R5:  "本人申报了与被巡察单位的利害关系（回避申报）",
	recusal.R6:  "同一巡察组的两名成员互为近亲属",
	recusal.R7:  "同一巡察组的两名成员来自同一现工作单位",
	recusal.R8:  "本人与被巡察单位的班子成员曾为上下级或曾同在一个班子，关系结束未满曾任职回避年限（或尚未结束）",
	recusal.R9:  "本人最近一次确定的鉴定为不称职（进驻开始前；拟定的不算），担任下列角色",
}

// depthChoices are the choices of the parent/child depth of R1.
var depthChoices = []string{"0 仅本单位", "1 上级单位和直接下级单位", "2 上下两级", "3 上下三级"}

// recusalSettings is the 回避规则 section of 设置 (settings key "recusal").
type recusalSettings struct {
	*sectionFrame

	years, longStint *widget.Entry
	depth            *widget.Select
	remote           *widget.Label // R4's roles: the composition's, changed on the 编组 tab
	severity         map[string]*widget.Select
	badges           map[string]*widgets.SeverityBadge

	// the second severities of R8 and R9, and R9's roles
	looseTie, barelyFit *widget.Select
	evalRoles           *widget.CheckGroup
	liftable            map[string]*widget.Check // 可豁免
}

func newRecusalSettings(svc *app.Service, win fyne.Window) *recusalSettings {
	r := &recusalSettings{severity: map[string]*widget.Select{}, badges: map[string]*widgets.SeverityBadge{},
		liftable: map[string]*widget.Check{}}
	r.sectionFrame = newSectionFrame(svc, win, app.RecusalSettingsKey, "恢复默认", r.onSave, r.onReset, r.load)
	return r
}

func (r *recusalSettings) build() fyne.CanvasObject {
	r.years = numberEntry()
	r.longStint = numberEntry()
	r.depth = widget.NewSelect(depthChoices, nil)
	r.remote = widget.NewLabel("")
	r.remote.Wrapping = fyne.TextWrapBreak
	params := widget.NewForm(
		widget.NewFormItem("曾任职回避年限（年）", fixedWidth(120, r.years)),
		widget.NewFormItem("组长、副组长任职年限（年）", fixedWidth(120, r.longStint)),
		widget.NewFormItem("上下级单位层级", fixedWidth(280, r.depth)),
		widget.NewFormItem("须异地产生的角色", r.remote),
	)
	params.Items[0].HintText = "R2：任职结束未满该年数的须回避，如 3 年：进驻开始 2026-03-01 时，2023-03-01 及以后结束的任职须回避"
	params.Items[1].HintText = "R2：组长、副组长在被巡察单位任职满该年数的，不论何时均须回避；0 为不适用"
	params.Items[2].HintText = "R1：现任职单位的上级、下级单位算到几级"
	params.Items[3].HintText = "R4：这些角色不得由被巡察单位所在县区（市直单位为市本级）的人员担任"

	rules := container.New(&widgets.Columns{Widths: ruleColumns})
	for _, h := range []string{"规则", "", "级别", "可豁免", "说明"} {
		rules.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	rows := container.NewVBox(rules)
	for _, code := range recusal.Rules {
		code := code
		badge := widgets.NewSeverityBadge("")
		sel := widget.NewSelect(severityChoices, func(v string) { badge.SetSeverity(severityOf(v), false) })
		desc := widget.NewLabel(ruleDescriptions[code])
		desc.Wrapping = fyne.TextWrapBreak
		lift := widget.NewCheck("", nil)
		r.severity[code], r.badges[code], r.liftable[code] = sel, badge, lift
		r.inputs = append(r.inputs, sel, lift)
		rows.Add(container.New(&widgets.Columns{Widths: ruleColumns},
			widget.NewLabel(code+" "+recusal.RuleName(code)), middle(badge), middle(sel), middle(lift), desc))
	}
	r.inputs = append(r.inputs, r.years, r.longStint, r.depth)
	fields := container.NewVBox(
		widget.NewLabelWithStyle("参数", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), params,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("各规则的级别", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), rows,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("社会关系（R8）与鉴定（R9）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), r.buildPeopleRules())
	out := r.wrap("“回避”：不得编入该组；“提示”：可以编入，但在名单和回避报告中列出；“不检查”：不查此项。"+
		"“可豁免”：该规则的回避可由经办人申请、领导批准豁免；不勾选的规则严格执行，不能申请豁免（已批准的豁免在撤销前仍然有效）。"+
		"修改后，回避报告、编组和回避检查按新设置执行。", fields)
	r.load()
	return out
}

// buildPeopleRules returns the settings of R8 and R9 beyond their rows in
// the table: the severity of the loose ties and of 基本称职, and the roles
// R9 binds.
func (r *recusalSettings) buildPeopleRules() fyne.CanvasObject {
	r.looseTie = widget.NewSelect(severityChoices, nil)
	r.barelyFit = widget.NewSelect(severityChoices, nil)
	r.evalRoles = widget.NewCheckGroup(vocab.Roles, nil)
	r.evalRoles.Horizontal = true
	r.inputs = append(r.inputs, r.looseTie, r.barelyFit, r.evalRoles)
	f := widget.NewForm(
		widget.NewFormItem("同学、师生、其他利害关系", fixedWidth(130, r.looseTie)),
		widget.NewFormItem("最近一次鉴定为基本称职", fixedWidth(130, r.barelyFit)),
		widget.NewFormItem("鉴定回避约束的角色", r.evalRoles),
	)
	f.Items[0].HintText = "R8：关系人是被巡察单位班子成员的，不论关系何时结束；曾上下级、曾同班子的级别见上表 R8"
	f.Items[1].HintText = "R9：担任下列角色时；不称职的级别见上表 R9"
	f.Items[2].HintText = "R9：默认组长、副组长；都不勾选则鉴定不作回避"
	return f
}

// ruleColumns are the widths of the rule table's columns: rule, badge,
// severity, 可豁免, description (the rest).
var ruleColumns = []float32{130, 72, 130, 64, 0}

// middle centres o vertically at its own height.
func middle(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(), o, layout.NewSpacer())
}

// fixedWidth keeps o at width w.
func fixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&widgets.Columns{Widths: []float32{w, 0}}, o, widget.NewLabel(""))
}

// severityOf reads a severity choice.
func severityOf(v string) recusal.Severity {
	switch v {
	case string(recusal.Hard):
		return recusal.Hard
	case string(recusal.Soft):
		return recusal.Soft
	}
	return recusal.Off
}

// severityChoice writes a severity as its choice.
func severityChoice(s recusal.Severity) string {
	if s == recusal.Off {
		return sevOff
	}
	return string(s)
}

// load shows the stored settings (the defaults where none are stored).
func (r *recusalSettings) load() {
	if r.years == nil {
		return
	}
	loadSection(r.sectionFrame, r.svc.RecusalSettings, r.show)
}

func (r *recusalSettings) show(set recusal.Settings) {
	r.years.SetText(fmt.Sprint(set.Years))
	r.longStint.SetText(fmt.Sprint(set.LongStintYears))
	if set.Depth >= 0 && set.Depth < len(depthChoices) {
		r.depth.SetSelected(depthChoices[set.Depth])
	}
	r.remote.SetText(remoteText(set.RemoteRoles))
	def := recusal.Defaults()
	for _, code := range recusal.Rules {
		sev, ok := set.Severity[code]
		if !ok {
			sev = def.Severity[code]
		}
		r.severity[code].SetSelected(severityChoice(sev))
		r.liftable[code].SetChecked(set.CanLift(code))
	}
	r.looseTie.SetSelected(severityChoice(set.LooseTieSeverity))
	r.barelyFit.SetSelected(severityChoice(set.BarelyFitSeverity))
	r.evalRoles.SetSelected(slices.Clone(set.EvalRoles))
}

// collect reads the form; errs lists what cannot be read.
func (r *recusalSettings) collect() (recusal.Settings, []string) {
	var errs []string
	set := recusal.Settings{
		Years:          intField("曾任职回避年限", r.years, &errs),
		LongStintYears: intField("组长、副组长任职年限", r.longStint, &errs),
		Depth:          slices.Index(depthChoices, r.depth.Selected),
		Severity:       map[string]recusal.Severity{},
		Liftable:       map[string]bool{},
	}
	for _, code := range recusal.Rules {
		set.Severity[code] = severityOf(r.severity[code].Selected)
		set.Liftable[code] = r.liftable[code].Checked
	}
	set.LooseTieSeverity = severityOf(r.looseTie.Selected)
	set.BarelyFitSeverity = severityOf(r.barelyFit.Selected)
	for _, role := range vocab.Roles {
		if slices.Contains(r.evalRoles.Selected, role) {
			set.EvalRoles = append(set.EvalRoles, role)
		}
	}
	return set, errs
}

func (r *recusalSettings) onSave() {
	set, errs := r.collect()
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		r.showErrors(errs)
		return
	}
	if err := r.store().SaveRecusalSettings(set); err != nil {
		r.failed(err, r.onSave)
		return
	}
	r.load() // the settings as stored, and their new stamp
	r.done("已保存回避规则设置")
}

func (r *recusalSettings) onReset() {
	def := recusal.Defaults()
	msg := fmt.Sprintf("将回避规则的全部设置恢复为默认值（曾任职 %d 年，组长、副组长 %d 年，上下级 %d 级，各规则按规定级别）？"+
		"须异地产生的角色由“编组”标签页的组成表决定，不受影响。", def.Years, def.LongStintYears, def.Depth)
	r.confirm("恢复默认", msg, func() {
		if err := r.store().ResetRecusalSettings(); err != nil {
			r.failed(err, r.onReset)
			return
		}
		r.load()
		r.done("已恢复默认设置")
	})
}

// remoteText says which roles R4 binds, and where they are set.
func remoteText(roles []string) string {
	if len(roles) == 0 {
		return "（无：组成表中没有来源为“异地”或“市本级”的角色）"
	}
	return strings.Join(roles, "、") + "（即“编组”标签页组成表中来源为“异地”或“市本级”的角色，在那里修改；来源为“市本级”的角色在市直单位不受 R4 约束）"
}
