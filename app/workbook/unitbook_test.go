package workbook

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func unitBook() UnitBook {
	cells := map[string]string{"整改编号": "Z1", "问题类别": "其他", "问题描述": "描述", "整改措施": "措施", "完成时限": "2026-09-30", "状态": "未启动"}
	return UnitBook{Unit: "U01", UnitName: "某局", Round: "R1", RoundName: "第一轮", Rows: []UnitRow{{Cells: cells}}}
}

func TestUnitBookWritesAndReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "u.xlsx")
	if err := WriteUnitBook(path, unitBook()); err != nil {
		t.Fatal(err)
	}
	ub, probs, err := ReadUnitBook(path)
	if err != nil || probs != nil {
		t.Fatalf("%v %v", probs, err)
	}
	if ub.Unit != "U01" || ub.Round != "R1" || len(ub.Rows) != 1 || ub.Rows[0].Row != 3 || ub.Rows[0].Cells["完成时限"] != "2026-09-30" {
		t.Errorf("read back %+v", ub)
	}
}

// A file that is not a unit's workbook, or a damaged one, is refused with a
// message; none makes the reader panic.
func TestUnitBookRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.xlsx")
	if err := WriteUnitBook(good, unitBook()); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(good)
	cut := filepath.Join(dir, "cut.xlsx")
	os.WriteFile(cut, b[:len(b)/2], 0o600)
	junk := filepath.Join(dir, "junk.xlsx")
	os.WriteFile(junk, []byte("这不是工作簿"), 0o600)
	for _, p := range []string{cut, junk, filepath.Join(dir, "none.xlsx")} {
		if _, _, err := ReadUnitBook(p); err == nil {
			t.Errorf("%s read without an error", filepath.Base(p))
		}
	}
	// An ordinary workbook: no 说明, no sheet.
	other := filepath.Join(dir, "other.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "人员编号")
	f.SaveAs(other)
	f.Close()
	_, probs, err := ReadUnitBook(other)
	if err != nil || len(probs) == 0 || !strings.Contains(probs[0].Message, "不是巡察办导出的单位整改填报表") {
		t.Errorf("a foreign workbook: %v %v", probs, err)
	}
	// A cell too long, and a column removed.
	f, _ = excelize.OpenFile(good)
	f.SetCellStr(UnitSheet, "J3", strings.Repeat("长", 1001))
	f.UnprotectSheet(UnitSheet)
	f.RemoveCol(UnitSheet, "B")
	f.Save()
	f.Close()
	_, probs, _ = ReadUnitBook(good)
	var text []string
	for _, p := range probs {
		text = append(text, p.String())
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "问题类别：缺少必填列") || !strings.Contains(all, "第3行 整改进展：超过1000个字符") {
		t.Errorf("problems %s", all)
	}
}

// A unit's file is read as every workbook is: a sheet cut after a complete
// row (the zip still valid) or a part whose CRC no longer matches is
// refused whole, never read as a shorter list of items.
func TestUnitBookDamageRefusedWhole(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.xlsx")
	if err := WriteUnitBook(good, unitBook()); err != nil {
		t.Fatal(err)
	}
	part := partOf(t, good, UnitSheet)
	for name, make := range map[string]func(t *testing.T, path string) []byte{
		"截断于一行之后": rewrite(part, zip.Deflate, func(b []byte) []byte { return b[:afterNth(b, "</row>", 3)] }),
		"校验值不符": func(t *testing.T, path string) []byte {
			z := rewrite(part, zip.Store, func(b []byte) []byte { return b })(t, path)
			i := bytes.LastIndex(z, []byte("</row>"))
			z[i+2] = 'R' // </Row>: the XML changes, the recorded CRC does not
			return z
		},
	} {
		t.Run(name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.xlsx")
			if err := os.WriteFile(bad, make(t, good), 0o600); err != nil {
				t.Fatal(err)
			}
			ub, _, err := ReadUnitBook(bad)
			if err == nil || !strings.Contains(err.Error(), UnitSheet) {
				t.Fatalf("a damaged unit file read: %v, %+v", err, ub)
			}
		})
	}
}
