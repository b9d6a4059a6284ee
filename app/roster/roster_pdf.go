package roster

import (
	"fmt"
	"strconv"

	"github.com/signintech/gopdf"
)

// memberColumns are the columns of a team's table in the PDF; their widths
// add up to the body width of A4 portrait.
var memberColumns = []column{
	col("序号", 30, gopdf.Center), col("角色", 74, gopdf.Center), col("姓名", 66, gopdf.Left), col("性别", 32, gopdf.Center),
	col("工作关系地", 62, gopdf.Left), col("现工作单位", 145, gopdf.Left), col("职务", 86, gopdf.Left),
}

var memberTable = tableStyle{Size: 10.5, LH: 14, PadX: 4, PadY: 5}

// WritePDF writes r as an A4 portrait PDF at path with the embedded Chinese
// font: the title on every page, one team per page (its county, units and
// on-site dates, then the table of its members: role, name, gender, 工作关系地,
// unit, post), members placed under an approved override marked ※ with a
// footnote naming the rule, the reason and the approver, empty slots with
// why, page numbers and the date it was made.
func WritePDF(path string, r *Roster) error {
	d, err := newDoc(r.Title(), "生成日期："+r.Generated+"　轮次："+r.Round)
	if err != nil {
		return err
	}
	d.OnNewPage = func() {
		d.Centered(r.Title(), 16, true, 34)
	}
	if len(r.Teams) == 0 {
		d.Page()
		d.Para(marginX, "本轮次没有巡察组。", 11, false, 16)
	}
	for i := range r.Teams {
		d.Page()
		d.team(r, &r.Teams[i])
	}
	return d.Write(path)
}

// team writes one team from the cursor.
func (d *doc) team(r *Roster, t *Team) {
	d.Font(14, true)
	d.Text(marginX, d.Y, t.Name)
	d.Y += 22
	info := "被巡察县区：" + nameOr(t.CountyName, t.County) + "　　进驻时间：" + t.Dates()
	if r.Mode != "" {
		info += "　　编组方式：" + r.Mode
	}
	d.Para(marginX, info, 10.5, false, 16)
	d.Para(marginX, "被巡察单位："+t.UnitNames(), 10.5, false, 16)
	d.Y += 6
	rows := make([][]string, 0, len(t.Members)+len(t.Vacancies))
	for i, m := range t.Members {
		rows = append(rows, []string{strconv.Itoa(i + 1), m.Role, m.Name + m.Mark(), m.Gender, m.homeLabel(), m.unitLabel(), m.Post})
	}
	for _, v := range t.Vacancies {
		rows = append(rows, []string{"", v.Role, "（空缺）", "", "", "", ""})
	}
	filled := len(t.Members)
	d.Table(memberColumns, rows, memberTable, func(row int) bool { return row >= filled })
	d.Y += 8
	d.Para(marginX, fmt.Sprintf("本组编入 %d 人，空缺 %d 个。", len(t.Members), len(t.Vacancies)), 10, false, 15)
	for _, m := range t.Members {
		if len(m.Overrides) == 0 {
			continue
		}
		d.Y += 2
		d.Para(marginX, "※ "+m.Name+"（"+m.Role+"）："+m.Note(), 9.5, false, 14)
	}
	if len(t.Vacancies) > 0 {
		d.Y += 4
		d.Para(marginX, "空缺说明：", 10, true, 15)
		for _, v := range t.Vacancies {
			d.Para(marginX+10, v.Role+"："+v.Reason, 9.5, false, 14)
		}
	}
}
