package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/papers"
)

// papersSettings is the 文书模板 section of 设置 (settings key "papers"):
// who issues the documents and how the public reaches a team (发文机关,
// 值班电话 …), and the text of each kind of document — its title, 主送,
// body and 落款 — with the placeholders it may use listed beside it (a
// tap copies one). Unknown placeholders are refused on 保存, naming where
// they are; 恢复本模板默认 puts the program's text back.
type papersSettings struct {
	*sectionFrame

	office                         map[string]*widget.Entry // by field name
	key                            *widget.Select
	title, recipient, body, signer *widget.Entry
	holders                        *widget.List
	notes                          *widget.Label

	set     papers.Settings
	shown   string // the template key shown
	current []papers.Placeholder
}

// officeFields are the office's fields in the order the form shows them,
// with what an empty one means.
var officeFields = []struct{ name, hint string }{
	{"发文机关", "空白时为“党委＋巡察工作领导小组”"}, {"党委", "空白时由届期名称推定，如 中共清江市委"}, {"党委简称", "空白时如 市委、县委"},
	{"巡察办", "空白时为“党委＋巡察工作领导小组办公室”"}, {"地名", "空白时由届期名称推定，如 清江市"}, {"上报对象", "年度汇报和综合情况的主送"},
	{"值班电话", "巡察公告中的值班电话"}, {"邮政信箱", "巡察公告中的邮政信箱"}, {"电子邮箱", "巡察公告中的电子邮箱"},
	{"受理时间", "空白时为 每天8:00—18:00"}, {"受理范围", "巡察组主要受理的来信来电来访"},
}

func newPapersSettings(svc *app.Service, win fyne.Window) *papersSettings {
	p := &papersSettings{office: map[string]*widget.Entry{}}
	p.sectionFrame = newSectionFrame(svc, win, app.PaperSettingsKey, "恢复本模板默认", p.onSave, p.onReset, p.load)
	return p
}

func (p *papersSettings) build() fyne.CanvasObject {
	form := widget.NewForm()
	for _, f := range officeFields {
		e := widget.NewEntry()
		if f.name == "受理范围" {
			e = widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapBreak
			e.SetMinRowsVisible(3)
		}
		p.office[f.name] = e
		p.inputs = append(p.inputs, e)
		it := widget.NewFormItem(f.name, e)
		it.HintText = f.hint
		form.AppendItem(it)
	}
	var titles []string
	for _, k := range papers.TemplateKeys {
		titles = append(titles, papers.TemplateTitle(k))
	}
	p.key = widget.NewSelect(titles, func(string) { p.switchTo(papers.TemplateKeys[p.key.SelectedIndex()]) })
	p.title, p.recipient = widget.NewEntry(), widget.NewEntry()
	p.body = widget.NewMultiLineEntry()
	p.body.Wrapping = fyne.TextWrapBreak
	p.signer = widget.NewMultiLineEntry()
	p.signer.SetMinRowsVisible(2)
	p.inputs = append(p.inputs, p.title, p.recipient, p.body, p.signer)
	p.holders = widget.NewList(func() int { return len(p.current) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := p.current[i]
			o.(*widget.Label).SetText("{" + h.Name + "}　" + h.Meaning)
		})
	p.holders.OnSelected = func(i widget.ListItemID) {
		p.holders.UnselectAll()
		if i < len(p.current) {
			fyne.CurrentApp().Clipboard().SetContent("{" + p.current[i].Name + "}")
			p.saved.SetText("已复制 {" + p.current[i].Name + "}，可粘贴到模板中")
		}
	}
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapBreak
	p.notes.Importance = widget.WarningImportance
	head := widget.NewForm(widget.NewFormItem("文书", p.key), widget.NewFormItem("标题", p.title), widget.NewFormItem("主送", p.recipient))
	help := widget.NewLabel("正文每行一段；以“一、”开头的行为一级标题，“（一）”为二级标题；{巡察组名单} 这样代表表格或清单的占位符须单独占一行。")
	help.Wrapping = fyne.TextWrapBreak
	bodyBox := container.NewBorder(widget.NewLabelWithStyle("正文", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, p.body)
	holdBox := container.NewBorder(widget.NewLabelWithStyle("可用的占位符（点击复制）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, p.holders)
	split := container.NewHSplit(bodyBox, holdBox)
	split.Offset = 0.6
	editor := container.NewBorder(container.NewVBox(head, help), container.NewVBox(widget.NewForm(widget.NewFormItem("落款", p.signer)), p.notes),
		nil, nil, split)
	outer := container.NewAppTabs(container.NewTabItem("文书文字", editor),
		container.NewTabItem("发文机关与联系方式", container.NewVScroll(form)))
	head2 := widget.NewLabel("文书（公告、通知、回避告知书、反馈意见、整改通知书、移交函、鉴定表、督办通知和上报的汇报）按以下设置生成；每种文书的文字可以修改。")
	head2.Wrapping = fyne.TextWrapBreak
	bar := container.NewHBox(p.save, p.reset, p.saved)
	out := container.NewBorder(head2, container.NewVBox(widget.NewSeparator(), p.errors, container.NewBorder(nil, nil, nil, p.note, bar)), nil, nil, outer)
	p.load()
	return out
}

// load shows the stored settings.
func (p *papersSettings) load() {
	if p.key == nil {
		return
	}
	p.readStamp()
	set, err := p.svc.PaperSettings()
	if err != nil {
		dialog.ShowError(err, p.win)
	}
	p.set = set
	if p.set.Templates == nil {
		p.set.Templates = map[string]papers.Template{}
	}
	o := set.Office
	for name, v := range map[string]string{"发文机关": o.Issuer, "党委": o.Committee, "党委简称": o.Short, "巡察办": o.Office,
		"地名": o.Place, "上报对象": o.Upward, "值班电话": o.Phone, "邮政信箱": o.PostBox, "电子邮箱": o.Email,
		"受理时间": o.Hours, "受理范围": o.Receives} {
		p.office[name].SetText(v)
	}
	p.shown = ""
	p.applyRights()
	if p.key.Selected == "" {
		p.key.SetSelected(p.key.Options[0]) // shows the first template
	} else {
		p.switchTo(papers.TemplateKeys[p.key.SelectedIndex()])
	}
}

// keep stores the template shown, as edited, in the settings being edited.
func (p *papersSettings) keep() {
	if p.shown == "" {
		return
	}
	p.set.Templates[p.shown] = papers.Template{Title: p.title.Text, Recipient: p.recipient.Text, Body: p.body.Text, Signature: p.signer.Text}
}

// switchTo shows template key, keeping the edits of the one shown before.
func (p *papersSettings) switchTo(key string) {
	p.keep()
	p.shown = key
	p.showTemplate(p.set.Template(key))
	p.current = papers.Placeholders(key)
	p.holders.Refresh()
	form := key == papers.FormKey || key == string(papers.KindAppraise)
	for _, e := range []*widget.Entry{p.recipient, p.signer} {
		if form {
			e.Disable() // a form has no 主送 nor 落款
		} else if p.svc.Can(app.PermSettings) {
			e.Enable()
		}
	}
	p.notes.SetText("")
	if form {
		p.notes.SetText("这是表格式文书：表格由程序按数据生成，正文为表格下方的说明。")
	}
}

func (p *papersSettings) showTemplate(t papers.Template) {
	p.title.SetText(t.Title)
	p.recipient.SetText(t.Recipient)
	p.body.SetText(t.Body)
	p.signer.SetText(t.Signature)
}

// collect reads the form into settings.
func (p *papersSettings) collect() papers.Settings {
	p.keep()
	v := func(name string) string { return strings.TrimSpace(p.office[name].Text) }
	set := papers.Settings{Office: papers.Office{Issuer: v("发文机关"), Committee: v("党委"), Short: v("党委简称"), Office: v("巡察办"),
		Place: v("地名"), Upward: v("上报对象"), Phone: v("值班电话"), PostBox: v("邮政信箱"), Email: v("电子邮箱"),
		Hours: v("受理时间"), Receives: v("受理范围")}, Templates: map[string]papers.Template{}}
	for k, t := range p.set.Templates {
		set.Templates[k] = t
	}
	return set
}

func (p *papersSettings) onSave() {
	notes, err := p.store().SavePaperSettings(p.collect())
	if err != nil {
		p.failed(err, p.onSave)
		return
	}
	key := p.shown
	p.shown = ""
	p.load()
	if key != "" {
		p.key.SetSelected(papers.TemplateTitle(key))
	}
	p.done("已保存文书设置")
	if len(notes) > 0 {
		p.notes.SetText(strings.Join(notes, "\n"))
	}
}

// onReset puts the program's text of the template shown back (saved with
// 保存).
func (p *papersSettings) onReset() {
	if p.shown == "" {
		return
	}
	p.confirm("恢复默认", "将“"+papers.TemplateTitle(p.shown)+"”的文字恢复为程序的默认文字？（点“保存”后生效）", func() {
		p.showTemplate(papers.DefaultTemplate(p.shown))
		p.keep()
		p.saved.SetText("已恢复默认文字，尚未保存")
	})
}
