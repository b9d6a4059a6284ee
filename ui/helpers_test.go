package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// testWorld opens an in-memory database with two counties, four units,
// three people and one past round, and a test app with the program's theme.
func testWorld(t *testing.T) (*app.Service, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(appTheme{})
	svc := &app.Service{User: "测试", DB: testworld.DB(t,
		&model.County{Code: "C01", Name: "城关区"}, &model.County{Code: "C02", Name: "河西县"},
		&model.Unit{Code: "U01", Name: "县委办公室", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.Unit{Code: "U02", Name: "城关镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U0201", Name: "东街社区", CountyCode: "C01", Category: vocab.CatVillage, ParentCode: testworld.Ptr("U02")},
		&model.Unit{Code: "U03", Name: "河西县财政局", CountyCode: "C02", Category: vocab.CatCountyOrgan},
		&model.UnitLeader{UnitCode: "U02", Name: "赵镇长", Post: "镇长"},
		&model.Person{Code: "P001", Name: "张三", Gender: "男", HomeCountyCode: "C01", CurrentUnitCode: testworld.Ptr("U01"),
			Post: "科长", InLeaderPool: true, Skills: "财务", Status: vocab.StatusActive},
		&model.Person{Code: "P002", Name: "李四", Gender: "女", HomeCountyCode: "C02", CurrentUnitCode: testworld.Ptr("U03"),
			InStaffPool: true, Skills: "审计", Status: vocab.StatusActive},
		&model.Person{Code: "P003", Name: "王五", HomeCountyCode: "C02", InStaffPool: true, Status: vocab.StatusSuspended},
	)}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(windowWidth, windowHeight))
	return svc, w
}

// baseTable is Fyne's table in tab: a *widget.Table or a *widgets.Table.
func baseTable(tab any) *widget.Table {
	if x, ok := tab.(*widgets.Table); ok {
		return &x.Table
	}
	return tab.(*widget.Table)
}

// cellText renders cell id of a table through its own callbacks and
// returns the text shown.
func cellText(t *testing.T, table any, row, col int) string {
	t.Helper()
	tab := baseTable(table)
	o := tab.CreateCell()
	tab.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	switch c := o.(type) {
	case *widgets.Cell:
		return c.Label.Text
	case *widget.Label:
		return c.Text
	}
	t.Fatalf("unknown cell %T", o)
	return ""
}

// tableCell returns the rendered cell of a table, to tap.
func tableCell(table any, row, col int) *widgets.Cell {
	tab := baseTable(table)
	o := tab.CreateCell()
	tab.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widgets.Cell)
}

// headerCell returns the title of column col.
func headerCell(table any, col int) *widgets.HeaderCell {
	tab := baseTable(table)
	o := tab.CreateHeader()
	tab.UpdateHeader(widget.TableCellID{Row: -1, Col: col}, o)
	return o.(*widgets.HeaderCell)
}

func rows(table any) int {
	r, _ := baseTable(table).Length()
	return r
}

// Background work runs at once in tests: see goBackground.
func init() { testHookInline = true }

// walkRendered calls f on o and everything under it, a widget's rendered
// parts too (walk of assign_test.go goes into containers and forms only).
func walkRendered(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, k := range x.Objects {
			walkRendered(k, f)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(x).Objects() {
			walkRendered(k, f)
		}
	}
}

// overlayText is the text of every label of the dialog on top of w.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walkRendered(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// saveThrough answers the save dialog on top of w as a clerk would: the
// file name offered, in folder dir (the dialog starts in the folder used
// last, set before the dialog opens: see lastFolder), then 保存. It returns
// the path the dialog gave, whose file the window then writes. A name
// other than "" is typed instead of the one offered.
func saveThrough(t *testing.T, w fyne.Window, dir, name string) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog")
	}
	var entry *widget.Entry
	var save *widget.Button
	walkRendered(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			if entry == nil {
				entry = x
			}
		case *widget.Button:
			if x.Importance == widget.HighImportance && save == nil {
				save = x
			}
		}
	})
	if entry == nil || save == nil || entry.Text == "" {
		t.Fatalf("not a save dialog with a file name offered (%v, %v)", entry, save)
	}
	if name != "" {
		entry.SetText(name)
	}
	path := filepath.Join(dir, entry.Text)
	test.Tap(save)
	return path
}

// lastFolder makes the next file dialog start in a new temporary folder,
// and returns it.
func lastFolder(t *testing.T) string {
	dir := t.TempDir()
	rememberFolder(prefs(), dir)
	return dir
}
