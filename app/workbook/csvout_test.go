package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"xuncha/model"
)

// TestWriteCSV checks what makes Excel open the file right: the BOM, CRLF
// line ends, quoting, and ID numbers and zero-led codes kept as text.
func TestWriteCSV(t *testing.T) {
	cases := []struct {
		name string
		row  []string
		line string
	}{
		{"中文姓名原样", []string{"P001", "李四"}, "P001,李四"},
		{"身份证号加制表符防科学计数", []string{"P001", "110105198001010023"}, "P001,\t110105198001010023"},
		{"身份证号末位X本是文本", []string{"P001", "11010519800101002X"}, "P001,11010519800101002X"},
		{"前导零编码加制表符", []string{"007", "王五"}, "\t007,王五"},
		{"短数字不动", []string{"P001", "3"}, "P001,3"},
		{"逗号与引号加引号", []string{"P001", `财务,"审计"`}, `P001,"财务,""审计"""`},
		{"单元格内换行", []string{"P001", "甲\n乙"}, "P001,\"甲\n乙\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSV(&b, []string{"人员编号*", "姓名*"}, [][]string{c.row}); err != nil {
				t.Fatal(err)
			}
			want := "\ufeff人员编号*,姓名*\r\n" + c.line + "\r\n"
			if got := b.String(); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestExportCSVReimports exports people and units as CSV and imports the
// files again: unchanged into the same database, and complete into an
// empty one (with the counties).
func TestExportCSVReimports(t *testing.T) {
	db := openDB(t)
	if res := mustImport(t, db, Options{}, baseBook().write(t, "book.xlsx")); len(res.Problems) > 0 {
		t.Fatalf("setup: %v", res.Problems)
	}
	dir := filepath.Join(t.TempDir(), "导出 名单")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	people, units := filepath.Join(dir, "人员.csv"), filepath.Join(dir, "单位.csv")
	if err := ExportPeopleCSV(db, nil, people); err != nil {
		t.Fatal(err)
	}
	if err := ExportUnitsCSV(db, []string{"U01", "U02", "U03", "U04"}, units); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(people)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, bomUTF8) {
		t.Errorf("no BOM: % x", data[:8])
	}
	if n, crlf := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")); n != 3 || crlf != 3 {
		t.Errorf("lines: %d, CRLF: %d, want 3 and 3:\n%s", n, crlf, data)
	}
	if !strings.Contains(string(data), "李四") || !strings.Contains(string(data), "\t"+idNum("11010519800101002")) {
		t.Errorf("content:\n%s", data)
	}

	t.Run("同库再导入无变化", func(t *testing.T) {
		res := mustImport(t, db, Options{}, units, people)
		if len(res.Problems) > 0 {
			t.Fatalf("problems: %v", res.Problems)
		}
		for _, sheet := range []string{SheetUnits, SheetPeople} {
			if s := summary(res, sheet); s.Added+s.Updated+s.Rejected != 0 || s.Unchanged == 0 {
				t.Errorf("%s: %+v", sheet, s)
			}
		}
	})
	t.Run("空库导入", func(t *testing.T) {
		fresh := openDB(t)
		counties := writeFile(t, "县区.csv", []byte(csvOf(baseBook()[SheetCounties])))
		res := mustImport(t, fresh, Options{}, counties, units, people)
		if len(res.Problems) > 0 {
			t.Fatalf("problems: %v", res.Problems)
		}
		var a, b []model.Person
		db.Order("code").Find(&a)
		fresh.Order("code").Find(&b)
		if len(a) != 2 || len(b) != 2 {
			t.Fatalf("people: %d and %d", len(a), len(b))
		}
		for i := range a {
			a[i].Stamp, b[i].Stamp = model.Stamp{}, model.Stamp{} // when each was imported is not the file's
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Errorf("person %s:\nwant %+v\ngot  %+v", a[i].Code, a[i], b[i])
			}
		}
	})
	t.Run("所选人员", func(t *testing.T) {
		one := filepath.Join(t.TempDir(), "人员.csv")
		if err := ExportPeopleCSV(db, []string{"P002"}, one); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(one)
		if strings.Contains(string(data), "P001") || !strings.Contains(string(data), "P002") {
			t.Errorf("content:\n%s", data)
		}
	})
}
