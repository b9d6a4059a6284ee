package papers

import (
	"io"
	"strconv"

	"xuncha/app/docx"
	"xuncha/app/pdfdoc"
)

// WriteDocx writes p as a .docx in the layout of official documents.
func WriteDocx(w io.Writer, p *Paper) error {
	d := docx.New(p.Title)
	brk := false
	signed := false
	lastSign := lastOf(p.Blocks, BSignature)
	for i, b := range p.Blocks {
		para := docx.Para{}
		switch b.Kind {
		case BPageBreak:
			brk = true
			continue
		case BTable:
			d.AddTable(docxTable(b.Table))
			continue
		case BTitle:
			para.Style = docx.Title
		case BRecipient:
			para.Style = docx.Plain
		case BHeading1:
			para.Style = docx.Heading1
		case BHeading2:
			para.Style = docx.Heading2
		case BSignature:
			if !signed {
				d.Add(docx.Para{Style: docx.Plain, KeepNext: true}) // a line between the body and the 落款
				signed = true
			}
			para.Style, para.KeepNext = docx.Signature, i < lastSign // the 落款 stays together
		case BNote:
			para.Style = docx.Small
		default:
			para.Style = docx.Body
		}
		para.Runs = []docx.Run{{Text: b.Text}}
		para.PageBreak, brk = brk, false
		if i+1 == firstOf(p.Blocks, BSignature) {
			para.KeepNext = true // the body's last paragraph goes with the 落款: no page holds the 落款 alone
		}
		d.Add(para)
	}
	_, err := d.WriteTo(w)
	return err
}

// docxTable is t for package docx; a row with long text may break across
// pages, a short one is kept whole.
func docxTable(t *Table) docx.Table {
	out := docx.Table{Widths: t.Widths}
	for _, r := range t.Rows {
		row := docx.Row{Head: r.Head, MinHeight: r.MinHeight}
		for _, c := range r.Cells {
			cell := docx.Cell{Text: c.Text, Span: c.Span, Bold: c.Bold}
			if c.Center {
				cell.Align = docx.AlignCenter
			}
			row.Cells = append(row.Cells, cell)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// The PDF's page, after GB/T 9704 (in points): margins of 37, 35, 28 and
// 26 mm, 3号 body on lines of 28.95 points (22 a page), 2号 title, page
// numbers — 1 — outside, 7 mm under the body.
const (
	mm         = 72 / 25.4
	pdfTop     = 37 * mm
	pdfBottom  = 35 * mm
	pdfLeft    = 28 * mm
	pdfRight   = 26 * mm
	bodySize   = 16.0
	bodyLine   = 225 * mm / 22
	titleSize  = 22.0
	titleLine  = 35.0
	tableSize  = 12.0
	noteSize   = 12.0
	indent2    = 2 * bodySize
	signIndent = 4 * bodySize
)

// WritePDF writes p as an A4 PDF with the embedded font, laid out as
// WriteDocx lays out the .docx (the program's bold font stands for the
// title's and headings' fonts).
func WritePDF(w io.Writer, p *Paper) error {
	b, err := NewPDFBundle(p.Title)
	if err != nil {
		return err
	}
	b.Add(p)
	return b.Write(w)
}

// PDFBundle is one PDF of several documents, each from a new page with
// its pages numbered from 1: the documents of a kind, to print at once.
// A PDF embeds the font's glyphs it uses, which costs more than laying
// out its pages, so that many documents are quicker as one PDF.
type PDFBundle struct {
	d *pdfdoc.Doc
	n int
}

// NewPDFBundle starts a bundle titled title.
func NewPDFBundle(title string) (*PDFBundle, error) {
	d, err := pdfdoc.New(title, "")
	if err != nil {
		return nil, err
	}
	d.Left, d.Right, d.Top, d.End = pdfLeft, pdfRight, pdfTop, pdfdoc.PageH-pdfBottom
	d.Outside, d.FooterAt = true, pdfBottom-7*mm-14
	d.PageLabel = func(n, _ int) string { return "— " + strconv.Itoa(n) + " —" }
	return &PDFBundle{d: d}, nil
}

// Len is the number of documents in the bundle.
func (b *PDFBundle) Len() int { return b.n }

// Write writes the bundle's PDF to w.
func (b *PDFBundle) Write(w io.Writer) error {
	_, err := b.d.WriteTo(w)
	return err
}

// Add lays p out from a new page.
func (b *PDFBundle) Add(p *Paper) {
	b.n++
	d := b.d
	d.StartSection()
	d.Page()
	signed := false
	sign := firstOf(p.Blocks, BSignature)
	for i, b := range p.Blocks {
		tied := func(b Block) float64 { // the body's last paragraph goes with the 落款: no page holds the 落款 alone
			d.Font(bodySize, false)
			return float64(len(d.Wrap(b.Text, d.Width()-indent2))+countOf(p.Blocks, BSignature)+1) * bodyLine
		}
		switch {
		case i+1 == sign && b.Kind != BTable:
			d.Need(tied(b))
		case (b.Kind == BHeading1 || b.Kind == BHeading2) && i+2 == sign && p.Blocks[i+1].Kind != BTable:
			d.Need(bodyLine + tied(p.Blocks[i+1])) // and a heading goes with its paragraph
		}
		switch b.Kind {
		case BPageBreak:
			d.Page()
		case BTitle:
			if i > 0 {
				d.Y += bodyLine / 2
			}
			d.Centered(b.Text, titleSize, true, titleLine)
			d.Y += bodyLine / 2
		case BRecipient:
			d.Para(d.Left, b.Text, bodySize, false, bodyLine)
		case BHeading1:
			d.Need(2 * bodyLine) // not alone at a page's foot
			d.Indented(b.Text, bodySize, true, bodyLine, indent2)
		case BHeading2:
			d.Need(2 * bodyLine)
			d.Indented(b.Text, bodySize, false, bodyLine, indent2)
		case BSignature:
			if !signed {
				d.Need(float64(countOf(p.Blocks, BSignature)+1) * bodyLine) // the 落款 stays together (after a table)
				d.Y += bodyLine
				signed = true
			}
			d.RightAligned(b.Text, bodySize, false, bodyLine, signIndent)
		case BNote:
			d.Y += 6
			d.Para(d.Left, b.Text, noteSize, false, noteSize*1.6)
		case BTable:
			d.Y += 4
			d.Grid(b.Table.Widths, gridRows(b.Table), pdfdoc.TableStyle{Size: tableSize, LH: tableSize * 1.4, PadX: 4, PadY: 4})
			d.Y += 8
		default:
			d.Indented(b.Text, bodySize, false, bodyLine, indent2)
		}
	}
}

// gridRows are t's rows for pdfdoc.Grid.
func gridRows(t *Table) []pdfdoc.GridRow {
	out := make([]pdfdoc.GridRow, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = pdfdoc.GridRow{Head: r.Head, MinHeight: r.MinHeight * mm}
		for _, c := range r.Cells {
			out[i].Cells = append(out[i].Cells, pdfdoc.GridCell{Text: c.Text, Span: c.Span, Bold: c.Bold, Center: c.Center})
		}
	}
	return out
}

// lastOf is the index of the last block of kind k (-1 when none).
func lastOf(bs []Block, k BlockKind) int {
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].Kind == k {
			return i
		}
	}
	return -1
}

// countOf counts the blocks of kind k.
func countOf(bs []Block, k BlockKind) int {
	n := 0
	for _, b := range bs {
		if b.Kind == k {
			n++
		}
	}
	return n
}

// firstOf is the index of the first block of kind k (-1 when none).
func firstOf(bs []Block, k BlockKind) int {
	for i, b := range bs {
		if b.Kind == k {
			return i
		}
	}
	return -1
}
