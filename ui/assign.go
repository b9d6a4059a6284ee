package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

// assignScreen is 编组: fill the teams of a round (自动编组) or draw them
// before witnesses (随机抽取), adjust by hand (move, swap, lock, exclude,
// fill an empty slot) with every change checked against the rules at once,
// ask why a person is not on a team, re-solve the rest keeping the locks,
// save the roster as the round's 编组记录 and print it. The roster being
// edited is an assign.RosterEdit the service loads, solves, draws,
// re-solves and saves; the screen draws it. It is made of four panels:
// the filtered list of teams on the left (assignTeamList), the team chosen
// with its slots on the right (assignSlots), the empty slots, broken rules
// and hints of the whole round in tabs around it (assignIssues), and the
// roster's and the draw's documents (assignDocuments); the 候选替换 list
// of the slot selected opens from the slots (assignSuggest). The panels are
// embedded: their widgets read as the screen's.
type assignScreen struct {
	svc *app.Service
	win fyne.Window

	*assignTeamList
	*assignSlots
	*assignIssues
	*assignDocuments
	assignSuggest

	rounds  []model.Round
	st      *assign.RosterEdit        // nil until a round is loaded
	people  map[string]*app.PersonRow // the people's facts the slots show, by code
	saved   int                       // members saved for the round
	running bool
	cur     string // team shown on the right
	sel     string // selected member ("" none)
	selVac  int    // selected empty slot of the team shown (-1 none)
	shown   string // label of the round loaded
	again   bool   // a round was chosen while work ran: load it after

	// spawn runs work away from the window's thread: a goroutine; tests
	// run it at once, since their driver runs fyne.Do on the caller.
	spawn func(func())

	round, mode                   *widget.Select
	seed                          *widget.Entry
	solve, drawBtn, resolve, save *widget.Button
	undo, revert                  *widget.Button
	resolveChoice                 *widget.RadioGroup // of the 重新编组 dialog opened last
	busy                          *widget.Activity
	progress                      *widget.ProgressBar // a draw's steps
	progressBox                   *fyne.Container     // the bar, shown while a draw runs
	status, objective             *widget.Label

	dlg *askDialog    // the dialog opened last
	ans *widget.Label // the answer of the last 为何不在此组

	want struct{ round, team string } // the team to show once its round is loaded (总览's drill-down)
}

func newAssignScreen(svc *app.Service, win fyne.Window) *assignScreen {
	s := &assignScreen{svc: svc, win: win, selVac: -1, spawn: goBackground}
	s.assignTeamList = &assignTeamList{screen: s}
	s.assignSlots = &assignSlots{screen: s}
	s.assignIssues = &assignIssues{screen: s}
	s.assignDocuments = &assignDocuments{screen: s}
	return s
}

// Choices of the team filter.
const (
	showAll    = "全部组"
	showHard   = "有违规的组"
	showVacant = "有空缺的组"
	showSoft   = "有提示的组"
	showLocked = "有锁定人员的组"
)

func (s *assignScreen) build() fyne.CanvasObject {
	s.round = widget.NewSelect(nil, func(string) { s.onRoundChanged() })
	s.round.PlaceHolder = "选择轮次"
	s.mode = widget.NewSelect(vocab.Modes, func(string) { s.onModeChanged() })
	s.seed = widget.NewEntry()
	s.seed.SetPlaceHolder("种子（可空）")
	s.solve = widget.NewButtonWithIcon("自动编组", theme.MediaPlayIcon(), s.onSolve)
	s.solve.Importance = widget.HighImportance
	s.drawBtn = widget.NewButtonWithIcon("随机抽取…", theme.ViewRefreshIcon(), s.onDraw)
	s.resolve = widget.NewButtonWithIcon("重新编组", theme.MediaReplayIcon(), s.onResolve)
	s.save = widget.NewButtonWithIcon("保存编组", theme.DocumentSaveIcon(), s.onSave)
	s.undo = widget.NewButtonWithIcon("撤销", theme.ContentUndoIcon(), s.onUndo)
	s.revert = widget.NewButtonWithIcon("恢复已保存", theme.HistoryIcon(), s.onRevert)
	s.busy = widget.NewActivity()
	s.busy.Hide()
	s.progress = widget.NewProgressBar()
	s.progressBox = container.NewGridWrap(fyne.NewSize(120, s.progress.MinSize().Height), s.progress)
	s.progressBox.Hide()
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.objective = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.objective.Wrapping = fyne.TextWrapBreak // whole at any width: it says how full the roster is

	left := s.assignTeamList.build()
	right := s.assignIssues.build(s.assignSlots.build())
	split := container.NewHSplit(left, right)
	split.Offset = 0.27

	seed := container.NewGridWrap(fyne.NewSize(130, s.seed.MinSize().Height), s.seed)
	row1 := container.NewBorder(nil, nil, widget.NewLabel("轮次"),
		container.NewHBox(widget.NewLabel("编组方式"), s.mode, seed, s.solve, s.drawBtn, s.busy, s.progressBox), s.round)
	row2 := container.NewHBox(append([]fyne.CanvasObject{s.resolve, s.undo, s.revert, s.save, widget.NewSeparator()}, s.assignDocuments.buttons()...)...)
	top := container.NewVBox(row1, row2, s.objective, s.status, widget.NewSeparator())
	s.enable()
	s.loadRounds()
	return container.NewBorder(top, nil, nil, nil, split)
}

// reload reads the rounds again and shows the chosen round's saved roster
// again unless the clerk has unsaved changes.
func (s *assignScreen) reload() {
	cur := s.roundCode()
	s.loadRounds()
	if cur != "" && cur == s.roundCode() && (s.st == nil || !s.st.Unsaved()) {
		s.load()
	}
}

// loadRounds fills the round selector, choosing the next round not yet on
// site when none is chosen (choosing it loads it).
func (s *assignScreen) loadRounds() {
	rounds, err := s.svc.AllRounds()
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	s.rounds = rounds
	opts := make([]string, len(rounds))
	for i, r := range rounds {
		opts[i] = roundLabel(r)
	}
	s.round.Options = opts
	cur := s.roundCode()
	if i := slices.IndexFunc(rounds, func(r model.Round) bool { return r.Code == cur }); cur != "" && i >= 0 {
		s.round.Selected = opts[i]
		s.round.Refresh()
		return
	}
	if len(rounds) == 0 {
		s.round.ClearSelected()
		s.status.SetText("尚无轮次：请先在巡察日历中建立轮次和巡察组。")
		return
	}
	s.round.SetSelected(opts[nextRound(rounds, civil.Today())])
}

func (s *assignScreen) roundCode() string { return app.CodeOfLabel(s.round.Selected) }

// roundRow returns the chosen round.
func (s *assignScreen) roundRow() *model.Round {
	code := s.roundCode()
	for i := range s.rounds {
		if s.rounds[i].Code == code {
			return &s.rounds[i]
		}
	}
	return nil
}

// enable turns the buttons on and off for what is loaded, what runs and
// what the signed-in user may do.
func (s *assignScreen) enable() {
	loaded := s.st != nil && !s.running
	filled := loaded && s.st.Res != nil && len(s.st.Res.Teams) > 0
	canAssign := s.svc.Can(app.PermAssign)
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	set(s.solve, s.roundCode() != "" && !s.running && canAssign)
	set(s.drawBtn, s.roundCode() != "" && !s.running && canAssign)
	set(s.resolve, filled && canAssign)
	set(s.save, filled && canAssign)
	set(s.undo, loaded && s.st.NextUndo() != "")
	set(s.revert, loaded && s.st.Unsaved())
	set(s.exportXLSX, filled)
	set(s.exportPDF, filled)
	set(s.verifyBtn, !s.running)
	if s.move != nil {
		s.enableActions()
	}
}

// onModeChanged says what a new mode does: the next 自动编组 uses it.
func (s *assignScreen) onModeChanged() {
	if s.st != nil && s.mode.Selected != s.st.In.Mode {
		s.status.SetText("编组方式改为" + s.mode.Selected + "：点“自动编组”或“随机抽取”按新方式编组。")
	}
}

// work runs fn away from the window's thread with the busy indicator
// turning, then done on the window's thread.
func (s *assignScreen) work(msg string, fn func() error, done func()) {
	if s.running {
		return
	}
	s.running = true
	s.busy.Show()
	s.busy.Start()
	s.status.SetText(msg)
	s.enable()
	s.spawn(func() {
		err := fn()
		fyne.Do(func() {
			s.running = false
			s.busy.Stop()
			s.busy.Hide()
			s.progressBox.Hide()
			if s.again { // the clerk chose another round meanwhile
				s.again = false
				s.enable()
				s.load()
				return
			}
			if err != nil {
				s.status.SetText("未完成：" + err.Error())
				dialog.ShowError(err, s.win)
			} else {
				done()
			}
			s.enable()
		})
	})
}

// onRoundChanged loads the round chosen, after asking when an unsaved
// roster of another round would be lost.
func (s *assignScreen) onRoundChanged() {
	if s.st == nil || !s.st.Unsaved() || s.st.Res.Round == s.roundCode() {
		s.load()
		return
	}
	msg := widget.NewLabel(s.unsaved() + "，切换轮次将放弃它。")
	msg.Wrapping = fyne.TextWrapBreak
	s.dlg = newAskDialog(s.win, "切换轮次", "放弃调整并切换", msg, func() error {
		s.load()
		return nil
	})
	s.dlg.cancel.OnTapped = func() {
		s.round.Selected = s.shown // back to the round with the edits
		s.round.Refresh()
		s.dlg.dlg.Hide()
	}
}

// load reads the chosen round: its problem, its saved roster (shown when
// there is one) and the people's facts.
func (s *assignScreen) load() {
	code := s.roundCode()
	if code == "" {
		return
	}
	if s.running {
		s.again = true
		return
	}
	if r := s.roundRow(); r != nil {
		mode := r.Mode
		if mode == "" {
			mode = vocab.ModeMixed
		}
		s.mode.Selected = mode
		s.mode.Refresh()
	}
	mode, seed := s.mode.Selected, strings.TrimSpace(s.seed.Text)
	var st *assign.RosterEdit
	var people map[string]*app.PersonRow
	s.work("正在读取 "+code+" …", func() error {
		var err error
		if st, err = s.svc.LoadRoster(code, mode, seed); err != nil {
			return err
		}
		people, err = s.peopleFacts()
		return err
	}, func() {
		s.saved = st.Res.Objective.Filled
		s.people = people
		s.shown = s.round.Selected
		s.status.Importance = widget.MediumImportance
		s.show(st, "")
		if s.saved == 0 {
			s.status.SetText("本轮尚未保存编组：点“自动编组”由程序编组，或“随机抽取”现场抽取。")
		} else {
			s.status.SetText(fmt.Sprintf("显示本轮已保存的编组（%d 人），已按现行规则检查。", s.saved))
		}
	})
}

// peopleFacts returns the people's names, counties, units and posts by code.
func (s *assignScreen) peopleFacts() (map[string]*app.PersonRow, error) {
	tab, err := s.svc.PeopleTable()
	if err != nil {
		return nil, err
	}
	out := make(map[string]*app.PersonRow, len(tab.Rows))
	for i := range tab.Rows {
		out[tab.Rows[i].Code] = &tab.Rows[i]
	}
	return out, nil
}

// show puts a roster on the screen, keeping the team shown when it is
// still there; msg (when not "") goes to the status line.
func (s *assignScreen) show(st *assign.RosterEdit, msg string) {
	s.st = st
	if s.want.round == st.Res.Round && st.Team(s.want.team) != nil {
		s.cur, s.want.round = s.want.team, ""
	}
	if s.st.Team(s.cur) == nil {
		s.cur = ""
		if len(st.Res.Teams) > 0 {
			s.cur = st.Res.Teams[0].Team
		}
	}
	if _, m := st.Member(s.sel); m == nil {
		s.sel = ""
	}
	s.selVac = -1
	if st.Rec != nil {
		s.recordBtn.Show()
	} else {
		s.recordBtn.Hide()
	}
	s.refresh()
	if msg != "" {
		s.status.SetText(msg)
	}
	s.enable()
}

// refresh redraws everything from the roster.
func (s *assignScreen) refresh() {
	if s.st == nil {
		return
	}
	s.objective.SetText(s.st.Summary())
	s.onFilterChanged()
	s.showTeam()
	s.assignIssues.refresh()
}

// selectTeam shows team name on the right.
func (s *assignScreen) selectTeam(name string) {
	if name == s.cur {
		return
	}
	s.cur, s.sel, s.selVac = name, "", -1
	s.showTeam()
}

// selectPerson shows person's team with them selected.
func (s *assignScreen) selectPerson(person string) {
	t, _ := s.st.Member(person)
	if t == nil {
		return
	}
	s.cur, s.sel, s.selVac = t.Team, person, -1
	s.onFilterChanged()
	s.showTeam()
}
