package pdfdoc

import "strconv"

// ChartSeries is one part of a stacked bar: its name in the legend and
// its colour.
type ChartSeries struct {
	Name    string
	R, G, B uint8
}

// ChartBar is one bar: its label, one value per series and a note after
// it (e.g. "147/480 30.6%").
type ChartBar struct {
	Label  string
	Values []int
	Note   string
}

// Geometry of a chart, in points.
const (
	chartLabelW = 96
	chartNoteW  = 84
	chartBarH   = 11
	chartGap    = 5
	chartText   = 8.5
)

// Bars draws a horizontal stacked bar chart at the cursor: the title, a
// legend, then one bar per row scaled to the largest total, each value
// written on its part where it fits. It drawn with lines and rectangles
// only, so it prints the same everywhere.
func (d *Doc) Bars(title string, series []ChartSeries, bars []ChartBar) {
	d.Need(34 + chartBarH + chartGap)
	d.Font(11, true)
	d.Text(d.Left, d.Y, title)
	d.Y += 17
	d.legend(series)
	if len(bars) == 0 {
		d.Font(chartText, false)
		d.Gray(110)
		d.Text(d.Left, d.Y, "（无数据）")
		d.Gray(0)
		d.Y += chartBarH + chartGap
		return
	}
	most := 0
	for _, b := range bars {
		t := 0
		for _, v := range b.Values {
			t += max(v, 0)
		}
		most = max(most, t)
	}
	area := d.Width() - chartLabelW - chartNoteW
	for _, b := range bars {
		d.Need(chartBarH + chartGap)
		d.Font(chartText, false)
		label := b.Label
		for d.Measure(label) > chartLabelW-6 && len([]rune(label)) > 1 {
			label = string([]rune(label)[:len([]rune(label))-2]) + "…"
		}
		d.Text(d.Left, d.Y+1, label)
		x := d.Left + chartLabelW
		for i, v := range b.Values {
			if v <= 0 || most == 0 || i >= len(series) {
				continue
			}
			w := area * float64(v) / float64(most)
			s := series[i]
			d.PDF.SetFillColor(s.R, s.G, s.B)
			d.PDF.RectFromUpperLeftWithStyle(x, d.Y, w, chartBarH, "F")
			if n := strconv.Itoa(v); d.Measure(n)+4 < w {
				if int(s.R)+int(s.G)+int(s.B) < 3*140 {
					d.PDF.SetFillColor(255, 255, 255) // text is painted with the fill colour
				} else {
					d.PDF.SetFillColor(0, 0, 0)
				}
				d.Text(x+(w-d.Measure(n))/2, d.Y+1, n)
			}
			x += w
		}
		d.PDF.SetFillColor(0, 0, 0)
		d.Text(d.Left+chartLabelW+area+4, d.Y+1, b.Note)
		d.Y += chartBarH + chartGap
	}
	d.Y += 6
}

// legend draws a swatch and the name of each series, flowing over lines.
func (d *Doc) legend(series []ChartSeries) {
	d.Font(chartText, false)
	x := d.Left
	for _, s := range series {
		w := 12 + d.Measure(s.Name) + 12
		if x+w > PageW-d.Right {
			x = d.Left
			d.Y += 13
		}
		d.PDF.SetFillColor(s.R, s.G, s.B)
		d.PDF.RectFromUpperLeftWithStyle(x, d.Y+1, 9, 9, "F")
		d.PDF.SetFillColor(0, 0, 0)
		d.Text(x+12, d.Y+1, s.Name)
		x += w
	}
	d.Y += 16
}
