//go:build !windows

package ui

import (
	"fmt"
	"os"
)

// glHelp says what to do on Linux when the window cannot start.
const glHelp = "1. 在有图形显示的会话中运行（设置好 DISPLAY 或 WAYLAND_DISPLAY）；\n" +
	"2. 安装 Mesa 图形库：apt-get install libgl1-mesa-dri libglx-mesa0；远程会话请开启 GLX；\n" +
	"3. 导入、回避检查、编组、导出和备份不需要窗口：运行 xuncha help 查看用法。"

// showFatal writes msg to standard error.
func showFatal(title, msg string) {
	fmt.Fprintf(os.Stderr, "%s\n%s\n", title, msg)
}
