package ui

import (
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
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
  "file.parent": {"other": "上级文件夹"},
  "file.name": {"other": "名称"},
  "Create Folder": "新建",
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

// placeNames are the Chinese names of the places Fyne's file dialog lists
// on its left, which it shows in English whatever the language.
var placeNames = map[string]string{
	"Home": "主文件夹", "Computer": "计算机", "Desktop": "桌面", "Documents": "文档", "Downloads": "下载",
	"Music": "音乐", "Pictures": "图片", "Videos": "视频", "Movies": "影片", "App Files": "程序文件",
}

// chinesePlaces makes the file dialog on top of w name its places in
// Chinese: the list of places gets its words through placeNames.
func chinesePlaces(w fyne.Window) {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	walkObjects(top, false, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.List)
		if !ok || l.UpdateItem == nil {
			return
		}
		update := l.UpdateItem
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			walkObjects(item, false, func(o fyne.CanvasObject) {
				if lb, ok := o.(*widget.Label); ok {
					if zh, ok := placeNames[lb.Text]; ok {
						lb.SetText(zh)
					}
				}
			})
		}
		l.Refresh()
	})
}
