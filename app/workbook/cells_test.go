package workbook

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"xuncha/app/fieldrule"
	"xuncha/model"
)

// countiesBook is a 县区 sheet whose 县区名称 cells are written raw: cell
// is the XML of the cell in column B of each data row.
func countiesBook(t *testing.T, cells []string) string {
	return saveRawBook(t, "县区.xlsx", []rawSheet{{SheetCounties, sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "县区编码", "县区名称")
		for i, c := range cells {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>C%02d</t></is></c>%s</row>`, i+2, i+2, i, c)
		}
	})}}, nil)
}

// TestExcelErrorValuesAreErrors plants every Excel error value, as an
// error cell (t="e", a formula's cached result among them) and as text,
// in a workbook and in a CSV file: each is an error naming its cell.
func TestExcelErrorValuesAreErrors(t *testing.T) {
	var cells []string
	for _, e := range fieldrule.ExcelErrors {
		cells = append(cells,
			fmt.Sprintf(`<c r="B%%d" t="e"><v>%s</v></c>`, e),
			fmt.Sprintf(`<c r="B%%d" t="e"><f>VLOOKUP(A1,X:Y,2,0)</f><v>%s</v></c>`, e),
			fmt.Sprintf(`<c r="B%%d" t="inlineStr"><is><t> %s</t></is></c>`, strings.ToLower(e)))
	}
	for i := range cells {
		cells[i] = fmt.Sprintf(cells[i], i+2)
	}
	var csv strings.Builder
	csv.WriteString("县区编码,县区名称\n")
	for i, e := range fieldrule.ExcelErrors {
		fmt.Fprintf(&csv, "C%02d,%s\n", i, e)
	}
	for _, c := range []struct {
		name string
		path string
		n    int
	}{
		{"工作簿", countiesBook(t, cells), len(cells)},
		{"CSV", writeFile(t, "县区.csv", []byte(csv.String())), len(fieldrule.ExcelErrors)},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			res := mustImport(t, db, Options{ValidOnly: true}, c.path)
			for row := 2; row < c.n+2; row++ {
				if w := (wantProblem{SheetCounties, row, "县区名称", "Excel 的错误值"}); !w.in(res.Problems) {
					t.Errorf("row %d not reported: %v", row, res.Problems)
				}
			}
			if n := counts(t, db)["counties"]; n != 0 {
				t.Errorf("%d counties written", n)
			}
		})
	}
}

// TestCellRules plants values at and over the limits of fieldrule in the
// cells of a valid workbook, written as xlsx and as CSV: over a limit is an
// error naming sheet, row and column; at it the value is kept as it is.
func TestCellRules(t *testing.T) {
	long := func(n int) string { return strings.Repeat("长", n) }
	code := func(n int) string { return "P" + strings.Repeat("9", n-1) }
	for _, c := range []struct {
		name       string
		sheet, col string
		row        int
		value      string
		want       string    // "" when the value is accepted
		stored     [2]string // then: the table and column it is stored in
	}{
		{"姓名1000字", SheetPeople, "姓名", 2, long(1000), "", [2]string{"people", "name"}},
		{"姓名1001字", SheetPeople, "姓名", 2, long(1001), "超过1000个字符", [2]string{}},
		{"姓名一百万字", SheetPeople, "姓名", 2, long(1_000_000), "超过1000个字符", [2]string{}},
		{"事由含制表符和换行", SheetDeclarations, "事由", 2, "曾在该局\t借调\n两年", "", [2]string{"declarations", "reason"}},
		{"事由含回车换行", SheetDeclarations, "事由", 2, "第一行\r\n第二行", "", [2]string{"declarations", "reason"}},
		{"姓名含ESC", SheetPeople, "姓名", 2, "李\x1b[31m四", "控制字符（U+001B ESC）", [2]string{}},
		{"姓名含NUL", SheetPeople, "姓名", 2, "李\x00四", "控制字符（U+0000 NUL）", [2]string{}},
		{"姓名含DEL", SheetPeople, "姓名", 2, "李\x7f四", "控制字符（U+007F）", [2]string{}},
		{"姓名含C1控制字符", SheetPeople, "姓名", 2, "李\u0085四", "控制字符（U+0085）", [2]string{}},
		{"姓名含从右到左覆盖", SheetPeople, "姓名", 2, "李\u202e四", "控制字符（U+202E）", [2]string{}},
		{"姓名含无法识别的字符", SheetPeople, "姓名", 2, "李\ufffd四", "无法识别的字符", [2]string{}},
		{"编码64字", SheetPeople, "人员编号", 3, code(64), "", [2]string{"people", "code"}},
		{"编码65字", SheetPeople, "人员编号", 3, code(65), "编码最多64个字符", [2]string{}},
		{"编码含制表符", SheetPeople, "人员编号", 3, "P0\t02", "控制字符（U+0009 制表符）", [2]string{}},
		{"引用编码含换行", SheetHistory, "单位编码", 2, "U0\n2", "控制字符（U+000A 换行）", [2]string{}},
		{"日期列一千多字", SheetHistory, "起始日期", 2, strings.Repeat("2", 1001), "超过1000个字符", [2]string{}},
	} {
		for _, format := range []string{"xlsx", "csv"} {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				book := baseBook().clone()
				if c.col == "人员编号" && c.row == 3 {
					// P002 is referred to elsewhere: rename it everywhere.
					for _, rows := range book {
						for _, r := range rows[1:] {
							for j := range r {
								if r[j] == "P002" {
									r[j] = c.value
								}
							}
						}
					}
				} else {
					book.set(c.sheet, c.row, c.col, c.value)
				}
				if strings.ContainsAny(c.value, "\r\n") && format == "csv" {
					book.set(c.sheet, c.row, c.col, `"`+c.value+`"`)
				}
				db := openDB(t)
				res := mustImport(t, db, Options{}, writeBook(t, book, format)...)
				if c.want == "" {
					if len(res.Problems) > 0 || !res.Written {
						t.Fatalf("refused: %v", res.Problems)
					}
					var n int64
					db.Table(c.stored[0]).Where(c.stored[1]+" = ?", fieldrule.NormalizeNewlines(c.value)).Count(&n)
					if n != 1 {
						t.Errorf("%q not stored in %s.%s", c.value, c.stored[0], c.stored[1])
					}
					return
				}
				if w := (wantProblem{c.sheet, c.row, c.col, c.want}); !w.in(res.Problems) {
					t.Errorf("want %+v, got %v", w, res.Problems)
				}
				if res.Written {
					t.Error("written")
				}
			})
		}
	}
}

var (
	c0   = regexp.MustCompile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
	mark = regexp.MustCompile("\uE000[0-9A-F]{2}")
)

// writeBook writes a workbook as one xlsx, or as one CSV file per sheet.
func writeBook(t *testing.T, book sheets, format string) []string {
	t.Helper()
	if format == "xlsx" {
		// excelize writes a control character as U+FFFD: write a mark and
		// put the escape Excel writes (_x001B_) in its place.
		marked := book.clone()
		for _, rows := range marked {
			for _, r := range rows {
				for j, v := range r {
					r[j] = c0.ReplaceAllStringFunc(v, func(s string) string { return fmt.Sprintf("\uE000%02X", s[0]) })
				}
			}
		}
		path := marked.write(t, "book.xlsx")
		z := rewrite("sharedStrings.xml", zip.Deflate, func(b []byte) []byte {
			return mark.ReplaceAllFunc(b, func(m []byte) []byte { return []byte("_x00" + string(m[len(m)-2:]) + "_") })
		})(t, path)
		return []string{writeFile(t, "book.xlsx", z)}
	}
	dir := t.TempDir()
	var paths []string
	for _, sheet := range sheetOrder {
		if rows, ok := book[sheet]; ok {
			path := filepath.Join(dir, sheet+".csv")
			if err := os.WriteFile(path, []byte(csvOf(rows)), 0o600); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
		}
	}
	return paths
}

// TestNotOwnRelative lists a person as their own relative, by 亲属人员编号
// and by 亲属身份证号 (the person's ID number from the file, and from the
// database when the file has no 人员 sheet).
func TestNotOwnRelative(t *testing.T) {
	ownID := baseBook()[SheetPeople][1][4] // P001's
	for _, c := range []struct {
		name  string
		plant func(s sheets) sheets
		want  wantProblem
	}{
		{"亲属人员编号是本人", func(s sheets) sheets { return s.set(SheetRelatives, 3, "亲属人员编号", "P002") },
			wantProblem{SheetRelatives, 3, "亲属人员编号", "不能把本人列为自己的亲属"}},
		{"亲属人员编号是本人的全角写法", func(s sheets) sheets { return s.set(SheetRelatives, 3, "亲属人员编号", "Ｐ００２") },
			wantProblem{SheetRelatives, 3, "亲属人员编号", "不能把本人列为自己的亲属"}},
		{"亲属身份证号是本人的", func(s sheets) sheets { return s.set(SheetRelatives, 2, "亲属身份证号", ownID) },
			wantProblem{SheetRelatives, 2, "亲属身份证号", "不能把本人列为自己的亲属"}},
		{"亲属身份证号是本人的（小写x）", func(s sheets) sheets {
			s.set(SheetPeople, 2, "身份证号", idNum("11010519491231002"))
			return s.set(SheetRelatives, 2, "亲属身份证号", strings.ToLower(idNum("11010519491231002")))
		}, wantProblem{SheetRelatives, 2, "亲属身份证号", "不能把本人列为自己的亲属"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			res := mustImport(t, db, Options{}, c.plant(baseBook().clone()).write(t, "book.xlsx"))
			if !c.want.in(res.Problems) || res.Written {
				t.Errorf("want %+v, got %v (written %v)", c.want, res.Problems, res.Written)
			}
		})
	}
	t.Run("本人身份证号在数据库中", func(t *testing.T) {
		db := openDB(t)
		if res := mustImport(t, db, Options{}, baseBook().write(t, "base.xlsx")); !res.Written {
			t.Fatalf("base: %v", res.Problems)
		}
		only := sheets{SheetRelatives: {baseBook()[SheetRelatives][0], {"P001", "某亲属", "哥哥", ownID}}}
		res := mustImport(t, db, Options{}, only.write(t, "亲属.xlsx"))
		if w := (wantProblem{SheetRelatives, 2, "亲属身份证号", "不能把本人列为自己的亲属"}); !w.in(res.Problems) || res.Written {
			t.Errorf("want %+v, got %v", w, res.Problems)
		}
	})
}

// TestCodesIgnoreWidthAndSpaces writes codes full-width and with spaces of
// both widths around them: they are stored half-width, refer to the codes
// they mean, and a second import finds every row unchanged.
func TestCodesIgnoreWidthAndSpaces(t *testing.T) {
	db := openDB(t)
	if res := mustImport(t, db, Options{}, baseBook().write(t, "base.xlsx")); !res.Written {
		t.Fatalf("base: %v", res.Problems)
	}
	wide := sheets{
		SheetUnits: {baseBook()[SheetUnits][0], {"　Ｕ０５ ", "城关区新单位", "Ｃ０１", "县直机关", "ｕ０１"}},
		SheetPeople: {{"人员编号", "姓名", "工作关系地", "现工作单位编码"},
			{"Ｐ００１", "李四", " Ｃ０１　", "Ｕ０５"}},
		SheetHistory: {baseBook()[SheetHistory][0], {"Ｐ００１", "Ｕ０５", "2024-01-01", ""}},
	}
	res := mustImport(t, db, Options{}, wide.write(t, "全角.xlsx"))
	if w := (wantProblem{SheetUnits, 2, "上级单位编码", "单位“u01”不存在"}); !w.in(res.Problems) {
		t.Fatalf("lower case is another code: %v", res.Problems)
	}
	wide.set(SheetUnits, 2, "上级单位编码", "Ｕ０１")
	res = mustImport(t, db, Options{}, wide.write(t, "全角.xlsx"))
	if len(res.Problems) > 0 || !res.Written {
		t.Fatalf("problems: %v", res.Problems)
	}
	if s := summary(res, SheetPeople); s.Updated != 1 || s.Added != 0 {
		t.Errorf("人员 %v: Ｐ００１ is P001", s)
	}
	var u model.Unit
	if err := db.First(&u, "code = ?", "U05").Error; err != nil || u.CountyCode != "C01" || deref(u.ParentCode) != "U01" {
		t.Errorf("unit U05 = %+v, %v", u, err)
	}
	var p model.Person
	db.First(&p, "code = ?", "P001")
	if p.HomeCountyCode != "C01" || deref(p.CurrentUnitCode) != "U05" {
		t.Errorf("P001 = %+v", p)
	}
	again := mustImport(t, db, Options{}, wide.write(t, "全角.xlsx"))
	if again.Written {
		t.Errorf("second import wrote: %v", again.Sheets)
	}
}
