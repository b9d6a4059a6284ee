package app

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportTables(t *testing.T) {
	s := bulkWorld(t)
	path := filepath.Join(t.TempDir(), "总览.xlsx")
	err := s.ExportTables(path, []TableSheet{
		{Name: "概况", Columns: []string{"项目", "数值"}, Rows: [][]string{{"应覆盖单位", "480"}, {"覆盖率", "30.6%"}}},
		{Name: "组配备/缺员", Columns: []string{"轮次", "巡察组"}, Rows: [][]string{{"2026-2", "=第一巡察组"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != "概况" || got[1] != "组配备_缺员" {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := x.GetRows("概况")
	if len(rows) != 3 || rows[1][0] != "应覆盖单位" || rows[2][1] != "30.6%" {
		t.Errorf("rows %v", rows)
	}
	if f, _ := x.GetCellFormula("组配备_缺员", "B2"); f != "" {
		t.Errorf("a text cell became a formula: %q", f)
	}
	if err := s.ExportTables(path, nil); err == nil {
		t.Error("nothing to export was taken")
	}
}
