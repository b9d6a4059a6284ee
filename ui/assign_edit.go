package ui

import (
	"errors"
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
	"xuncha/app/assign"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

// askDialog is a small form in a dialog whose action may fail: the reason
// shows in red and the dialog stays open.
type askDialog struct {
	ok, cancel *widget.Button
	note       *widget.Label
	content    fyne.CanvasObject
	dlg        dialog.Dialog
	onOK       func() error
}

func newAskDialog(w fyne.Window, title, ok string, content fyne.CanvasObject, onOK func() error) *askDialog {
	d := &askDialog{note: widget.NewLabel(""), onOK: onOK, content: content}
	d.note.Importance = widget.DangerImportance
	d.note.Wrapping = fyne.TextWrapBreak
	d.note.Hide()
	d.ok = widget.NewButtonWithIcon(ok, theme.ConfirmIcon(), d.submit)
	d.ok.Importance = widget.HighImportance
	d.cancel = widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(content, d.note,
		container.NewHBox(layout.NewSpacer(), d.cancel, d.ok)), w)
	d.dlg.Show()
	d.dlg.Resize(fyne.NewSize(560, d.dlg.MinSize().Height))
	return d
}

func (d *askDialog) submit() {
	err := d.onOK()
	if errors.Is(err, errStayOpen) {
		d.note.Hide()
		return
	}
	if err != nil {
		d.note.SetText(err.Error())
		d.note.Show()
		return
	}
	d.dlg.Hide()
}

// teamOptions labels the teams of the roster: "第一巡察组（城关区）".
func (s *assignScreen) teamOptions() []string {
	out := make([]string, len(s.st.Res.Teams))
	for i, t := range s.st.Res.Teams {
		out[i] = t.Team + "（" + s.st.CountyName(t.County) + "）"
	}
	return out
}

// teamOfOption returns the team name of a label of teamOptions.
func teamOfOption(label string) string {
	if i := strings.Index(label, "（"); i >= 0 {
		return label[:i]
	}
	return label
}

// onMove moves the selected member to a team and role of the clerk's
// choosing, locked there.
func (s *assignScreen) onMove() {
	person := s.sel
	if person == "" {
		return
	}
	from, m := s.st.Member(person)
	team := widget.NewSelect(s.teamOptions(), nil)
	team.PlaceHolder = "选择巡察组"
	team.SetSelected(from.Team + "（" + s.st.CountyName(from.County) + "）")
	role := widget.NewSelect(vocab.Roles, nil)
	role.SetSelected(m.Role)
	form := widget.NewForm(widget.NewFormItem("巡察组", team), widget.NewFormItem("角色", role))
	msg := widget.NewLabel(fmt.Sprintf("把%s（现在%s，%s）移到以下位置。移动后锁定在新位置，并立即按全部规则检查。", s.st.Name(person), from.Team, m.Role))
	msg.Wrapping = fyne.TextWrapBreak
	s.dlg = newAskDialog(s.win, "移动人员", "移动", container.NewVBox(msg, form), func() error {
		if team.Selected == "" || role.Selected == "" {
			return errors.New("请选择巡察组和角色")
		}
		to := teamOfOption(team.Selected)
		if err := s.st.Move(person, to, role.Selected); err != nil {
			return err
		}
		s.afterEdit(person, fmt.Sprintf("已将 %s 移到%s（%s）", s.st.Name(person), to, role.Selected))
		return nil
	})
}

// memberOptions lists the placed people of st other than except, for a
// picker.
func memberOptions(st *assign.RosterEdit, except string) []app.Option {
	var out []app.Option
	for _, t := range st.Res.Teams {
		for _, m := range t.Members {
			if m.Person != except {
				out = append(out, app.Option{Code: m.Person, Name: st.Name(m.Person) + " · " + t.Team + " · " + m.Role})
			}
		}
	}
	return out
}

// freeOptions lists the people who may still be placed on st, for a
// picker.
func freeOptions(st *assign.RosterEdit) []app.Option {
	var out []app.Option
	for _, p := range st.Free() {
		out = append(out, app.Option{Code: p.Code, Name: p.Name + " · " + st.CountyName(p.County) + " · " + app.PoolsText(p.Pools)})
	}
	return out
}

// onSwap exchanges the places of the selected member and another; with
// someone not placed, that person takes the member's place and the
// member leaves the team.
func (s *assignScreen) onSwap() {
	person := s.sel
	if person == "" {
		return
	}
	opts := memberOptions(s.st, person)
	for _, o := range freeOptions(s.st) {
		o.Name += " · 未编入"
		opts = append(opts, o)
	}
	pick := widgets.NewPicker(opts)
	pick.PlaceHolder = "输入姓名、编号或组名"
	msg := widget.NewLabel(fmt.Sprintf("选择与%s交换巡察组和角色的人员（交换后两人都锁定）；选择未编入的人员则由其顶替%s：", s.st.Name(person), s.st.Name(person)))
	msg.Wrapping = fyne.TextWrapBreak
	s.dlg = newAskDialog(s.win, "交换人员", "交换", container.NewVBox(msg, pick), func() error {
		other := pick.Code()
		if t, _ := s.st.Member(other); t != nil {
			if err := s.st.Swap(person, other); err != nil {
				return err
			}
			s.afterEdit(person, fmt.Sprintf("已交换 %s 与 %s", s.st.Name(person), s.st.Name(other)))
			return nil
		}
		if !slices.ContainsFunc(opts, func(o app.Option) bool { return o.Code == other }) {
			return errors.New("请从列表中选择一名人员")
		}
		t, m := s.st.Member(person)
		team, role := t.Team, m.Role
		if err := s.st.Replace(person, other); err != nil {
			return err
		}
		s.afterEdit(other, fmt.Sprintf("已由 %s 顶替 %s（%s %s）", s.st.Name(other), s.st.Name(person), team, role))
		return nil
	})
}

// onFill places a person of the clerk's choosing in the selected empty slot.
func (s *assignScreen) onFill() {
	_, vac := s.teamRows()
	if s.selVac < 0 || s.selVac >= len(vac) {
		return
	}
	u := vac[s.selVac]
	pick := widgets.NewPicker(freeOptions(s.st))
	pick.PlaceHolder = "输入尚未编入人员的姓名或编号"
	msg := widget.NewLabel(fmt.Sprintf("编入%s的%s空缺（锁定，并立即检查）：", u.Team, u.Role))
	s.dlg = newAskDialog(s.win, "编入空缺", "编入", container.NewVBox(msg, pick), func() error {
		p := pick.Code()
		if !slices.ContainsFunc(s.st.In.People, func(x assign.Person) bool { return x.Code == p }) {
			return errors.New("请从列表中选择一名人员")
		}
		if err := s.st.Move(p, u.Team, u.Role); err != nil {
			return err
		}
		s.afterEdit(p, fmt.Sprintf("已将 %s 编入%s（%s）", s.st.Name(p), u.Team, u.Role))
		return nil
	})
}

// onLock locks the selected member where they are, or unlocks them.
func (s *assignScreen) onLock() {
	person := s.sel
	_, m := s.st.Member(person)
	if m == nil {
		return
	}
	on := !m.Locked
	if err := s.st.SetLocked(person, on); err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	what := "已锁定 %s：重新编组时保持在此位置"
	if !on {
		what = "已解锁 %s：重新编组时可调整"
	}
	s.afterEdit(person, fmt.Sprintf(what, s.st.Name(person)))
}

// onExclude takes the selected member off and out of re-solving.
func (s *assignScreen) onExclude() {
	person := s.sel
	if person == "" {
		return
	}
	if err := s.st.Exclude(person); err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.sel = ""
	s.afterEdit("", fmt.Sprintf("已排除 %s：其位置空出，重新编组时不再编入（可在“已排除”中恢复）", s.st.Name(person)))
}

// onRestore lets an excluded person be placed again.
func (s *assignScreen) onRestore(person string) {
	s.st.Readmit(person)
	s.afterEdit("", fmt.Sprintf("已恢复 %s：重新编组时可再编入", s.st.Name(person)))
}

// afterEdit shows the roster after an edit with person selected (when
// placed) and says in colour what the rules say of their new place.
func (s *assignScreen) afterEdit(person, msg string) {
	if t, _ := s.st.Member(person); t != nil {
		s.cur, s.sel, s.selVac = t.Team, person, -1
		vs := s.st.MemberViolations(t.Team, person)
		if len(vs) > 0 {
			msg += "；" + violationsText(vs)
		} else {
			msg += "；未发现违反规则的情形"
		}
		_, _, imp := level(vs)
		s.status.Importance = imp
	} else {
		s.status.Importance = widget.MediumImportance
	}
	s.refresh()
	s.status.SetText(msg)
	s.enable()
}

// onWhyNot asks why a person is not on a team: the selected member (or
// anyone) and the team shown (or any other).
func (s *assignScreen) onWhyNot() {
	if s.st == nil {
		return
	}
	var opts []app.Option
	for _, p := range s.st.In.People {
		opts = append(opts, app.Option{Code: p.Code, Name: p.Name + " · " + s.st.CountyName(p.County)})
	}
	slices.SortFunc(opts, func(a, b app.Option) int { return strings.Compare(a.Code, b.Code) })
	pick := widgets.NewPicker(opts)
	team := widget.NewSelect(s.teamOptions(), nil)
	team.PlaceHolder = "选择巡察组"
	cur := s.st.Team(s.cur)
	if s.sel != "" {
		pick.SetCode(s.sel)
	} else if cur != nil {
		team.SetSelected(cur.Team + "（" + s.st.CountyName(cur.County) + "）")
	}
	s.ans = widget.NewLabel("选择人员和巡察组后点“查询”。")
	s.ans.Wrapping = fyne.TextWrapBreak
	ask := func() error {
		p, t := pick.Code(), teamOfOption(team.Selected)
		if p == "" || t == "" {
			return errors.New("请选择人员和巡察组")
		}
		lines, err := s.st.WhyNot(p, t)
		if err != nil {
			return err
		}
		text := strings.Join(lines, "\n· ")
		if tr := s.st.Team(t); tr != nil {
			for _, m := range tr.Members { // name the holders the answer gives by code
				text = strings.ReplaceAll(text, m.Person+"（", s.st.Name(m.Person)+" "+m.Person+"（")
			}
		}
		s.ans.SetText(fmt.Sprintf("%s（%s）为何不在%s：\n· %s", s.st.Name(p), p, t, text))
		return nil
	}
	form := widget.NewForm(widget.NewFormItem("人员", pick), widget.NewFormItem("巡察组", team))
	answer := container.NewVScroll(s.ans)
	answer.SetMinSize(fyne.NewSize(640, 220))
	s.dlg = newAskDialog(s.win, "为何不在此组", "查询", container.NewVBox(form, answer), func() error {
		if err := ask(); err != nil {
			return err
		}
		return errStayOpen
	})
	s.dlg.cancel.SetText("关闭")
	s.dlg.dlg.Resize(fyne.NewSize(720, 420))
}

// errStayOpen keeps an askDialog open after its action without an error
// shown: the answer is in the dialog.
var errStayOpen = errors.New("")
