package app

import (
	"strings"
	"testing"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

func bulkWorld(t *testing.T) *Service {
	t.Helper()
	db := testworld.DB(t, &model.County{Code: "C01", Name: "城关区"},
		&[]model.Person{
			{Code: "P1", Name: "张一", HomeCountyCode: "C01", Status: vocab.StatusActive},
			{Code: "P2", Name: "李二", HomeCountyCode: "C01", Status: vocab.StatusActive},
			{Code: "P3", Name: "王三", HomeCountyCode: "C01", Status: vocab.StatusSuspended},
		})
	return &Service{DB: db, User: "经办人甲"}
}

func statuses(t *testing.T, s *Service) string {
	t.Helper()
	var ps []model.Person
	must(t, s.DB.Order("code").Find(&ps).Error)
	var out []string
	for _, p := range ps {
		out = append(out, p.Code+p.Status)
	}
	return strings.Join(out, " ")
}

func TestSetPeopleStatus(t *testing.T) {
	s := bulkWorld(t)
	n, err := s.SetPeopleStatus([]string{"P2", "P1", "P3", "P1"}, vocab.StatusSuspended)
	if err != nil || n != 2 {
		t.Fatalf("changed %d: %v", n, err)
	}
	if got := statuses(t, s); got != "P1暂停 P2暂停 P3暂停" {
		t.Errorf("after: %s", got)
	}
	var e model.AuditEntry
	must(t, s.DB.Order("id desc").First(&e).Error)
	want := "人员 3 人　P1 张一 状态：在库 → 暂停、P2 李二 状态：在库 → 暂停"
	if got := audit.Ledger(e); got != want {
		t.Errorf("ledger %q\nwant   %q", got, want)
	}
	if strings.Contains(e.Before, "P3") {
		t.Errorf("P3, already 暂停, is in the log: %s", e.Before)
	}
	// A code that names nobody: nothing changes.
	if _, err := s.SetPeopleStatus([]string{"P1", "P9"}, vocab.StatusActive); err == nil || !strings.Contains(err.Error(), "P9 不存在") {
		t.Fatalf("unknown code: %v", err)
	}
	if _, err := s.SetPeopleStatus([]string{"P1"}, "休假"); err == nil {
		t.Error("a status not in the vocabulary was taken")
	}
	if got := statuses(t, s); got != "P1暂停 P2暂停 P3暂停" {
		t.Errorf("after refusals: %s", got)
	}
}

func TestSetPeopleStatusNeedsEdit(t *testing.T) {
	s := bulkWorld(t)
	must(t, s.CreateFirstAdmin("王主任", "admin-pass-1"))
	must(t, s.AddUser("周书记", vocab.UserLeader, "leader-pass-1"))
	must(t, s.Login("周书记", "leader-pass-1"))
	if _, err := s.SetPeopleStatus([]string{"P1"}, vocab.StatusSuspended); err == nil {
		t.Error("a 领导 changed statuses")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
