package workbook

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"xuncha/app/fieldrule"
	"xuncha/app/safezip"
)

// xlsxBook is an xlsx workbook opened for reading with the program's own
// streaming reader, not excelize's: excelize's row iterator ignores a
// sheet cut after a complete row and a CRC that does not match, and holds a
// copy of the workbook per reader. Here the file is read in place (one
// handle, no copy in memory); every part is checked against its CRC; the
// parts read are checked to be well-formed and complete XML; and what the
// readers hold is bounded by limits.
type xlsxBook struct {
	zr     *safezip.Reader
	sheets []xlsxSheet // in the workbook's order
	sst    *zip.File   // the shared strings part, nil when there is none
	lim    *limits
}

// xlsxSheet is a worksheet: its name and its part.
type xlsxSheet struct {
	name string
	part *zip.File
}

// Relationship types, by the end of their URIs (transitional and strict
// OOXML differ in the beginning).
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
)

// openXLSX opens the workbook at path: its zip checked against the limits,
// its sheets and shared strings found, and every part that will not be
// parsed read through for its CRC.
func openXLSX(path string, lim *limits, parsed func(sheet string) bool) (*xlsxBook, error) {
	zr, err := safezip.Open(path, lim.zip)
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{zr: zr, lim: lim}
	if err := b.load(parsed); err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

func (b *xlsxBook) close() { b.zr.Close() }

// load reads the package's relationships and the workbook part, and
// verifies the parts no reader will parse.
func (b *xlsxBook) load(parsed func(sheet string) bool) error {
	root, err := b.rels("_rels/.rels", "")
	if err != nil {
		return err
	}
	wbName := "xl/workbook.xml" // where every writer puts it, should the relationship be missing
	for _, r := range root {
		if strings.HasSuffix(r.typ, relOfficeDocument) {
			wbName = r.target
		}
	}
	wb := b.zr.Find(wbName)
	if wb == nil {
		return errNotWorkbook
	}
	dir, base := path.Split(wbName)
	rels, err := b.rels(dir+"_rels/"+base+".rels", dir)
	if err != nil {
		return err
	}
	byID := make(map[string]rel, len(rels))
	for _, r := range rels {
		byID[r.id] = r
		if strings.HasSuffix(r.typ, relSharedStrings) {
			b.sst = b.zr.Find(r.target)
		}
	}
	names, err := b.sheetNames(wb)
	if err != nil {
		return err
	}
	keep := map[*zip.File]bool{wb: true}
	for _, n := range names {
		r, ok := byID[n[1]]
		if !ok || !strings.HasSuffix(r.typ, relWorksheet) {
			continue // a chart sheet, or a dangling entry
		}
		part := b.zr.Find(r.target)
		if part == nil {
			return fmt.Errorf("工作表 %s 的内容缺失", n[0])
		}
		b.sheets = append(b.sheets, xlsxSheet{n[0], part})
		if parsed(n[0]) {
			keep[part] = true
		}
	}
	if b.sst != nil {
		keep[b.sst] = true
	}
	for _, f := range b.zr.File {
		if !keep[f] {
			if err := b.zr.Verify(f); err != nil {
				return err
			}
		}
	}
	return nil
}

var errNotWorkbook = errors.New("找不到工作簿的内容（不是 xlsx 文件）")

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
}

// rels reads a relationships part; targets are resolved against dir, the
// folder of the part they belong to. A missing part has none.
func (b *xlsxBook) rels(name, dir string) ([]rel, error) {
	f := b.zr.Find(name)
	if f == nil {
		return nil, nil
	}
	x, err := openPart(b.zr, f, b.lim)
	if err != nil {
		return nil, err
	}
	defer x.close()
	var out []rel
	for {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, partError(name, err)
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "Relationship" && attr(e, "TargetMode") != "External" {
			target := attr(e, "Target")
			if strings.HasPrefix(target, "/") {
				target = path.Clean(target)[1:]
			} else {
				target = path.Clean(dir + target)
			}
			out = append(out, rel{attr(e, "Id"), attr(e, "Type"), target})
		}
	}
}

// sheetNames reads the workbook part's list of sheets: name and
// relationship id.
func (b *xlsxBook) sheetNames(wb *zip.File) ([][2]string, error) {
	x, err := openPart(b.zr, wb, b.lim)
	if err != nil {
		return nil, err
	}
	defer x.close()
	var out [][2]string
	for {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, partError(wb.Name, err)
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "sheet" {
			id := ""
			for _, a := range e.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			out = append(out, [2]string{attr(e, "name"), id})
		}
	}
}

// partError says which part of the workbook is wrong.
func partError(name string, err error) error {
	var ze *safezip.Error
	if errors.As(err, &ze) {
		return err
	}
	return fmt.Errorf("%s：%w", name, xmlMessage(err))
}

// xmlMessage words an XML error in Chinese.
func xmlMessage(err error) error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	what := "格式错误"
	switch m := se.Msg; {
	case strings.Contains(m, "unexpected EOF"):
		what = "不完整（被截断）"
	case strings.Contains(m, "closed by") || strings.Contains(m, "unexpected end element"):
		what = "标签不配对"
	case strings.Contains(m, "illegal character") || strings.Contains(m, "invalid UTF-8"):
		what = "含有不允许的字符"
	case strings.Contains(m, "invalid character entity"):
		what = "含有无效的字符引用（&…;）"
	}
	return errors.New("XML " + what)
}

// sharedStrings are a workbook's shared strings, each cut to limits.keep
// bytes, in chunks of about a megabyte so that the strings cost little
// beyond their bytes.
type sharedStrings struct {
	strs  []string
	chunk []byte
	open  [][2]int // strings of the chunk not yet in strs: start and end
	kept  int64
}

// add appends a string.
func (s *sharedStrings) add(v string) {
	if len(s.chunk)+len(v) > cap(s.chunk) {
		s.flush()
		s.chunk = make([]byte, 0, max(1<<20, len(v)))
	}
	s.open = append(s.open, [2]int{len(s.chunk), len(s.chunk) + len(v)})
	s.chunk = append(s.chunk, v...)
	s.kept += int64(len(v))
}

// flush turns the open chunk into a string its strings point into.
func (s *sharedStrings) flush() {
	c := string(s.chunk)
	for _, o := range s.open {
		s.strs = append(s.strs, c[o[0]:o[1]])
	}
	s.open = s.open[:0]
	s.chunk = nil
}

// readSharedStrings reads the shared strings part: the text of each <si>,
// its runs joined, phonetic runs left out, OOXML escapes (_x000D_) decoded,
// line breaks as LF.
func (b *xlsxBook) readSharedStrings(text *budget) (*sharedStrings, error) {
	s := &sharedStrings{}
	if b.sst == nil {
		return s, nil
	}
	x, err := openPart(b.zr, b.sst, b.lim)
	if err != nil {
		return nil, err
	}
	defer x.close()
	var cur []byte
	in := 0 // depth inside the current <si>; 0 outside
	for {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				break
			}
			return nil, partError(b.sst.Name, err)
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Local == "si" && in == 0:
				in, cur = 1, cur[:0]
			case in > 0 && e.Name.Local == "rPh":
				if err := x.skip(); err != nil {
					return nil, partError(b.sst.Name, err)
				}
			case in > 0 && e.Name.Local == "t":
				v, err := x.text()
				if err != nil {
					return nil, partError(b.sst.Name, err)
				}
				if len(cur) < b.lim.keep {
					cur = append(cur, v...)
				}
			case in > 0:
				in++
			}
		case xml.EndElement:
			if in == 0 {
				continue
			}
			if in--; in > 0 {
				continue
			}
			if len(s.strs)+len(s.open) >= b.lim.strings {
				return nil, overLimit("共享字符串超过 %s 个", safezip.Count(int64(b.lim.strings)))
			}
			v := cut(cellText(string(cur)), b.lim.keep)
			if err := text.take(len(v)); err != nil {
				return nil, err
			}
			s.add(v)
		}
	}
	s.flush()
	return s, nil
}

// cellText decodes the escapes OOXML writes for characters XML cannot hold
// (_x000D_, _x001B_; _x005F_ is an escaped underscore) and turns line
// breaks into LF.
func cellText(s string) string {
	if strings.Contains(s, "_x") {
		s = unescapeOOXML(s)
	}
	return fieldrule.NormalizeNewlines(s)
}

// unescapeOOXML decodes _xHHHH_ escapes.
func unescapeOOXML(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 {
			break
		}
		h := s[i+2 : i+6]
		n, err := strconv.ParseUint(h, 16, 16)
		if err != nil || s[i+6] != '_' {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(n))
		s = s[i+7:]
	}
	b.WriteString(s)
	return b.String()
}

// sheetReader reads the rows of one worksheet part.
type sheetReader struct {
	x    *xmlPart
	sst  *sharedStrings
	lim  *limits
	last int // the last row number read
	rows int
	done bool
}

// openSheet opens a sheet's part for reading its rows.
func (b *xlsxBook) openSheet(sh xlsxSheet, sst *sharedStrings) (*sheetReader, error) {
	x, err := openPart(b.zr, sh.part, b.lim)
	if err != nil {
		return nil, err
	}
	return &sheetReader{x: x, sst: sst, lim: b.lim}, nil
}

func (r *sheetReader) close() { r.x.close() }

// dimension reads the range the sheet records for itself (A1:O20001) from
// the start of its part: the last row, or 0.
func (b *xlsxBook) dimension(sh xlsxSheet) int {
	x, err := openPart(b.zr, sh.part, b.lim)
	if err != nil {
		return 0
	}
	defer x.close()
	for {
		t, err := x.token()
		if err != nil {
			return 0
		}
		if e, ok := t.(xml.StartElement); ok {
			switch e.Name.Local {
			case "dimension":
				_, last, _ := strings.Cut(attr(e, "ref"), ":")
				if _, row, ok := cellRef(last); ok {
					return row
				}
				return 1
			case "sheetData":
				return 0
			}
		}
	}
}

// next returns the next row; io.EOF after
// the last, once the whole part has been read and found complete.
func (r *sheetReader) next() (inRow, error) {
	if r.done {
		return inRow{}, io.EOF
	}
	for {
		t, err := r.x.token()
		if err != nil {
			if err == io.EOF {
				r.done = true
			}
			return inRow{}, err
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "row" {
			return r.row(e)
		}
	}
}

// row reads the cells of the row just started.
func (r *sheetReader) row(e xml.StartElement) (inRow, error) {
	num := r.last + 1
	if s := attr(e, "r"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return inRow{}, fmt.Errorf("行号“%s”无效", s)
		}
		num = n
	}
	if num <= r.last {
		return inRow{}, fmt.Errorf("第%d行出现在第%d行之后，行的顺序错乱", num, r.last)
	}
	if r.rows++; num > r.lim.rows || r.rows > r.lim.rows {
		return inRow{}, errTooManyRows(r.lim.rows)
	}
	r.last = num
	row := inRow{num: num}
	col := -1
	for {
		t, err := r.x.token()
		if err != nil {
			return inRow{}, err
		}
		switch e := t.(type) {
		case xml.StartElement:
			if e.Name.Local != "c" {
				if err := r.x.skip(); err != nil {
					return inRow{}, err
				}
				continue
			}
			c, err := r.cell(e, col, num)
			if err != nil {
				return inRow{}, err
			}
			col = c.col
			if c.val != "" {
				row.cells = append(row.cells, c)
			}
		case xml.EndElement:
			return row, nil
		}
	}
}

// cell reads the cell just started, after the cell in column prev.
func (r *sheetReader) cell(e xml.StartElement, prev, num int) (cell, error) {
	c := cell{col: prev + 1}
	if ref := attr(e, "r"); ref != "" {
		col, row, ok := cellRef(ref)
		if !ok || row != num {
			return c, fmt.Errorf("单元格位置“%s”无效（应在第%d行）", ref, num)
		}
		c.col = col
	}
	if c.col <= prev {
		return c, fmt.Errorf("第%d行的单元格顺序错乱", num)
	}
	if c.col >= r.lim.columns {
		return c, overLimit("第%d行超过 %s 列", num, safezip.Count(int64(r.lim.columns)))
	}
	typ := attr(e, "t")
	var v, inline string
	for {
		t, err := r.x.token()
		if err != nil {
			return c, err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "v":
				if v, err = r.x.text(); err != nil {
					return c, err
				}
			case "is":
				if inline, err = r.inline(); err != nil {
					return c, err
				}
			default:
				if err := r.x.skip(); err != nil {
					return c, err
				}
			}
		case xml.EndElement:
			switch typ {
			case "s":
				i, err := strconv.Atoi(strings.TrimSpace(v))
				if v == "" {
					return c, nil
				}
				if err != nil || i < 0 || i >= len(r.sst.strs) {
					return c, fmt.Errorf("单元格 %s%d 引用的共享字符串“%s”不存在", colLetters(c.col), num, v)
				}
				c.val, c.shared = r.sst.strs[i], true
			case "inlineStr":
				c.val = inline
			default: // n, str, b, d, e: the value as stored
				c.val = cellText(v)
			}
			return c, nil
		}
	}
}

// inline reads an inline string, <is>, like a shared string.
func (r *sheetReader) inline() (string, error) {
	var b []byte
	for {
		t, err := r.x.token()
		if err != nil {
			return "", err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "rPh":
				if err := r.x.skip(); err != nil {
					return "", err
				}
			case "t":
				v, err := r.x.text()
				if err != nil {
					return "", err
				}
				if len(b) < r.lim.keep {
					b = append(b, v...)
				}
			}
		case xml.EndElement:
			if e.Name.Local == "is" {
				return cut(cellText(string(b)), r.lim.keep), nil
			}
		}
	}
}

// cellRef reads a cell reference such as AB12: the column (0-based) and
// the row.
func cellRef(s string) (col, row int, ok bool) {
	i := 0
	for i < len(s) && i < 4 {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(s[i:])
	if err != nil || row < 1 || s[i] == '+' || s[i] == '-' {
		return 0, 0, false
	}
	return col - 1, row, true
}

// colLetters writes a column index (0-based) as letters.
func colLetters(col int) string {
	s := ""
	for col++; col > 0; col = (col - 1) / 26 {
		s = string(rune('A'+(col-1)%26)) + s
	}
	return s
}
