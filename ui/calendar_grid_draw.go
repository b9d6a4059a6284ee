package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Colours of the month grid's cells.
var (
	cellInMonth  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	cellWeekend  = color.NRGBA{0xf6, 0xf6, 0xf6, 0xff}
	cellOutside  = color.NRGBA{0xec, 0xec, 0xec, 0xff}
	cellHoliday  = color.NRGBA{0xff, 0xf3, 0xe0, 0xff}
	headFill     = color.NRGBA{0xf0, 0xf0, 0xf0, 0xff}
	hoverOutline = color.NRGBA{0x21, 0x21, 0x21, 0xff}
)

type gridCell struct {
	bg   *canvas.Rectangle
	num  *canvas.Text
	pill *canvas.Rectangle // behind today's number
	rest *canvas.Text      // 休 on a listed non-working day
}

type gridSeg struct {
	seg  laneSeg
	week int
	rect *canvas.Rectangle
	text *canvas.Text
}

// gridRenderer draws a monthGrid: it rebuilds its objects on Refresh and
// places them in Layout.
type gridRenderer struct {
	g     *monthGrid
	objs  []fyne.CanvasObject
	head  *canvas.Rectangle
	names []*canvas.Text
	cells []gridCell
	segs  []gridSeg
	frame *canvas.Rectangle
}

func (r *gridRenderer) rebuild() {
	g := r.g
	r.objs = nil
	r.head = canvas.NewRectangle(headFill)
	r.objs = append(r.objs, r.head)
	r.names = nil
	for i, n := range weekdayNames {
		t := canvas.NewText(n, darkText)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle.Bold = true
		if i >= 5 {
			t.Color = greyText
		}
		r.names = append(r.names, t)
		r.objs = append(r.objs, t)
	}
	r.cells = nil
	for _, wk := range g.mv.Weeks {
		for _, d := range wk.Days {
			c := gridCell{bg: canvas.NewRectangle(cellInMonth), num: canvas.NewText(dayLabel(d), darkText)}
			c.bg.StrokeColor, c.bg.StrokeWidth = gridLine, 1
			c.num.TextSize = 13
			switch {
			case !d.InMonth:
				c.bg.FillColor, c.num.Color = cellOutside, greyText
			case d.NonWorking:
				c.bg.FillColor = cellHoliday
			case d.Weekend:
				c.bg.FillColor = cellWeekend
			}
			if d.NonWorking {
				c.rest = canvas.NewText("休", stageColors[2])
				c.rest.TextSize = 11
			}
			r.objs = append(r.objs, c.bg)
			if d.Date == g.today {
				c.bg.FillColor = todayTint
				c.pill = canvas.NewRectangle(sealRed)
				c.pill.CornerRadius = 9
				c.num.Color, c.num.TextStyle.Bold = white, true
				c.num.Text += " 今天"
				r.objs = append(r.objs, c.pill)
			}
			r.objs = append(r.objs, c.num)
			if c.rest != nil {
				r.objs = append(r.objs, c.rest)
			}
			r.cells = append(r.cells, c)
		}
	}
	r.segs = nil
	for w, segs := range g.lanes {
		for _, s := range segs {
			b := g.bars[s.bar]
			rect := canvas.NewRectangle(stageColor(b.Stage, b.Estimated))
			rect.CornerRadius = 4
			if s.bar == g.hover {
				rect.StrokeColor, rect.StrokeWidth = hoverOutline, 2
			}
			text := canvas.NewText(b.label(), stageTextColor(b.Stage))
			text.TextSize = 11
			r.segs = append(r.segs, gridSeg{seg: s, week: w, rect: rect, text: text})
			r.objs = append(r.objs, rect, text)
		}
	}
	r.frame = canvas.NewRectangle(color.Transparent)
	if g.focused {
		r.frame.StrokeColor, r.frame.StrokeWidth = theme.Color(theme.ColorNameFocus), 2
	}
	r.objs = append(r.objs, r.frame)
}

func (r *gridRenderer) Layout(size fyne.Size) {
	g := r.g
	colW, tops, heights := g.geometry(size)
	r.head.Move(fyne.NewPos(0, 0))
	r.head.Resize(fyne.NewSize(size.Width, gridHeadH))
	for i, t := range r.names {
		t.Move(fyne.NewPos(float32(i)*colW, (gridHeadH-t.MinSize().Height)/2))
		t.Resize(fyne.NewSize(colW, t.MinSize().Height))
	}
	for i, c := range r.cells {
		w, d := i/7, i%7
		if w >= len(tops) {
			break
		}
		x, y := float32(d)*colW, tops[w]
		c.bg.Move(fyne.NewPos(x, y))
		c.bg.Resize(fyne.NewSize(colW, heights[w]))
		ns := c.num.MinSize()
		c.num.Move(fyne.NewPos(x+8, y+(gridDayH-ns.Height)/2))
		if c.pill != nil {
			c.pill.Move(fyne.NewPos(x+3, y+3))
			c.pill.Resize(fyne.NewSize(ns.Width+10, gridDayH-6))
		}
		if c.rest != nil {
			rs := c.rest.MinSize()
			c.rest.Move(fyne.NewPos(x+colW-rs.Width-6, y+(gridDayH-rs.Height)/2))
		}
	}
	for _, s := range r.segs {
		pos, sz := segRect(s.seg, colW, tops[s.week])
		s.rect.Move(pos)
		s.rect.Resize(sz)
		s.text.Text = fitText(g.bars[s.seg.bar].label(), s.text.TextSize, false, sz.Width-8)
		ts := s.text.MinSize()
		s.text.Move(fyne.NewPos(pos.X+4, pos.Y+(sz.Height-ts.Height)/2))
	}
	r.frame.Move(fyne.NewPos(0, 0))
	r.frame.Resize(size)
}

func (r *gridRenderer) MinSize() fyne.Size {
	h := float32(gridHeadH)
	for _, x := range r.g.rowHeights() {
		h += x
	}
	return fyne.NewSize(7*gridMinColW, h)
}

func (r *gridRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.g.Size())
	canvas.Refresh(r.g)
}

func (r *gridRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *gridRenderer) Destroy() {}
