package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// assignTeamList is the left of the 编组 screen: the filter and the list
// of teams, each with its county, how full it is and how many rules its
// members break. Choosing a team shows it on the right.
type assignTeamList struct {
	screen *assignScreen

	filter    *widget.Entry
	only      *widget.Select
	teamCount *widget.Label
	teams     *widget.List
	view      []int // teams of the roster listed, by index
}

func (p *assignTeamList) build() fyne.CanvasObject {
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder("组名、县区、单位或人员")
	p.filter.OnChanged = func(string) { p.onFilterChanged() }
	p.only = widget.NewSelect([]string{showAll, showHard, showVacant, showSoft, showLocked}, func(string) { p.onFilterChanged() })
	p.only.Selected = showAll
	p.teamCount = widget.NewLabel("")
	p.teams = widget.NewList(func() int { return len(p.view) }, p.createItem, p.updateItem)
	p.teams.OnSelected = p.onSelected
	head := container.NewVBox(p.filter, container.NewBorder(nil, nil, nil, p.teamCount, p.only))
	return container.NewBorder(head, nil, nil, nil, p.teams)
}

// onSelected shows the team of list item id.
func (p *assignTeamList) onSelected(id widget.ListItemID) {
	if st := p.screen.st; id < len(p.view) && st != nil {
		p.screen.selectTeam(st.Res.Teams[p.view[id]].Team)
	}
}

func (p *assignTeamList) createItem() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("第十二巡察组", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel("城关区 7/7")
	badges := container.NewHBox(widgets.NewTag("", widgets.HardColor), widgets.NewTag("", widgets.SoftColor))
	return container.NewBorder(nil, nil, nil, badges, container.NewHBox(name, info))
}

func (p *assignTeamList) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	st := p.screen.st
	if st == nil || id >= len(p.view) {
		return
	}
	t := &st.Res.Teams[p.view[id]]
	c := o.(*fyne.Container)
	main := c.Objects[0].(*fyne.Container)
	badges := c.Objects[1].(*fyne.Container)
	main.Objects[0].(*widget.Label).SetText(t.Team)
	main.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s %d/%d", st.CountyName(t.County), len(t.Members), st.Set.Slots()))
	hard, soft := st.Counts(t.Team)
	for i, n := range []int{hard, soft} {
		text := ""
		if n > 0 {
			text = fmt.Sprintf("%s %d", []string{brokenTag, string(recusal.Soft)}[i], n)
		}
		badges.Objects[i].(*widgets.Tag).SetTag(text, []color.Color{widgets.HardColor, widgets.SoftColor}[i])
	}
}

// matches reports whether team t passes the filter.
func (p *assignTeamList) matches(t *assign.TeamResult) bool {
	st := p.screen.st
	hard, soft := st.Counts(t.Team)
	switch p.only.Selected {
	case showHard:
		if hard == 0 {
			return false
		}
	case showSoft:
		if soft == 0 {
			return false
		}
	case showVacant:
		if len(t.Members) >= st.Set.Slots() {
			return false
		}
	case showLocked:
		locked := false
		for _, m := range t.Members {
			locked = locked || m.Locked
		}
		if !locked {
			return false
		}
	}
	text := strings.ToLower(strings.TrimSpace(p.filter.Text))
	if text == "" {
		return true
	}
	hay := []string{t.Team, t.County, st.CountyName(t.County), st.UnitNames(t)}
	hay = append(hay, t.Units...)
	for _, m := range t.Members {
		hay = append(hay, m.Person, st.Name(m.Person))
	}
	for _, h := range hay {
		if strings.Contains(strings.ToLower(h), text) {
			return true
		}
	}
	return false
}

// onFilterChanged lists the teams that pass the filter, keeping the team
// shown selected when it is listed.
func (p *assignTeamList) onFilterChanged() {
	st := p.screen.st
	if st == nil || p.teams == nil {
		return
	}
	p.view = p.view[:0]
	at := -1
	for i := range st.Res.Teams {
		t := &st.Res.Teams[i]
		if p.matches(t) {
			if t.Team == p.screen.cur {
				at = len(p.view)
			}
			p.view = append(p.view, i)
		}
	}
	p.teamCount.SetText(fmt.Sprintf("%d / %d 组", len(p.view), len(st.Res.Teams)))
	p.teams.Refresh()
	if at >= 0 {
		p.teams.OnSelected = nil // selecting the shown team again redraws nothing
		p.teams.Select(at)
		p.teams.OnSelected = p.onSelected
	} else {
		p.teams.UnselectAll()
	}
}
