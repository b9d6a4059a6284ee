package roster

import (
	"strconv"
	"strings"

	"github.com/signintech/gopdf"
)

// resumeColumns are the columns of the service table; their widths add up
// to the body width of A4 portrait.
var resumeColumns = []column{
	col("序号", 28, gopdf.Center), col("轮次", 92, gopdf.Left), col("巡察组", 72, gopdf.Left), col("进驻时间", 72, gopdf.Left),
	col("角色", 52, gopdf.Center), col("被巡察单位", 100, gopdf.Left), col("鉴定", 79.28, gopdf.Left),
}

// trainingColumns are the columns of the training table.
var trainingColumns = []column{
	col("序号", 28, gopdf.Center), col("培训名称", 235.28, gopdf.Left), col("时间", 150, gopdf.Left), col("学时", 82, gopdf.Center),
}

var resumeTable = tableStyle{Size: 9.5, LH: 13, PadX: 4, PadY: 4}

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
	d.OnNewPage = func() { d.Centered(r.Title(), 16, true, 34) }
	d.Page()
	d.resume(r)
	return d.Write(path)
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
	d.Table([]column{col("项目", 70, gopdf.Center), col("内容", 177.64, gopdf.Left), col("项目", 70, gopdf.Center), col("内容", 177.64, gopdf.Left)},
		rows, resumeTable, nil)
	d.Y += 8
	d.Para(marginX, r.Summary(), 10.5, false, 16)
	d.Y += 6
	d.Para(marginX, "一、巡察经历", 12, true, 20)
	if len(r.Service) == 0 {
		d.Para(marginX+10, "无。", 10.5, false, 16)
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
		d.Table(resumeColumns, rows, resumeTable, nil)
	}
	d.Y += 10
	d.Need(40)
	d.Para(marginX, "二、培训记录", 12, true, 20)
	if len(r.Trainings) == 0 {
		d.Para(marginX+10, "无。", 10.5, false, 16)
		return
	}
	rows = rows[:0]
	for i, x := range r.Trainings {
		rows = append(rows, []string{strconv.Itoa(i + 1), x.Name, x.Dates(), x.HoursText()})
	}
	d.Table(trainingColumns, rows, resumeTable, nil)
}
