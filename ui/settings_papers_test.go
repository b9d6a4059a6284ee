package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xuncha/app/papers"
)

// 设置 › 文书模板: the office and the default texts show; an unknown
// placeholder is refused naming it; edits of two templates are saved
// together; 恢复本模板默认 puts the program's text back; a placeholder's
// tap copies it; a clerk only reads.
func TestPapersSettings(t *testing.T) {
	as, w := resultsWorld(t)
	admin := as("王主任")
	p := newPapersSettings(admin, w)
	content := p.build()
	w.SetContent(content)
	// usable at 1024×700 beside the navigation (SPEC §13.4)
	if min := content.MinSize(); min.Width > 1024-160 || min.Height > 700-160 {
		t.Errorf("the tab needs %v", min)
	}
	if p.title.Text != papers.DefaultTemplate("公告").Title || p.shown != "公告" || len(p.current) == 0 {
		t.Fatalf("first template: %q %q", p.title.Text, p.shown)
	}
	p.office["值班电话"].SetText("0716-1234567")
	p.body.SetText("请联系{联系人}。")
	test.Tap(p.save)
	if !p.errors.Visible() || !strings.Contains(p.errors.Text, "{联系人} 不是巡察公告的占位符") {
		t.Fatalf("unknown placeholder: %q", p.errors.Text)
	}
	p.body.SetText("值班电话：{值班电话}")
	p.key.SetSelected(papers.TemplateTitle("督办通知"))
	p.title.SetText("督办函")
	test.Tap(p.save)
	if p.errors.Visible() {
		t.Fatalf("refused: %q", p.errors.Text)
	}
	set, _ := admin.PaperSettings()
	if set.Office.Phone != "0716-1234567" || set.Templates["公告"].Body != "值班电话：{值班电话}" || set.Templates["督办通知"].Title != "督办函" {
		t.Errorf("stored %+v", set)
	}
	if p.notes.Text != "" {
		t.Errorf("notes %q", p.notes.Text)
	}
	p.key.SetSelected(papers.TemplateTitle("整改通知书"))
	p.body.SetText("请整改。")
	test.Tap(p.save)
	if p.errors.Visible() || !strings.Contains(p.notes.Text, "正文中没有 {整改事项表}") {
		t.Errorf("a table left out: %q %q", p.errors.Text, p.notes.Text)
	}
	p.key.SetSelected(papers.TemplateTitle("督办通知"))
	test.Tap(p.reset)
	test.Tap(p.confirmReset)
	if p.title.Text != papers.DefaultTemplate("督办通知").Title {
		t.Errorf("reset: %q", p.title.Text)
	}
	p.holders.Select(0)
	if got := fyne.CurrentApp().Clipboard().Content(); got != "{发文机关}" {
		t.Errorf("copied %q", got)
	}
	p.key.SetSelected(papers.TemplateTitle(papers.FormKey))
	if !p.recipient.Disabled() || !p.signer.Disabled() {
		t.Error("a form's 主送 and 落款 editable")
	}

	c := newPapersSettings(as("小李"), w)
	w.SetContent(c.build())
	if !c.save.Disabled() || !c.title.Disabled() || !c.office["发文机关"].Disabled() {
		t.Error("a clerk may edit the documents' settings")
	}
}
