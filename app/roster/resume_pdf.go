package roster

import (
	"strconv"
	"strings"

	"github.com/signintech/gopdf"
)

// resumeColumns are the columns of the service table; their widths add up
// to the body width of A4 portrait.
var resumeColumns = []column{
	{"序号", 28, gopdf.Center}, {"轮次", 92, gopdf.Left}, {"巡察组", 72, gopdf.Left}, {"进驻时间", 72, gopdf.Left},
	{"角色", 52, gopdf.Center}, {"被巡察单位", 100, gopdf.Left}, {"鉴定", 79.28, gopdf.Left},
}

// trainingColumns are the columns of the training table.
var trainingColumns = []column{
	{"序号", 28, gopdf.Center}, {"培训名称", 235.28, gopdf.Left}, {"时间", 150, gopdf.Left}, {"学时", 82, gopdf.Center},
}

var resumeTable = tableStyle{size: 9.5, lh: 13, padX: 4, padY: 4}

// WriteResumePDF writes r as an A4 portrait PDF at path (as the roster
// PDF is written), with
// the embedded Chinese font: the person's facts, the service record
// (round, team, on-site dates, role, units, 鉴定 with its 评语; a proposed
// grade marked 拟定) and the training, page numbers and the date.
func WriteResumePDF(path string, r *Resume) error {
	d, err := newDoc(r.Title(), "生成日期："+r.Generated+"　人员编号："+r.Person)
	if err != nil {
		return err
	}
	d.onNewPage = func() { d.centered(r.Title(), 16, true, 34) }
	d.page()
	d.resume(r)
	return d.write(path)
}

// resume writes the record from the cursor.
func (d *doc) resume(r *Resume) {
	facts := r.Facts()
	var rows [][]string
	for i := 0; i < len(facts); i += 2 {
		row := []string{facts[i][0], facts[i][1]}
		if i+1 < len(facts) {
			row = append(row, facts[i+1][0], facts[i+1][1])
		}
		rows = append(rows, row)
	}
	d.table([]column{{"项目", 70, gopdf.Center}, {"内容", 177.64, gopdf.Left}, {"项目", 70, gopdf.Center}, {"内容", 177.64, gopdf.Left}},
		rows, resumeTable, nil)
	d.y += 8
	d.para(marginX, r.Summary(), 10.5, false, 16)
	d.y += 6
	d.para(marginX, "一、巡察经历", 12, true, 20)
	if len(r.Service) == 0 {
		d.para(marginX+10, "无。", 10.5, false, 16)
	} else {
		rows = rows[:0]
		for i, x := range r.Service {
			grade := x.GradeText()
			if x.Comment != "" {
				grade += "\n" + x.Comment
			}
			rows = append(rows, []string{strconv.Itoa(i + 1), x.RoundLabel(), x.Team, strings.ReplaceAll(x.Dates(), " 至 ", "\n至 "),
				x.Role, strings.Join(x.Units, "、"), grade})
		}
		d.table(resumeColumns, rows, resumeTable, nil)
	}
	d.y += 10
	d.need(40)
	d.para(marginX, "二、培训记录", 12, true, 20)
	if len(r.Trainings) == 0 {
		d.para(marginX+10, "无。", 10.5, false, 16)
		return
	}
	rows = rows[:0]
	for i, x := range r.Trainings {
		rows = append(rows, []string{strconv.Itoa(i + 1), x.Name, x.Dates(), x.HoursText()})
	}
	d.table(trainingColumns, rows, resumeTable, nil)
}
