package workbook

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"xuncha/app/safezip/ziptest"
)

// smallLimits are the limits of an import scaled down, so that a bomb of
// each shape is a few kilobytes.
func smallLimits() *limits {
	l := defaultLimits()
	l.zip.File = 128 << 10
	l.zip.Unpacked = 1 << 20
	l.zip.Entries = 20
	l.rows = 2000
	l.columns = 100
	l.xmlToken = 16 << 10
	l.xmlDepth = 32
	l.strings = 1000
	l.text = 256 << 10
	l.total = 3000
	return l
}

// bookBytes writes a hand-made workbook into memory.
func bookBytes(t testing.TB, write func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// refusedWith imports path with lim and expects the whole file refused
// with a message holding want, the database unchanged.
func refusedWith(t *testing.T, path string, lim *limits, want string) {
	t.Helper()
	db := openDB(t)
	before := counts(t, db)
	res, err := Import(db, []string{path}, Options{ValidOnly: true, lim: lim})
	if err == nil {
		t.Fatalf("accepted: %v %v", res.Sheets, res.Problems)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("message %q, want %q in it", err, want)
	}
	if english := englishWords(err.Error()); english != "" {
		t.Errorf("English in the message (%s): %s", english, err)
	}
	if after := counts(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("database changed: %v → %v", before, after)
	}
}

// TestBombsRefused plants each shape of memory bomb reported against the
// importer, scaled to small limits, and one just inside each limit that
// must still import.
func TestBombsRefused(t *testing.T) {
	lim := smallLimits()
	people := func(n int) func(io.Writer) error {
		return func(w io.Writer) error {
			return writeRawBook(w, []rawSheet{countySheet1, {SheetPeople, sheetXML(func(w io.Writer) {
				inlineRow(w, 1, personHeader...)
				for i := 1; i <= n; i++ {
					inlineRow(w, i+1, personCells(i)...)
				}
			})}}, nil)
		}
	}
	for _, c := range []struct {
		name  string
		write func(io.Writer) error
		want  string
	}{
		{"一个共享字符串超长", func(w io.Writer) error { return bombLongString(w, 64<<10) }, "连续内容"},
		{"工作表中大段空白", func(w io.Writer) error { return bombSpace(w, 200<<10) }, "连续内容"},
		{"解压后超过上限", func(w io.Writer) error { return bombSpace(w, 2<<20) }, "解压后超过 1 MB"},
		{"共享字符串过多", func(w io.Writer) error { return bombManyStrings(w, 1001) }, "共享字符串超过 1,000 个"},
		{"工作表行数超过上限", func(w io.Writer) error { return bombRows(w, 2000) }, "行数超过 2,000 行"},
		{"嵌套过深", func(w io.Writer) error { return bombDeep(w, 40) }, "嵌套超过"},
		{"各表合计行数超过上限", func(w io.Writer) error {
			return writeRawBook(w, []rawSheet{countySheet1, {SheetPeople, sheetXML(func(w io.Writer) {
				inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
				for i := 2; i <= 1500; i++ {
					inlineRow(w, i, fmt.Sprintf("P%d", i), "甲", "C01")
				}
			})}, {SheetHistory, sheetXML(func(w io.Writer) {
				inlineRow(w, 1, "人员编号", "单位编码", "起始日期")
				for i := 2; i <= 1600; i++ {
					inlineRow(w, i, fmt.Sprintf("P%d", i), "U1", "2020-01-01")
				}
			})}}, nil)
		}, "一次导入最多 3,000 行"},
		{"单元格文字合计超过上限", func(w io.Writer) error {
			return writeRawBook(w, []rawSheet{{SheetCounties, sheetXML(func(w io.Writer) {
				inlineRow(w, 1, "县区编码", "县区名称")
				for i := 2; i <= 200; i++ {
					inlineRow(w, i, fmt.Sprintf("C%d", i), strings.Repeat("长", 900))
				}
			})}}, nil)
		}, "文字合计超过"},
		{"列数超过上限", func(w io.Writer) error {
			return writeRawBook(w, []rawSheet{{SheetCounties, sheetXML(func(w io.Writer) {
				io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>县区编码</t></is></c><c r="DZ1"><v>1</v></c></row>`)
			})}}, nil)
		}, "超过 100 列"},
		{"压缩包内文件过多", func(w io.Writer) error {
			var extra []rawPart
			for i := 0; i < 20; i++ {
				extra = append(extra, rawPart{fmt.Sprintf("xl/media/image%d.png", i), func(w io.Writer) {}})
			}
			return writeRawBook(w, []rawSheet{countySheet1}, nil, extra...)
		}, "超过 20 个"},
	} {
		t.Run(c.name, func(t *testing.T) {
			refusedWith(t, writeFile(t, "炸弹.xlsx", bookBytes(t, c.write)), lim, c.want)
		})
	}
	t.Run("限度以内照常导入", func(t *testing.T) {
		db := openDB(t)
		res, err := Import(db, []string{writeFile(t, "book.xlsx", bookBytes(t, people(1000)))}, Options{lim: lim})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Problems) > 0 || summary(res, SheetPeople).Added != 1000 {
			t.Fatalf("%v %v", res.Problems, res.Sheets)
		}
	})
	t.Run("文件超过大小上限", func(t *testing.T) {
		big := bookBytes(t, people(3000))
		if len(big) <= int(lim.zip.File) {
			t.Fatalf("the workbook is only %d bytes", len(big))
		}
		refusedWith(t, writeFile(t, "大.xlsx", big), lim, "超过 128 KB")
		var csv bytes.Buffer
		peopleCSV(&csv, 10_000)
		refusedWith(t, writeFile(t, "人员.csv", csv.Bytes()), lim, "拒绝读取")
	})
}

// TestBombsAtRealLimits refuses bombs at the limits of an import, and
// checks that refusing them costs little memory: what was allocated while
// importing, garbage included.
func TestBombsAtRealLimits(t *testing.T) {
	sheet := func(rows func(w io.Writer)) func(io.Writer) error {
		return func(w io.Writer) error {
			return writeRawBook(w, []rawSheet{{SheetPeople, sheetXML(rows)}}, nil)
		}
	}
	for _, c := range []struct {
		name     string
		data     func(t *testing.T) []byte
		want     string
		maxAlloc uint64
	}{
		{"一个共享字符串64MB", func(t *testing.T) []byte {
			return bookBytes(t, func(w io.Writer) error { return bombLongString(w, 64<<20) })
		}, "连续内容", 16 << 20},
		{"声明解压后4GB", func(t *testing.T) []byte {
			z := bookBytes(t, func(w io.Writer) error { return bombSpace(w, 1000) })
			return ziptest.SetDeclaredSize(t, z, "xl/worksheets/sheet1.xml", 0xFFFFFFF0)
		}, "解压后超过 1 GB", 8 << 20},
		{"两个部件合计超过1GB", func(t *testing.T) []byte {
			z := bookBytes(t, func(w io.Writer) error {
				return writeRawBook(w, []rawSheet{{SheetPeople, sheetXML(func(io.Writer) {})}, {SheetUnits, sheetXML(func(io.Writer) {})}}, nil)
			})
			z = ziptest.SetDeclaredSize(t, z, "xl/worksheets/sheet1.xml", 600<<20)
			return ziptest.SetDeclaredSize(t, z, "xl/worksheets/sheet2.xml", 600<<20)
		}, "解压后超过 1 GB", 8 << 20},
		{"嵌套一百万层", func(t *testing.T) []byte {
			return bookBytes(t, func(w io.Writer) error { return bombDeep(w, 1_000_000) })
		}, "嵌套超过", 8 << 20},
		{"注释超长", func(t *testing.T) []byte {
			return bookBytes(t, sheet(func(w io.Writer) {
				io.WriteString(w, `<!--`)
				repeat(w, '<', 4<<20)
				io.WriteString(w, `-->`)
			}))
		}, "连续内容", 16 << 20},
		{"文档类型声明", func(t *testing.T) []byte {
			return bookBytes(t, func(w io.Writer) error {
				return writeRawBook(w, []rawSheet{{SheetPeople, func(w io.Writer) {
					io.WriteString(w, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>`)
				}}}, nil)
			})
		}, "DOCTYPE", 8 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "炸弹.xlsx", c.data(t))
			db := openDB(t)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Import(db, []string{path}, Options{})
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want %q", err, c.want)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > c.maxAlloc {
				t.Errorf("refusing it allocated %d MB, want at most %d MB", got>>20, c.maxAlloc>>20)
			}
		})
	}
}

// TestSheetOverRowLimitAtRealLimit refuses a sheet of 1,048,577 rows.
func TestSheetOverRowLimitAtRealLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a million rows")
	}
	z := bookBytes(t, func(w io.Writer) error {
		return writeRawBook(w, []rawSheet{{SheetPeople, sheetXML(func(w io.Writer) {
			inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
			for i := 2; i <= 1_048_578; i++ {
				fmt.Fprintf(w, `<row r="%d"/>`, i)
			}
		})}}, nil)
	})
	refusedWith(t, writeFile(t, "行多.xlsx", z), defaultLimits(), "行数超过 1,048,576 行")
	big := writeFile(t, "跳行.xlsx", bookBytes(t, func(w io.Writer) error {
		return writeRawBook(w, []rawSheet{{SheetPeople, sheetXML(func(w io.Writer) {
			inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
			io.WriteString(w, `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`)
		})}}, nil)
	}))
	refusedWith(t, big, defaultLimits(), "行数超过 1,048,576 行")
}

// TestFileOverSizeLimitAtRealLimit refuses a CSV of 200 MB and one byte
// before reading it: the file is sparse, so nothing is written to disk.
func TestFileOverSizeLimitAtRealLimit(t *testing.T) {
	for _, name := range []string{"人员.csv", "大.xlsx"} {
		path := writeFile(t, name, nil)
		if err := os.Truncate(path, 200<<20+1); err != nil {
			t.Fatal(err)
		}
		refusedWith(t, path, defaultLimits(), "超过 200 MB")
	}
}
