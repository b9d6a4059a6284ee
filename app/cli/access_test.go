package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xuncha/app/auth"
	"xuncha/app/backup"
	"xuncha/internal/testworld"
	"xuncha/model"
)

func init() { auth.UseTestCost() }

// accountsDB is a database file with a 管理员 王主任, a 经办人 小李 and a
// 领导 张书记, created through the commands.
func accountsDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "xuncha.db")
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Create(&model.County{Code: "C01", Name: "安平县"})
	model.Close(db)
	t.Setenv(NewPasswordEnv, "admin-pass-1")
	mustRun(t, "user", "add", "--db", path, "--name", "王主任", "--role", "管理员")
	t.Setenv(PasswordEnv, "admin-pass-1")
	for _, u := range [][2]string{{"小李", "经办人"}, {"张书记", "领导"}} {
		t.Setenv(NewPasswordEnv, u[0]+"-pass-1")
		mustRun(t, "user", "add", "--db", path, "--user", "王主任", "--name", u[0], "--role", u[1])
	}
	return path
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("xuncha %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func TestFirstAccountByCommand(t *testing.T) {
	path := testworld.File(t, "new.db")
	t.Setenv(NewPasswordEnv, "clerk-pass-1")
	_, errs, code := runCLI(t, "user", "add", "--db", path, "--name", "小李", "--role", "经办人")
	if code != 1 || !strings.Contains(errs, "第一个用户必须是管理员") {
		t.Fatalf("first account a clerk: %d %s", code, errs)
	}
	// Before any account the database is open: backups need no --user.
	mustRun(t, "backup", "--db", path)
}

func TestCommandRights(t *testing.T) {
	path := accountsDB(t)
	cases := []struct {
		name, user, pass string
		args             []string
		code             int
		want             string
	}{
		{"未给用户", "", "", []string{"backup", "--db", path}, 1, "请用 --user"},
		{"密码错误", "小李", "wrong-pass", []string{"backup", "--db", path}, 1, "用户名或密码错误"},
		{"经办人备份", "小李", "小李-pass-1", []string{"backup", "--db", path}, 0, "已备份到"},
		{"经办人不能管理用户", "小李", "小李-pass-1", []string{"user", "list", "--db", path}, 1, "无权管理用户"},
		{"经办人不能看审计日志", "小李", "小李-pass-1", []string{"audit", "verify", "--db", path}, 1, "无权查看审计日志"},
		{"领导校验审计日志", "张书记", "张书记-pass-1", []string{"audit", "verify", "--db", path}, 0, "审计日志完整"},
		{"领导不能恢复", "张书记", "张书记-pass-1", []string{"restore", "--db", path, "--newest"}, 1, "无权恢复备份"},
		{"管理员列出用户", "王主任", "admin-pass-1", []string{"user", "list", "--db", path}, 0, "张书记  领导"},
		{"--user= 写法", "", "admin-pass-1", []string{"user", "list", "--user=王主任", "--db", path}, 0, "小李"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(PasswordEnv, c.pass)
			args := c.args
			if c.user != "" {
				args = append([]string{args[0], "--user", c.user}, args[1:]...)
			}
			out, errs, code := runCLI(t, args...)
			if code != c.code || !strings.Contains(out+errs, c.want) {
				t.Fatalf("exit %d, want %d with %q\n%s%s", code, c.code, c.want, out, errs)
			}
		})
	}
}

func TestPasswordFromTerminal(t *testing.T) {
	path := accountsDB(t)
	os.Unsetenv(PasswordEnv)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("小李-pass-1\n")
	w.Close()
	var out, errb strings.Builder
	env := &Env{Stdout: &out, Stderr: &errb, Stdin: r, User: "小李"}
	if err := runBackup(env, []string{"--db", path}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "用户 小李 的密码：") {
		t.Fatalf("no prompt: %q", errb.String())
	}
}

func TestAuditVerifyCatchesEdit(t *testing.T) {
	path := accountsDB(t)
	t.Setenv(PasswordEnv, "admin-pass-1")
	mustRun(t, "audit", "verify", "--db", path, "--user", "王主任")
	db, _ := model.Open(path)
	db.Model(&model.AuditEntry{}).Where("key = ?", "小李").Where("action = ?", "新增用户").
		Update("after", `{"角色":"管理员"}`)
	model.Close(db)
	out, errs, code := runCLI(t, "audit", "verify", "--db", path, "--user", "王主任")
	if code != 1 || !strings.Contains(out, "内容与其哈希不符") || !strings.Contains(errs, "1 处异常") {
		t.Fatalf("edited entry not caught: %d\n%s%s", code, out, errs)
	}
	out = mustRun(t, "audit", "list", "--db", path, "--user", "王主任", "--action", "新增用户")
	if !strings.Contains(out, "共 3 条") {
		t.Fatalf("list: %s", out)
	}
	xlsx := filepath.Join(t.TempDir(), "audit.xlsx")
	out = mustRun(t, "audit", "export", "--db", path, "--user", "王主任", "--by", "王主任", xlsx)
	if !strings.Contains(out, "已导出") {
		t.Fatalf("export: %s", out)
	}
}

func TestRestoreByCommand(t *testing.T) {
	path := accountsDB(t)
	t.Setenv(PasswordEnv, "admin-pass-1")
	mustRun(t, "backup", "--db", path, "--user", "王主任")
	db, _ := model.Open(path)
	db.Create(&model.County{Code: "C02", Name: "备份后新增"})
	model.Close(db)

	// A sound database: a 管理员 restores the newest backup.
	out := mustRun(t, "restore", "--db", path, "--user", "王主任", "--newest")
	if !strings.Contains(out, "已从") || countCounties(t, path) != 1 {
		t.Fatalf("restore: %s", out)
	}

	// A damaged database: restored without signing in.
	b, _ := os.ReadFile(path)
	copy(b[len(b)/2:], strings.Repeat("损坏", len(b)/12))
	os.WriteFile(path, b, 0o600)
	if r := backup.CheckAtStart(path); r.OK() {
		t.Fatal("damage not found")
	}
	os.Unsetenv(PasswordEnv)
	out, errs, code := runCLI(t, "restore", "--db", path, "--newest")
	if code != 0 || !strings.Contains(errs, "已损坏") || !strings.Contains(out, "损坏的数据库保留为") {
		t.Fatalf("restore of a damaged file: %d\n%s%s", code, out, errs)
	}
	if r := backup.CheckAtStart(path); !r.OK() || countCounties(t, path) != 1 {
		t.Fatalf("after restore: %v", r.Damage)
	}
}

func countCounties(t *testing.T, path string) int64 {
	t.Helper()
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	var n int64
	db.Model(&model.County{}).Count(&n)
	return n
}

func TestPackageCommands(t *testing.T) {
	src := plantCheckDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "安平.xpkg")
	t.Setenv("PKG_PASS", "两地共用的数据包口令")
	got := mustRun(t, "package", "export", "--db", src, "--county", "C01", "--passphrase-env", "PKG_PASS", out)
	if !strings.Contains(got, "已加密") || !strings.Contains(got, "人员 2") {
		t.Fatalf("export: %s", got)
	}
	dst := filepath.Join(dir, "city.db")
	got = mustRun(t, "package", "import", "--db", dst, "--preview", "--passphrase-env", "PKG_PASS", out)
	if !strings.Contains(got, "人员：将新增 2") || !strings.Contains(got, "未导入") {
		t.Fatalf("preview: %s", got)
	}
	if countCounties(t, dst) != 0 {
		t.Fatal("the preview wrote")
	}
	got = mustRun(t, "package", "import", "--db", dst, "--passphrase-env", "PKG_PASS", out)
	if !strings.Contains(got, "人员：已新增 2") {
		t.Fatalf("import: %s", got)
	}
	t.Setenv("PKG_PASS", "猜的口令")
	_, errs, code := runCLI(t, "package", "import", "--db", dst, "--passphrase-env", "PKG_PASS", out)
	if code != 1 || !strings.Contains(errs, "口令错误") {
		t.Fatalf("wrong passphrase: %d %s", code, errs)
	}
	b, _ := os.ReadFile(out)
	os.WriteFile(out, b[:len(b)-10], 0o600)
	_, errs, code = runCLI(t, "package", "import", "--db", dst, "--passphrase-env", "PKG_PASS", out)
	if code != 1 || !strings.Contains(errs, "截断") {
		t.Fatalf("truncated: %d %s", code, errs)
	}
}

// TestAuditListSummaries: xuncha audit list says what each entry changed,
// as the viewer's table does.
func TestAuditListSummaries(t *testing.T) {
	path := accountsDB(t)
	t.Setenv(PasswordEnv, "admin-pass-1")
	mustRun(t, "user", "role", "--db", path, "--user", "王主任", "--name", "小李", "--role", "领导")
	out := mustRun(t, "audit", "list", "--db", path, "--user", "王主任", "--entity", "用户")
	for _, want := range []string{"变更", "新：角色：经办人", "用户 小李　角色：经办人 → 领导"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}
