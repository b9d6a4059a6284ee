package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// The targets of a person's recusal check.
const (
	checkUnit = "单位"
	checkTeam = "巡察组"
	anyRole   = "任意角色"
)

// recusalCheck is the dialog 回避检查 of the person form: one person
// against a unit (searchable) or a team of a round, in a role, on a
// reference date (the team's 进驻开始, or today), listing every hit with
// its evidence. It checks the saved data.
type recusalCheck struct {
	svc          *app.Service
	win          fyne.Window
	person, name string

	units []app.Option
	teams []app.TeamOption

	target      *widget.RadioGroup
	unit        *widgets.Picker
	round, team *widget.Select
	role        *widget.Select
	date        *widgets.DateEntry
	run         *widget.Button
	busy        *widget.Activity
	verdict     *widget.Label
	hits        *fyne.Container
	unitRow     *fyne.Container
	teamRow     *fyne.Container
	dlg         dialog.Dialog

	spawn func(func())  // runs the check away from the window's thread
	shown []recusal.Hit // the hits listed
}

func newRecusalCheck(svc *app.Service, win fyne.Window, person, name string) *recusalCheck {
	d := &recusalCheck{svc: svc, win: win, person: person, name: name, spawn: goBackground}
	var err error
	if d.units, err = svc.UnitOptions(""); err == nil {
		d.teams, err = svc.TeamOptions()
	}
	if err != nil {
		dialog.ShowError(err, win)
	}
	return d
}

func (d *recusalCheck) show() {
	d.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("回避检查：%s（%s）", d.name, d.person), d.build(), d.win)
	d.dlg.Resize(fyne.NewSize(860, 600))
	d.dlg.Show()
}

func (d *recusalCheck) build() fyne.CanvasObject {
	d.unit = widgets.NewPicker(d.units)
	d.round = widget.NewSelect(d.roundLabels(), func(string) { d.fillTeams() })
	d.round.PlaceHolder = "选择轮次"
	d.team = widget.NewSelect(nil, func(string) { d.onTeam() })
	d.team.PlaceHolder = "选择巡察组"
	d.role = widget.NewSelect(append([]string{anyRole}, vocab.Roles...), nil)
	d.role.SetSelected(anyRole)
	d.date = widgets.NewDateEntry()
	d.date.SetText(civil.Today().String())
	d.unitRow = container.NewBorder(nil, nil, widget.NewLabel("被巡察单位"), nil, d.unit)
	d.teamRow = container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("轮次"), nil, d.round),
		container.NewBorder(nil, nil, widget.NewLabel("巡察组"), nil, d.team))
	d.target = widget.NewRadioGroup([]string{checkUnit, checkTeam}, func(string) { d.onTarget() })
	d.target.Horizontal = true
	d.run = widget.NewButtonWithIcon("检查", theme.SearchIcon(), d.onRun)
	d.run.Importance = widget.HighImportance
	d.busy = widget.NewActivity()
	d.busy.Hide()
	d.verdict = widget.NewLabel("选择单位或巡察组后按“检查”。按已保存的资料检查，表单中未保存的修改不计入。")
	d.verdict.Wrapping = fyne.TextWrapBreak
	d.hits = container.NewVBox()
	form := widget.NewForm(
		widget.NewFormItem("检查对象", d.target),
		widget.NewFormItem("", container.NewStack(d.unitRow, d.teamRow)),
		widget.NewFormItem("角色", container.NewGridWithColumns(3, d.role,
			container.NewBorder(nil, nil, widget.NewLabel("进驻开始"), nil, d.date), container.NewHBox(d.run, d.busy))),
	)
	close := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.target.SetSelected(checkUnit)
	if len(d.teams) > 0 {
		d.round.SetSelected(d.roundLabels()[d.defaultRound()])
	}
	return container.NewBorder(container.NewVBox(form, widget.NewSeparator(), d.verdict),
		container.NewHBox(layout.NewSpacer(), close), nil, nil, container.NewVScroll(d.hits))
}

// roundLabels lists the rounds that have teams, newest first.
func (d *recusalCheck) roundLabels() []string {
	var out []string
	for _, t := range d.teams {
		l := t.Round + " " + t.RoundName
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// defaultRound is the index in roundLabels of the next round not yet on
// site (the newest when every one has begun).
func (d *recusalCheck) defaultRound() int {
	today := civil.Today().String()
	best, bestStart := 0, ""
	for i, l := range d.roundLabels() {
		code := app.CodeOfLabel(l)
		for _, t := range d.teams {
			if t.Round == code && t.OnsiteStart > today && (bestStart == "" || t.OnsiteStart < bestStart) {
				best, bestStart = i, t.OnsiteStart
			}
		}
	}
	return best
}

// fillTeams offers the teams of the chosen round.
func (d *recusalCheck) fillTeams() {
	code := app.CodeOfLabel(d.round.Selected)
	var opts []string
	for _, t := range d.teams {
		if t.Round == code {
			opts = append(opts, t.Team)
		}
	}
	d.team.Options = opts
	d.team.ClearSelected()
	if len(opts) > 0 {
		d.team.SetSelected(opts[0])
	}
}

// teamOption returns the chosen team.
func (d *recusalCheck) teamOption() *app.TeamOption {
	code := app.CodeOfLabel(d.round.Selected)
	for i, t := range d.teams {
		if t.Round == code && t.Team == d.team.Selected {
			return &d.teams[i]
		}
	}
	return nil
}

// onTeam takes the team's on-site start as the reference date.
func (d *recusalCheck) onTeam() {
	if t := d.teamOption(); t != nil && t.OnsiteStart != "" && d.target.Selected == checkTeam {
		d.date.SetText(t.OnsiteStart)
	}
}

func (d *recusalCheck) onTarget() {
	if d.target.Selected == checkTeam {
		d.unitRow.Hide()
		d.teamRow.Show()
		d.onTeam()
		return
	}
	d.teamRow.Hide()
	d.unitRow.Show()
	d.date.SetText(civil.Today().String())
}

// onRun checks, away from the window's thread.
func (d *recusalCheck) onRun() {
	role := d.role.Selected
	if role == anyRole {
		role = ""
	}
	ref, err := civil.Parse(d.date.Date())
	if err != nil {
		d.verdict.SetText("进驻开始日期应写成 2026-03-01")
		return
	}
	var work func() ([]recusal.Hit, map[string]string, error)
	var what string
	if d.target.Selected == checkTeam {
		t := d.teamOption()
		if t == nil {
			d.verdict.SetText("请选择轮次和巡察组。")
			return
		}
		what = t.Round + " " + t.Team
		work = func() ([]recusal.Hit, map[string]string, error) {
			return d.svc.CheckTeam(d.person, t.Round, t.Team, role, ref)
		}
	} else {
		unit := d.unit.Code()
		if unit == "" {
			d.verdict.SetText("请选择被巡察单位（输入编码或名称）。")
			return
		}
		what = d.unit.Text
		work = func() ([]recusal.Hit, map[string]string, error) {
			hits, err := d.svc.CheckPerson(d.person, unit, role, ref)
			return hits, map[string]string{unit: labelOf(d.units, unit)}, err
		}
	}
	d.run.Disable()
	d.busy.Show()
	d.busy.Start()
	d.spawn(func() {
		hits, names, err := work()
		fyne.Do(func() {
			d.busy.Stop()
			d.busy.Hide()
			d.run.Enable()
			if err != nil {
				d.verdict.SetText("检查失败：" + err.Error())
				return
			}
			d.showHits(what, role, ref, hits, names)
		})
	})
}

// showHits lists the hits under a verdict line.
func (d *recusalCheck) showHits(what, role string, ref civil.Date, hits []recusal.Hit, names map[string]string) {
	d.shown = hits
	d.hits.RemoveAll()
	hard, soft := 0, 0
	for _, h := range hits {
		switch {
		case h.Blocks(role):
			hard++
		case h.Severity == recusal.Soft:
			soft++
		}
	}
	if role == "" {
		role = anyRole
	}
	head := fmt.Sprintf("%s，%s，进驻开始 %s：", what, role, ref)
	switch {
	case len(hits) == 0:
		d.verdict.SetText(head + "未发现回避情形。")
	case hard > 0:
		d.verdict.SetText(head + fmt.Sprintf("须回避 %d 条，提示 %d 条，共 %d 条。", hard, soft, len(hits)))
	default:
		d.verdict.SetText(head + fmt.Sprintf("无须回避的情形；提示 %d 条，共 %d 条。", soft, len(hits)))
	}
	for _, h := range hits {
		d.hits.Add(hitCard(h, names))
	}
}

// hitCard shows one hit: severity, rule, where, and the evidence.
func hitCard(h recusal.Hit, names map[string]string) fyne.CanvasObject {
	badge := widgets.NewSeverityBadge(h.Severity)
	badge.SetSeverity(h.Severity, h.Overridden)
	var where []string
	if h.Team != "" {
		where = append(where, h.Team)
	}
	if h.Unit != "" {
		where = append(where, names[h.Unit])
	}
	if h.Other != "" {
		where = append(where, "与 "+names[h.Other])
	}
	title := h.Rule + " " + recusal.RuleName(h.Rule) + "　" + strings.Join(where, "　")
	if h.Roles != nil {
		title += "　（适用角色：" + recusal.RolesText(h) + "）"
	}
	if h.Overridden {
		title += "　已豁免"
	}
	reason := widget.NewLabel(h.Reason)
	reason.Wrapping = fyne.TextWrapBreak
	return container.NewVBox(
		container.NewHBox(badge, widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		reason, widget.NewSeparator())
}

// onRecusalCheck opens 回避检查 for the person of the form (person_form.go).
func (f *personForm) onRecusalCheck() {
	if f.isNew {
		dialog.ShowInformation("回避检查", "请先保存该人员，再做回避检查。", f.win)
		return
	}
	p := f.detail.Person
	f.check = newRecusalCheck(f.svc, f.win, p.Code, p.Name)
	f.check.show()
}
