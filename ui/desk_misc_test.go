package ui

import (
	"encoding/json"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The 被巡察单位 list filters as the clerk types, by code, name or the
// name's pinyin initials.
func TestUnitPickerFindsByInitials(t *testing.T) {
	svc, w := calendarWorld(t)
	s := openCalendar(t, svc, w, calToday)
	test.Tap(s.newRound)
	f := s.form
	test.Type(f.code, "2026-2")
	test.Type(f.name, "2026年第二轮巡察")
	test.Type(f.dates[dOnsiteStart], "2026-06-01")
	test.Tap(f.save)
	test.Tap(f.teams.add)
	p := f.teams.picker
	p.onlyFree.SetChecked(false)
	p.county.SetSelected("C01 城关区")
	test.Type(p.search, "xwb")
	if got := listedUnits(p); got != "U01" {
		t.Errorf("xwb lists %q, want U01 (县委办公室)", got)
	}
}

// The file dialog names its places in Chinese (Fyne shows Home, Computer
// … in English whatever the language), and Chinese words cover Fyne's
// keys for the parent folder and a new folder's name.
func TestFileDialogInChinese(t *testing.T) {
	_, w := testWorld(t)
	t.Setenv("HOME", t.TempDir())
	fileDialog{title: "选择文件", exts: []string{".xlsx"}}.open(w, func(string) {})
	var names []string
	walkObjects(w.Canvas().Overlays().Top(), false, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.List)
		if !ok {
			return
		}
		for i := 0; i < l.Length(); i++ {
			item := l.CreateItem()
			l.UpdateItem(i, item)
			walkObjects(item, false, func(o fyne.CanvasObject) {
				if lb, ok := o.(*widget.Label); ok {
					names = append(names, lb.Text)
				}
			})
		}
	})
	if !slices.Contains(names, "主文件夹") || !slices.Contains(names, "计算机") {
		t.Fatalf("places listed: %v", names)
	}
	for _, n := range names {
		if _, english := placeNames[n]; english {
			t.Errorf("place %q in English (all: %v)", n, names)
		}
	}
	var words map[string]any
	if err := json.Unmarshal([]byte(zhWords), &words); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file.parent", "file.name", "OK", "Cancel", "Create Folder"} {
		if words[k] == nil {
			t.Errorf("no Chinese for %q", k)
		}
	}
}
