package calendar

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"xuncha/app/civil"
	"xuncha/app/outfile"
	"xuncha/app/vocab"
)

// sheet is one worksheet to write: a header row and the rows under it.
type sheet struct {
	name   string
	header []string
	rows   [][]any
	widths []float64
}

// writeBook writes the sheets to an xlsx file at path, header rows bold
// and frozen.
func writeBook(path string, sheets []sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err != nil {
			return err
		}
		head := make([]any, len(sh.header))
		for k, h := range sh.header {
			head[k] = h
		}
		if err := f.SetSheetRow(sh.name, "A1", &head); err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(len(sh.header), 1)
		if err := f.SetCellStyle(sh.name, "A1", last, bold); err != nil {
			return err
		}
		for r, row := range sh.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := f.SetSheetRow(sh.name, cell, &row); err != nil {
				return err
			}
		}
		for k, w := range sh.widths {
			col, _ := excelize.ColumnNumberToName(k + 1)
			if err := f.SetColWidth(sh.name, col, col, w); err != nil {
				return err
			}
		}
		if err := f.SetPanes(sh.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	return outfile.Write(path, outfile.Document, func(w io.Writer) error { return f.Write(w) })
}

// ExportTermPlan writes term's plan on day today to an xlsx file: the
// rounds with their stage dates and status, 组织方式 and 联动轮次 (轮次计划),
// coverage by category, county and 领域 (覆盖情况), the open units (未安排单位),
// the conflicts (冲突), the pace (进度), and the term plan year by year with
// its warnings (规划执行).
func (c *Calendar) ExportTermPlan(term string, today civil.Date, path string) error {
	rep, err := c.Report(term, today)
	if err != nil {
		return err
	}
	cv, _ := c.Coverage(term, today)
	plan := sheet{name: "轮次计划", header: []string{"轮次编码", "轮次名称", "巡察类型", "编组方式", "状态",
		"准备开始", "进驻开始", "进驻结束", "报告结束", "反馈日期", "整改报告期限", "督查验收日期", "巡察组数", "被巡察单位数",
		"组织方式", "联动轮次"},
		widths: []float64{12, 20, 10, 12, 8, 12, 12, 12, 12, 12, 14, 14, 10, 12, 10, 16}}
	for _, r := range rep.Rounds {
		s := r.Stages
		units := 0
		for _, t := range r.Teams {
			units += len(t.Units)
		}
		plan.rows = append(plan.rows, []any{r.Code, r.Name, r.Type, r.Mode, string(r.Status),
			s.Prep.Start.String(), s.Onsite.Start.String(), s.Onsite.End.String(), s.Report.End.String(),
			s.Feedback.End.String(), s.Rectify.End.String(), s.Check.End.String(), len(r.Teams), units,
			r.Level, strings.Join(r.Links, "、")})
	}
	cover := sheet{name: "覆盖情况", header: []string{"分组", "县区", "单位类别", "应覆盖", "已覆盖", "已计划", "未安排", "覆盖率"},
		widths: []float64{10, 16, 12, 10, 10, 10, 10, 10}}
	add := func(group, county, cat string, n Counts) {
		cover.rows = append(cover.rows, []any{group, county, cat, n.Total, n.Covered, n.Planned, n.Open, fmt.Sprintf("%.1f%%", n.Percent())})
	}
	add("合计", "", "", cv.Counts)
	for _, k := range cv.ByCategory {
		add("按类别", "", k.Category, k.Counts)
	}
	for _, co := range cv.ByCounty {
		add("按县区", co.Name, "", co.Counts)
		for _, k := range co.ByCategory {
			add("县区×类别", co.Name, k.Category, k.Counts)
		}
	}
	for _, s := range cv.BySector {
		add("按领域", fmt.Sprintf("涉及 %d/%d 个县区", s.Reached, s.Counties), s.Sector, s.Counts)
	}
	open := sheet{name: "未安排单位", header: []string{"单位编码", "单位名称", "县区", "单位类别"}, widths: []float64{12, 30, 16, 12}}
	for _, u := range rep.Coverage.OpenUnits {
		open.rows = append(open.rows, []any{u.Unit, u.Name, c.snap.CountyName(u.County), u.Category})
	}
	conf := sheet{name: "冲突", header: []string{"类型", "轮次", "巡察组", "人员", "单位", "说明"}, widths: []float64{16, 10, 14, 10, 10, 80}}
	for _, x := range rep.Conflicts {
		conf.rows = append(conf.rows, []any{x.Kind, x.Round, x.Team, x.Person, x.Unit, x.Message})
	}
	pace := sheet{name: "进度", header: []string{"预警", "说明"}, widths: []float64{8, 100},
		rows: [][]any{{yesNo(cv.Pace.Warn), cv.Pace.Message}}}
	return writeBook(path, []sheet{plan, cover, open, conf, pace, c.planSheet(term, today)})
}

// planSheet is the term plan year by year, then its warnings.
func (c *Calendar) planSheet(term string, today civil.Date) sheet {
	p, _ := c.Plan(term, today)
	sh := sheet{name: "规划执行", header: []string{"年度", "计划单位", "已按计划完成", "尚未完成", "逾期未巡察", "当年实际巡察", "轮次", "可承载"},
		widths: []float64{10, 10, 12, 10, 12, 12, 8, 10}}
	for _, y := range p.ByYear {
		sh.rows = append(sh.rows, []any{y.Year, y.Planned, y.Done, y.Open, y.Passed, y.Actual, y.Rounds, y.Capacity})
	}
	for _, w := range p.Warnings {
		sh.rows = append(sh.rows, []any{w.Kind, w.Unit, w.Message})
	}
	return sh
}

// ExportRoundSchedule writes round's schedule on day today to an xlsx
// file: its stages (日程), its teams with their units and on-site dates
// (巡察组), and each unit's rectification report (整改报告).
func (c *Calendar) ExportRoundSchedule(round string, today civil.Date, path string) error {
	r, err := c.roundOf(round)
	if err != nil {
		return err
	}
	s := c.Schedule(r)
	stages := sheet{name: "日程", header: []string{"阶段", "开始", "结束", "天数", "日期来源"}, widths: []float64{10, 12, 12, 8, 10}}
	for _, sp := range s.Spans() {
		src := "已录入"
		if sp.Estimated {
			src = "按默认估算"
		}
		stages.rows = append(stages.rows, []any{sp.Stage.String(), sp.Start.String(), sp.End.String(), sp.Days(), src})
	}
	stages.rows = append(stages.rows, []any{"状态", string(s.Status(today)), "", "", today.String()})
	teams := sheet{name: "巡察组", header: []string{"序号", "巡察组", "县区", "被巡察单位", "进驻开始", "进驻结束", "成员数", "组长"},
		widths: []float64{6, 14, 14, 50, 12, 12, 8, 12}}
	reports := sheet{name: "整改报告", header: []string{"巡察组", "单位编码", "单位名称", "整改报告期限", "收到日期", "状态"},
		widths: []float64{14, 12, 30, 14, 12, 14}}
	for i := range r.Teams {
		t := &r.Teams[i]
		ts := c.TeamSchedule(r, t)
		var names []string
		for _, tu := range t.Units {
			names = append(names, c.snap.UnitName(tu.Unit))
			due := tu.ReportDueOr(ts.Dates.RectifyDue)
			reports.rows = append(reports.rows, []any{t.Name, tu.Unit, c.snap.UnitName(tu.Unit), due.String(),
				tu.ReportReceived.String(), reportState(due, tu.ReportReceived, today)})
		}
		leader := ""
		for _, m := range t.Members {
			if m.Role == vocab.RoleLeader {
				leader = c.personName(m.Person)
				break
			}
		}
		teams.rows = append(teams.rows, []any{i + 1, t.Name, c.snap.CountyName(t.County), strings.Join(names, "、"),
			ts.Dates.OnsiteStart.String(), ts.Dates.OnsiteEnd.String(), len(t.Members), leader})
	}
	return writeBook(path, []sheet{stages, teams, reports})
}

// reportState describes a rectification report on day today.
func reportState(due, received, today civil.Date) string {
	switch {
	case !received.IsZero():
		return "已收到"
	case !due.IsZero() && due < today:
		return fmt.Sprintf("逾期%d天", due.DaysUntil(today))
	}
	return "未到期"
}

// personName returns a person's name, or the code when unknown.
func (c *Calendar) personName(code string) string {
	if p := c.snap.Person(code); p != nil && p.Name != "" {
		return p.Name
	}
	return code
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
