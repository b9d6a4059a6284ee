package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/recusal"
	"xuncha/ui/widgets"
)

// The choices of the severity filter beyond the two severities.
const (
	sevOverridden = "已豁免"
	sevPending    = "待批豁免"
)

// hitColumns are the titles of the hit table; hitWidths their widths; the
// first five sort by the report's keys.
var (
	hitColumns = []string{"级别", "规则", "巡察组", "人员", "单位 / 另一人员", "适用角色", "豁免", "情形说明"}
	hitWidths  = []float32{64, 120, 104, 140, 200, 140, 60, 720}
	hitSortKey = []string{recusal.BySeverity, recusal.ByRule, recusal.ByTeam, recusal.ByPerson, recusal.ByUnit}
)

func (s *recusalScreen) buildFilters() {
	rules := []string{all}
	for _, r := range recusal.Rules {
		rules = append(rules, r+" "+recusal.RuleName(r))
	}
	changed := func(string) { s.onFilterChanged() }
	s.rule = widget.NewSelect(rules, changed)
	s.rule.Selected = all
	s.severity = widget.NewSelect([]string{all, string(recusal.Hard), string(recusal.Soft), sevOverridden, sevPending}, changed)
	s.severity.Selected = all
	s.county = widget.NewSelect([]string{all}, func(string) { s.fillTeams(); s.onFilterChanged() })
	s.county.Selected = all
	s.team = widget.NewSelect([]string{all}, changed)
	s.team.Selected = all
	s.person = widget.NewEntry()
	s.person.SetPlaceHolder("人员姓名或编号")
	s.person.OnChanged = changed
	s.count = widget.NewLabel("")
}

// fillFilterOptions offers the counties and teams of the checked round,
// keeping a choice that is still offered.
func (s *recusalScreen) fillFilterOptions() {
	opts := []string{all}
	for _, c := range s.res.Counties {
		opts = append(opts, c.Label())
	}
	s.county.Options = opts
	if !slices.Contains(opts, s.county.Selected) {
		s.county.Selected = all
	}
	s.county.Refresh()
	s.fillTeams()
}

// fillTeams offers the teams of the chosen county.
func (s *recusalScreen) fillTeams() {
	if s.res == nil {
		return
	}
	county := filterChoice(s.county)
	opts := []string{all}
	for _, name := range s.res.Order {
		if county == "" || s.res.Teams[name].County == app.CodeOfLabel(county) {
			opts = append(opts, name)
		}
	}
	s.team.Options = opts
	if !slices.Contains(opts, s.team.Selected) {
		s.team.Selected = all
	}
	s.team.Refresh()
}

// pick returns the choice of a filter, "" for 全部.
func filterChoice(w *widget.Select) string {
	if w.Selected == all {
		return ""
	}
	return w.Selected
}

// hitFilter is what the filter bar asks for.
type hitFilter struct {
	rule, severity, county, team, text string
}

func (s *recusalScreen) filter() hitFilter {
	return hitFilter{rule: app.CodeOfLabel(filterChoice(s.rule)), severity: filterChoice(s.severity),
		county: app.CodeOfLabel(filterChoice(s.county)), team: filterChoice(s.team),
		text: strings.ToLower(strings.TrimSpace(s.person.Text))}
}

// match reports whether row passes the filter; county is the county of the
// row's team and pending whether an override of it awaits approval.
func (f hitFilter) match(row *recusal.Row, county string, pending bool) bool {
	switch {
	case f.rule != "" && row.Rule != f.rule,
		f.county != "" && county != f.county,
		f.team != "" && row.Team != f.team:
		return false
	}
	switch f.severity {
	case "":
	case sevOverridden:
		if !row.Overridden {
			return false
		}
	case sevPending:
		if !pending || row.Overridden {
			return false
		}
	default:
		if string(row.Severity) != f.severity {
			return false
		}
	}
	if f.text == "" {
		return true
	}
	for _, s := range []string{row.Person, row.PersonName, row.Other, row.OtherName} {
		if s != "" && strings.Contains(strings.ToLower(s), f.text) {
			return true
		}
	}
	return false
}

// describe writes the filter for the export's 说明 sheet ("" for none).
func (f hitFilter) describe(s *recusalScreen) string {
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+" "+v)
		}
	}
	add("规则", filterChoice(s.rule))
	add("级别", f.severity)
	add("县区", filterChoice(s.county))
	add("巡察组", f.team)
	add("人员", strings.TrimSpace(s.person.Text))
	return strings.Join(parts, "；")
}

func (s *recusalScreen) onFilterChanged() {
	if s.res == nil || s.table == nil {
		return
	}
	f := s.filter()
	s.view = s.view[:0]
	for i := range s.res.Report.Rows {
		row := &s.res.Report.Rows[i]
		if f.match(row, s.res.Teams[row.Team].County, s.pendingFor(row.Hit)) {
			s.view = append(s.view, i)
		}
	}
	s.count.SetText(fmt.Sprintf("显示 %d / %d 条", len(s.view), len(s.res.Report.Rows)))
	s.table.Refresh()
	s.showDetail()
}

// showSummary shows the counts by rule and severity; tapping one filters
// the table to it.
func (s *recusalScreen) showSummary() {
	s.summary.RemoveAll()
	for _, c := range s.res.Report.Summary() {
		text := fmt.Sprintf("%s %s %d条 %d人", c.Rule, recusal.RuleName(c.Rule), c.Hits, c.People)
		if c.Overridden > 0 {
			text += fmt.Sprintf(" 豁免%d", c.Overridden)
		}
		c := c
		b := widget.NewButton(text, func() {
			s.rule.SetSelected(c.Rule + " " + recusal.RuleName(c.Rule))
			s.severity.SetSelected(string(c.Severity))
		})
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		s.summary.Add(container.NewBorder(nil, nil, widgets.NewSeverityBadge(c.Severity), nil, b))
	}
	if len(s.res.Report.Rows) == 0 {
		s.summary.Add(widget.NewLabel("本轮未发现回避情形。"))
	}
}

func (s *recusalScreen) buildTable() {
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.view), len(hitColumns) },
		func() fyne.CanvasObject { return container.NewStack(widgets.NewCell(), widgets.NewSeverityBadge("")) },
		s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	s.table.UpdateHeader = s.updateHeader
	for i, w := range hitWidths {
		s.table.SetColumnWidth(i, w)
	}
}

// hitCell returns the text of column col of row.
func (s *recusalScreen) hitCell(row *recusal.Row, col int) string {
	switch col {
	case 0:
		return string(row.Severity)
	case 1:
		return row.Rule + " " + recusal.RuleName(row.Rule)
	case 2:
		return row.Team
	case 3:
		return row.PersonName + " " + row.Person
	case 4:
		if row.Other != "" {
			return "与 " + row.OtherName + " " + row.Other
		}
		return row.Unit + " " + row.UnitName
	case 5:
		return recusal.RolesText(row.Hit)
	case 6:
		switch {
		case row.Overridden:
			return sevOverridden
		case s.pendingFor(row.Hit):
			return "待批"
		}
		return ""
	case 7:
		return row.Reason
	}
	return ""
}

func (s *recusalScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	c, badge := box.Objects[0].(*widgets.Cell), box.Objects[1].(*widgets.SeverityBadge)
	if id.Row >= len(s.view) {
		c.Set("", false, nil)
		badge.SetSeverity("", false)
		return
	}
	row := &s.res.Report.Rows[s.view[id.Row]]
	text := s.hitCell(row, id.Col)
	if id.Col == 0 {
		badge.SetSeverity(row.Severity, row.Overridden)
		badge.Show()
		text = ""
	} else {
		badge.Hide()
	}
	c.Set(text, hitKeyOf(row.Hit) == s.sel, theme.Color(theme.ColorNameSelection))
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
	if id.Col >= len(hitSortKey) {
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
		s.onFilterChanged()
	}
}

func (s *recusalScreen) onSelect(k hitKey) {
	s.sel = k
	s.table.Refresh()
	s.showDetail()
}

// selected returns the selected row when it is shown.
func (s *recusalScreen) selected() *recusal.Row {
	if s.res == nil || s.sel.team == "" {
		return nil
	}
	for _, i := range s.view {
		if hitKeyOf(s.res.Report.Rows[i].Hit) == s.sel {
			return &s.res.Report.Rows[i]
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
	if row.Severity == recusal.Hard && !row.Overridden && !liftable {
		text += "\n" + row.Rule + " " + recusal.RuleName(row.Rule) + " 不可豁免（严格执行回避制度；见 设置 › 回避规则 的“可豁免”）。"
	}
	s.detail.SetText(text)
	if row.Severity == recusal.Hard && !row.Overridden && liftable && s.svc.Can(app.PermEdit) {
		s.request.Enable()
	} else {
		s.request.Disable()
	}
}

func (s *recusalScreen) detailText(row *recusal.Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "【%s】%s %s　%s\n", row.Severity, row.Rule, recusal.RuleName(row.Rule), row.Team)
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
	return b.String()
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

// shownReport returns the report with only the rows shown, in their order,
// and the filter in words.
func (s *recusalScreen) shownReport() (*recusal.Report, string) {
	sub := *s.res.Report
	sub.Rows = make([]recusal.Row, len(s.view))
	for i, k := range s.view {
		sub.Rows[i] = s.res.Report.Rows[k]
	}
	return &sub, s.filter().describe(s)
}
