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

// assignIssues are the tabs of the 编组 screen's right side: the team shown
// in the first, the lists of the whole round in the others — the empty
// slots with why, the rules broken, the hints, and the people excluded by
// hand. A tap on a line shows its team.
type assignIssues struct {
	screen *assignScreen

	tabs                        *container.AppTabs
	vacList, hardList, softList *widget.List
	hard, soft                  []assign.Violation // of the whole round
	excludedBox                 *fyne.Container
}

// build puts team (the slots panel) in the first tab and the lists in the
// others.
func (p *assignIssues) build(team fyne.CanvasObject) fyne.CanvasObject {
	s := p.screen
	p.vacList = p.issueList(func() int { return p.vacancyCount() }, func(i int) (string, string, recusal.Severity) {
		u := s.st.Unfilled[i]
		return u.Team + " · " + u.Role, u.Reason, ""
	}, func(i int) { p.showVacancy(s.st.Unfilled[i]) })
	p.hardList = p.issueList(func() int { return len(p.hard) }, func(i int) (string, string, recusal.Severity) {
		return p.violationHead(p.hard[i]), ruleLabel(p.hard[i].Rule) + "：" + p.hard[i].Reason, hardLevel(p.hard[i])
	}, func(i int) { p.showViolation(p.hard[i]) })
	p.softList = p.issueList(func() int { return len(p.soft) }, func(i int) (string, string, recusal.Severity) {
		return p.violationHead(p.soft[i]), ruleLabel(p.soft[i].Rule) + "：" + p.soft[i].Reason, recusal.Soft
	}, func(i int) { p.showViolation(p.soft[i]) })
	p.excludedBox = container.NewVBox()
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("本组", theme.ListIcon(), team),
		container.NewTabItemWithIcon("缺额", theme.ContentRemoveIcon(), p.vacList),
		container.NewTabItemWithIcon("违反规则", theme.ErrorIcon(), p.hardList),
		container.NewTabItemWithIcon("提示", theme.WarningIcon(), p.softList),
		container.NewTabItemWithIcon("已排除", theme.CancelIcon(), container.NewVScroll(p.excludedBox)),
	)
	return p.tabs
}

// The tabs of the right side.
const (
	tabTeam = iota
	tabVacant
	tabHard
	tabSoft
	tabExcluded
)

func (p *assignIssues) vacancyCount() int {
	s := p.screen
	if s.st == nil {
		return 0
	}
	return len(s.st.Unfilled)
}

// issueList is a list of lines: a bold head (team and who), a severity
// badge and the text; tapping line i runs onTap(i).
func (p *assignIssues) issueList(n func() int, line func(i int) (string, string, recusal.Severity), onTap func(i int)) *widget.List {
	s := p.screen
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
func (p *assignIssues) violationHead(v assign.Violation) string {
	s := p.screen
	if v.Person == "" {
		return v.Team
	}
	return v.Team + " · " + s.st.Name(v.Person)
}

// refresh recounts the lists of the whole round.
func (p *assignIssues) refresh() {
	s := p.screen
	if p.tabs == nil || s.st == nil {
		return
	}
	p.hard, p.soft = p.hard[:0], p.soft[:0]
	for _, v := range s.st.Violations {
		if v.Hard {
			p.hard = append(p.hard, v)
		} else {
			p.soft = append(p.soft, v)
		}
	}
	p.tabs.Items[tabVacant].Text = fmt.Sprintf("缺额（%d）", len(s.st.Unfilled))
	p.tabs.Items[tabHard].Text = fmt.Sprintf("违反规则（%d）", len(p.hard))
	p.tabs.Items[tabSoft].Text = fmt.Sprintf("提示（%d）", len(p.soft))
	p.tabs.Items[tabExcluded].Text = fmt.Sprintf("已排除（%d）", len(s.st.Excluded))
	p.excludedBox.RemoveAll()
	for _, code := range s.st.Excluded {
		b := widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), func() { s.onRestore(code) })
		p.excludedBox.Add(container.NewBorder(nil, nil, nil, b, widget.NewLabel(fmt.Sprintf("%s（%s）：不参加本轮编组和重新编组", s.st.Name(code), code))))
	}
	if len(s.st.Excluded) == 0 {
		p.excludedBox.Add(widget.NewLabel("没有手动排除的人员。选中一名人员后点“排除”，重新编组时不再编入此人。"))
	}
	p.tabs.Refresh()
	p.vacList.Refresh()
	p.hardList.Refresh()
	p.softList.Refresh()
}

// showVacancy shows the team of an empty slot with the slot selected.
func (p *assignIssues) showVacancy(u assign.Unfilled) {
	s := p.screen
	p.tabs.SelectIndex(tabTeam)
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
func (p *assignIssues) showViolation(v assign.Violation) {
	s := p.screen
	p.tabs.SelectIndex(tabTeam)
	if v.Person != "" {
		if t, _ := s.st.Member(v.Person); t != nil && t.Team == v.Team {
			s.selectPerson(v.Person)
			return
		}
	}
	s.cur, s.sel, s.selVac = v.Team, "", -1
	s.onFilterChanged()
	s.showTeam()
}
