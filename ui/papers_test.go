package ui

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/papers"
	"xuncha/internal/docxtext"
)

// fakeOpener records what the window asked the system to open and print.
type fakeOpener struct{ opened, printed []string }

func (f *fakeOpener) Open(path string) error  { f.opened = append(f.opened, path); return nil }
func (f *fakeOpener) Print(path string) error { f.printed = append(f.printed, path); return nil }

func useFakeOpener(t *testing.T) *fakeOpener {
	// the documents opened are written under os.TempDir(): the test's own
	t.Setenv("TMPDIR", t.TempDir())
	f := &fakeOpener{}
	old := opener
	opener = f
	t.Cleanup(func() { opener = old })
	return f
}

// The documents dialog lists a unit's documents by kind, opens the
// chosen one as .docx and prints it as PDF through the system, and says
// when a kind has none.
func TestPapersDialog(t *testing.T) {
	as, w := resultsWorld(t)
	fake := useFakeOpener(t)
	d := newPapersDialog(as("小李"), w, fixedClock(resToday), app.PaperRequest{Round: "R2026-1", Unit: "U0101"},
		papers.KindFeedback, papers.KindRectify, papers.KindUrge)
	d.show()
	if len(d.names) != 1 || d.names[0] != "巡察反馈意见_U0101_甲县财政局" || d.chosen != 0 {
		t.Fatalf("listed %v, chosen %d", d.names, d.chosen)
	}
	if d.open.Disabled() || d.print.Disabled() || d.save.Disabled() || d.zipAll.Disabled() {
		t.Fatal("buttons off with a document chosen")
	}
	test.Tap(d.open)
	if len(fake.opened) != 1 || filepath.Ext(fake.opened[0]) != ".docx" {
		t.Fatalf("opened %v", fake.opened)
	}
	f, err := docxtext.ReadFile(fake.opened[0])
	if err != nil || !strings.Contains(f.Text(), "甲县财政局党组织：") {
		t.Fatalf("the opened document: %v", err)
	}
	test.Tap(d.print)
	if len(fake.printed) != 1 || filepath.Ext(fake.printed[0]) != ".pdf" {
		t.Fatalf("printed %v", fake.printed)
	}
	if b, err := os.ReadFile(fake.printed[0]); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("the printed file: %v", err)
	}
	d.kind.SetSelected("督办通知")
	if len(d.names) != 1 || d.names[0] != "督办通知_U0101_甲县财政局" {
		t.Errorf("督办通知: %v", d.names)
	}
	d.kind.SetSelected("整改通知书")
	if len(d.names) != 1 {
		t.Errorf("整改通知书: %v", d.names)
	}

	// 第二巡察组's unit has nothing overdue: no 督办通知, said so.
	d = newPapersDialog(as("小李"), w, fixedClock(resToday), app.PaperRequest{Round: "R2026-1", Unit: "U0201"}, papers.KindUrge)
	d.show()
	if len(d.names) != 0 || !strings.Contains(d.note.Text, "没有这种文书") || !d.open.Disabled() || !d.zipAll.Disabled() {
		t.Errorf("no 督办通知: %v %q", d.names, d.note.Text)
	}
}

// In 成果, 文书… opens the chosen unit's documents; 移交函… shows only to a
// user with 线索管理.
func TestResultsPapersButtons(t *testing.T) {
	as, w := resultsWorld(t)
	s := openResults(t, as("小李"), w)
	if !s.unitPapers.Disabled() {
		t.Error("文书… on with no unit chosen")
	}
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	if s.unitPapers.Disabled() || s.handover.Visible() {
		t.Errorf("clerk: 文书… disabled %v, 移交函 visible %v", s.unitPapers.Disabled(), s.handover.Visible())
	}
	test.Tap(s.unitPapers)
	if top := w.Canvas().Overlays().Top(); top == nil || findButton(top, "全部打包…") == nil {
		t.Fatal("no documents dialog")
	}
	s = openResults(t, as("王主任"), w)
	s.units.Select(widget.TableCellID{Row: 0, Col: 1})
	if !s.handover.Visible() || s.handover.Disabled() {
		t.Error("admin: no 移交函")
	}
}

// 督办通知… asks for a round first, then opens the round's.
func TestSuperviseUrge(t *testing.T) {
	as, w := resultsWorld(t)
	s := newSuperviseScreen(as("小李"), w, fixedClock(resToday), nil)
	w.SetContent(s.build())
	test.Tap(s.urge)
	if top := w.Canvas().Overlays().Top(); top == nil || findButton(top, "全部打包…") != nil {
		t.Fatal("no round chosen, yet the documents opened")
	}
	w.Canvas().Overlays().Top().Hide()
	for _, o := range s.round.Options {
		if strings.HasPrefix(o, "R2026-1") {
			s.round.SetSelected(o)
		}
	}
	test.Tap(s.urge)
	top := w.Canvas().Overlays().Top()
	if top == nil || findButton(top, "全部打包…") == nil {
		t.Fatal("no documents dialog")
	}
}

// 另存为… writes the chosen document where the clerk says, as .docx or
// (by the name typed) as PDF; 全部打包… writes every document listed and
// the kind's PDF as one zip.
func TestPapersDialogSaves(t *testing.T) {
	as, w := resultsWorld(t)
	d := newPapersDialog(as("小李"), w, fixedClock(resToday), app.PaperRequest{Round: "R2026-1"}, papers.KindFeedback)
	d.show()
	want := []string{"巡察反馈意见_U0101_甲县财政局", "巡察反馈意见_U0102_甲县人民医院", "巡察反馈意见_U0201_乙县交通运输局"}
	if !reflect.DeepEqual(d.names, want) || !d.save.Disabled() || d.zipAll.Disabled() {
		t.Fatalf("listed %v, save on %v", d.names, !d.save.Disabled())
	}
	d.list.Select(1)
	dir := lastFolder(t)
	test.Tap(d.save)
	path := saveThrough(t, w, dir, "")
	if filepath.Base(path) != want[1]+".docx" {
		t.Errorf("offered %q", filepath.Base(path))
	}
	f, err := docxtext.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if text := f.Text(); !strings.Contains(text, "甲县人民医院党组织：") || !strings.Contains(text, "公务接待超标准") || strings.Contains(text, "甲县财政局") {
		t.Errorf("the saved document:\n%s", text)
	}
	if !strings.Contains(overlayText(w), "已保存巡察反馈意见") {
		t.Errorf("said %q", overlayText(w))
	}
	w.Canvas().Overlays().Top().Hide()

	test.Tap(d.save)
	path = saveThrough(t, w, dir, "医院反馈意见.pdf")
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("the PDF: %v", err)
	}
	if text := docxtext.Squeeze(docxtext.PDFText(t, path)); !strings.Contains(text, "甲县人民医院党组织") {
		t.Errorf("the PDF's text:\n%s", text)
	}
	w.Canvas().Overlays().Top().Hide()

	test.Tap(d.zipAll)
	path = saveThrough(t, w, dir, "")
	if filepath.Base(path) != "R2026-1 巡察反馈意见.zip" {
		t.Errorf("zip offered as %q", filepath.Base(path))
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var entries []string
	for _, e := range z.File {
		entries = append(entries, e.Name)
		if filepath.Ext(e.Name) != ".docx" {
			continue
		}
		r, _ := e.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		doc, err := docxtext.Read(b)
		unit := strings.Split(strings.TrimSuffix(e.Name, ".docx"), "_")[2]
		if err != nil || !strings.Contains(doc.Text(), unit+"党组织：") {
			t.Errorf("%s: %v", e.Name, err)
		}
	}
	if w := []string{want[0] + ".docx", want[1] + ".docx", want[2] + ".docx", "巡察反馈意见_R2026-1（共3份）.pdf"}; !reflect.DeepEqual(entries, w) {
		t.Errorf("zip holds %v, want %v", entries, w)
	}
}
