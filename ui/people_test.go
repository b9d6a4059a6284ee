package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPeopleScreenFilter(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())

	if got := s.count.Text; got != "共 3 人" {
		t.Errorf("count without filter = %q", got)
	}
	test.Type(s.search, "李")
	if rows(s.table) != 1 || cellText(t, s.table, 0, 1) != "李四" || cellText(t, s.table, 0, 3) != "河西县" {
		t.Errorf("after typing 李: %d rows, first %q", rows(s.table), cellText(t, s.table, 0, 1))
	}
	if got := s.count.Text; got != "共 1 人" {
		t.Errorf("count after typing = %q", got)
	}
	s.search.SetText("")
	s.county.SetSelected("C02 河西县")
	if rows(s.table) != 2 || cellText(t, s.table, 0, 0) != "P002" || cellText(t, s.table, 1, 0) != "P003" {
		t.Errorf("county C02: %d rows", rows(s.table))
	}
	s.status.SetSelected("暂停")
	if rows(s.table) != 1 || cellText(t, s.table, 0, 1) != "王五" {
		t.Errorf("county C02 and 暂停: %d rows", rows(s.table))
	}
	s.county.SetSelected(all)
	s.status.SetSelected(all)
	s.skill.SetSelected("财务")
	if rows(s.table) != 1 || cellText(t, s.table, 0, 0) != "P001" {
		t.Errorf("skill 财务: %d rows", rows(s.table))
	}
}

func TestPeopleScreenSortByHeader(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	name := headerCell(s.table, 1)
	test.Tap(name) // 姓名, pinyin order: 李四 王五 张三
	got := []string{cellText(t, s.table, 0, 1), cellText(t, s.table, 1, 1), cellText(t, s.table, 2, 1)}
	if strings.Join(got, " ") != "李四 王五 张三" {
		t.Errorf("sorted by name: %v", got)
	}
	if h := headerCell(s.table, 1); h.Label.Text != "姓名 ▲" {
		t.Errorf("header = %q", h.Label.Text)
	}
	test.Tap(headerCell(s.table, 1))
	if cellText(t, s.table, 0, 1) != "张三" {
		t.Errorf("descending first = %q", cellText(t, s.table, 0, 1))
	}
}

func TestPersonFormEditAndSave(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Type(s.search, "张三")
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	if f == nil || f.name.Text != "张三" {
		t.Fatal("double tap did not open the form of 张三")
	}
	f.post.SetText("")
	test.Type(f.post, "处长")
	test.Tap(f.history.list.Add)
	r := f.history.rows[0]
	r.unit.SetText("U02")
	test.Type(r.start, "2019-03-01")
	test.Type(r.end, "2022-02-28")
	test.Tap(f.relatives.list.Add)
	rel := f.relatives.rows[0]
	test.Type(rel.name, "张小")
	rel.relation.SetText("妻子")
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	d, err := svc.PersonDetail("P001")
	if err != nil {
		t.Fatal(err)
	}
	if d.Person.Post != "处长" || len(d.History) != 1 || d.History[0].UnitCode != "U02" || len(d.Relatives) != 1 || d.Relatives[0].Relation != "配偶" {
		t.Errorf("stored = %+v %+v %+v", d.Person, d.History, d.Relatives)
	}
	if got := cellText(t, s.table, 0, 5); got != "处长" {
		t.Errorf("table shows post %q after saving", got)
	}
}

func TestPersonFormBadIDNumber(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Tap(tableCell(s.table, 1, 0)) // select 李四
	s.onEdit()
	f := s.form
	test.Type(f.idNumber, "110105194912310021")
	test.Tap(f.save)
	if !f.errors.Visible() || !strings.Contains(f.errors.Text, "身份证号：校验位错误（应为X）") {
		t.Errorf("error shown = %v %q", f.errors.Visible(), f.errors.Text)
	}
	if d, _ := svc.PersonDetail("P002"); d.Person.IDNumber != "" {
		t.Errorf("a refused form was stored: %q", d.Person.IDNumber)
	}
}

func TestPersonFormAddAndRemoveRows(t *testing.T) {
	svc, w := testWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Tap(s.add)
	f := s.form
	test.Type(f.code, "P010")
	test.Type(f.name, "赵六")
	f.county.SetSelected("C01 城关区")
	f.pools.SetSelected([]string{"组长库"})
	test.Tap(f.decls.list.Add)
	test.Tap(f.decls.list.Add)
	test.Tap(f.decls.list.RemoveButton(0))
	if len(f.decls.rows) != 1 || f.decls.list.Len() != 1 {
		t.Fatalf("rows after remove: %d/%d", len(f.decls.rows), f.decls.list.Len())
	}
	f.decls.rows[0].unit.SetText("U03 河西县财政局")
	test.Type(f.decls.rows[0].reason, "配偶在该局任职")
	test.Tap(f.save)
	if f.errors.Visible() {
		t.Fatalf("save refused: %s", f.errors.Text)
	}
	d, err := svc.PersonDetail("P010")
	if err != nil || !d.Person.InLeaderPool || len(d.Declarations) != 1 || d.Declarations[0].UnitCode != "U03" {
		t.Fatalf("stored = %+v, %v", d, err)
	}
	if s.count.Text != "共 4 人" {
		t.Errorf("count after adding = %q", s.count.Text)
	}
}

// A 领导 reads 人员库 and 单位: no adding or deleting, and the forms open
// read-only.
func TestPeopleAndUnitsReadOnlyForLeader(t *testing.T) {
	svc, w := testWorld(t)
	signInAsLeader(t, svc)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	if !s.add.Disabled() || !s.del.Disabled() || s.edit.Text != "查看" || s.export.Disabled() {
		t.Fatalf("people buttons for a 领导: add %v del %v edit %q export %v",
			s.add.Disabled(), s.del.Disabled(), s.edit.Text, s.export.Disabled())
	}
	test.Type(s.search, "张三")
	test.DoubleTap(tableCell(s.table, 0, 1))
	if s.form == nil || !s.form.save.Disabled() {
		t.Fatal("the person form is editable for a 领导")
	}
	u := newUnitsScreen(svc, w)
	w.SetContent(u.build())
	test.DoubleTap(tableCell(u.table, 0, 1))
	if u.form == nil || !u.form.save.Disabled() {
		t.Fatal("the unit form is editable for a 领导")
	}
}
