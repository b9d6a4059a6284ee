package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/ledger"
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
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("多余的参数 %v", pos)
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
	if err := writeFileAtomic(*jsonOut, b); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已写入 %s\n", *jsonOut)
	return nil
}

// writeFileAtomic writes b to path through a temporary file in the same
// folder and a rename: the file is whole or not there.
func writeFileAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(b)
	if err := f.Sync(); werr == nil {
		werr = err
	}
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("写入 %s 失败: %w", path, werr)
	}
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
