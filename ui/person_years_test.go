package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestPersonFormYears: the form's new fields and tabs save — 推荐单位,
// 入库日期, 状态原因, a tie, a training, a declaration's 来源 — and the
// change of status shows in 状态历史 the next time the form opens.
func TestPersonFormYears(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Type(s.search, "张三")
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	f.recommend.SetText("U02")
	test.Type(f.joined, "2021-05-01")
	f.status.SetSelected(vocab.StatusSuspended)
	test.Type(f.statusReason, "借调外地")
	test.Tap(f.ties.list.Add)
	tie := f.ties.rows[0]
	test.Type(tie.name, "赵镇长")
	tie.relation.SetSelected(vocab.TieSuperior)
	tie.unit.SetText("U02")
	tie.leader.SetChecked(true)
	test.Type(tie.end, "2024-06-30")
	test.Tap(f.trainings.list.Add)
	tr := f.trainings.rows[0]
	test.Type(tr.name, "巡察干部培训班")
	test.Type(tr.start, "2025-04-01")
	test.Type(tr.hours, "二十")
	test.Tap(f.save)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "学时") {
		t.Fatalf("bad hours not shown: %q", f.errors.Text)
	}
	tr.hours.SetText("24")
	test.Tap(f.decls.list.Add)
	dr := f.decls.rows[0]
	dr.unit.SetText("U03")
	test.Type(dr.reason, "曾在该局借调")
	dr.source.SetSelected(vocab.DeclUnit)
	if !dr.handle.Disabled() {
		t.Error("处理… is enabled on an unsaved declaration")
	}
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	d, _ := svc.PersonDetail("P001")
	if d.Person.JoinedOn != "2021-05-01" || *d.Person.RecommendUnitCode != "U02" || d.Person.StatusReason != "借调外地" ||
		len(d.Ties) != 1 || d.Ties[0].EndDate != "2024-06-30" || !d.Ties[0].IsUnitLeadership ||
		len(d.Trainings) != 1 || d.Trainings[0].Hours != 24 || d.Declarations[0].Source != vocab.DeclUnit {
		t.Fatalf("stored %+v", d)
	}
	test.DoubleTap(tableCell(s.table, 0, 1))
	hist := s.form.tabs.Items[7]
	if hist.Text != "状态历史" {
		t.Fatalf("tab %q", hist.Text)
	}
	w.SetContent(hist.Content)
	if !containsText(hist.Content, "在库 → 暂停") || !containsText(hist.Content, "借调外地") {
		t.Error("状态历史 does not show the change")
	}
}

// TestPersonFormHandleDeclaration: a 领导 (who cannot edit the form)
// decides 不予回避 on a stored declaration, with a reason, from its row.
func TestPersonFormHandleDeclaration(t *testing.T) {
	svc, w := testWorld(t)
	testworld.Plant(t, svc.DB, &model.Declaration{PersonCode: "P002", UnitCode: "U02", Reason: "配偶在该镇任职"})
	signInAsLeader(t, svc)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Type(s.search, "李四")
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	r := f.decls.rows[0]
	if r.handle.Disabled() || r.handling.Text != "须回避" {
		t.Fatalf("row: handle disabled %v, handling %q", r.handle.Disabled(), r.handling.Text)
	}
	test.Tap(r.handle)
	// 不予回避 without a reason: refused; then with one
	f.decls.choice.SetSelected(vocab.NotRecused)
	test.Tap(f.decls.confirm)
	if d, _ := svc.PersonDetail("P002"); d.Declarations[0].Handling != "" {
		t.Fatal("不予回避 without a reason was recorded")
	}
	test.Type(f.decls.why, "配偶已调离")
	test.Tap(f.decls.confirm)
	d, _ := svc.PersonDetail("P002")
	if x := d.Declarations[0]; x.Handling != vocab.NotRecused || x.Handler != "王主任" || x.HandlingReason != "配偶已调离" {
		t.Fatalf("declaration %+v", x)
	}
	if !strings.Contains(r.handling.Text, "不予回避（王主任：配偶已调离）") {
		t.Errorf("row shows %q", r.handling.Text)
	}
}

// TestPersonFormResume: 巡察履历 writes the PDF and the workbook.
func TestPersonFormResume(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Type(s.search, "张三")
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	test.Tap(f.resume)
	if f.resumeDlg == nil {
		t.Fatal("no 巡察履历 dialog")
	}
	dir := t.TempDir()
	for _, x := range []struct{ path, pdf, xlsx string }{{filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.pdf"), ""},
		{filepath.Join(dir, "r.xlsx"), "", filepath.Join(dir, "r.xlsx")}} {
		if _, err := svc.ExportResume("P001", x.pdf, x.xlsx); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(x.path); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", x.path, err)
		}
	}
	s.onAdd()
	if !s.form.resume.Disabled() {
		t.Error("巡察履历 of a person not yet saved")
	}
}

// containsText reports whether a label inside o shows text (in part).
func containsText(o fyne.CanvasObject, text string) bool {
	found := false
	var visit func(fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c)
			}
		case *container.Scroll:
			visit(x.Content)
		case *widget.Label:
			found = found || strings.Contains(x.Text, text)
		}
	}
	visit(o)
	return found
}
