package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// documentsDir returns the user's Documents folder when it exists, else "".
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, name := range []string{"Documents", "文档", "My Documents"} {
		p := filepath.Join(home, name)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
	}
	return ""
}

// saveWorkbookAs asks where to save an xlsx file named name, starting in
// the user's Documents folder, writes it with write under a busy dialog and
// says done with the path when it is written.
func saveWorkbookAs(w fyne.Window, name string, write func(path string) error, done string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			if st, err := os.Stat(path); err == nil && st.Size() == 0 {
				os.Remove(path) // the empty file the dialog made under the name typed
			}
			path += ".xlsx"
		}
		runBusy(w, "正在写入 "+filepath.Base(path)+"…", func() error { return write(path) }, func(err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			dialog.ShowInformation("完成", done+"：\n"+path, w)
		})
	}, w)
	d.SetFileName(name)
	d.SetTitleText("保存为 Excel 工作簿")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	if dir := documentsDir(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// safeFileName replaces the characters a file name cannot hold.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
}
