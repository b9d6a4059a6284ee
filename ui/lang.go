package ui

import (
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhWords corrects and completes Fyne's Chinese words for its own dialogs
// (its "OK" reads 好, its "No" reads 不).
const zhWords = `{
  "OK": "确定",
  "No": "否",
  "Yes": "是",
  "Cancel": "取消",
  "Open": "打开",
  "Save": "保存",
  "File": "文件",
  "Folder": "文件夹",
  "(Parent)": "（上级目录）",
  "New Folder": "新建文件夹",
  "Show Hidden Files": "显示隐藏文件",
  "Enter filename": "输入文件名",
  "Error": "错误"
}`

// preferChinese makes Fyne's own words (file dialogs, OK, Cancel) Chinese:
// the program is for Chinese offices. On systems other than Windows whose
// locale is not Chinese it sets LC_MESSAGES; Windows reports the user's
// language itself.
func preferChinese() {
	if runtime.GOOS != "windows" && !chineseLocale() {
		os.Setenv("LC_MESSAGES", "zh_CN.UTF-8")
		if os.Getenv("LC_ALL") != "" {
			os.Setenv("LC_ALL", "zh_CN.UTF-8")
		}
	}
	// Adding words makes Fyne choose its language again, now in Chinese.
	if err := lang.AddTranslations(fyne.NewStaticResource("zh_Hans.json", []byte(zhWords))); err != nil {
		fyne.LogError("加载界面中文词汇失败", err)
	}
}

// chineseLocale reports whether the environment's first locale is Chinese.
func chineseLocale() bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return strings.HasPrefix(v, "zh")
		}
	}
	return false
}
