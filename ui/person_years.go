package ui

// The person form's tabs of the years (SPEC §10.1, §10.3, §11): 社会关系,
// 培训记录 and 状态历史, the 回避申报 with their 来源 and a 领导's 处理, and
// the 巡察履历 documents.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

type tieRow struct {
	name, idNumber, person, post *widget.Entry
	relation                     *widget.Select
	unit                         *widgets.Picker
	leader                       *widget.Check
	end                          *widgets.DateEntry
}

// tiesTab is 社会关系: the person's non-family ties (R8 looks at those to a
// leader of the inspected unit).
type tiesTab struct {
	list  *widgets.EditList
	rows  []*tieRow
	units []app.Option
}

func newTiesTab(ts []model.Tie, units []app.Option) *tiesTab {
	t := &tiesTab{units: units}
	t.list = widgets.NewEditList([]string{"姓名 *", "关系 *", "身份证号", "人员编号", "工作单位", "职务", "班子成员", "结束日期"},
		[]float32{80, 120, 160, 90, 0, 90, 76, 130}, "添加社会关系", func() { t.add(model.Tie{}) })
	for _, x := range ts {
		t.add(x)
	}
	return t
}

func (t *tiesTab) add(x model.Tie) {
	r := &tieRow{name: entry(x.Name), relation: widget.NewSelect(vocab.TieRelations, nil), idNumber: entry(x.IDNumber),
		person: entry(x.TiePerson), unit: widgets.NewPicker(t.units), post: entry(x.Post), leader: widget.NewCheck("是", nil),
		end: widgets.NewDateEntry()}
	r.relation.SetSelected(x.Relation)
	if x.UnitCode != nil {
		r.unit.SetCode(*x.UnitCode)
	}
	r.leader.SetChecked(x.IsUnitLeadership)
	r.end.SetText(x.EndDate)
	t.rows = append(t.rows, r)
	t.list.AddRow(func() { t.rows = remove(t.rows, r) }, r.name, r.relation, r.idNumber, r.person, r.unit, r.post, r.leader, r.end)
}

func (t *tiesTab) values() []model.Tie {
	out := make([]model.Tie, len(t.rows))
	for i, r := range t.rows {
		out[i] = model.Tie{Name: r.name.Text, Relation: r.relation.Selected, IDNumber: r.idNumber.Text, TiePerson: r.person.Text,
			Post: r.post.Text, IsUnitLeadership: r.leader.Checked, EndDate: r.end.Date()}
		if c := r.unit.Code(); c != "" {
			out[i].UnitCode = &c
		}
	}
	return out
}

type trainingRow struct {
	name, hours *widget.Entry
	start, end  *widgets.DateEntry
}

// trainingsTab is 培训记录.
type trainingsTab struct {
	list *widgets.EditList
	rows []*trainingRow
	bad  []string // 学时 that do not read as numbers, for the form's errors
}

func newTrainingsTab(ts []model.Training) *trainingsTab {
	t := &trainingsTab{}
	t.list = widgets.NewEditList([]string{"培训名称 *", "开始日期 *", "结束日期", "学时"}, []float32{0, 150, 150, 90},
		"添加培训记录", func() { t.add(model.Training{}) })
	for _, x := range ts {
		t.add(x)
	}
	return t
}

func (t *trainingsTab) add(x model.Training) {
	r := &trainingRow{name: entry(x.Name), start: widgets.NewDateEntry(), end: widgets.NewDateEntry(), hours: entry("")}
	r.start.SetText(x.StartDate)
	r.end.SetText(x.EndDate)
	if x.Hours != 0 {
		r.hours.SetText(strconv.FormatFloat(x.Hours, 'f', -1, 64))
	}
	r.hours.SetPlaceHolder("如 16")
	t.rows = append(t.rows, r)
	t.list.AddRow(func() { t.rows = remove(t.rows, r) }, r.name, r.start, r.end, r.hours)
}

// values reads the rows; 学时 that are not numbers are listed in t.bad.
func (t *trainingsTab) values() []model.Training {
	t.bad = t.bad[:0]
	out := make([]model.Training, len(t.rows))
	for i, r := range t.rows {
		out[i] = model.Training{Name: r.name.Text, StartDate: r.start.Date(), EndDate: r.end.Date()}
		if s := strings.TrimSpace(r.hours.Text); s != "" {
			h, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.bad = append(t.bad, fmt.Sprintf("培训记录第%d行 学时：“%s”不是数字", i+1, s))
			}
			out[i].Hours = h
		}
	}
	return out
}

// statusTab is 状态历史: every change of the person's status, read only.
func statusTab(hs []model.StatusChange) fyne.CanvasObject {
	if len(hs) == 0 {
		return container.NewPadded(widget.NewLabel("尚无状态变化记录（状态的每次变化，无论来自本表单、导入还是数据包，都记在这里）。"))
	}
	widths := []float32{110, 140, 0, 110, 90}
	head := container.New(&widgets.Columns{Widths: widths}, bold("日期"), bold("状态变化"), bold("原因"), bold("操作人"), bold("途径"))
	rows := container.NewVBox()
	for i := len(hs) - 1; i >= 0; i-- { // newest first
		h := hs[i]
		change := h.New
		if h.Old != "" {
			change = h.Old + " → " + h.New
		} else {
			change = "入库：" + h.New
		}
		reason := widget.NewLabel(h.Reason)
		reason.Wrapping = fyne.TextWrapBreak
		rows.Add(container.New(&widgets.Columns{Widths: widths}, widget.NewLabel(h.Date), widget.NewLabel(change), reason,
			widget.NewLabel(h.User), widget.NewLabel(h.Source)))
	}
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(rows))
}

// handlingText is how a declaration's 处理 reads on the form.
func handlingText(d model.Declaration) string {
	if d.Handling == "" {
		return "须回避"
	}
	return d.Handling + "（" + d.Handler + "：" + d.HandlingReason + "）"
}

// onHandle asks a 领导 for the 处理 of the declaration of row r and
// records it at once (the leader's decision does not wait for 保存).
func (t *declarationsTab) onHandle(r *declarationRow) {
	if t.svc == nil || t.person == "" {
		return
	}
	choice := widget.NewRadioGroup([]string{"须回避", vocab.NotRecused}, nil)
	choice.Horizontal = true
	choice.SetSelected("须回避")
	if r.saved.Handling != "" {
		choice.SetSelected(r.saved.Handling)
	}
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("处理理由（不予回避时必填）")
	reason.SetText(r.saved.HandlingReason)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapBreak
	info := widget.NewLabel(fmt.Sprintf("单位：%s\n事由：%s\n来源：%s", r.unit.Code(), r.saved.Reason, sourceOr(r.saved.Source)))
	info.Wrapping = fyne.TextWrapBreak
	var d dialog.Dialog
	t.confirm = widget.NewButtonWithIcon("确定", theme.ConfirmIcon(), func() {
		h := vocab.NotRecused
		if choice.Selected != vocab.NotRecused {
			h = ""
		}
		if err := t.svc.HandleDeclaration(t.person, r.saved.UnitCode, h, reason.Text); err != nil {
			msg.SetText(err.Error())
			return
		}
		r.saved.Handling, r.saved.HandlingReason, r.saved.Handler = h, strings.TrimSpace(reason.Text), t.svc.User
		if h == "" {
			r.saved.HandlingReason, r.saved.Handler = "", ""
		}
		r.handling.SetText(handlingText(r.saved))
		d.Hide()
	})
	t.confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.Hide() })
	body := container.NewBorder(container.NewVBox(info, choice), container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, t.confirm)),
		nil, nil, reason)
	d = dialog.NewCustomWithoutButtons("处理回避申报", body, t.win)
	d.Resize(fyne.NewSize(520, 340))
	d.Show()
	t.dlg, t.choice, t.why = d, choice, reason
}

// sourceOr reads an empty source as 本人申报.
func sourceOr(s string) string {
	if s == "" {
		return vocab.DeclSelf
	}
	return s
}

// onResume offers the person's 巡察履历 as an A4 PDF or an xlsx.
func (f *personForm) onResume() {
	code := f.detail.Person.Code
	name := f.detail.Person.Name + "巡察履历"
	var d dialog.Dialog
	pdf := widget.NewButtonWithIcon("A4 PDF", theme.DocumentPrintIcon(), func() {
		d.Hide()
		saveFile(f.win, "保存巡察履历（A4 PDF）", name+".pdf", ".pdf", func(path string) error {
			_, err := f.svc.ExportResume(code, path, "")
			return err
		}, "已生成巡察履历")
	})
	xlsx := widget.NewButtonWithIcon("Excel 工作簿", theme.UploadIcon(), func() {
		d.Hide()
		saveFile(f.win, "保存巡察履历（Excel 工作簿）", name+".xlsx", ".xlsx", func(path string) error {
			_, err := f.svc.ExportResume(code, "", path)
			return err
		}, "已导出巡察履历")
	})
	label := widget.NewLabel("巡察履历列出历次巡察的轮次、巡察组、角色、被巡察单位、鉴定，以及培训记录（按已保存的数据）。")
	label.Wrapping = fyne.TextWrapBreak
	d = dialog.NewCustom("巡察履历 "+f.detail.Person.Name, "关闭", container.NewVBox(label, container.NewHBox(pdf, xlsx)), f.win)
	d.Resize(fyne.NewSize(460, 200))
	d.Show()
	f.resumeDlg, f.resumePDF, f.resumeXLSX = d, pdf, xlsx
}
