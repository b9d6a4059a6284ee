package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/datapkg"
	"xuncha/ui/widgets"
)

// packageExport writes the chosen counties' data to one file for another
// office (数据包导出), encrypted when a passphrase is given.
type packageExport struct {
	svc  *app.Service
	win  fyne.Window
	work tasks

	counties *widgets.CheckList
	encrypt  *widget.Check
	pw       *widgets.PasswordPair
	dlg      *widgets.FormDialog
	done     string // what the last export wrote, for tests
}

func newPackageExport(svc *app.Service, win fyne.Window) *packageExport {
	return &packageExport{svc: svc, win: win}
}

func (e *packageExport) show() {
	e.counties = widgets.NewCheckList()
	opts, err := e.svc.CountyOptions()
	items := make([]widgets.CheckItem, len(opts))
	for i, o := range opts {
		items[i] = widgets.CheckItem{Key: o.Code, Text: o.Label()}
	}
	allBtn := widget.NewButton("全选", func() { e.counties.CheckShown(true) })
	noneBtn := widget.NewButton("全不选", func() { e.counties.CheckShown(false) })
	e.pw = widgets.NewPasswordPair()
	e.pw.First.SetPlaceHolder("口令")
	e.encrypt = widget.NewCheck("用口令加密（对方导入时须输入同一口令）", func(on bool) {
		for _, w := range []*widget.Entry{e.pw.First, e.pw.Second} {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	})
	e.encrypt.SetChecked(true)
	intro := widget.NewLabel("数据包包含所选县区的单位及班子成员、人员（工作经历、亲属关系、回避申报）和历次编组记录，" +
		"以及被巡察单位的巡察节点、问题清单、整改台账" + packageClueText(e.svc.CanSeeClues()) +
		"附校验和；对方导入时先预览，再按编码合并。不包含账户、设置和审计日志。")
	intro.Wrapping = fyne.TextWrapBreak
	list := container.NewBorder(nil, container.NewHBox(allBtn, noneBtn), nil, nil,
		container.NewGridWrap(fyne.NewSize(560, 240), e.counties))
	form := widget.NewForm(e.pw.FormItems("口令", "确认口令")...)
	content := container.NewVBox(intro, widget.NewLabelWithStyle("县区", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		list, e.encrypt, form)
	e.dlg = widgets.NewFormDialog("数据包导出", "导出…", content, e.onOK, e.win)
	if err != nil {
		e.dlg.Note.Error(err)
	}
	e.dlg.Show(620)
	e.counties.SetItems(items) // once shown: the list scrolls to the top
}

// choice returns the chosen counties and passphrase, or why they will not do.
func (e *packageExport) choice() ([]string, string, error) {
	codes := e.counties.Checked()
	if len(codes) == 0 {
		return nil, "", datapkg.ErrNoCounties
	}
	if !e.encrypt.Checked {
		return codes, "", nil
	}
	pass, err := e.pw.Password()
	if err == nil {
		err = datapkg.CheckPassphrase(pass)
	}
	if err != nil {
		return nil, "", fmt.Errorf("口令：%w", err)
	}
	return codes, pass, nil
}

// onOK checks the choice; the dialog then closes and asks where to save.
func (e *packageExport) onOK() error {
	codes, pass, err := e.choice()
	if err != nil {
		return err
	}
	e.dlg.After = func() { e.askPath(codes, pass) }
	return nil
}

// askPath asks where to save the package, then writes it.
func (e *packageExport) askPath(codes []string, pass string) {
	name := fmt.Sprintf("数据包-%s-%s%s", strings.Join(codes, "_"), time.Now().Format("20060102"), datapkg.Ext)
	fileDialog{title: "保存数据包", name: name, exts: []string{datapkg.Ext}}.save(e.win, func(path string) {
		e.exportTo(codes, pass, path)
	})
}

// exportTo writes the package to path.
func (e *packageExport) exportTo(codes []string, pass, path string) {
	var man *datapkg.Manifest
	e.work.busy(e.win, "正在导出数据包…", func() error {
		var err error
		man, err = e.svc.ExportPackage(codes, pass, path)
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowError(err, e.win)
			return
		}
		e.done = exportText(man, path)
		dialog.ShowInformation("数据包已导出", e.done, e.win)
	})
}

// exportText says what a package holds.
func exportText(m *datapkg.Manifest, path string) string {
	var parts []string
	for _, c := range m.Counts {
		if c.Rows > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.Entity, c.Rows))
		}
	}
	enc := "未加密"
	if m.Encryption != nil {
		enc = "已用口令加密"
	}
	if m.CluesLeftOut {
		enc += "；未含线索明细（无线索管理权限）"
	}
	return fmt.Sprintf("已导出县区 %s（%s）：\n%s\n\n%s", strings.Join(m.Counties, "、"), enc, strings.Join(parts, "，"), path)
}
