package cli

import (
	"fmt"
	"text/tabwriter"

	"xuncha/app"
)

// openServer opens the server database dsn; when the server asks for a
// password that neither the URL, XUNCHA_DB_PASSWORD nor the PostgreSQL
// password file gave, it is asked for at the terminal (without echo) and
// kept in memory for this run only.
func (env *Env) openServer(dsn string, create bool) (*app.Service, error) {
	open := app.OpenExisting
	if create {
		open = app.Open
	}
	svc, err := open(dsn, CLIUser)
	if !app.NeedsPassword(err) {
		return svc, err
	}
	pw, perr := env.password("", fmt.Sprintf("数据库服务器 %s 的密码：", app.Redacted(dsn)))
	if perr != nil || pw == "" {
		return nil, err
	}
	app.RememberServerPassword(dsn, pw)
	return open(dsn, CLIUser)
}

// runMigrate copies a whole database into a new or empty one, a file to a
// server or a server to a file: xuncha migrate --from F|URL --to F|URL.
// It prints the rows of each table on both sides and fails unless both
// hold the same rows.
func runMigrate(env *Env, args []string) error {
	fs := newFlags(env, "migrate")
	from := fs.String("from", "", "源数据库（文件或 postgres:// 地址）")
	to := fs.String("to", "", "目标数据库（新建或空的文件，或服务器上的空库）")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return usagef("请给出 --from 和 --to")
	}
	if samePath(*from, *to) || app.Redacted(*from) == app.Redacted(*to) {
		return usagef("源和目标是同一个数据库")
	}
	svc, err := env.openAs(*from, app.PermBackup)
	if err != nil {
		return err
	}
	defer svc.Close()
	if app.IsServer(*to) {
		// the target's password, asked now if the server wants one
		t, err := env.openServer(*to, true)
		if err != nil {
			return err
		}
		t.Close()
	}
	counts, err := svc.MigrateTo(*to)
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "表\t源\t目标\t核对")
	for _, c := range counts {
		state := "一致"
		if !c.Same {
			state = "不一致"
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\n", c.Table, c.From, c.To, state)
	}
	w.Flush()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已迁移：%s → %s，%d 张表逐表核对一致\n", app.Redacted(*from), app.Redacted(*to), len(counts))
	return nil
}
