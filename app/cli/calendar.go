package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"xuncha/app"
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/outfile"
)

// runCalendar reports a term's calendar: coverage by category and county,
// each round with its stages and status, the conflicts and the pace
// warning — as JSON (--json), as an xlsx plan (--xlsx; with --round the
// round's schedule), or as a summary on stdout.
func runCalendar(env *Env, args []string) error {
	fs := newFlags(env, "calendar")
	db := fs.String("db", "", "数据库文件")
	term := fs.String("term", "", "届期编码（默认：今天所在的届期）")
	todayS := fs.String("today", "", "以哪一天计算状态与覆盖，2006-01-02（默认今天）")
	jsonOut := fs.String("json", "", "写出 JSON 报告的文件（- 为标准输出）")
	xlsxOut := fs.String("xlsx", "", "写出 xlsx：届期计划，或与 --round 一起为该轮日程")
	round := fs.String("round", "", "轮次编码（与 --xlsx 一起）")
	err := parseFlagsOnly(fs, args)
	if err != nil {
		return err
	}
	if *round != "" && *xlsxOut == "" {
		return usagef("--round 须与 --xlsx 一起使用")
	}
	today := civil.Today()
	if *todayS != "" {
		if today, err = civil.Parse(*todayS); err != nil {
			return usagef("--today: %v", err)
		}
	}
	svc, err := env.openWriting(*db, app.PermRead, *jsonOut, *xlsxOut)
	if err != nil {
		return err
	}
	defer svc.Close()
	cal, err := svc.Calendar()
	if err != nil {
		return err
	}
	if *term == "" {
		if *term = cal.CurrentTerm(today); *term == "" {
			return fmt.Errorf("数据库中没有届期，请先录入或导入届期")
		}
	}
	rep, err := cal.Report(*term, today)
	if err != nil {
		return err
	}
	if *jsonOut != "" {
		if err := writeCalendarJSON(env, *jsonOut, rep); err != nil {
			return err
		}
	}
	if *xlsxOut != "" {
		if *round != "" {
			err = cal.ExportRoundSchedule(*round, today, *xlsxOut)
		} else {
			err = cal.ExportTermPlan(*term, today, *xlsxOut)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写入 %s\n", *xlsxOut)
	}
	if *jsonOut == "" && *xlsxOut == "" {
		printCalendar(env.Stdout, rep)
	}
	return nil
}

// writeCalendarJSON writes v as indented JSON to path, or to stdout for "-".
func writeCalendarJSON(env *Env, path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if path == "-" {
		_, err = env.Stdout.Write(b)
		return err
	}
	if err := outfile.WriteBytes(path, b, outfile.Document); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已写入 %s\n", path)
	return nil
}

// printCalendar writes a plain-text summary of a calendar report.
func printCalendar(w io.Writer, rep calendar.Report) {
	fmt.Fprintf(w, "届期 %s %s（%s 至 %s），统计日 %s\n", rep.Term, rep.TermName, rep.Start, rep.End, rep.Today)
	cv := rep.Coverage
	line := func(label string, n calendar.Counts) {
		fmt.Fprintf(w, "  %s 应覆盖 %4d  已覆盖 %4d  已计划 %4d  未安排 %4d  覆盖率 %5.1f%%\n",
			padWidth(label, 14), n.Total, n.Covered, n.Planned, n.Open, n.Percent())
	}
	fmt.Fprintln(w, "覆盖情况：")
	line("合计", cv.Counts)
	fmt.Fprintln(w, "按单位类别：")
	for _, k := range cv.ByCategory {
		line(k.Category, k.Counts)
	}
	fmt.Fprintln(w, "按县区：")
	for _, co := range cv.ByCounty {
		line(co.Name, co.Counts)
	}
	fmt.Fprintf(w, "轮次（%d）：\n", len(rep.Rounds))
	for _, r := range rep.Rounds {
		fmt.Fprintf(w, "  %s %s  %s  进驻 %s 至 %s  %d 个巡察组\n", r.Code, r.Name, r.Status,
			r.Stages.Onsite.Start, r.Stages.Onsite.End, len(r.Teams))
	}
	fmt.Fprintf(w, "冲突（%d）：\n", len(rep.Conflicts))
	for _, c := range rep.Conflicts {
		fmt.Fprintf(w, "  [%s] %s\n", c.Kind, c.Message)
	}
	if rep.PaceWarning != "" {
		fmt.Fprintf(w, "进度预警：%s\n", rep.PaceWarning)
	}
	if len(rep.Linked) > 0 {
		fmt.Fprintf(w, "上下联动（%d 组）：\n", len(rep.Linked))
		for _, g := range rep.Linked {
			state := "进驻时间重叠"
			if !g.Overlap {
				state = "进驻时间不重叠"
			}
			fmt.Fprintf(w, "  %s  %s\n", strings.Join(g.Rounds, "、"), state)
		}
	}
	if len(cv.BySector) > 1 || len(cv.BySector) == 1 && cv.BySector[0].Sector != calendar.Unsectored {
		fmt.Fprintln(w, "按领域：")
		for _, s := range cv.BySector {
			line(s.Sector, s.Counts)
		}
	}
	p := rep.Plan
	fmt.Fprintf(w, "巡察规划：已列入 %d 个单位，未列入 %d 个；预警 %d 条\n", p.Planned, p.Unplanned, len(p.Warnings))
	for _, x := range p.Warnings {
		fmt.Fprintf(w, "  [%s] %s\n", x.Kind, x.Message)
	}
}

// padWidth pads s with spaces to width display columns, counting a wide
// (CJK) character as two.
func padWidth(s string, width int) string {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	if w >= width {
		return s
	}
	return s + strings.Repeat(" ", width-w)
}
