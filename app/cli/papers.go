package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/papers"
)

// runDoc is `xuncha doc`: the documents of a round (SPEC §12.1) as .docx
// (and PDF with --pdf) in a folder, or in one zip with --zip; every kind
// of the round (in a folder per kind) unless --kind names one.
func runDoc(env *Env, args []string) error {
	fs := newFlags(env, "doc")
	db := fs.String("db", "", "数据库文件")
	round := fs.String("round", "", "轮次编码")
	kindS := fs.String("kind", "", "文书种类：公告|通知|告知书|反馈意见|整改通知书|移交函|鉴定表|督办通知|综合情况（默认：本轮全部文书）")
	team := fs.String("team", "", "只生成该巡察组的文书")
	unit := fs.String("unit", "", "只生成该单位的文书（单位编码）")
	person := fs.String("person", "", "只生成该人员的告知书或鉴定表（人员编号）")
	county := fs.String("county", "", "综合情况：只统计该县区的被巡察单位")
	todayS := fs.String("today", "", "督办通知和综合情况以哪一天计算，2006-01-02（默认今天）")
	out := fs.String("out", "", "输出文件夹")
	pdf := fs.Bool("pdf", false, "同时生成 PDF")
	zipped := fs.Bool("zip", false, "写成一个 zip 文件（文件夹中的“轮次 文书.zip”）")
	err := parseFlagsOnly(fs, args, need{round, "--round 轮次编码"}, need{out, "--out 输出文件夹"})
	if err != nil {
		return err
	}
	req := app.PaperRequest{Round: *round, Team: *team, Unit: *unit, Person: *person, County: *county}
	if *kindS != "" && *kindS != "全部" {
		k, ok := papers.ParseKind(*kindS)
		if !ok || k == papers.KindAnnual {
			return usagef("--kind %q 不是文书种类（公告、通知、告知书、反馈意见、整改通知书、移交函、鉴定表、督办通知、综合情况）", *kindS)
		}
		req.Kind = k
	}
	req.Today = civil.Today()
	if *todayS != "" {
		if req.Today, err = civil.Parse(*todayS); err != nil {
			return usagef("--today: %v", err)
		}
	}
	if info, err := os.Stat(*out); err == nil && !info.IsDir() {
		return usagef("--out %s 是文件，应为文件夹", *out)
	}
	zipPath := filepath.Join(*out, *round+" 文书.zip")
	if *zipped {
		if err := outputs(*db, nil, zipPath); err != nil {
			return err
		}
	}
	svc, err := env.openAs(*db, app.PermRead)
	if err != nil {
		return err
	}
	defer svc.Close()
	formats := app.PaperFormats{Docx: true, PDF: *pdf}
	if *zipped {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%w", *out, err)
		}
		n, err := svc.WritePapersZip(req, zipPath, formats)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写入 %s（%d 份文书）\n", zipPath, n)
		return nil
	}
	files, err := svc.WritePapers(req, *out, formats)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已在 %s 写入 %d 个文件\n", *out, len(files))
	return nil
}
