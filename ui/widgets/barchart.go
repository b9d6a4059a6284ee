package widgets

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// BarSeries is one part of a stacked bar: its name in the legend, its
// colour and the colour of the number written on it.
type BarSeries struct {
	Name      string
	Color     color.Color
	TextColor color.Color
}

// BarRow is one bar: its label, one value per series, and a note written
// after the bar (e.g. "53/144 36.8%").
type BarRow struct {
	Label  string
	Values []int
	Note   string
}

// Total returns the sum of the row's values.
func (r BarRow) Total() int {
	n := 0
	for _, v := range r.Values {
		n += v
	}
	return n
}

// Geometry of a bar chart.
const (
	barRowHeight = 22
	barRowGap    = 5
	barTextSize  = 12
	legendHeight = 24
)

// BarChart draws horizontal stacked bars, one per row, all scaled to the
// largest total, under a title and a legend: the coverage of a term per
// category or per county. It draws with canvas rectangles and text, so it
// needs no image files and prints the same everywhere.
type BarChart struct {
	widget.BaseWidget
	Title      string
	Series     []BarSeries
	Rows       []BarRow
	LabelWidth float32 // the column of row labels
	NoteWidth  float32 // the column of notes after the bars

	// OnTapped, when set, is called with the row whose bar was tapped.
	OnTapped func(row int)
}

var (
	_ fyne.Tappable      = (*BarChart)(nil)
	_ desktop.Cursorable = (*BarChart)(nil)
)

// Tapped calls OnTapped with the row tapped.
func (c *BarChart) Tapped(ev *fyne.PointEvent) {
	if r := c.RowAt(ev.Position.Y); r >= 0 && c.OnTapped != nil {
		c.OnTapped(r)
	}
}

// Cursor shows a hand over a chart whose bars open something.
func (c *BarChart) Cursor() desktop.Cursor {
	if c.OnTapped != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// RowAt is the row whose bar is at height y of the chart, -1 for none.
func (c *BarChart) RowAt(y float32) int {
	y -= c.rowsTop()
	if y < 0 {
		return -1
	}
	r := int(y / (barRowHeight + barRowGap))
	if r >= len(c.Rows) || y-float32(r)*(barRowHeight+barRowGap) > barRowHeight {
		return -1
	}
	return r
}

// rowsTop is where the first bar starts: under the title and the legend.
func (c *BarChart) rowsTop() float32 {
	title := fyne.MeasureText(c.Title, theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	return title + theme.Padding()/2 + legendHeight
}

// NewBarChart returns an empty chart with the given series.
func NewBarChart(title string, series []BarSeries) *BarChart {
	c := &BarChart{Title: title, Series: series, LabelWidth: 90, NoteWidth: 110}
	c.ExtendBaseWidget(c)
	return c
}

// SetRows replaces the bars.
func (c *BarChart) SetRows(rows []BarRow) {
	c.Rows = rows
	c.Refresh()
}

// CreateRenderer draws the chart.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c}
	r.rebuild()
	return r
}

type barSeg struct {
	rect *canvas.Rectangle
	text *canvas.Text
	row  int
	ser  int
}

type barRenderer struct {
	c      *BarChart
	objs   []fyne.CanvasObject
	title  *canvas.Text
	legend []fyne.CanvasObject // swatch, name pairs
	labels []*canvas.Text
	notes  []*canvas.Text
	tracks []*canvas.Rectangle
	segs   []barSeg
	empty  *canvas.Text
}

func (r *barRenderer) rebuild() {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	r.objs = nil
	r.title = canvas.NewText(c.Title, fg)
	r.title.TextStyle.Bold = true
	r.objs = append(r.objs, r.title)
	r.legend = nil
	for _, s := range c.Series {
		sw := canvas.NewRectangle(s.Color)
		sw.CornerRadius = 2
		tx := canvas.NewText(s.Name, fg)
		tx.TextSize = barTextSize
		r.legend = append(r.legend, sw, tx)
	}
	r.objs = append(r.objs, r.legend...)
	r.labels, r.notes, r.tracks, r.segs = nil, nil, nil, nil
	track := theme.Color(theme.ColorNameInputBackground)
	for i, row := range c.Rows {
		tr := canvas.NewRectangle(track)
		tr.CornerRadius = 3
		r.tracks = append(r.tracks, tr)
		r.objs = append(r.objs, tr)
		for k, v := range row.Values {
			if k >= len(c.Series) || v <= 0 {
				continue
			}
			s := c.Series[k]
			rect := canvas.NewRectangle(s.Color)
			tx := canvas.NewText(strconv.Itoa(v), s.TextColor)
			tx.TextSize = barTextSize
			tx.Alignment = fyne.TextAlignCenter
			r.segs = append(r.segs, barSeg{rect, tx, i, k})
			r.objs = append(r.objs, rect, tx)
		}
		lb := canvas.NewText("", fg)
		nt := canvas.NewText(row.Note, fg)
		nt.TextSize = barTextSize
		r.labels = append(r.labels, lb)
		r.notes = append(r.notes, nt)
		r.objs = append(r.objs, lb, nt)
	}
	r.empty = nil
	if len(c.Rows) == 0 {
		r.empty = canvas.NewText("（无数据）", theme.Color(theme.ColorNameDisabled))
		r.objs = append(r.objs, r.empty)
	}
}

func (r *barRenderer) Layout(size fyne.Size) {
	c := r.c
	pad := theme.Padding()
	th := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(0, 0))
	y := th + pad/2
	x := float32(0)
	for i := 0; i+1 < len(r.legend); i += 2 {
		r.legend[i].Move(fyne.NewPos(x, y+6))
		r.legend[i].Resize(fyne.NewSize(12, 12))
		tx := r.legend[i+1].(*canvas.Text)
		tx.Move(fyne.NewPos(x+16, y+3))
		x += 16 + tx.MinSize().Width + 14
	}
	y += legendHeight
	if r.empty != nil {
		r.empty.Move(fyne.NewPos(0, y))
	}
	barX := c.LabelWidth + pad
	barW := max(size.Width-barX-c.NoteWidth-pad, 20)
	most := 0
	for _, row := range c.Rows {
		most = max(most, row.Total())
	}
	rowY := func(i int) float32 { return y + float32(i)*(barRowHeight+barRowGap) }
	for i, row := range c.Rows {
		ty := rowY(i)
		lb := r.labels[i]
		lb.Text = Fit(row.Label, theme.TextSize(), fyne.TextStyle{}, c.LabelWidth)
		lb.Move(fyne.NewPos(0, ty+(barRowHeight-lb.MinSize().Height)/2))
		r.tracks[i].Move(fyne.NewPos(barX, ty))
		r.tracks[i].Resize(fyne.NewSize(barW, barRowHeight))
		nt := r.notes[i]
		nt.Move(fyne.NewPos(barX+barW+pad, ty+(barRowHeight-nt.MinSize().Height)/2))
	}
	offset := make([]float32, len(c.Rows))
	for _, s := range r.segs {
		v := c.Rows[s.row].Values[s.ser]
		w := float32(0)
		if most > 0 {
			w = barW * float32(v) / float32(most)
		}
		ty := rowY(s.row)
		s.rect.Move(fyne.NewPos(barX+offset[s.row], ty))
		s.rect.Resize(fyne.NewSize(w, barRowHeight))
		s.text.Hidden = s.text.MinSize().Width+4 > w
		s.text.Move(fyne.NewPos(barX+offset[s.row], ty+(barRowHeight-s.text.MinSize().Height)/2))
		s.text.Resize(fyne.NewSize(w, s.text.MinSize().Height))
		offset[s.row] += w
	}
}

func (r *barRenderer) MinSize() fyne.Size {
	c := r.c
	h := r.title.MinSize().Height + theme.Padding()/2 + legendHeight
	if n := len(c.Rows); n > 0 {
		h += float32(n)*(barRowHeight+barRowGap) - barRowGap
	} else {
		h += r.empty.MinSize().Height
	}
	legend := float32(0)
	for i := 1; i < len(r.legend); i += 2 {
		legend += 30 + r.legend[i].MinSize().Width
	}
	return fyne.NewSize(max(c.LabelWidth+c.NoteWidth+120+2*theme.Padding(), legend), h)
}

func (r *barRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *barRenderer) Destroy() {}

// Fit returns text cut (with "…") so that it is no wider than width at
// the given size and style.
func Fit(text string, size float32, style fyne.TextStyle, width float32) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	rs := []rune(text)
	for n := len(rs) - 1; n > 0; n-- {
		s := string(rs[:n]) + "…"
		if fyne.MeasureText(s, size, style).Width <= width {
			return s
		}
	}
	return ""
}
