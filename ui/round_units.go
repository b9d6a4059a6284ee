package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/pinyin"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// Choices of the unit picker's filters meaning "any".
const (
	anyCounty   = "全部县区"
	anyCategory = "全部类别"
)

// unitPicker picks a team's units: filters by county, category, the units
// not yet on a team this term and text, over a check list of units that
// says where each one stands. It refuses a unit of another county than
// the ones checked, and a unit already on another team of the round.
type unitPicker struct {
	t        *teamsTab
	team     string                         // the team edited, "" for a new one
	units    map[string]calendar.UnitChoice // every unit, for the checks
	county   *widget.Select
	category *widget.Select
	onlyFree *widget.Check
	search   *widget.Entry
	list     *widgets.CheckList
	picked   *widget.Label
	all      *widget.Button
	none     *widget.Button
	count    *widget.Label
	loading  bool
	inits    *pinyin.Initialer // made on first use
}

func newUnitPicker(t *teamsTab) *unitPicker { return &unitPicker{t: t} }

func (p *unitPicker) build() fyne.CanvasObject {
	p.county = widget.NewSelect(nil, func(string) { p.applyFilter() })
	p.category = widget.NewSelect(append([]string{anyCategory}, vocab.Categories...), func(string) { p.applyFilter() })
	p.onlyFree = widget.NewCheck("只显示本届未覆盖", func(bool) { p.applyFilter() })
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("单位编码或名称")
	p.search.OnChanged = func(string) { p.applyFilter() }
	p.list = widgets.NewCheckList()
	p.list.OnChanged = p.onChanged
	p.picked = widget.NewLabel("")
	p.picked.Wrapping = fyne.TextWrapBreak
	p.all = widget.NewButton("勾选列表中全部", func() { p.list.CheckShown(true); p.showPicked() })
	p.none = widget.NewButton("清空所选", func() { p.list.SetChecked(nil); p.showPicked() })
	p.count = widget.NewLabel("")
	filters := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(150, p.county.MinSize().Height), p.county),
		container.NewGridWrap(fyne.NewSize(120, p.category.MinSize().Height), p.category),
		p.onlyFree, container.NewGridWrap(fyne.NewSize(160, p.search.MinSize().Height), p.search), p.count)
	top := container.NewVBox(p.picked, filters)
	return container.NewBorder(top, container.NewHBox(p.all, p.none), nil, nil, p.list)
}

// load shows the units of team (checked) with the filters set for it.
func (p *unitPicker) load(team string, checked []string, county string) {
	p.loading = true
	defer func() { p.loading = false; p.applyFilter() }()
	p.team = team
	cal := p.t.f.s.cal
	all, err := cal.UnitChoices(p.t.f.round.Code, calendar.ChoiceFilter{Team: team})
	if err != nil {
		p.t.fail(err.Error())
	}
	p.units = make(map[string]calendar.UnitChoice, len(all))
	for _, u := range all {
		p.units[u.Unit] = u
	}
	opts := []string{anyCounty}
	sel := anyCounty
	for _, c := range cal.Snapshot().Counties {
		o := app.Option{Code: c.Code, Name: c.Name}.Label()
		opts = append(opts, o)
		if c.Code == county {
			sel = o
		}
	}
	p.county.Options = opts
	p.county.SetSelected(sel)
	p.category.SetSelected(anyCategory)
	p.onlyFree.SetChecked(true)
	p.search.SetText("")
	p.list.SetChecked(checked)
	setEnabled(p.list, p.t.f.editable())
	setEnabled(p.all, p.t.f.editable())
	setEnabled(p.none, p.t.f.editable())
	p.showPicked()
}

// applyFilter lists the units the filters let through.
func (p *unitPicker) applyFilter() {
	if p.loading || p.t.f.round == nil || p.county.Selected == "" {
		return
	}
	f := calendar.ChoiceFilter{OnlyFree: p.onlyFree.Checked, Team: p.team}
	if p.county.Selected != anyCounty {
		f.County = app.CodeOfLabel(p.county.Selected)
	}
	if p.category.Selected != anyCategory {
		f.Category = p.category.Selected
	}
	choices, err := p.t.f.s.cal.UnitChoices(p.t.f.round.Code, f)
	if err != nil {
		p.t.fail(err.Error())
		return
	}
	text := strings.ToLower(strings.TrimSpace(p.search.Text))
	var picked, rest []widgets.CheckItem // the units checked first
	for _, u := range choices {
		if text != "" && !strings.Contains(strings.ToLower(u.Unit+" "+u.Name), text) &&
			!strings.HasPrefix(strings.ToLower(p.initials(u.Name)), text) {
			continue
		}
		it := widgets.CheckItem{Key: u.Unit, Text: u.Unit + " " + u.Name, Note: p.note(u)}
		if p.list.IsChecked(u.Unit) {
			picked = append(picked, it)
		} else {
			rest = append(rest, it)
		}
	}
	items := append(picked, rest...)
	p.list.SetItems(items)
	p.count.SetText(fmt.Sprintf("列出 %d 个", len(items)))
}

// initials are the pinyin initials of name (县委办公室 → XWBGS), so that
// typing xwb finds it.
func (p *unitPicker) initials(name string) string {
	if p.inits == nil {
		p.inits = pinyin.New()
	}
	return p.inits.Initials(name)
}

// note says where a unit stands: its category and county, and whether it
// is on another team, inspected earlier this term or outside the term.
func (p *unitPicker) note(u calendar.UnitChoice) string {
	parts := []string{u.Category, p.t.f.s.cal.Snapshot().CountyName(u.County)}
	if u.Team != "" && u.Team != p.team {
		parts = append(parts, "已编入"+u.Team)
	}
	if len(u.InspectedIn) > 0 {
		parts = append(parts, "本届已在"+strings.Join(u.InspectedIn, "、")+"巡察")
	}
	if !u.Required {
		parts = append(parts, "不在本届覆盖范围")
	}
	return strings.Join(parts, " · ")
}

// onChanged refuses a unit of another county or of another team.
func (p *unitPicker) onChanged(key string, on bool) bool {
	if on {
		u := p.units[key]
		if u.Team != "" && u.Team != p.team {
			p.t.fail(fmt.Sprintf("%s（%s）已编入本轮的%s，一个单位每轮只由一个巡察组巡察。", u.Name, u.Unit, u.Team))
			return false
		}
		for _, k := range p.list.Checked() {
			if o := p.units[k]; k != key && o.County != u.County {
				sn := p.t.f.s.cal.Snapshot()
				p.t.fail(fmt.Sprintf("一个巡察组的单位须在同一县区：%s属%s，已选的%s属%s。", u.Name, sn.CountyName(u.County), o.Name, sn.CountyName(o.County)))
				return false
			}
		}
	}
	p.t.msg.SetText("")
	p.showPicked()
	return true
}

// checked returns the units checked, in code order.
func (p *unitPicker) checked() []string { return p.list.Checked() }

// showPicked lists the units checked above the filters.
func (p *unitPicker) showPicked() {
	keys := p.list.Checked()
	if len(keys) == 0 {
		p.picked.SetText("已选单位：无")
		return
	}
	var names []string
	for i, k := range keys {
		if i == 8 {
			names = append(names, fmt.Sprintf("等%d个", len(keys)))
			break
		}
		names = append(names, strings.TrimSpace(k+" "+p.units[k].Name))
	}
	p.picked.SetText(fmt.Sprintf("已选单位（%d）：%s", len(keys), strings.Join(names, "、")))
}
