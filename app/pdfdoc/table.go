package pdfdoc

// Column is a column of a table: its title, width and alignment (Left,
// Center).
type Column struct {
	Title string
	Width float64
	Align int
}

// TableStyle is how a table draws.
type TableStyle struct {
	Size float64 // text size
	LH   float64 // line height
	PadX float64
	PadY float64
}

// Table draws a bordered table with the header row at the top of every
// page it runs over; each cell's text wraps within its column. mute(row)
// (may be nil) draws a row's text in grey.
func (d *Doc) Table(cols []Column, rows [][]string, st TableStyle, mute func(row int) bool) {
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Title
	}
	d.Row(cols, header, st, true, false)
	for r, cells := range rows {
		h := d.RowHeight(cols, cells, st, false)
		if d.Y+h > d.End {
			d.Page()
			d.Row(cols, header, st, true, false)
		}
		d.Row(cols, cells, st, false, mute != nil && mute(r))
	}
}

// RowHeight is the height of a row of cells.
func (d *Doc) RowHeight(cols []Column, cells []string, st TableStyle, bold bool) float64 {
	d.Font(st.Size, bold)
	n := 1
	for i, c := range cols {
		if i < len(cells) {
			n = max(n, len(d.Wrap(cells[i], c.Width-2*st.PadX)))
		}
	}
	return float64(n)*st.LH + 2*st.PadY
}

// Row draws one row of a table at the cursor and moves below it; a head
// row is bold and shaded, a muted row grey.
func (d *Doc) Row(cols []Column, cells []string, st TableStyle, head, muted bool) {
	d.RowAt(cols, cells, st, head, muted, d.RowHeight(cols, cells, st, head))
}

// RowAt draws one row h points high (at least what its text needs).
func (d *Doc) RowAt(cols []Column, cells []string, st TableStyle, head, muted bool, h float64) {
	h = max(h, d.RowHeight(cols, cells, st, head))
	x := d.Left
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	if head {
		d.PDF.SetFillColor(235, 235, 235)
		d.PDF.RectFromUpperLeftWithStyle(x, d.Y, total, h, "F")
		d.PDF.SetFillColor(0, 0, 0) // text is painted with the fill colour
	}
	d.PDF.SetStrokeColor(128, 128, 128)
	d.PDF.SetLineWidth(0.6)
	d.PDF.RectFromUpperLeftWithStyle(x, d.Y, total, h, "D")
	d.Font(st.Size, head)
	if muted {
		d.Gray(110)
	}
	for i, c := range cols {
		if i > 0 {
			d.PDF.Line(x, d.Y, x, d.Y+h)
		}
		if i < len(cells) {
			lines := d.Wrap(cells[i], c.Width-2*st.PadX)
			top := d.Y + (h-float64(len(lines))*st.LH)/2 + (st.LH-st.Size)/2
			for k, l := range lines {
				lx := x + st.PadX
				if c.Align == Center || head {
					lx = x + (c.Width-d.Measure(l))/2
				}
				d.Text(lx, top+float64(k)*st.LH, l)
			}
		}
		x += c.Width
	}
	d.Gray(0)
	d.Y += h
}

// Col is a column titled title, width points wide, aligned align.
func Col(title string, width float64, align int) Column {
	return Column{Title: title, Width: width, Align: align}
}
