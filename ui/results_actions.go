package ui

// The 成果 screen's actions: the forms of a finding, an item and a clue,
// the bulk state change, copying a measure, 审核 and 销号, and the unit's
// round trip.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/papers"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

func (s *resultsScreen) buildActions() {
	s.addFinding = widget.NewButtonWithIcon("新增问题", theme.ContentAddIcon(), s.onAddFinding)
	s.addItem = widget.NewButtonWithIcon("新增措施", theme.ContentAddIcon(), s.onAddItem)
	s.editItem = widget.NewButton("编辑", s.onEditItem)
	s.del = widget.NewButton("删除", s.onDeleteItem)
	s.bulk = widget.NewButton("批量改状态", s.onBulk)
	s.copyTo = widget.NewButton("复制到勾选", s.onCopy)
	s.review = widget.NewButton("审核", s.onReview)
	s.closeOut = widget.NewButton("销号", s.onClose)
	s.exportUnit = widget.NewButtonWithIcon("导出填报表", theme.UploadIcon(), s.onExportUnit)
	s.importUnit = widget.NewButtonWithIcon("导入填报表", theme.DownloadIcon(), s.onImportUnit)
	s.addClue = widget.NewButtonWithIcon("登记线索", theme.ContentAddIcon(), s.onAddClue)
	s.unitPapers = widget.NewButtonWithIcon("文书…", theme.DocumentIcon(), s.onUnitPapers)
	s.handover = widget.NewButtonWithIcon("移交函…", theme.MailSendIcon(), s.onHandover)
	s.actions = []*widget.Button{s.addFinding, s.addItem, s.editItem, s.del, s.bulk, s.copyTo, s.review, s.closeOut,
		s.exportUnit, s.importUnit, s.addClue, s.unitPapers, s.handover}
}

// applyRights enables what the user may do on what is chosen.
func (s *resultsScreen) applyRights() {
	u := s.current()
	edit := u != nil && s.svc.Can(app.PermEdit)
	review := u != nil && s.svc.Can(app.PermReview)
	hasItem := s.cur != "" && s.item(s.cur) != nil
	setEnabled(s.addFinding, edit)
	setEnabled(s.addItem, edit && len(u.Findings) > 0)
	setEnabled(s.editItem, edit && hasItem)
	setEnabled(s.del, edit && hasItem)
	setEnabled(s.bulk, edit && len(s.ticked()) > 0)
	setEnabled(s.copyTo, edit && hasItem && len(s.ticked()) > 0)
	setEnabled(s.review, review && hasItem)
	setEnabled(s.closeOut, review && hasItem)
	setEnabled(s.exportUnit, u != nil && len(u.Items) > 0)
	setEnabled(s.importUnit, s.svc.Can(app.PermImport))
	setEnabled(s.addClue, u != nil && s.rr.ClueRows && s.svc.Can(app.PermEdit))
	setEnabled(s.unitPapers, u != nil)
	if s.handover != nil {
		setEnabled(s.handover, s.rr != nil && s.rr.ClueRows)
		if s.rr == nil || !s.rr.ClueRows {
			s.handover.Hide() // the 移交函 lists clues: 线索管理 only
		} else {
			s.handover.Show()
		}
	}
	if s.review != nil {
		for _, b := range []*widget.Button{s.review, s.closeOut} {
			if !s.svc.Can(app.PermReview) {
				b.Hide()
			} else {
				b.Show()
			}
		}
	}
}

// item is the shown item code, or nil.
func (s *resultsScreen) item(code string) *model.RectifyItem {
	for i := range s.itemRows {
		if s.itemRows[i].Code == code {
			return &s.itemRows[i]
		}
	}
	return nil
}

// ticked lists the ticked items, by code.
func (s *resultsScreen) ticked() []string {
	var out []string
	for code, on := range s.checked {
		if on && s.item(code) != nil {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}

// tickedItems are the ticked items as the screen shows them (with the
// stamps they were read with), by code.
func (s *resultsScreen) tickedItems() []model.RectifyItem {
	var out []model.RectifyItem
	for _, code := range s.ticked() {
		out = append(out, *s.item(code))
	}
	return out
}

// done reloads after a change and keeps the unit shown.
func (s *resultsScreen) done(err error) bool { return s.acted(err, nil) }

// acted is done for an action that may be tried again (retry): refused
// over another clerk's change, it offers to show the data as they are now;
// cut off from the server, to try again (see saveFailed).
func (s *resultsScreen) acted(err error, retry func()) bool {
	switch {
	case err == nil:
		s.loadRound()
		return true
	case app.IsConflict(err) || (app.ConnLost(err) && retry != nil):
		saveFailed(err, s.win, retry, s.loadRound)
	default:
		dialog.ShowError(err, s.win)
	}
	return false
}

// reopen is a results form's 重新载入: the form closes, the round is read
// again, and open shows the record in its form as it is now; false when
// it is gone.
func (s *resultsScreen) reopen(d *widgets.FormDialog, open func(u *app.UnitResults) bool) func() {
	return func() {
		d.Hide()
		s.loadRound()
		if u := s.current(); u == nil || !open(u) {
			dialog.ShowInformation("记录已删除", "该记录已被其他用户删除。", s.win)
		}
	}
}

// reloadOnly is the 重新载入 of a dialog acting on what the screen shows:
// the dialog closes and the round is read again.
func (s *resultsScreen) reloadOnly(d *widgets.FormDialog) func() {
	return func() {
		d.Hide()
		s.loadRound()
	}
}

// multiline is a text entry of a few lines.
func multiline(text string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapBreak
	e.SetMinRowsVisible(3)
	e.SetText(text)
	return e
}

// nextCode proposes a code: prefix and the next number after the highest
// of codes with that prefix.
func nextCode(prefix string, codes []string) string {
	n := 0
	for _, c := range codes {
		if v, err := strconv.Atoi(strings.TrimPrefix(c, prefix)); err == nil && strings.HasPrefix(c, prefix) && v > n {
			n = v
		}
	}
	return fmt.Sprintf("%s%02d", prefix, n+1)
}

func (s *resultsScreen) onAddFinding() {
	u := s.current()
	var codes []string
	for _, f := range u.Findings {
		codes = append(codes, f.Code)
	}
	s.findingForm(model.Finding{Code: nextCode("W"+s.rr.Round.Code+"-"+u.Unit+"-", codes), RoundCode: s.rr.Round.Code,
		Team: u.Team, UnitCode: u.Unit, Category: s.rr.Settings.Categories[0]}, true)
}

// findingForm edits a finding of the current unit.
func (s *resultsScreen) findingForm(f model.Finding, create bool) {
	code := widget.NewEntry()
	code.SetText(f.Code)
	if !create {
		code.Disable()
	}
	cat := widget.NewSelect(s.rr.Settings.Categories, nil)
	cat.SetSelected(f.Category)
	desc := multiline(f.Description)
	found := widgets.NewDateEntry()
	found.SetText(f.FoundOn)
	spot := widget.NewCheck("立行立改（巡察期间边巡边改）", nil)
	spot.SetChecked(f.OnTheSpot)
	form := widget.NewForm(widget.NewFormItem("问题编号", code), widget.NewFormItem("问题类别", cat),
		widget.NewFormItem("问题描述（≤500字）", desc), widget.NewFormItem("发现日期", found), widget.NewFormItem("", spot))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("问题", "保存", form, func() error {
		f.Code, f.Category, f.Description, f.FoundOn, f.OnTheSpot = code.Text, cat.Selected, desc.Text, found.Date(), spot.Checked
		return saveFailed(s.svc.SaveFinding(f, create), s.win, d.Submit, s.reopen(d, func(u *app.UnitResults) bool {
			for _, x := range u.Findings {
				if x.Code == f.Code {
					s.findingForm(x, false)
					return true
				}
			}
			return false
		}))
	}, s.win)
	d.After = func() { s.done(nil) }
	if !s.svc.Can(app.PermEdit) {
		d.OK.Disable()
	}
	guardFormDialog(s.win, d, "问题 "+f.Code, form)
	s.remember(d, form)
	d.Show(640)
}

func (s *resultsScreen) onAddItem() {
	u := s.current()
	var codes []string
	for _, it := range u.Items {
		codes = append(codes, it.Code)
	}
	finding := u.Findings[0].Code
	if it := s.item(s.cur); it != nil {
		finding = it.FindingCode
	}
	s.itemForm(model.RectifyItem{Code: nextCode("Z"+s.rr.Round.Code+"-"+u.Unit+"-", codes), FindingCode: finding,
		State: vocab.ItemNotStarted}, true)
}

// onAddItemLike opens a new item after it: the same finding, deadline,
// department and owner, the next code — a clerk entering a unit's items
// one after the other.
func (s *resultsScreen) onAddItemLike(prev model.RectifyItem) {
	u := s.current()
	if u == nil {
		return
	}
	var codes []string
	for _, it := range u.Items {
		codes = append(codes, it.Code)
	}
	s.itemForm(model.RectifyItem{Code: nextCode("Z"+s.rr.Round.Code+"-"+u.Unit+"-", codes), FindingCode: prev.FindingCode,
		Due: prev.Due, Dept: prev.Dept, Owner: prev.Owner, State: vocab.ItemNotStarted}, true)
}

func (s *resultsScreen) onEditItem() {
	if it := s.item(s.cur); it != nil {
		s.itemForm(*it, false)
	}
}

// itemForm edits an item as a clerk does; its review shows, read-only.
func (s *resultsScreen) itemForm(it model.RectifyItem, create bool) {
	u := s.current()
	code := widget.NewEntry()
	code.SetText(it.Code)
	if !create {
		code.Disable()
	}
	var fopts []string
	fsel := ""
	for _, f := range u.Findings {
		label := f.Code + " " + f.Description
		fopts = append(fopts, label)
		if f.Code == it.FindingCode {
			fsel = label
		}
	}
	finding := widget.NewSelect(fopts, nil)
	finding.SetSelected(fsel)
	measure := multiline(it.Measure)
	dept, owner := widget.NewEntry(), widget.NewEntry()
	dept.SetText(it.Dept)
	owner.SetText(it.Owner)
	due, doneOn := widgets.NewDateEntry(), widgets.NewDateEntry()
	due.SetText(it.Due)
	doneOn.SetText(it.DoneOn)
	states := []string{vocab.ItemNotStarted, vocab.ItemInProgress, vocab.ItemDone}
	if it.State == vocab.ItemClosed {
		states = []string{vocab.ItemClosed}
	}
	state := widget.NewSelect(states, nil)
	state.SetSelected(it.State)
	progress, note := multiline(it.Progress), multiline(it.Note)
	review := widget.NewLabel(fmt.Sprintf("审核结果：%s　审核人：%s　销号日期：%s（由管理员或领导办理）", orDash(it.Review), orDash(it.Reviewer), orDash(it.ClosedOn)))
	more := widget.NewCheck("保存后接着新增下一条（同一问题、同一完成时限）", nil)
	more.SetChecked(create && s.moreItems)
	if !create {
		more.Hide()
	}
	form := widget.NewForm(widget.NewFormItem("整改编号", code), widget.NewFormItem("针对问题", finding),
		widget.NewFormItem("整改措施", measure), widget.NewFormItem("责任部门", dept), widget.NewFormItem("责任人", owner),
		widget.NewFormItem("完成时限", due), widget.NewFormItem("状态", state), widget.NewFormItem("完成日期", doneOn),
		widget.NewFormItem("整改进展", progress), widget.NewFormItem("备注", note))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("整改措施", "保存", container.NewVBox(form, review, more), func() error {
		it.Code, it.FindingCode, it.Measure = code.Text, app.CodeOfLabel(finding.Selected), measure.Text
		it.Dept, it.Owner, it.Due, it.State, it.DoneOn = dept.Text, owner.Text, due.Date(), state.Selected, doneOn.Date()
		it.Progress, it.Note = progress.Text, note.Text
		return saveFailed(s.svc.SaveItem(it, create), s.win, d.Submit, s.reopen(d, func(*app.UnitResults) bool {
			if x := s.item(it.Code); x != nil {
				s.itemForm(*x, false)
				return true
			}
			return false
		}))
	}, s.win)
	d.After = func() {
		s.cur = it.Code
		s.done(nil)
		if s.moreItems = more.Checked; create && more.Checked {
			s.onAddItemLike(it)
		}
	}
	guardFormDialog(s.win, d, "整改措施 "+it.Code, form)
	s.remember(d, form)
	s.fields["继续新增"] = more
	d.Show(680)
}

func (s *resultsScreen) onDeleteItem() {
	code := s.cur
	confirmDelete(s.win, "删除整改措施", "删除整改措施 "+code+"？", func() error { return s.svc.DeleteItem(code) }, func() {
		s.cur = ""
		s.done(nil)
	})
}

// onBulk gives the ticked items one state.
func (s *resultsScreen) onBulk() {
	items := s.tickedItems()
	codes := s.ticked()
	state := widget.NewSelect([]string{vocab.ItemNotStarted, vocab.ItemInProgress, vocab.ItemDone}, nil)
	state.SetSelected(vocab.ItemInProgress)
	day := widgets.NewDateEntry()
	day.SetText(s.clock().String())
	form := widget.NewForm(widget.NewFormItem("勾选的整改措施", widget.NewLabel(strings.Join(codes, "、"))),
		widget.NewFormItem("改为", state), widget.NewFormItem("完成日期（改为已完成时）", day))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("批量改状态", "确定", form, func() error {
		dd, err := civil.Parse(day.Date())
		if err != nil {
			return err
		}
		return saveFailed(s.svc.SetItemsState(items, state.Selected, dd), s.win, d.Submit, s.reloadOnly(d))
	}, s.win)
	d.After = func() { s.checked = map[string]bool{}; s.done(nil) }
	s.remember(d, form)
	d.Show(520)
}

// onCopy copies the current item's measure to the ticked items.
func (s *resultsScreen) onCopy() {
	from, to := *s.item(s.cur), s.tickedItems()
	var copyTo func()
	copyTo = func() {
		if s.acted(s.svc.CopyMeasure(from, to), copyTo) {
			s.checked = map[string]bool{}
		}
	}
	dialog.ShowConfirm("复制整改措施", fmt.Sprintf("把 %s 的整改措施、责任部门和责任人复制到 %s？", from.Code, strings.Join(s.ticked(), "、")), func(ok bool) {
		if ok {
			copyTo()
		}
	}, s.win)
}

// onReview records 通过 or 退回 for the current item.
func (s *resultsScreen) onReview() {
	code, seen := s.cur, *s.item(s.cur)
	result := widget.NewRadioGroup([]string{vocab.ReviewPass, vocab.ReviewReturn}, nil)
	result.Horizontal = true
	result.SetSelected(vocab.ReviewPass)
	form := widget.NewForm(widget.NewFormItem("审核结果", result))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("审核 "+code, "确定", form, func() error {
		return saveFailed(s.svc.ReviewItem(seen, result.Selected), s.win, d.Submit, s.reloadOnly(d))
	}, s.win)
	d.After = func() { s.done(nil) }
	s.remember(d, form)
	d.Show(400)
}

// onClose closes the current item out on a day.
func (s *resultsScreen) onClose() {
	code, seen := s.cur, *s.item(s.cur)
	day := widgets.NewDateEntry()
	day.SetText(s.clock().String())
	form := widget.NewForm(widget.NewFormItem("销号日期", day))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("销号 "+code, "销号", form, func() error {
		dd, err := civil.Parse(day.Date())
		if err != nil {
			return err
		}
		return saveFailed(s.svc.CloseItem(seen, dd), s.win, d.Submit, s.reloadOnly(d))
	}, s.win)
	d.After = func() { s.done(nil) }
	s.remember(d, form)
	d.Show(400)
}

// onExportUnit writes the unit's workbook for it to fill in.
func (s *resultsScreen) onExportUnit() {
	u := s.current()
	round := s.rr.Round.Code
	saveXLSX(s.win, u.UnitName+"整改填报表.xlsx", func(path string) error {
		_, err := s.svc.ExportUnitBook(round, u.Unit, path)
		return err
	}, "已导出单位整改填报表，请交被巡察单位填写")
}

// onImportUnit reads a unit's filled workbook, shows every change (or why
// it is refused), and imports on confirmation.
func (s *resultsScreen) onImportUnit() {
	fileDialog{title: "选择单位交回的整改填报表", exts: []string{".xlsx"}}.open(s.win, func(path string) {
		p, err := s.svc.PreviewUnitBook(path)
		if err != nil {
			dialog.ShowError(err, s.win)
			return
		}
		s.showUnitPreview(path, p)
	})
}

// showUnitPreview is the preview dialog of a unit's file.
func (s *resultsScreen) showUnitPreview(path string, p *app.UnitBookPreview) {
	var rows [][]string
	for _, c := range p.Changes {
		rows = append(rows, []string{c.Item, c.Field, c.Old, c.New})
	}
	changes := newTextTable([]string{"整改编号", "项目", "原内容", "单位填报"}, []float32{110, 80, 260, 260})
	changes.set(rows)
	summary := widget.NewLabel(fmt.Sprintf("单位：%s %s　轮次：%s　变更 %d 处，未变 %d 条", p.Unit, p.UnitName, p.Round, len(p.Changes), p.Unchanged))
	summary.Wrapping = fyne.TextWrapBreak
	content := container.NewVBox(summary)
	if len(p.Missing) > 0 {
		content.Add(widget.NewLabel("文件中没有（保持不变）：" + strings.Join(p.Missing, "、")))
	}
	if !p.OK() {
		var lines []string
		for _, pr := range p.Problems {
			lines = append(lines, pr.String())
		}
		bad := widget.NewLabel("文件有以下问题，不能导入（未写入任何数据）：\n" + strings.Join(lines, "\n"))
		bad.Importance = widget.DangerImportance
		bad.Wrapping = fyne.TextWrapBreak
		content.Add(bad)
	}
	body := container.NewBorder(content, nil, nil, nil, changes.table)
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("单位整改填报：导入预览", "导入", container.NewGridWrap(fyne.NewSize(760, 420), body), func() error {
		if !p.OK() {
			return fmt.Errorf("文件有 %d 处问题，不能导入", len(p.Problems))
		}
		_, err := s.svc.ImportUnitBook(path)
		return saveFailed(err, s.win, d.Submit, s.reloadOnly(d))
	}, s.win)
	if !p.OK() || len(p.Changes) == 0 {
		d.OK.Disable()
	}
	d.After = func() { s.done(nil) }
	s.remember(d, nil)
	d.Show(800)
}

func (s *resultsScreen) onAddClue() {
	u := s.current()
	var codes []string
	for _, c := range u.Clues {
		codes = append(codes, c.Code)
	}
	s.clueForm(model.Clue{Code: nextCode("X"+s.rr.Round.Code+"-"+u.Unit+"-", codes), RoundCode: s.rr.Round.Code, Team: u.Team,
		UnitCode: u.Unit, Category: vocab.ClueCategories[0], Receiver: vocab.ClueReceivers[0], HandedOn: s.clock().String()}, true)
}

// clueForm edits a clue's metadata.
func (s *resultsScreen) clueForm(c model.Clue, create bool) {
	code := widget.NewEntry()
	code.SetText(c.Code)
	cat, level := widget.NewSelect(vocab.ClueCategories, nil), widget.NewSelect(vocab.ClueLevels, nil)
	recv, outcome := widget.NewSelect(vocab.ClueReceivers, nil), widget.NewSelect(vocab.ClueOutcomes, nil)
	cat.SetSelected(c.Category)
	level.SetSelected(c.Level)
	recv.SetSelected(c.Receiver)
	outcome.SetSelected(c.Outcome)
	handed, due, fb := widgets.NewDateEntry(), widgets.NewDateEntry(), widgets.NewDateEntry()
	handed.SetText(c.HandedOn)
	due.SetText(c.FeedbackDue)
	due.SetPlaceHolder("空白：移交后3个月")
	fb.SetText(c.FeedbackOn)
	counts := [3]*widget.Entry{widget.NewEntry(), widget.NewEntry(), widget.NewEntry()}
	for i, n := range []int{c.Opened, c.Sanctioned, c.Judiciary} {
		counts[i].SetText(strconv.Itoa(n))
	}
	form := widget.NewForm(widget.NewFormItem("线索编号", code), widget.NewFormItem("线索类别", cat),
		widget.NewFormItem("涉及人员级别", level), widget.NewFormItem("移交对象", recv), widget.NewFormItem("移交日期", handed),
		widget.NewFormItem("反馈时限", due), widget.NewFormItem("反馈日期", fb), widget.NewFormItem("处置结果", outcome),
		widget.NewFormItem("立案人数", counts[0]), widget.NewFormItem("处分人数", counts[1]), widget.NewFormItem("移送司法人数", counts[2]))
	var d *widgets.FormDialog
	d = widgets.NewFormDialog("线索移交（只登记元数据，不填姓名和内容）", "保存", form, func() error {
		var n [3]int
		for i, e := range counts {
			v, err := strconv.Atoi(strings.TrimSpace(e.Text))
			if err != nil && strings.TrimSpace(e.Text) != "" {
				return fmt.Errorf("人数“%s”不是整数", e.Text)
			}
			n[i] = v
		}
		c.Code, c.Category, c.Level, c.Receiver, c.Outcome = code.Text, cat.Selected, level.Selected, recv.Selected, outcome.Selected
		c.HandedOn, c.FeedbackDue, c.FeedbackOn = handed.Date(), due.Date(), fb.Date()
		c.Opened, c.Sanctioned, c.Judiciary = n[0], n[1], n[2]
		return saveFailed(s.svc.SaveClue(c, create), s.win, d.Submit, s.reopen(d, func(u *app.UnitResults) bool {
			for _, x := range u.Clues {
				if x.Code == c.Code {
					s.clueForm(x, false)
					return true
				}
			}
			return false
		}))
	}, s.win)
	d.After = func() { s.done(nil) }
	guardFormDialog(s.win, d, "线索 "+c.Code, form)
	s.remember(d, form)
	d.Show(560)
}

// remember keeps the form opened last and its fields by label, for tests.
func (s *resultsScreen) remember(d *widgets.FormDialog, form *widget.Form) {
	s.dlg, s.fields = d, map[string]fyne.CanvasObject{}
	if form == nil {
		return
	}
	for _, it := range form.Items {
		s.fields[it.Text] = it.Widget
	}
}

// packageClueText says, in the package export's introduction, whether
// clue rows go in: only for a user with 线索管理.
func packageClueText(clues bool) string {
	if clues {
		return "和线索移交登记（您有线索管理权限，线索明细随包导出）；"
	}
	return "（您没有线索管理权限，线索明细不随包导出）；"
}

// onUnitPapers opens the documents of the unit chosen: its 反馈意见, its
// 整改通知书 and its 督办通知.
func (s *resultsScreen) onUnitPapers() {
	u := s.current()
	if u == nil {
		return
	}
	newPapersDialog(s.svc, s.win, s.clock, app.PaperRequest{Round: s.rr.Round.Code, Unit: u.Unit},
		papers.KindFeedback, papers.KindRectify, papers.KindUrge).show()
}

// onHandover opens the round's 问题线索移交函, one per receiving body.
func (s *resultsScreen) onHandover() {
	if s.rr == nil {
		return
	}
	newPapersDialog(s.svc, s.win, s.clock, app.PaperRequest{Round: s.rr.Round.Code}, papers.KindHandover).show()
}
