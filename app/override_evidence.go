package app

import (
	"fmt"
	"strings"

	"xuncha/app/recusal"
	"xuncha/app/snap"
)

// OverrideEvidence is what a 领导 decides an override on (SPEC §10.3: the
// approval screen shows the evidence): the request, the person, the team
// with its units and on-site dates, and the hits of the rule as the
// checker finds them now, each with its reason sentence.
type OverrideEvidence struct {
	OverrideView
	RoundName   string
	Severity    recusal.Severity // the rule's severity under the settings now
	Liftable    bool             // 可豁免 under the settings now
	PersonFacts string           // "丙（P03），工作关系地 平山县，现工作单位 县财政局，职务 科长"
	TeamCounty  string           // the county the team inspects, by name
	Units       []string         // the team's units: "U02 县财政局"
	Onsite      string           // "2026-03-01 至 2026-04-01"
	Placed      string           // the person's role on the team's saved roster; "" when not on it
	Hits        []EvidenceHit    // the rule's hits now (for the override's unit, or every unit)
}

// EvidenceHit is one hit of the rule an override concerns.
type EvidenceHit struct {
	Unit, UnitName string // "" for R6/R7
	Other          string // R6/R7: the other member, "张三（P001）"
	Roles          string // the roles it binds, in words
	Reason         string
	Hard           bool // 回避 (a 提示 needs no override)
	Lifted         bool // an approved override lifts it
}

// OverrideEvidence returns override id with its evidence.
func (s *Service) OverrideEvidence(id uint) (*OverrideEvidence, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	views, err := s.Overrides(false)
	if err != nil {
		return nil, err
	}
	for _, v := range views {
		if v.ID == id {
			ev, err := s.hitEvidence(v.Round, v.Team, v.Person, v.Rule, v.Unit)
			if err != nil {
				return nil, err
			}
			ev.OverrideView = v
			return ev, nil
		}
	}
	return nil, fmt.Errorf("豁免申请 %d %w", id, ErrNotFound)
}

// hitEvidence gathers the evidence of rule for person on team of round
// against unit ("" every unit of the team), from the data as they are.
func (s *Service) hitEvidence(round, team, person, rule, unit string) (*OverrideEvidence, error) {
	c, sn, r, err := s.roundChecker(round)
	if err != nil {
		return nil, err
	}
	set := c.Settings()
	t := teamNamed(r, team)
	if t == nil {
		return nil, fmt.Errorf("%s 的 %s %w", round, team, ErrNotFound)
	}
	p := sn.Person(person)
	if p == nil {
		return nil, fmt.Errorf("人员 %s %w", person, ErrNotFound)
	}
	ev := &OverrideEvidence{RoundName: r.Name, Severity: set.Severity[rule], Liftable: set.CanLift(rule),
		PersonFacts: personFacts(sn, p), TeamCounty: sn.CountyName(t.County), Onsite: onsite(r, t)}
	if _, ok := set.Severity[rule]; !ok {
		ev.Severity = recusal.Defaults().Severity[rule]
	}
	for _, u := range sortedCodes(t.UnitCodes()) {
		ev.Units = append(ev.Units, u+" "+sn.UnitName(u))
	}
	for _, m := range t.Members {
		if m.Person == person {
			ev.Placed = m.Role
		}
	}
	hits := c.Team(p, r, t)
	if recusal.PairRule(rule) {
		hits = nil
		for _, m := range t.Members {
			hits = append(hits, c.Pair(p, sn.Person(m.Person))...)
		}
	}
	for _, h := range hits {
		if h.Rule != rule || unit != "" && h.Unit != unit {
			continue
		}
		if recusal.PairRule(rule) {
			h.Team = t.Name
			h.Overridden = c.Overridden(r.Code, h)
		}
		eh := EvidenceHit{Unit: h.Unit, Roles: recusal.RolesText(h), Reason: h.Reason,
			Hard: h.Severity == recusal.Hard, Lifted: h.Overridden}
		if h.Unit != "" {
			eh.UnitName = sn.UnitName(h.Unit)
		}
		if o := sn.Person(h.Other); o != nil {
			eh.Other = o.Name + "（" + o.Code + "）"
		}
		ev.Hits = append(ev.Hits, eh)
	}
	return ev, nil
}

// personFacts describes p for a leader: name and code, home county,
// current unit, post and rank.
func personFacts(sn *snap.Snapshot, p *snap.Person) string {
	parts := []string{p.Name + "（" + p.Code + "）", "工作关系地 " + sn.CountyName(p.HomeCounty)}
	if p.CurrentUnit != "" {
		parts = append(parts, "现工作单位 "+sn.UnitName(p.CurrentUnit))
	}
	if p.Post != "" {
		parts = append(parts, "职务 "+p.Post)
	}
	if p.Rank != "" {
		parts = append(parts, "职级 "+p.Rank)
	}
	return strings.Join(parts, "，")
}

// onsite writes the on-site dates of team t of round r: "2026-03-01 至
// 2026-04-01", or what is known of them.
func onsite(r *snap.Round, t *snap.Team) string {
	from, to := r.Start(t), r.End(t)
	switch {
	case from.IsZero() && to.IsZero():
		return "未定"
	case to.IsZero():
		return from.String() + " 起"
	}
	return from.String() + " 至 " + to.String()
}

// Lines writes the evidence as the approval screen shows it, a line per
// fact.
func (e *OverrideEvidence) Lines() []string {
	unit := "本组全部被巡察单位"
	if e.Unit != "" {
		unit = e.Unit + " " + e.UnitName
	}
	lines := []string{
		fmt.Sprintf("申请：%s %s 回避，豁免范围：%s", e.Rule, recusal.RuleName(e.Rule), unit),
		"人员：" + e.PersonFacts,
		fmt.Sprintf("巡察组：%s %s %s（被巡察县区 %s）%s", e.Round, e.RoundName, e.Team, e.TeamCounty, placedText(e.Placed)),
		"被巡察单位：" + strings.Join(e.Units, "、"),
		"进驻：" + e.Onsite,
	}
	if len(e.Hits) == 0 {
		lines = append(lines, "情形：按现有数据已无此回避情形（数据可能已更正）")
	}
	for _, h := range e.Hits {
		where := h.Unit + " " + h.UnitName
		if h.Other != "" {
			where = "与 " + h.Other
		}
		lines = append(lines, fmt.Sprintf("情形（%s，适用角色：%s）：%s", where, h.Roles, h.Reason))
	}
	rule := fmt.Sprintf("规则现行设置：%s，", e.Severity)
	if e.Severity == recusal.Off {
		rule = "规则现行设置：不检查，"
	}
	if e.Liftable {
		rule += "可豁免"
	} else {
		rule += "不可豁免（只能驳回）"
	}
	lines = append(lines, rule, fmt.Sprintf("理由：%s", e.Reason), fmt.Sprintf("申请人：%s，%s", e.EnteredBy, e.EnteredAt))
	if e.Approver != "" {
		lines = append(lines, fmt.Sprintf("批准：%s，%s", e.Approver, e.ApprovedAt))
	}
	if e.RefusedBy != "" {
		lines = append(lines, fmt.Sprintf("驳回：%s，%s，理由：%s", e.RefusedBy, e.RefusedAt, e.RefuseReason))
	}
	if e.WithdrawnBy != "" {
		lines = append(lines, fmt.Sprintf("撤销：%s，%s，理由：%s", e.WithdrawnBy, e.WithdrawnAt, e.WithdrawReason))
	}
	return append(lines, "状态："+e.Status)
}

// placedText says where the person stands on the team's saved roster.
func placedText(role string) string {
	if role == "" {
		return "；此人尚未编入该组"
	}
	return "；此人已编入该组，任" + role
}
