package workbook

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"xuncha/app/safezip"
)

// table is one sheet of one file: which of the sheet's columns it has, and
// its non-blank data rows with their cells in the order of the sheet's
// columns.
type table struct {
	sheet   string // the sheet of SPEC §6.1
	label   string // how problems name it
	present []bool // by column of the sheet's definition
	rows    []rawRow
}

// rawRow is a data row: its spreadsheet row number and its cells, trimmed.
type rawRow struct {
	num   int
	cells []string
}

// inRow is a row as a reader yields it: its number (the spreadsheet row,
// the CSV line it starts on) and its non-empty cells.
type inRow struct {
	num   int
	cells []cell
}

// cell is a cell of a row as read: its column (0 = A) and value; shared
// when the value is a workbook's shared string, which the import holds
// once however many cells show it.
type cell struct {
	col    int
	val    string
	shared bool
}

// source is one input file, opened.
type source struct {
	path, base string
	book       *xlsxBook      // a workbook
	sst        *sharedStrings // its shared strings
	sheets     []srcSheet     // its known sheets; a CSV's one
	csv        bool
	enc        sniffed // a CSV's encoding and lines
}

// srcSheet is a known sheet of a source: its sheet of SPEC §6.1, and its
// part when the source is a workbook.
type srcSheet struct {
	sheet string
	part  xlsxSheet
}

// rows estimates the rows of a sheet, for the progress bar: the dimension
// a workbook records for the sheet, or the lines of a CSV.
func (s *source) rows(sh srcSheet) int {
	if s.csv {
		return s.enc.lines
	}
	return s.book.dimension(sh.part)
}

// oleMagic starts old binary .xls files and encrypted workbooks.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// tickRows is how many rows a reader reads between two progress reports.
const tickRows = 500

// readFiles reads every file into tables, grouped by sheet. Problems with
// the files' content go to c; the error is for files that cannot be read,
// are damaged or are over the limits: such a file is refused whole. Sheets
// are read side by side, one per processor, from the files in place.
func readFiles(paths []string, c *collector, prog *progress, lim *limits) (map[string][]*table, error) {
	var srcs []*source
	defer func() {
		for _, s := range srcs {
			if s.book != nil {
				s.book.close()
			}
		}
	}()
	text := &budget{lim: lim}
	count := make(map[string]int)
	for _, p := range paths {
		s, err := openSource(p, c, lim, text)
		if err != nil {
			return nil, err
		}
		if s == nil {
			continue
		}
		srcs = append(srcs, s)
		for _, sh := range s.sheets {
			count[sh.sheet]++
		}
	}
	var jobs []sheetJob
	for _, s := range srcs {
		for _, sh := range s.sheets {
			label := sh.sheet
			if count[sh.sheet] > 1 {
				label = fmt.Sprintf("%s（%s）", sh.sheet, s.base)
			}
			jobs = append(jobs, sheetJob{s: s, sh: sh, label: label, text: text,
				c: collector{tick: prog.add}})
			prog.expectRows(s.rows(sh))
		}
	}
	prog.planPhases()
	runJobs(jobs, lim)
	out := make(map[string][]*table)
	for _, j := range jobs {
		if j.err != nil {
			return nil, sheetError(j.s, j.sh, j.err)
		}
		c.merge(&j.c)
		if j.t != nil {
			out[j.sh.sheet] = append(out[j.sh.sheet], j.t)
		}
	}
	return out, nil
}

// sheetJob is one sheet to read, and what reading it gave.
type sheetJob struct {
	s     *source
	sh    srcSheet
	label string
	text  *budget
	t     *table
	c     collector
	err   error
}

// bigFirst orders the sheets for reading, the ones that are usually
// largest first, so that the readers finish at about the same time.
var bigFirst = []string{
	SheetRelatives, SheetPeople, SheetHistory, SheetLeaders, SheetMembers, SheetTasks,
	SheetUnits, SheetDeclarations, SheetCounties, SheetTerms,
}

// runJobs reads the sheets with as many readers as there are processors.
func runJobs(jobs []sheetJob, lim *limits) {
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return indexOf(jobs[order[a]].sh.sheet, bigFirst) < indexOf(jobs[order[b]].sh.sheet, bigFirst)
	})
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := &jobs[order[i]]
				j.t, j.err = j.s.read(j.sh, j.label, &j.c, lim, j.text)
			}
		}()
	}
	wg.Wait()
}

// openSource opens one file and finds its known sheets. It returns nil when
// the file has nothing to import (the reason is in c); the error refuses
// the file: unreadable, damaged, over the limits.
func openSource(path string, c *collector, lim *limits, text *budget) (*source, error) {
	s := &source{path: path, base: filepath.Base(path)}
	fileAt := src{s.base, 0}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件 %s: %w", path, err)
	}
	if info.Size() > lim.zip.File {
		return nil, fmt.Errorf("文件 %s 超过 %s，拒绝读取：请分成几个较小的文件导入", s.base, safezip.Size(lim.zip.File))
	}
	head, err := fileHead(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件 %s: %w", path, err)
	}
	if info.Size() == 0 {
		c.add(fileAt, "", msgEmptyFile)
		return nil, nil
	}
	names := sheetOrder
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case ext == ".csv":
		sheet := cleanCell(strings.TrimSuffix(s.base, filepath.Ext(s.base)))
		if _, ok := defOf(sheet); !ok {
			c.add(fileAt, "", msgUnknownCSV(sheet, names))
			return nil, nil
		}
		if s.enc, err = sniffFile(path, s.base); err != nil {
			return nil, err
		}
		if s.enc.empty {
			c.add(fileAt, "", msgEmptyFile)
			return nil, nil
		}
		s.csv = true
		s.sheets = []srcSheet{{sheet: sheet}}
		return s, nil
	case strings.HasPrefix(head, string(oleMagic)) || ext == ".xls":
		c.add(fileAt, "", "这是旧版 .xls 文件或加密的工作簿，无法读取：请在 Excel/WPS 中另存为 .xlsx（不加密码）后再导入")
		return nil, nil
	case ext != ".xlsx" && ext != ".xlsm" && ext != ".xltx" && ext != ".xltm":
		c.add(fileAt, "", "不支持的文件类型“"+ext+"”，应为 .xlsx 或 .csv")
		return nil, nil
	}
	known := func(name string) bool { _, ok := defOf(cleanCell(name)); return ok }
	book, err := openXLSX(path, lim, known)
	if err != nil {
		return nil, bookError(s.base, err)
	}
	s.book = book
	for _, sh := range book.sheets {
		if known(sh.name) {
			s.sheets = append(s.sheets, srcSheet{cleanCell(sh.name), sh})
		}
	}
	if len(s.sheets) == 0 {
		c.add(fileAt, "", msgNoKnownSheet(names))
		book.close()
		s.book = nil
		return nil, nil
	}
	if s.sst, err = book.readSharedStrings(text); err != nil {
		book.close()
		s.book = nil
		return nil, bookError(s.base, err)
	}
	return s, nil
}

// fileHead reads the first bytes of a file, to know it by them.
func fileHead(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b := make([]byte, len(oleMagic))
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	return string(b[:n]), nil
}

// read reads one sheet of the source into a table; nil when the sheet is
// empty.
func (s *source) read(sh srcSheet, label string, c *collector, lim *limits, text *budget) (*table, error) {
	if s.csv {
		f, err := os.Open(s.path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readCSV(sh.sheet, label, s.base, s.enc, f, c, lim, text)
	}
	r, err := s.book.openSheet(sh.part, s.sst)
	if err != nil {
		return nil, err
	}
	defer r.close()
	return readTable(sh.sheet, label, r.next, c, text)
}

// readTable reads the header and rows that next yields. next returns io.EOF
// at the end; its other errors are the caller's to report. A sheet without
// anything in it gives nil. The cells of the sheet's columns are kept,
// trimmed, and counted against the import's budget of text.
func readTable(sheet, label string, next func() (inRow, error), c *collector, text *budget) (*table, error) {
	def, _ := defOf(sheet)
	t := &table{sheet: sheet, label: label, present: make([]bool, len(def.cols))}
	colOf := make(map[string]int, len(def.cols))
	for i, col := range def.cols {
		colOf[col.name] = i
	}
	var at map[int]int // a file's column → the sheet's column
	header := true
	read := 0
	defer func() {
		if c.tick != nil && read%tickRows != 0 {
			c.tick(read % tickRows)
		}
	}()
	for {
		row, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if read++; c.tick != nil && read%tickRows == 0 {
			c.tick(tickRows)
		}
		if err != nil {
			return nil, err
		}
		if blank(row.cells) {
			continue
		}
		if header {
			header = false
			if row.num != 1 {
				c.add(src{label, row.num}, "", "表头（列名）应在第1行")
			}
			at = headerColumns(row.cells, colOf, t, src{label, row.num}, c)
			continue
		}
		r := rawRow{num: row.num, cells: make([]string, len(def.cols))}
		kept := 0
		for _, x := range row.cells {
			j, ok := at[x.col]
			if !ok {
				continue
			}
			r.cells[j] = cleanCell(x.val)
			if !x.shared {
				kept += len(r.cells[j])
			}
		}
		if err := text.row(kept); err != nil {
			return nil, err
		}
		t.rows = append(t.rows, r)
	}
	if header {
		return nil, nil
	}
	return t, nil
}

// headerColumns maps the header's cells to the sheet's columns and marks
// them present; unknown columns are left out.
func headerColumns(cells []cell, colOf map[string]int, t *table, at src, c *collector) map[int]int {
	out := make(map[int]int, len(cells))
	for _, x := range cells {
		name := headerName(x.val)
		i, ok := colOf[name]
		if !ok {
			continue
		}
		if t.present[i] {
			c.add(at, name, "列名重复出现，请删去多余的一列")
			continue
		}
		t.present[i] = true
		out[x.col] = i
	}
	return out
}

// blank reports whether a row has nothing in it.
func blank(cells []cell) bool {
	for _, x := range cells {
		if cleanCell(x.val) != "" {
			return false
		}
	}
	return true
}
