package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"time"
)

// Font names, as a Chinese Windows machine knows them.
const (
	FontTitle = "方正小标宋简体"   // 2号 titles
	FontBody  = "仿宋_GB2312" // 3号 body text
	FontHei   = "黑体"        // first-level headings, table heads
	FontKai   = "楷体_GB2312" // second-level headings
	FontSong  = "宋体"        // page numbers
	FontLatin = "Times New Roman"
)

// Point sizes of the Chinese size names (字号).
const (
	Size2  = 22.0 // 二号
	Size3  = 16.0 // 三号
	Size4  = 14.0 // 四号
	SizeS4 = 12.0 // 小四
	Size5  = 10.5 // 五号
)

// Style names a paragraph style of the document (styles.xml).
type Style string

// The paragraph styles.
const (
	Body      Style = "Normal"    // 3号 仿宋, first line in by two characters
	Title     Style = "Title"     // 2号 小标宋, centred
	Heading1  Style = "Heading1"  // 3号 黑体 (一、)
	Heading2  Style = "Heading2"  // 3号 楷体 (（一）)
	Heading3  Style = "Heading3"  // 3号 仿宋 bold (1.)
	Plain     Style = "Plain"     // body text without the first-line indent (主送机关)
	Signature Style = "Signature" // right-aligned, four characters in (落款, 成文日期)
	TableText Style = "TableText" // 小四 仿宋 in a table
	TableHead Style = "TableHead" // 小四 黑体, centred, in a table's head
	Small     Style = "Small"     // 小四 仿宋 without indent (notes under a form)
)

// Align is a paragraph's alignment; the zero value keeps the style's.
type Align int

// The alignments.
const (
	AlignStyle Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignBoth
)

func (a Align) xml() string {
	return [...]string{"", "left", "center", "right", "both"}[a]
}

// Run is a piece of text with one look. Newlines break the line, tabs
// tab.
type Run struct {
	Text      string
	Bold      bool
	Underline bool
	Font      string  // the Chinese font, "" for the style's
	Size      float64 // points, 0 for the style's
}

// Para is a paragraph.
type Para struct {
	Style     Style
	Align     Align
	Runs      []Run
	KeepNext  bool // keep with the next paragraph on one page
	PageBreak bool // start on a new page
	SpaceLine bool // an empty line's space after it
}

// Text is a paragraph of one run in style st.
func Text(st Style, s string) Para { return Para{Style: st, Runs: []Run{{Text: s}}} }

// Cell is a table cell.
type Cell struct {
	Text  string
	Span  int // columns it spans (0 or 1: one)
	Bold  bool
	Align Align // AlignStyle: left (centred in a head)
}

// Row is a table row.
type Row struct {
	Cells     []Cell
	Head      bool    // a head row: repeated on every page, 黑体, shaded
	MinHeight float64 // millimetres; 0: as the text needs
}

// Table is a bordered table across the text width; Widths are the
// columns' relative widths.
type Table struct {
	Widths []float64
	Rows   []Row
}

// Document is a document being written.
type Document struct {
	title string
	body  strings.Builder
	pages int // sections begun, for the page numbers' restart
}

// New starts a document titled title (the file's properties).
func New(title string) *Document { return &Document{title: title} }

// Add writes paragraphs.
func (d *Document) Add(ps ...Para) {
	for _, p := range ps {
		d.para(p)
	}
}

// AddTable writes a table, with an empty paragraph after it (Word needs
// one between two tables and before a section's end).
func (d *Document) AddTable(t Table) {
	d.table(t)
	d.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Small"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr></w:p>`)
}

// NewSection ends the current section: what follows starts on a new page
// numbered 1 (one document of a batch after another).
func (d *Document) NewSection() {
	d.body.WriteString(`<w:p><w:pPr>`)
	d.body.WriteString(sectPr(d.pages > 0))
	d.body.WriteString(`</w:pPr></w:p>`)
	d.pages++
}

// WriteTo writes the .docx to w. The parts that are the same in every
// document are compressed once per process.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	z := zip.NewWriter(cw)
	for _, part := range d.parts() {
		h := &zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: zipTime}
		if raw, ok := fixedParts()[part.name]; ok {
			h.CRC32, h.CompressedSize64, h.UncompressedSize64 = raw.crc, uint64(len(raw.data)), uint64(len(part.body))
			f, err := z.CreateRaw(h)
			if err != nil {
				return cw.n, err
			}
			if _, err := f.Write(raw.data); err != nil {
				return cw.n, err
			}
			continue
		}
		f, err := z.CreateHeader(h)
		if err != nil {
			return cw.n, err
		}
		if _, err := io.WriteString(f, part.body); err != nil {
			return cw.n, err
		}
	}
	err := z.Close()
	return cw.n, err
}

// compressed is a part deflated once, with its checksum.
type compressed struct {
	data []byte
	crc  uint32
}

// fixedParts are the parts every document shares, deflated as the zip
// writer would deflate them (the same bytes, computed once).
var fixedParts = sync.OnceValue(func() map[string]compressed {
	out := map[string]compressed{}
	for _, p := range (&Document{}).parts() {
		switch p.name {
		case "word/document.xml", "docProps/core.xml":
			continue
		}
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.DefaultCompression)
		fw.Write([]byte(p.body))
		fw.Close()
		out[p.name] = compressed{data: b.Bytes(), crc: crc32.ChecksumIEEE([]byte(p.body))}
	}
	return out
})

// zipTime is every entry's time: fixed, so that the same document gives the
// same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

type part struct{ name, body string }

// parts are the package's parts in name order.
func (d *Document) parts() []part {
	doc := xmlHead + `<w:document ` + nsW + ` ` + nsR + `><w:body>` + d.body.String() + sectPr(d.pages > 0) + `</w:body></w:document>`
	return []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appProps},
		{"docProps/core.xml", coreProps(d.title)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", doc},
		{"word/fontTable.xml", fontTable},
		{"word/footer1.xml", footer(true)},
		{"word/footer2.xml", footer(false)},
		{"word/settings.xml", settings},
		{"word/styles.xml", styles},
	}
}

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(mm/25.4*1440 + 0.5) }

// The page: A4, GB/T 9704's margins, 22 lines of 28 characters of 3号.
const (
	pageW, pageH                  = 11906, 16838
	marginTop, marginBottom       = 37.0, 35.0
	marginLeft, marginRight       = 28.0, 26.0
	textWidthMM                   = 210 - marginLeft - marginRight // 156 mm
	textHeightMM                  = 297 - marginTop - marginBottom // 225 mm
	linesPerPage, charsPerLine    = 22, 28
	footerMM                      = 21.0 // page bottom to the page number's line
	bodyFontTwips                 = 320  // 3号
	tableFontHalfPoints           = 24   // 小四
	bodyHalfPoints, titleHalfPts  = 32, 44
	pageNumberHalfPts             = 28 // 4号
	pageNumberIndentTwips         = 280
	signatureIndentChars          = 400 // hundredths of a character: 四字
	signatureIndentTwips          = 4 * bodyFontTwips
	firstLineChars, firstLineTwip = 200, 2 * bodyFontTwips
)

// linePitch is the line grid's line height in twips: 22 lines fill the
// text height. The 28 characters of a line are made by tightening the body
// text by bodyTightTwentieths of a point a character (紧缩 0.25 磅): 28 of
// them fit the 156 mm, 29 do not. (A character grid, Word's
// linesAndChars, would say the same to Word, but LibreOffice sets each
// 3号 character in two cells of a grid narrower than the character.)
var linePitch = twips(textHeightMM) / linesPerPage

const bodyTightTwentieths = 5

// sectPr is a section's page: size, margins, grid, footers; restart
// numbers the pages from 1 again.
func sectPr(restart bool) string {
	num := ""
	if restart {
		num = `<w:pgNumType w:start="1"/>`
	}
	return fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>%s`+
		`<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`,
		pageW, pageH, twips(marginTop), twips(marginRight), twips(marginBottom), twips(marginLeft), twips(footerMM), num,
		linePitch)
}
