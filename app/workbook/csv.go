package workbook

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"xuncha/app/safezip"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// textEnc is the encoding of a CSV file.
type textEnc int

const (
	encUTF8 textEnc = iota
	encUTF16
	encGB18030
)

// sniffed is what a first pass over a CSV file found.
type sniffed struct {
	enc   textEnc
	bom   int // bytes of a UTF-8 BOM to skip
	lines int
	empty bool // nothing but spaces
}

// textStats counts, in one pass, what decides a file's encoding: how it
// reads as UTF-8 and how it reads as GB18030, and where the first byte is
// that each cannot read.
type textStats struct {
	lines, nul, total, ink int
	prevCR                 bool
	// UTF-8: multi-byte characters read, bytes that are no character.
	utf8Good, utf8Bad, utf8BadLine int
	// GB18030: two-byte characters of GB2312's range (A1–FE A1–FE), others
	// (the GBK and GB18030 extensions, where Big5 and Shift-JIS text mostly
	// falls), and bytes that are no character.
	gbCommon, gbRare, gbBad, gbBadLine int
	gbNeed                             int // bytes still expected of a GB18030 character
	gbLead, gbSecond                   byte
}

// scan counts the bytes of p; carry is an incomplete UTF-8 character at the
// end of p, to be read again with the next bytes.
func (s *textStats) scan(p []byte, final bool) (carry int) {
	for i := 0; i < len(p); {
		b := p[i]
		if b < utf8.RuneSelf {
			s.gb(b)
			s.ascii(b)
			i++
			continue
		}
		if !final && !utf8.FullRune(p[i:]) {
			return len(p) - i
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			s.utf8Bad++
			if s.utf8BadLine == 0 {
				s.utf8BadLine = s.lines + 1
			}
		} else {
			s.utf8Good++
		}
		for _, c := range p[i : i+n] {
			s.gb(c)
		}
		s.total += n
		s.ink++
		i += n
	}
	return 0
}

// ascii counts a byte below 0x80: lines end at LF, CR LF or a lone CR.
func (s *textStats) ascii(b byte) {
	s.total++
	switch b {
	case '\n':
		if !s.prevCR {
			s.lines++
		}
	case '\r':
		s.lines++
	case 0:
		s.nul++
	case ' ', '\t':
	default:
		s.ink++
	}
	s.prevCR = b == '\r'
}

// gb follows GB18030's byte sequences.
func (s *textStats) gb(b byte) {
	bad := func() {
		s.gbBad++
		if s.gbBadLine == 0 {
			s.gbBadLine = s.lines + 1
		}
		s.gbNeed = 0
	}
	switch s.gbNeed {
	case 0:
		switch {
		case b < 0x80:
		case b == 0x80 || b == 0xFF:
			bad()
		default:
			s.gbLead, s.gbNeed = b, 1
		}
	case 1:
		switch {
		case b >= 0x30 && b <= 0x39:
			s.gbSecond, s.gbNeed = b, 3 // a four-byte character
		case b >= 0x40 && b <= 0xFE && b != 0x7F:
			if s.gbLead >= 0xA1 && b >= 0xA1 {
				s.gbCommon++
			} else {
				s.gbRare++
			}
			s.gbNeed = 0
		default:
			bad()
		}
	case 3:
		if b < 0x81 || b == 0xFF {
			bad()
			return
		}
		s.gbNeed = 2
	case 2:
		if b < 0x30 || b > 0x39 {
			bad()
			return
		}
		s.gbRare++
		s.gbNeed = 0
	}
}

// sniff reads a CSV file through once and decides its encoding: UTF-8
// (with or without BOM), UTF-16 with a BOM, or GB18030 (which includes GBK
// and GB2312, as Chinese Excel and WPS save CSV). A file that is none of
// these — UTF-8 with bytes damaged, Big5, Shift-JIS, UTF-16 without BOM —
// is refused with the line of the first byte that cannot be read.
func sniff(r io.Reader, base string) (sniffed, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
		n, _ := io.Copy(io.Discard, br)
		return sniffed{enc: encUTF16, lines: int(n / 40), empty: n <= 2}, nil
	}
	out := sniffed{}
	if bytes.HasPrefix(head, bomUTF8) {
		out.bom = len(bomUTF8)
		br.Discard(out.bom)
	}
	var s textStats
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := br.Read(buf[carry:])
		final := err == io.EOF
		c := s.scan(buf[:carry+n], final)
		copy(buf, buf[carry+n-c:carry+n])
		carry = c
		if final {
			break
		}
		if err != nil {
			return out, err
		}
	}
	out.lines, out.empty = s.lines+1, s.ink == 0 && s.nul == 0 && out.bom == 0
	switch {
	case s.nul > 0 && s.nul*8 >= s.total:
		return out, encodingError(base, 0, "有大量空字节，可能是没有 BOM 的 UTF-16 编码，或根本不是文本文件")
	case s.utf8Bad == 0:
		return out, nil
	case out.bom > 0 || s.utf8Good > s.utf8Bad:
		return out, encodingError(base, s.utf8BadLine, "有不是 UTF-8 编码的字节（文件的其余部分是 UTF-8），文件可能已损坏")
	case s.gbBad > 0:
		return out, encodingError(base, s.gbBadLine, "有无法识别的字节：文件既不是 UTF-8 也不是 GB18030（简体中文）编码")
	case s.gbRare*8 > s.gbCommon+s.gbRare:
		return out, encodingError(base, 0, "不是 UTF-8，也不像 GB18030（简体中文），可能是 Big5（繁体中文）或 Shift-JIS（日文）")
	}
	out.enc = encGB18030
	return out, nil
}

// decoder turns the file's bytes into UTF-8 for the parser.
func (s sniffed) decoder(r io.Reader) io.Reader {
	switch s.enc {
	case encUTF16:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case encGB18030:
		return transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
	}
	io.CopyN(io.Discard, r, int64(s.bom))
	return r
}

// csvReader reads CSV records as Excel and WPS write them: fields separated
// by comma (or tab, or semicolon), quoted with " when they hold one, a
// doubled "" inside quotes standing for ", records ending at LF, CR LF or a
// lone CR (CSV saved as "Macintosh"). A quote that is never closed, which
// would swallow every later row, is an error naming its line. Fields are
// kept to limits.keep bytes; line breaks inside quotes become LF.
type csvReader struct {
	r       *bufio.Reader
	comma   byte
	line    int // the line the reader is on, 1-based
	keep    int
	columns int
	buf     []byte
}

func newCSVReader(r io.Reader, lim *limits) *csvReader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	return &csvReader{r: br, comma: delimiter(head), line: 1, keep: lim.keep, columns: lim.columns}
}

// delimiter guesses the field separator from the first line: a comma, or a
// tab or semicolon when the line has those and no comma.
func delimiter(data []byte) byte {
	line := data
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		line = data[:i]
	}
	switch {
	case bytes.IndexByte(line, ',') >= 0:
		return ','
	case bytes.IndexByte(line, '\t') >= 0:
		return '\t'
	case bytes.IndexByte(line, ';') >= 0:
		return ';'
	}
	return ','
}

// record reads one record and the line it starts on; io.EOF at the end.
func (p *csvReader) record() (inRow, error) {
	if _, err := p.r.Peek(1); err != nil {
		return inRow{}, err
	}
	row := inRow{num: p.line}
	for col := 0; ; col++ {
		if col >= p.columns {
			return inRow{}, overLimit("第%d行超过 %s 列", row.num, safezip.Count(int64(p.columns)))
		}
		v, end, err := p.field()
		if err != nil {
			return inRow{}, err
		}
		if v != "" {
			row.cells = append(row.cells, cell{col: col, val: Undefuse(v)})
		}
		if end {
			return row, nil
		}
	}
}

// field reads one field; end is true when the record ends after it.
func (p *csvReader) field() (v string, end bool, err error) {
	p.buf = p.buf[:0]
	b, err := p.r.ReadByte()
	if err == io.EOF {
		return "", true, nil
	}
	if b == '"' {
		return p.quoted()
	}
	for {
		if sep, end := p.separator(b); sep {
			return p.text(), end, nil
		}
		p.add(b)
		if b, err = p.r.ReadByte(); err == io.EOF {
			return p.text(), true, nil
		}
	}
}

// separator reports whether b ends a field, and whether it ends the record
// too (a line break, whose line it counts).
func (p *csvReader) separator(b byte) (sep, end bool) {
	switch b {
	case p.comma:
		return true, false
	case '\n':
		p.line++
		return true, true
	case '\r':
		p.endLine()
		return true, true
	}
	return false, false
}

// quoted reads the rest of a quoted field.
func (p *csvReader) quoted() (string, bool, error) {
	open := p.line
	for {
		b, err := p.r.ReadByte()
		if err == io.EOF {
			return "", false, fmt.Errorf("第%d行开始的引号（\"）直到文件末尾都没有闭合，其后的各行会被并入一个单元格；请检查该行的引号", open)
		}
		switch b {
		case '"':
			n, err := p.r.ReadByte()
			if err == io.EOF {
				return p.text(), true, nil
			}
			if n == '"' {
				p.add('"')
				continue
			}
			p.r.UnreadByte()
			return p.afterQuote()
		case '\n':
			p.line++
			p.add('\n')
		case '\r':
			p.endLine()
			p.add('\n')
		default:
			p.add(b)
		}
	}
}

// afterQuote reads what follows the quote that closes a field: the end of
// the field, spaces allowed before it.
func (p *csvReader) afterQuote() (string, bool, error) {
	b, err := p.r.ReadByte()
	for err == nil && (b == ' ' || b == '\t' && p.comma != '\t') {
		b, err = p.r.ReadByte()
	}
	if err != nil {
		return p.text(), true, nil
	}
	if sep, end := p.separator(b); sep {
		return p.text(), end, nil
	}
	return "", false, fmt.Errorf("第%d行：引号（\"）闭合后紧跟着其他字符，引号不配对", p.line)
}

// endLine ends a line at a CR, and a LF after it.
func (p *csvReader) endLine() {
	p.line++
	if b, err := p.r.ReadByte(); err == nil && b != '\n' {
		p.r.UnreadByte()
	}
}

func (p *csvReader) add(b byte) {
	if len(p.buf) < p.keep {
		p.buf = append(p.buf, b)
	}
}

// text is the field read, whole characters: a field cut at limits.keep
// bytes loses the part of a character at the cut.
func (p *csvReader) text() string {
	b := p.buf
	if len(b) == p.keep {
		for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					b = b[:i]
				}
				break
			}
		}
	}
	return string(b)
}

// sniffFile finds the encoding of the CSV file at path.
func sniffFile(path, base string) (sniffed, error) {
	f, err := os.Open(path)
	if err != nil {
		return sniffed{}, fmt.Errorf("无法读取文件 %s: %w", path, err)
	}
	defer f.Close()
	return sniff(f, base)
}

// readCSV reads one CSV file, of the encoding enc found, as the table of
// sheet.
func readCSV(sheet, label, base string, enc sniffed, r io.Reader, c *collector, lim *limits, text *budget) (*table, error) {
	p := newCSVReader(enc.decoder(r), lim)
	records := 0
	next := func() (inRow, error) {
		row, err := p.record()
		if err == nil {
			if records++; records > lim.rows {
				return inRow{}, errTooManyRows(lim.rows)
			}
		}
		return row, err
	}
	t, err := readTable(sheet, label, next, c, text)
	if err != nil {
		return nil, err
	}
	if t != nil && enc.enc != encUTF8 && !anyTrue(t.present) {
		return nil, encodingError(base, 1, "表头没有一个可识别的列名，而文件不是 UTF-8 编码：文件的编码很可能不对")
	}
	return t, nil
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
