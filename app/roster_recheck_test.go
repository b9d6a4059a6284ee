package app

import (
	"slices"
	"strings"
	"testing"
	"xuncha/internal/testworld"

	"xuncha/app/assign"
	"xuncha/app/vocab"
	"xuncha/model"
)

// memberIn returns the code of the first member of res in role.
func memberIn(t *testing.T, res *assign.Result, role string) string {
	t.Helper()
	for _, m := range res.Teams[0].Members {
		if m.Role == role {
			return m.Person
		}
	}
	t.Fatalf("no %s in %+v", role, res.Teams[0].Members)
	return ""
}

// TestSaveAssignmentRechecks computes a roster, then changes the data as
// another clerk or an import may in the minutes before the roster is
// saved: saving refuses, names the member and the reason, and writes
// nothing.
func TestSaveAssignmentRechecks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(s *Service, res *assign.Result) (who string)
		want   string
	}{
		{"组长已出库", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleLeader)
			s.DB.Model(&model.Person{}).Where("code = ?", who).Update("status", vocab.StatusRemoved)
			return who
		}, "状态为出库"},
		{"成员已暂停", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleMember)
			s.DB.Model(&model.Person{}).Where("code = ?", who).Update("status", vocab.StatusSuspended)
			return who
		}, "状态为暂停"},
		{"组长移出组长库", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleLeader)
			s.DB.Model(&model.Person{}).Where("code = ?", who).Update("in_leader_pool", false)
			return who
		}, "不在“组长”可用的人员库中"},
		{"联络员改为本县人员", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleLiaison)
			s.DB.Model(&model.Person{}).Where("code = ?", who).Update("home_county_code", "C01")
			return who
		}, "R4"},
		{"成员申报回避", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleMember)
			s.DB.Create(&model.Declaration{PersonCode: who, UnitCode: "U01", Reason: "曾在该镇挂职"})
			return who
		}, "R5"},
		{"两名成员为近亲属", func(s *Service, res *assign.Result) string {
			a, b := memberIn(t, res, vocab.RoleLeader), memberIn(t, res, vocab.RoleLiaison)
			s.DB.Create(&model.Relative{PersonCode: a, Name: "某", Relation: "配偶", RelativePerson: b})
			return a
		}, "R6"},
		{"人员已删除", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleMember)
			s.DB.Delete(&model.Person{}, "code = ?", who)
			return who
		}, "已不在人员库中"},
		{"巡察组增加了单位", func(s *Service, res *assign.Result) string {
			s.DB.Create(&model.Unit{Code: "U02", Name: "安平县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan})
			s.DB.Create(&model.TeamUnit{TeamID: 1, RoundCode: "2026-1", UnitCode: "U02"})
			return "U02"
		}, "被巡察单位已变为 U01、U02"},
		{"轮次新增巡察组", func(s *Service, res *assign.Result) string {
			s.DB.Create(&model.Team{RoundCode: "2026-1", Name: "第二巡察组", Seq: 2})
			return "第二巡察组"
		}, "新增了巡察组"},
		{"一人两个名额", func(s *Service, res *assign.Result) string {
			who := memberIn(t, res, vocab.RoleMember)
			res.Teams[0].Members = append(res.Teams[0].Members, assign.Member{Person: who, Role: vocab.RoleMember})
			return who
		}, "每人每轮只能编入一个巡察组"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := assignService(t)
			res, err := s.Assign("2026-1", "", "1")
			if err != nil {
				t.Fatal(err)
			}
			who := tc.change(s, res)
			err = s.SaveAssignment(res)
			if err == nil {
				t.Fatal("saved")
			}
			if msg := err.Error(); !strings.Contains(msg, who) || !strings.Contains(msg, tc.want) || english(msg) {
				t.Fatalf("error %q, want a Chinese message naming %s and %q", msg, who, tc.want)
			}
			var members, entries int64
			s.DB.Model(&model.TeamMember{}).Count(&members)
			s.DB.Model(&model.AuditEntry{}).Where("action = ?", "编组").Count(&entries)
			if members != 0 || entries != 0 {
				t.Fatalf("a refused save wrote %d members, %d audit entries", members, entries)
			}
		})
	}
}

// TestSaveAssignmentOverride: a hard hit that an approved override lifts
// does not stop the save; one still awaiting approval does.
func TestSaveAssignmentOverride(t *testing.T) {
	s := assignService(t)
	res, err := s.Assign("2026-1", "", "1")
	if err != nil {
		t.Fatal(err)
	}
	who := memberIn(t, res, vocab.RoleMember)
	s.DB.Create(&model.Declaration{PersonCode: who, UnitCode: "U01", Reason: "曾在该镇挂职"})
	o := model.Override{TeamID: 1, PersonCode: who, Rule: "R5", UnitCode: "U01", Reason: "挂职已满五年",
		EnteredBy: "测试", EnteredAt: "2026-02-01 09:00:00"}
	s.DB.Create(&o)
	if err := s.SaveAssignment(res); err == nil || !strings.Contains(err.Error(), "R5") {
		t.Fatalf("saved under an override awaiting approval: %v", err)
	}
	s.DB.Model(&o).Updates(map[string]any{"approver": "王局长", "approved_at": "2026-02-02 10:00:00"})
	if err := s.SaveAssignment(res); err != nil {
		t.Fatalf("refused under an approved override: %v", err)
	}
}

// TestSaveAssignmentR4Override: a member of the inspected county in a role
// that must come from elsewhere (R4, 可豁免 by default) is saved under an
// approved R4 override — for the team's unit or for the whole team — and
// refused while the override is pending, after it was refused (驳回) and
// after it was withdrawn (撤销).
func TestSaveAssignmentR4Override(t *testing.T) {
	for _, tc := range []struct {
		name, unit string
		decide     func(leader *Service, id uint) error
		saves      bool
	}{
		{"批准（本单位）", "U01", func(l *Service, id uint) error { return l.ApproveOverride(id, "李主任") }, true},
		{"批准（全组）", "", func(l *Service, id uint) error { return l.ApproveOverride(id, "李主任") }, true},
		{"待批", "U01", func(*Service, uint) error { return nil }, false},
		{"驳回", "U01", func(l *Service, id uint) error { return l.RefuseOverride(id, "本县人员不宜任联络员") }, false},
		{"批准后撤销", "", func(l *Service, id uint) error {
			if err := l.ApproveOverride(id, "李主任"); err != nil {
				return err
			}
			return l.WithdrawOverride(id, "已另选联络员")
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := assignService(t)
			testworld.Plant(t, s.DB, &model.User{Name: "李主任", Role: vocab.UserLeader, PasswordHash: "x"},
				&model.User{Name: "小王", Role: vocab.UserClerk, PasswordHash: "x"})
			clerk, leader := as(s, "小王", vocab.UserClerk), as(s, "李主任", vocab.UserLeader)
			res, err := clerk.Assign("2026-1", "", "1")
			if err != nil {
				t.Fatal(err)
			}
			who := memberIn(t, res, vocab.RoleLiaison)
			s.DB.Model(&model.Person{}).Where("code = ?", who).Update("home_county_code", "C01")
			if err := clerk.RequestOverride(1, who, "R4", tc.unit, "该同志长期在外县工作，与被巡察单位无工作往来"); err != nil {
				t.Fatal(err)
			}
			pending, _ := clerk.PendingOverrides()
			if len(pending) != 1 {
				t.Fatalf("pending = %+v", pending)
			}
			if err := tc.decide(leader, pending[0].ID); err != nil {
				t.Fatal(err)
			}
			in, _, err := clerk.AssignInstance("2026-1", "", "1")
			if err != nil {
				t.Fatal(err)
			}
			if lifted := slices.Contains(in.Lifted, assign.Lift{Person: who, Team: "第一巡察组"}); lifted != tc.saves {
				t.Fatalf("the 编组 screen's check sees the locality lifted: %v (%+v)", lifted, in.Lifted)
			}
			err = clerk.SaveAssignment(res)
			switch {
			case tc.saves && err != nil:
				t.Fatalf("refused under an approved R4 override: %v", err)
			case !tc.saves && (err == nil || !strings.Contains(err.Error(), "R4") || !strings.Contains(err.Error(), who)):
				t.Fatalf("saved (or refused for another reason) without an override in force: %v", err)
			}
		})
	}
}
