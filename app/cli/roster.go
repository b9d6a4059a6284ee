package cli

import (
	"fmt"
	"io"
	"os"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/draw"
	"xuncha/app/roster"
)

// runRoster is `xuncha roster`: the saved roster (编组记录) of a round as
// an xlsx workbook and/or an A4 PDF, or as a summary when neither is asked.
func runRoster(env *Env, args []string) error {
	fs := newFlags(env, "roster")
	db := fs.String("db", "", "数据库文件")
	round := fs.String("round", "", "轮次编码")
	pdf := fs.String("pdf", "", "把编组名单写成 A4 PDF 文件（每组一页）")
	xlsx := fs.String("xlsx", "", "把编组名单写成 Excel 工作簿")
	if err := parseFlagsOnly(fs, args, need{round, "--round 轮次编码"}); err != nil {
		return err
	}
	svc, err := env.openWriting(*db, app.PermRead, *pdf, *xlsx)
	if err != nil {
		return err
	}
	defer svc.Close()
	r, err := svc.Roster(*round)
	if err != nil {
		return err
	}
	if r.Members() == 0 {
		return fmt.Errorf("轮次 %s 尚未保存编组记录（先用 xuncha assign --save 或在“编组”界面保存）", *round)
	}
	if *xlsx != "" {
		if err := roster.WriteXLSX(*xlsx, r); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写出编组名单工作簿 %s\n", *xlsx)
	}
	if *pdf != "" {
		if err := roster.WritePDF(*pdf, r); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写出编组名单 PDF %s（%d 个巡察组）\n", *pdf, len(r.Teams))
	}
	if *xlsx == "" && *pdf == "" {
		printRoster(env.Stdout, r)
	}
	return nil
}

// printRoster writes the roster as a summary in Chinese.
func printRoster(w io.Writer, r *roster.Roster) {
	fmt.Fprintf(w, "%s：%d 个巡察组，编入 %d 人，空缺 %d 个\n", r.Title(), len(r.Teams), r.Members(), r.Vacancies())
	for _, t := range r.Teams {
		fmt.Fprintf(w, "%s（%s；%s；进驻 %s）\n", t.Name, t.CountyName, t.UnitNames(), t.Dates())
		for _, m := range t.Members {
			fmt.Fprintf(w, "  %s %s%s（%s，%s，%s %s）\n", m.Role, m.Name, m.Mark(), m.Person, m.CountyName, m.UnitName, m.Post)
		}
		for _, v := range t.Vacancies {
			fmt.Fprintf(w, "  %s （空缺）%s\n", v.Role, v.Reason)
		}
		for _, m := range t.Members {
			if len(m.Overrides) > 0 {
				fmt.Fprintf(w, "  ※ %s：%s\n", m.Name, m.Note())
			}
		}
	}
}

// runDrawPrint is `xuncha draw-print record.json out.pdf`: the record of a
// witnessed draw as a printable PDF, after replaying it. With --db the
// people's names and the round's name are printed too.
func runDrawPrint(env *Env, args []string) error {
	fs := newFlags(env, "draw-print")
	db := fs.String("db", "", "数据库文件（可选：打印人员姓名和轮次名称）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("需要抽取记录文件和输出的 PDF 文件")
	}
	if err := outputs(*db, pos[:1], pos[1]); err != nil {
		return err
	}
	b, err := os.ReadFile(pos[0])
	if err != nil {
		return fmt.Errorf("无法读取 %s: %w", pos[0], err)
	}
	rec, err := draw.ParseRecord(b)
	if err != nil {
		return fmt.Errorf("%s %w", pos[0], err)
	}
	info := roster.DrawInfo{}
	if *db != "" {
		svc, err := env.openAs(*db, app.PermRead)
		if err != nil {
			return err
		}
		defer svc.Close()
		if info, err = svc.DrawInfo(rec); err != nil {
			return err
		}
	}
	if info.Printed == "" {
		info.Printed = civil.Today().String()
	}
	info.RecordFile = pos[0]
	if err := roster.WriteDrawPDF(pos[1], rec, info); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "抽取记录一致，已写出可打印的抽取记录 %s（%d 步）\n", pos[1], len(rec.Steps))
	return nil
}
