package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
)

// onSolve fills the round's teams from scratch (SPEC §5) in the mode and
// with the seed chosen, after asking when an unsaved roster would be lost.
func (s *assignScreen) onSolve() {
	s.confirmDiscard("自动编组", "放弃并自动编组", s.solveNow)
}

// unsaved says what the screen holds that is not saved ("" when nothing):
// a roster solved, drawn or re-solved and not saved, or hand edits. The
// window asks before it would lose it (unsavedView, window_unsaved.go).
func (s *assignScreen) unsaved() string {
	if s.st == nil || !s.st.Unsaved() {
		return ""
	}
	what := "编组结果"
	switch {
	case s.st.Dirty:
		what = "手动调整"
	case s.st.Source == assign.SourceDraw:
		what = "随机抽取的结果"
	case s.st.Source == assign.SourceSolve:
		what = "自动编组的结果"
	}
	if s.st.Rec != nil {
		what += "（含抽取记录）"
	}
	return fmt.Sprintf("轮次 %s 的%s尚未保存", s.st.Res.Round, what)
}

// confirmDiscard runs then at once when nothing unsaved would be lost, or
// after the clerk agrees to lose it (title and ok name the action).
func (s *assignScreen) confirmDiscard(title, ok string, then func()) {
	what := s.unsaved()
	if what == "" {
		then()
		return
	}
	msg := widget.NewLabel(what + "，" + title + "将取代它（锁定、排除和可撤销的调整也一并放弃）。")
	msg.Wrapping = fyne.TextWrapBreak
	s.dlg = newAskDialog(s.win, title, ok, msg, func() error {
		then()
		return nil
	})
}

func (s *assignScreen) solveNow() {
	code, mode, seed := s.roundCode(), s.mode.Selected, strings.TrimSpace(s.seed.Text)
	if code == "" {
		return
	}
	s.fill("正在编组 "+code+"（"+mode+"）…", func() (*assign.RosterEdit, error) {
		return s.svc.SolveRoster(code, mode, seed)
	}, func(st *assign.RosterEdit) {
		if seed == "" {
			seed = "无"
		}
		s.show(st, fmt.Sprintf("已自动编组（%s，种子：%s）；检查后点“保存编组”。", mode, seed))
	})
}

// fill runs get (a solve, a draw) away from the window's thread, reading
// the people's facts too when none are read yet, then hands its roster to
// show on the window's thread.
func (s *assignScreen) fill(busy string, get func() (*assign.RosterEdit, error), show func(st *assign.RosterEdit)) {
	var st *assign.RosterEdit
	people := s.people
	s.work(busy, func() error {
		var err error
		if st, err = get(); err != nil {
			return err
		}
		if people == nil {
			people, err = s.peopleFacts()
		}
		return err
	}, func() {
		s.people = people
		s.status.Importance = widget.MediumImportance
		show(st)
	})
}

// onResolve asks what to solve again — only the team shown, only the
// empty slots, or every slot not locked — and solves it, keeping the
// locked members where they are and leaving out the excluded people.
func (s *assignScreen) onResolve() {
	if s.st == nil {
		return
	}
	labels := map[string]string{
		assign.ResolveTeam:  "只重新编排本组（" + s.cur + "）未锁定的位置，其他组不动",
		assign.ResolveEmpty: "只补齐空缺，已编入的人员都不动",
		assign.ResolveAll:   "全部组未锁定的位置都重新编排",
	}
	var opts []string
	for _, sc := range assign.ResolveScopes {
		if sc != assign.ResolveTeam || s.cur != "" {
			opts = append(opts, labels[sc])
		}
	}
	choice := widget.NewRadioGroup(opts, nil)
	choice.SetSelected(opts[0])
	msg := widget.NewLabel(fmt.Sprintf("锁定的人员（%d 人）不动，排除的人员（%d 人）不再编入；\n重新编组后可点“撤销”恢复。", s.st.Locked(), len(s.st.Excluded)))
	s.dlg = newAskDialog(s.win, "重新编组", "重新编组", container.NewVBox(choice, msg), func() error {
		for _, sc := range assign.ResolveScopes {
			if labels[sc] == choice.Selected {
				s.resolveNow(sc)
				return nil
			}
		}
		return errors.New("请选择重新编组的范围")
	})
	s.resolveChoice = choice
}

// resolveNow solves again within scope away from the window's thread.
func (s *assignScreen) resolveNow(scope string) {
	old, team := s.st, s.cur
	locked := old.Locked()
	var st *assign.RosterEdit
	s.work("正在重新编组（"+scope+"）…", func() error {
		var err error
		st, err = s.svc.ResolveRoster(old, scope, team)
		return err
	}, func() {
		s.status.Importance = widget.MediumImportance
		what := map[string]string{assign.ResolveTeam: "已重新编排" + team, assign.ResolveEmpty: "已补齐空缺",
			assign.ResolveAll: "已重新编组"}[scope]
		s.show(st, fmt.Sprintf("%s：保留锁定人员 %d 人，排除 %d 人；空缺 %d 个。可点“撤销”恢复。", what, locked, len(old.Excluded), len(st.Unfilled)))
	})
}

// onUndo takes back the last hand edit or re-solve.
func (s *assignScreen) onUndo() {
	if s.st == nil || s.st.NextUndo() == "" {
		return
	}
	what := s.st.Undo()
	if _, m := s.st.Member(s.sel); m == nil {
		s.sel = ""
	}
	s.status.Importance = widget.MediumImportance
	s.refresh()
	s.status.SetText("已撤销：" + what)
	s.enable()
}

// onRevert goes back to the round's saved 编组记录, after asking.
func (s *assignScreen) onRevert() {
	if s.st == nil || !s.st.Unsaved() {
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%s。恢复为已保存的编组记录（%d 人）将放弃当前的编组和全部调整。", s.unsaved(), s.saved))
	msg.Wrapping = fyne.TextWrapBreak
	s.dlg = newAskDialog(s.win, "恢复已保存的编组", "放弃并恢复", msg, func() error {
		s.load()
		return nil
	})
}

// onSave writes the roster as the round's 编组记录, after asking when it
// replaces saved members or still breaks rules.
func (s *assignScreen) onSave() {
	if s.st == nil {
		return
	}
	hard, _ := s.st.Totals()
	var warn []string
	if s.saved > 0 {
		warn = append(warn, fmt.Sprintf("轮次 %s 已保存 %d 人的编组记录，将替换为当前的 %d 人（仍在同组的人员保留鉴定）。", s.st.Res.Round, s.saved, s.st.Filled()))
	}
	if hard > 0 {
		warn = append(warn, fmt.Sprintf("当前编组仍有 %d 条违反规则的情形（见“违反规则”）。", hard))
	}
	if len(warn) == 0 {
		s.saveNow()
		return
	}
	msg := widget.NewLabel(strings.Join(warn, "\n") + "\n确定保存？")
	msg.Wrapping = fyne.TextWrapBreak
	s.dlg = newAskDialog(s.win, "保存编组", "保存", msg, func() error {
		s.saveNow()
		return nil
	})
}

func (s *assignScreen) saveNow() {
	if err := s.svc.SaveRoster(s.st); err != nil {
		s.status.Importance = widget.DangerImportance
		s.status.SetText("未保存：" + err.Error())
		dialog.ShowError(err, s.win)
		return
	}
	s.saved = s.st.Filled()
	s.status.Importance = widget.SuccessImportance
	s.refresh()
	s.status.SetText(fmt.Sprintf("已保存为轮次 %s 的编组记录（%d 人）。", s.st.Res.Round, s.saved))
	s.enable()
}
