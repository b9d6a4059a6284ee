package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
)

// 县区管理 from 单位: a 市本级 added, a county renamed, a duplicate code and
// a stale edit refused, a county that units name kept, an empty one
// removed; the screen behind offers the new jurisdiction at once.
func TestCountiesDialog(t *testing.T) {
	svc, w := testWorld(t)
	s := newUnitsScreen(svc, w)
	w.SetContent(s.build())
	d := showCounties(svc, w, s.reload)
	if got := len(d.list.data); got != 2 {
		t.Fatalf("%d rows, want 2", got)
	}
	if r := d.list.data[0]; !slices.Equal(r, []string{"C01", "城关区", "县区", "3", "1"}) {
		t.Errorf("row C01 = %v", r)
	}
	if r := d.list.data[1]; !slices.Equal(r, []string{"C02", "河西县", "县区", "1", "2"}) {
		t.Errorf("row C02 = %v", r)
	}

	// A new 市本级.
	test.Tap(d.add)
	f := d.form
	test.Type(f.code, "C09")
	test.Type(f.name, "清江市本级")
	f.level.SetSelected(vocab.LevelCity)
	test.Tap(f.save)
	if f.errs.Visible() {
		t.Fatalf("refused: %s", f.errs.Text)
	}
	if len(d.list.data) != 3 || !slices.Equal(d.list.data[2][:3], []string{"C09", "清江市本级", "市本级"}) {
		t.Fatalf("rows after adding = %v", d.list.data)
	}
	c := storedCounty(t, svc, "C09")
	if c.Level != vocab.LevelCity {
		t.Errorf("stored level %q", c.Level)
	}
	if !slices.ContainsFunc(s.county.Options, func(o string) bool { return strings.Contains(o, "清江市本级") }) {
		t.Errorf("单位's county filter does not offer it: %v", s.county.Options)
	}

	// The same code again is refused in the form; nothing is written.
	test.Tap(d.add)
	f = d.form
	test.Type(f.code, "C01")
	test.Type(f.name, "重复")
	test.Tap(f.save)
	if !f.errs.Visible() || !strings.Contains(f.errs.Text, "已存在") {
		t.Errorf("duplicate code: %q", f.errs.Text)
	}
	f.dlg.Hide()

	// Rename C02, stored as 县区 (blank level).
	d.list.table.Select(widget.TableCellID{Row: 1, Col: 1})
	test.Tap(d.editB)
	f = d.form
	if f.code.Text != "C02" || !f.code.Disabled() {
		t.Fatalf("form of %q, code editable %v", f.code.Text, !f.code.Disabled())
	}
	f.name.SetText("河西区")
	test.Tap(f.save)
	c = storedCounty(t, svc, "C02")
	if c.Name != "河西区" || c.Level != "" {
		t.Errorf("stored %+v", c)
	}

	// A form read before another clerk's change is refused over it.
	d.list.table.Select(widget.TableCellID{Row: 1, Col: 1})
	test.Tap(d.editB)
	f = d.form
	read := model.County{Code: "C02", Name: "河西区"}
	must(t, svc.SaveCounty(&read, model.County{Code: "C02", Name: "河西新区"}))
	f.name.SetText("河西老区")
	test.Tap(f.save)
	c = storedCounty(t, svc, "C02")
	if c.Name != "河西新区" {
		t.Errorf("a stale form saved over the newer name: %q", c.Name)
	}
	if err := svc.SaveCounty(&read, model.County{Code: "C02", Name: "河西老区"}); err == nil || !strings.Contains(err.Error(), "已被其他用户修改") {
		t.Errorf("stale save: %v", err)
	}
	f.dlg.Hide()

	// C01 holds units and people: kept, saying so. C09 holds nothing.
	if err := svc.DeleteCounty("C01"); err == nil || !strings.Contains(err.Error(), "单位3条") || !strings.Contains(err.Error(), "人员（工作关系地）1条") {
		t.Errorf("delete C01: %v", err)
	}
	d.reload()
	d.list.table.Select(widget.TableCellID{Row: 2, Col: 0})
	test.Tap(d.del)
	yes := findButton(w.Canvas().Overlays().Top(), "是")
	if yes == nil {
		yes = findButton(w.Canvas().Overlays().Top(), "Yes")
	}
	if yes == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(yes)
	if len(d.list.data) != 2 {
		t.Errorf("rows after deleting C09: %v", d.list.data)
	}
	var n int64
	must(t, svc.DB.Model(&model.County{}).Where("code = ?", "C09").Count(&n).Error)
	if n != 0 {
		t.Error("C09 still stored")
	}
}

// A 领导 sees the jurisdictions and changes none.
func TestCountiesDialogReadOnlyForLeader(t *testing.T) {
	svc, w := testWorld(t)
	signInAsLeader(t, svc)
	d := showCounties(svc, w, func() {})
	if len(d.list.data) != 2 || !d.add.Disabled() || !d.editB.Disabled() || !d.del.Disabled() {
		t.Fatalf("rows %d, add %v edit %v del %v", len(d.list.data), d.add.Disabled(), d.editB.Disabled(), d.del.Disabled())
	}
	if err := svc.SaveCounty(nil, model.County{Code: "C08", Name: "x"}); err == nil {
		t.Error("a 领导 added a county")
	}
}

func storedCounty(t *testing.T, svc *app.Service, code string) model.County {
	t.Helper()
	var c model.County
	must(t, svc.DB.Where("code = ?", code).Limit(1).Find(&c).Error)
	return c
}

// The county form asks before Esc drops what was typed; unchanged, Esc
// closes it.
func TestCountyFormEscAsksWhenChanged(t *testing.T) {
	svc, w := testWorld(t)
	m := deskWindow(t, svc, w)
	u := goTo(t, m, "单位").(*unitsScreen)
	d := showCounties(svc, w, u.reload)
	test.Tap(d.add)
	if !key(m, fyne.KeyEscape) || topText(w) == "" || strings.Contains(topText(w), "尚未保存") {
		t.Fatalf("Esc on the unchanged form: %q", topText(w))
	}
	test.Tap(d.add)
	test.Type(d.form.name, "清江市本级")
	key(m, fyne.KeyEscape)
	if !strings.Contains(topText(w), "新增县区的修改") {
		t.Fatalf("Esc on a changed form did not ask: %v %q", topButtons(w), topText(w))
	}
	key(m, fyne.KeyEscape) // 返回: the form stays with the change
	if d.form.name.Text != "清江市本级" {
		t.Error("返回 lost the form")
	}
}
