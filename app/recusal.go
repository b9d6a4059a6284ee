package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// recusalKey is the settings key of the recusal rules.
const recusalKey = "recusal"

// RecusalSettings returns the recusal settings: the saved ones over the
// defaults of SPEC §4, R4 binding the roles the composition fills from
// other counties (remote_roles.go).
func (s *Service) RecusalSettings() (recusal.Settings, error) {
	set := recusal.Defaults()
	if err := s.LoadSetting(recusalKey, &set); err != nil {
		return recusal.Defaults(), err
	}
	comp, err := s.AssignSettings()
	if err != nil {
		return set, err
	}
	set.RemoteRoles = remoteRoles(comp)
	return set, nil
}

// SaveRecusalSettings checks and stores the recusal settings; the roles R4
// binds are the composition's, not stored here.
func (s *Service) SaveRecusalSettings(set recusal.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	return s.SaveSetting(recusalKey, withoutRemote(set))
}

// ResetRecusalSettings stores the default recusal settings.
func (s *Service) ResetRecusalSettings() error {
	return s.SaveSetting(recusalKey, withoutRemote(recusal.Defaults()))
}

// withoutRemote is set as stored: without the roles R4 binds, which the
// composition gives.
func withoutRemote(set recusal.Settings) any {
	b, _ := json.Marshal(set)
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(b, &fields)
	delete(fields, "RemoteRoles")
	return fields
}

// checkSettings returns the recusal settings the checks run under: the
// saved ones, with the roles the composition fills from 市本级, which R4
// does not bind on a 市本级 unit (SPEC §8.1).
func (s *Service) checkSettings() (recusal.Settings, error) {
	set, err := s.RecusalSettings()
	if err != nil {
		return set, err
	}
	comp, err := s.AssignSettings()
	if err != nil {
		return set, err
	}
	for _, role := range vocab.Roles {
		if roleOrigin(comp, role) == vocab.FromCity {
			set.CityRoles = append(set.CityRoles, role)
		}
	}
	return set, nil
}

// recusalChecker loads the snapshot and the recusal settings and builds
// a checker over them.
func (s *Service) recusalChecker() (*recusal.Checker, *snap.Snapshot, error) {
	set, err := s.checkSettings()
	if err != nil {
		return nil, nil, err
	}
	sn, err := s.Snapshot()
	if err != nil {
		return nil, nil, err
	}
	return recusal.New(sn, set), sn, nil
}

// roundChecker is recusalChecker with round code of the snapshot.
func (s *Service) roundChecker(code string) (*recusal.Checker, *snap.Snapshot, *snap.Round, error) {
	c, sn, err := s.recusalChecker()
	if err != nil {
		return nil, nil, nil, err
	}
	r := sn.Round(code)
	if r == nil {
		return nil, nil, nil, fmt.Errorf("轮次 %s %w", code, ErrNotFound)
	}
	return c, sn, r, nil
}

// CheckRound returns the recusal report of round code: every hit of every
// active pool member against every team of the round.
func (s *Service) CheckRound(code string) (*recusal.Report, error) {
	c, _, r, err := s.roundChecker(code)
	if err != nil {
		return nil, err
	}
	return c.Report(r, c.Round(r)), nil
}

// CheckRoster returns the recusal report of the saved roster of round
// code: each member in their role against their team's units, and the
// members of each team with each other (R6, R7).
func (s *Service) CheckRoster(code string) (*recusal.Report, error) {
	c, _, r, err := s.roundChecker(code)
	if err != nil {
		return nil, err
	}
	return c.Report(r, c.Roster(r)), nil
}

// RoundCheck is the recusal check of a round (its Report) with what the
// 回避报告 screen shows beside it: the round's teams, the counties of
// their units, and the overrides awaiting a leader's approval.
type RoundCheck struct {
	Report   *recusal.Report
	Teams    map[string]snap.Team // by name
	Order    []string             // team names by seq, then name
	Counties []Option             // counties of the teams' units, by code
	pending  map[pendingKey]bool
	set      recusal.Settings
	cand     recusal.Candidacy
	county   func(team string) string
}

// Focused returns the report's rows, in the report's current order, as
// the focused view (collapse: the hits of people on the roster, those
// that keep an otherwise eligible candidate off a team, the rest
// collapsed; see recusal.Focus) or every hit with its tier.
func (c *RoundCheck) Focused(collapse bool) *recusal.Focused {
	return recusal.Focus(c.Report, c.cand, c.county, collapse)
}

// CanLift reports whether a hard hit of rule may be asked to be lifted
// (可豁免 under the settings the check ran with).
func (c *RoundCheck) CanLift(rule string) bool { return c.set.CanLift(rule) }

// pendingKey names an override: team, person, rule and unit ("" = every
// unit of the team).
type pendingKey struct{ team, person, rule, unit string }

// Pending reports whether an override of hit h awaits approval: one for
// its unit, or one for every unit of its team.
func (c *RoundCheck) Pending(h recusal.Hit) bool {
	return c.pending[pendingKey{h.Team, h.Person, h.Rule, h.Unit}] || c.pending[pendingKey{h.Team, h.Person, h.Rule, ""}]
}

// MarkPending records an override just requested (unit "" for every unit
// of the team), until the next check reads it.
func (c *RoundCheck) MarkPending(team, person, rule, unit string) {
	c.pending[pendingKey{team, person, rule, unit}] = true
}

// RoundCheck checks round code (see CheckRound) and gathers what a screen
// shows beside the report.
func (s *Service) RoundCheck(code string) (*RoundCheck, error) {
	c, sn, r, err := s.roundChecker(code)
	if err != nil {
		return nil, err
	}
	aset, err := s.AssignSettings()
	if err != nil {
		return nil, err
	}
	out := &RoundCheck{Report: c.Report(r, c.Round(r)), Teams: make(map[string]snap.Team, len(r.Teams)),
		pending: map[pendingKey]bool{}, set: c.Settings(), cand: candidacy(sn, r, aset), county: teamCounty(r)}
	teams := slices.Clone(r.Teams)
	slices.SortStableFunc(teams, func(a, b snap.Team) int {
		if a.Seq != b.Seq {
			return a.Seq - b.Seq
		}
		return strings.Compare(a.Name, b.Name)
	})
	seen := map[string]bool{}
	for _, t := range teams {
		out.Teams[t.Name] = t
		out.Order = append(out.Order, t.Name)
		if t.County != "" && !seen[t.County] {
			seen[t.County] = true
			out.Counties = append(out.Counties, Option{Code: t.County, Name: sn.CountyName(t.County)})
		}
	}
	slices.SortFunc(out.Counties, func(a, b Option) int { return strings.Compare(a.Code, b.Code) })
	ovs, err := s.Overrides(true)
	if err != nil {
		return nil, err
	}
	for _, o := range ovs {
		if o.Round == code {
			out.MarkPending(o.Team, o.Person, o.Rule, o.Unit)
		}
	}
	return out, nil
}

// CheckPerson returns the hits of R1–R5 of person against unit on the
// reference date ref (进驻开始; zero: today), keeping those that bind role
// (every hit when role is "").
func (s *Service) CheckPerson(person, unit, role string, ref civil.Date) ([]recusal.Hit, error) {
	if role != "" && !slices.Contains(vocab.Roles, role) {
		return nil, fmt.Errorf("角色 %q 无效（应为 %s）", role, strings.Join(vocab.Roles, "、"))
	}
	c, sn, err := s.recusalChecker()
	if err != nil {
		return nil, err
	}
	p := sn.Person(person)
	if p == nil {
		return nil, fmt.Errorf("人员 %s %w", person, ErrNotFound)
	}
	if sn.Unit(unit) == nil {
		return nil, fmt.Errorf("单位 %s %w", unit, ErrNotFound)
	}
	if ref.IsZero() {
		ref = civil.Today()
	}
	var out []recusal.Hit
	for _, h := range c.Unit(p, unit, ref) {
		if h.Binds(role) {
			out = append(out, h)
		}
	}
	return out, nil
}

// CheckTeam returns the hits of person on team of round in role (every
// hit when role is ""), with the reference date ref (进驻开始) in place of
// the team's: against every unit of the team, and against the team's
// members (R6, R7). names holds how the hits' units and people read:
// "U01 县财政局", "张三（P001）".
func (s *Service) CheckTeam(person, round, team, role string, ref civil.Date) (hits []recusal.Hit, names map[string]string, err error) {
	if role != "" && !slices.Contains(vocab.Roles, role) {
		return nil, nil, fmt.Errorf("角色 %q 无效（应为 %s）", role, strings.Join(vocab.Roles, "、"))
	}
	c, sn, err := s.recusalChecker()
	if err != nil {
		return nil, nil, err
	}
	p := sn.Person(person)
	if p == nil {
		return nil, nil, fmt.Errorf("人员 %s 未找到（新增的人员请先保存）", person)
	}
	r := sn.Round(round)
	if r == nil {
		return nil, nil, fmt.Errorf("轮次 %s %w", round, ErrNotFound)
	}
	i := slices.IndexFunc(r.Teams, func(x snap.Team) bool { return x.Name == team })
	if i < 0 {
		return nil, nil, fmt.Errorf("%s 的 %s %w", round, team, ErrNotFound)
	}
	t := r.Teams[i] // a copy: the reference date may differ from the team's
	t.OnsiteStart = ref
	for _, h := range c.Team(p, r, &t) {
		if h.Binds(role) {
			hits = append(hits, h)
		}
	}
	for _, m := range t.Members {
		for _, h := range c.Pair(p, sn.Person(m.Person)) {
			h.Team = t.Name
			h.Overridden = c.Overridden(r.Code, h)
			hits = append(hits, h)
		}
	}
	names = map[string]string{}
	for _, h := range hits {
		if h.Unit != "" {
			names[h.Unit] = h.Unit + " " + sn.UnitName(h.Unit)
		}
		if h.Other != "" {
			if o := sn.Person(h.Other); o != nil {
				names[h.Other] = o.Name + "（" + h.Other + "）"
			}
		}
	}
	return hits, names, nil
}
