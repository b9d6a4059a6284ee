package cli

import (
	"encoding/json"
	"fmt"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/ledger"
	"xuncha/app/outfile"
)

// runLedger writes the rectification ledger of SPEC §9.3: per round the
// findings, items, their state and rate, the clues, and per unit its
// report; then everything overdue on --today. Without 线索管理 the clue
// figures are counts only: no clue is named in the overdue list.
func runLedger(env *Env, args []string) error {
	fs := newFlags(env, "ledger")
	db := fs.String("db", "", "数据库文件")
	round := fs.String("round", "", "轮次编码（默认：全部轮次）")
	todayS := fs.String("today", "", "以哪一天计算逾期与临期，2006-01-02（默认今天）")
	jsonOut := fs.String("json", "", "写出 JSON 的文件（- 为标准输出）")
	err := parseFlagsOnly(fs, args)
	if err != nil {
		return err
	}
	if err := outputs(*db, nil, *jsonOut); err != nil {
		return err
	}
	today := civil.Today()
	if *todayS != "" {
		if today, err = civil.Parse(*todayS); err != nil {
			return usagef("--today: %v", err)
		}
	}
	svc, err := env.openAs(*db, app.PermRead)
	if err != nil {
		return err
	}
	defer svc.Close()
	rep, err := svc.Ledger(*round, today)
	if err != nil {
		return err
	}
	if *jsonOut == "" {
		printLedger(env, rep)
		return nil
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if *jsonOut == "-" {
		_, err = env.Stdout.Write(b)
		return err
	}
	if err := outfile.WriteBytes(*jsonOut, b, outfile.Document); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已写入 %s\n", *jsonOut)
	return nil
}

// printLedger writes the ledger as a summary on stdout.
func printLedger(env *Env, rep ledger.Report) {
	w := env.Stdout
	fmt.Fprintf(w, "整改台账，统计日 %s\n", rep.Today)
	for _, r := range rep.Rounds {
		fmt.Fprintf(w, "  %s  问题 %d（立行立改 %d）  整改措施 %d：已完成 %d，已销号 %d，逾期 %d，临期 %d，整改率 %.2f%%  线索 %d（逾期 %d）\n",
			r.Round, r.Findings, r.OnTheSpot, r.Items, r.Done, r.Closed, r.Overdue, r.DueSoon, r.Rate*100, r.Clues, r.CluesOverdue)
	}
	fmt.Fprintf(w, "逾期（%d）：\n", len(rep.Overdue))
	for _, o := range rep.Overdue {
		fmt.Fprintf(w, "  [%s] %s 单位 %s 期限 %s 逾期 %d 天\n", o.Kind, o.Code, o.Unit, o.Due, o.Days)
	}
}

// runUnitBook is the unit's round trip: export one unit's items as the
// unit's workbook, and import the filled file (with --preview: only show
// every change, or why the file is refused).
func runUnitBook(env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "import") {
		return usagef("缺少子命令 export 或 import")
	}
	sub, args := args[0], args[1:]
	fs := newFlags(env, "unitbook "+sub)
	db := fs.String("db", "", "数据库文件")
	round := fs.String("round", "", "轮次编码（export）")
	unit := fs.String("unit", "", "单位编码（export）")
	preview := fs.Bool("preview", false, "import：只预览变更，不写入")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("须给出一个 xlsx 文件")
	}
	if sub == "export" {
		if *round == "" || *unit == "" {
			return usagef("export 须给出 --round 和 --unit")
		}
		svc, err := env.openWriting(*db, app.PermRead, pos[0])
		if err != nil {
			return err
		}
		defer svc.Close()
		n, err := svc.ExportUnitBook(*round, *unit, pos[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写入 %s（%d 条整改措施）\n", pos[0], n)
		return nil
	}
	perm := app.PermImport
	if *preview {
		perm = app.PermRead
	}
	svc, err := env.openAs(*db, perm)
	if err != nil {
		return err
	}
	defer svc.Close()
	var p *app.UnitBookPreview
	if *preview {
		p, err = svc.PreviewUnitBook(pos[0])
	} else {
		p, err = svc.ImportUnitBook(pos[0])
	}
	if err != nil {
		return err
	}
	printUnitPreview(env, p)
	switch {
	case !p.OK():
		return fmt.Errorf("单位整改填报表有 %d 处问题，未导入任何数据", len(p.Problems))
	case *preview:
		fmt.Fprintln(env.Stdout, "（预览，未写入）")
	case len(p.Changes) > 0:
		fmt.Fprintf(env.Stdout, "已导入 %d 处变更\n", len(p.Changes))
	}
	return nil
}

// printUnitPreview lists a unit file's changes or problems.
func printUnitPreview(env *Env, p *app.UnitBookPreview) {
	fmt.Fprintf(env.Stdout, "单位 %s %s，轮次 %s：变更 %d 处，未变 %d 条\n", p.Unit, p.UnitName, p.Round, len(p.Changes), p.Unchanged)
	for _, c := range p.Changes {
		fmt.Fprintf(env.Stdout, "  %s %s：“%s” → “%s”\n", c.Item, c.Field, c.Old, c.New)
	}
	if len(p.Missing) > 0 {
		fmt.Fprintf(env.Stdout, "  文件中没有（不变）：%v\n", p.Missing)
	}
	for _, pr := range p.Problems {
		fmt.Fprintf(env.Stderr, "  %s\n", pr)
	}
}
