// Package pdfdoc is the program's one way of laying out an A4 PDF with the
// embedded Chinese font (a subset of Noto Sans SC, regular and bold, in
// assets): pages with a cursor, wrapped paragraphs, bordered tables whose
// head repeats on every page, horizontal bar charts, a footer with page
// numbers, and the file written through outfile or to any writer. The
// roster, the service record, the draw record, the documents (文书) and
// the statistics report all write through it.
//
// The font is parsed once per process and shared by every document;
// each document embeds only the glyphs it uses. A character the font lacks
// prints as □, so that a rare character of a name shows as a gap to fill in
// by hand rather than as another name. The output carries no creation
// time: the same content gives the same bytes.
package pdfdoc

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/signintech/gopdf"

	"xuncha/app/outfile"
	"xuncha/assets"
)

// A4 portrait in points, and the default printable area (the roster's).
const (
	PageW     = 595.28
	PageH     = 841.89
	MarginX   = 50.0
	MarginTop = 48.0
	BodyEnd   = PageH - 62 // lowest y of the body; the footer is below
	BodyW     = PageW - 2*MarginX
	family    = "cjk"
)

// Alignments of a table column.
const (
	Left   = gopdf.Left
	Center = gopdf.Center
	Right  = gopdf.Right
)

// Doc is a PDF being written: A4 portrait pages with the embedded CJK
// font, a cursor Y on the current page and a footer (page numbers and a
// line of text) written on every page at the end.
type Doc struct {
	PDF *gopdf.GoPdf
	Y   float64
	// The printable area: Left and Right margins, Top of the body and its
	// lowest line End (the roster's by default).
	Left, Right, Top, End float64
	Footer                string // left of the page number
	// OnNewPage draws what every page starts with (a running title).
	OnNewPage func()
	// PageLabel writes a page's number in the footer (default: 第 n 页 共 m
	// 页); FooterAt is its baseline's distance above the page's bottom.
	PageLabel func(n, of int) string
	FooterAt  float64
	// Outside puts the page number on the outside (odd pages right, even
	// pages left) and leaves out the footer's text, as official
	// documents number their pages.
	Outside bool
	// sections are the first pages (1-based) of the sections begun by
	// StartSection: each numbers its pages from 1.
	sections []int
}

// StartSection makes the next page the first of a section numbered from 1
// (one document of a bundle after another).
func (d *Doc) StartSection() { d.sections = append(d.sections, d.PDF.GetNumberOfPages()+1) }

// pageNumber is page i's number in its section and the section's length,
// of n pages in all.
func (d *Doc) pageNumber(i, n int) (int, int) {
	first, end := 1, n+1
	for k, s := range d.sections {
		if s <= i {
			first, end = s, n+1
			if k+1 < len(d.sections) {
				end = d.sections[k+1]
			}
		}
	}
	return i - first + 1, end - first
}

var (
	fontsOnce sync.Once
	fonts     *gopdf.FontContainer
	fontsErr  error
)

// sharedFonts parses the embedded font once.
func sharedFonts() (*gopdf.FontContainer, error) {
	fontsOnce.Do(func() {
		fc := &gopdf.FontContainer{}
		for _, f := range []struct {
			name  string
			data  []byte
			style int
		}{{family, assets.FontRegular, gopdf.Regular}, {family + "B", assets.FontBold, gopdf.Bold}} {
			if err := fc.AddTTFFontDataWithOption(f.name, f.data, gopdf.TtfOption{Style: f.style, OnGlyphNotFoundSubstitute: missingGlyph}); err != nil {
				fontsErr = fmt.Errorf("载入字体失败: %w", err)
				return
			}
		}
		fonts = fc
	})
	return fonts, fontsErr
}

// New starts a document titled title with footer text footer.
func New(title, footer string) (*Doc, error) {
	fc, err := sharedFonts()
	if err != nil {
		return nil, err
	}
	p := &gopdf.GoPdf{}
	p.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	if err := p.AddTTFFontFromFontContainer(family, fc); err != nil {
		return nil, fmt.Errorf("载入字体失败: %w", err)
	}
	if err := p.AddTTFFontFromFontContainer(family+"B", fc); err != nil {
		return nil, fmt.Errorf("载入字体失败: %w", err)
	}
	p.SetInfo(gopdf.PdfInfo{Title: title, Creator: "巡察统筹", Producer: "巡察统筹"})
	return &Doc{PDF: p, Footer: footer, Left: MarginX, Right: MarginX, Top: MarginTop, End: BodyEnd,
		PageLabel: func(n, of int) string { return fmt.Sprintf("第 %d 页 共 %d 页", n, of) }, FooterAt: 40}, nil
}

// missingGlyph stands for a character the embedded font lacks (a rare
// character of a name, outside GBK): □, the mark of a missing character
// (gopdf's default is a space: 张𠮷三 would print as 张 三).
func missingGlyph(rune) rune { return '□' }

// Width is the width of the body.
func (d *Doc) Width() float64 { return PageW - d.Left - d.Right }

// Font sets the font size and weight; the embedded font has both.
func (d *Doc) Font(size float64, bold bool) {
	if bold {
		_ = d.PDF.SetFont(family+"B", "B", size) // added in New
		return
	}
	_ = d.PDF.SetFont(family, "", size)
}

// Gray sets the text colour to a grey (0 black … 255 white).
func (d *Doc) Gray(level uint8) { d.PDF.SetTextColor(level, level, level) }

// Page starts a new page and draws its running head.
func (d *Doc) Page() {
	d.PDF.AddPage()
	d.Y = d.Top
	if d.OnNewPage != nil {
		d.OnNewPage()
	}
}

// Need starts a new page unless h points fit below the cursor.
func (d *Doc) Need(h float64) {
	if d.Y+h > d.End {
		d.Page()
	}
}

// Text writes s with the top of its line at x, y.
func (d *Doc) Text(x, y float64, s string) {
	d.PDF.SetXY(x, y)
	_ = d.PDF.Cell(nil, s) // errors only when no font is set
}

// Measure measures s in the current font.
func (d *Doc) Measure(s string) float64 {
	w, err := d.PDF.MeasureTextWidth(s)
	if err != nil {
		return 0
	}
	return w
}

// Wrap splits s into lines no wider than w in the current font; "\n"
// breaks a line. An empty s is one empty line. A line breaks between
// Chinese characters, never inside a number or a Latin word (unless it is
// wider than a line), and never before a closing mark (，。、）…), which
// takes the character before it onto the next line.
func (d *Doc) Wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, d.wrapLine(para, w)...)
	}
	return out
}

// wrapLine wraps one line of text.
func (d *Doc) wrapLine(s string, w float64) []string {
	toks := tokens(s)
	if len(toks) == 0 {
		return []string{""}
	}
	var lines []string
	var cur []string
	width := 0.0
	flush := func() {
		lines = append(lines, strings.TrimRight(strings.Join(cur, ""), " "))
		cur, width = nil, 0
	}
	for _, t := range toks {
		tw := d.Measure(t)
		if width+tw <= w || len(cur) == 0 && tw <= w {
			cur, width = append(cur, t), width+tw
			continue
		}
		if t == " " {
			flush()
			continue
		}
		if tw > w { // a token wider than a line: cut it by characters
			for _, r := range t {
				c := string(r)
				cw := d.Measure(c)
				if width+cw > w && len(cur) > 0 {
					flush()
				}
				cur, width = append(cur, c), width+cw
			}
			continue
		}
		var carry []string
		if closing(t) && len(cur) > 1 { // a closing mark takes the character before it along
			carry, cur = cur[len(cur)-1:], cur[:len(cur)-1]
		}
		flush()
		for _, c := range append(carry, t) {
			cur, width = append(cur, c), width+d.Measure(c)
		}
	}
	if len(cur) > 0 {
		flush()
	}
	return lines
}

// tokens cuts s into what a line may not break inside: a run of Latin
// letters, digits and their marks (2026-03-01, 85.05%, R3b), a space, or
// one other character.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := r < 0x80 && r != ' ' && !strings.ContainsRune("()[]", r)
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		out = append(out, string(r))
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// closing reports whether t is a mark a line may not begin with.
func closing(t string) bool {
	return strings.Contains("，。、；：？！）》」』”’…—,.;:?!)%", t) && t != ""
}

// Centered writes s centred on the page at the cursor and moves it down by h.
func (d *Doc) Centered(s string, size float64, bold bool, h float64) {
	d.Font(size, bold)
	for _, l := range d.Wrap(s, d.Width()) {
		d.Need(h)
		d.Font(size, bold)
		d.Text(d.Left+(d.Width()-d.Measure(l))/2, d.Y, l)
		d.Y += h
	}
}

// Para writes s wrapped to the body width from x, line height lh, moving
// to a new page when a line does not fit.
func (d *Doc) Para(x float64, s string, size float64, bold bool, lh float64) {
	d.Font(size, bold)
	for _, l := range d.Wrap(s, PageW-d.Right-x) {
		d.Need(lh)
		d.Font(size, bold) // a new page's head may have changed it
		d.Text(x, d.Y, l)
		d.Y += lh
	}
}

// Indented writes s as paragraphs (one per line of s) whose first line
// starts indent points further in than the others: two characters, in
// official documents.
func (d *Doc) Indented(s string, size float64, bold bool, lh, indent float64) {
	for _, para := range strings.Split(s, "\n") {
		d.Font(size, bold)
		var lines []string
		if first := d.Wrap(para, d.Width()-indent); len(first) > 0 && first[0] != "" {
			rest, ok := strings.CutPrefix(para, first[0])
			if !ok {
				rest = string([]rune(para)[min(len([]rune(first[0])), len([]rune(para))):])
			}
			lines = append(lines, first[0])
			if rest = strings.TrimLeft(rest, " "); rest != "" {
				lines = append(lines, d.Wrap(rest, d.Width())...)
			}
		} else {
			lines = []string{""}
		}
		for i, l := range lines {
			d.Need(lh)
			d.Font(size, bold)
			x := d.Left
			if i == 0 {
				x += indent
			}
			d.Text(x, d.Y, l)
			d.Y += lh
		}
	}
}

// RightAligned writes s flush right, right points in from the margin.
func (d *Doc) RightAligned(s string, size float64, bold bool, lh, right float64) {
	d.Font(size, bold)
	for _, l := range d.Wrap(s, d.Width()-right) {
		d.Need(lh)
		d.Font(size, bold)
		d.Text(PageW-d.Right-right-d.Measure(l), d.Y, l)
		d.Y += lh
	}
}

// Rule draws a horizontal line across the body at the cursor.
func (d *Doc) Rule() {
	d.PDF.SetStrokeColor(160, 160, 160)
	d.PDF.SetLineWidth(0.5)
	d.PDF.Line(d.Left, d.Y, PageW-d.Right, d.Y)
}

// footers puts the footer on every page.
func (d *Doc) footers() error {
	n := d.PDF.GetNumberOfPages()
	for i := 1; i <= n; i++ {
		if err := d.PDF.SetPage(i); err != nil {
			return err
		}
		y := PageH - d.FooterAt
		k, of := d.pageNumber(i, n)
		if d.Outside {
			d.Font(14, false)
			p := d.PageLabel(k, of)
			x := PageW - d.Right - 14 - d.Measure(p)
			if k%2 == 0 {
				x = d.Left + 14
			}
			d.Text(x, y, p)
			continue
		}
		d.Font(9, false)
		d.Gray(90)
		d.Text(d.Left, y, d.Footer)
		p := d.PageLabel(k, of)
		d.Text(PageW-d.Right-d.Measure(p), y, p)
		d.Gray(0)
	}
	return nil
}

// WriteTo puts the footer on every page and writes the PDF to w.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	if err := d.footers(); err != nil {
		return 0, err
	}
	return d.PDF.WriteTo(w)
}

// Write puts the footer on every page and writes the file at path
// (through outfile: whole or not at all).
func (d *Doc) Write(path string) error {
	if err := d.footers(); err != nil {
		return err
	}
	return outfile.Write(path, outfile.Document, d.PDF.Write)
}
