package stats

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
	"xuncha/app/pdfdoc"
)

// WriteXLSX writes the statistics as a workbook at path (whole or not at
// all): one sheet per table, and the definitions.
func WriteXLSX(path string, rep *Report, det *Details) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := fillBook(f, Tables(rep, det)); err != nil {
		return fmt.Errorf("写入统计报表失败: %w", err)
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

func fillBook(f *excelize.File, tables []Table) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Sheet); err != nil {
			return err
		}
		head := make([]any, len(t.Columns))
		for k, c := range t.Columns {
			head[k] = c
		}
		if err := f.SetSheetRow(t.Sheet, "A1", &head); err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), 1)
		if err := f.SetCellStyle(t.Sheet, "A1", last, bold); err != nil {
			return err
		}
		for r, row := range t.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := f.SetSheetRow(t.Sheet, cell, &row); err != nil {
				return err
			}
		}
		lastCol, _ := excelize.ColumnNumberToName(len(t.Columns))
		if err := f.SetColWidth(t.Sheet, "A", lastCol, 14); err != nil {
			return err
		}
		if err := f.SetColWidth(t.Sheet, "B", "B", 26); err != nil {
			return err
		}
		if t.Sheet == "指标说明" {
			if err := f.SetColWidth(t.Sheet, "B", "B", 90); err != nil {
				return err
			}
			end, _ := excelize.CoordinatesToCellName(2, len(t.Rows)+1)
			if err := f.SetCellStyle(t.Sheet, "A2", end, wrap); err != nil {
				return err
			}
		}
		if err := f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	return nil
}

// palette colours the series of a chart.
var palette = [][3]uint8{{46, 125, 50}, {251, 192, 45}, {198, 40, 40}, {21, 101, 192}, {106, 27, 154}, {0, 131, 143},
	{239, 108, 0}, {93, 64, 55}, {120, 144, 156}}

// Palette is the colour of series i, as the screen and the PDF draw it.
func Palette(i int) [3]uint8 { return palette[i%len(palette)] }

// WritePDF writes the statistics as an A4 report at path: the scope, the
// figures, the charts and the rounds' table.
func WritePDF(path string, rep *Report, det *Details) error {
	d, err := pdfDoc(rep, det)
	if err != nil {
		return err
	}
	return d.Write(path)
}

// WritePDFTo writes the report to w.
func WritePDFTo(w io.Writer, rep *Report, det *Details) error {
	d, err := pdfDoc(rep, det)
	if err != nil {
		return err
	}
	_, err = d.WriteTo(w)
	return err
}

func pdfDoc(rep *Report, det *Details) (*pdfdoc.Doc, error) {
	title := "巡察工作统计报表"
	d, err := pdfdoc.New(title, "统计范围："+det.ScopeText()+"　统计日："+rep.Today)
	if err != nil {
		return nil, err
	}
	d.Page()
	d.Centered(title, 18, true, 30)
	d.Font(10.5, false)
	d.Centered("统计范围："+det.ScopeText()+"　　统计日："+rep.Today, 10.5, false, 22)
	sum := Summary(rep, det)[2:]
	var rows [][]string
	for i := 0; i < len(sum); i += 3 {
		var r []string
		for k := i; k < i+3; k++ {
			if k < len(sum) {
				r = append(r, sum[k][0], sum[k][1])
			} else {
				r = append(r, "", "")
			}
		}
		rows = append(rows, r)
	}
	w := d.Width() / 3
	cols := []pdfdoc.Column{pdfdoc.Col("指标", w*0.7, pdfdoc.Left), pdfdoc.Col("数值", w*0.3, pdfdoc.Center),
		pdfdoc.Col("指标", w*0.7, pdfdoc.Left), pdfdoc.Col("数值", w*0.3, pdfdoc.Center),
		pdfdoc.Col("指标", w*0.7, pdfdoc.Left), pdfdoc.Col("数值", w*0.3, pdfdoc.Center)}
	d.Table(cols, rows, pdfdoc.TableStyle{Size: 8.5, LH: 11, PadX: 3, PadY: 3}, nil)
	d.Y += 14
	for _, c := range Charts(rep, det) {
		series := make([]pdfdoc.ChartSeries, len(c.Series))
		for i, s := range c.Series {
			p := Palette(i)
			series[i] = pdfdoc.ChartSeries{Name: s, R: p[0], G: p[1], B: p[2]}
		}
		bars := make([]pdfdoc.ChartBar, len(c.Rows))
		for i, r := range c.Rows {
			bars[i] = pdfdoc.ChartBar{Label: r.Label, Values: r.Values, Note: r.Note}
		}
		d.Bars(c.Title, series, bars)
	}
	t := Tables(rep, det)[2] // 轮次
	d.Need(60)
	d.Font(11, true)
	d.Text(d.Left, d.Y, "各轮次情况")
	d.Y += 17
	widths := []float64{44, 96, 52, 30, 34, 34, 30, 34, 34, 30, 30, 36, 30}
	var tc []pdfdoc.Column
	scale := d.Width() / sum64(widths)
	for i, c := range t.Columns {
		tc = append(tc, pdfdoc.Col(c, widths[i]*scale, pdfdoc.Center))
	}
	var tr [][]string
	for _, r := range t.Rows {
		var cells []string
		for _, v := range r {
			cells = append(cells, fmt.Sprint(v))
		}
		tr = append(tr, cells)
	}
	d.Table(tc, tr, pdfdoc.TableStyle{Size: 8, LH: 10.5, PadX: 2, PadY: 3}, nil)
	return d, nil
}

func sum64(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
