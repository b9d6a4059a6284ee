package workbook

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawPart is one part of a workbook written by hand: its name in the zip
// and what writes its content.
type rawPart struct {
	name  string
	write func(w io.Writer)
}

// rawSheet is a worksheet written by hand: its name and its XML, the whole
// part (see sheetXML for the usual frame).
type rawSheet struct {
	name string
	xml  func(w io.Writer)
}

// writeRawBook writes an xlsx part by part, the way a spreadsheet program
// would but with nothing checked, so that tests can plant what no program
// writes: cut XML, bombs, odd cell types. sst, when not nil, writes
// xl/sharedStrings.xml.
func writeRawBook(w io.Writer, sheets []rawSheet, sst func(io.Writer), extra ...rawPart) error {
	var types, rels, list strings.Builder
	for i, s := range sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s.name, i+1, i+1)
	}
	if sst != nil {
		types.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	parts := []rawPart{
		{"[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() + `</Types>`)},
		{"_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`)},
	}
	for i, s := range sheets {
		parts = append(parts, rawPart{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml})
	}
	if sst != nil {
		parts = append(parts, rawPart{"xl/sharedStrings.xml", sst})
	}
	parts = append(parts, extra...)
	zw := zip.NewWriter(w)
	for _, p := range parts {
		pw, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		p.write(pw)
	}
	return zw.Close()
}

// sheetXML frames rows (the XML of <row> elements) as a worksheet.
func sheetXML(rows func(w io.Writer)) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		rows(w)
		io.WriteString(w, `</sheetData></worksheet>`)
	}
}

// inlineRow writes a row of inline strings.
func inlineRow(w io.Writer, num int, cells ...string) {
	fmt.Fprintf(w, `<row r="%d">`, num)
	for i, c := range cells {
		fmt.Fprintf(w, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, colName(i), num, xmlEscape(c))
	}
	io.WriteString(w, `</row>`)
}

// colName is the column letter of index i (0 = A), for up to 26×27 columns.
func colName(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	return colName(i/26-1) + string(rune('A'+i%26))
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// saveRawBook writes a hand-made workbook to a file in a temp dir.
func saveRawBook(t testing.TB, name string, sheets []rawSheet, sst func(io.Writer), extra ...rawPart) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeRawBook(f, sheets, sst, extra...); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
