package app

import (
	"errors"
	"testing"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/app/workbook"

	"gorm.io/gorm"

	"xuncha/app/auth"
	"xuncha/model"
)

// Write is the one door every change goes through: a 领导 is refused even
// by service methods that never ask for a right themselves.
func TestWriteChecksTheRightOfEveryChange(t *testing.T) {
	clerk, _ := plantRecusal(t)
	leader := as(clerk, "李主任", vocab.UserLeader)
	nobody := &Service{DB: clerk.DB, User: "路人"}
	round := model.Round{Code: "2026-2", TermCode: "T1", Name: "第二轮", Mode: vocab.ModeMixed,
		OnsiteStart: "2026-09-01", OnsiteEnd: "2026-09-30"}
	for _, tc := range []struct {
		name string
		svc  *Service
		do   func(s *Service) error
		ok   bool
	}{
		{"领导不能新建轮次", leader, func(s *Service) error { return s.SaveRound(round) }, false},
		{"未登录不能新建轮次", nobody, func(s *Service) error { return s.SaveRound(round) }, false},
		{"经办人可以新建轮次", clerk, func(s *Service) error { return s.SaveRound(round) }, true},
		{"领导不能新建巡察组", leader, func(s *Service) error {
			_, _, err := s.AddTeam("2026-1", "第二巡察组", []string{"U01"})
			return err
		}, false},
		{"经办人不能改设置", clerk, func(s *Service) error { return s.SaveSetting("calendar", map[string]int{"x": 1}) }, false},
		{"领导不能导入工作簿", leader, func(s *Service) error {
			_, err := s.ImportWorkbook([]string{"不存在.xlsx"}, workbook.Options{})
			return err
		}, false},
		{"领导不能导入", leader, func(s *Service) error {
			return s.Write(auditEntry("导入"), func(*gorm.DB) error { return nil })
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do(tc.svc)
			if tc.ok && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !tc.ok {
				var denied *auth.DeniedError
				if err == nil || !(errors.As(err, &denied) || errors.Is(err, auth.ErrNotSignedIn)) {
					t.Fatalf("err = %v, want a refusal", err)
				}
			}
		})
	}
}

func auditEntry(action string) audit.Entry { return audit.Entry{Action: action, Entity: "测试"} }
