package cli

import (
	"fmt"
	"slices"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/app/workbook"
)

// runExport is `xuncha export --db F [--county C] [--pool 组长库]
// people|units|all out.xlsx`: lists in the import format. An output named
// .csv gets the 人员 or 单位 sheet alone as CSV for Excel (UTF-8 with BOM).
func runExport(env *Env, args []string) error {
	fs := newFlags(env, "export")
	db := fs.String("db", "", "数据库文件")
	county := fs.String("county", "", "只导出此县区（县区编码）的人员或单位")
	pool := fs.String("pool", "", "只导出此库的人员：组长库、工作人员库、专业人员库")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("需要导出内容（people、units 或 all）和输出文件名")
	}
	what, out := pos[0], pos[1]
	switch {
	case what != "people" && what != "units" && what != "all":
		return usagef("导出内容 %q 无效，应为 people、units 或 all", what)
	case *pool != "" && what != "people":
		return usagef("--pool 只用于 people")
	case what == "all" && workbook.IsCSV(out):
		return usagef("all 包含多个工作表，只能导出为 .xlsx；CSV 只用于 people 或 units")
	case *county != "" && what == "all":
		return usagef("all 导出全部数据，不能与 --county 同用")
	case *pool != "" && !slices.Contains(vocab.Pools, *pool):
		return usagef("--pool %q 无效，应为 组长库、工作人员库 或 专业人员库", *pool)
	}
	svc, err := env.openWriting(*db, app.PermRead, out)
	if err != nil {
		return err
	}
	defer svc.Close()
	switch what {
	case "all":
		err = svc.ExportAll(out)
	case "units":
		var codes []string
		if codes, err = svc.UnitCodes(*county); err == nil {
			fmt.Fprintf(env.Stdout, "单位 %d 个\n", len(codes))
			err = svc.ExportUnits(codes, out)
		}
	case "people":
		var codes []string
		if codes, err = svc.PeopleCodes(*county, *pool); err == nil {
			fmt.Fprintf(env.Stdout, "人员 %d 人\n", len(codes))
			err = svc.ExportPeople(codes, out)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出到 %s\n", out)
	return nil
}
