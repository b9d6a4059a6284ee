package pdfdoc

// GridCell is a cell of a grid spanning Span columns (0: one).
type GridCell struct {
	Text   string
	Span   int
	Bold   bool
	Center bool
}

// GridRow is a row of a grid: a head row is shaded, bold and repeated at
// the top of every page the grid runs over; MinHeight is in points.
type GridRow struct {
	Cells     []GridCell
	Head      bool
	MinHeight float64
}

// Grid draws a bordered table across the body whose columns have the
// relative widths widths and whose cells may span columns (forms). A row
// that does not fit below the cursor moves to a new page; a row taller
// than a page is cut between its lines and goes on on the next.
func (d *Doc) Grid(widths []float64, rows []GridRow, st TableStyle) {
	cols := d.columns(widths)
	var heads []GridRow
	for _, r := range rows {
		if r.Head {
			heads = append(heads, r)
		}
	}
	top := func() {
		d.Page()
		for _, h := range heads {
			d.gridRow(cols, h, d.cellLines(cols, h, st), st, 0)
		}
	}
	for _, r := range rows {
		lines := d.cellLines(cols, r, st)
		for {
			h := max(r.MinHeight, float64(maxLen(lines))*st.LH+2*st.PadY)
			if d.Y+h <= d.End {
				d.gridRow(cols, r, lines, st, h)
				break
			}
			fresh := d.End - d.Top - d.headHeight(cols, heads, st)
			if h <= fresh || d.Y+2*st.PadY+st.LH > d.End {
				top()
				if h <= fresh {
					continue
				}
			}
			n := int((d.End - d.Y - 2*st.PadY) / st.LH) // the lines that fit here
			part, rest := cut(lines, n)
			d.gridRow(cols, r, part, st, d.End-d.Y)
			lines, r.MinHeight = rest, 0
			top()
		}
	}
}

// columns are the widths in points of columns with relative widths w
// across the body.
func (d *Doc) columns(w []float64) []float64 {
	total := 0.0
	for _, x := range w {
		total += x
	}
	out := make([]float64, len(w))
	for i, x := range w {
		if total > 0 {
			out[i] = d.Width() * x / total
		}
	}
	return out
}

// span is the width of cell i of row r (which starts at column *col).
func spanWidth(cols []float64, col, n int) float64 {
	w := 0.0
	for k := col; k < col+n && k < len(cols); k++ {
		w += cols[k]
	}
	return w
}

// cellLines wraps each cell of r to its width.
func (d *Doc) cellLines(cols []float64, r GridRow, st TableStyle) [][]string {
	out := make([][]string, len(r.Cells))
	col := 0
	for i, c := range r.Cells {
		n := max(c.Span, 1)
		d.Font(st.Size, c.Bold || r.Head)
		out[i] = d.Wrap(c.Text, spanWidth(cols, col, n)-2*st.PadX)
		col += n
	}
	return out
}

// headHeight is the height of the head rows.
func (d *Doc) headHeight(cols []float64, heads []GridRow, st TableStyle) float64 {
	h := 0.0
	for _, r := range heads {
		h += max(r.MinHeight, float64(maxLen(d.cellLines(cols, r, st)))*st.LH+2*st.PadY)
	}
	return h
}

func maxLen(lines [][]string) int {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return n
}

// cut splits each cell's lines after the first n.
func cut(lines [][]string, n int) (part, rest [][]string) {
	n = max(n, 1)
	part, rest = make([][]string, len(lines)), make([][]string, len(lines))
	for i, l := range lines {
		k := min(n, len(l))
		part[i], rest[i] = l[:k], l[k:]
	}
	return part, rest
}

// gridRow draws one row h points high (at least its lines) at the cursor
// and moves below it.
func (d *Doc) gridRow(cols []float64, r GridRow, lines [][]string, st TableStyle, h float64) {
	h = max(h, r.MinHeight, float64(maxLen(lines))*st.LH+2*st.PadY)
	total := 0.0
	for _, c := range cols {
		total += c
	}
	if r.Head {
		d.PDF.SetFillColor(235, 235, 235)
		d.PDF.RectFromUpperLeftWithStyle(d.Left, d.Y, total, h, "F")
		d.PDF.SetFillColor(0, 0, 0)
	}
	d.PDF.SetStrokeColor(0, 0, 0)
	d.PDF.SetLineWidth(0.5)
	d.PDF.RectFromUpperLeftWithStyle(d.Left, d.Y, total, h, "D")
	x, col := d.Left, 0
	for i, c := range r.Cells {
		n := max(c.Span, 1)
		w := spanWidth(cols, col, n)
		if i > 0 {
			d.PDF.Line(x, d.Y, x, d.Y+h)
		}
		d.Font(st.Size, c.Bold || r.Head)
		ls := lines[i]
		y := d.Y + (h-float64(len(ls))*st.LH)/2 + (st.LH-st.Size)/2
		for k, l := range ls {
			lx := x + st.PadX
			if c.Center || r.Head {
				lx = x + (w-d.Measure(l))/2
			}
			d.Text(lx, y+float64(k)*st.LH, l)
		}
		x += w
		col += n
	}
	d.Y += h
}
