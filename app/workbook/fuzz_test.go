package workbook

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-01", "2026/3/1", "2026年3月1日", "46082", "46082.5", "20260301", "60", "2026-02-30", "", "2026.3", "9999999", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d == 0 {
			return
		}
		if d.Year() < minYear || d.Year() > maxYear {
			t.Fatalf("ParseDate(%q) = %v, out of range", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
	})
}

func FuzzCheckIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "110105194912310021", "", "1.10105E+17", "11010519491231002Ｘ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckIDNumber(s) != nil {
			return
		}
		if len(s) != 18 || idNum(s[:17]) != strings.ToUpper(s) {
			t.Fatalf("CheckIDNumber(%q) accepted a wrong number", s)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("县区编码,县区名称\r\nC01,城关区\r\n"))
	f.Add(append(append([]byte(nil), bomUTF8...), "县区编码*, 县区名称 \nC01,\"城,关\"\n"...))
	f.Add([]byte{0xCF, 0xD8, 0xC7, 0xF8, 0xB1, 0xE0, 0xC2, 0xEB, ',', 'a', '\n', '"', 'x'})
	f.Add([]byte{0xFF, 0xFE, 0x00})
	f.Add([]byte("\"\"\"\n,,,\n\n\n县区编码\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &collector{}
		tab, err := csvTable(SheetCounties, data, c, nil)
		if tab == nil || err != nil {
			return
		}
		last := 0
		for _, r := range tab.rows {
			if r.num <= last || len(r.cells) != len(tab.present) {
				t.Fatalf("row %d after %d with %d cells", r.num, last, len(r.cells))
			}
			last = r.num
		}
		// Whatever was read goes through the row checks without panicking.
		readRecs(countySheet, []*table{tab}, c)
	})
}

// FuzzSheetXML feeds the workbook reader arbitrary XML as the 人员 sheet of
// a workbook that is otherwise sound (zip, CRCs, shared strings), with
// small limits: it must refuse or read, never panic, and what it reads
// comes in rows numbered upwards with their cells in their columns.
func FuzzSheetXML(f *testing.F) {
	var good bytes.Buffer
	sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
		io.WriteString(w, `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="e"><v>#N/A</v></c><c t="inlineStr"><is><r><t>C</t></r><rPh><t>x</t></rPh><r><t>01</t></r></is></c></row><row><c><v>46082</v></c></row>`)
	})(&good)
	f.Add(good.Bytes())
	f.Add(good.Bytes()[:good.Len()/2])
	f.Add([]byte(`<worksheet><sheetData><row r="1048577"/></sheetData></worksheet>`))
	f.Add([]byte(`<?xml version="1.0"?><!-- x --><worksheet><![CDATA[<]]><sheetData><row><c r="XFD1"/></row></sheetData></worksheet>`))
	lim := smallLimits()
	f.Fuzz(func(t *testing.T, sheet []byte) {
		var z bytes.Buffer
		err := writeRawBook(&z, []rawSheet{{SheetPeople, func(w io.Writer) { w.Write(sheet) }}}, func(w io.Writer) {
			io.WriteString(w, `<sst><si><t>P1</t></si><si><r><t>甲</t></r></si></sst>`)
		})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(path, z.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		tables, err := readFiles([]string{path}, &collector{}, &progress{}, lim)
		if err != nil {
			return
		}
		for _, tab := range tables[SheetPeople] {
			last := 0
			for _, r := range tab.rows {
				if r.num <= last || len(r.cells) != len(tab.present) {
					t.Fatalf("row %d after %d with %d cells", r.num, last, len(r.cells))
				}
				last = r.num
			}
			readRecs(personSheet, []*table{tab}, &collector{})
		}
	})
}
