package ui

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// glHelp says what to do on Windows when the window cannot start.
const glHelp = "1. 安装或更新显卡驱动，然后重新打开本程序；\n" +
	"2. 远程桌面、虚拟机或云桌面：请管理员为它开启 3D 加速（虚拟显卡）；\n" +
	"3. 仍不行时，可把 Mesa 软件渲染器的 opengl32.dll 复制到 xuncha.exe 所在文件夹，再打开本程序；\n" +
	"4. 导入、回避检查、编组、导出和备份不需要窗口，可以在命令提示符里使用，运行 xuncha.exe help 查看用法。"

// showFatal shows msg in a message box (the program has no console), and
// on standard error too when that leads somewhere.
func showFatal(title, msg string) {
	fmt.Fprintln(os.Stderr, msg)
	t, err1 := windows.UTF16PtrFromString(title)
	m, err2 := windows.UTF16PtrFromString(msg)
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}
