package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/draw"
)

// drawStepColumns are the titles of the table of a replayed draw;
// drawStepWidths their widths.
var (
	drawStepColumns = []string{"步骤", "巡察组", "角色", "候选人数", "抽中位次", "抽中人员"}
	drawStepWidths  = []float32{56, 140, 100, 80, 100, 200}
)

// recordCheck is the dialog of 核验抽取记录: a draw record file chosen by
// the clerk, replayed, with its inputs, whether it matches, and each step
// (slot, candidates, where the one drawn stood, who).
type recordCheck struct {
	check  *app.DrawCheck
	result *widget.Label
	facts  *widget.Label
	steps  *widget.Table
	dlg    dialog.Dialog
}

// onVerifyRecord asks for a draw record file and replays it.
func (p *assignDocuments) onVerifyRecord() {
	s := p.screen
	fileDialog{title: "选择要核验的抽取记录（JSON）", exts: []string{".json"}}.open(s.win, p.verifyRecord)
}

// verifyRecord replays the record at path away from the window's thread
// and shows the result.
func (p *assignDocuments) verifyRecord(path string) {
	s := p.screen
	var c *app.DrawCheck
	s.work("正在核验抽取记录 "+filepath.Base(path)+" …", func() error {
		var err error
		c, err = s.svc.VerifyDraw(path)
		return err
	}, func() {
		p.checked = showRecordCheck(s.win, c)
		if c.OK() {
			s.status.SetText("抽取记录一致：" + filepath.Base(path))
		} else {
			s.status.SetText("抽取记录与重放结果不一致：" + filepath.Base(path))
		}
	})
}

// showRecordCheck shows a replayed record.
func showRecordCheck(w fyne.Window, c *app.DrawCheck) *recordCheck {
	d := &recordCheck{check: c}
	rec := c.Record
	d.result = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.result.Wrapping = fyne.TextWrapBreak
	if c.OK() {
		d.result.Importance = widget.SuccessImportance
		d.result.SetText("一致：按记录重放，每一步的抽取结果都与记录相同。")
	} else {
		d.result.Importance = widget.DangerImportance
		d.result.SetText("不一致：" + c.Err.Error())
	}
	d.facts = widget.NewLabel(fmt.Sprintf("文件：%s\n轮次：%s　现场宣读的数值：%s\n候选人数：%d（按编号排序）　抽取：%d 步，抽中 %d 人\n候选名单哈希：%s\n种子：%s\n算法：%s",
		c.Path, rec.Round, rec.Witness, len(rec.Candidates), len(rec.Steps), rec.Drawn(), rec.CandidatesHash, rec.Seed, draw.AlgorithmText(rec.Algorithm)))
	d.facts.Wrapping = fyne.TextWrapBreak
	d.steps = widget.NewTableWithHeaders(
		func() (int, int) { return len(c.Steps), len(drawStepColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.cell(id.Row, id.Col)) })
	titledHeaders(d.steps, drawStepColumns)
	for i, wd := range drawStepWidths {
		d.steps.SetColumnWidth(i, wd)
	}
	top := container.NewVBox(d.result, d.facts, widget.NewSeparator())
	d.dlg = dialog.NewCustom("核验抽取记录", "关闭", container.NewBorder(top, nil, nil, nil, d.steps), w)
	d.dlg.Resize(fyne.NewSize(760, 580))
	d.dlg.Show()
	return d
}

// cell is the text of the steps table at row, col.
func (d *recordCheck) cell(row, col int) string {
	if row >= len(d.check.Steps) {
		return ""
	}
	st := d.check.Steps[row]
	switch col {
	case 0:
		return strconv.Itoa(row + 1)
	case 1:
		return st.Team
	case 2:
		return st.Role
	case 3:
		return strconv.Itoa(st.Count)
	case 4:
		if st.Drawn == "" {
			return "—"
		}
		return fmt.Sprintf("%d / %d", st.Pos, st.Count)
	case 5:
		if st.Drawn == "" {
			return "（无候选，空缺）"
		}
		if n := d.check.Names[st.Drawn]; n != "" {
			return st.Drawn + " " + n
		}
		return st.Drawn
	}
	return ""
}
