package app

import (
	"strings"
	"testing"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
)

func todoKinds(items []TodoItem) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Kind+"|"+it.Screen)
	}
	return strings.Join(out, " ")
}

// A 领导 has the requests to approve and the overdue reports; a 经办人 the
// overdue reports and the teams of a round soon on site with nobody on
// them.
func TestTodo(t *testing.T) {
	s := bulkCalendar(t)
	today := civil.MustParse("2026-08-25") // 2026-2 goes on site 2026-09-01
	// 2026-1's report was due 2026-05-20 + 60 days by default (2026-07-19).
	must(t, s.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, s.AddUser("周书记", vocab.UserLeader, "leader-pass-1"))
	must(t, s.AddUser("小李", vocab.UserClerk, "clerk-pass-1"))
	must(t, s.DB.Create(&model.Person{Code: "P1", Name: "张一", HomeCountyCode: "C01", Status: vocab.StatusActive}).Error)
	var team model.Team
	must(t, s.DB.Where("round_code = ?", "2026-2").First(&team).Error)
	must(t, s.RequestOverride(team.ID, "P1", "R4", "U0102", "业务往来"))

	must(t, s.Login("周书记", "leader-pass-1"))
	items, err := s.Todo(today)
	if err != nil {
		t.Fatal(err)
	}
	if got := todoKinds(items); got != "待批豁免|回避报告 整改报告逾期|总览" {
		t.Fatalf("领导's 待办: %s (%v)", got, items)
	}
	if !strings.Contains(items[1].Text, "甲县水利局 整改报告") || !strings.Contains(items[1].Text, "已逾期 37 天") {
		t.Errorf("overdue: %q", items[1].Text)
	}
	must(t, s.Login("小李", "clerk-pass-1"))
	items, err = s.Todo(today)
	if err != nil {
		t.Fatal(err)
	}
	if got := todoKinds(items); got != "整改报告逾期|总览 即将进驻未编组|编组" {
		t.Fatalf("经办人's 待办: %s", got)
	}
	if !strings.Contains(items[1].Text, "2026-2 第二轮 2026-09-01 进驻，1 个组尚未编组（第一巡察组）") {
		t.Errorf("unstaffed: %q", items[1].Text)
	}
	// Three weeks before, the round is not yet near.
	items, _ = s.Todo(civil.MustParse("2026-08-10"))
	if got := todoKinds(items); got != "整改报告逾期|总览" {
		t.Errorf("earlier: %s", got)
	}
}
