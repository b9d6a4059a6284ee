package roster

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/signintech/gopdf"

	"xuncha/app/draw"
)

// DrawInfo is what the printout of a draw record shows beside the record.
type DrawInfo struct {
	RoundName string
	Names     map[string]string // people's names by code; nil: codes only
	Printed   string            // date printed, 2006-01-02
	// RecordFile is the name of the record's JSON file, for the replay
	// command ("" writes record.json).
	RecordFile string
}

var stepColumns = []column{
	col("步骤", 34, gopdf.Center), col("巡察组", 90, gopdf.Left), col("角色", 72, gopdf.Center), col("候选人数", 52, gopdf.Center),
	col("抽中序号", 62, gopdf.Center), col("抽中人员", 185, gopdf.Left),
}

var stepTable = tableStyle{Size: 9.5, LH: 13, PadX: 4, PadY: 3}

// VerifyCommand is how anyone replays a draw from its record file.
const VerifyCommand = "xuncha draw-verify record.json"

// WriteDrawPDF writes the record of a witnessed draw as an A4 PDF at path:
// the algorithm version, the inputs (the value read out, the round, the
// seed), the candidate list's hash, each step (slot, number of candidates,
// which of them was drawn, the person), how to replay it, signature lines
// for the 监督人 and the 经办人, and the full candidate list. The record is
// replayed first: a record that does not match is not printed.
func WriteDrawPDF(path string, rec *draw.Record, info DrawInfo) error {
	steps, err := draw.Replay(rec)
	if err != nil {
		return fmt.Errorf("抽取记录与重放结果不一致，不予打印：%w", err)
	}
	round := rec.Round
	if info.RoundName != "" {
		round += " " + info.RoundName
	}
	title := round + " 随机抽取记录"
	d, err := newDoc(title, "打印日期："+info.Printed+"　轮次："+rec.Round)
	if err != nil {
		return err
	}
	d.OnNewPage = func() { d.Centered(title, 15, true, 30) }
	d.Page()
	d.drawInputs(rec)
	d.drawSteps(steps, info.Names)
	d.drawReplay(info.RecordFile)
	d.drawSignatures()
	d.drawCandidates(rec, info.Names)
	return d.Write(path)
}

func (d *doc) heading(s string) {
	d.Need(40)
	d.Y += 6
	d.Font(12, true)
	d.Text(marginX, d.Y, s)
	d.Y += 20
}

// field writes "label：value", the value wrapped beside the label.
func (d *doc) field(label, value string) {
	const labelW = 92.0
	d.Font(10, true)
	d.Need(15)
	d.Text(marginX, d.Y, label)
	d.Font(10, false)
	for _, l := range d.Wrap(value, bodyW-labelW) {
		d.Need(15)
		d.Font(10, false)
		d.Text(marginX+labelW, d.Y, l)
		d.Y += 15
	}
}

func (d *doc) drawInputs(rec *draw.Record) {
	drawn := 0
	for _, s := range rec.Steps {
		if s.Drawn != "" {
			drawn++
		}
	}
	d.heading("一、算法与输入")
	d.field("算法版本", draw.AlgorithmText(rec.Algorithm))
	d.field("轮次编码", rec.Round)
	d.field("现场宣读数值", rec.Witness)
	d.field("候选人数", strconv.Itoa(len(rec.Candidates))+" 人（按人员编号排序，名单见附）")
	d.field("候选名单哈希", rec.CandidatesHash+"（SHA-256，每行一个编号）")
	d.field("种子", rec.Seed)
	d.field("抽取结果", fmt.Sprintf("共 %d 步，抽中 %d 人，%d 步无候选", len(rec.Steps), drawn, len(rec.Steps)-drawn))
	d.field("打印时核验", "已按记录重放，结果一致")
}

func (d *doc) drawSteps(steps []draw.Replayed, names map[string]string) {
	d.heading("二、抽取过程")
	d.Para(marginX, "每一步在该位置的候选人（按编号排序）中均匀抽取一人；“抽中序号”为抽中者在该步候选中的位次。", 9.5, false, 14)
	d.Y += 4
	rows := make([][]string, len(steps))
	for i, s := range steps {
		pos, who := "—", "（无候选，空缺）"
		if s.Drawn != "" {
			pos = fmt.Sprintf("%d / %d", s.Pos, s.Count)
			who = s.Drawn
			if n := names[s.Drawn]; n != "" {
				who += " " + n
			}
		}
		rows[i] = []string{strconv.Itoa(i + 1), s.Team, s.Role, strconv.Itoa(s.Count), pos, who}
	}
	d.Table(stepColumns, rows, stepTable, func(r int) bool { return steps[r].Drawn == "" })
}

func (d *doc) drawReplay(file string) {
	d.heading("三、核验方法")
	for _, l := range []string{
		"1. 种子 = SHA-256（算法版本、现场宣读数值、轮次编码、候选名单哈希），任何人可用记录中的数值重算。",
		"2. 将抽取记录文件（JSON）复制到任一装有本程序的电脑，在命令行运行：",
	} {
		d.Para(marginX, l, 10, false, 15)
	}
	d.Font(10.5, true)
	d.Need(18)
	cmd := VerifyCommand
	if file != "" {
		cmd = "xuncha draw-verify " + filepath.Base(file)
	}
	d.Text(marginX+24, d.Y, cmd)
	d.Y += 18
	d.Para(marginX, "3. 程序按记录逐步重放，结果一致时显示“抽取记录一致”；记录被改动（现场数值、候选名单或任一步结果）时指出不一致之处。", 10, false, 15)
}

func (d *doc) drawSignatures() {
	d.Need(80)
	d.Y += 24
	d.Font(11, false)
	for _, who := range []string{"监督人（签名）：", "经办人（签名）："} {
		d.Text(marginX, d.Y, who)
		d.Text(marginX+250, d.Y, "日期：")
		d.PDF.SetStrokeColor(0, 0, 0)
		d.PDF.SetLineWidth(0.6)
		d.PDF.Line(marginX+92, d.Y+14, marginX+240, d.Y+14)
		d.PDF.Line(marginX+282, d.Y+14, marginX+400, d.Y+14)
		d.Y += 34
	}
}

// drawCandidates lists every candidate by code (and name), in columns.
func (d *doc) drawCandidates(rec *draw.Record, names map[string]string) {
	d.heading(fmt.Sprintf("附：候选名单（%d 人，按编号排序）", len(rec.Candidates)))
	const perRow, lh = 5, 13.0
	colW := bodyW / perRow
	d.Font(8.5, false)
	for i := 0; i < len(rec.Candidates); i += perRow {
		d.Need(lh)
		d.Font(8.5, false)
		for k := 0; k < perRow && i+k < len(rec.Candidates); k++ {
			c := rec.Candidates[i+k]
			if n := names[c]; n != "" {
				c += " " + n
			}
			d.Text(marginX+float64(k)*colW, d.Y, c)
		}
		d.Y += lh
	}
}
