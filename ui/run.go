package ui

import (
	"flag"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"xuncha/model"
)

// Window size and title.
const (
	appTitle     = "巡察统筹"
	appID        = "cn.xuncha.desktop"
	windowWidth  = 1280
	windowHeight = 800
)

// Run opens the window; args are the GUI's flags (--db F, --screen NAME).
// It watches Fyne's start-up for a machine without OpenGL (window_gl.go),
// checks the database before opening it, and returns the exit code: 0
// when the window was closed, 2 on bad flags.
func Run(args []string) int {
	fs := flag.NewFlagSet("xuncha", flag.ContinueOnError)
	dbPath := fs.String("db", "", "数据库文件，或数据库服务器地址 postgres://用户@主机:5432/库名 (database file or server URL; default: a file in the user's data directory)")
	start := fs.String("screen", "", "登录后打开的界面，如 人员库 或 编组/自动编组 (the screen to open after sign-in)")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(os.Stderr, "用法: xuncha [--db 数据库文件] [--screen 界面]\nusage: xuncha [--db FILE] [--screen NAME]")
		return 2
	}
	path := *dbPath
	if path == "" {
		path = model.DefaultPath()
	}
	watchGLStart()
	prepareDesktop(appID)
	preferChinese()
	fyneapp.SetMetadata(fyne.AppMetadata{ID: appID, Name: appTitle, Version: "0.1.0", Build: 1, Icon: iconRes,
		Migrations: map[string]bool{"fyneDo": true}})
	a := fyneapp.NewWithID(appID)
	a.SetIcon(iconRes)
	a.Settings().SetTheme(appTheme{})
	w := a.NewWindow(appTitle)
	w.SetIcon(iconRes)
	size := savedWindowSize(a.Preferences())
	w.Resize(size)
	seedDialogFolder(a.Preferences())
	m := newMainWindow(a, w, userName())
	w.SetContent(m.build())
	w.SetMaster()
	w.SetCloseIntercept(func() {
		rememberWindowSize(a.Preferences(), w.Canvas().Size())
		m.onCloseWindow()
	})
	m.openAtStart(*start)
	m.begin(path, *dbPath != "")
	w.Show()
	placeWindow(w, size)
	followCaret(w)
	a.Run()
	m.backupAtExit()
	m.close()
	return 0
}

// userName is the name written to the audit log: the signed-in system user.
func userName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		name := u.Username
		if i := strings.LastIndexAny(name, `\/`); i >= 0 {
			name = name[i+1:] // DOMAIN\user on Windows
		}
		return name
	}
	return "经办人"
}

// demoPath is the file of the demonstration data, beside the database.
func demoPath(path string) string {
	return filepath.Join(filepath.Dir(path), "演示数据.db")
}
