package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// The columns of a team's slots.
var (
	slotColumns = []string{"", "角色", "姓名", "级别", "工作关系地", "现工作单位", "职务", "专业特长", "人员编号", "情形说明"}
	slotWidths  = []float32{32, 100, 80, 64, 84, 180, 110, 100, 76, 640}
)

const (
	colLock = 0
	colRole = 1
	colName = 2
	colSev  = 3
	colCode = 8
	colWhy  = 9
)

// buildDetail builds the right side: the team shown, its slots, what the
// selection can do and what the rules say of it, in the first tab; the
// lists of the whole round in the others.
func (s *assignScreen) buildDetail() fyne.CanvasObject {
	s.teamTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.teamUnits = widget.NewLabel("")
	s.teamUnits.Wrapping = fyne.TextWrapWord
	s.slots = widget.NewTableWithHeaders(s.slotLength, s.createSlot, s.updateSlot)
	s.slots.ShowHeaderColumn = false
	s.slots.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.slots.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(slotColumns) {
			o.(*widget.Label).SetText(slotColumns[id.Col])
		}
	}
	for i, w := range slotWidths {
		s.slots.SetColumnWidth(i, w)
	}
	s.move = widget.NewButtonWithIcon("移动到…", theme.NavigateNextIcon(), s.onMove)
	s.swap = widget.NewButtonWithIcon("与…交换", theme.ViewRefreshIcon(), s.onSwap)
	s.lock = widget.NewButtonWithIcon("锁定", widgets.LockIcon(), s.onLock)
	s.exclude = widget.NewButtonWithIcon("排除", theme.ContentRemoveIcon(), s.onExclude)
	s.add = widget.NewButtonWithIcon("编入…", theme.ContentAddIcon(), s.onFill)
	s.why = widget.NewButtonWithIcon("为何不在此组…", theme.QuestionIcon(), s.onWhyNot)
	actions := container.NewHBox(s.move, s.swap, s.lock, s.exclude, s.add, widget.NewSeparator(), s.why)
	s.detail = container.NewVBox()
	detail := container.NewVScroll(s.detail)
	detail.SetMinSize(fyne.NewSize(200, 90))
	head := container.NewVBox(s.teamTitle, s.teamUnits, actions)
	split := container.NewVSplit(s.slots, detail)
	split.Offset = 0.8
	s.enableActions()
	return s.buildTabs(container.NewBorder(head, nil, nil, nil, split))
}

// teamRows returns the team shown and its empty slots.
func (s *assignScreen) teamRows() (*assign.TeamResult, []assign.Unfilled) {
	if s.st == nil {
		return nil, nil
	}
	t := s.st.team(s.cur)
	if t == nil {
		return nil, nil
	}
	var vac []assign.Unfilled
	for _, u := range s.st.unfilled {
		if u.Team == t.Team {
			vac = append(vac, u)
		}
	}
	return t, vac
}

func (s *assignScreen) slotLength() (int, int) {
	t, vac := s.teamRows()
	if t == nil {
		return 0, len(slotColumns)
	}
	return len(t.Members) + len(vac), len(slotColumns)
}

func (s *assignScreen) createSlot() fyne.CanvasObject {
	return container.NewStack(widgets.NewCell(), widgets.NewSeverityBadge(""), widgets.NewTag("", nil), widget.NewIcon(nil))
}

// slotCell is what one cell of the slots shows.
type slotCell struct {
	text       string
	importance widget.Importance
	sev        recusal.Severity // a recusal hit's badge
	tag        string           // or a broken composition rule's tag
	locked     bool
}

// slotText works out cell (row, col) of the team shown.
func (s *assignScreen) slotText(row, col int) slotCell {
	t, vac := s.teamRows()
	if t == nil {
		return slotCell{}
	}
	if row >= len(t.Members) {
		u := vac[row-len(t.Members)]
		switch col {
		case colRole:
			return slotCell{text: u.Role}
		case colName:
			return slotCell{text: "（空缺）", importance: widget.LowImportance}
		case colWhy:
			return slotCell{text: u.Reason, importance: widget.LowImportance}
		}
		return slotCell{}
	}
	m := t.Members[row]
	vs := s.st.byMember[memberKey{t.Team, m.Person}]
	sev, tag, imp := level(vs)
	p := s.st.people[m.Person]
	c := slotCell{}
	switch col {
	case colLock:
		c.locked = m.Locked
	case colRole:
		c.text = m.Role
	case colName:
		c.text, c.importance = s.st.name(m.Person), imp
	case colSev:
		c.sev, c.tag = sev, tag
	case colCode:
		c.text = m.Person
	case colWhy:
		c.text, c.importance = violationsText(vs), imp
	default:
		if p != nil {
			c.text = [...]string{4: p.CountyName, 5: p.UnitName, 6: p.Post, 7: p.Skills}[col]
		}
	}
	return c
}

// brokenTag is the word of a broken composition rule (the role table,
// the county cap, a required skill…), which is no recusal (回避).
const brokenTag = "违规"

// level returns how grave vs are: the badge of a recusal severity (回避
// before 提示) or the tag of a broken composition rule, and the colour
// of their text.
func level(vs []assign.Violation) (recusal.Severity, string, widget.Importance) {
	sev, tag, imp := recusal.Off, "", widget.MediumImportance
	for _, v := range vs {
		switch {
		case v.Hard && isRecusal(v.Rule):
			return recusal.Hard, "", widget.DangerImportance
		case v.Hard:
			sev, tag, imp = recusal.Off, brokenTag, widget.DangerImportance
		case tag == "":
			sev, imp = recusal.Soft, widget.WarningImportance
		}
	}
	return sev, tag, imp
}

// isRecusal reports whether rule is a recusal rule (R1–R7).
func isRecusal(rule string) bool { return recusal.RuleName(rule) != rule }

// ruleLabel names a rule: "R3 亲属", or the composition rule itself.
func ruleLabel(rule string) string {
	if n := recusal.RuleName(rule); n != rule {
		return rule + " " + n
	}
	return rule
}

// violationsText writes violations on one line.
func violationsText(vs []assign.Violation) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = ruleLabel(v.Rule) + "：" + v.Reason
	}
	return strings.Join(parts, "；")
}

func (s *assignScreen) updateSlot(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	cell, badge, tag, icon := st.Objects[0].(*widgets.Cell), st.Objects[1].(*widgets.SeverityBadge),
		st.Objects[2].(*widgets.Tag), st.Objects[3].(*widget.Icon)
	c := s.slotText(id.Row, id.Col)
	selected := s.isSelectedRow(id.Row)
	cell.Label.Importance = c.importance
	cell.Set(c.text, selected, theme.Color(theme.ColorNameSelection))
	cell.Label.Refresh()
	badge.SetSeverity(c.sev, false)
	tag.SetTag(c.tag, widgets.HardColor)
	if c.locked {
		icon.SetResource(widgets.LockIcon())
		icon.Show()
	} else {
		icon.Hide()
	}
	row := id.Row
	cell.OnTapped = func() { s.selectRow(row) }
	cell.OnDoubleTapped = func() {
		s.selectRow(row)
		if s.sel != "" {
			s.onMove()
		} else if s.selVac >= 0 {
			s.onFill()
		}
	}
}

func (s *assignScreen) isSelectedRow(row int) bool {
	t, _ := s.teamRows()
	if t == nil {
		return false
	}
	if row < len(t.Members) {
		return t.Members[row].Person == s.sel
	}
	return row-len(t.Members) == s.selVac
}

// selectRow selects row of the team shown: a member or an empty slot.
func (s *assignScreen) selectRow(row int) {
	t, vac := s.teamRows()
	if t == nil {
		return
	}
	s.sel, s.selVac = "", -1
	switch {
	case row < len(t.Members):
		s.sel = t.Members[row].Person
	case row-len(t.Members) < len(vac):
		s.selVac = row - len(t.Members)
	}
	s.slots.Refresh()
	s.showSelection()
	s.enableActions()
}

// selectPerson shows person's team with them selected.
func (s *assignScreen) selectPerson(person string) {
	t, _ := s.st.member(person)
	if t == nil {
		return
	}
	s.cur, s.sel, s.selVac = t.Team, person, -1
	s.onFilterChanged()
	s.showTeam()
}

// showTeam redraws the team shown.
func (s *assignScreen) showTeam() {
	if s.slots == nil {
		return
	}
	t, _ := s.teamRows()
	if t == nil {
		s.teamTitle.SetText("")
		s.teamUnits.SetText("")
	} else {
		title := fmt.Sprintf("%s · %s · %d/%d 人", t.Team, s.st.countyName(t.County), len(t.Members), s.st.set.Slots())
		if r := s.roundRow(); r != nil && r.OnsiteStart != "" {
			title += " · 进驻 " + r.OnsiteStart + " 至 " + r.OnsiteEnd
		}
		s.teamTitle.SetText(title)
		s.teamUnits.SetText("被巡察单位：" + s.st.unitNames(t))
	}
	s.slots.Refresh()
	s.showSelection()
	s.enableActions()
}

// showSelection writes what the rules say of the selection: a member's
// violations, an empty slot's reason, or the team's own.
func (s *assignScreen) showSelection() {
	s.detail.RemoveAll()
	line := func(text string, imp widget.Importance) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		s.detail.Add(l)
	}
	t, vac := s.teamRows()
	switch {
	case t == nil:
	case s.sel != "":
		_, m := s.st.member(s.sel)
		head := fmt.Sprintf("%s（%s）· %s", s.st.name(s.sel), s.sel, m.Role)
		if p := s.st.people[s.sel]; p != nil {
			head += fmt.Sprintf(" · %s · %s %s · 特长：%s", p.CountyName, p.UnitName, p.Post, orNone(p.Skills))
		}
		if m.Locked {
			head += " · 已锁定"
		}
		line(head, widget.MediumImportance)
		vs := s.st.byMember[memberKey{t.Team, s.sel}]
		for _, v := range vs {
			line(violationLine(v), importanceOf(v))
		}
		if len(vs) == 0 {
			line("未发现违反规则或提示的情形。", widget.SuccessImportance)
		}
	case s.selVac >= 0 && s.selVac < len(vac):
		u := vac[s.selVac]
		line(u.Role+" 空缺："+u.Reason, widget.WarningImportance)
	default:
		hard, soft := s.st.counts(t.Team)
		line(fmt.Sprintf("本组违反规则 %d 条，提示 %d 条，空缺 %d 个。单击一行查看详情，双击移动人员或编入空缺。", hard, soft, len(vac)), widget.MediumImportance)
		for _, v := range s.st.byTeam[t.Team] {
			if v.Person == "" {
				line(violationLine(v), importanceOf(v))
			}
		}
	}
	s.detail.Refresh()
}

func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

// violationLine writes a violation with its severity word first.
func violationLine(v assign.Violation) string {
	word := string(recusal.Soft)
	switch {
	case v.Hard && isRecusal(v.Rule):
		word = string(recusal.Hard)
	case v.Hard:
		word = brokenTag
	}
	return "【" + word + "】" + ruleLabel(v.Rule) + "：" + v.Reason
}

func importanceOf(v assign.Violation) widget.Importance {
	if v.Hard {
		return widget.DangerImportance
	}
	return widget.WarningImportance
}

// enableActions turns the actions on for what is selected.
func (s *assignScreen) enableActions() {
	member := s.st != nil && s.sel != "" && !s.running
	vacancy := s.st != nil && s.selVac >= 0 && !s.running
	for _, b := range []*widget.Button{s.move, s.swap, s.lock, s.exclude} {
		if member {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if vacancy {
		s.add.Enable()
	} else {
		s.add.Disable()
	}
	if s.st != nil && s.cur != "" && !s.running {
		s.why.Enable()
	} else {
		s.why.Disable()
	}
	s.lock.SetText("锁定")
	s.lock.SetIcon(widgets.LockIcon())
	if member {
		if _, m := s.st.member(s.sel); m != nil && m.Locked {
			s.lock.SetText("解锁")
			s.lock.SetIcon(widgets.UnlockIcon())
		}
	}
}
