package ui

// The rows of the plan grid (巡察规划): the term's units grouped by
// jurisdiction, category or 领域, each group under a header row, filtered
// by jurisdiction, by what stands to be done and by a search. Pure: built
// from the calendar's plan, tested without a window.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/calendar"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// How the plan grid groups its units.
const (
	groupCounty   = "按县区"
	groupCategory = "按单位类别"
	groupSector   = "按领域"
)

var planGroups = []string{groupCounty, groupCategory, groupSector}

// What the plan grid shows.
const (
	showEvery     = "全部单位"
	showUnplanned = "未列入规划"
	showOpen      = "尚未巡察"
	showPassed    = "计划年度已过未巡察"
	showA         = "A级重点单位"
)

var planShows = []string{showEvery, showUnplanned, showOpen, showPassed, showA}

// planFilter is what the plan grid's filters say.
type planFilter struct {
	group, county, show, text string
	today                     int // this year
}

// planRow is a row of the grid: a group's header, or a unit.
type planRow struct {
	header  bool
	group   string
	units   []string // a header's units, in the order shown
	planned int      // a header's units in the plan
	byYear  map[int]int
	unit    *calendar.PlanUnit
}

// shows reports whether unit u passes the filter (county, show, text).
func (f planFilter) shows(u *calendar.PlanUnit) bool {
	if f.county != "" && u.County != f.county {
		return false
	}
	switch f.show {
	case showUnplanned:
		if u.Year != 0 {
			return false
		}
	case showOpen:
		if u.State == calendar.StateCovered {
			return false
		}
	case showPassed:
		if u.Year == 0 || u.Year >= f.today || u.State == calendar.StateCovered {
			return false
		}
	case showA:
		if u.Priority != "A" {
			return false
		}
	}
	text := strings.TrimSpace(f.text)
	return text == "" || strings.Contains(u.Unit, text) || strings.Contains(u.Name, text)
}

// groupsOf returns the groups unit u goes under: its jurisdiction's code,
// its category, or each of its 领域.
func (f planFilter) groupsOf(u *calendar.PlanUnit) []string {
	switch f.group {
	case groupCategory:
		return []string{u.Category}
	case groupSector:
		if len(u.Sectors) == 0 {
			return []string{calendar.Unsectored}
		}
		return u.Sectors
	}
	return []string{u.County}
}

// planRows lays out the units of p that pass f: each group (in the order
// of the snapshot's jurisdictions, vocab's categories, or the 领域 in the
// order sectors gives, the rest sorted) under its header, units in code
// order. name names a group in its header.
func planRows(p *calendar.Plan, sn *snap.Snapshot, sectors []string, f planFilter) []planRow {
	type group struct {
		key   string
		units []*calendar.PlanUnit
	}
	idx := map[string]int{}
	var groups []group
	for i := range p.Units {
		u := &p.Units[i]
		if !f.shows(u) {
			continue
		}
		for _, g := range f.groupsOf(u) {
			k, ok := idx[g]
			if !ok {
				k = len(groups)
				idx[g] = k
				groups = append(groups, group{key: g})
			}
			groups[k].units = append(groups[k].units, u)
		}
	}
	rank := func(g string) int {
		switch f.group {
		case groupCategory:
			if i := slices.Index(vocab.Categories, g); i >= 0 {
				return i
			}
		case groupSector:
			if i := slices.Index(sectors, g); i >= 0 {
				return i
			}
			if g == calendar.Unsectored {
				return 1 << 20
			}
		default:
			for i, c := range sn.Counties {
				if c.Code == g {
					return i
				}
			}
		}
		return 1 << 19
	}
	slices.SortFunc(groups, func(a, b group) int {
		return cmp.Or(cmp.Compare(rank(a.key), rank(b.key)), strings.Compare(a.key, b.key))
	})
	var out []planRow
	for _, g := range groups {
		h := planRow{header: true, group: g.key, byYear: map[int]int{}}
		if f.group == groupCounty {
			h.group = sn.CountyName(g.key)
		}
		for _, u := range g.units {
			h.units = append(h.units, u.Unit)
			if u.Year != 0 {
				h.planned++
				h.byYear[u.Year]++
			}
		}
		out = append(out, h)
		for _, u := range g.units {
			out = append(out, planRow{group: h.group, unit: u})
		}
	}
	return out
}

// yearCell is what a unit's cell of year y says, and whether the unit's
// planned year y passed uninspected: 计划 (第N轮), the year it was
// inspected (已巡察) or is on a team (已编组).
func yearCell(u *calendar.PlanUnit, y, thisYear int) (string, bool) {
	var parts []string
	if u.Year == y {
		p := "计划"
		if u.RoundNo > 0 {
			p += fmt.Sprintf("·第%d轮", u.RoundNo)
		}
		parts = append(parts, p)
	}
	if u.ActualYear == y {
		switch u.State {
		case calendar.StateCovered:
			parts = append(parts, "已巡察")
		case calendar.StatePlanned:
			parts = append(parts, "已编组")
		}
	}
	passed := u.Year == y && y < thisYear && u.State != calendar.StateCovered
	return strings.Join(parts, " "), passed
}

// stateText is the 现状 of unit u.
func stateText(u *calendar.PlanUnit) string {
	switch u.State {
	case calendar.StateCovered:
		return fmt.Sprintf("已巡察（%s%s）", u.Round, u.Team)
	case calendar.StatePlanned:
		return fmt.Sprintf("已编组（%s%s）", u.Round, u.Team)
	}
	return calendar.StateOpen
}
