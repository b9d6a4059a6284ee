package app

// Changes made to many people at once, from the 人员库's selection.

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// statusChange is a person's status before or after a change of many, as
// the audit log keeps it.
type statusChange struct {
	Code   string
	Name   string
	Status string
}

// SetPeopleStatus gives the people with codes the status (one of
// vocab.Statuses), in one transaction with one audit entry listing each
// person's status before and after. A code that names nobody refuses the
// whole change; people who have the status already are left as they are.
// It returns how many changed.
func (s *Service) SetPeopleStatus(codes []string, status string) (int, error) {
	if !slices.Contains(vocab.Statuses, status) {
		return 0, fmt.Errorf("状态 %q 无效（应为 %s）", status, strings.Join(vocab.Statuses, "、"))
	}
	codes = slices.Compact(slices.Sorted(slices.Values(codes)))
	if len(codes) == 0 {
		return 0, fmt.Errorf("没有选择人员")
	}
	var before, after []statusChange
	e := audit.Entry{Action: "修改", Entity: "人员", Key: fmt.Sprintf("%d 人", len(codes)), Before: &before, After: &after}
	n := 0
	err := s.Write(e, func(tx *gorm.DB) error {
		var people []model.Person
		if err := tx.Where("code IN ?", codes).Order("code").Find(&people).Error; err != nil {
			return fmt.Errorf("读取人员失败: %w", err)
		}
		if len(people) != len(codes) {
			return fmt.Errorf("人员 %s 不存在，未修改任何人", strings.Join(missingCodes(codes, people), "、"))
		}
		var change []string
		for _, p := range people {
			if p.Status == status {
				continue
			}
			before = append(before, statusChange{p.Code, p.Name, p.Status})
			after = append(after, statusChange{p.Code, p.Name, status})
			change = append(change, p.Code)
		}
		n = len(change)
		if n == 0 {
			return nil
		}
		return tx.Model(&model.Person{}).Where("code IN ?", change).Update("status", status).Error
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// missingCodes are the codes no person of people has.
func missingCodes(codes []string, people []model.Person) []string {
	var out []string
	for _, c := range codes {
		if !slices.ContainsFunc(people, func(p model.Person) bool { return p.Code == c }) {
			out = append(out, c)
		}
	}
	return out
}
