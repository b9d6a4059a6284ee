package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/calendar"
	"xuncha/app/civil"
)

// gridBar is one bar drawn on the month grid: one stage of one team, or of
// several teams of a round that share their dates (merged).
type gridBar struct {
	calendar.Bar
	teams []string // the teams it stands for ("" for a round without teams)
	track int      // its line: the same for every stage of the same team(s)
}

// label is the text written on the bar.
func (b gridBar) label() string {
	linked := ""
	if len(b.Links) > 0 {
		linked = " · 联动"
	}
	switch {
	case len(b.teams) > 1:
		return fmt.Sprintf("%s %s · %d个组%s", b.Round, b.Stage, len(b.teams), linked)
	case len(b.teams) == 1 && b.teams[0] != "":
		return fmt.Sprintf("%s %s %s%s", b.Round, b.teams[0], b.Stage, linked)
	}
	return fmt.Sprintf("%s %s%s", b.Round, b.Stage, linked)
}

// detail describes the bar for the line under the grid.
func (b gridBar) detail() string {
	sp := calendar.Span{Stage: b.Stage, Start: b.FullStart, End: b.FullEnd, Estimated: b.Estimated}
	s := fmt.Sprintf("%s %s · %s", b.Round, b.RoundName, spanText(sp))
	switch {
	case len(b.teams) > 1:
		names := b.teams
		more := ""
		if len(names) > 6 {
			names, more = names[:6], fmt.Sprintf("等%d个组", len(b.teams))
		}
		s += " · " + strings.Join(names, "、") + more
	case len(b.teams) == 1 && b.teams[0] != "":
		s += " · " + b.teams[0]
	}
	if len(b.Links) > 0 {
		s += " · 与 " + strings.Join(b.Links, "、") + " 上下联动"
	}
	return s + "（单击打开轮次）"
}

// laneSeg is a bar's part in one week: columns from..to on line lane.
type laneSeg struct {
	bar, from, to, lane int
}

// gridBars turns a month's bars into the bars drawn: one per team and stage
// when expanded, else the teams of a round whose stages in the month are
// the same share one bar. Bars keep the month's order; tracks are numbered
// in order of first appearance.
func gridBars(mv calendar.MonthView, expanded bool) []gridBar {
	type teamKey struct{ round, team string }
	var order []teamKey
	bars := map[teamKey][]int{}
	for i, b := range mv.Bars {
		k := teamKey{b.Round, b.Team}
		if _, ok := bars[k]; !ok {
			order = append(order, k)
		}
		bars[k] = append(bars[k], i)
	}
	sig := func(k teamKey) string {
		var sb strings.Builder
		sb.WriteString(k.round)
		if expanded {
			sb.WriteString("\x00" + k.team)
		}
		for _, i := range bars[k] {
			b := mv.Bars[i]
			fmt.Fprintf(&sb, "|%d:%d:%d:%t", b.Stage, b.FullStart, b.FullEnd, b.Estimated)
		}
		return sb.String()
	}
	var out []gridBar
	trackOf := map[string]int{}
	first := map[string][]int{} // track signature → its bars in out
	for _, k := range order {
		s := sig(k)
		if idx, ok := first[s]; ok {
			for _, j := range idx {
				out[j].teams = append(out[j].teams, k.team)
			}
			continue
		}
		tr := len(trackOf)
		trackOf[s] = tr
		for _, i := range bars[k] {
			first[s] = append(first[s], len(out))
			out = append(out, gridBar{Bar: mv.Bars[i], teams: []string{k.team}, track: tr})
		}
	}
	return out
}

// weekLanes places the bars' parts week by week: in each week the tracks
// with a part there take lines from the top in track order.
func weekLanes(mv calendar.MonthView, bars []gridBar) [][]laneSeg {
	out := make([][]laneSeg, len(mv.Weeks))
	for w, wk := range mv.Weeks {
		start, end := wk.Days[0].Date, wk.Days[6].Date
		in := func(b gridBar) bool { return b.End >= start && b.Start <= end }
		var tracks []int
		for _, b := range bars {
			if in(b) && !slices.Contains(tracks, b.track) {
				tracks = append(tracks, b.track)
			}
		}
		slices.Sort(tracks)
		for i, b := range bars {
			if !in(b) {
				continue
			}
			from, to := start.DaysUntil(maxDay(b.Start, start)), start.DaysUntil(minDay(b.End, end))
			out[w] = append(out[w], laneSeg{bar: i, from: from, to: to, lane: slices.Index(tracks, b.track)})
		}
	}
	return out
}

func maxDay(a, b civil.Date) civil.Date {
	if a > b {
		return a
	}
	return b
}

func minDay(a, b civil.Date) civil.Date {
	if a < b {
		return a
	}
	return b
}

// Geometry of the month grid.
const (
	gridHeadH   = 26 // the weekday names
	gridDayH    = 24 // the day number on top of a cell
	gridLaneH   = 18 // one bar
	gridLaneGap = 3
	gridMinRowH = 64
	gridMinColW = 86
)

// weekdayNames are the column titles, Monday first.
var weekdayNames = [7]string{"一", "二", "三", "四", "五", "六", "日"}

// monthGrid draws a month as Monday-first weeks with a bar per stage of
// each team (or of teams sharing their dates), today marked. A tap on a
// bar opens its round; the arrow keys move a month when it has the focus.
type monthGrid struct {
	widget.BaseWidget
	mv      calendar.MonthView
	bars    []gridBar
	lanes   [][]laneSeg
	today   civil.Date
	hover   int // bar under the pointer, -1 for none
	focused bool

	OnOpen  func(round string)
	OnHover func(text string)           // "" when the pointer leaves the bars
	OnKey   func(key fyne.KeyName) bool // handles a key, true when it did
}

var (
	_ fyne.Tappable      = (*monthGrid)(nil)
	_ fyne.Focusable     = (*monthGrid)(nil)
	_ desktop.Hoverable  = (*monthGrid)(nil)
	_ desktop.Cursorable = (*monthGrid)(nil)
)

func newMonthGrid() *monthGrid {
	g := &monthGrid{hover: -1}
	g.ExtendBaseWidget(g)
	return g
}

// set shows month mv with today marked; expanded draws one bar per team.
func (g *monthGrid) set(mv calendar.MonthView, today civil.Date, expanded bool) {
	g.mv, g.today = mv, today
	g.bars = gridBars(mv, expanded)
	g.lanes = weekLanes(mv, g.bars)
	g.hover = -1
	g.Refresh()
}

// rowHeights returns the minimum height of each week row.
func (g *monthGrid) rowHeights() []float32 {
	out := make([]float32, len(g.lanes))
	for w, segs := range g.lanes {
		n := 0
		for _, s := range segs {
			n = max(n, s.lane+1)
		}
		out[w] = max(gridMinRowH, gridDayH+float32(n)*(gridLaneH+gridLaneGap)+4)
	}
	return out
}

// geometry returns the column width and each week row's top and height
// for a grid of the given size: rows grow evenly to fill the height.
func (g *monthGrid) geometry(size fyne.Size) (colW float32, tops, heights []float32) {
	heights = g.rowHeights()
	total := float32(0)
	for _, h := range heights {
		total += h
	}
	if extra := size.Height - gridHeadH - total; extra > 0 && len(heights) > 0 {
		for i := range heights {
			heights[i] += extra / float32(len(heights))
		}
	}
	tops = make([]float32, len(heights))
	y := float32(gridHeadH)
	for i, h := range heights {
		tops[i] = y
		y += h
	}
	return size.Width / 7, tops, heights
}

// segRect returns the position and size of a bar's part in week w.
func segRect(s laneSeg, colW, top float32) (fyne.Position, fyne.Size) {
	x := float32(s.from)*colW + 2
	y := top + gridDayH + float32(s.lane)*(gridLaneH+gridLaneGap)
	return fyne.NewPos(x, y), fyne.NewSize(float32(s.to-s.from+1)*colW-4, gridLaneH)
}

// barAt returns the bar at pos, or -1.
func (g *monthGrid) barAt(pos fyne.Position) int {
	colW, tops, _ := g.geometry(g.Size())
	for w, segs := range g.lanes {
		for _, s := range segs {
			p, sz := segRect(s, colW, tops[w])
			if pos.X >= p.X && pos.X <= p.X+sz.Width && pos.Y >= p.Y && pos.Y <= p.Y+sz.Height {
				return s.bar
			}
		}
	}
	return -1
}

// Tapped opens the round of the bar tapped.
func (g *monthGrid) Tapped(ev *fyne.PointEvent) {
	if i := g.barAt(ev.Position); i >= 0 && g.OnOpen != nil {
		g.OnOpen(g.bars[i].Round)
	}
}

// MouseIn starts following the pointer.
func (g *monthGrid) MouseIn(ev *desktop.MouseEvent) { g.MouseMoved(ev) }

// MouseMoved describes the bar under the pointer.
func (g *monthGrid) MouseMoved(ev *desktop.MouseEvent) {
	i := g.barAt(ev.Position)
	if i == g.hover {
		return
	}
	g.hover = i
	if g.OnHover != nil {
		text := ""
		if i >= 0 {
			text = g.bars[i].detail()
		}
		g.OnHover(text)
	}
	g.Refresh()
}

// MouseOut forgets the bar under the pointer.
func (g *monthGrid) MouseOut() {
	if g.hover >= 0 {
		g.hover = -1
		if g.OnHover != nil {
			g.OnHover("")
		}
		g.Refresh()
	}
}

// Cursor is a pointing hand over a bar.
func (g *monthGrid) Cursor() desktop.Cursor {
	if g.hover >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// FocusGained marks the grid as taking the arrow keys.
func (g *monthGrid) FocusGained() { g.focused = true; g.Refresh() }

// FocusLost unmarks it.
func (g *monthGrid) FocusLost() { g.focused = false; g.Refresh() }

// TypedRune ignores letters.
func (g *monthGrid) TypedRune(rune) {}

// TypedKey hands the arrow keys to OnKey.
func (g *monthGrid) TypedKey(ev *fyne.KeyEvent) {
	if g.OnKey != nil {
		g.OnKey(ev.Name)
	}
}

// dayLabel is the text of a day's number: the 1st of a month shows its month.
func dayLabel(d calendar.Day) string {
	if d.Date.Day() == 1 {
		return fmt.Sprintf("%d月%d日", int(d.Date.Month()), d.Date.Day())
	}
	return strconv.Itoa(d.Date.Day())
}

// CreateRenderer draws the grid.
func (g *monthGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &gridRenderer{g: g}
	r.rebuild()
	return r
}
