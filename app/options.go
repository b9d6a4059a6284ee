package app

// The choices the forms and screens offer in combo boxes and pickers.

import (
	"fmt"
	"sort"
	"strings"

	"xuncha/model"
)

// Option is a choice in a combo box: a code and its name.
type Option struct {
	Code, Name string
}

// Label is how an option shows in a list: "C01 城关区".
func (o Option) Label() string {
	if o.Name == "" {
		return o.Code
	}
	return o.Code + " " + o.Name
}

// CodeOfLabel returns the code at the start of a label written by Label
// (or of a bare code a clerk typed).
func CodeOfLabel(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t　"); i >= 0 {
		return s[:i]
	}
	return s
}

// TeamOption is a team of a round, as the service-record list offers it.
type TeamOption struct {
	ID                     uint
	Round, RoundName, Team string
	OnsiteStart, OnsiteEnd string
}

// Label is how the team shows in a list: "2026-1 第一巡察组".
func (t TeamOption) Label() string { return t.Round + " " + t.Team }

// TeamOptions lists every team of every round, newest round first.
func (s *Service) TeamOptions() ([]TeamOption, error) {
	var rounds []model.Round
	var teams []model.Team
	if err := s.DB.Order("code").Find(&rounds).Error; err != nil {
		return nil, fmt.Errorf("读取轮次失败: %w", err)
	}
	if err := s.DB.Order("round_code, seq, name").Find(&teams).Error; err != nil {
		return nil, fmt.Errorf("读取巡察组失败: %w", err)
	}
	rs := make(map[string]model.Round, len(rounds))
	for _, r := range rounds {
		rs[r.Code] = r
	}
	out := make([]TeamOption, 0, len(teams))
	for _, t := range teams {
		r := rs[t.RoundCode]
		o := TeamOption{ID: t.ID, Round: t.RoundCode, RoundName: r.Name, Team: t.Name, OnsiteStart: t.OnsiteStart, OnsiteEnd: t.OnsiteEnd}
		if o.OnsiteStart == "" {
			o.OnsiteStart, o.OnsiteEnd = r.OnsiteStart, r.OnsiteEnd
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return rs[out[i].Round].OnsiteStart > rs[out[j].Round].OnsiteStart })
	return out, nil
}
