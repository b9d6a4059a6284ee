package app

import (
	"errors"
	"path/filepath"
	"testing"

	"xuncha/app/audit"
	"xuncha/app/auth"
	"xuncha/app/backup"
	"xuncha/app/datapkg"
	"xuncha/app/vocab"
	"xuncha/model"
)

func init() { auth.UseTestCost() }

// officeService opens a database file with three accounts and returns a
// service signed in as each role, sharing the one database.
func officeService(t *testing.T) (map[string]*Service, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "xuncha.db")
	admin, err := Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	admin.DB.Create(&model.County{Code: "C01", Name: "安平县"})
	if err := admin.CreateFirstAdmin("王主任", "admin-pass-1"); err != nil {
		t.Fatal(err)
	}
	for _, u := range [][2]string{{"小李", vocab.UserClerk}, {"张书记", vocab.UserLeader}} {
		if err := admin.AddUser(u[0], u[1], u[0]+"-pass-1"); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*Service{vocab.UserAdmin: admin}
	for _, u := range [][2]string{{"小李", vocab.UserClerk}, {"张书记", vocab.UserLeader}} {
		s := &Service{DB: admin.DB}
		if err := s.Login(u[0], u[0]+"-pass-1"); err != nil {
			t.Fatal(err)
		}
		out[u[1]] = s
	}
	return out, path
}

// roleActions are the actions whose rights differ by role, each done
// through the service as the GUI does; allowed lists the roles that may.
var roleActions = []struct {
	name    string
	allowed string // 管 经 领
	do      func(s *Service) error
}{
	{"管理用户：新增经办人", "管", func(s *Service) error { return s.AddUser("新人"+s.User, vocab.UserClerk, "newbie-pass-1") }},
	{"管理用户：列出账户", "管", func(s *Service) error { _, err := s.Accounts(); return err }},
	{"修改备份设置", "管", func(s *Service) error { return s.SaveBackupSettings(backup.Settings{Keep: 3}) }},
	{"立即备份", "管经领", func(s *Service) error { _, err := s.BackupNow(); return err }},
	{"查看审计日志", "管领", func(s *Service) error { _, err := s.AuditLog(audit.Filter{Limit: 5}); return err }},
	{"导出审计日志", "管领", func(s *Service) error {
		_, err := s.ExportAudit(audit.Filter{}, filepath.Join(filepath.Dir(mustPath(s)), s.User+".xlsx"))
		return err
	}},
	{"校验审计日志", "管领", func(s *Service) error { _, err := s.VerifyAudit(); return err }},
	{"导出数据包", "管经领", func(s *Service) error {
		_, err := s.ExportPackage([]string{"C01"}, "", filepath.Join(filepath.Dir(mustPath(s)), s.User+".xpkg"))
		return err
	}},
	{"导入数据包", "管经", func(s *Service) error {
		dir := filepath.Dir(mustPath(s))
		path := filepath.Join(dir, s.User+"-in.xpkg")
		if _, err := datapkg.Export(s.DB, []string{"C01"}, "", path); err != nil {
			return err
		}
		_, err := s.ImportPackage(path, "")
		return err
	}},
}

func mustPath(s *Service) string {
	p, _ := s.Path()
	return p
}

func roleMark(role string) string { return role[:3] }

func TestRoleActions(t *testing.T) {
	svcs, _ := officeService(t)
	for _, a := range roleActions {
		for _, role := range auth.Roles {
			t.Run(a.name+"/"+role, func(t *testing.T) {
				err := a.do(svcs[role])
				want := containsMark(a.allowed, role)
				var denied *auth.DeniedError
				switch {
				case want && err != nil:
					t.Fatalf("%s refused: %v", role, err)
				case !want && !errors.As(err, &denied):
					t.Fatalf("%s not refused: %v", role, err)
				}
			})
		}
	}
}

func containsMark(allowed, role string) bool {
	for i := 0; i+3 <= len(allowed); i += 3 {
		if allowed[i:i+3] == roleMark(role) {
			return true
		}
	}
	return false
}

func TestNotSignedIn(t *testing.T) {
	svcs, _ := officeService(t)
	anon := &Service{DB: svcs[vocab.UserAdmin].DB, User: "命令行"}
	for _, a := range roleActions {
		if err := a.do(anon); !errors.Is(err, auth.ErrNotSignedIn) {
			t.Errorf("%s without signing in: %v", a.name, err)
		}
	}
	forged := &Service{DB: anon.DB, User: "冒名", Role: vocab.UserAdmin}
	if err := forged.Require(PermUsers); !errors.Is(err, auth.ErrNotSignedIn) {
		t.Errorf("an unknown user with a forged role: %v", err)
	}
	if err := anon.Login("小李", "wrong-pass"); !errors.Is(err, auth.ErrBadLogin) || anon.Role != "" {
		t.Errorf("bad login: %v, role %q", err, anon.Role)
	}
}

func TestOpenDatabaseAllowsAll(t *testing.T) {
	s, err := Open(":memory:", "命令行")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, p := range auth.Permissions {
		if err := s.Require(p); err != nil {
			t.Errorf("open database refused %s: %v", p, err)
		}
	}
	if err := s.AddUser("小李", vocab.UserClerk, "clerk-pass-1"); !errors.Is(err, auth.ErrFirstAdmin) {
		t.Fatalf("first account a clerk: %v", err)
	}
	if err := s.AddUser("王主任", vocab.UserAdmin, "admin-pass-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Require(PermRead); !errors.Is(err, auth.ErrNotSignedIn) {
		t.Fatalf("after the first account the database is closed: %v", err)
	}
}

func TestRoleChangeTakesEffect(t *testing.T) {
	svcs, _ := officeService(t)
	clerk := svcs[vocab.UserClerk]
	if err := clerk.Require(PermEdit); err != nil {
		t.Fatal(err)
	}
	if err := svcs[vocab.UserAdmin].SetUserRole("小李", vocab.UserLeader); err != nil {
		t.Fatal(err)
	}
	if err := clerk.Require(PermEdit); err == nil {
		t.Fatal("a demoted clerk still edits")
	}
	if err := svcs[vocab.UserAdmin].RemoveUser("小李"); err != nil {
		t.Fatal(err)
	}
	if err := clerk.Require(PermRead); !errors.Is(err, auth.ErrNotSignedIn) {
		t.Fatalf("a removed account still reads: %v", err)
	}
}

func TestRestoreRights(t *testing.T) {
	svcs, _ := officeService(t)
	admin := svcs[vocab.UserAdmin]
	f, err := admin.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	admin.DB.Create(&model.County{Code: "C99", Name: "备份后新增"})
	for _, role := range []string{vocab.UserClerk, vocab.UserLeader} {
		var denied *auth.DeniedError
		if err := svcs[role].Restore(f.Path); !errors.As(err, &denied) {
			t.Fatalf("%s restored: %v", role, err)
		}
	}
	if err := admin.Restore(f.Path); err != nil {
		t.Fatal(err)
	}
	var n int64
	admin.DB.Model(&model.County{}).Where("code = ?", "C99").Count(&n)
	if n != 0 || admin.Role != vocab.UserAdmin {
		t.Fatalf("after restore: C99 %d, role %q", n, admin.Role)
	}
	page, err := admin.AuditLog(audit.Filter{Action: "恢复"})
	if err != nil || page.Total != 1 || page.Entries[0].User != "王主任" {
		t.Fatalf("restore audit: %+v %v", page, err)
	}
	if ps, _ := admin.VerifyAudit(); len(ps) != 0 {
		t.Fatalf("chain after restore: %v", ps)
	}
}
