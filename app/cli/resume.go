package cli

import (
	"fmt"
	"io"
	"strings"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/poolstats"
	"xuncha/app/roster"
)

// runResume is `xuncha resume`: a person's 巡察履历 (SPEC §11.2) as an A4
// PDF and/or an xlsx, or as text when neither is asked.
func runResume(env *Env, args []string) error {
	fs := newFlags(env, "resume")
	db := fs.String("db", "", "数据库文件")
	person := fs.String("person", "", "人员编号")
	pdf := fs.String("pdf", "", "把巡察履历写成 A4 PDF 文件")
	xlsx := fs.String("xlsx", "", "把巡察履历写成 Excel 工作簿")
	if err := parseFlagsOnly(fs, args, need{person, "--person 人员编号"}); err != nil {
		return err
	}
	svc, err := env.openWriting(*db, app.PermRead, *pdf, *xlsx)
	if err != nil {
		return err
	}
	defer svc.Close()
	r, err := svc.ExportResume(*person, *pdf, *xlsx)
	if err != nil {
		return err
	}
	if *pdf != "" {
		fmt.Fprintf(env.Stdout, "已写出巡察履历 PDF %s\n", *pdf)
	}
	if *xlsx != "" {
		fmt.Fprintf(env.Stdout, "已写出巡察履历工作簿 %s\n", *xlsx)
	}
	if *pdf == "" && *xlsx == "" {
		printResume(env.Stdout, r)
	}
	return nil
}

// printResume writes the 巡察履历 as text.
func printResume(w io.Writer, r *roster.Resume) {
	fmt.Fprintf(w, "%s（%s）\n%s\n", r.Title(), r.Person, r.Summary())
	for _, x := range r.Service {
		fmt.Fprintf(w, "  %s %s %s（%s）巡察 %s；鉴定 %s\n", x.RoundLabel(), x.Team, x.Role, x.Dates(), strings.Join(x.Units, "、"), x.GradeText())
	}
	for _, x := range r.Trainings {
		h := x.HoursText()
		if h != "" {
			h = "，" + h + " 学时"
		}
		fmt.Fprintf(w, "  培训：%s（%s%s）\n", x.Name, x.Dates(), h)
	}
}

// runPoolStats is `xuncha poolstats`: the statistics of the pools (SPEC
// §11.1) on a day, as text and optionally as an xlsx.
func runPoolStats(env *Env, args []string) error {
	fs := newFlags(env, "poolstats")
	db := fs.String("db", "", "数据库文件")
	day := fs.String("day", "", "统计日期 2006-01-02（默认今天；年龄按此日计算）")
	term := fs.String("term", "", "届期编码（默认统计日期所在届期）")
	county := fs.String("county", "", "只统计工作关系地为该县区的人员")
	xlsx := fs.String("xlsx", "", "把统计写成 Excel 工作簿")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	if err := outputs(*db, nil, *xlsx); err != nil {
		return err
	}
	d, err := civil.Parse(*day)
	if err != nil {
		return usagef("--day: %v", err)
	}
	if d.IsZero() {
		d = civil.Today()
	}
	svc, err := env.openAs(*db, app.PermRead)
	if err != nil {
		return err
	}
	defer svc.Close()
	opt := poolstats.Options{Day: d, Term: *term, County: *county}
	var st *poolstats.Stats
	if *xlsx != "" {
		st, err = svc.ExportPoolStats(*xlsx, opt)
	} else {
		st, err = svc.PoolStats(opt)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, st.Title())
	for _, kv := range st.Summary() {
		fmt.Fprintf(env.Stdout, "  %s：%s\n", kv[0], kv[1])
	}
	for _, t := range st.Tables() {
		fmt.Fprintf(env.Stdout, "%s：", t.Title)
		for i, r := range t.Rows {
			if i > 0 {
				fmt.Fprint(env.Stdout, "，")
			}
			fmt.Fprintf(env.Stdout, "%s %d", r.Label, r.Count)
		}
		fmt.Fprintln(env.Stdout)
	}
	if *xlsx != "" {
		fmt.Fprintf(env.Stdout, "已写出人员库统计 %s\n", *xlsx)
	}
	return nil
}
