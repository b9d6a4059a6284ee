package cli

import (
	"fmt"

	"xuncha/app/workbook"
)

// runTemplate is `xuncha template book.xlsx`: an empty import workbook with
// every sheet's header and a 说明 sheet.
func runTemplate(env *Env, args []string) error {
	fs := newFlags(env, "template")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("需要一个输出文件名，如 模板.xlsx")
	}
	if err := outputs("", nil, pos[0]); err != nil {
		return err
	}
	if err := workbook.WriteTemplate(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已生成导入模板 %s\n", pos[0])
	return nil
}
