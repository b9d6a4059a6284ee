package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/calendar"
	"xuncha/app/civil"
)

// Geometry of the timeline.
const (
	tlLabelW = 260
	tlAxisH  = 44
	tlRowH   = 42
	tlBarH   = 16
	tlRight  = 12
)

var rowStripe = color.NRGBA{0xf7, 0xf7, 0xf7, 0xff}

// timelineChart draws a term's rounds across the term: a row per round
// with its six stages in their colours, the years and quarters on top, and
// today as a red line. A tap on a row opens the round.
type timelineChart struct {
	widget.BaseWidget
	tl    calendar.Timeline
	hover [2]int // row and stage under the pointer; -1 for none

	OnOpen  func(round string)
	OnHover func(text string)
}

var (
	_ fyne.Tappable     = (*timelineChart)(nil)
	_ desktop.Hoverable = (*timelineChart)(nil)
)

func newTimelineChart() *timelineChart {
	c := &timelineChart{hover: [2]int{-1, -1}}
	c.ExtendBaseWidget(c)
	return c
}

func (c *timelineChart) set(tl calendar.Timeline) {
	c.tl = tl
	c.hover = [2]int{-1, -1}
	c.Refresh()
}

// xOf returns the x of the start of day d in a chart of width w.
func (c *timelineChart) xOf(d civil.Date, w float32) float32 {
	plot := max(w-tlLabelW-tlRight, 10)
	return tlLabelW + plot*float32(c.tl.Offset(d))
}

// at returns the row and stage at pos (-1 when none).
func (c *timelineChart) at(pos fyne.Position) (int, int) {
	if pos.Y < tlAxisH {
		return -1, -1
	}
	row := int((pos.Y - tlAxisH) / tlRowH)
	if row < 0 || row >= len(c.tl.Rounds) {
		return -1, -1
	}
	w := c.Size().Width
	for i, sp := range c.tl.Rounds[row].Stages {
		if sp.Days() == 0 {
			continue
		}
		if x0, x1 := c.xOf(sp.Start, w), c.xOf(sp.End.AddDays(1), w); pos.X >= x0-1 && pos.X <= x1+1 {
			return row, i
		}
	}
	return row, -1
}

// Tapped opens the round of the row tapped.
func (c *timelineChart) Tapped(ev *fyne.PointEvent) {
	if row, _ := c.at(ev.Position); row >= 0 && c.OnOpen != nil {
		c.OnOpen(c.tl.Rounds[row].Code)
	}
}

// MouseIn starts following the pointer.
func (c *timelineChart) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved describes the stage under the pointer.
func (c *timelineChart) MouseMoved(ev *desktop.MouseEvent) {
	row, st := c.at(ev.Position)
	if [2]int{row, st} == c.hover {
		return
	}
	c.hover = [2]int{row, st}
	if c.OnHover != nil {
		c.OnHover(c.describe(row, st))
	}
	c.Refresh()
}

// MouseOut forgets the stage under the pointer.
func (c *timelineChart) MouseOut() {
	c.hover = [2]int{-1, -1}
	if c.OnHover != nil {
		c.OnHover("")
	}
	c.Refresh()
}

func (c *timelineChart) describe(row, st int) string {
	if row < 0 {
		return ""
	}
	r := c.tl.Rounds[row]
	s := fmt.Sprintf("%s %s · %s", r.Code, r.Name, r.Status)
	if st >= 0 {
		s += " · " + spanText(r.Stages[st])
	}
	return s + "（单击打开轮次）"
}

// roundLine is the second line of a round's label: its status, 巡察类型
// and 组织方式, a mark when it is linked (上下联动) or of another term, and
// its size.
func roundLine(r calendar.TimelineRound) string {
	s := string(r.Status)
	if r.Foreign {
		s = "其他届期 · " + s
	}
	if r.Type != "" {
		s += " · " + r.Type
	}
	if r.Level != "" {
		s += " · " + r.Level
	}
	if r.Group >= 0 {
		s += " · 联动"
	}
	return s + fmt.Sprintf(" · %d个组 · %d个单位", r.Teams, r.Units)
}

// linkColor marks the rows of linked rounds on the timeline.
var linkColor = color.NRGBA{0x2e, 0x6d, 0xb4, 0xff}

// linkBracket is the bar at the left of a group of linked rounds, from its
// first row to its last.
type linkBracket struct {
	line     *canvas.Line
	from, to int
}

// CreateRenderer draws the timeline.
func (c *timelineChart) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{c: c}
	r.rebuild()
	return r
}

type tlTick struct {
	line  *canvas.Line
	text  *canvas.Text
	day   civil.Date
	until civil.Date // the label is centred between day and until
	major bool
}

type timelineRenderer struct {
	c       *timelineChart
	objs    []fyne.CanvasObject
	stripes []*canvas.Rectangle
	names   [][2]*canvas.Text
	bars    [][]*canvas.Rectangle
	ticks   []tlTick
	today   *canvas.Line
	todayTx *canvas.Text
	empty   *canvas.Text
	links   []linkBracket
}

func (r *timelineRenderer) rebuild() {
	c := r.c
	tl := c.tl
	r.objs, r.stripes, r.names, r.bars, r.ticks = nil, nil, nil, nil, nil
	for i := range tl.Rounds {
		st := canvas.NewRectangle(color.Transparent)
		if i%2 == 1 {
			st.FillColor = rowStripe
		}
		r.stripes = append(r.stripes, st)
		r.objs = append(r.objs, st)
	}
	if !tl.Start.IsZero() && tl.End >= tl.Start {
		for y := tl.Start.Year(); y <= tl.End.Year(); y++ {
			for q := 0; q < 4; q++ {
				d := civil.Of(y, time.Month(1+3*q), 1)
				if d < tl.Start || d > tl.End {
					continue
				}
				t := tlTick{line: canvas.NewLine(gridLine), day: d, major: q == 0}
				if q == 0 {
					t.line.StrokeWidth = 1
					t.text = canvas.NewText(fmt.Sprintf("%d年", y), darkText)
					t.text.TextStyle.Bold = true
					t.until = minDay(civil.Of(y+1, 1, 1), tl.End.AddDays(1))
				} else {
					t.line.StrokeWidth = 0.5
				}
				r.ticks = append(r.ticks, t)
				r.objs = append(r.objs, t.line)
				if t.text != nil {
					r.objs = append(r.objs, t.text)
				}
			}
		}
		if first := tl.Start; first.Month() != 1 || first.Day() != 1 {
			t := tlTick{line: canvas.NewLine(gridLine), day: first, major: true, until: minDay(civil.Of(first.Year()+1, 1, 1), tl.End.AddDays(1))}
			t.text = canvas.NewText(fmt.Sprintf("%d年", first.Year()), darkText)
			t.text.TextStyle.Bold = true
			r.ticks = append(r.ticks, t)
			r.objs = append(r.objs, t.line, t.text)
		}
	}
	for i, rd := range tl.Rounds {
		var bars []*canvas.Rectangle
		for _, sp := range rd.Stages {
			b := canvas.NewRectangle(stageColor(sp.Stage, sp.Estimated))
			if i == c.hover[0] && int(sp.Stage) == c.hover[1] {
				b.StrokeColor, b.StrokeWidth = hoverOutline, 2
			}
			bars = append(bars, b)
			r.objs = append(r.objs, b)
		}
		r.bars = append(r.bars, bars)
		n1 := canvas.NewText(rd.Code+" "+rd.Name, darkText)
		n1.TextSize = 13
		n2 := canvas.NewText(roundLine(rd), greyText)
		n2.TextSize = 11
		r.names = append(r.names, [2]*canvas.Text{n1, n2})
		r.objs = append(r.objs, n1, n2)
	}
	r.links = nil
	for gi := range tl.Groups {
		b := linkBracket{from: -1}
		for i, rd := range tl.Rounds {
			if rd.Group == gi {
				if b.from < 0 {
					b.from = i
				}
				b.to = i
			}
		}
		if b.from >= 0 {
			b.line = canvas.NewLine(linkColor)
			b.line.StrokeWidth = 3
			r.links = append(r.links, b)
			r.objs = append(r.objs, b.line)
		}
	}
	r.today, r.todayTx, r.empty = nil, nil, nil
	if !tl.Today.IsZero() && tl.Today >= tl.Start && tl.Today <= tl.End {
		r.today = canvas.NewLine(sealRed)
		r.today.StrokeWidth = 2
		r.todayTx = canvas.NewText("今天 "+tl.Today.String(), sealRed)
		r.todayTx.TextSize = 11
		r.objs = append(r.objs, r.today, r.todayTx)
	}
	if len(tl.Rounds) == 0 {
		r.empty = canvas.NewText("本届期尚无轮次：点“新建轮次”添加。", greyText)
		r.objs = append(r.objs, r.empty)
	}
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	c := r.c
	bottom := float32(tlAxisH + tlRowH*len(c.tl.Rounds))
	for i, st := range r.stripes {
		st.Move(fyne.NewPos(0, tlAxisH+float32(i)*tlRowH))
		st.Resize(fyne.NewSize(size.Width, tlRowH))
	}
	for _, t := range r.ticks {
		x := c.xOf(t.day, size.Width)
		top := float32(tlAxisH - 8)
		if t.major {
			top = 22
		}
		t.line.Position1, t.line.Position2 = fyne.NewPos(x, top), fyne.NewPos(x, max(bottom, tlAxisH+tlRowH))
		if t.text != nil {
			mid := (x + c.xOf(t.until, size.Width)) / 2
			t.text.Move(fyne.NewPos(mid-t.text.MinSize().Width/2, 2))
		}
	}
	plotEnd := size.Width - tlRight
	for i, bars := range r.bars {
		y := tlAxisH + float32(i)*tlRowH
		for k, sp := range c.tl.Rounds[i].Stages {
			b := bars[k]
			x0 := max(c.xOf(sp.Start, size.Width), tlLabelW)
			x1 := min(c.xOf(sp.End.AddDays(1), size.Width), plotEnd)
			b.Hidden = sp.Days() == 0 || x1 <= x0
			b.Move(fyne.NewPos(x0, y+(tlRowH-tlBarH)/2))
			b.Resize(fyne.NewSize(max(x1-x0, 1), tlBarH))
		}
		n := r.names[i]
		n[0].Text = fitText(c.tl.Rounds[i].Code+" "+c.tl.Rounds[i].Name, n[0].TextSize, false, tlLabelW-16)
		n[0].Move(fyne.NewPos(8, y+3))
		n[1].Move(fyne.NewPos(8, y+22))
	}
	for _, b := range r.links {
		b.line.Position1 = fyne.NewPos(3, tlAxisH+float32(b.from)*tlRowH+6)
		b.line.Position2 = fyne.NewPos(3, tlAxisH+float32(b.to+1)*tlRowH-6)
	}
	if r.today != nil {
		x := c.xOf(r.c.tl.Today, size.Width)
		r.today.Position1, r.today.Position2 = fyne.NewPos(x, 22), fyne.NewPos(x, max(bottom, tlAxisH+tlRowH))
		w := r.todayTx.MinSize().Width
		r.todayTx.Move(fyne.NewPos(min(x+3, size.Width-w-2), 24))
	}
	if r.empty != nil {
		r.empty.Move(fyne.NewPos(8, tlAxisH+10))
	}
}

func (r *timelineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(tlLabelW+480, float32(tlAxisH+tlRowH*max(len(r.c.tl.Rounds), 1)+8))
}

func (r *timelineRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *timelineRenderer) Destroy() {}
