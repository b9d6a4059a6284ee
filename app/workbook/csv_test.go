package workbook

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xuncha/model"
)

// csvOf writes rows as CSV text.
func csvOf(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\r\n")
	}
	return b.String()
}

func gb18030(t *testing.T, s string) []byte {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportCSV imports 县区 and 人员 as CSV files in the encodings Excel
// and WPS save, and checks the names arrive intact.
func TestImportCSV(t *testing.T) {
	book := baseBook()
	counties := csvOf(book[SheetCounties])
	units := csvOf(book[SheetUnits])
	people := csvOf(book[SheetPeople])
	for _, c := range []struct {
		name   string
		encode func(string) []byte
	}{
		{"UTF-8", func(s string) []byte { return []byte(s) }},
		{"UTF-8带BOM", func(s string) []byte { return append(append([]byte(nil), bomUTF8...), s...) }},
		{"GB18030", func(s string) []byte { return gb18030(t, s) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			res := mustImport(t, db, Options{},
				writeFile(t, "县区.csv", c.encode(counties)), writeFile(t, "单位.csv", c.encode(units)),
				writeFile(t, "人员.csv", c.encode(people)))
			if len(res.Problems) > 0 {
				t.Fatalf("problems: %v", res.Problems)
			}
			if s := summary(res, SheetPeople); s.Added != 2 {
				t.Fatalf("人员 %v", s)
			}
			var ps []model.Person
			db.Order("code").Find(&ps)
			if len(ps) != 2 || ps[0].Name != "李四" || ps[1].Name != "王五" || ps[1].BirthDate != "1985-03-08" || ps[1].Skills != "法律" {
				t.Errorf("people = %+v", ps)
			}
			var cs []model.County
			db.Order("code").Find(&cs)
			if len(cs) != 2 || cs[0].Name != "城关区" {
				t.Errorf("counties = %+v", cs)
			}
		})
	}
}

// TestImportCSVProblems checks that problems in CSV files are reported by
// sheet (the file name), row and column, decoded, and block the import.
func TestImportCSVProblems(t *testing.T) {
	book := baseBook().clone().set(SheetPeople, 3, "人员库", "骨干库")
	people := csvOf(book[SheetPeople])
	counties := csvOf(book[SheetCounties])
	units := csvOf(book[SheetUnits])
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"GB18030里的未知人员库", gb18030(t, people)},
		{"UTF-8带BOM里的未知人员库", append(append([]byte(nil), bomUTF8...), people...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			before := counts(t, db)
			res := mustImport(t, db, Options{}, writeFile(t, "县区.csv", []byte(counties)),
				writeFile(t, "单位.csv", []byte(units)), writeFile(t, "人员.csv", c.data))
			want := wantProblem{SheetPeople, 3, "人员库", "“骨干库”无效"}
			if !want.in(res.Problems) || len(res.Problems) != 1 {
				t.Errorf("want only %+v, got %v", want, res.Problems)
			}
			if res.Written {
				t.Error("written despite problems")
			}
			if after := counts(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("database changed: %v → %v", before, after)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8", []byte("巡察,组"), "巡察,组"},
		{"UTF-8带BOM", append(append([]byte(nil), bomUTF8...), "巡察"...), "巡察"},
		{"GB18030", gb18030(t, "巡察办,张三"), "巡察办,张三"},
		{"UTF-16LE带BOM", []byte{0xFF, 0xFE, 0x21, 0x5F, 0x09, 0x00}, "弡\t"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(decodeText(c.in)); got != c.want {
				t.Errorf("decodeText = %q, want %q", got, c.want)
			}
		})
	}
}

func TestCSVDelimiter(t *testing.T) {
	c := &collector{}
	tab := readCSV(SheetCounties, SheetCounties, []byte("县区编码;县区名称\nC01;城关区\n\nC02;\"东城区\"\n"), c)
	if len(c.problems) > 0 || tab == nil {
		t.Fatalf("problems %v", c.problems)
	}
	if len(tab.rows) != 2 || tab.rows[1].num != 4 || tab.rows[1].cells[1] != "东城区" {
		t.Errorf("rows = %+v", tab.rows)
	}
}
