package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/ui/widgets"
)

var evalWidths = []float32{180, 110, 130, 0}

// evalRow is one member's evaluation on the 鉴定 tab.
type evalRow struct {
	member  snap.Member
	grade   *widget.Select
	comment *widget.Entry
}

// evalTab is the 鉴定 tab of the round form: after a round, each member of
// a team gets a grade (优秀/称职/基本称职/不称职) and a comment, shown later
// in the person's service record.
type evalTab struct {
	f    *roundForm
	team *widget.Select
	rows *fyne.Container
	list []evalRow
	hint *widget.Label
	msg  *widget.Label
	save *widget.Button
}

func newEvalTab(f *roundForm) *evalTab { return &evalTab{f: f} }

func (t *evalTab) build() fyne.CanvasObject {
	t.team = widget.NewSelect(nil, func(string) { t.showRows() })
	t.hint = widget.NewLabel("")
	t.msg = widget.NewLabel("")
	t.msg.Wrapping = fyne.TextWrapBreak
	t.save = widget.NewButtonWithIcon("保存鉴定", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.rows = container.NewVBox()
	head := container.New(&widgets.Columns{Widths: evalWidths}, bold("成员"), bold("角色"), bold("鉴定等次"), bold("评语"))
	top := container.NewVBox(container.NewHBox(widget.NewLabel("巡察组"),
		container.NewGridWrap(fyne.NewSize(170, t.team.MinSize().Height), t.team), t.hint), head)
	bottom := container.NewVBox(t.msg, container.NewHBox(layout.NewSpacer(), t.save))
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(t.rows))
}

// refresh reads the round's teams again.
func (t *evalTab) refresh() {
	r := t.f.round
	if t.team == nil || r == nil {
		return
	}
	var opts []string
	for _, tm := range r.Teams {
		opts = append(opts, tm.Name)
	}
	t.team.Options = opts
	if t.teamNamed(t.team.Selected) == nil && len(opts) > 0 {
		t.team.SetSelected(opts[0]) // shows the rows
	} else {
		t.team.Refresh()
		t.showRows()
	}
	t.hint.SetText("")
	if sc := t.f.s.cal.Schedule(r); !sc.Known() || t.f.s.clock() <= sc.Dates.OnsiteEnd {
		t.hint.SetText("鉴定一般在进驻结束后填写。")
	}
	setEnabled(t.save, t.f.editable())
}

func (t *evalTab) teamNamed(name string) *snap.Team {
	if t.f.round == nil {
		return nil
	}
	for i := range t.f.round.Teams {
		if t.f.round.Teams[i].Name == name {
			return &t.f.round.Teams[i]
		}
	}
	return nil
}

// showRows lists the members of the team chosen.
func (t *evalTab) showRows() {
	t.rows.RemoveAll()
	t.list = t.list[:0]
	tm := t.teamNamed(t.team.Selected)
	if tm == nil {
		return
	}
	sn := t.f.s.cal.Snapshot()
	for _, m := range tm.Members {
		row := evalRow{member: m, grade: widget.NewSelect(append([]string{""}, vocab.Evaluations...), nil), comment: entry(m.Comment)}
		row.grade.SetSelected(m.Evaluation)
		row.comment.SetPlaceHolder("评语（256字以内）")
		setEnabled(row.grade, t.f.editable())
		setEnabled(row.comment, t.f.editable())
		name := m.Person
		if p := sn.Person(m.Person); p != nil {
			name = p.Name + "（" + m.Person + "）"
		}
		t.rows.Add(container.New(&widgets.Columns{Widths: evalWidths}, widget.NewLabel(name), widget.NewLabel(m.Role), row.grade, row.comment))
		t.list = append(t.list, row)
	}
	if len(tm.Members) == 0 {
		t.rows.Add(widget.NewLabel("本组尚未编组（在“编组”中为本组配备人员）。"))
	}
}

// onSave records the evaluations changed.
func (t *evalTab) onSave() {
	tm := t.teamNamed(t.team.Selected)
	if tm == nil {
		return
	}
	name, n := tm.Name, 0
	for _, row := range t.list {
		grade, comment := row.grade.Selected, strings.TrimSpace(row.comment.Text)
		if grade == row.member.Evaluation && comment == row.member.Comment {
			continue
		}
		if err := t.f.s.svc.SetEvaluation(tm.ID, row.member.Person, grade, comment); err != nil {
			t.f.afterWrite(t.f.round.Code, "")
			t.msg.Importance = widget.DangerImportance
			t.msg.SetText(fmt.Sprintf("已保存 %d 人，%s 未保存：%v", n, row.member.Person, err))
			return
		}
		n++
	}
	if n == 0 {
		t.msg.Importance = widget.MediumImportance
		t.msg.SetText("没有改动。")
		return
	}
	t.f.afterWrite(t.f.round.Code, fmt.Sprintf("已保存%s %d 人的鉴定", name, n))
	t.msg.Importance = widget.SuccessImportance
	t.msg.SetText(fmt.Sprintf("已保存%s %d 人的鉴定。", name, n))
}
