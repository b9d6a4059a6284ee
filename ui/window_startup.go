package ui

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/backup"
	"xuncha/ui/widgets"
)

// startup checks the database at path before the program uses it
// (PRAGMA integrity_check, the schema version, the tables) and opens it
// when it is sound. A damaged file is not opened: the window says what is
// wrong and offers the newest good backup, another backup file, or to quit.
func (m *mainWindow) startup(path string) {
	m.status.SetText("正在检查数据库…")
	var r *backup.StartReport
	m.session().work.busy(m.win, "正在检查数据库完整性…", func() error {
		r = backup.CheckAtStart(path)
		return nil
	}, func(error) {
		if r.OK() {
			m.open(path)
			return
		}
		m.showDamage(r)
	})
}

// damagePanel is what the window shows instead of the screens when the
// database failed the check at start.
type damagePanel struct {
	report  *backup.StartReport
	restore *widget.Button // nil when there is no good backup
	other   *widget.Button // nil when the file is not damaged (locked, another program's, newer)
	retry   *widget.Button // nil but when the file could not be checked now
	quit    *widget.Button
	note    *widgets.Note
}

// showDamage shows the damage and the ways out.
func (m *mainWindow) showDamage(r *backup.StartReport) {
	p := &damagePanel{report: r, note: widgets.NewNote()}
	m.session().damage = p
	heading := "数据库未通过完整性检查"
	if r.Problem != nil {
		heading = "暂时无法打开数据库"
	}
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.DangerImportance
	head, detail, rest := damageText(r)
	msg := widget.NewLabel(head)
	msg.Wrapping = fyne.TextWrapBreak
	next := widget.NewLabel(rest)
	next.Wrapping = fyne.TextWrapBreak
	body := container.NewVBox(title, msg)
	if detail != "" {
		d := widget.NewLabel(detail)
		d.Wrapping = fyne.TextWrapBreak
		d.Selectable = true
		body.Add(container.NewGridWrap(fyne.NewSize(680, 150), container.NewVScroll(d)))
	}
	body.Add(next)
	p.quit = widget.NewButtonWithIcon("退出", theme.LogoutIcon(), func() { m.app.Quit() })
	buttons := container.NewHBox()
	if r.Problem != nil {
		p.retry = widget.NewButtonWithIcon("重试", theme.ViewRefreshIcon(), func() { m.startup(r.Path) })
		p.retry.Importance = widget.HighImportance
		buttons.Add(p.retry)
	}
	restorable := r.Restorable()
	if r.Newest != nil && restorable {
		from := r.Newest.Path
		p.restore = widget.NewButtonWithIcon(fmt.Sprintf("从最新的完好备份恢复（%s）", r.Newest.Time.Format("2006-01-02 15:04")),
			theme.HistoryIcon(), func() { m.restoreAtStart(r, from) })
		p.restore.Importance = widget.HighImportance
		buttons.Add(p.restore)
	}
	if restorable {
		p.other = widget.NewButtonWithIcon("选择其他备份文件…", theme.FolderOpenIcon(), func() { m.chooseBackupAtStart(r) })
		buttons.Add(p.other)
	}
	buttons.Add(p.quit)
	body.Add(widget.NewSeparator())
	body.Add(buttons)
	body.Add(p.note)
	card := widget.NewCard("", "", body)
	m.showGate(container.NewCenter(minWidth(card, 720)))
	m.status.SetText(heading + "：" + r.Path)
}

// maxDamageLines is how many lines of SQLite's complaints the panel lists.
const maxDamageLines = 30

// damageText splits what the check found into a headline, SQLite's own
// complaints (one per line, at most maxDamageLines, for whoever repairs the
// machine) and what can be done.
func damageText(r *backup.StartReport) (head, detail, rest string) {
	msg := r.Message()
	var de *backup.DamageError
	if !errors.As(r.Damage, &de) {
		return msg, "", ""
	}
	rest = strings.TrimPrefix(strings.TrimPrefix(msg, r.Damage.Error()), "。\n")
	lines := damageLines(de)
	head = fmt.Sprintf("数据库文件 %s 已损坏，不能打开。", de.Path)
	if len(lines) == 1 {
		return head + "原因：" + lines[0] + "。", "", rest
	}
	head += fmt.Sprintf("完整性检查发现 %d 处问题：", len(lines))
	if len(lines) > maxDamageLines {
		lines = append(lines[:maxDamageLines], fmt.Sprintf("……另有 %d 处", len(lines)-maxDamageLines))
	}
	return head, strings.Join(lines, "\n"), rest
}

// damageLines are the complaints of a damage, one per line; SQLite's
// integrity_check gives many in one string.
func damageLines(de *backup.DamageError) []string {
	var lines []string
	for _, p := range de.Problems {
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" && l != "*** in database main ***" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// damageSummary says in one line what is wrong with a file.
func damageSummary(err error) string {
	var de *backup.DamageError
	if !errors.As(err, &de) {
		return err.Error()
	}
	lines := damageLines(de)
	switch len(lines) {
	case 0:
		return "损坏"
	case 1:
		return "损坏：" + lines[0]
	}
	return fmt.Sprintf("损坏（%d 处问题，如：%s）", len(lines), lines[0])
}

// chooseBackupAtStart lets the clerk pick a backup file from anywhere (a
// USB stick, the LAN share) when the folder has none.
func (m *mainWindow) chooseBackupAtStart(r *backup.StartReport) {
	fileDialog{title: "选择用于恢复的备份文件", exts: []string{".db"}, dir: r.Folder}.open(m.win, func(path string) {
		m.restoreAtStart(r, path)
	})
}

// restoreAtStart puts the backup at from in the place of the damaged
// database of report r, records the restore in it and opens it. Nobody is
// signed in yet (the damaged file's accounts may be unreadable): the audit
// entry names the system user and says why.
func (m *mainWindow) restoreAtStart(r *backup.StartReport, from string) {
	var svc *app.Service
	m.session().work.busy(m.win, "正在从备份恢复…", func() error {
		var err error
		svc, err = app.RestoreDamaged(r, from, m.user)
		return err
	}, func(err error) {
		if errors.Is(err, backup.ErrNotDamaged) {
			// Sound after all (it was only locked): sign in as usual.
			m.session().damage = nil
			m.signIn(svc, r.Path)
			dialog.ShowInformation("数据库完好", err.Error(), m.win)
			return
		}
		if err != nil {
			if p := m.session().damage; p != nil {
				p.note.Error(err)
			}
			return
		}
		m.session().damage = nil
		m.signIn(svc, r.Path)
		dialog.ShowInformation("已恢复", fmt.Sprintf("已从备份 %s 恢复数据库。\n损坏的文件保留为：\n%s",
			filepath.Base(from), r.Path+backup.AsideSuffix), m.win)
	})
}

// minWidth returns o in a stack at least width wide.
func minWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(width, 0))
	return container.NewStack(r, o)
}
