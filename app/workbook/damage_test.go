package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"xuncha/app/safezip/ziptest"
)

// zipEntry is one entry of a zip as a test rewrites it.
type zipEntry struct {
	name   string
	data   []byte
	method uint16
}

// readZip reads the entries of the zip at path.
func readZip(t testing.TB, path string) []zipEntry {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []zipEntry
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipEntry{f.Name, b, f.Method})
	}
	return out
}

// zipBytes writes entries as a zip, each with a correct CRC.
func zipBytes(t testing.TB, es []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range es {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(e.data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// partOf returns the zip name of a sheet's part in the workbook at path.
func partOf(t testing.TB, path, sheet string) string {
	t.Helper()
	b, err := openXLSX(path, defaultLimits(), func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	for _, s := range b.sheets {
		if s.name == sheet {
			return s.part.Name
		}
	}
	t.Fatalf("no sheet %s", sheet)
	return ""
}

// damagedBook is a valid workbook damaged one way.
type damagedBook struct {
	name  string
	sheet string // the sheet the message must name, "" when the damage is not in a sheet
	make  func(t *testing.T, path string) []byte
}

// rewrite changes the content of one entry (found by the name's suffix),
// CRCs recomputed: the zip stays valid.
func rewrite(suffix string, method uint16, change func([]byte) []byte) func(t *testing.T, path string) []byte {
	return func(t *testing.T, path string) []byte {
		es := readZip(t, path)
		found := false
		for i := range es {
			es[i].method = method
			if strings.HasSuffix(es[i].name, suffix) {
				es[i].data = change(es[i].data)
				found = true
			}
		}
		if !found {
			t.Fatalf("no entry %s", suffix)
		}
		return zipBytes(t, es)
	}
}

// afterNth returns the index just after the n-th (1-based) occurrence of
// sep in b.
func afterNth(b []byte, sep string, n int) int {
	at := 0
	for i := 0; i < n; i++ {
		j := bytes.Index(b[at:], []byte(sep))
		if j < 0 {
			return -1
		}
		at += j + len(sep)
	}
	return at
}

func damagedBooks(peoplePart string) []damagedBook {
	// flipCase changes the case of a letter of the XML declaration of the
	// 人员 sheet, stored uncompressed: the XML stays as valid as it was,
	// the zip's directory and CRC are unchanged, so only the CRC tells.
	flipCase := func(t *testing.T, path string) []byte {
		z := rewrite(peoplePart, zip.Store, func(b []byte) []byte { return b })(t, path)
		at := bytes.Index(z, []byte("PK\x03\x04"))
		for at >= 0 {
			n := int(binary.LittleEndian.Uint16(z[at+26:]))
			if string(z[at+30:at+30+n]) == peoplePart {
				break
			}
			next := bytes.Index(z[at+4:], []byte("PK\x03\x04"))
			if next < 0 {
				t.Fatal("entry not found")
			}
			at += 4 + next
		}
		i := bytes.Index(z[at:], []byte(`encoding="UTF-8"`))
		z[at+i+len(`encoding="`)] = 'u'
		return z
	}
	return []damagedBook{
		{"工作表在一行结束后被截断", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return b[:afterNth(b, "</row>", 2)]
		})},
		{"工作表在根元素结束前被截断", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return b[:afterNth(b, "</sheetData>", 1)]
		})},
		{"工作表的标签不配对", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return bytes.Replace(b, []byte("</c>"), []byte("</x>"), 1)
		})},
		{"工作表不是XML", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return []byte("PK\x03\x04 garbage")
		})},
		{"工作表内容为空", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte { return nil })},
		{"工作表引用不存在的共享字符串", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return regexp.MustCompile(`t="s"><v>\d+</v>`).ReplaceAll(b, []byte(`t="s"><v>99999</v>`))
		})},
		{"单元格位置无效", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`r="B2"`), []byte(`r="A0"`), 1)
		})},
		{"行号倒退", SheetPeople, rewrite(peoplePart, zip.Deflate, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<row r="3"`), []byte(`<row r="1"`), 1)
		})},
		{"共享字符串在一项结束后被截断", "", rewrite("sharedStrings.xml", zip.Deflate, func(b []byte) []byte {
			return b[:afterNth(b, "</si>", 3)]
		})},
		{"工作表CRC不符", SheetPeople, flipCase},
		{"其他部件CRC不符", "", func(t *testing.T, path string) []byte {
			z := rewrite(peoplePart, zip.Store, func(b []byte) []byte { return b })(t, path)
			i := bytes.Index(z, []byte("<styleSheet"))
			if i < 0 {
				t.Fatal("no styles part")
			}
			z[i+3] ^= 0x20
			return z
		}},
		{"压缩数据损坏", "", func(t *testing.T, path string) []byte {
			z := rewrite(peoplePart, zip.Deflate, func(b []byte) []byte { return b })(t, path)
			for i := len(z) / 3; i < len(z)/3+40; i++ {
				z[i] ^= 0xA5
			}
			return z
		}},
		{"目录记录的大小比内容大", SheetPeople, func(t *testing.T, path string) []byte {
			z := rewrite(peoplePart, zip.Deflate, func(b []byte) []byte { return b })(t, path)
			es := readZip(t, path)
			for _, e := range es {
				if e.name == peoplePart {
					return ziptest.SetDeclaredSize(t, z, peoplePart, uint32(len(e.data)+100))
				}
			}
			return nil
		}},
		{"目录记录的大小比内容小", SheetPeople, func(t *testing.T, path string) []byte {
			z := rewrite(peoplePart, zip.Deflate, func(b []byte) []byte { return b })(t, path)
			return ziptest.SetDeclaredSize(t, z, peoplePart, 200)
		}},
		{"文件截去后半", "", func(t *testing.T, path string) []byte {
			b, _ := os.ReadFile(path)
			return b[:len(b)/2]
		}},
		{"文件截去最后一个字节", "", func(t *testing.T, path string) []byte {
			b, _ := os.ReadFile(path)
			return b[:len(b)-1]
		}},
		{"文件截去目录", "", func(t *testing.T, path string) []byte {
			b, _ := os.ReadFile(path)
			return b[:bytes.LastIndex(b, []byte("PK\x01\x02"))]
		}},
	}
}

// TestDamagedWorkbookRefusedWhole damages a valid workbook in every way a
// disk, a transfer or a hand can, and expects the whole file refused with
// its name (and the sheet's) in the message, nothing written — even when
// the clerk asks for the valid rows only.
func TestDamagedWorkbookRefusedWhole(t *testing.T) {
	good := baseBook().write(t, "book.xlsx")
	peoplePart := partOf(t, good, SheetPeople)
	for _, c := range damagedBooks(peoplePart) {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "损坏.xlsx", c.make(t, good))
			for _, validOnly := range []bool{false, true} {
				db := openDB(t)
				before := counts(t, db)
				res, err := Import(db, []string{path}, Options{ValidOnly: validOnly})
				if err == nil {
					t.Fatalf("valid only %v: accepted (%v)", validOnly, res.Sheets)
				}
				msg := err.Error()
				if !strings.Contains(msg, "损坏.xlsx") || !strings.Contains(msg, "整个文件未导入") || !strings.Contains(msg, c.sheet) {
					t.Errorf("message does not name the file and sheet %q: %s", c.sheet, msg)
				}
				if english := englishWords(msg); english != "" {
					t.Errorf("English in the message (%s): %s", english, msg)
				}
				if after := counts(t, db); !reflect.DeepEqual(before, after) {
					t.Errorf("database changed: %v → %v", before, after)
				}
			}
		})
	}
}

// TestSheetCutAfterAnyRowRefused cuts a sheet after each of its rows in
// turn: however much of it is left, the file is refused.
func TestSheetCutAfterAnyRowRefused(t *testing.T) {
	book := baseBook()
	for i := 0; i < 30; i++ {
		book[SheetPeople] = append(book[SheetPeople], []string{"P1" + string(rune('A'+i)), "某", "", "", "", "C01"})
	}
	good := book.write(t, "book.xlsx")
	part := partOf(t, good, SheetPeople)
	var data []byte
	for _, e := range readZip(t, good) {
		if e.name == part {
			data = e.data
		}
	}
	rows := bytes.Count(data, []byte("</row>"))
	for n := 1; n <= rows; n++ {
		z := rewrite(part, zip.Deflate, func(b []byte) []byte { return b[:afterNth(b, "</row>", n)] })(t, good)
		db := openDB(t)
		if _, err := Import(db, []string{writeFile(t, "cut.xlsx", z)}, Options{ValidOnly: true}); err == nil {
			t.Fatalf("cut after row %d of %d: accepted", n, rows)
		}
		if c := counts(t, db); c["people"] != 0 || c["counties"] != 0 {
			t.Fatalf("cut after row %d: written %v", n, c)
		}
	}
}

// englishWords returns the English words of a message that are not a file
// or part name, nor the names of programs and encodings.
func englishWords(msg string) string {
	msg = regexp.MustCompile(`[\w./\[\]-]*\.(xml|rels|xlsx|csv)\b`).ReplaceAllString(msg, "")
	msg = regexp.MustCompile(`Excel|WPS|Shift-JIS|Big5|UTF-\d+|GB\d+`).ReplaceAllString(msg, "")
	return strings.Join(regexp.MustCompile(`[A-Za-z]{4,}`).FindAllString(msg, -1), " ")
}

// TestWorkbookPartsFoundRegardlessOfCase reads a workbook whose parts are
// named in another case than their relationships say, and one without the
// package's relationships: office part names are case-insensitive, and
// the workbook part is where every writer puts it.
func TestWorkbookPartsFoundRegardlessOfCase(t *testing.T) {
	good := baseBook().write(t, "book.xlsx")
	for _, c := range []struct {
		name   string
		change func(es []zipEntry) []zipEntry
	}{
		{"部件名大小写不同", func(es []zipEntry) []zipEntry {
			for i := range es {
				if strings.HasPrefix(es[i].name, "xl/worksheets/") {
					es[i].name = strings.ToUpper(es[i].name[:3]) + es[i].name[3:]
				}
			}
			return es
		}},
		{"缺少包关系", func(es []zipEntry) []zipEntry {
			var out []zipEntry
			for _, e := range es {
				if e.name != "_rels/.rels" {
					out = append(out, e)
				}
			}
			return out
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "book.xlsx", zipBytes(t, c.change(readZip(t, good))))
			res := mustImport(t, openDB(t), Options{}, path)
			if len(res.Problems) > 0 || !res.Written || summary(res, SheetPeople).Added != 2 {
				t.Fatalf("%v %v", res.Problems, res.Sheets)
			}
		})
	}
}
