package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// buildTabs puts the team shown in the first tab and the lists of the
// whole round in the others: the empty slots with why, the rules broken,
// the hints, and the people excluded by hand. A tap on a line shows its
// team.
func (s *assignScreen) buildTabs(team fyne.CanvasObject) fyne.CanvasObject {
	s.vacList = s.issueList(func() int { return s.vacancyCount() }, func(i int) (string, string, recusal.Severity) {
		u := s.st.unfilled[i]
		return u.Team + " · " + u.Role, u.Reason, ""
	}, func(i int) { s.showVacancy(s.st.unfilled[i]) })
	s.hardList = s.issueList(func() int { return len(s.hard) }, func(i int) (string, string, recusal.Severity) {
		return s.violationHead(s.hard[i]), ruleLabel(s.hard[i].Rule) + "：" + s.hard[i].Reason, hardLevel(s.hard[i])
	}, func(i int) { s.showViolation(s.hard[i]) })
	s.softList = s.issueList(func() int { return len(s.soft) }, func(i int) (string, string, recusal.Severity) {
		return s.violationHead(s.soft[i]), ruleLabel(s.soft[i].Rule) + "：" + s.soft[i].Reason, recusal.Soft
	}, func(i int) { s.showViolation(s.soft[i]) })
	s.excludedBox = container.NewVBox()
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("本组", theme.ListIcon(), team),
		container.NewTabItemWithIcon("缺额", theme.ContentRemoveIcon(), s.vacList),
		container.NewTabItemWithIcon("违反规则", theme.ErrorIcon(), s.hardList),
		container.NewTabItemWithIcon("提示", theme.WarningIcon(), s.softList),
		container.NewTabItemWithIcon("已排除", theme.CancelIcon(), container.NewVScroll(s.excludedBox)),
	)
	return s.tabs
}

// The tabs of the right side.
const (
	tabTeam = iota
	tabVacant
	tabHard
	tabSoft
	tabExcluded
)

func (s *assignScreen) vacancyCount() int {
	if s.st == nil {
		return 0
	}
	return len(s.st.unfilled)
}

// issueList is a list of lines: a bold head (team and who), a severity
// badge and the text; tapping line i runs onTap(i).
func (s *assignScreen) issueList(n func() int, line func(i int) (string, string, recusal.Severity), onTap func(i int)) *widget.List {
	l := widget.NewList(n, func() fyne.CanvasObject {
		head := widget.NewLabelWithStyle("第十二巡察组 · 专职工作人员", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := widget.NewLabel("")
		text.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, container.NewHBox(widgets.NewSeverityBadge(""), widgets.NewTag("", nil), head), nil, text)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if s.st == nil || id >= n() {
			return
		}
		h, t, sev := line(id)
		c := o.(*fyne.Container)
		text := c.Objects[0].(*widget.Label)
		left := c.Objects[1].(*fyne.Container)
		tag := ""
		if sev == brokenSev {
			sev, tag = recusal.Off, brokenTag
		}
		left.Objects[0].(*widgets.SeverityBadge).SetSeverity(sev, false)
		left.Objects[1].(*widgets.Tag).SetTag(tag, widgets.HardColor)
		left.Objects[2].(*widget.Label).SetText(h)
		text.SetText(t)
	})
	l.OnSelected = func(id widget.ListItemID) {
		if s.st != nil && id < n() {
			onTap(id)
		}
		l.UnselectAll()
	}
	return l
}

// brokenSev stands for a broken composition rule among the severities a
// line of a list shows.
const brokenSev recusal.Severity = brokenTag

// hardLevel is the severity shown for hard violation v.
func hardLevel(v assign.Violation) recusal.Severity {
	if isRecusal(v.Rule) {
		return recusal.Hard
	}
	return brokenSev
}

// violationHead names the team and the person of a violation.
func (s *assignScreen) violationHead(v assign.Violation) string {
	if v.Person == "" {
		return v.Team
	}
	return v.Team + " · " + s.st.name(v.Person)
}

// refreshTabs recounts the lists of the whole round.
func (s *assignScreen) refreshTabs() {
	if s.tabs == nil || s.st == nil {
		return
	}
	s.hard, s.soft = s.hard[:0], s.soft[:0]
	for _, v := range s.st.viols {
		if v.Hard {
			s.hard = append(s.hard, v)
		} else {
			s.soft = append(s.soft, v)
		}
	}
	s.tabs.Items[tabVacant].Text = fmt.Sprintf("缺额（%d）", len(s.st.unfilled))
	s.tabs.Items[tabHard].Text = fmt.Sprintf("违反规则（%d）", len(s.hard))
	s.tabs.Items[tabSoft].Text = fmt.Sprintf("提示（%d）", len(s.soft))
	s.tabs.Items[tabExcluded].Text = fmt.Sprintf("已排除（%d）", len(s.st.excluded))
	s.excludedBox.RemoveAll()
	for _, p := range s.st.excluded {
		p := p
		b := widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), func() { s.onRestore(p) })
		s.excludedBox.Add(container.NewBorder(nil, nil, nil, b, widget.NewLabel(fmt.Sprintf("%s（%s）：不参加本轮编组和重新编组", s.st.name(p), p))))
	}
	if len(s.st.excluded) == 0 {
		s.excludedBox.Add(widget.NewLabel("没有手动排除的人员。选中一名人员后点“排除”，重新编组时不再编入此人。"))
	}
	s.tabs.Refresh()
	s.vacList.Refresh()
	s.hardList.Refresh()
	s.softList.Refresh()
}

// showVacancy shows the team of an empty slot with the slot selected.
func (s *assignScreen) showVacancy(u assign.Unfilled) {
	s.tabs.SelectIndex(tabTeam)
	s.cur, s.sel = u.Team, ""
	s.onFilterChanged()
	s.showTeam()
	_, vac := s.teamRows()
	for i, x := range vac {
		if x == u {
			t, _ := s.teamRows()
			s.selectRow(len(t.Members) + i)
			break
		}
	}
}

// showViolation shows the team of a violation with its person selected.
func (s *assignScreen) showViolation(v assign.Violation) {
	s.tabs.SelectIndex(tabTeam)
	if v.Person != "" {
		if t, _ := s.st.member(v.Person); t != nil && t.Team == v.Team {
			s.selectPerson(v.Person)
			return
		}
	}
	s.cur, s.sel, s.selVac = v.Team, "", -1
	s.onFilterChanged()
	s.showTeam()
}
