package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/calendar"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// roundColumns are the titles of the round list; roundWidths their widths.
var (
	roundColumns = []string{"序号", "轮次编码", "轮次名称", "巡察类型", "组织方式", "编组方式", "状态", "当前阶段", "进驻开始", "进驻结束",
		"巡察组", "单位", "联动轮次", "冲突"}
	roundWidths = []float32{44, 72, 200, 76, 76, 86, 64, 200, 96, 96, 56, 50, 100, 44}
)

// maxConflictsShown caps the conflict list; the export has them all.
const maxConflictsShown = 300

// roundList is the 列表 view: the term's rounds with their status and
// conflicts, and the list of the term's conflicts under it.
type roundList struct {
	s      *calendarScreen
	rounds []*snap.Round

	*rowTable
	kind, level       *widget.Select // filters: 巡察类型, 组织方式
	open, del, export *widget.Button
	copy              *widget.Button
	conflictsTitle    *widget.Label
	conflicts         *fyne.Container
	conflictCount     map[string]int
}

func newRoundList(s *calendarScreen) *roundList { return &roundList{s: s} }

func (l *roundList) build() fyne.CanvasObject {
	l.rowTable = newRowTable(roundColumns, roundWidths, func() int { return len(l.rounds) },
		func(r int) string { return l.rounds[r].Code },
		func(r, c int) string { return l.cell(l.rounds[r], c) })
	l.warn = func(r, c int) bool { return c == len(roundColumns)-1 && l.conflictCount[l.rounds[r].Code] > 0 }
	l.onOpen = func() { l.s.openRound(l.cur) }
	l.open = widget.NewButtonWithIcon("打开", theme.DocumentIcon(), func() {
		if l.cur == "" {
			dialog.ShowInformation("打开轮次", "请先在表中选择一个轮次（单击选中，双击打开）。", l.s.win)
			return
		}
		l.s.openRound(l.cur)
	})
	l.del = widget.NewButtonWithIcon("删除轮次", theme.DeleteIcon(), l.onDelete)
	l.export = widget.NewButtonWithIcon("导出轮次日程", theme.UploadIcon(), func() {
		if l.cur == "" {
			dialog.ShowInformation("导出轮次日程", "请先在表中选择一个轮次。", l.s.win)
			return
		}
		l.s.exportRound(l.cur)
	})
	l.conflictsTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.conflicts = container.NewVBox()
	l.copy = copyButton(l.s, func() string {
		if l.cur == "" {
			dialog.ShowInformation("复制轮次", "请先在表中选择一个轮次。", l.s.win)
		}
		return l.cur
	})
	l.kind = widget.NewSelect(append([]string{all}, vocab.RoundKinds...), func(string) { l.refresh() })
	l.level = widget.NewSelect(append([]string{all}, vocab.RoundLevels...), func(string) { l.refresh() })
	l.kind.SetSelected(all)
	l.level.SetSelected(all)
	actions := container.NewHBox(l.open, l.del, l.copy, l.export, widget.NewSeparator(),
		widget.NewLabel("巡察类型"), l.kind, widget.NewLabel("组织方式"), l.level)
	top := container.NewBorder(actions, nil, nil, nil, l.table)
	bottom := container.NewBorder(l.conflictsTitle, nil, nil, nil, container.NewVScroll(l.conflicts))
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.6
	l.refresh()
	return split
}

// refresh shows the screen's term again.
func (l *roundList) refresh() {
	if l.rowTable == nil {
		return
	}
	l.rounds = nil
	if l.s.cal != nil && l.s.term != "" {
		for _, r := range l.s.cal.Rounds(l.s.term) {
			if l.shows(r) {
				l.rounds = append(l.rounds, r)
			}
		}
	}
	l.conflictCount = map[string]int{}
	for _, c := range l.s.conflicts {
		l.conflictCount[c.Round]++
		if c.OtherRound != "" && c.OtherRound != c.Round {
			l.conflictCount[c.OtherRound]++
		}
	}
	if l.s.cal == nil || l.s.cal.Snapshot().Round(l.cur) == nil {
		l.selectKey("")
	}
	editable := l.s.canEdit()
	setEnabled(l.del, editable)
	l.table.Refresh()
	l.showConflicts()
}

func (l *roundList) showConflicts() {
	cs := l.s.conflicts
	if len(cs) == 0 {
		l.conflictsTitle.SetText("冲突：无")
	} else {
		l.conflictsTitle.SetText(fmt.Sprintf("冲突（%d）", len(cs)))
	}
	l.conflicts.RemoveAll()
	for i, c := range cs {
		if i == maxConflictsShown {
			l.conflicts.Add(widget.NewLabel(fmt.Sprintf("……另有 %d 项，见导出的届期计划“冲突”表", len(cs)-i)))
			break
		}
		l.conflicts.Add(conflictLabel(c))
	}
}

// shows reports whether round r passes the filters of 巡察类型 and 组织方式
// (a round without a 巡察类型 is 常规).
func (l *roundList) shows(r *snap.Round) bool {
	kind := r.Type
	if kind == "" {
		kind = vocab.KindRegular
	}
	return (l.kind == nil || l.kind.Selected == all || l.kind.Selected == kind) &&
		(l.level == nil || l.level.Selected == all || l.level.Selected == r.Level)
}

// conflictLabel shows a conflict: 【kind】message, in the danger colour.
func conflictLabel(c calendar.Conflict) *widget.Label {
	lb := widget.NewLabel("【" + c.Kind + "】" + c.Message)
	lb.Wrapping = fyne.TextWrapBreak
	lb.Importance = widget.DangerImportance
	return lb
}

// cell returns the text of column col of round r.
func (l *roundList) cell(r *snap.Round, col int) string {
	cal, today := l.s.cal, l.s.clock()
	switch col {
	case 0:
		return strconv.Itoa(r.Number)
	case 1:
		return r.Code
	case 2:
		return r.Name
	case 3:
		return r.Type
	case 4:
		return r.Level
	case 5:
		return r.Mode
	case 6:
		return roundStatus(cal.Schedule(r), today)
	case 7:
		sc := cal.Schedule(r)
		if sp, ok := sc.StageAt(today); ok {
			return fmt.Sprintf("%s（至%s，剩%d天）", sp.Stage, sp.End, today.DaysUntil(sp.End)+1)
		}
		if sc.Known() && today < sc.Dates.PrepStart {
			return fmt.Sprintf("准备 %s 起", sc.Dates.PrepStart)
		}
		return "—"
	case 8:
		return dateOrDash(cal.Schedule(r).Dates.OnsiteStart)
	case 9:
		return dateOrDash(cal.Schedule(r).Dates.OnsiteEnd)
	case 10:
		return strconv.Itoa(len(r.Teams))
	case 11:
		n := 0
		for i := range r.Teams {
			n += len(r.Teams[i].Units)
		}
		return strconv.Itoa(n)
	case 12:
		return strings.Join(r.Links, "、")
	case 13:
		if n := l.conflictCount[r.Code]; n > 0 {
			return strconv.Itoa(n)
		}
		return ""
	}
	return ""
}

func (l *roundList) onDelete() {
	if l.cur == "" {
		dialog.ShowInformation("删除轮次", "请先在表中选择一个轮次。", l.s.win)
		return
	}
	code := l.cur
	dialog.ShowConfirm("删除轮次", fmt.Sprintf("确定删除轮次 %s 及其全部巡察组、被巡察单位、编组和回避豁免记录？", code), func(ok bool) {
		if !ok {
			return
		}
		if err := l.s.svc.DeleteRound(code); err != nil {
			dialog.ShowError(err, l.s.win)
			return
		}
		l.selectKey("")
		l.s.reload()
	}, l.s.win)
}

// setEnabled enables or disables a button.
func setEnabled(b interface {
	Enable()
	Disable()
}, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
