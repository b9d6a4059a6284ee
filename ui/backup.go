package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/backup"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// backupColumns are the columns of the backup list, and their widths.
var (
	backupColumns = []string{"备份时间", "文件名", "大小", "检查结果"}
	backupWidths  = []float32{170, 340, 100, 420}
)

// The states of a backup in the list.
const (
	backupChecking = "检查中…"
	backupGood     = "完好"
)

// backupScreen is 数据备份: where and how often the automatic backups are
// made (the 管理员's to change), a backup now or to a file of one's choice,
// the backups in the folder each checked, and the restore of one of them
// (the 管理员's), after which the window opens the restored database.
type backupScreen struct {
	svc        *app.Service
	win        fyne.Window
	onRestored func()
	work       tasks

	path  string      // the database file; "" in memory
	seen  model.Stamp // the backup settings' stamp as read
	dir   string      // the folder chosen in the form; "" = beside the database
	files []backup.File
	state map[string]string // by path: 检查中…, 完好, or what is damaged

	folder                *widget.Label
	chooseDir, defaultDir *widget.Button
	keep                  *widget.Entry
	daily, atExit         *widget.Check
	saveSet               *widget.Button
	setNote               *widgets.Note
	rights                *widget.Label
	now, to, restore      *widget.Button
	refresh               *widget.Button
	*rowTable
	note    *widgets.Note
	confirm *widgets.FormDialog // the restore's confirmation, for tests
}

func newBackupScreen(svc *app.Service, win fyne.Window, onRestored func()) *backupScreen {
	return &backupScreen{svc: svc, win: win, onRestored: onRestored, state: map[string]string{}}
}

func (s *backupScreen) build() fyne.CanvasObject {
	s.folder = widget.NewLabel("")
	s.folder.Wrapping = fyne.TextWrapBreak
	s.chooseDir = widget.NewButtonWithIcon("选择文件夹…", theme.FolderOpenIcon(), s.onChooseDir)
	s.defaultDir = widget.NewButtonWithIcon("用默认位置", theme.HomeIcon(), func() { s.dir = ""; s.showFolder() })
	s.keep = widget.NewEntry()
	s.daily = widget.NewCheck("每天自动备份（当天第一次使用时）", nil)
	s.atExit = widget.NewCheck("退出程序时自动备份", nil)
	s.saveSet = widget.NewButtonWithIcon("保存设置", theme.DocumentSaveIcon(), s.onSaveSettings)
	s.saveSet.Importance = widget.HighImportance
	s.setNote = widgets.NewNote()
	s.rights = widget.NewLabel("")
	s.rights.Importance = widget.WarningImportance
	form := widget.NewForm(
		widget.NewFormItem("备份文件夹", container.NewBorder(nil, nil, nil, container.NewHBox(s.chooseDir, s.defaultDir), s.folder)),
		widget.NewFormItem("保留份数", container.NewHBox(sized(s.keep, 80), widget.NewLabel("份，更早的自动删除"))),
		widget.NewFormItem("自动备份", container.NewHBox(s.daily, s.atExit)))
	settings := widget.NewCard("", "", container.NewVBox(
		widget.NewLabelWithStyle("备份设置", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form, container.NewHBox(s.saveSet, s.rights), s.setNote))

	s.now = widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), s.onBackupNow)
	s.now.Importance = widget.HighImportance
	s.to = widget.NewButtonWithIcon("备份到…", theme.UploadIcon(), s.onBackupTo)
	s.restore = widget.NewButtonWithIcon("恢复所选…", theme.HistoryIcon(), s.onRestore)
	s.restore.Importance = widget.DangerImportance
	s.refresh = widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), func() {
		s.state = map[string]string{} // check every backup again
		s.reload()
	})
	s.note = widgets.NewNote()
	s.rowTable = newRowTable(backupColumns, backupWidths, func() int { return len(s.files) },
		func(r int) string { return s.files[r].Path },
		func(r, c int) string { return backupCell(s.files[r], s.state[s.files[r].Path], c) })
	s.onOpen = s.onRestore
	s.reload()
	list := container.NewVBox(container.NewHBox(s.now, s.to, s.restore, layout.NewSpacer(), s.refresh), s.note)
	return container.NewBorder(container.NewVBox(settings, list), nil, nil, nil, s.table)
}

// reload reads the settings and the backups again, then checks each
// backup in the background.
func (s *backupScreen) reload() {
	s.path, _ = s.svc.Path()
	s.seen, _ = s.svc.SettingStamp(app.BackupSettingsKey) // before the settings: a save in between is refused
	set, err := s.svc.BackupSettings()
	if err != nil {
		s.setNote.Error(err)
	}
	s.dir = set.Dir
	s.keep.SetText(fmt.Sprint(set.Keep))
	s.daily.SetChecked(set.Daily)
	s.atExit.SetChecked(set.AtExit)
	s.showFolder()
	s.applyRights()
	if s.path == "" {
		s.files = nil
		s.note.Info("内存中的数据库不能备份。")
		s.table.Refresh()
		return
	}
	files, err := s.svc.Backups()
	if err != nil {
		s.note.Error(err)
	}
	s.files = files
	s.selectKey("")
	for _, f := range files {
		if _, ok := s.state[f.Path]; !ok {
			s.state[f.Path] = backupChecking
		}
	}
	s.table.Refresh()
	s.checkFiles(files)
}

// checkFiles runs the integrity check of each backup not checked yet.
func (s *backupScreen) checkFiles(files []backup.File) {
	var todo []string
	for _, f := range files {
		if s.state[f.Path] == backupChecking {
			todo = append(todo, f.Path)
		}
	}
	if len(todo) == 0 {
		return
	}
	found := make([]string, len(todo))
	s.work.run(func() error {
		for i, p := range todo {
			found[i] = backupGood
			if err := backup.Check(p); err != nil {
				found[i] = damageSummary(err)
			}
		}
		return nil
	}, func(error) {
		for i, p := range todo {
			s.state[p] = found[i]
		}
		s.table.Refresh()
	})
}

// applyRights lets the 管理员 change the settings and restore; the others
// see both, read-only, with a note.
func (s *backupScreen) applyRights() {
	canSet, canRestore := s.svc.Can(app.PermSettings), s.svc.Can(app.PermRestore)
	mem := s.path == ""
	for _, w := range []fyne.Disableable{s.chooseDir, s.defaultDir, s.keep, s.daily, s.atExit, s.saveSet} {
		if canSet && !mem {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	enable(s.restore, canRestore && !mem)
	enable(s.now, s.svc.Can(app.PermBackup) && !mem)
	enable(s.to, s.svc.Can(app.PermBackup) && !mem)
	switch {
	case !canSet && !canRestore:
		s.rights.SetText("修改备份设置和恢复备份须由管理员操作。")
	case !canSet:
		s.rights.SetText("修改备份设置须由管理员操作。")
	default:
		s.rights.SetText("")
	}
}

func (s *backupScreen) showFolder() {
	set := backup.Settings{Dir: s.dir}
	text := set.Folder(s.path)
	if s.dir == "" {
		text += "（默认：数据库旁的“备份”文件夹）"
	}
	if s.path == "" && s.dir == "" {
		text = "（内存数据库）"
	}
	s.folder.SetText(text)
}

// backupCell is column col of a backup's row.
func backupCell(f backup.File, state string, col int) string {
	switch col {
	case 0:
		return f.Time.Format("2006-01-02 15:04:05")
	case 1:
		return f.Name
	case 2:
		return sizeText(f.Size)
	}
	return state
}

// sizeText is a file size for people.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

func (s *backupScreen) onChooseDir() {
	fileDialog{title: "选择备份文件夹（建议另一块磁盘或移动硬盘）", dir: s.dir}.folder(s.win, func(dir string) {
		s.dir = dir
		s.showFolder()
	})
}

func (s *backupScreen) onSaveSettings() {
	var keep int
	if _, err := fmt.Sscan(strings.TrimSpace(s.keep.Text), &keep); err != nil {
		s.setNote.Fail("保留份数应为 1 到 1000 之间的整数")
		return
	}
	set := backup.Settings{Dir: s.dir, Keep: keep, Daily: s.daily.Checked, AtExit: s.atExit.Checked}
	if err := s.svc.Seeing(s.seen).SaveBackupSettings(set); err != nil {
		s.setNote.Error(err)
		saveFailed(err, s.win, s.onSaveSettings, s.reload)
		return
	}
	s.setNote.OK("备份设置已保存。")
	s.reload()
}

func (s *backupScreen) onBackupNow() {
	var f backup.File
	s.work.busy(s.win, "正在备份…", func() error {
		var err error
		f, err = s.svc.BackupNow()
		return err
	}, func(err error) {
		if err != nil {
			s.note.Error(err)
			return
		}
		s.reload()
		s.selectKey(f.Path)
		s.note.OK(fmt.Sprintf("已备份：%s（%s）", f.Path, sizeText(f.Size)))
	})
}

// onBackupTo writes a backup to a file of the clerk's choice (a USB stick).
func (s *backupScreen) onBackupTo() {
	fileDialog{title: "备份到文件", name: backup.FileName(s.path, time.Now()), exts: []string{".db"}}.save(s.win, s.backupTo)
}

// backupTo writes the backup to path.
func (s *backupScreen) backupTo(path string) {
	s.work.busy(s.win, "正在备份…", func() error { return s.svc.BackupTo(path) }, func(err error) {
		if err != nil {
			s.note.Error(err)
			return
		}
		s.note.OK("已备份到：" + path)
	})
}

// onRestore asks before putting the chosen backup in place of the database.
func (s *backupScreen) onRestore() {
	if s.cur == "" {
		s.note.Fail("请先在表中选择一个备份。")
		return
	}
	if !s.svc.Can(app.PermRestore) {
		s.note.Error(s.svc.Require(app.PermRestore))
		return
	}
	from := s.cur
	f := s.file(from)
	switch st := s.state[from]; st {
	case backupGood:
	case backupChecking:
		s.note.Info("正在检查这个备份，请稍候再恢复。")
		return
	default:
		s.note.Fail(fmt.Sprintf("备份 %s %s，不能用来恢复。", f.Name, st))
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("用 %s 的备份替换当前数据库？\n\n"+
		"• 此备份之后所做的修改，恢复后不在数据库中；\n• 当前数据库文件保留为\n  %s\n  （到下一次恢复前一直保留，可交技术人员取回）；\n"+
		"• 恢复后，窗口重新打开数据库；若恢复的数据库中没有您的账户，须重新登录。",
		f.Time.Format("2006-01-02 15:04:05"), s.path+backup.AsideSuffix))
	s.confirm = widgets.NewFormDialog("恢复备份", "恢复", msg, func() error {
		return s.svc.Restore(from)
	}, s.win)
	s.confirm.After = func() {
		if s.onRestored != nil {
			s.onRestored()
		}
		dialog.ShowInformation("已恢复", fmt.Sprintf("已从 %s 恢复。\n原数据库保留为 %s", f.Name, s.path+backup.AsideSuffix), s.win)
	}
	s.confirm.OK.Importance = widget.DangerImportance
	s.confirm.Show(560)
}

func (s *backupScreen) file(path string) backup.File {
	for _, f := range s.files {
		if f.Path == path {
			return f
		}
	}
	return backup.File{Path: path, Name: filepath.Base(path)}
}
