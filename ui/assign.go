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
// save the roster as the round's 编组记录 and print it. The teams are a
// filtered list on the left; the team chosen shows its slots on the right,
// with the empty slots, the broken rules and the hints of the whole round
// in tabs below.
type assignScreen struct {
	svc *app.Service
	win fyne.Window

	rounds  []model.Round
	st      *rosterState // nil until a round is loaded
	saved   int          // members saved for the round
	running bool
	view    []int  // teams of st.res shown in the list, by index
	cur     string // team shown on the right
	sel     string // selected member ("" none)
	selVac  int    // selected empty slot of the team shown (-1 none)
	// recordPath is where the draw record's JSON was saved last, for the
	// replay command its printout names.
	recordPath string
	shown      string // label of the round loaded
	again      bool   // a round was chosen while work ran: load it after

	// spawn runs work away from the window's thread: a goroutine; tests
	// run it at once, since their driver runs fyne.Do on the caller.
	spawn func(func())

	round, mode                         *widget.Select
	seed                                *widget.Entry
	solve, drawBtn, resolve, save       *widget.Button
	exportXLSX, exportPDF, recordBtn    *widget.Button
	busy                                *widget.Activity
	status, objective                   *widget.Label
	filter                              *widget.Entry
	only                                *widget.Select
	teamCount                           *widget.Label
	teams                               *widget.List
	teamTitle, teamUnits                *widget.Label
	slots                               *widget.Table
	detail                              *fyne.Container
	move, swap, lock, exclude, why, add *widget.Button
	tabs                                *container.AppTabs
	vacList, hardList, softList         *widget.List
	hard, soft                          []assign.Violation // of the whole round, for the tabs
	excludedBox                         *fyne.Container

	dlg *askDialog    // the dialog opened last
	ans *widget.Label // the answer of the last 为何不在此组
}

func newAssignScreen(svc *app.Service, win fyne.Window) *assignScreen {
	return &assignScreen{svc: svc, win: win, selVac: -1, spawn: goBackground}
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
	s.exportXLSX = widget.NewButtonWithIcon("名单 xlsx", theme.UploadIcon(), s.onExportXLSX)
	s.exportPDF = widget.NewButtonWithIcon("名单 PDF", theme.DocumentPrintIcon(), s.onExportPDF)
	s.recordBtn = widget.NewButtonWithIcon("抽取记录", theme.FileIcon(), s.showRecord)
	s.recordBtn.Hide()
	s.busy = widget.NewActivity()
	s.busy.Hide()
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.objective = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.objective.Truncation = fyne.TextTruncateEllipsis

	left := s.buildTeams()
	right := s.buildDetail()
	split := container.NewHSplit(left, right)
	split.Offset = 0.27

	seed := container.NewGridWrap(fyne.NewSize(130, s.seed.MinSize().Height), s.seed)
	row1 := container.NewBorder(nil, nil, widget.NewLabel("轮次"),
		container.NewHBox(widget.NewLabel("编组方式"), s.mode, seed, s.solve, s.drawBtn, s.busy), s.round)
	row2 := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.resolve, s.save, widget.NewSeparator(), s.exportXLSX, s.exportPDF, s.recordBtn),
		container.NewVBox(s.objective))
	top := container.NewVBox(row1, row2, s.status, widget.NewSeparator())
	s.enable()
	s.loadRounds()
	return container.NewBorder(top, nil, nil, nil, split)
}

// reload reads the rounds again and shows the chosen round's saved roster
// again unless the clerk has unsaved changes.
func (s *assignScreen) reload() {
	cur := s.roundCode()
	s.loadRounds()
	if cur != "" && cur == s.roundCode() && (s.st == nil || !s.st.dirty) {
		s.load()
	}
}

// loadRounds fills the round selector, choosing the next round not yet on
// site when none is chosen (choosing it loads it).
func (s *assignScreen) loadRounds() {
	rounds, err := allRounds(s.svc)
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

// allRounds returns every round of every term, by on-site start.
func allRounds(svc *app.Service) ([]model.Round, error) {
	terms, err := svc.Terms()
	if err != nil {
		return nil, err
	}
	var rounds []model.Round
	for _, t := range terms {
		rs, err := svc.Rounds(t.Code)
		if err != nil {
			return nil, err
		}
		rounds = append(rounds, rs...)
	}
	slices.SortStableFunc(rounds, func(a, b model.Round) int {
		if a.OnsiteStart != b.OnsiteStart {
			return strings.Compare(a.OnsiteStart, b.OnsiteStart)
		}
		return strings.Compare(a.Code, b.Code)
	})
	return rounds, nil
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
	filled := loaded && s.st.res != nil && len(s.st.res.Teams) > 0
	canAssign := s.svc.Can(app.PermAssign)
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	set(s.solve, s.roundCode() != "" && !s.running)
	set(s.drawBtn, s.roundCode() != "" && !s.running && canAssign)
	set(s.resolve, filled)
	set(s.save, filled && canAssign)
	set(s.exportXLSX, filled)
	set(s.exportPDF, filled)
	if s.move != nil {
		s.enableActions()
	}
}

// onModeChanged says what a new mode does: the next 自动编组 uses it.
func (s *assignScreen) onModeChanged() {
	if s.st != nil && s.mode.Selected != s.st.in.Mode {
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

// onRoundChanged loads the round chosen, after asking when unsaved hand
// edits of another round would be lost.
func (s *assignScreen) onRoundChanged() {
	if s.st == nil || !s.st.dirty || s.st.res.Round == s.roundCode() {
		s.load()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("轮次 %s 的编组有未保存的调整，切换轮次将放弃这些调整。", s.st.res.Round))
	msg.Wrapping = fyne.TextWrapWord
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
	var st *rosterState
	var saved int
	s.work("正在读取 "+code+" …", func() error {
		var err error
		st, saved, err = s.loadState(code)
		return err
	}, func() {
		s.saved = saved
		s.shown = s.round.Selected
		s.status.Importance = widget.MediumImportance
		s.show(st, "")
		if saved == 0 {
			s.status.SetText("本轮尚未保存编组：点“自动编组”由程序编组，或“随机抽取”现场抽取。")
		} else {
			s.status.SetText(fmt.Sprintf("显示本轮已保存的编组（%d 人），已按现行规则检查。", saved))
		}
	})
}

// loadState builds the state of round code from the database.
func (s *assignScreen) loadState(code string) (*rosterState, int, error) {
	in, set, err := s.svc.AssignInstance(code, s.mode.Selected, strings.TrimSpace(s.seed.Text))
	if err != nil {
		return nil, 0, err
	}
	res, has, err := s.svc.SavedAssignment(code)
	if err != nil {
		return nil, 0, err
	}
	people, err := s.peopleFacts()
	if err != nil {
		return nil, 0, err
	}
	st := &rosterState{in: in, set: set, res: res, base: res, source: fromSaved, people: people}
	if !has {
		st.source = fromNone
		for i := range res.Unfilled {
			res.Unfilled[i].Reason = fromNone
		}
	}
	if err := st.check(); err != nil {
		return nil, 0, err
	}
	return st, res.Objective.Filled, nil
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

// show puts a state on the screen, keeping the team shown when it is
// still there; msg (when not "") goes to the status line.
func (s *assignScreen) show(st *rosterState, msg string) {
	s.st = st
	if s.st.team(s.cur) == nil {
		s.cur = ""
		if len(st.res.Teams) > 0 {
			s.cur = st.res.Teams[0].Team
		}
	}
	if _, m := st.member(s.sel); m == nil {
		s.sel = ""
	}
	s.selVac = -1
	if st.rec != nil {
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

// refresh redraws everything from the state.
func (s *assignScreen) refresh() {
	if s.st == nil {
		return
	}
	s.objective.SetText(s.st.objective())
	s.onFilterChanged()
	s.showTeam()
	s.refreshTabs()
}
