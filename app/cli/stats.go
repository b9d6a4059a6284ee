package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/stats"
)

// runStats is `xuncha stats`: the statistics of SPEC §12.2 for a term,
// optionally a year and a jurisdiction — as JSON, a workbook, an A4 PDF
// report, the year's report upward (年度汇报, .docx or .pdf), or a summary
// on the terminal.
func runStats(env *Env, args []string) error {
	fs := newFlags(env, "stats")
	db := fs.String("db", "", "数据库文件")
	term := fs.String("term", "", "届期编码")
	yearS := fs.String("year", "", "年度（进驻开始在该年的轮次）")
	county := fs.String("county", "", "县区编码（被巡察单位所在县区）")
	todayS := fs.String("today", "", "统计日，2006-01-02（默认今天）")
	jsonOut := fs.String("json", "", "写出 JSON 的文件（- 为标准输出）")
	xlsx := fs.String("xlsx", "", "写出统计工作簿")
	pdf := fs.String("pdf", "", "写出 A4 统计报表（含图表）")
	report := fs.String("report", "", "写出年度汇报（.docx 或 .pdf，须给出 --year）")
	err := parseFlagsOnly(fs, args, need{term, "--term 届期编码"})
	if err != nil {
		return err
	}
	sc := stats.Scope{Term: *term, County: *county, Today: civil.Today()}
	if *yearS != "" {
		if sc.Year, err = strconv.Atoi(*yearS); err != nil || sc.Year < 1900 || sc.Year > 9999 {
			return usagef("--year %q 不是年份", *yearS)
		}
	}
	if *report != "" && sc.Year == 0 {
		return usagef("--report 年度汇报须给出 --year")
	}
	if *todayS != "" {
		if sc.Today, err = civil.Parse(*todayS); err != nil {
			return usagef("--today: %v", err)
		}
	}
	svc, err := env.openWriting(*db, app.PermRead, *jsonOut, *xlsx, *pdf, *report)
	if err != nil {
		return err
	}
	defer svc.Close()
	rep, err := svc.ExportStats(sc, *xlsx, *pdf)
	if err != nil {
		return err
	}
	for _, f := range []string{*xlsx, *pdf} {
		if f != "" {
			fmt.Fprintf(env.Stdout, "已写入 %s\n", f)
		}
	}
	if *report != "" {
		if err := svc.AnnualReport(sc, *report); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写入 %s\n", *report)
	}
	switch *jsonOut {
	case "":
		if *xlsx == "" && *pdf == "" && *report == "" {
			printStats(env, rep)
		}
		return nil
	}
	return writeStatsJSON(env, rep, *jsonOut)
}

// writeStatsJSON writes the figures as indented JSON to path ("-":
// standard output).
func writeStatsJSON(env *Env, rep *stats.Report, path string) error {
	if path == "-" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(append(b, '\n'))
		return err
	}
	if err := writeJSON(path, rep); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已写入 %s\n", path)
	return nil
}

// printStats writes the figures as a summary.
func printStats(env *Env, rep *stats.Report) {
	w := env.Stdout
	fmt.Fprintf(w, "统计：届期 %s", rep.Term)
	if rep.Year != 0 {
		fmt.Fprintf(w, "，%d 年", rep.Year)
	}
	if rep.County != "" {
		fmt.Fprintf(w, "，县区 %s", rep.County)
	}
	fmt.Fprintf(w, "，统计日 %s\n", rep.Today)
	fmt.Fprintf(w, "  轮次 %d，巡察组 %d，被巡察单位 %d；届内覆盖 %d/%d（%s）\n", rep.Rounds, rep.Teams, rep.UnitsInspected,
		rep.Coverage.Covered, rep.Coverage.Required, stats.Percent(rep.Coverage.Rate))
	p := rep.People
	fmt.Fprintf(w, "  编入 %d 人次（%d 人），专职 %d 人次；新提拔干部参加 %d 人，尚欠轮次 %d 人\n", p.Placements, p.Distinct, p.FullTime,
		p.NewlyPromotedServed, p.Owing)
	r := rep.Rectification
	fmt.Fprintf(w, "  问题 %d（立行立改 %d）；整改措施 %d：已完成 %d，已销号 %d，逾期 %d，整改率 %s\n", rep.Findings.Total,
		rep.Findings.OnTheSpot, r.Items, r.Done, r.Closed, r.Overdue, stats.Percent(r.Rate))
	c := rep.Clues
	fmt.Fprintf(w, "  线索 %d：立案 %d 人，处分 %d 人，移送司法 %d 人\n", c.Total, c.CasesOpened, c.Sanctioned, c.ToJudiciary)
}
