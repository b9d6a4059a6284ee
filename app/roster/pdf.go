package roster

import (
	"fmt"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"xuncha/assets"
)

// A4 portrait in points, and the printable area.
const (
	pageW     = 595.28
	pageH     = 841.89
	marginX   = 50.0
	marginTop = 48.0
	bodyEnd   = pageH - 62 // lowest y of the body; the footer is below
	bodyW     = pageW - 2*marginX
	family    = "cjk"
)

// doc is a PDF being written: A4 portrait pages with the embedded CJK
// font, a cursor y on the current page and a footer (page numbers and the
// date) written on every page at the end.
type doc struct {
	pdf    *gopdf.GoPdf
	y      float64
	footer string // left of the page number
	// onNewPage draws what every page starts with (a running title).
	onNewPage func()
}

// newDoc starts a document titled title.
func newDoc(title, footer string) (*doc, error) {
	p := &gopdf.GoPdf{}
	p.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	if err := p.AddTTFFontDataWithOption(family, assets.FontRegular, gopdf.TtfOption{Style: gopdf.Regular, OnGlyphNotFoundSubstitute: missingGlyph}); err != nil {
		return nil, fmt.Errorf("载入字体失败: %w", err)
	}
	if err := p.AddTTFFontDataWithOption(family, assets.FontBold, gopdf.TtfOption{Style: gopdf.Bold, OnGlyphNotFoundSubstitute: missingGlyph}); err != nil {
		return nil, fmt.Errorf("载入字体失败: %w", err)
	}
	p.SetInfo(gopdf.PdfInfo{Title: title, Creator: "巡察统筹", Producer: "巡察统筹", CreationDate: time.Now()})
	return &doc{pdf: p, footer: footer}, nil
}

// missingGlyph stands for a character the embedded font lacks (a rare
// character of a name, outside GB2312): □, the mark of a missing character,
// so that the printed name shows a gap to fill in by hand rather than
// reading as another name (gopdf's default is a space: 张𠮷三 would print
// as 张 三).
func missingGlyph(rune) rune { return '□' }

// font sets the font size and weight; the embedded font has both.
func (d *doc) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	_ = d.pdf.SetFont(family, style, size) // both styles were added in newDoc
}

// gray sets the text colour to a grey (0 black … 255 white).
func (d *doc) gray(level uint8) { d.pdf.SetTextColor(level, level, level) }

// page starts a new page and draws its running head.
func (d *doc) page() {
	d.pdf.AddPage()
	d.y = marginTop
	if d.onNewPage != nil {
		d.onNewPage()
	}
}

// need starts a new page unless h points fit below the cursor.
func (d *doc) need(h float64) {
	if d.y+h > bodyEnd {
		d.page()
	}
}

// text writes s with the top of its line at x, y.
func (d *doc) text(x, y float64, s string) {
	d.pdf.SetXY(x, y)
	_ = d.pdf.Cell(nil, s) // errors only when no font is set
}

// width measures s in the current font.
func (d *doc) width(s string) float64 {
	w, err := d.pdf.MeasureTextWidth(s)
	if err != nil {
		return 0
	}
	return w
}

// wrap splits s into lines no wider than w in the current font; "\n"
// breaks a line. An empty s is one empty line.
func (d *doc) wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		lines, err := d.pdf.SplitText(para, w)
		if err != nil || len(lines) == 0 {
			lines = []string{para}
		}
		out = append(out, lines...)
	}
	return out
}

// centered writes s centred on the page at the cursor and moves it down by h.
func (d *doc) centered(s string, size float64, bold bool, h float64) {
	d.font(size, bold)
	d.text((pageW-d.width(s))/2, d.y, s)
	d.y += h
}

// para writes s wrapped to the body width from x, line height lh, moving
// to a new page when a line does not fit.
func (d *doc) para(x float64, s string, size float64, bold bool, lh float64) {
	d.font(size, bold)
	for _, l := range d.wrap(s, pageW-marginX-x) {
		d.need(lh)
		d.font(size, bold) // a new page's head may have changed it
		d.text(x, d.y, l)
		d.y += lh
	}
}

// column is a column of a table: its title and width.
type column struct {
	title string
	width float64
	align int // gopdf.Left, gopdf.Center
}

// tableStyle is how a table draws.
type tableStyle struct {
	size    float64 // text size
	lh      float64 // line height
	padX    float64
	padY    float64
	shadeOf func(row int) bool // rows drawn on grey
}

// table draws a bordered table with the header row at the top of every
// page it runs over; each cell's text wraps within its column. mute(row)
// draws a row's text in grey.
func (d *doc) table(cols []column, rows [][]string, st tableStyle, mute func(row int) bool) {
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.title
	}
	d.row(cols, header, st, true, false)
	for r, cells := range rows {
		h := d.rowHeight(cols, cells, st, false)
		if d.y+h > bodyEnd {
			d.page()
			d.row(cols, header, st, true, false)
		}
		d.row(cols, cells, st, false, mute != nil && mute(r))
	}
}

func (d *doc) rowHeight(cols []column, cells []string, st tableStyle, bold bool) float64 {
	d.font(st.size, bold)
	n := 1
	for i, c := range cols {
		if i < len(cells) {
			n = max(n, len(d.wrap(cells[i], c.width-2*st.padX)))
		}
	}
	return float64(n)*st.lh + 2*st.padY
}

// row draws one row of a table at the cursor and moves below it.
func (d *doc) row(cols []column, cells []string, st tableStyle, head, muted bool) {
	h := d.rowHeight(cols, cells, st, head)
	x := marginX
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	if head {
		d.pdf.SetFillColor(235, 235, 235)
		d.pdf.RectFromUpperLeftWithStyle(x, d.y, total, h, "F")
		d.pdf.SetFillColor(0, 0, 0) // text is painted with the fill colour
	}
	d.pdf.SetStrokeColor(128, 128, 128)
	d.pdf.SetLineWidth(0.6)
	d.pdf.RectFromUpperLeftWithStyle(x, d.y, total, h, "D")
	d.font(st.size, head)
	if muted {
		d.gray(110)
	}
	for i, c := range cols {
		if i > 0 {
			d.pdf.Line(x, d.y, x, d.y+h)
		}
		if i < len(cells) {
			lines := d.wrap(cells[i], c.width-2*st.padX)
			top := d.y + (h-float64(len(lines))*st.lh)/2 + (st.lh-st.size)/2
			for k, l := range lines {
				lx := x + st.padX
				if c.align == gopdf.Center || head {
					lx = x + (c.width-d.width(l))/2
				}
				d.text(lx, top+float64(k)*st.lh, l)
			}
		}
		x += c.width
	}
	d.gray(0)
	d.y += h
}

// rule draws a horizontal line across the body at the cursor.
func (d *doc) rule() {
	d.pdf.SetStrokeColor(160, 160, 160)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Line(marginX, d.y, pageW-marginX, d.y)
}

// write puts the footer on every page and writes the file.
func (d *doc) write(path string) error {
	n := d.pdf.GetNumberOfPages()
	for i := 1; i <= n; i++ {
		if err := d.pdf.SetPage(i); err != nil {
			return err
		}
		d.font(9, false)
		d.gray(90)
		d.text(marginX, pageH-40, d.footer)
		p := pageLabel(i, n)
		d.text(pageW-marginX-d.width(p), pageH-40, p)
		d.gray(0)
	}
	if err := d.pdf.WritePdf(path); err != nil {
		return fmt.Errorf("写入 %s 失败: %w", path, err)
	}
	return nil
}
