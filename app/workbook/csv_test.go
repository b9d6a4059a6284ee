package workbook

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

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
			enc, err := sniff(bytes.NewReader(c.in), "x.csv")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(enc.decoder(bytes.NewReader(c.in)))
			if string(got) != c.want {
				t.Errorf("decoded %q, want %q", got, c.want)
			}
		})
	}
}

// csvTable reads data as the CSV file of sheet, with the limits of an
// import unless lim is given.
func csvTable(sheet string, data []byte, c *collector, lim *limits) (*table, error) {
	if lim == nil {
		lim = defaultLimits()
	}
	enc, err := sniff(bytes.NewReader(data), sheet+".csv")
	if err != nil {
		return nil, err
	}
	return readCSV(sheet, sheet, sheet+".csv", enc, bytes.NewReader(data), c, lim, &budget{lim: lim})
}

func TestCSVDelimiter(t *testing.T) {
	c := &collector{}
	tab, err := csvTable(SheetCounties, []byte("县区编码;县区名称\nC01;城关区\n\nC02;\"东城区\"\n"), c, nil)
	if err != nil || len(c.problems) > 0 || tab == nil {
		t.Fatalf("problems %v %v", err, c.problems)
	}
	if len(tab.rows) != 2 || tab.rows[1].num != 4 || tab.rows[1].cells[1] != "东城区" {
		t.Errorf("rows = %+v", tab.rows)
	}
}

// TestCSVDamageRefused plants the CSV damage that loses rows silently:
// an unclosed quote swallowing every later row (the line it opened on
// named), a quote closed in the middle of a field. The file is refused
// whole, nothing written.
func TestCSVDamageRefused(t *testing.T) {
	rows := "人员编号,姓名,工作关系地\r\nP1,甲,C01\r\nP2,\"乙,C01\r\nP3,丙,C01\r\nP4,丁,C01\r\n"
	for _, c := range []struct {
		name, data, want string
	}{
		{"引号未闭合吞掉其后各行", rows, "第3行开始的引号"},
		{"最后一行引号未闭合", "人员编号,姓名,工作关系地\nP1,甲,C01\nP2,\"乙", "第3行开始的引号"},
		{"引号闭合后紧跟其他字符", "人员编号,姓名,工作关系地\nP1,\"甲\"乙,C01\nP2,丙,C01\n", "第2行：引号"},
		{"Mac换行的引号未闭合", strings.ReplaceAll(rows, "\r\n", "\r"), "第3行开始的引号"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			counties := writeFile(t, "县区.csv", []byte("县区编码,县区名称\nC01,甲县\n"))
			_, err := Import(db, []string{counties, writeFile(t, "人员.csv", []byte(c.data))}, Options{ValidOnly: true})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "人员.csv") {
				t.Fatalf("err %v, want %q", err, c.want)
			}
			if n := counts(t, db); n["people"]+n["counties"] != 0 {
				t.Errorf("written: %v", n)
			}
		})
	}
}

// TestCSVLineEndings reads the same sheet with LF, CR LF and CR ("CSV
// (Macintosh)") line endings, and quoted cells holding line breaks and
// quotes: every row arrives, every cell intact.
func TestCSVLineEndings(t *testing.T) {
	text := "县区编码,县区名称\nC01,\"城关\"\"东\"\"区\"\n\nC02,\"东城\n区\"\nC03,西\"城区\nC04,\"北城区\" \n"
	for _, c := range []struct{ name, eol string }{{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			data := strings.ReplaceAll(text, "\n", c.eol)
			res := mustImport(t, db, Options{}, writeFile(t, "县区.csv", []byte(data)))
			if len(res.Problems) > 0 || summary(res, SheetCounties).Added != 4 {
				t.Fatalf("%v %v", res.Problems, res.Sheets)
			}
			var cs []model.County
			db.Order("code").Find(&cs)
			want := []string{`城关"东"区`, "东城\n区", `西"城区`, "北城区"}
			for i, c := range cs {
				if c.Name != want[i] {
					t.Errorf("%s = %q, want %q", c.Code, c.Name, want[i])
				}
			}
		})
	}
	t.Run("行号", func(t *testing.T) {
		c := &collector{}
		tab, err := csvTable(SheetCounties, []byte("县区编码,县区名称\rC01,\"a\rb\"\r\rC02,x\r"), c, nil)
		if err != nil || len(tab.rows) != 2 || tab.rows[0].num != 2 || tab.rows[1].num != 5 {
			t.Fatalf("%v %+v", err, tab)
		}
	})
}

// TestCSVEncodingProblems gives files in encodings that are not UTF-8 or
// GB18030, or damaged: each is refused as an encoding problem naming the
// file (and the line where one can be named), not as missing columns.
func TestCSVEncodingProblems(t *testing.T) {
	header := "人员编号,姓名,工作关系地\n"
	good := header + "P1,张三,C01\nP2,李四,C01\nP3,王五,C01\n"
	badByte := []byte(good)
	badByte[bytes.Index(badByte, []byte("李"))+1] = 0xFF // in line 3
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte("人員編號,姓名,工作關係地\nP1,張三,C01\nP2,李四,C01\n"))
	if err != nil {
		t.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("人員番号,氏名,勤務地\nP1,山田太郎,C01\nP2,佐藤花子,C01\n"))
	if err != nil {
		t.Fatal(err)
	}
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(good))
	gbBad := gb18030(t, good)
	gbBad = append(gbBad[:len(gbBad)-1], 0xFF, '\n')
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-8中一个坏字节", badByte, "第3行有不是 UTF-8 编码的字节"},
		{"带BOM的UTF-8中一个坏字节", append(append([]byte(nil), bomUTF8...), badByte...), "第3行有不是 UTF-8 编码的字节"},
		{"Big5", big5, "编码"},
		{"Shift-JIS", sjis, "编码"},
		{"没有BOM的UTF-16", utf16, "UTF-16"},
		{"GB18030中一个坏字节", gbBad, "第4行有无法识别的字节"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			_, err := Import(db, []string{writeFile(t, "人员.csv", c.data)}, Options{ValidOnly: true})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "人员.csv") ||
				strings.Contains(err.Error(), "缺少必填列") {
				t.Fatalf("err %v, want %q", err, c.want)
			}
		})
	}
}
