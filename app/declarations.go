package app

// The service methods of 回避申报 beyond the person form (SPEC §10.3): a
// 领导's decision that a declaration does not bind (不予回避), and the data
// of the 回避告知书 and 回避事项申报表 handed to each member of a saved
// roster.

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/recusal"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
)

// actionHandleDecl is the audit action of a 领导's 处理 of a 回避申报.
const actionHandleDecl = "申报处理"

// HandleDeclaration records a 领导's decision on person's declaration about
// unit: handling vocab.NotRecused (不予回避: examined and rejected; it gives
// no hit) with the reason, or "" to make it bind again. The signed-in
// leader is recorded as 处理人.
func (s *Service) HandleDeclaration(person, unit, handling, reason string) error {
	if err := s.Require(PermHandleDecl); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case handling != "" && handling != vocab.NotRecused:
		return fmt.Errorf("处理 %q 无效（应为 %s 或空）", handling, vocab.NotRecused)
	case handling == vocab.NotRecused && reason == "":
		return errors.New("不予回避须写明处理理由")
	case utf8.RuneCountInString(reason) > 256:
		return errors.New("处理理由不能超过256字")
	}
	var d model.Declaration
	if err := s.DB.Where("person_code = ? AND unit_code = ?", person, unit).Limit(1).Find(&d).Error; err != nil {
		return fmt.Errorf("读取回避申报失败: %w", err)
	}
	if d.ID == 0 {
		return fmt.Errorf("人员 %s 对单位 %s 的回避申报%w", person, unit, ErrNotFound)
	}
	after := d
	after.Handling, after.Handler, after.HandlingReason = handling, s.User, reason
	if handling == "" {
		after.Handler, after.HandlingReason = "", ""
	}
	e := audit.Entry{Action: actionHandleDecl, Entity: "回避申报", Key: person + "/" + unit, Before: d, After: after}
	return s.Write(e, func(tx *gorm.DB) error {
		res := tx.Model(&model.Declaration{}).Where("id = ? AND reason = ?", d.ID, d.Reason).
			Updates(map[string]any{"handling": after.Handling, "handler": after.Handler, "handling_reason": after.HandlingReason})
		if res.Error != nil {
			return fmt.Errorf("保存回避申报失败: %w", res.Error)
		}
		if res.RowsAffected != 1 {
			return errors.New("回避申报已被他人修改，请刷新后重试")
		}
		return nil
	})
}

// Notice is what the 回避告知书 and the pre-filled 回避事项申报表 of one
// member of a saved roster hold (SPEC §10.3, §12.1): the member, the team
// and its units, every 提示 the program found for the member on the team
// (soft hits, and hard ones lifted by an approved override, marked), the
// training warning when it is on, and the member's own declarations about
// the team's units with their handling.
type Notice struct {
	Round, RoundName, Team string
	Units                  []Option // the team's units, by code
	Person, Name, Role     string
	HomeCounty             string // name
	Unit, Post             string // current unit (name) and post
	Hints                  []NoticeHint
	Declarations           []model.Declaration
}

// NoticeHint is one 提示 of a notice: the rule (R-code, or 培训), its name,
// the unit ("" when it concerns none), and the evidence.
type NoticeHint struct {
	Rule, RuleName, Unit, Reason string
	Overridden                   bool // a hard hit lifted by an approved override
}

// RecusalNotices returns the notice of every member of the saved roster of
// round, by team order and then roster order.
func (s *Service) RecusalNotices(round string) ([]Notice, error) {
	if err := s.Require(PermRead); err != nil {
		return nil, err
	}
	c, sn, r, err := s.roundChecker(round)
	if err != nil {
		return nil, err
	}
	return s.noticesOf(c, sn, r)
}

// noticesOf returns the notices of the members of round r, checked by c
// over the snapshot sn.
func (s *Service) noticesOf(c *recusal.Checker, sn *snap.Snapshot, r *snap.Round) ([]Notice, error) {
	tw, err := s.TrainingSettings()
	if err != nil {
		return nil, err
	}
	byKey := map[string][]recusal.Hit{}
	for _, h := range c.Roster(r) {
		byKey[h.Team+"/"+h.Person] = append(byKey[h.Team+"/"+h.Person], h)
	}
	var out []Notice
	for _, t := range sortedRoundTeams(r) {
		var units []Option
		for _, u := range t.UnitCodes() {
			units = append(units, Option{Code: u, Name: sn.UnitName(u)})
		}
		for _, m := range t.Members {
			p := sn.Person(m.Person)
			if p == nil {
				continue
			}
			n := Notice{Round: r.Code, RoundName: r.Name, Team: t.Name, Units: units, Person: p.Code, Name: p.Name,
				Role: m.Role, HomeCounty: sn.CountyName(p.HomeCounty), Unit: sn.UnitName(p.CurrentUnit), Post: p.Post}
			if p.CurrentUnit == "" {
				n.Unit = ""
			}
			for _, h := range byKey[t.Name+"/"+p.Code] {
				if h.Severity == recusal.Soft || (h.Severity == recusal.Hard && h.Overridden) {
					n.Hints = append(n.Hints, NoticeHint{Rule: h.Rule, RuleName: recusal.RuleName(h.Rule), Unit: h.Unit,
						Reason: h.Reason, Overridden: h.Overridden})
				}
			}
			if why := tw.Untrained(p, r.Start(t)); why != "" {
				n.Hints = append(n.Hints, NoticeHint{Rule: RuleTraining, RuleName: RuleTraining, Reason: why})
			}
			if n.Declarations, err = s.declarationsOn(p.Code, units); err != nil {
				return nil, err
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// declarationsOn reads person's declarations about the given units.
func (s *Service) declarationsOn(person string, units []Option) ([]model.Declaration, error) {
	codes := make([]string, len(units))
	for i, u := range units {
		codes[i] = u.Code
	}
	var ds []model.Declaration
	if err := s.DB.Where("person_code = ? AND unit_code IN ?", person, codes).Order("unit_code").Find(&ds).Error; err != nil {
		return nil, fmt.Errorf("读取回避申报失败: %w", err)
	}
	return ds, nil
}

// sortedRoundTeams returns the teams of r by seq, then name.
func sortedRoundTeams(r *snap.Round) []*snap.Team {
	out := make([]*snap.Team, len(r.Teams))
	for i := range r.Teams {
		out[i] = &r.Teams[i]
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].Seq < out[j-1].Seq || out[j].Seq == out[j-1].Seq && out[j].Name < out[j-1].Name); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
