package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/assign"
	"xuncha/app/draw"
	"xuncha/app/outfile"
	"xuncha/app/roster"
)

// onDraw asks for the value read out at the meeting and draws the round
// before the witnesses (随机抽取, SPEC §5).
func (s *assignScreen) onDraw() {
	if s.roundCode() == "" {
		return
	}
	witness := widget.NewEntry()
	witness.SetPlaceHolder("例如：现场摇号 58213")
	msg := widget.NewLabel(fmt.Sprintf("随机抽取（%s，%s）：请在监督人见证下由现场宣读一个数值。程序由该数值、轮次和排序后的候选名单算出种子，"+
		"按组、按角色逐个位置在符合全部规则的候选人中均匀抽取一人；抽取记录可由任何人用 xuncha draw-verify 重放核验。", s.roundCode(), s.mode.Selected))
	msg.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(widget.NewFormItem("现场宣读的数值", witness))
	body := []fyne.CanvasObject{msg, form}
	if what := s.unsaved(); what != "" {
		warn := widget.NewLabel(what + "，抽取后将被取代。")
		warn.Importance = widget.WarningImportance
		warn.Wrapping = fyne.TextWrapBreak
		body = append(body, warn)
	}
	s.dlg = newAskDialog(s.win, "随机抽取", "开始抽取", container.NewVBox(body...), func() error {
		w := strings.TrimSpace(witness.Text)
		if w == "" {
			return errors.New("请输入现场宣读的数值")
		}
		s.drawNow(w)
		return nil
	})
	s.dlg.dlg.Resize(fyne.NewSize(620, s.dlg.dlg.MinSize().Height))
}

// drawNow draws the round from witness away from the window's thread,
// saying how far it is (step k of n), then shows the result and the
// record.
func (s *assignScreen) drawNow(witness string) {
	code, mode := s.roundCode(), s.mode.Selected
	s.progress.SetValue(0)
	s.progressBox.Show()
	s.fill("正在随机抽取 "+code+" …", func() (*assign.RosterEdit, error) {
		return s.svc.DrawRoster(code, mode, witness, s.drawProgress(code))
	}, func(st *assign.RosterEdit) {
		s.recordPath = ""
		s.show(st, fmt.Sprintf("已随机抽取（现场数值 %q）；请保存抽取记录，检查后点“保存编组”。", witness))
		s.showRecord()
	})
}

// drawProgress returns what the draw calls after each slot, away from the
// window's thread: the progress bar and the status line show step k of n,
// redrawn at each whole per cent.
func (s *assignScreen) drawProgress(code string) func(done, total int) {
	last := -1
	return func(done, total int) {
		if pct := done * 100 / max(total, 1); pct != last || done == total {
			last = pct
			fyne.Do(func() {
				s.progress.SetValue(float64(done) / float64(max(total, 1)))
				s.status.SetText(fmt.Sprintf("正在随机抽取 %s：第 %d / %d 步", code, done, total))
			})
		}
	}
}

// recordSummary sums up a draw record for the clerk and the witnesses.
func recordSummary(rec *draw.Record) string {
	drawn := rec.Drawn()
	return fmt.Sprintf("轮次：%s\n现场宣读的数值：%s\n候选人数：%d（按编号排序）\n候选名单哈希（SHA-256）：%s\n种子：%s\n抽取：%d 步，抽中 %d 人\n算法：%s\n\n"+
		"请保存抽取记录（JSON）供核验，并打印抽取记录（PDF）由监督人、经办人签字。核验：本界面“核验抽取记录…”，或命令 xuncha draw-verify 记录文件.json",
		rec.Round, rec.Witness, len(rec.Candidates), rec.CandidatesHash, rec.Seed, len(rec.Steps), drawn, draw.AlgorithmText(rec.Algorithm))
}

// showRecord shows the draw record with the buttons that save it.
func (p *assignDocuments) showRecord() {
	s := p.screen
	if s.st == nil || s.st.Rec == nil {
		return
	}
	text := widget.NewLabel(recordSummary(s.st.Rec))
	text.Wrapping = fyne.TextWrapBreak
	saveJSON := widget.NewButtonWithIcon("保存抽取记录（JSON）…", theme.DocumentSaveIcon(), func() {
		saveFile(s.win, "保存抽取记录", s.st.Res.Round+"抽取记录.json", ".json", p.writeRecordJSON, "已保存抽取记录")
	})
	savePDF := widget.NewButtonWithIcon("打印抽取记录（PDF）…", theme.DocumentPrintIcon(), func() {
		saveFile(s.win, "保存可打印的抽取记录", s.st.Res.Round+"抽取记录.pdf", ".pdf", p.writeRecordPDF, "已生成抽取记录 PDF")
	})
	d := dialog.NewCustom("抽取记录", "关闭", container.NewVBox(text, container.NewHBox(saveJSON, savePDF)), s.win)
	d.Show()
	d.Resize(fyne.NewSize(720, d.MinSize().Height))
}

// writeRecordJSON writes the draw record as the JSON xuncha draw-verify reads.
func (p *assignDocuments) writeRecordJSON(path string) error {
	s := p.screen
	b, err := s.st.Rec.Marshal()
	if err != nil {
		return err
	}
	if err := outfile.WriteBytes(path, b, outfile.Document); err != nil {
		return err
	}
	fyne.Do(func() { p.recordPath = path })
	return nil
}

// writeRecordPDF writes the draw record as a printable PDF.
func (p *assignDocuments) writeRecordPDF(path string) error {
	s := p.screen
	info, err := s.svc.DrawInfo(s.st.Rec)
	if err != nil {
		return err
	}
	var file string
	fyne.DoAndWait(func() { file = p.recordPath })
	info.RecordFile = file
	return roster.WriteDrawPDF(path, s.st.Rec, info)
}
