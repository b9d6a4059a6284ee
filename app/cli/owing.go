package cli

import (
	"fmt"

	"xuncha/app"
	"xuncha/app/civil"
)

// runOwing is `xuncha owing`: everyone who owes rounds as a newly
// promoted cadre on a day (SPEC §11.3) and by when, as text, JSON or an
// xlsx.
func runOwing(env *Env, args []string) error {
	fs := newFlags(env, "owing")
	db := fs.String("db", "", "数据库文件")
	todayS := fs.String("today", "", "以哪一天计算，2006-01-02（默认今天）")
	out := fs.String("json", "", "把名单写成 JSON 文件")
	xlsx := fs.String("xlsx", "", "把名单写成 Excel 工作簿")
	err := parseFlagsOnly(fs, args)
	if err != nil {
		return err
	}
	today := civil.Today()
	if *todayS != "" {
		if today, err = civil.Parse(*todayS); err != nil {
			return usagef("--today: %v", err)
		}
	}
	svc, err := env.openWriting(*db, app.PermRead, *out, *xlsx)
	if err != nil {
		return err
	}
	defer svc.Close()
	var rep *app.OwingReport
	if *xlsx != "" {
		rep, err = svc.ExportOwing(*xlsx, today)
	} else {
		rep, err = svc.Owing(today)
	}
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeJSON(*out, rep); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "新提拔干部参加巡察情况（%s）：%s；尚欠轮次 %d 人\n", rep.Day, rep.Text, len(rep.Rows))
	if *out == "" && *xlsx == "" {
		for _, o := range rep.Rows {
			line := fmt.Sprintf("  %s %s（%s）%s 提拔，须于 %s 前参加巡察，已参加 %d 轮，尚欠 %d 轮（剩 %d 天）",
				o.Person, o.Name, o.Who(), o.PromotedOn, o.Due, o.Served, o.Owed, o.DaysLeft)
			if p := o.PlacedText(); p != "" {
				line += "；" + p
			}
			fmt.Fprintln(env.Stdout, line)
		}
	}
	if *out != "" {
		fmt.Fprintf(env.Stdout, "已写出 %s\n", *out)
	}
	if *xlsx != "" {
		fmt.Fprintf(env.Stdout, "已写出 %s\n", *xlsx)
	}
	return nil
}
