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

// buildTeams builds the left side: the filter and the list of teams, each
// with its county, how full it is and how many rules its members break.
func (s *assignScreen) buildTeams() fyne.CanvasObject {
	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder("组名、县区、单位或人员")
	s.filter.OnChanged = func(string) { s.onFilterChanged() }
	s.only = widget.NewSelect([]string{showAll, showHard, showVacant, showSoft, showLocked}, func(string) { s.onFilterChanged() })
	s.only.Selected = showAll
	s.teamCount = widget.NewLabel("")
	s.teams = widget.NewList(func() int { return len(s.view) }, s.createTeamItem, s.updateTeamItem)
	s.teams.OnSelected = func(id widget.ListItemID) {
		if id < len(s.view) && s.st != nil {
			s.selectTeam(s.st.res.Teams[s.view[id]].Team)
		}
	}
	head := container.NewVBox(s.filter, container.NewBorder(nil, nil, nil, s.teamCount, s.only))
	return container.NewBorder(head, nil, nil, nil, s.teams)
}

func (s *assignScreen) createTeamItem() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("第十二巡察组", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel("城关区 7/7")
	badges := container.NewHBox(widgets.NewTag("", widgets.HardColor), widgets.NewTag("", widgets.SoftColor))
	return container.NewBorder(nil, nil, nil, badges, container.NewHBox(name, info))
}

func (s *assignScreen) updateTeamItem(id widget.ListItemID, o fyne.CanvasObject) {
	if s.st == nil || id >= len(s.view) {
		return
	}
	t := &s.st.res.Teams[s.view[id]]
	c := o.(*fyne.Container)
	main := c.Objects[0].(*fyne.Container)
	badges := c.Objects[1].(*fyne.Container)
	main.Objects[0].(*widget.Label).SetText(t.Team)
	main.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s %d/%d", s.st.countyName(t.County), len(t.Members), s.st.set.Slots()))
	hard, soft := s.st.counts(t.Team)
	for i, n := range []int{hard, soft} {
		text := ""
		if n > 0 {
			text = fmt.Sprintf("%s %d", []string{brokenTag, string(recusal.Soft)}[i], n)
		}
		badges.Objects[i].(*widgets.Tag).SetTag(text, []color.Color{widgets.HardColor, widgets.SoftColor}[i])
	}
}

// matches reports whether team t passes the filter.
func (s *assignScreen) matches(t *assign.TeamResult) bool {
	hard, soft := s.st.counts(t.Team)
	switch s.only.Selected {
	case showHard:
		if hard == 0 {
			return false
		}
	case showSoft:
		if soft == 0 {
			return false
		}
	case showVacant:
		if len(t.Members) >= s.st.set.Slots() {
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
	text := strings.ToLower(strings.TrimSpace(s.filter.Text))
	if text == "" {
		return true
	}
	hay := []string{t.Team, t.County, s.st.countyName(t.County), s.st.unitNames(t)}
	hay = append(hay, t.Units...)
	for _, m := range t.Members {
		hay = append(hay, m.Person, s.st.name(m.Person))
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
func (s *assignScreen) onFilterChanged() {
	if s.st == nil || s.teams == nil {
		return
	}
	s.view = s.view[:0]
	at := -1
	for i := range s.st.res.Teams {
		t := &s.st.res.Teams[i]
		if s.matches(t) {
			if t.Team == s.cur {
				at = len(s.view)
			}
			s.view = append(s.view, i)
		}
	}
	s.teamCount.SetText(fmt.Sprintf("%d / %d 组", len(s.view), len(s.st.res.Teams)))
	s.teams.Refresh()
	if at >= 0 {
		s.teams.OnSelected = nil // selecting the shown team again redraws nothing
		s.teams.Select(at)
		s.teams.OnSelected = func(id widget.ListItemID) {
			if id < len(s.view) && s.st != nil {
				s.selectTeam(s.st.res.Teams[s.view[id]].Team)
			}
		}
	} else {
		s.teams.UnselectAll()
	}
}

// selectTeam shows team name on the right.
func (s *assignScreen) selectTeam(name string) {
	if name == s.cur {
		return
	}
	s.cur, s.sel, s.selVac = name, "", -1
	s.showTeam()
}
