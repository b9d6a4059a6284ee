package recusal

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"xuncha/app/outfile"
)

// Sheet names and headers of the report workbook (SPEC §6.2: the recusal
// report of a round, every hit with its evidence).
const (
	SheetHits    = "回避报告"
	SheetSummary = "汇总"
	SheetAbout   = "说明"
)

// HitHeader is the header row of SheetHits.
var HitHeader = []string{"级别", "规则", "规则名称", "巡察组", "人员编号", "姓名", "工作关系地",
	"单位编码", "单位名称", "另一人员", "适用角色", "豁免", "情形说明"}

// SummaryHeader is the header row of SheetSummary.
var SummaryHeader = []string{"规则", "规则名称", "级别", "条数", "人数", "已豁免"}

// hitWidths are the column widths of SheetHits, in characters.
var hitWidths = []float64{6, 6, 14, 14, 10, 10, 10, 10, 24, 10, 18, 8, 80}

// AllRoles is what the 适用角色 column says for a hit that binds every role.
const AllRoles = "全部角色"

// RolesText returns the roles a hit binds as a list for people to read:
// "组长、联络员、成员", or AllRoles.
func RolesText(h Hit) string {
	if h.Roles == nil {
		return AllRoles
	}
	return strings.Join(h.Roles, "、")
}

// WriteXLSX writes the report to an xlsx workbook at path: every row on
// SheetHits in the report's order (回避 in red, 提示 in amber), the counts
// by rule and severity on SheetSummary, and on SheetAbout the round and
// filter, a sentence saying which hits the report holds ("" for all).
func (r *Report) WriteXLSX(path, filter string) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetHits); err != nil {
		return err
	}
	if err := r.writeHits(f, st); err != nil {
		return err
	}
	if err := r.writeSummary(f, st); err != nil {
		return err
	}
	if err := r.writeAbout(f, filter); err != nil {
		return err
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

// styles are the cell styles of the workbook.
type styles struct{ bold, hard, soft, wrap int }

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	st.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}})
	st.hard = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "B71C1C"}})
	st.soft = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "B26A00"}})
	st.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return st, err
}

// writeHits streams the hits onto SheetHits: a province's report has
// hundreds of thousands of rows.
func (r *Report) writeHits(f *excelize.File, st styles) error {
	sw, err := f.NewStreamWriter(SheetHits)
	if err != nil {
		return err
	}
	for k, w := range hitWidths {
		if err := sw.SetColWidth(k+1, k+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(HitHeader))
	for i, h := range HitHeader {
		head[i] = excelize.Cell{StyleID: st.bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	vals := make([]any, len(HitHeader))
	for i, row := range r.Rows {
		overridden := ""
		if row.Overridden {
			overridden = "已豁免"
		}
		other := ""
		if row.Other != "" {
			other = row.Other + " " + row.OtherName
		}
		sev := any(string(row.Severity))
		switch row.Severity {
		case Hard:
			sev = excelize.Cell{StyleID: st.hard, Value: string(row.Severity)}
		case Soft:
			sev = excelize.Cell{StyleID: st.soft, Value: string(row.Severity)}
		}
		vals[0], vals[1], vals[2], vals[3] = sev, row.Rule, RuleName(row.Rule), row.Team
		vals[4], vals[5], vals[6], vals[7] = row.Person, row.PersonName, row.HomeCounty, row.Unit
		vals[8], vals[9], vals[10], vals[11] = row.UnitName, other, RolesText(row.Hit), overridden
		vals[12] = excelize.Cell{StyleID: st.wrap, Value: row.Reason}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if len(r.Rows) > 0 {
		ref, _ := excelize.CoordinatesToCellName(len(HitHeader), len(r.Rows)+1)
		plain := false // a filter on every column, no banding over the severity colours
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + ref, Name: "回避情形", ShowRowStripes: &plain}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (r *Report) writeSummary(f *excelize.File, st styles) error {
	sh := SheetSummary
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	if err := header(f, sh, SummaryHeader, st.bold); err != nil {
		return err
	}
	for i, c := range r.Summary() {
		vals := []any{c.Rule, RuleName(c.Rule), string(c.Severity), c.Hits, c.People, c.Overridden}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sh, cell, &vals); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "B", "B", 16); err != nil {
		return err
	}
	return freeze(f, sh)
}

func (r *Report) writeAbout(f *excelize.File, filter string) error {
	sh := SheetAbout
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	if filter == "" {
		filter = "全部"
	}
	start := ""
	if !r.OnsiteStart.IsZero() {
		start = r.OnsiteStart.String()
	}
	rows := [][]any{
		{"轮次", r.Round}, {"轮次名称", r.RoundName}, {"进驻开始", start},
		{"筛选条件", filter}, {"条数", len(r.Rows)},
		{"说明", "“回避”为不得编入，“提示”为可以编入但须注意；“已豁免”为经领导批准豁免的回避。"},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &row); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 12); err != nil {
		return err
	}
	return f.SetColWidth(sh, "B", "B", 60)
}

// header writes a bold header row.
func header(f *excelize.File, sh string, titles []string, bold int) error {
	head := make([]any, len(titles))
	for i, t := range titles {
		head[i] = t
	}
	if err := f.SetSheetRow(sh, "A1", &head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(titles), 1)
	return f.SetCellStyle(sh, "A1", last, bold)
}

// freeze keeps the header row in view.
func freeze(f *excelize.File, sh string) error {
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
