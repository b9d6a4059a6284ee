package workbook

import (
	"bytes"
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

	"github.com/xuri/excelize/v2"
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

// source is one input file, opened.
type source struct {
	path, base string
	xl         *excelize.File
	sheets     [][2]string // known sheets: canonical name, name in the file
	data       []byte      // the file's bytes
	csv        bool
}

// rows estimates the rows of sheet name, for the progress bar: the
// dimension a workbook records for the sheet, or the lines of a CSV.
func (s *source) rows(name string) int {
	if s.csv {
		return bytes.Count(s.data, []byte{'\n'}) + 1
	}
	ref, err := s.xl.GetSheetDimension(name)
	if err != nil {
		return 0
	}
	_, last, ok := strings.Cut(ref, ":")
	if !ok {
		return 1
	}
	_, row, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return 0
	}
	return row
}

// oleMagic starts old binary .xls files and encrypted workbooks.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// tickRows is how many rows a reader reads between two progress reports.
const tickRows = 500

// readFiles reads every file into tables, grouped by sheet. Problems with
// the files' content go to c; the error is for files that cannot be read.
// Sheets are read side by side, one per processor, each reader with its
// own handle on the workbook (excelize's readers share state otherwise).
func readFiles(paths []string, c *collector, prog *progress) (map[string][]*table, error) {
	var srcs []*source
	defer func() {
		for _, s := range srcs {
			if s.xl != nil {
				s.xl.Close()
			}
		}
	}()
	count := make(map[string]int)
	for _, p := range paths {
		s, err := openSource(p, c)
		if err != nil {
			return nil, err
		}
		if s == nil {
			continue
		}
		srcs = append(srcs, s)
		for _, sh := range s.sheets {
			count[sh[0]]++
		}
	}
	var jobs []sheetJob
	for _, s := range srcs {
		for _, sh := range s.sheets {
			label := sh[0]
			if count[sh[0]] > 1 {
				label = fmt.Sprintf("%s（%s）", sh[0], s.base)
			}
			jobs = append(jobs, sheetJob{s: s, sheet: sh[0], name: sh[1], label: label, c: collector{tick: prog.add}})
			prog.expectRows(s.rows(sh[1]))
		}
	}
	prog.planPhases()
	runJobs(jobs)
	out := make(map[string][]*table)
	for _, j := range jobs {
		if j.err != nil {
			return nil, fmt.Errorf("无法读取 %s 的工作表 %s: %w", j.s.base, j.name, j.err)
		}
		c.problems = append(c.problems, j.c.problems...)
		if j.t != nil {
			out[j.sheet] = append(out[j.sheet], j.t)
		}
	}
	return out, nil
}

// sheetJob is one sheet to read, and what reading it gave.
type sheetJob struct {
	s                  *source
	sheet, name, label string
	t                  *table
	c                  collector
	err                error
}

// bigFirst orders the sheets for reading, the ones that are usually
// largest first, so that the readers finish at about the same time.
var bigFirst = []string{
	SheetRelatives, SheetPeople, SheetHistory, SheetLeaders, SheetMembers, SheetTasks,
	SheetUnits, SheetDeclarations, SheetCounties, SheetTerms,
}

// runJobs reads the sheets with as many readers as there are processors.
// The first reader uses each workbook's own handle, the others open their
// own.
func runJobs(jobs []sheetJob) {
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return indexOf(jobs[order[a]].sheet, bigFirst) < indexOf(jobs[order[b]].sheet, bigFirst)
	})
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			own := make(map[*source]*excelize.File)
			defer func() {
				for _, f := range own {
					f.Close()
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := &jobs[order[i]]
				xl := j.s.xl
				if xl != nil && w > 0 {
					if own[j.s] == nil {
						f, err := excelize.OpenReader(bytes.NewReader(j.s.data))
						if err != nil {
							j.err = err
							continue
						}
						own[j.s] = f
					}
					xl = own[j.s]
				}
				j.t, j.err = j.s.read(xl, j.sheet, j.name, j.label, &j.c)
			}
		}(w)
	}
	wg.Wait()
}

// openSource opens one file and finds its known sheets. It returns nil when
// the file has nothing to import (the reason is in c).
func openSource(path string, c *collector) (*source, error) {
	s := &source{path: path, base: filepath.Base(path)}
	fileAt := src{s.base, 0}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件 %s: %w", path, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
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
		s.data, s.csv = data, true
		s.sheets = [][2]string{{sheet, sheet}}
		return s, nil
	case bytes.HasPrefix(data, oleMagic) || ext == ".xls":
		c.add(fileAt, "", "这是旧版 .xls 文件或加密的工作簿，无法读取：请在 Excel/WPS 中另存为 .xlsx（不加密码）后再导入")
		return nil, nil
	case ext != ".xlsx" && ext != ".xlsm" && ext != ".xltx" && ext != ".xltm":
		c.add(fileAt, "", "不支持的文件类型“"+ext+"”，应为 .xlsx 或 .csv")
		return nil, nil
	}
	xl, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("无法打开工作簿 %s（文件损坏或不是 xlsx）: %w", s.base, err)
	}
	s.xl, s.data = xl, data
	for _, name := range xl.GetSheetList() {
		if _, ok := defOf(cleanCell(name)); ok {
			s.sheets = append(s.sheets, [2]string{cleanCell(name), name})
		}
	}
	if len(s.sheets) == 0 {
		c.add(fileAt, "", msgNoKnownSheet(names))
		xl.Close()
		s.xl = nil
		return nil, nil
	}
	return s, nil
}

// read reads one sheet of the source, through the workbook handle xl,
// into a table; nil when the sheet is empty.
func (s *source) read(xl *excelize.File, sheet, name, label string, c *collector) (*table, error) {
	if s.csv {
		return readCSV(sheet, label, s.data, c), nil
	}
	rows, err := xl.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	num := 0
	next := func() ([]string, int, error) {
		if !rows.Next() {
			return nil, 0, io.EOF
		}
		num++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		return cells, num, err
	}
	t, err := readTable(sheet, label, next, c)
	if err == nil {
		err = rows.Error()
	}
	return t, err
}

// readTable reads the header and rows that next yields. next returns io.EOF
// at the end; its other errors are the caller's to report. A sheet without
// anything in it gives nil.
func readTable(sheet, label string, next func() ([]string, int, error), c *collector) (*table, error) {
	def, _ := defOf(sheet)
	t := &table{sheet: sheet, label: label, present: make([]bool, len(def.cols))}
	colOf := make(map[string]int, len(def.cols))
	for i, col := range def.cols {
		colOf[col.name] = i
	}
	var at []int // for each cell of a row: the column index, or -1
	header := true
	read := 0
	defer func() {
		if c.tick != nil && read%tickRows != 0 {
			c.tick(read % tickRows)
		}
	}()
	for {
		cells, num, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if read++; c.tick != nil && read%tickRows == 0 {
			c.tick(tickRows)
		}
		if err != nil {
			return nil, err
		}
		if blank(cells) {
			continue
		}
		if header {
			header = false
			if num != 1 {
				c.add(src{label, num}, "", "表头（列名）应在第1行")
			}
			at = headerColumns(cells, colOf, t, src{label, num}, c)
			continue
		}
		row := rawRow{num: num, cells: make([]string, len(def.cols))}
		for j, v := range cells {
			if j < len(at) && at[j] >= 0 {
				row.cells[at[j]] = cleanCell(v)
			}
		}
		t.rows = append(t.rows, row)
	}
	if header {
		return nil, nil
	}
	return t, nil
}

// headerColumns maps the header's cells to the sheet's columns and marks
// them present; unknown columns map to -1.
func headerColumns(cells []string, colOf map[string]int, t *table, at src, c *collector) []int {
	out := make([]int, len(cells))
	for j, h := range cells {
		out[j] = -1
		name := headerName(h)
		i, ok := colOf[name]
		if !ok {
			continue
		}
		if t.present[i] {
			c.add(at, name, "列名重复出现，请删去多余的一列")
			continue
		}
		t.present[i] = true
		out[j] = i
	}
	return out
}

// blank reports whether a row has nothing in it.
func blank(cells []string) bool {
	for _, v := range cells {
		if cleanCell(v) != "" {
			return false
		}
	}
	return true
}
