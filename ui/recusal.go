package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/model"
)

// recusalScreen is 回避报告: every recusal hit of every active pool member
// against every team of a round, filtered by rule, severity, county, team
// and person, with the evidence of the selected hit, the request of an
// override for a hard hit, the export to xlsx and, on a second tab, the
// overrides awaiting a leader's approval.
type recusalScreen struct {
	svc *app.Service
	win fyne.Window

	rounds  []model.Round    // every round, by on-site start
	res     *checkResult     // the last check, nil before the first
	focus   *recusal.Focused // the report's rows as shown: focused, or every hit
	view    []int            // rows of focus shown, in order
	sel     hitKey           // the selected hit ("" team: none)
	sortKey string
	desc    bool
	running bool
	again   bool // asked to check while a check ran: check again when it ends

	round                        *widget.Select
	run                          *widget.Button
	busy                         *widget.Activity
	status                       *widget.Label
	summary                      *fyne.Container
	tier, rule, severity, county *widget.Select
	team                         *widget.Select
	whole                        *widget.Check // 显示全部: every hit, not the focused view
	person                       *widget.Entry
	count, tiers                 *widget.Label
	table                        *widget.Table
	detail                       *widget.Label
	request, export              *widget.Button
	overrides                    *overrideList
	pendingCount                 int
	tabs                         *container.AppTabs
	req                          *overrideRequest // the request opened last

	// spawn runs a check away from the window's thread: a goroutine; tests
	// run it at once, since their driver runs fyne.Do on the caller.
	spawn func(func())
}

// checkResult is one run of the check of a round: the service's check,
// with the time it took.
type checkResult struct {
	*app.RoundCheck
	took time.Duration
}

// hitKey names a hit of a report.
type hitKey struct{ team, person, unit, rule, other string }

func hitKeyOf(h recusal.Hit) hitKey { return hitKey{h.Team, h.Person, h.Unit, h.Rule, h.Other} }

func newRecusalScreen(svc *app.Service, win fyne.Window) *recusalScreen {
	return &recusalScreen{svc: svc, win: win, sortKey: recusal.ByTeam, spawn: goBackground}
}

func (s *recusalScreen) build() fyne.CanvasObject {
	s.round = widget.NewSelect(nil, func(string) { s.runCheck() })
	s.round.PlaceHolder = "选择轮次"
	s.run = widget.NewButtonWithIcon("重新检查", theme.ViewRefreshIcon(), s.runCheck)
	s.busy = widget.NewActivity()
	s.busy.Hide()
	s.status = widget.NewLabel("")
	s.summary = container.NewGridWrap(fyne.NewSize(290, 36))
	s.tiers = widget.NewLabel("")
	s.tiers.Wrapping = fyne.TextWrapBreak
	s.buildFilters()
	s.buildTable()
	s.detail = widget.NewLabel("单击表中一行查看完整的情形说明。")
	s.detail.Wrapping = fyne.TextWrapBreak
	s.request = widget.NewButtonWithIcon("申请豁免", theme.DocumentCreateIcon(), s.onRequest)
	s.request.Disable()
	s.export = widget.NewButtonWithIcon("导出xlsx", theme.UploadIcon(), s.onExport)
	s.export.Disable()
	s.overrides = newOverrideList(s.svc, s.win, s.onOverridesChanged)
	s.overrides.onReload = s.setPendingCount

	top := container.NewBorder(nil, nil, widget.NewLabel("轮次"),
		container.NewHBox(s.run, s.busy, s.status),
		s.round)
	filters := container.NewHBox(
		widget.NewLabel("类别"), s.tier, widget.NewLabel("规则"), s.rule, widget.NewLabel("性质"), s.severity,
		widget.NewLabel("县区"), s.county)
	actions := container.NewHBox(widget.NewLabel("巡察组"), s.team,
		container.NewGridWrap(fyne.NewSize(150, s.person.MinSize().Height), s.person), s.whole, s.request, s.export)
	detail := widget.NewCard("", "", container.NewVScroll(s.detail))
	body := container.NewVSplit(s.table, detail)
	body.Offset = 0.78
	tiers := container.NewBorder(nil, nil, nil, s.count, s.tiers)
	hits := container.NewBorder(container.NewVBox(s.summary, tiers, widget.NewSeparator(), filters, actions), nil, nil, nil, body)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("回避情况", theme.WarningIcon(), hits),
		container.NewTabItemWithIcon("豁免审批", theme.ConfirmIcon(), s.overrides.build()),
	)
	s.setPendingCount(s.pendingCount)
	s.loadRounds()
	return container.NewBorder(top, nil, nil, nil, s.tabs)
}

// reload reads the rounds again and checks the chosen round again (the data
// under it changed).
func (s *recusalScreen) reload() {
	cur := s.roundCode()
	s.loadRounds()
	if cur != "" && cur == s.roundCode() {
		s.runCheck()
	}
	s.overrides.reload()
}

// loadRounds fills the round selector, choosing the next round not yet on
// site when none is chosen (selecting it runs the check).
func (s *recusalScreen) loadRounds() {
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
		s.round.Selected = opts[i] // keep the choice without checking again
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

// nextRound returns the index of the first round whose on-site stage has
// not begun on today, or of the last round when every one has.
func nextRound(rounds []model.Round, today civil.Date) int {
	for i, r := range rounds {
		if d, err := civil.Parse(r.OnsiteStart); err == nil && !d.IsZero() && d > today {
			return i
		}
	}
	return len(rounds) - 1
}

// roundLabel is how a round shows in the selector:
// "2026-2 2026年第二轮巡察（进驻 2026-12-07）".
func roundLabel(r model.Round) string {
	l := r.Code
	if r.Name != "" {
		l += " " + r.Name
	}
	if r.OnsiteStart != "" {
		l += "（进驻 " + r.OnsiteStart + "）"
	}
	return l
}

// roundCode returns the code of the chosen round.
func (s *recusalScreen) roundCode() string { return app.CodeOfLabel(s.round.Selected) }

// runCheck checks the chosen round away from the window's thread, with
// the busy indicator turning meanwhile.
func (s *recusalScreen) runCheck() {
	code := s.roundCode()
	if s.running {
		s.again = true
		return
	}
	if code == "" {
		return
	}
	s.running = true
	s.run.Disable()
	s.busy.Show()
	s.busy.Start()
	s.status.SetText("正在检查 " + code + " …")
	s.spawn(func() {
		start := time.Now()
		res, err := s.check(code)
		if res != nil {
			res.took = time.Since(start)
		}
		fyne.Do(func() {
			s.running = false
			s.busy.Stop()
			s.busy.Hide()
			s.run.Enable()
			if s.again {
				s.again = false
				s.runCheck() // the choice or the data changed meanwhile
				return
			}
			if err != nil {
				s.status.SetText("检查失败")
				dialog.ShowError(err, s.win)
			} else {
				s.show(res)
			}
		})
	})
}

// check runs the recusal check of round code.
func (s *recusalScreen) check(code string) (*checkResult, error) {
	rc, err := s.svc.RoundCheck(code)
	if err != nil {
		return nil, err
	}
	return &checkResult{RoundCheck: rc}, nil
}

// show puts a check's result on the screen, keeping the filters that still
// make sense.
func (s *recusalScreen) show(res *checkResult) {
	s.res = res
	s.res.Report.Sort(s.sortKey, s.desc)
	s.status.SetText(fmt.Sprintf("进驻开始 %s；%d 个巡察组，共 %d 条（用时 %.1f 秒）",
		res.Report.OnsiteStart, len(res.Order), len(res.Report.Rows), res.took.Seconds()))
	s.showSummary()
	s.fillFilterOptions()
	s.export.Enable()
	s.refocus()
}

// pendingFor reports whether an override of row awaits approval.
func (s *recusalScreen) pendingFor(h recusal.Hit) bool {
	return s.res != nil && s.res.Pending(h)
}

// onOverridesChanged runs when an override was requested or approved: the
// check runs again so that the hits show it.
func (s *recusalScreen) onOverridesChanged() {
	s.overrides.reload()
	s.runCheck()
}

// setPendingCount shows the number of overrides awaiting approval on the
// 豁免审批 tab.
func (s *recusalScreen) setPendingCount(n int) {
	s.pendingCount = n
	if s.tabs == nil {
		return
	}
	title := "豁免审批"
	if n > 0 {
		title = fmt.Sprintf("豁免审批（%d 项待批）", n)
	}
	s.tabs.Items[1].Text = title
	s.tabs.Refresh()
}
