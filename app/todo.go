package app

// 待办: what awaits the signed-in user, shown to a 领导 when they sign in
// and to anyone from the user menu. Each kind of item comes from one
// source of todoSources; the results ledger (issue 13) adds its overdue
// items there.

import (
	"fmt"
	"strings"

	"xuncha/app/calendar"
	"xuncha/app/civil"
)

// TodoItem is one thing awaiting the user: its kind, what it is, and the
// screen where it is dealt with.
type TodoItem struct {
	Kind   string // 待批豁免, 整改报告逾期, 即将进驻未编组 …
	Text   string // one line: who, which unit or team, since when
	Screen string // the title of the screen that deals with it
}

// todoSource lists the items of one kind due on today for the service's
// user (nothing when the user has no part in them); cal is the calendar.
type todoSource func(s *Service, cal *calendar.Calendar, today civil.Date) ([]TodoItem, error)

// todoSources are the kinds of 待办, in the order listed.
var todoSources = []todoSource{pendingOverrideTodo, overdueReportTodo, unstaffedTeamTodo}

// soonDays is how near a round's 进驻开始 must be for its empty teams to
// be listed.
const soonDays = 14

// Todo lists what awaits the signed-in user on today, kind by kind.
func (s *Service) Todo(today civil.Date) ([]TodoItem, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	cal, err := s.Calendar()
	if err != nil {
		return nil, err
	}
	var out []TodoItem
	for _, src := range todoSources {
		items, err := src(s, cal, today)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	return out, nil
}

// pendingOverrideTodo: the override requests a 领导 may approve.
func pendingOverrideTodo(s *Service, _ *calendar.Calendar, _ civil.Date) ([]TodoItem, error) {
	if !s.Can(PermApprove) {
		return nil, nil
	}
	pending, err := s.PendingOverrides()
	if err != nil {
		return nil, err
	}
	var out []TodoItem
	for _, o := range pending {
		unit := "全部单位"
		if o.Unit != "" {
			unit = o.UnitName
		}
		out = append(out, TodoItem{Kind: "待批豁免", Screen: "回避报告",
			Text: fmt.Sprintf("%s %s：%s（%s）%s，%s；%s 于 %s 申请", o.Round, o.Team, o.PersonName, o.Person, o.Rule, unit, o.EnteredBy, o.EnteredAt)})
	}
	return out, nil
}

// overdueReportTodo: the rectification reports overdue in the current term.
func overdueReportTodo(_ *Service, cal *calendar.Calendar, today civil.Date) ([]TodoItem, error) {
	term := cal.CurrentTerm(today)
	if term == "" {
		return nil, nil
	}
	var out []TodoItem
	for _, o := range cal.Overdue(term, today) {
		out = append(out, TodoItem{Kind: "整改报告逾期", Screen: "总览",
			Text: fmt.Sprintf("%s %s：%s 整改报告 %s 到期，已逾期 %d 天", o.Round, o.Team, o.UnitName, o.Due, o.DaysOverdue)})
	}
	return out, nil
}

// unstaffedTeamTodo: teams without members whose round goes on site within
// soonDays, for those who assign.
func unstaffedTeamTodo(s *Service, cal *calendar.Calendar, today civil.Date) ([]TodoItem, error) {
	if !s.Can(PermAssign) {
		return nil, nil
	}
	term := cal.CurrentTerm(today)
	if term == "" {
		return nil, nil
	}
	var out []TodoItem
	for _, r := range cal.Rounds(term) {
		start := cal.Schedule(r).Dates.OnsiteStart
		if start.IsZero() || start < today || today.DaysUntil(start) > soonDays {
			continue
		}
		var empty []string
		for _, t := range r.Teams {
			if len(t.Members) == 0 {
				empty = append(empty, t.Name)
			}
		}
		if len(empty) == 0 {
			continue
		}
		out = append(out, TodoItem{Kind: "即将进驻未编组", Screen: "编组",
			Text: fmt.Sprintf("%s %s %s 进驻，%d 个组尚未编组（%s）", r.Code, r.Name, start, len(empty), joinFirst(empty, 3))})
	}
	return out, nil
}

// joinFirst joins the first n of xs with 、, with 等 when there are more.
func joinFirst(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, "、")
	}
	return strings.Join(xs[:n], "、") + " 等"
}
