package workbook

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// makeInputs names a folder to write the big inputs of docs/BENCHMARKS.md
// into (the 100,000-row 人员 workbook and the memory bombs), for measuring
// whole commands with /usr/bin/time:
//
//	go test ./app/workbook -run '^TestMakeInputFiles$' -args -make-inputs DIR
var (
	makeInputs = flag.String("make-inputs", "", "write the benchmark inputs and bombs into this folder")
	makePeople = flag.Int("make-people", 0, "also write a 人员 workbook of this many rows (peopleN.xlsx)")
)

func TestMakeInputFiles(t *testing.T) {
	if *makeInputs == "" {
		t.Skip("-make-inputs not given")
	}
	dir := *makeInputs
	if *makePeople > 0 {
		if err := writeTo(filepath.Join(dir, fmt.Sprintf("people%d.xlsx", *makePeople)), func(w io.Writer) error { return peopleBook(w, *makePeople) }); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, f := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"people100k.xlsx", func(w io.Writer) error { return peopleBook(w, 100_000) }},
		{"bomb-sst512m.xlsx", func(w io.Writer) error { return bombLongString(w, 512<<20) }},
		{"bomb-space2g.xlsx", func(w io.Writer) error { return bombSpace(w, 2<<30) }},
		{"bomb-space900m.xlsx", func(w io.Writer) error { return bombSpace(w, 900<<20) }},
		{"bomb-sst20m.xlsx", func(w io.Writer) error { return bombManyStrings(w, 20_000_000) }},
		{"bomb-rows2m.xlsx", func(w io.Writer) error { return bombRows(w, 2_000_000) }},
		{"bomb-deep.xlsx", func(w io.Writer) error { return bombDeep(w, 50_000_000) }},
	} {
		if err := writeTo(filepath.Join(dir, f.name), f.write); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeTo(filepath.Join(dir, "人员.csv"), func(w io.Writer) error { return peopleCSV(w, 100_000) }); err != nil {
		t.Fatal(err)
	}
	if err := writeTo(filepath.Join(dir, "县区.csv"), func(w io.Writer) error {
		_, err := io.WriteString(w, "县区编码,县区名称\r\nC01,城关区\r\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}

}

func writeTo(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// countySheet1 is a 县区 sheet with the one county the big 人员 sheets name.
var countySheet1 = rawSheet{SheetCounties, sheetXML(func(w io.Writer) {
	inlineRow(w, 1, "县区编码", "县区名称")
	inlineRow(w, 2, "C01", "城关区")
})}

// personCells is the n-th person of the big 人员 sheets.
func personCells(n int) []string {
	return []string{fmt.Sprintf("P%07d", n), "某人" + strconv.Itoa(n%1000), []string{"男", "女"}[n%2], "1980-01-01",
		idNum(fmt.Sprintf("110105198001%05d", n%100000)), "C01", "", "", "科员", "", "工作人员库", "否", "财务", "", ""}
}

var personHeader = []string{"人员编号", "姓名", "性别", "出生日期", "身份证号", "工作关系地", "籍贯", "现工作单位编码", "职务", "职级", "人员库", "专职", "专业特长", "状态", "新提拔日期"}

// peopleBook writes a workbook of n people as Excel does, every text in
// the shared strings.
func peopleBook(w io.Writer, n int) error {
	var idx []string
	at := map[string]int{}
	ref := func(s string) int {
		i, ok := at[s]
		if !ok {
			i = len(idx)
			at[s] = i
			idx = append(idx, s)
		}
		return i
	}
	var rows strings.Builder
	row := func(num int, cells []string) {
		fmt.Fprintf(&rows, `<row r="%d">`, num)
		for j, c := range cells {
			if c != "" {
				fmt.Fprintf(&rows, `<c r="%s%d" t="s"><v>%d</v></c>`, colName(j), num, ref(c))
			}
		}
		rows.WriteString(`</row>`)
	}
	row(1, personHeader)
	for i := 1; i <= n; i++ {
		row(i+1, personCells(i))
	}
	people := rawSheet{SheetPeople, sheetXML(func(w io.Writer) { io.WriteString(w, rows.String()) })}
	return writeRawBook(w, []rawSheet{countySheet1, people}, func(w io.Writer) {
		fmt.Fprintf(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(idx), len(idx))
		for _, s := range idx {
			fmt.Fprintf(w, `<si><t>%s</t></si>`, xmlEscape(s))
		}
		io.WriteString(w, `</sst>`)
	})
}

// peopleCSV writes the same people as 人员.csv.
func peopleCSV(w io.Writer, n int) error {
	io.WriteString(w, strings.Join(personHeader, ",")+"\r\n")
	for i := 1; i <= n; i++ {
		io.WriteString(w, strings.Join(personCells(i), ",")+"\r\n")
	}
	return nil
}

// repeat writes n bytes of b.
func repeat(w io.Writer, b byte, n int64) {
	chunk := []byte(strings.Repeat(string(b), 1<<16))
	for n > 0 {
		k := min(n, int64(len(chunk)))
		w.Write(chunk[:k])
		n -= k
	}
}

// bombLongString is a small workbook whose one shared string is n bytes.
func bombLongString(w io.Writer, n int64) error {
	people := rawSheet{SheetPeople, sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2" t="s"><v>0</v></c></row>`)
	})}
	return writeRawBook(w, []rawSheet{people}, func(w io.Writer) {
		io.WriteString(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`)
		repeat(w, 'a', n)
		io.WriteString(w, `</t></si></sst>`)
	})
}

// bombSpace is a small workbook whose 人员 sheet holds n bytes of spaces
// between its rows.
func bombSpace(w io.Writer, n int64) error {
	people := rawSheet{SheetPeople, sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
		repeat(w, ' ', n)
		inlineRow(w, 2, "P1", "甲", "C01")
	})}
	return writeRawBook(w, []rawSheet{people}, nil)
}

// bombManyStrings is a workbook of n one-letter shared strings.
func bombManyStrings(w io.Writer, n int) error {
	people := rawSheet{SheetPeople, sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
	})}
	return writeRawBook(w, []rawSheet{people}, func(w io.Writer) {
		fmt.Fprintf(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, n, n)
		for i := 0; i < n; i++ {
			io.WriteString(w, `<si><t>x</t></si>`)
		}
		io.WriteString(w, `</sst>`)
	})
}

// bombRows is a 人员 sheet of n empty-celled rows after its header.
func bombRows(w io.Writer, n int) error {
	people := rawSheet{SheetPeople, sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
		for i := 2; i <= n+1; i++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i)
		}
	})}
	return writeRawBook(w, []rawSheet{people}, nil)
}

// bombDeep nests n elements inside a cell of the 人员 sheet.
func bombDeep(w io.Writer, n int) error {
	people := rawSheet{SheetPeople, sheetXML(func(w io.Writer) {
		inlineRow(w, 1, "人员编号", "姓名", "工作关系地")
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is>`)
		for i := 0; i < n; i++ {
			io.WriteString(w, `<a>`)
		}
		for i := 0; i < n; i++ {
			io.WriteString(w, `</a>`)
		}
		io.WriteString(w, `</is></c></row>`)
	})}
	return writeRawBook(w, []rawSheet{people}, nil)
}
