package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/container"
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

func (s *recusalScreen) buildFilters() {
	rules := []string{all}
	for _, r := range recusal.Rules {
		rules = append(rules, r+" "+recusal.RuleName(r))
	}
	changed := func(string) { s.onFilterChanged() }
	s.rule = widget.NewSelect(rules, changed)
	s.rule.Selected = all
	s.tier = widget.NewSelect(append([]string{all}, recusal.Tiers...), changed)
	s.tier.Selected = all
	s.whole = widget.NewCheck("显示全部", func(bool) { s.refocus() })
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
	tier, rule, severity, county, team, text string
}

func (s *recusalScreen) filter() hitFilter {
	return hitFilter{tier: filterChoice(s.tier), rule: app.CodeOfLabel(filterChoice(s.rule)), severity: filterChoice(s.severity),
		county: app.CodeOfLabel(filterChoice(s.county)), team: filterChoice(s.team),
		text: strings.ToLower(strings.TrimSpace(s.person.Text))}
}

// match reports whether row passes the filter; county is the county of the
// row's team and pending whether an override of it awaits approval.
func (f hitFilter) match(row *recusal.FocusRow, county string, pending bool) bool {
	switch {
	case f.tier != "" && row.Tier != f.tier,
		f.rule != "" && row.Rule != f.rule,
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
	add("类别", f.tier)
	add("规则", filterChoice(s.rule))
	add("性质", f.severity)
	add("县区", filterChoice(s.county))
	add("巡察组", f.team)
	add("人员", strings.TrimSpace(s.person.Text))
	if !s.whole.Checked {
		parts = append(parts, "重点视图（其他合并，导出其代表的全部条目）")
	}
	return strings.Join(parts, "；")
}

// refocus works out the rows shown from the report in its current order:
// the focused view, or with 显示全部 every hit.
func (s *recusalScreen) refocus() {
	if s.res == nil {
		return
	}
	s.focus = s.res.Focused(!s.whole.Checked)
	s.showTiers()
	s.onFilterChanged()
}

func (s *recusalScreen) onFilterChanged() {
	if s.res == nil || s.table == nil || s.focus == nil {
		return
	}
	f := s.filter()
	s.view = s.view[:0]
	hits := 0
	for i := range s.focus.Rows {
		row := &s.focus.Rows[i]
		if f.match(row, s.res.Teams[row.Team].County, s.pendingFor(row.Hit)) {
			s.view = append(s.view, i)
			hits += row.Hits
		}
	}
	if s.whole.Checked {
		s.count.SetText(fmt.Sprintf("显示 %d / %d 条", len(s.view), len(s.res.Report.Rows)))
	} else {
		s.count.SetText(fmt.Sprintf("显示 %d 行（%d 条）/ 共 %d 条", len(s.view), hits, len(s.res.Report.Rows)))
	}
	s.table.Refresh()
	s.showDetail()
}

// showTiers says how the hits fall into the focused view's tiers.
func (s *recusalScreen) showTiers() {
	c := s.focus.Counts
	s.tiers.SetText(fmt.Sprintf("重点：%s %d 条 · %s %d 条 · %s %d 条（合并为 %d 行）", recusal.TierRoster, c[recusal.TierRoster],
		recusal.TierBlocks, c[recusal.TierBlocks], recusal.TierOther, c[recusal.TierOther], s.res.Focused(true).Count(recusal.TierOther)))
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
