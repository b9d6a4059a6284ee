package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// para writes one paragraph.
func (d *Document) para(p Para) { para(&d.body, p) }

func para(b *strings.Builder, p Para) {
	b.WriteString(`<w:p><w:pPr>`)
	st := p.Style
	if st == "" {
		st = Body
	}
	b.WriteString(`<w:pStyle w:val="` + string(st) + `"/>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.PageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.SpaceLine {
		b.WriteString(`<w:spacing w:after="` + strconv.Itoa(linePitch) + `"/>`)
	}
	if a := p.Align.xml(); a != "" {
		b.WriteString(`<w:jc w:val="` + a + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		run(b, r)
	}
	b.WriteString(`</w:p>`)
}

// run writes a run: its look, then its text with newlines as breaks and
// tabs as tabs.
func run(b *strings.Builder, r Run) {
	b.WriteString(`<w:r>`)
	if r.Bold || r.Underline || r.Font != "" || r.Size > 0 {
		b.WriteString(`<w:rPr>`)
		if r.Font != "" {
			f := attr(r.Font)
			b.WriteString(`<w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:eastAsia="` + f + `"/>`)
		}
		if r.Bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.Underline {
			b.WriteString(`<w:u w:val="single"/>`)
		}
		if r.Size > 0 {
			hp := strconv.Itoa(int(r.Size*2 + 0.5))
			b.WriteString(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if piece != "" {
				b.WriteString(`<w:t xml:space="preserve">`)
				escape(b, piece)
				b.WriteString(`</w:t>`)
			}
		}
	}
	b.WriteString(`</w:r>`)
}

// table writes a table across the text width.
func (d *Document) table(t Table) {
	b := &d.body
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	width := twips(textWidthMM)
	cols := make([]int, len(t.Widths))
	sum := 0
	for i, w := range t.Widths {
		if total > 0 {
			cols[i] = int(float64(width) * w / total)
		}
		sum += cols[i]
	}
	if len(cols) > 0 {
		cols[len(cols)-1] += width - sum // the rounding goes to the last column
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/><w:jc w:val="center"/>`)
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(c) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr>`)
		if short(r) {
			b.WriteString(`<w:cantSplit/>`)
		}
		if r.Head {
			b.WriteString(`<w:tblHeader/>`)
		}
		if r.MinHeight > 0 {
			b.WriteString(`<w:trHeight w:val="` + strconv.Itoa(twips(r.MinHeight)) + `" w:hRule="atLeast"/>`)
		}
		b.WriteString(`</w:trPr>`)
		col := 0
		for _, c := range r.Cells {
			span := max(c.Span, 1)
			w := 0
			for k := col; k < col+span && k < len(cols); k++ {
				w += cols[k]
			}
			col += span
			cell(b, c, w, span, r.Head)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// cell writes one table cell w twips wide.
func cell(b *strings.Builder, c Cell, w, span int, head bool) {
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
	if span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
	}
	if head {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>`)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	st := TableText
	if head {
		st = TableHead
	}
	for _, l := range strings.Split(c.Text, "\n") {
		p := Para{Style: st, Align: c.Align}
		if l != "" {
			p.Runs = []Run{{Text: l, Bold: c.Bold}}
		}
		para(b, p)
	}
	b.WriteString(`</w:tc>`)
}

// escape writes s as XML text: the five special characters escaped, and
// characters XML 1.0 does not allow (control characters, broken UTF-8)
// left out, so that no data can make the file unreadable.
func escape(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t' && r != '\n',
			r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			// not allowed in XML
		default:
			b.WriteRune(r)
		}
	}
}

// attr returns s escaped for an attribute value.
func attr(s string) string {
	var b strings.Builder
	escape(&b, s)
	return b.String()
}

// short reports whether a row's text is short enough to keep the row on
// one page; a longer one may break across pages (a row taller than a page
// must).
func short(r Row) bool {
	n := 0
	for _, c := range r.Cells {
		n += utf8.RuneCountInString(c.Text)
	}
	return n < 300
}
