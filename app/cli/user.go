package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"xuncha/app"
	"xuncha/app/auth"
)

// The environment variables that carry passwords to the headless commands
// (for scripts; a person at a terminal is asked instead).
const (
	PasswordEnv    = "XUNCHA_PASSWORD"     // the password of --user
	NewPasswordEnv = "XUNCHA_NEW_PASSWORD" // the password of an account being created or reset
)

// takeUser removes "--user NAME" (or --user=NAME) from a command's
// arguments: every command accepts it, before or after its own flags.
func takeUser(args []string) ([]string, string, error) {
	var out []string
	user := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--user" || a == "-user":
			if i+1 >= len(args) {
				return nil, "", usagef("--user 后缺少用户名")
			}
			user = args[i+1]
			i++
		case strings.HasPrefix(a, "--user=") || strings.HasPrefix(a, "-user="):
			user = a[strings.IndexByte(a, '=')+1:]
		default:
			out = append(out, a)
		}
	}
	return out, user, nil
}

// openAs opens the database for a command that needs perm. A database with
// accounts asks for --user and its password (XUNCHA_PASSWORD, or typed at
// the terminal) and checks the right; a database without accounts (new, or
// the demo) stays open, so that first use and scripts work before the
// first 管理员 is created.
//
// A command that needs the right to import (demo, import, package import)
// may make a new database at path; every other one needs it to be there.
// openWriting is openAs for a command that writes the files outs (any
// may be "" or "-", the terminal): they are checked first (outputs), so
// that a bad output path is refused before the database is opened.
func (env *Env) openWriting(path string, perm app.Permission, outs ...string) (*app.Service, error) {
	if err := outputs(path, nil, outs...); err != nil {
		return nil, err
	}
	return env.openAs(path, perm)
}

func (env *Env) openAs(path string, perm app.Permission) (*app.Service, error) {
	svc, err := env.openDB(path, perm == app.PermImport)
	if err != nil {
		return nil, err
	}
	if err := env.login(svc); err != nil {
		svc.Close()
		return nil, err
	}
	if err := svc.Require(perm); err != nil {
		svc.Close()
		return nil, err
	}
	return svc, nil
}

// login signs env.User in when the database has accounts.
func (env *Env) login(svc *app.Service) error {
	has, err := svc.HasUsers()
	if err != nil || !has {
		return err
	}
	if env.User == "" {
		return errors.New("数据库已设用户，请用 --user 用户名 登录（密码取自环境变量 " + PasswordEnv + " 或在终端输入）")
	}
	pw, err := env.password(PasswordEnv, fmt.Sprintf("用户 %s 的密码：", env.User))
	if err != nil {
		return err
	}
	return svc.Login(env.User, pw)
}

// password returns the value of the environment variable name, or asks for
// it on the terminal.
func (env *Env) password(name, prompt string) (string, error) {
	if pw, ok := os.LookupEnv(name); ok {
		return pw, nil
	}
	in := env.Stdin
	if in == nil {
		in = os.Stdin
	}
	return auth.ReadPassword(in, env.Stderr, prompt)
}

// newPassword returns the password for an account being created or reset:
// XUNCHA_NEW_PASSWORD, or typed twice at the terminal.
func (env *Env) newPassword(name string) (string, error) {
	if pw, ok := os.LookupEnv(NewPasswordEnv); ok {
		return pw, nil
	}
	pw, err := env.password(NewPasswordEnv, fmt.Sprintf("%s 的新密码：", name))
	if err != nil {
		return "", err
	}
	again, err := env.password(NewPasswordEnv, "再输入一次：")
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", errors.New("两次输入的密码不一致")
	}
	return pw, nil
}

// runUser manages accounts: xuncha user add|list|role|passwd|unlock|remove.
func runUser(env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("缺少子命令 add、list、role、passwd、unlock、remove、grant 或 revoke")
	}
	sub, args := args[0], args[1:]
	fs := newFlags(env, "user "+sub)
	db := fs.String("db", "", "数据库文件")
	name := fs.String("name", "", "用户名")
	role := fs.String("role", "", "角色：管理员、经办人 或 领导")
	clue := fs.Bool("clue", false, "grant/revoke：线索管理权限")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	needName := sub != "list"
	if needName && *name == "" {
		return usagef("缺少 --name 用户名")
	}
	switch sub {
	case "add", "role":
		if *role == "" {
			return usagef("缺少 --role 管理员|经办人|领导")
		}
	case "grant", "revoke":
		if !*clue {
			return usagef("grant/revoke 须指明权限：--clue（线索管理）")
		}
	case "list", "passwd", "unlock", "remove":
	default:
		return usagef("未知的子命令 %q", sub)
	}
	if sub == "passwd" && *name == env.User {
		return changeOwnPassword(env, *db)
	}
	svc, err := env.openAs(*db, app.PermUsers)
	if err != nil {
		return err
	}
	defer svc.Close()
	switch sub {
	case "add":
		pw, err := env.newPassword(*name)
		if err != nil {
			return err
		}
		if err := svc.AddUser(*name, *role, pw); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已新增用户 %s（%s）\n", *name, *role)
	case "list":
		return listUsers(env, svc)
	case "role":
		if err := svc.SetUserRole(*name, *role); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "用户 %s 的角色已改为 %s\n", *name, *role)
	case "passwd":
		pw, err := env.newPassword(*name)
		if err != nil {
			return err
		}
		if err := svc.ResetPassword(*name, pw); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已重置用户 %s 的密码\n", *name)
	case "unlock":
		if err := svc.UnlockUser(*name); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已解锁用户 %s\n", *name)
	case "remove":
		if err := svc.RemoveUser(*name); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已删除用户 %s\n", *name)
	case "grant", "revoke":
		if err := svc.SetClueRight(*name, sub == "grant"); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已%s用户 %s 的线索管理权限\n", map[string]string{"grant": "授予", "revoke": "收回"}[sub], *name)
	}
	return nil
}

// changeOwnPassword lets --user replace their own password.
func changeOwnPassword(env *Env, db string) error {
	svc, err := env.openDB(db, false)
	if err != nil {
		return err
	}
	defer svc.Close()
	old, err := env.password(PasswordEnv, fmt.Sprintf("用户 %s 的原密码：", env.User))
	if err != nil {
		return err
	}
	if err := svc.Login(env.User, old); err != nil {
		return err
	}
	pw, err := env.newPassword(env.User)
	if err != nil {
		return err
	}
	if err := svc.ChangePassword(old, pw); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "用户 %s 的密码已修改\n", env.User)
	return nil
}

func listUsers(env *Env, svc *app.Service) error {
	us, err := svc.Accounts()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "用户\t角色\t线索管理\t状态")
	now := time.Now()
	for _, u := range us {
		state := "正常"
		if u.Locked(now) {
			state = "锁定至 " + u.LockedText()
		} else if u.FailedLogins > 0 {
			state = fmt.Sprintf("连续失败 %d 次", u.FailedLogins)
		}
		clue := "否"
		if auth.AccountAllowed(u, auth.PermClues) {
			clue = "是"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", u.Name, u.Role, clue, state)
	}
	return w.Flush()
}
