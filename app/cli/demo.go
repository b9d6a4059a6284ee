package cli

import (
	"fmt"
	"time"

	"xuncha/app"
	"xuncha/app/demo"
)

// runDemo writes the demonstration data into an empty database:
// xuncha demo --db F [--scale city|province].
func runDemo(env *Env, args []string) error {
	fs := newFlags(env, "demo")
	db := fs.String("db", "", "数据库文件（须为空）")
	scaleFlag := fs.String("scale", "city", "规模: city（市级，12 个县区）或 province（省级，100 个县区）")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	scale, err := demo.ParseScale(*scaleFlag)
	if err != nil {
		return usagef("%v", err)
	}
	svc, err := env.openAs(*db, app.PermImport)
	if err != nil {
		return err
	}
	defer svc.Close()
	start := time.Now()
	counts, err := svc.LoadDemo(scale)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已写入演示数据：%s，数据日期 %s\n", scale.Label(), demo.AsOf)
	for _, line := range counts.Lines() {
		fmt.Fprintf(env.Stdout, "  %s\n", line)
	}
	fmt.Fprintf(env.Stdout, "用时 %.1f 秒\n", time.Since(start).Seconds())
	return nil
}
