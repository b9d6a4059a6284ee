package cli

import (
	"fmt"
	"io"
	"strings"

	"xuncha/app"
	"xuncha/app/workbook"
)

// runImport is `xuncha import --db F [--valid-only|--check] [--errors
// errors.xlsx] files…`: it imports xlsx workbooks and CSV sheets, prints
// what each sheet did and every problem, and fails when problems kept it
// from writing. --check (仅检查) checks and counts without writing.
func runImport(env *Env, args []string) (err error) {
	fs := newFlags(env, "import")
	db := fs.String("db", "", "数据库文件")
	validOnly := fs.Bool("valid-only", false, "有错误时仍导入无误的行")
	check := fs.Bool("check", false, "仅检查：列出问题和将要新增、更新的行数，不写入")
	errs := fs.String("errors", "", "把问题清单写入此 xlsx 文件")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("缺少要导入的文件（.xlsx 或 .csv）")
	}
	if *check && *validOnly {
		return usagef("--check 与 --valid-only 不能同时使用")
	}
	if err := outputs(*db, files, *errs); err != nil {
		return err
	}
	undo := newDatabase(*db) // a check writes nothing: it leaves no new database either
	defer func() {
		if err != nil || *check {
			undo()
		}
	}()
	svc, err := env.openAs(*db, app.PermImport)
	if err != nil {
		return err
	}
	defer svc.Close()
	res, err := svc.ImportWorkbook(files, workbook.Options{ValidOnly: *validOnly, CheckOnly: *check})
	if err != nil {
		return err
	}
	printImport(env.Stdout, res)
	if *errs != "" && len(res.Problems) > 0 {
		if err := workbook.WriteProblems(*errs, res.Problems); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "问题清单已写入 %s\n", *errs)
	}
	switch {
	case *check && len(res.Problems) > 0:
		return fmt.Errorf("仅检查：发现 %d 个问题，未写入任何数据\n(check: %d problems, nothing written)", len(res.Problems), len(res.Problems))
	case *check:
		fmt.Fprintln(env.Stdout, "仅检查：没有发现问题，未写入任何数据；去掉 --check 即按上表导入")
	case len(res.Problems) > 0 && !*validOnly:
		return fmt.Errorf("发现 %d 个问题，未写入任何数据；改正后重新导入，或用 --valid-only 只导入无误的行\n"+
			"(import blocked: %d problems, nothing written)", len(res.Problems), len(res.Problems))
	case len(res.Problems) > 0:
		fmt.Fprintf(env.Stdout, "已导入无误的行；%d 个问题所在的行未导入\n", len(res.Problems))
	case res.Written:
		fmt.Fprintln(env.Stdout, "导入完成")
	default:
		fmt.Fprintln(env.Stdout, "数据与数据库一致，无需写入")
	}
	return nil
}

// printImport prints the per-sheet summary as a table, then the problems.
func printImport(w io.Writer, res *workbook.Result) {
	fmt.Fprintf(w, "%s      新增     更新     未变     拒绝\n", padCol("工作表", 8))
	for _, s := range res.Sheets {
		fmt.Fprintf(w, "%s  %8d %8d %8d %8d\n", padCol(s.Sheet, 8), s.Added, s.Updated, s.Unchanged, s.Rejected)
	}
	if len(res.Problems) == 0 {
		return
	}
	fmt.Fprintf(w, "问题 %d 个：\n", len(res.Problems))
	for _, p := range res.Problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
}

// padCol pads s to width columns, a Chinese character counting two.
func padCol(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-app.TextWidth(s)))
}
