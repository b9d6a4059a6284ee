package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelLike rewrites the workbook at path so that each sheet records its
// dimension, as Excel and WPS always do (excelize writes "A1").
func excelLike(t *testing.T, path string, dims map[string]string) {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if ref, ok := dims[f.Name]; ok {
			data = bytes.Replace(data, []byte(`<dimension ref="A1"`), []byte(`<dimension ref="`+ref+`"`), 1)
		}
		out, _ := w.Create(f.Name)
		out.Write(data)
	}
	r.Close()
	w.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A workbook saved by Excel reports progress row by row, from the
// dimension of each sheet.
func TestProgressFromSheetDimension(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "县区")
	f.SetSheetRow("县区", "A1", &[]any{"县区编码", "县区名称"})
	f.SetSheetRow("县区", "A2", &[]any{"C01", "甲县"})
	f.NewSheet("人员")
	f.SetSheetRow("人员", "A1", &[]any{"人员编号", "姓名", "工作关系地", "人员库"})
	for i := range 20000 {
		f.SetSheetRow("人员", fmt.Sprintf("A%d", i+2), &[]any{fmt.Sprintf("P%05d", i), "某人", "C01", "工作人员库"})
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	excelLike(t, path, map[string]string{"xl/worksheets/sheet1.xml": "A1:B2", "xl/worksheets/sheet2.xml": "A1:D20001"})
	if xl, _ := excelize.OpenFile(path); xl != nil {
		if ref, _ := xl.GetSheetDimension("人员"); !strings.HasSuffix(ref, "20001") {
			t.Fatalf("dimension not planted: %q", ref)
		}
	}
	var got [][2]int
	if _, err := Import(openDB(t), []string{path}, Options{Progress: func(d, n int) { got = append(got, [2]int{d, n}) }}); err != nil {
		t.Fatal(err)
	}
	if len(got) < 20 || got[0][1] < 20000 || got[len(got)-1][0] != got[len(got)-1][1] {
		t.Fatalf("%d reports, first %v, last %v", len(got), got[0], got[len(got)-1])
	}
}
