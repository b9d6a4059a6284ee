package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"xuncha/app"
	"xuncha/app/auth"
	"xuncha/app/datapkg"
)

// runPackage exports or imports a data package between offices:
//
//	xuncha package export --db F --county C01,C02 [--passphrase-env VAR | --encrypt] out.xpkg
//	xuncha package import --db F [--preview] [--passphrase-env VAR] in.xpkg
func runPackage(env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("缺少子命令 export 或 import")
	}
	sub, args := args[0], args[1:]
	fs := newFlags(env, "package "+sub)
	db := fs.String("db", "", "数据库文件")
	county := fs.String("county", "", "导出的县区编码，以逗号分隔")
	passEnv := fs.String("passphrase-env", "", "存放口令的环境变量名")
	encrypt := fs.Bool("encrypt", false, "加密数据包（在终端输入口令）")
	preview := fs.Bool("preview", false, "只显示将新增、更新和冲突的数量，不导入")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("需要一个数据包文件")
	}
	pass := ""
	if *passEnv != "" {
		v, ok := os.LookupEnv(*passEnv)
		if !ok || v == "" {
			return usagef("环境变量 %s 未设置口令", *passEnv)
		}
		pass = v
	}
	switch sub {
	case "export":
		if *county == "" {
			return usagef("缺少 --county 县区编码")
		}
		if *encrypt && pass == "" {
			if pass, err = askPassphrase(env, true); err != nil {
				return err
			}
		}
		return exportPackage(env, *db, strings.Split(*county, ","), pass, pos[0])
	case "import":
		return importPackage(env, *db, pos[0], pass, *preview)
	}
	return usagef("未知的子命令 %q", sub)
}

func exportPackage(env *Env, db string, counties []string, pass, path string) error {
	svc, err := env.openWriting(db, app.PermRead, path)
	if err != nil {
		return err
	}
	defer svc.Close()
	m, err := svc.ExportPackage(counties, pass, path)
	if err != nil {
		return err
	}
	enc := "未加密"
	if m.Encryption != nil {
		enc = "已加密（AES-256-GCM）"
	}
	fmt.Fprintf(env.Stdout, "已导出数据包 %s，县区 %s，%s，SHA-256 %s\n", path, strings.Join(m.Counties, "、"), enc, m.Files[0].SHA256)
	for _, c := range m.Counts {
		if c.Rows > 0 {
			fmt.Fprintf(env.Stdout, "  %s %d\n", c.Entity, c.Rows)
		}
	}
	return nil
}

func importPackage(env *Env, db, path, pass string, preview bool) (err error) {
	if pass == "" {
		encrypted, _, err := datapkg.Encrypted(path)
		if err != nil {
			return err
		}
		if encrypted {
			if pass, err = askPassphrase(env, false); err != nil {
				return err
			}
		}
	}
	undo := newDatabase(db)
	defer func() {
		if err != nil || preview {
			undo()
		}
	}()
	svc, err := env.openAs(db, app.PermImport)
	if err != nil {
		return err
	}
	defer svc.Close()
	var r *datapkg.Report
	if preview {
		r, err = svc.PreviewPackage(path, pass)
	} else {
		r, err = svc.ImportPackage(path, pass)
	}
	if err != nil {
		return err
	}
	for _, l := range r.Lines() {
		fmt.Fprintln(env.Stdout, l)
	}
	if preview {
		fmt.Fprintln(env.Stdout, "（预览，未导入）")
	}
	return nil
}

// askPassphrase reads a passphrase at the terminal, twice when it is new.
func askPassphrase(env *Env, twice bool) (string, error) {
	in := env.Stdin
	if in == nil {
		in = os.Stdin
	}
	pass, err := auth.ReadPassword(in, env.Stderr, "数据包口令：")
	if err != nil || !twice {
		return pass, err
	}
	if pass == "" {
		return "", errors.New("口令不能为空")
	}
	again, err := auth.ReadPassword(in, env.Stderr, "再输入一次：")
	if err != nil {
		return "", err
	}
	if again != pass {
		return "", errors.New("两次输入的口令不一致")
	}
	return pass, nil
}
