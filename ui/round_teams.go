package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// teamsTab is the 巡察组及单位 tab of the round form: the round's teams on
// the left; on the right the team being edited — its name, its own on-site
// dates and its units, picked from a filtered check list.
type teamsTab struct {
	f       *roundForm
	sel     int          // index of the team edited in f.round.Teams, -1 for none
	adding  bool         // editing a team not yet stored
	read    app.TeamEdit // the team edited as read, with its stamp
	list    *widget.List
	add     *widget.Button
	bulk    *widget.Button // 按县区批量建组 (round_bulk.go)
	del     *widget.Button
	editor  *fyne.Container
	name    *widget.Entry
	start   *widgets.DateEntry
	end     *widgets.DateEntry
	save    *widget.Button
	msg     *widget.Label
	picker  *unitPicker
	heading *widget.Label
	hint    *widget.Label
}

func newTeamsTab(f *roundForm) *teamsTab { return &teamsTab{f: f, sel: -1} }

func (t *teamsTab) build() fyne.CanvasObject {
	t.list = widget.NewList(t.length, func() fyne.CanvasObject {
		l := widget.NewLabel("第三十一巡察组 · 城关区")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, t.updateItem)
	t.list.OnSelected = func(i widget.ListItemID) { t.edit(i) }
	t.add = widget.NewButtonWithIcon("添加巡察组", theme.ContentAddIcon(), t.onAdd)
	t.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.onDelete)
	t.bulk = widget.NewButtonWithIcon("按县区批量建组…", theme.ContentAddIcon(), func() { t.onCountyTeams() })
	setEnabled(t.bulk, t.f.editable())
	left := container.NewBorder(nil, container.NewVBox(container.NewHBox(t.add, t.del), t.bulk), nil, nil, t.list)

	t.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.name = widget.NewEntry()
	t.start = widgets.NewDateEntry()
	t.start.PlaceHolder = "空则按轮次"
	t.end = widgets.NewDateEntry()
	t.end.PlaceHolder = "空则按轮次"
	t.save = widget.NewButtonWithIcon("保存本组", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.msg = widget.NewLabel("")
	t.msg.Wrapping = fyne.TextWrapBreak
	t.picker = newUnitPicker(t)
	dates := container.NewHBox(widget.NewLabel("组名"), container.NewGridWrap(fyne.NewSize(170, t.name.MinSize().Height), t.name),
		widget.NewLabel("本组进驻"), container.NewGridWrap(fyne.NewSize(130, t.start.MinSize().Height), t.start),
		widget.NewLabel("至"), container.NewGridWrap(fyne.NewSize(130, t.end.MinSize().Height), t.end))
	top := container.NewVBox(t.heading, dates)
	bottom := container.NewVBox(t.msg, container.NewHBox(layout.NewSpacer(), t.save))
	t.editor = container.NewBorder(top, bottom, nil, nil, t.picker.build())
	t.editor.Hide()
	t.hint = widget.NewLabel("在左侧选择一个巡察组，或点“添加巡察组”。")
	split := container.NewHSplit(left, container.NewStack(container.NewCenter(t.hint), t.editor))
	split.Offset = 0.26
	return split
}

func (t *teamsTab) teams() []snap.Team {
	if t.f.round == nil {
		return nil
	}
	return t.f.round.Teams
}

func (t *teamsTab) length() int { return len(t.teams()) }

func (t *teamsTab) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	ts := t.teams()
	if i >= len(ts) {
		return
	}
	o.(*widget.Label).SetText(t.teamLine(&ts[i]))
}

// teamLine is a team in the list: 第一巡察组 · 城关区 · 3个单位 · 7人.
func (t *teamsTab) teamLine(tm *snap.Team) string {
	s := tm.Name
	if tm.County != "" {
		s += " · " + t.f.s.cal.Snapshot().CountyName(tm.County)
	}
	return s + fmt.Sprintf(" · %d个单位 · %d人", len(tm.Units), len(tm.Members))
}

// refresh shows the round's teams again, keeping the team edited.
func (t *teamsTab) refresh() {
	if t.list == nil {
		return
	}
	edit := t.f.editable()
	setEnabled(t.add, edit && t.f.round != nil)
	setEnabled(t.del, edit && t.sel >= 0)
	for _, w := range []fyne.Disableable{t.start, t.end, t.save} {
		setEnabled(w, edit)
	}
	t.list.Refresh()
}

// edit opens team i of the round in the editor.
func (t *teamsTab) edit(i int) {
	ts := t.teams()
	if i < 0 || i >= len(ts) {
		return
	}
	t.sel, t.adding = i, false
	tm := &ts[i]
	read, err := t.f.s.svc.TeamForEdit(tm.ID) // units, dates and stamp as they are now, read together
	if err != nil {
		t.fail(err.Error())
		return
	}
	t.read = read
	t.heading.SetText("编辑 " + tm.Name)
	t.name.SetText(tm.Name)
	t.name.Disable()
	t.start.SetText(dateText(read.Start))
	t.end.SetText(dateText(read.End))
	t.msg.SetText("")
	t.picker.load(tm.Name, read.Units, tm.County)
	t.hint.Hide()
	t.editor.Show()
	t.refresh()
}

// onAdd opens an empty team named after the next number.
func (t *teamsTab) onAdd() {
	t.list.UnselectAll()
	t.sel, t.adding = -1, true
	name := vocab.TeamName(len(t.teams()) + 1)
	for n := len(t.teams()) + 2; t.hasTeam(name); n++ {
		name = vocab.TeamName(n)
	}
	t.heading.SetText("新巡察组")
	t.name.SetText(name)
	setEnabled(t.name, t.f.editable())
	t.start.SetText("")
	t.end.SetText("")
	t.msg.SetText("勾选本组的被巡察单位（须在同一县区），再点“保存本组”。")
	t.msg.Importance = widget.MediumImportance
	t.picker.load("", nil, "")
	t.hint.Hide()
	t.editor.Show()
	t.refresh()
}

func (t *teamsTab) hasTeam(name string) bool {
	for _, tm := range t.teams() {
		if tm.Name == name {
			return true
		}
	}
	return false
}

// onSave stores the team: its units, then its own on-site dates.
func (t *teamsTab) onSave() {
	svc, round := t.f.s.svc, t.f.round
	units := t.picker.checked()
	start, err1 := civil.Parse(t.start.Date())
	end, err2 := civil.Parse(t.end.Date())
	if err1 != nil || err2 != nil {
		t.fail("本组进驻日期应写成 2026-03-01，或留空按轮次。")
		return
	}
	name := strings.TrimSpace(t.name.Text)
	var warn []string
	var err error
	if t.adding {
		var tm model.Team
		tm, warn, err = svc.AddTeam(round.Code, name, units)
		if err == nil && (!start.IsZero() || !end.IsZero()) {
			_, err = svc.SaveTeam(app.TeamEdit{ID: tm.ID, Units: units, Start: start, End: end, Stamp: tm.Stamp})
		}
	} else {
		name = round.Teams[t.sel].Name
		ed := t.read
		ed.Units, ed.Start, ed.End = units, start, end
		warn, err = svc.SaveTeam(ed) // units and dates together, only over the team as read
	}
	if err != nil {
		if !t.adding && (app.IsConflict(err) || app.ConnLost(err)) { // the form keeps what was ticked
			t.fail("未保存：" + err.Error())
			saveFailed(err, t.f.s.win, t.onSave, func() {
				t.f.afterWrite(round.Code, "")
				t.reselect(name)
			})
			return
		}
		t.f.afterWrite(round.Code, "") // a team added before its dates failed is stored
		t.reselect(name)
		t.fail("未保存：" + err.Error())
		return
	}
	t.f.afterWrite(round.Code, "已保存 "+name)
	t.reselect(name)
	if len(warn) > 0 {
		t.msg.Importance = widget.WarningImportance
		t.msg.SetText("已保存，但请注意：" + strings.Join(warn, "；"))
	} else {
		t.msg.Importance = widget.SuccessImportance
		t.msg.SetText(fmt.Sprintf("已保存 %s：%d个单位。", name, len(units)))
	}
}

// reselect edits the team named name again after a reload.
func (t *teamsTab) reselect(name string) {
	for i, tm := range t.teams() {
		if tm.Name == name {
			t.list.UnselectAll()
			t.list.Select(i) // edits it
			return
		}
	}
}

func (t *teamsTab) fail(msg string) {
	t.msg.Importance = widget.DangerImportance
	t.msg.SetText(msg)
}

func (t *teamsTab) onDelete() {
	ts := t.teams()
	if t.sel < 0 || t.sel >= len(ts) {
		return
	}
	tm := ts[t.sel]
	dialog.ShowConfirm("删除巡察组", fmt.Sprintf("确定删除%s及其%d个被巡察单位、%d名成员的编组记录？", tm.Name, len(tm.Units), len(tm.Members)), func(ok bool) {
		if !ok {
			return
		}
		if err := t.f.s.svc.DeleteTeam(tm.ID); err != nil {
			dialog.ShowError(err, t.f.s.win)
			return
		}
		t.sel = -1
		t.list.UnselectAll()
		t.editor.Hide()
		t.hint.Show()
		t.f.afterWrite(t.f.round.Code, "已删除 "+tm.Name)
	}, t.f.s.win)
}

// dateText shows a date, or "" when not set.
func dateText(d civil.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
