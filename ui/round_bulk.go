package ui

// Making many teams at once, and copying a round: 按县区批量建组 on the round
// form's 巡察组及单位 tab, 复制轮次 on the round form and the calendar's list.

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/civil"
	"xuncha/app/vocab"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// countyTeamsDialog makes one team per county chosen.
type countyTeamsDialog struct {
	counties *widgets.CheckList
	perTeam  *widget.Entry
	onlyFree *widget.Check
	dlg      *widgets.FormDialog
}

// onCountyTeams asks for the counties and the units per team, then makes
// one team per county with its first free units.
func (t *teamsTab) onCountyTeams() *countyTeamsDialog {
	f := t.f
	if f.round == nil {
		return nil
	}
	d := &countyTeamsDialog{counties: widgets.NewCheckList(), perTeam: widget.NewEntry(),
		onlyFree: widget.NewCheck("只取本届期尚未巡察的单位（应覆盖的单位优先）", nil)}
	var items []widgets.CheckItem
	var keys []string
	for _, c := range f.s.cal.Snapshot().Counties {
		items = append(items, widgets.CheckItem{Key: c.Code, Text: c.Code + " " + c.Name})
		keys = append(keys, c.Code)
	}
	d.perTeam.SetText("3")
	d.onlyFree.SetChecked(true)
	intro := widget.NewLabel(fmt.Sprintf("为轮次 %s 的每个所选县区各建一个巡察组，每组编入该县区在本轮尚未编组的前几个单位；组名接着现有的编号。",
		f.round.Code))
	intro.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(widget.NewFormItem("每组单位数", container.NewGridWrap(fyne.NewSize(100, d.perTeam.MinSize().Height), d.perTeam)),
		widget.NewFormItem("", d.onlyFree))
	all := widget.NewButton("全选", func() { d.counties.CheckShown(true) })
	none := widget.NewButton("全不选", func() { d.counties.CheckShown(false) })
	body := container.NewBorder(container.NewVBox(intro, form, container.NewHBox(widget.NewLabel("县区"), all, none)), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(420, 260), d.counties))
	d.dlg = widgets.NewFormDialog("按县区批量建组", "建组", body, func() error {
		n, err := strconv.Atoi(strings.TrimSpace(d.perTeam.Text))
		if err != nil {
			return errors.New("每组单位数应填整数")
		}
		made, skipped, err := f.s.svc.AddCountyTeams(f.round.Code, d.counties.Checked(), n, d.onlyFree.Checked)
		if err != nil {
			return err
		}
		msg := fmt.Sprintf("已建 %d 个巡察组", len(made))
		if len(skipped) > 0 {
			msg += fmt.Sprintf("；%s 没有可编入的单位，未建组", strings.Join(skipped, "、"))
		}
		f.afterWrite(f.round.Code, msg)
		return nil
	}, f.s.win)
	d.dlg.Show(480)
	d.counties.SetItems(items) // once shown: the list scrolls to its top
	d.counties.SetChecked(keys)
	return d
}

// copyRoundDialog makes a round from another.
type copyRoundDialog struct {
	code, name *widget.Entry
	start      *widgets.DateEntry
	typ, level *widget.Select
	units      *widget.Check
	dlg        *widgets.FormDialog
}

// copyRound asks for the new round's code, name and 进驻开始, then makes it
// from round from (its teams, with their units when asked), and opens it.
func (s *calendarScreen) copyRound(from string) *copyRoundDialog {
	src := s.cal.Snapshot().Round(from)
	if src == nil || !s.canEdit() {
		return nil
	}
	d := &copyRoundDialog{code: widget.NewEntry(), name: widget.NewEntry(), start: widgets.NewDateEntry(),
		typ: widget.NewSelect(vocab.RoundKinds, nil), level: widget.NewSelect(vocab.RoundLevels, nil), units: widget.NewCheck("连同各组的被巡察单位（如“回头看”，再次巡察同一批单位）", nil)}
	d.code.SetPlaceHolder("如 2027-1")
	d.name.SetPlaceHolder(src.Name)
	d.typ.SetSelected(cmp.Or(src.Type, vocab.KindRegular))
	d.level.SetSelected(cmp.Or(src.Level, vocab.LevelOwn))
	intro := widget.NewLabel(fmt.Sprintf("以轮次 %s %s 为样板新建轮次：各阶段日期随进驻开始日一起平移，巡察组的组名和顺序照搬。", src.Code, src.Name))
	intro.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(widget.NewFormItem("新轮次编码 *", d.code), widget.NewFormItem("名称", d.name),
		widget.NewFormItem("进驻开始 *", d.start), widget.NewFormItem("巡察类型", d.typ), widget.NewFormItem("组织方式", d.level), widget.NewFormItem("", d.units))
	d.dlg = widgets.NewFormDialog("复制轮次 "+from, "复制", container.NewVBox(intro, form), func() error {
		code := strings.TrimSpace(d.code.Text)
		start, err := civil.ParseWritten(d.start.Text)
		switch {
		case code == "":
			return errors.New("请填写新轮次编码")
		case err != nil:
			return err
		case start.IsZero():
			return errors.New("请填写进驻开始日期")
		}
		name := strings.TrimSpace(d.name.Text)
		if name == "" {
			name = src.Name
		}
		to := model.Round{Code: code, TermCode: src.Term, Name: name, Type: d.typ.Selected, Level: d.level.Selected}
		return s.svc.CopyRound(from, to, start, d.units.Checked)
	}, s.win)
	code := func() string { return strings.TrimSpace(d.code.Text) }
	d.dlg.After = func() {
		s.reload()
		s.openRound(code())
	}
	d.dlg.Show(560)
	return d
}

// copyButton is 复制轮次… for the round from().
func copyButton(s *calendarScreen, from func() string) *widget.Button {
	b := widget.NewButtonWithIcon("复制轮次…", theme.ContentCopyIcon(), func() {
		if f := from(); f != "" {
			s.copyRound(f)
		}
	})
	setEnabled(b, s.canEdit())
	return b
}
