package auth

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

func TestMain(m *testing.M) {
	UseTestCost()
	os.Exit(m.Run())
}

func openDB(t *testing.T) *gorm.DB {
	t.Helper()
	db, err := model.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { model.Close(db) })
	return db
}

// office has an admin 王主任, a clerk 小李 and a leader 张书记.
func office(t *testing.T) *gorm.DB {
	t.Helper()
	db := openDB(t)
	if err := CreateFirstAdmin(db, "王主任", "admin-pass-1"); err != nil {
		t.Fatal(err)
	}
	for _, u := range [][2]string{{"小李", vocab.UserClerk}, {"张书记", vocab.UserLeader}} {
		if err := AddUser(db, "王主任", u[0], u[1], u[0]+"-pass-1"); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)

func TestPermissionTable(t *testing.T) {
	want := map[Permission]string{ // roles allowed: 管 经 领
		PermRead: "管经领", PermEdit: "管经", PermImport: "管经", PermAssign: "管经", PermApprove: "领",
		PermSettings: "管", PermUsers: "管", PermBackup: "管经领", PermRestore: "管", PermAudit: "管领",
		PermConfirmEval: "领", PermHandleDecl: "领", PermReview: "管领", PermClues: "管",
	}
	for _, p := range Permissions {
		for _, role := range Roles {
			exp := strings.Contains(want[p], role[:3])
			if got := Allowed(role, p); got != exp {
				t.Errorf("Allowed(%s, %s) = %v, want %v", role, p, got, exp)
			}
		}
		if Allowed("访客", p) {
			t.Errorf("unknown role allowed %s", p)
		}
	}
	if got := Granted(vocab.UserLeader); len(got) != 7 {
		t.Errorf("领导 granted %v", got)
	}
}

func TestFirstAdmin(t *testing.T) {
	cases := []struct {
		name       string
		first      func(db *gorm.DB) error
		wantErr    error
		wantUsers  bool
		secondErr  error
		secondCall func(db *gorm.DB) error
	}{
		{"首个用户为管理员", func(db *gorm.DB) error { return CreateFirstAdmin(db, "王主任", "admin-pass-1") }, nil, true,
			ErrHasUsers, func(db *gorm.DB) error { return CreateFirstAdmin(db, "赵", "admin-pass-2") }},
		{"首个用户不能是经办人", func(db *gorm.DB) error { return AddUser(db, "", "小李", vocab.UserClerk, "clerk-pass-1") }, ErrFirstAdmin, false,
			nil, nil},
		{"无操作人不能在已有用户时新增", func(db *gorm.DB) error { return CreateFirstAdmin(db, "王主任", "admin-pass-1") }, nil, true,
			ErrHasUsers, func(db *gorm.DB) error { return AddUser(db, "", "小李", vocab.UserClerk, "clerk-pass-1") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			if has, _ := HasUsers(db); has {
				t.Fatal("fresh database has users")
			}
			if err := c.first(db); !errors.Is(err, c.wantErr) {
				t.Fatalf("first: %v, want %v", err, c.wantErr)
			}
			if has, _ := HasUsers(db); has != c.wantUsers {
				t.Fatalf("HasUsers = %v", has)
			}
			if c.secondCall != nil {
				if err := c.secondCall(db); !errors.Is(err, c.secondErr) {
					t.Fatalf("second: %v, want %v", err, c.secondErr)
				}
			}
		})
	}
}

func TestLoginLockout(t *testing.T) {
	db := office(t)
	if a, err := Login(db, "小李", "小李-pass-1", t0); err != nil || a.Role != vocab.UserClerk {
		t.Fatalf("right password: %+v %v", a, err)
	}
	if _, err := Login(db, "无此人", "whatever-1", t0); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("unknown user: %v", err)
	}
	for i := 1; i < MaxFailures; i++ {
		if _, err := Login(db, "小李", "wrong-pass", t0); !errors.Is(err, ErrBadLogin) {
			t.Fatalf("failure %d: %v", i, err)
		}
	}
	var le *LockedError
	if _, err := Login(db, "小李", "wrong-pass", t0); !errors.As(err, &le) {
		t.Fatalf("fifth failure should lock: %v", err)
	}
	if !strings.Contains(le.Error(), "已锁定") || !le.Until.Equal(t0.Add(LockFor)) {
		t.Fatalf("lock message %q until %v", le.Error(), le.Until)
	}
	if _, err := Login(db, "小李", "小李-pass-1", t0.Add(14*time.Minute)); !errors.As(err, &le) {
		t.Fatalf("right password while locked: %v", err)
	}
	if _, err := Login(db, "小李", "小李-pass-1", t0.Add(LockFor)); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
	var actions []string
	db.Model(&model.AuditEntry{}).Where("key = ?", "小李").Order("id").Pluck("action", &actions)
	want := "新增用户 登录 登录失败 登录失败 登录失败 登录失败 锁定 登录"
	if got := strings.Join(actions, " "); got != want {
		t.Fatalf("audit actions\n got %s\nwant %s", got, want)
	}
	if ps, err := audit.Verify(db); err != nil || len(ps) != 0 {
		t.Fatalf("audit chain: %v %v", ps, err)
	}
}

func TestFailuresResetBySuccess(t *testing.T) {
	db := office(t)
	for i := 0; i < MaxFailures-1; i++ {
		Login(db, "小李", "wrong-pass", t0)
	}
	if _, err := Login(db, "小李", "小李-pass-1", t0); err != nil {
		t.Fatal(err)
	}
	if _, err := Login(db, "小李", "wrong-pass", t0); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("one failure after a success must not lock: %v", err)
	}
}

func TestAccountAdministration(t *testing.T) {
	var denied *DeniedError
	cases := []struct {
		name string
		do   func(db *gorm.DB) error
		ok   func(err error) bool
	}{
		{"管理员新增领导", func(db *gorm.DB) error {
			return AddUser(db, "王主任", "刘部长", vocab.UserLeader, "leader-pass-2")
		}, isNil},
		{"经办人不能新增用户", func(db *gorm.DB) error { return AddUser(db, "小李", "小赵", vocab.UserClerk, "clerk-pass-2") }, asDenied(&denied)},
		{"领导不能改角色", func(db *gorm.DB) error { return SetRole(db, "张书记", "小李", vocab.UserAdmin, nil) }, asDenied(&denied)},
		{"未知操作人", func(db *gorm.DB) error { return SetRole(db, "冒名", "小李", vocab.UserAdmin, nil) }, is(ErrNotSignedIn)},
		{"重名", func(db *gorm.DB) error { return AddUser(db, "王主任", "小李", vocab.UserClerk, "clerk-pass-2") }, is(ErrUserExists)},
		{"无效角色", func(db *gorm.DB) error { return AddUser(db, "王主任", "小赵", "主任", "clerk-pass-2") }, asBadRole},
		{"密码过短", func(db *gorm.DB) error { return AddUser(db, "王主任", "小赵", vocab.UserClerk, "short") }, is(ErrShortPassword)},
		{"密码过长", func(db *gorm.DB) error {
			return AddUser(db, "王主任", "小赵", vocab.UserClerk, strings.Repeat("密", 25))
		}, is(ErrLongPassword)},
		{"密码同用户名", func(db *gorm.DB) error { return AddUser(db, "王主任", "zhaoxiao1", vocab.UserClerk, "zhaoxiao1") }, is(ErrNameAsPass)},
		{"用户名含空格", func(db *gorm.DB) error { return AddUser(db, "王主任", "小 赵", vocab.UserClerk, "clerk-pass-2") }, is(ErrNameChars)},
		{"唯一管理员不能降级", func(db *gorm.DB) error { return SetRole(db, "王主任", "王主任", vocab.UserClerk, nil) }, is(ErrLastAdmin)},
		{"不能删除自己", func(db *gorm.DB) error { return RemoveUser(db, "王主任", "王主任") }, is(ErrRemoveSelf)},
		{"删除经办人", func(db *gorm.DB) error { return RemoveUser(db, "王主任", "小李") }, isNil},
		{"删除不存在的用户", func(db *gorm.DB) error { return RemoveUser(db, "王主任", "无此人") }, is(ErrNoSuchUser)},
		{"有第二名管理员后可降级", func(db *gorm.DB) error {
			if err := SetRole(db, "王主任", "小李", vocab.UserAdmin, nil); err != nil {
				return err
			}
			return SetRole(db, "小李", "王主任", vocab.UserLeader, nil)
		}, isNil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := office(t)
			if err := c.do(db); !c.ok(err) {
				t.Fatalf("unexpected result: %v", err)
			}
		})
	}
}

func TestPasswords(t *testing.T) {
	db := office(t)
	for i := 0; i < MaxFailures; i++ {
		Login(db, "小李", "wrong-pass", t0)
	}
	if err := ResetPassword(db, "小李", "小李", "new-pass-22"); err == nil {
		t.Fatal("a clerk reset a password")
	}
	if err := ResetPassword(db, "王主任", "小李", "new-pass-22"); err != nil {
		t.Fatal(err)
	}
	if _, err := Login(db, "小李", "new-pass-22", t0); err != nil {
		t.Fatalf("reset password should unlock: %v", err)
	}
	if err := ChangePassword(db, "小李", "not-the-old", "newer-pass-3", t0); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("change with a wrong old password: %v", err)
	}
	if err := ChangePassword(db, "小李", "new-pass-22", "newer-pass-3", t0); err != nil {
		t.Fatal(err)
	}
	if _, err := Login(db, "小李", "newer-pass-3", t0); err != nil {
		t.Fatal(err)
	}
	var n int64
	db.Model(&model.AuditEntry{}).Where("before LIKE ? OR after LIKE ?", "%$2a$%", "%$2a$%").Count(&n)
	if n != 0 {
		t.Fatalf("%d audit entries hold a password hash", n)
	}
	var u model.User
	db.First(&u, "name = ?", "小李")
	if !strings.HasPrefix(u.PasswordHash, "$2a$") || strings.Contains(u.PasswordHash, "newer") {
		t.Fatalf("stored password is not a bcrypt hash: %q", u.PasswordHash)
	}
}

func TestUsersList(t *testing.T) {
	db := office(t)
	for i := 0; i < MaxFailures; i++ {
		Login(db, "张书记", "wrong-pass", t0)
	}
	us, err := Users(db)
	if err != nil || len(us) != 3 {
		t.Fatalf("%v %v", us, err)
	}
	for _, u := range us {
		if u.Locked(t0) != (u.Name == "张书记") {
			t.Errorf("%s locked = %v", u.Name, u.Locked(t0))
		}
	}
	if err := Unlock(db, "王主任", "张书记"); err != nil {
		t.Fatal(err)
	}
	if a, _ := Lookup(db, "张书记"); a.Locked(t0) {
		t.Fatal("still locked after Unlock")
	}
}

func isNil(err error) bool { return err == nil }

func is(target error) func(error) bool { return func(err error) bool { return errors.Is(err, target) } }

func asDenied(d **DeniedError) func(error) bool {
	return func(err error) bool { return errors.As(err, d) && strings.Contains(err.Error(), "无权") }
}

func asBadRole(err error) bool {
	var b *BadRoleError
	return errors.As(err, &b)
}

// 线索管理 is a 管理员's by role and anyone else's only by grant; only a
// 管理员 grants it, and the grant is audited.
func TestClueRightGrant(t *testing.T) {
	db := office(t)
	clerk, _ := Lookup(db, "小李")
	if AccountAllowed(clerk, PermClues) {
		t.Fatal("a clerk has 线索管理 without a grant")
	}
	if err := SetClueRight(db, "小李", "张书记", true, nil); err == nil {
		t.Error("a clerk granted 线索管理")
	}
	if err := SetClueRight(db, "王主任", "小李", true, nil); err != nil {
		t.Fatal(err)
	}
	clerk, _ = Lookup(db, "小李")
	if !AccountAllowed(clerk, PermClues) || AccountAllowed(clerk, PermReview) {
		t.Errorf("after the grant: clues %v, review %v", AccountAllowed(clerk, PermClues), AccountAllowed(clerk, PermReview))
	}
	if err := SetClueRight(db, "王主任", "小李", false, nil); err != nil {
		t.Fatal(err)
	}
	if clerk, _ = Lookup(db, "小李"); AccountAllowed(clerk, PermClues) {
		t.Error("revoked right still allowed")
	}
	var n int64
	db.Model(&model.AuditEntry{}).Where("action IN ?", []string{"授予线索管理", "收回线索管理"}).Count(&n)
	if n != 2 {
		t.Errorf("%d audit entries for grant and revoke, want 2", n)
	}
}
