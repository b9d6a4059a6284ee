package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"xuncha/app"
	"xuncha/app/audit"
)

// runAudit verifies, lists or exports the audit log:
// xuncha audit verify|list|export --db F [filters] [out.xlsx].
func runAudit(env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("缺少子命令 verify、list 或 export")
	}
	sub, args := args[0], args[1:]
	fs := newFlags(env, "audit "+sub)
	db := fs.String("db", "", "数据库文件")
	var f audit.Filter
	fs.StringVar(&f.User, "by", "", "操作人")
	fs.StringVar(&f.Action, "action", "", "操作（导入、修改、恢复 …）")
	fs.StringVar(&f.Entity, "entity", "", "对象（人员、单位 …）")
	fs.StringVar(&f.Key, "key", "", "编码包含")
	fs.StringVar(&f.From, "from", "", "起始日期 2026-03-01")
	fs.StringVar(&f.To, "to", "", "结束日期 2026-03-31")
	fs.IntVar(&f.Limit, "limit", 50, "list 最多显示条数（0 为全部）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case sub == "export" && len(pos) != 1:
		return usagef("export 需要一个输出文件 out.xlsx")
	case sub != "export" && len(pos) > 0:
		return usagef("多余的参数 %q", pos[0])
	case sub != "verify" && sub != "list" && sub != "export":
		return usagef("未知的子命令 %q", sub)
	}
	if err := f.Validate(); err != nil {
		return usagef("%v", err)
	}
	if sub == "export" {
		if err := outputs(*db, nil, pos[0]); err != nil {
			return err
		}
	}
	svc, err := env.openAs(*db, app.PermAudit)
	if err != nil {
		return err
	}
	defer svc.Close()
	switch sub {
	case "verify":
		return verifyAudit(env, svc)
	case "list":
		return listAudit(env, svc, f)
	}
	n, err := svc.ExportAudit(f, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出 %d 条审计记录到 %s\n", n, pos[0])
	return nil
}

// verifyAudit checks the chain; a broken chain is an error (exit 1) listing
// every entry found edited or cut out.
func verifyAudit(env *Env, svc *app.Service) error {
	ps, err := svc.VerifyAudit()
	if err != nil {
		return err
	}
	page, err := svc.AuditLog(audit.Filter{Limit: 1})
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		fmt.Fprintf(env.Stdout, "审计日志完整：共 %d 条，哈希链无断裂\n", page.Total)
		return nil
	}
	for _, p := range ps {
		fmt.Fprintln(env.Stdout, p.Message)
	}
	return fmt.Errorf("%s (audit chain broken)", audit.Summary(ps))
}

func listAudit(env *Env, svc *app.Service, f audit.Filter) error {
	page, err := svc.AuditLog(f)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "序号\t时间\t用户\t操作\t对象\t编码\t变更")
	for _, e := range page.Entries {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, audit.Shown(e.At), e.User, e.Action, e.Entity, e.Key, strings.ReplaceAll(audit.Ledger(e), "\n", " "))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "共 %d 条，显示 %d 条\n", page.Total, len(page.Entries))
	return nil
}
