package app

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/workbook"
	"xuncha/model"
)

// unitFile exports U0101's items of the results world and lets edit fill
// them in as the unit would (with or without lifting the protection).
func unitFile(t *testing.T, s *Service, edit func(f *excelize.File, row func(code string) int)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "U0101.xlsx")
	n, err := s.ExportUnitBook("R2026-1", "U0101", path)
	if err != nil || n != 3 {
		t.Fatalf("export: %d items, %v", n, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := func(code string) int {
		rows, _ := f.GetRows(workbook.UnitSheet)
		for i, r := range rows {
			if len(r) > 0 && r[0] == code {
				return i + 1
			}
		}
		t.Fatalf("no row for %s", code)
		return 0
	}
	edit(f, row)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path
}

// set writes v into column col of row r.
func set(t *testing.T, f *excelize.File, r int, col, v string) {
	t.Helper()
	for i, c := range workbook.UnitColumns {
		if c.Name == col {
			cell, _ := excelize.CoordinatesToCellName(i+1, r)
			if err := f.SetCellStr(workbook.UnitSheet, cell, v); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no column %s", col)
}

func TestUnitBookLocksWhatTheUnitMayNotChange(t *testing.T) {
	admin, _, _ := resultsOffice(t)
	path := unitFile(t, admin, func(*excelize.File, func(string) int) {})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	locked := func(cell string) bool {
		id, _ := f.GetCellStyle(workbook.UnitSheet, cell)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	for i, c := range workbook.UnitColumns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		if locked(cell) == c.Editable {
			t.Errorf("column %s: locked %v, editable %v", c.Name, locked(cell), c.Editable)
		}
	}
	if err := f.UnprotectSheet(workbook.UnitSheet); err != nil {
		t.Errorf("sheet not protected: %v", err)
	}
}

func TestUnitBookRoundTrip(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	path := unitFile(t, admin, func(f *excelize.File, row func(string) int) {
		r := row("Z0001")
		set(t, f, r, "状态", "已完成")
		set(t, f, r, "完成日期", "2026/5/28")
		set(t, f, r, "整改进展", "制度已印发")
		set(t, f, row("Z0002"), "整改措施", "开展专题学习，每月一次")
	})
	p, err := clerk.PreviewUnitBook(path)
	if err != nil || !p.OK() {
		t.Fatalf("preview: %v %v", err, p.Problems)
	}
	var got []string
	for _, c := range p.Changes {
		got = append(got, c.Item+" "+c.Field+" "+c.Old+"→"+c.New)
	}
	want := []string{"Z0001 状态 整改中→已完成", "Z0001 完成日期 →2026-05-28", "Z0001 整改进展 →制度已印发",
		"Z0002 整改措施 开展专题学习→开展专题学习，每月一次"}
	if strings.Join(got, "|") != strings.Join(want, "|") || p.Unchanged != 1 {
		t.Fatalf("changes %q (unchanged %d)\nwant %q", got, p.Unchanged, want)
	}
	var before model.RectifyItem
	admin.DB.First(&before, "code = ?", "Z0001")
	if before.State != "整改中" {
		t.Fatal("the preview wrote")
	}
	if _, err := clerk.ImportUnitBook(path); err != nil {
		t.Fatal(err)
	}
	var after model.RectifyItem
	admin.DB.First(&after, "code = ?", "Z0001")
	if after.State != "已完成" || after.DoneOn != "2026-05-28" || after.Progress != "制度已印发" {
		t.Errorf("Z0001 after import = %+v", after)
	}
	if n := auditCount(t, admin, "导入"); n != 1 {
		t.Errorf("%d import entries", n)
	}
	// Again: nothing to change.
	if p, err := clerk.PreviewUnitBook(path); err != nil || len(p.Changes) != 0 || p.Unchanged != 3 {
		t.Errorf("second preview: %+v %v", p, err)
	}
}

// A unit's file that tries to set the review columns — with the sheet
// protection lifted, as anyone can — is refused by its cell, and nothing
// at all is written; so is one with an unknown 整改编号, a changed
// deadline, a done item without a date, or 已销号.
func TestUnitBookRefusals(t *testing.T) {
	admin, clerk, _ := resultsOffice(t)
	for _, c := range []struct {
		name      string
		edit      func(f *excelize.File, row func(string) int)
		col, text string
	}{
		{"单位填写审核结果", func(f *excelize.File, row func(string) int) {
			f.UnprotectSheet(workbook.UnitSheet)
			set(t, f, row("Z0001"), "审核结果", "通过")
		}, "审核结果", "单位不能填写或修改此列"},
		{"单位填写审核人", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0002"), "审核人", "单位自己") }, "审核人", "单位不能填写或修改此列"},
		{"单位填写销号日期", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0002"), "销号日期", "2026-05-30") }, "销号日期", "单位不能填写或修改此列"},
		{"单位改完成时限", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0001"), "完成时限", "2026-12-31") }, "完成时限", "单位不能修改"},
		{"单位填已销号", func(f *excelize.File, row func(string) int) {
			set(t, f, row("Z0002"), "状态", "已销号")
			set(t, f, row("Z0002"), "完成日期", "2026-05-30")
		}, "状态", "单位不能填 已销号"},
		{"已完成无完成日期", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0002"), "状态", "已完成") }, "完成日期", "须填写完成日期"},
		{"未知整改编号", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0002"), "整改编号", "Z9999") }, "整改编号", "“Z9999”不是单位 U0101"},
		{"别的单位的整改编号", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0002"), "整改编号", "Z0005") }, "整改编号", "不是单位 U0101"},
		{"日期无效", func(f *excelize.File, row func(string) int) { set(t, f, row("Z0002"), "完成日期", "2026-02-30") }, "完成日期", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := unitFile(t, admin, func(f *excelize.File, row func(string) int) {
				set(t, f, row("Z0001"), "整改进展", "已推进") // a good change beside the bad one
				c.edit(f, row)
			})
			p, err := clerk.ImportUnitBook(path)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, pr := range p.Problems {
				if pr.Sheet == workbook.UnitSheet && pr.Row > 2 && pr.Column == c.col && strings.Contains(pr.Message, c.text) {
					found = true
				}
			}
			if !found {
				t.Fatalf("want a problem in %s containing %q: %v", c.col, c.text, p.Problems)
			}
			var z1 model.RectifyItem
			admin.DB.First(&z1, "code = ?", "Z0001")
			if z1.Progress != "" || auditCount(t, admin, "导入") != 0 {
				t.Error("a refused file wrote")
			}
		})
	}
}
