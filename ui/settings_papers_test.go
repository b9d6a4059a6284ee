package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xuncha/app"
	"xuncha/app/papers"
	"xuncha/internal/docxtext"
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

// What 文书模板 saves is what the documents say: an edited 公告 and the
// office's 值班电话 reach the team's 公告; 恢复本模板默认 and 保存 give the
// program's text back, in the settings and in the document.
func TestPapersSettingsReachDocuments(t *testing.T) {
	as, w := resultsWorld(t)
	admin := as("王主任")
	notice := func() string {
		t.Helper()
		d := newPapersDialog(admin, w, fixedClock(resToday), app.PaperRequest{Round: "R2026-1", Team: "第一巡察组"}, papers.KindNotice)
		fake := useFakeOpener(t)
		d.show()
		defer d.dlg.Hide()
		if len(d.names) != 1 {
			t.Fatalf("公告 of 第一巡察组: %v", d.names)
		}
		test.Tap(d.open)
		f, err := docxtext.ReadFile(fake.opened[0])
		if err != nil {
			t.Fatal(err)
		}
		return f.Text()
	}
	p := newPapersSettings(admin, w)
	w.SetContent(p.build())
	p.office["值班电话"].SetText("0716-7654321")
	p.title.SetText("{巡察组}公告")
	p.body.SetText("{巡察组}进驻{被巡察单位}，值班电话{值班电话}。")
	test.Tap(p.save)
	if p.errors.Visible() {
		t.Fatalf("refused: %q", p.errors.Text)
	}
	text := notice()
	if !strings.Contains(text, "第一巡察组公告") || !strings.Contains(text, "第一巡察组进驻甲县财政局、甲县人民医院，值班电话0716-7654321。") ||
		strings.Contains(text, "欢迎广大党员干部群众") {
		t.Errorf("the edited 公告:\n%s", text)
	}
	w.SetContent(p.build())
	if p.body.Text != "{巡察组}进驻{被巡察单位}，值班电话{值班电话}。" {
		t.Errorf("reopened: %q", p.body.Text)
	}
	test.Tap(p.reset)
	test.Tap(p.confirmReset)
	test.Tap(p.save)
	set, _ := admin.PaperSettings()
	if got := set.Template("公告"); got != papers.DefaultTemplate("公告") {
		t.Errorf("stored after the reset: %+v", got)
	}
	if text := notice(); !strings.Contains(text, "欢迎广大党员干部群众积极反映情况。") || !strings.Contains(text, "值班电话：0716-7654321") {
		t.Errorf("the 公告 after the reset:\n%s", text)
	}
}

// 设置 fits 1024×700 beside the navigation whichever section is open: a
// section of forms wider than the window scrolls sideways instead of
// widening every tab (成果运用 needs 920 points).
func TestSettingsFit1024(t *testing.T) {
	as, w := resultsWorld(t)
	s := newSettingsScreen(as("王主任"), w, nil)
	if min := s.build().MinSize(); min.Width > 1024-160 || min.Height > 700-120 {
		t.Errorf("设置 needs %v", min)
	}
}
