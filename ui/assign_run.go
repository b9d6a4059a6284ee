package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
)

// onSolve fills the round's teams from scratch (SPEC §5) in the mode and
// with the seed chosen, after asking when an unsaved roster (hand edits, a
// solve or a draw not saved) would be lost.
func (s *assignScreen) onSolve() {
	if what := s.unsaved(); what != "" {
		msg := widget.NewLabel(what + "尚未保存，重新自动编组将取代它（手动调整、锁定和排除也一并放弃）。")
		msg.Wrapping = fyne.TextWrapWord
		s.dlg = newAskDialog(s.win, "自动编组", "放弃调整并编组", msg, func() error {
			s.solveNow()
			return nil
		})
		return
	}
	s.solveNow()
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

// onResolve solves the rest again, keeping the locked members where they
// are and leaving out the excluded people.
func (s *assignScreen) onResolve() {
	if s.st == nil {
		return
	}
	old := s.st
	locked := old.Locked()
	var st *assign.RosterEdit
	s.work("正在重新编组（保留锁定人员）…", func() error {
		var err error
		st, err = s.svc.ResolveRoster(old)
		return err
	}, func() {
		s.status.Importance = widget.MediumImportance
		s.show(st, fmt.Sprintf("已重新编组：保留锁定人员 %d 人，排除 %d 人，其余重新编入。", locked, len(old.Excluded)))
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
	msg.Wrapping = fyne.TextWrapWord
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
