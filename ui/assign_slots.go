package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// The columns of a team's slots. 性质 is what the rules say of the
// member (回避, 提示, 违规), not a rank: the person's rank is 职级.
var (
	slotColumns = []string{"", "角色", "姓名", "性质", "工作关系地", "现工作单位", "职务", "职级", "专业特长", "人员编号", "情形说明"}
	slotWidths  = []float32{32, 100, 80, 64, 84, 180, 110, 120, 100, 76, 640}
)

const (
	colLock = 0
	colRole = 1
	colName = 2
	colSev  = 3
	colCode = 9
	colWhy  = 10
)

// assignSlots is the team shown on the 编组 screen: its title and units,
// its slots (members and empty ones) with what the rules say of each, the
// hand edits of the selected slot, and what the rules say of the
// selection below.
type assignSlots struct {
	screen *assignScreen

	teamTitle, teamUnits                *widget.Label
	slots                               *widget.Table
	detail                              *fyne.Container
	move, swap, lock, exclude, why, add *widget.Button
	suggest                             *widget.Button
}

// build builds the team shown: its slots, what the selection can do and
// what the rules say of it.
func (p *assignSlots) build() fyne.CanvasObject {
	s := p.screen
	p.teamTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.teamUnits = widget.NewLabel("")
	p.teamUnits.Wrapping = fyne.TextWrapBreak
	p.slots = widget.NewTableWithHeaders(p.slotLength, p.createSlot, p.updateSlot)
	p.slots.ShowHeaderColumn = false
	p.slots.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.slots.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(slotColumns) {
			o.(*widget.Label).SetText(slotColumns[id.Col])
		}
	}
	for i, w := range slotWidths {
		p.slots.SetColumnWidth(i, w)
	}
	p.move = widget.NewButtonWithIcon("移动到…", theme.NavigateNextIcon(), s.onMove)
	p.swap = widget.NewButtonWithIcon("与…交换", theme.ViewRefreshIcon(), s.onSwap)
	p.lock = widget.NewButtonWithIcon("锁定", widgets.LockIcon(), s.onLock)
	p.exclude = widget.NewButtonWithIcon("排除", theme.ContentRemoveIcon(), s.onExclude)
	p.add = widget.NewButtonWithIcon("编入…", theme.ContentAddIcon(), s.onFill)
	p.why = widget.NewButtonWithIcon("为何不在此组…", theme.QuestionIcon(), s.onWhyNot)
	p.suggest = widget.NewButtonWithIcon("候选替换…", theme.SearchIcon(), s.onSuggest)
	actions := container.NewHBox(p.move, p.swap, p.lock, p.exclude, p.add)
	p.detail = container.NewVBox()
	detail := container.NewVScroll(p.detail)
	detail.SetMinSize(fyne.NewSize(200, 90))
	// the questions about the team beside its units (which wrap), so that
	// the actions fit a window of the least width (1024)
	units := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(p.suggest, p.why)), p.teamUnits)
	head := container.NewVBox(p.teamTitle, units, actions)
	split := container.NewVSplit(p.slots, detail)
	split.Offset = 0.8
	p.enableActions()
	return container.NewBorder(head, nil, nil, nil, split)
}

// teamRows returns the team shown and its empty slots.
func (p *assignSlots) teamRows() (*assign.TeamResult, []assign.Unfilled) {
	s := p.screen
	if s.st == nil {
		return nil, nil
	}
	t := s.st.Team(s.cur)
	if t == nil {
		return nil, nil
	}
	var vac []assign.Unfilled
	for _, u := range s.st.Unfilled {
		if u.Team == t.Team {
			vac = append(vac, u)
		}
	}
	return t, vac
}

func (p *assignSlots) slotLength() (int, int) {
	t, vac := p.teamRows()
	if t == nil {
		return 0, len(slotColumns)
	}
	return len(t.Members) + len(vac), len(slotColumns)
}

func (p *assignSlots) createSlot() fyne.CanvasObject {
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
func (p *assignSlots) slotText(row, col int) slotCell {
	s := p.screen
	t, vac := p.teamRows()
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
	vs := s.st.MemberViolations(t.Team, m.Person)
	sev, tag, imp := level(vs)
	f := s.people[m.Person]
	c := slotCell{}
	switch col {
	case colLock:
		c.locked = m.Locked
	case colRole:
		c.text = m.Role
	case colName:
		c.text, c.importance = s.st.Name(m.Person), imp
	case colSev:
		c.sev, c.tag = sev, tag
	case colCode:
		c.text = m.Person
	case colWhy:
		c.text, c.importance = violationsText(vs), imp
	default:
		if f != nil {
			c.text = [...]string{4: f.CountyName, 5: f.UnitName, 6: f.Post, 7: f.Rank, 8: f.Skills}[col]
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

func (p *assignSlots) updateSlot(id widget.TableCellID, o fyne.CanvasObject) {
	s := p.screen
	st := o.(*fyne.Container)
	cell, badge, tag, icon := st.Objects[0].(*widgets.Cell), st.Objects[1].(*widgets.SeverityBadge),
		st.Objects[2].(*widgets.Tag), st.Objects[3].(*widget.Icon)
	c := p.slotText(id.Row, id.Col)
	selected := p.isSelectedRow(id.Row)
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
	cell.OnTapped = func() { p.selectRow(row) }
	cell.OnDoubleTapped = func() {
		p.selectRow(row)
		if s.sel != "" {
			s.onMove()
		} else if s.selVac >= 0 {
			s.onFill()
		}
	}
}

func (p *assignSlots) isSelectedRow(row int) bool {
	s := p.screen
	t, _ := p.teamRows()
	if t == nil {
		return false
	}
	if row < len(t.Members) {
		return t.Members[row].Person == s.sel
	}
	return row-len(t.Members) == s.selVac
}

// selectRow selects row of the team shown: a member or an empty slot.
func (p *assignSlots) selectRow(row int) {
	s := p.screen
	t, vac := p.teamRows()
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
	p.slots.Refresh()
	p.showSelection()
	p.enableActions()
}

// showTeam redraws the team shown.
func (p *assignSlots) showTeam() {
	s := p.screen
	if p.slots == nil {
		return
	}
	t, _ := p.teamRows()
	if t == nil {
		p.teamTitle.SetText("")
		p.teamUnits.SetText("")
	} else {
		title := fmt.Sprintf("%s · %s · %d/%d 人", t.Team, s.st.CountyName(t.County), len(t.Members), s.st.Set.Slots())
		if r := s.roundRow(); r != nil && r.OnsiteStart != "" {
			title += " · 进驻 " + r.OnsiteStart + " 至 " + r.OnsiteEnd
		}
		p.teamTitle.SetText(title)
		p.teamUnits.SetText("被巡察单位：" + s.st.UnitNames(t))
	}
	p.slots.Refresh()
	p.showSelection()
	p.enableActions()
}

// showSelection writes what the rules say of the selection: a member's
// violations, an empty slot's reason, or the team's own.
func (p *assignSlots) showSelection() {
	s := p.screen
	p.detail.RemoveAll()
	line := func(text string, imp widget.Importance) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapBreak
		l.Importance = imp
		p.detail.Add(l)
	}
	t, vac := p.teamRows()
	switch {
	case t == nil:
	case s.sel != "":
		_, m := s.st.Member(s.sel)
		head := fmt.Sprintf("%s（%s）· %s", s.st.Name(s.sel), s.sel, m.Role)
		if f := s.people[s.sel]; f != nil {
			head += fmt.Sprintf(" · %s · %s %s · 特长：%s", f.CountyName, f.UnitName, f.Post, orNone(f.Skills))
		}
		if m.Locked {
			head += " · 已锁定"
		}
		line(head, widget.MediumImportance)
		vs := s.st.MemberViolations(t.Team, s.sel)
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
		hard, soft := s.st.Counts(t.Team)
		line(fmt.Sprintf("本组违反规则 %d 条，提示 %d 条，空缺 %d 个。单击一行查看详情，双击移动人员或编入空缺。", hard, soft, len(vac)), widget.MediumImportance)
		for _, v := range s.st.TeamViolations(t.Team) {
			if v.Person == "" {
				line(violationLine(v), importanceOf(v))
			}
		}
	}
	p.detail.Refresh()
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
func (p *assignSlots) enableActions() {
	s := p.screen
	edit := s.svc.Can(app.PermAssign) // a 领导 reads the roster, no more
	member := s.st != nil && s.sel != "" && !s.running && edit
	vacancy := s.st != nil && s.selVac >= 0 && !s.running && edit
	for _, b := range []*widget.Button{p.move, p.swap, p.lock, p.exclude} {
		if member {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if vacancy {
		p.add.Enable()
	} else {
		p.add.Disable()
	}
	if member || vacancy {
		p.suggest.Enable()
	} else {
		p.suggest.Disable()
	}
	if s.st != nil && s.cur != "" && !s.running {
		p.why.Enable()
	} else {
		p.why.Disable()
	}
	p.lock.SetText("锁定")
	p.lock.SetIcon(widgets.LockIcon())
	if member {
		if _, m := s.st.Member(s.sel); m != nil && m.Locked {
			p.lock.SetText("解锁")
			p.lock.SetIcon(widgets.UnlockIcon())
		}
	}
}
