package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// hitColumns are the titles of the hit table; hitWidths their widths;
// hitSortKey the report's sort key of a column ("" for none).
var (
	hitColumns = []string{"类别", "性质", "规则", "巡察组", "人员", "单位 / 另一人员", "适用角色", "豁免", "情形说明"}
	hitWidths  = []float32{76, 64, 120, 120, 140, 220, 140, 60, 720}
	hitSortKey = []string{"", recusal.BySeverity, recusal.ByRule, recusal.ByTeam, recusal.ByPerson, recusal.ByUnit}
)

func (s *recusalScreen) buildTable() {
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.view), len(hitColumns) },
		func() fyne.CanvasObject { return container.NewStack(widgets.NewCell(), widgets.NewSeverityBadge("")) },
		s.updateCell)
	buttonHeaders(s.table, hitWidths, s.updateHeader)
}

// hitCell returns the text of column col of row.
func (s *recusalScreen) hitCell(row *recusal.FocusRow, col int) string {
	switch col {
	case 0:
		return row.Tier
	case 1:
		return string(row.Severity)
	case 2:
		return row.Rule + " " + recusal.RuleName(row.Rule)
	case 3:
		if len(row.Teams) > 1 {
			return fmt.Sprintf("%s 等%d个组", row.Teams[0], len(row.Teams))
		}
		return row.Team
	case 4:
		return row.PersonName + " " + row.Person
	case 5:
		where := row.Unit + " " + row.UnitName
		if row.Other != "" {
			where = "与 " + row.OtherName + " " + row.Other
		}
		if row.Hits > 1 {
			where = fmt.Sprintf("%s 等%d条", where, row.Hits)
		}
		return where
	case 6:
		return recusal.RolesText(row.Hit)
	case 7:
		switch {
		case row.Overridden:
			return sevOverridden
		case s.pendingFor(row.Hit):
			return "待批"
		}
		return ""
	case 8:
		return row.Reason
	}
	return ""
}

// severityCol is the column of the severity badge.
const severityCol = 1

func (s *recusalScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	c, badge := box.Objects[0].(*widgets.Cell), box.Objects[1].(*widgets.SeverityBadge)
	if id.Row >= len(s.view) {
		c.Set("", false, nil)
		badge.SetSeverity("", false)
		return
	}
	row := &s.focus.Rows[s.view[id.Row]]
	text := s.hitCell(row, id.Col)
	if id.Col == severityCol {
		badge.SetSeverity(row.Severity, row.Overridden)
		badge.Show()
		text = ""
	} else {
		badge.Hide()
	}
	c.Set(text, hitKeyOf(row.Hit) == s.sel, theme.Color(theme.ColorNameSelection))
	c.Label.Importance = widget.MediumImportance
	if id.Col == 0 && row.Tier != recusal.TierOther {
		c.Label.Importance = widget.WarningImportance
	}
	k := hitKeyOf(row.Hit)
	c.OnTapped = func() { s.onSelect(k) }
	c.OnDoubleTapped = func() { s.onSelect(k); s.onRequest() }
}

func (s *recusalScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(hitColumns) {
		b.SetText("")
		return
	}
	title := hitColumns[id.Col]
	b.Alignment = widget.ButtonAlignCenter
	if id.Col == len(hitColumns)-1 {
		b.Alignment = widget.ButtonAlignLeading // the wide reason column: its title in view
	}
	if id.Col >= len(hitSortKey) || hitSortKey[id.Col] == "" {
		b.SetText(title)
		b.OnTapped = nil
		return
	}
	key := hitSortKey[id.Col]
	b.SetText(headerText(title, key == s.sortKey, !s.desc))
	b.OnTapped = func() { s.onSort(key) }
}

func (s *recusalScreen) onSort(key string) {
	if key == s.sortKey {
		s.desc = !s.desc
	} else {
		s.sortKey, s.desc = key, false
	}
	if s.res != nil {
		s.res.Report.Sort(s.sortKey, s.desc)
		s.refocus()
	}
}

func (s *recusalScreen) onSelect(k hitKey) {
	s.sel = k
	s.table.Refresh()
	s.showDetail()
}

// selected returns the selected row when it is shown.
func (s *recusalScreen) selected() *recusal.FocusRow {
	if s.focus == nil || s.sel.team == "" {
		return nil
	}
	for _, i := range s.view {
		if hitKeyOf(s.focus.Rows[i].Hit) == s.sel {
			return &s.focus.Rows[i]
		}
	}
	return nil
}

// showDetail writes the whole of the selected hit under the table and
// offers 申请豁免 for a hard hit not yet lifted.
func (s *recusalScreen) showDetail() {
	row := s.selected()
	if row == nil {
		s.detail.SetText("单击表中一行查看完整的情形说明；“回避”的一行可以申请豁免。")
		s.request.Disable()
		return
	}
	text := s.detailText(row)
	liftable := s.res.CanLift(row.Rule)
	switch {
	case row.Severity != recusal.Hard || row.Overridden:
	case !liftable:
		text += "\n" + row.Rule + " " + recusal.RuleName(row.Rule) + " 不可豁免（严格执行回避制度；见 设置 › 回避规则 的“可豁免”）。"
	case row.Hits > 1:
		text += "\n此行合并了多条；申请豁免请勾选“显示全部”，再选择具体的巡察组和单位。"
		liftable = false
	}
	s.detail.SetText(text)
	if row.Severity == recusal.Hard && !row.Overridden && liftable && s.svc.Can(app.PermEdit) {
		s.request.Enable()
	} else {
		s.request.Disable()
	}
}

func (s *recusalScreen) detailText(row *recusal.FocusRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "【%s】%s %s　%s（%s）\n", row.Severity, row.Rule, recusal.RuleName(row.Rule), strings.Join(row.Teams, "、"), tierNote(row))
	fmt.Fprintf(&b, "人员：%s（%s", row.PersonName, row.Person)
	if row.HomeCounty != "" {
		fmt.Fprintf(&b, "，工作关系地 %s", row.HomeCounty)
	}
	b.WriteString("）")
	if row.Other != "" {
		fmt.Fprintf(&b, "　另一人员：%s（%s）", row.OtherName, row.Other)
	} else {
		fmt.Fprintf(&b, "　单位：%s %s", row.Unit, row.UnitName)
	}
	fmt.Fprintf(&b, "　适用角色：%s", recusal.RolesText(row.Hit))
	switch {
	case row.Overridden:
		b.WriteString("　豁免：已经领导批准")
	case s.pendingFor(row.Hit):
		b.WriteString("　豁免：已申请，待领导批准")
	}
	b.WriteString("\n情形：" + row.Reason)
	if row.Hits > 1 {
		fmt.Fprintf(&b, "\n此行代表 %d 条（%d 个巡察组），勾选“显示全部”可逐条查看。", row.Hits, len(row.Teams))
	}
	return b.String()
}

// tierNote says what the tier of row means.
func tierNote(row *recusal.FocusRow) string {
	switch row.Tier {
	case recusal.TierRoster:
		return "已编入：此人在本轮名单上，回避针对其所在组和角色"
	case recusal.TierBlocks:
		return "排除候选：此人本可担任该组的某一角色，因此回避不能编入"
	}
	return "其他：此人本就不能担任所涉角色，或已编入他组"
}

// onExport saves the hits shown (the filtered list) as an xlsx workbook.
func (s *recusalScreen) onExport() {
	if s.res == nil {
		return
	}
	sub, filter := s.shownReport()
	saveXLSX(s.win, "回避报告_"+sub.Round+".xlsx", func(path string) error { return sub.WriteXLSX(path, filter) },
		fmt.Sprintf("已导出 %d 条", len(sub.Rows)))
}

// shownReport returns the report with only the hits of the rows shown (a
// collapsed row gives every hit it stands for), in their order, and the
// filter in words.
func (s *recusalScreen) shownReport() (*recusal.Report, string) {
	sub := *s.res.Report
	sub.Rows = nil
	for _, k := range s.view {
		for _, i := range s.focus.Rows[k].Of {
			sub.Rows = append(sub.Rows, s.res.Report.Rows[i])
		}
	}
	return &sub, s.filter().describe(s)
}
