// Package cli is the headless face of 巡察统筹: the subcommands that import,
// check, assign, export and back up without a display. Messages are in
// Chinese with an English line after them; the exit code is 0 on success,
// 1 when the work failed, 2 on bad usage.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"xuncha/app"
	"xuncha/app/auth"
	"xuncha/app/backup"
	"xuncha/app/outfile"
	"xuncha/model"
)

// Version is the program's version, set by the build (-ldflags -X).
var Version = "0.1.0"

// command is one subcommand.
type command struct {
	usage string // the synopsis after "xuncha "
	help  string // one line in Chinese
	run   func(env *Env, args []string) error
}

// commands lists the subcommands by name.
func commands() map[string]command {
	return map[string]command{
		"version":  {"version", "显示版本 (show the version)", runVersion},
		"demo":     {"demo --db F [--scale city|province]", "生成演示数据 (create demo data)", runDemo},
		"template": {"template book.xlsx", "生成空白导入模板 (write an empty import workbook)", runTemplate},
		"import":   {"import --db F [--valid-only|--check] [--errors errors.xlsx] book.xlsx|sheet.csv …", "导入工作簿 (import a workbook)", runImport},
		"export":   {"export --db F [--county C] [--pool P] people|units|all out.xlsx (people|units out.csv)", "导出名单；.csv 为 Excel 可直接打开的 CSV (export lists)", runExport},
		"check":    {"check --db F (--person P (--unit U | --round R --team T) [--role R] [--date D] | --round R [--roster] [--focus] [--json out.json])", "回避检查 (recusal check)", runCheck},
		"calendar": {"calendar --db F [--term T] [--today 2026-11-21] [--json out.json] [--xlsx out.xlsx [--round R]]", "巡察日历：覆盖、轮次状态与冲突 (calendar: coverage, round status, conflicts)", runCalendar},
		"backup":   {"backup --db F [--to backup.db | --list]", "备份数据库：到备份文件夹（轮换保留）或指定文件 (back up the database)", runBackup},
		"restore":  {"restore --db F (--from backup.db | --newest)", "从备份恢复数据库 (restore the database from a backup)", runRestore},
		"user":     {"user add|list|role|passwd|unlock|remove|grant|revoke --db F [--name N] [--role 管理员|经办人|领导] [--clue]", "管理用户账户；grant/revoke --clue 授予或收回线索管理权限 (manage user accounts)", runUser},
		"unitbook": {"unitbook export --db F --round R --unit U out.xlsx | unitbook import --db F [--preview] in.xlsx", "单位整改填报：导出给被巡察单位填写，导入前预览每处变更 (the unit's round trip)", runUnitBook},
		"ledger":   {"ledger --db F [--round R] [--today 2026-06-01] [--json out.json]", "整改台账：整改率、逾期整改、线索与整改报告 (the rectification ledger)", runLedger},
		"package":  {"package export --db F --county C01,C02 [--passphrase-env VAR | --encrypt] out.xpkg | package import --db F [--preview] [--passphrase-env VAR] in.xpkg", "数据包：在巡察办之间交换县区数据 (data packages between offices)", runPackage},
		"migrate":  {"migrate --from F|URL --to F|URL", "迁移：把数据库整体复制到服务器（或从服务器复制到文件），逐表核对 (move a database to a server or back)", runMigrate},
		"audit":    {"audit verify|list|export --db F [--by U] [--action A] [--entity E] [--key K] [--from D] [--to D] [out.xlsx]", "审计日志：校验、查询、导出 (audit log: verify, list, export)", runAudit},

		// assignment (编组) and the witnessed draw
		"assign":      {"assign --db F --round R [--mode 混合编组|成建制交叉|本县] [--seed S] [--json out.json] [--save] [--draw 现场数值 --record record.json] [--suggest 组名/角色[/人员编号]]", "编组：跨县交叉编组、现场随机抽取或某一位置的候选替换 (fill the teams of a round)", runAssign},
		"draw-verify": {"draw-verify record.json", "核验随机抽取记录 (replay a witnessed draw)", runDrawVerify},
		"draw-print":  {"draw-print [--db F] record.json out.pdf", "打印随机抽取记录 (the draw record as a printable PDF)", runDrawPrint},
		"roster":      {"roster --db F --round R [--pdf out.pdf] [--xlsx out.xlsx]", "编组名单：每组一页的 A4 PDF 和工作簿 (the saved roster as PDF and xlsx)", runRoster},

		// the people over the years
		"resume":    {"resume --db F --person P [--pdf out.pdf] [--xlsx out.xlsx]", "巡察履历：历次巡察、角色、鉴定和培训 (a person's service record)", runResume},
		"poolstats": {"poolstats --db F [--day D] [--term T] [--county C] [--xlsx out.xlsx]", "人员库统计：县区、人员库、特长、年龄段、职级、推荐单位 (pool statistics)", runPoolStats},
		"owing":     {"owing --db F [--today D] [--json out.json] [--xlsx out.xlsx]", "新提拔干部尚欠的巡察轮次及期限 (newly promoted cadres who owe rounds)", runOwing},

		// documents and statistics
		"doc":   {"doc --db F --round R [--kind 公告|通知|告知书|反馈意见|整改通知书|移交函|鉴定表|督办通知|综合情况] [--team T] [--unit U] [--person P] [--today D] --out DIR [--pdf] [--zip]", "文书：公告、通知、回避告知书、反馈意见、整改通知书、移交函、鉴定表、督办通知（.docx，可加 PDF）(the documents of a round)", runDoc},
		"stats": {"stats --db F --term T [--year Y] [--county C] [--today D] [--json out.json] [--xlsx out.xlsx] [--pdf out.pdf] [--report 年度汇报.docx]", "统计报表：覆盖、人员、问题、整改、线索；年度汇报 (statistics and the year's report)", runStats},
	}
}

// Env is what a subcommand works with.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          *os.File // where passwords are typed; nil: os.Stdin
	User           string   // --user, taken from any command's arguments
}

// UsageError is bad usage: exit code 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, a ...any) error { return &UsageError{fmt.Sprintf(format, a...)} }

// IsCommand reports whether args name a subcommand (rather than GUI flags).
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	_, ok := commands()[args[0]]
	return ok || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || !strings.HasPrefix(args[0], "-")
}

// Run runs the subcommand args[0] and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout, cmds)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "未知命令 %q\nunknown command %q\n\n", args[0], args[0])
		printUsage(stderr, cmds)
		return 2
	}
	rest, user, err := takeUser(args[1:])
	if err == nil {
		env.User = user
		err = c.run(env, rest)
	}
	if err == nil {
		return 0
	}
	var ue *UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "用法错误: %s\nusage: xuncha %s\n", ue.Msg, c.usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "错误: %v\nerror: xuncha %s failed\n", err, args[0])
	return 1
}

func printUsage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "巡察统筹 — 用法 (usage):")
	fmt.Fprintln(w, "  xuncha [--db F]            打开图形界面 (open the window)")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  xuncha %-60s %s\n", cmds[n].usage, cmds[n].help)
	}
	fmt.Fprintln(w, "--db 可以是文件，也可以是数据库服务器地址 postgres://用户@主机:5432/库名（密码取自环境变量 "+model.PasswordEnv+"、PostgreSQL 密码文件，或在终端输入）。")
	fmt.Fprintln(w, "数据库设有用户时，命令需 --user 用户名；密码取自环境变量 "+PasswordEnv+"，否则在终端输入。")
	fmt.Fprintln(w, "(When the database has accounts, commands need --user NAME; the password comes from "+PasswordEnv+" or the terminal.)")
}

// newFlags returns a flag set for subcommand name whose errors go to env.
func newFlags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parse parses args, turning flag errors into usage errors. Flags may come
// before or after the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// need is a flag a command cannot do without: its value and how a usage
// error names it ("--round 轮次编码").
type need struct {
	value *string
	what  string
}

// parseFlagsOnly parses args for a command that takes flags only: a
// positional argument is a usage error, and so is a missing flag of needs
// (the first missing one is named).
func parseFlagsOnly(fs *flag.FlagSet, args []string, needs ...need) error {
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("多余的参数 %q", pos[0])
	}
	for _, n := range needs {
		if *n.value == "" {
			return usagef("缺少 %s", n.what)
		}
	}
	return nil
}

// CLIUser is the name the audit log records for a command run on a
// database without accounts; no account may take it.
const CLIUser = auth.CLIUser

// openDB opens the database named by --db (or the default one), after
// putting right what an interrupted restore left beside it. Only create
// (demo and the imports) makes a new database where there is none: for
// any other command a mistyped path is an error, not a new empty file.
func (env *Env) openDB(path string, create bool) (*app.Service, error) {
	if path == "" {
		path = model.DefaultPath()
	}
	if app.IsServer(path) {
		return env.openServer(path, create)
	}
	note, err := backup.Recover(path)
	if err != nil {
		return nil, err
	}
	if note != "" {
		fmt.Fprintln(env.Stderr, note)
	}
	open := app.OpenExisting
	if create {
		open = app.Open
	}
	svc, err := open(path, CLIUser)
	if errors.Is(err, model.ErrMissing) {
		return nil, fmt.Errorf("数据库文件 %s 不存在或为空，请检查 --db 的路径（新建数据库请用 demo 或 import 命令）(no database at --db)", path)
	}
	return svc, err
}

// newDatabase returns what undoes the creation of the database at path
// (the default one for ""), for a command that may make it (import,
// package import): when there was no database there before, the file and
// the files SQLite and the lock keep beside it are removed, so that an
// import refused whole, or a preview, leaves no empty database behind. Where
// a database already was, it does nothing. Call it after the service is
// closed.
func newDatabase(path string) (undo func()) {
	if path == "" {
		path = model.DefaultPath()
	}
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		return func() {}
	}
	return func() {
		for _, s := range []string{"", "-wal", "-shm", "-journal", "-lock"} {
			os.Remove(path + s)
		}
	}
}

// outputs refuses, before any work is done, an output path of a command
// that is a database (the one --db names included, under any spelling, or
// a file SQLite keeps beside it), one of the command's inputs, or another
// of its outputs. Empty paths and "-" (standard output) pass.
func outputs(db string, inputs []string, outs ...string) error {
	if db == "" {
		db = model.DefaultPath()
	}
	read := append([]string{db}, inputs...)
	for i, out := range outs {
		if out == "" || out == "-" {
			continue
		}
		if err := outfile.Check(out, read...); err != nil {
			return err
		}
		for _, other := range outs[i+1:] {
			if other != "" && samePath(out, other) {
				return usagef("两个输出文件相同：%s", out)
			}
		}
		for _, in := range read {
			if samePath(out, in) {
				return fmt.Errorf("%s 是本命令读取的文件，不能用作输出文件", out)
			}
		}
	}
	return nil
}

// samePath reports whether a and b name one file, compared by identity
// when both exist and by their absolute, cleaned names otherwise.
func samePath(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if runtime.GOOS == "windows" { // names are case-insensitive there
		return strings.EqualFold(aa, ab)
	}
	return aa == ab
}

func runVersion(env *Env, args []string) error {
	fmt.Fprintf(env.Stdout, "巡察统筹 xuncha %s (数据库结构版本 %d)\n", Version, model.SchemaVersion)
	return nil
}

// runBackup backs the database up into the backup folder (rotated) or to
// the file --to names, or lists the backups with their state.
func runBackup(env *Env, args []string) error {
	fs := newFlags(env, "backup")
	db := fs.String("db", "", "数据库文件")
	to := fs.String("to", "", "备份文件（不给则写入备份文件夹，并按设置轮换保留）")
	list := fs.Bool("list", false, "列出备份文件夹中的备份并逐个检查")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *list {
		return listBackups(env, *db)
	}
	svc, err := env.openWriting(*db, app.PermBackup, *to)
	if err != nil {
		return err
	}
	defer svc.Close()
	if *to != "" {
		if err := svc.BackupTo(*to); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已备份到 %s\n", *to)
		return nil
	}
	f, err := svc.BackupNow()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s\n", f.Path)
	return nil
}
