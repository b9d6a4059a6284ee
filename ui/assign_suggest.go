package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
)

// assignSuggest is the 候选替换 list of the 编组 screen (SPEC §10.3): for
// the slot selected, empty or filled, the people who may take it ranked
// by the solver's objective, each with the reason for its place; placing
// one re-checks the roster at once.
type assignSuggest struct {
	sugg   *assign.Suggestions // the list shown last
	places []*widget.Button    // its buttons, one per candidate
}

// selectedSlot returns the team, role and holder of the slot selected:
// a member's, or an empty one's (holder "").
func (s *assignScreen) selectedSlot() (team, role, holder string, ok bool) {
	t, vac := s.teamRows()
	switch {
	case t == nil:
	case s.sel != "":
		if _, m := s.st.Member(s.sel); m != nil {
			return t.Team, m.Role, s.sel, true
		}
	case s.selVac >= 0 && s.selVac < len(vac):
		return t.Team, vac[s.selVac].Role, "", true
	}
	return "", "", "", false
}

// onSuggest opens the 候选替换 list of the slot selected.
func (s *assignScreen) onSuggest() {
	team, role, holder, ok := s.selectedSlot()
	if !ok {
		return
	}
	sg, err := s.st.Suggest(team, role, holder)
	if err != nil {
		s.status.SetText(err.Error())
		return
	}
	s.sugg, s.places = sg, nil
	what := team + " " + role + "（空缺）"
	act := "编入"
	if holder != "" {
		what = fmt.Sprintf("%s %s（现任 %s %s）", team, role, s.st.Name(holder), holder)
		act = "替换"
	}
	head := widget.NewLabel(fmt.Sprintf("%s的候选人\n按编组目标排序：以老带新、轮换、新提拔、县区分布、提示、专业特长；选中一人%s后立即按全部规则检查。", what, act))
	head.Wrapping = fyne.TextWrapBreak
	list := container.NewVBox()
	for _, c := range sg.Candidates {
		list.Add(s.suggestRow(c, act, team, role, holder))
		list.Add(widget.NewSeparator())
	}
	if len(sg.Candidates) == 0 {
		list.Add(widget.NewLabel("没有可担任此位置的人员。"))
	}
	var foot []string
	if sg.More > 0 {
		foot = append(foot, fmt.Sprintf("另有 %d 人可担任，排序在后。", sg.More))
	}
	if sg.Refused != "" {
		foot = append(foot, sg.Refused+"。")
	}
	tail := widget.NewLabel(strings.Join(foot, ""))
	tail.Wrapping = fyne.TextWrapBreak
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(680, 300))
	s.dlg = newAskDialog(s.win, "候选替换", "关闭", container.NewBorder(head, tail, nil, nil, scroll), func() error { return nil })
	s.dlg.cancel.Hide()
	s.dlg.dlg.Resize(fyne.NewSize(760, 520))
}

// suggestRow is one candidate of the list: who, the facts the objective
// weighs, the reason for the place and the button that places them.
func (s *assignScreen) suggestRow(c assign.Suggestion, act, team, role, holder string) fyne.CanvasObject {
	facts := fmt.Sprintf("%d. %s（%s）· %s · 参加过 %d 轮 · 本届 %d 轮", c.Rank, c.Name, c.Person, s.st.CountyName(c.County), c.Experience, c.Served)
	if c.Due != "" {
		facts += " · 新提拔，须于 " + c.Due + " 前参加"
	}
	if f := s.people[c.Person]; f != nil && f.Skills != "" {
		facts += " · " + f.Skills
	}
	text := facts + "\n" + c.Reason
	for _, h := range c.Hints {
		text += "\n提示 " + h
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	person := c.Person
	b := widget.NewButtonWithIcon(act, theme.ConfirmIcon(), func() { s.place(person, team, role, holder) })
	s.places = append(s.places, b)
	return container.NewBorder(nil, nil, nil, b, l)
}

// place puts person in the slot: in holder's place, or into the empty
// slot of role on team; the roster is checked at once.
func (s *assignScreen) place(person, team, role, holder string) {
	var err error
	msg := fmt.Sprintf("已将 %s 编入%s（%s）", s.st.Name(person), team, role)
	if holder != "" {
		err = s.st.Replace(holder, person)
		msg = fmt.Sprintf("已由 %s 顶替 %s（%s %s）", s.st.Name(person), s.st.Name(holder), team, role)
	} else {
		err = s.st.Move(person, team, role)
	}
	if err != nil {
		s.dlg.note.SetText(err.Error())
		s.dlg.note.Show()
		return
	}
	s.dlg.dlg.Hide()
	s.afterEdit(person, msg)
}
