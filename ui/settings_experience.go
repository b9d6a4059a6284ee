package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/vocab"
)

// experienceSettings is the 经验与轮换 section of 设置 (settings key
// "experience", SPEC §11.3): how many experienced members each team should
// have (以老带新), which roles rotate (组长 and 专职工作人员 are a stable
// core by default), and the rounds newly promoted cadres owe: their
// ranks, how many rounds, within how many years.
type experienceSettings struct {
	*sectionFrame

	core    *widget.Entry
	rotated *widget.CheckGroup
	ranks   *widget.Entry
	rounds  *widget.Select
	years   *widget.Entry
}

func newExperienceSettings(svc *app.Service, win fyne.Window) *experienceSettings {
	x := &experienceSettings{}
	x.sectionFrame = newSectionFrame(svc, win, app.ExperienceSettingsKey, "恢复默认", x.onSave, x.onReset, x.load)
	return x
}

func (x *experienceSettings) build() fyne.CanvasObject {
	x.core = numberEntry()
	x.rotated = widget.NewCheckGroup(vocab.Roles, nil)
	x.rotated.Horizontal = true
	x.ranks = widget.NewEntry()
	x.ranks.SetPlaceHolder("如：副科级、四级主任科员（空白为全部职级）")
	x.rounds = widget.NewSelect([]string{"1", "2"}, nil)
	x.years = numberEntry()
	f := widget.NewForm(
		widget.NewFormItem("每组有巡察经历的成员（人）", fixedWidth(120, x.core)),
		widget.NewFormItem("参与轮换的角色", x.rotated),
		widget.NewFormItem("新提拔干部的职级", fixedWidth(420, x.ranks)),
		widget.NewFormItem("应参加巡察（轮）", fixedWidth(120, x.rounds)),
		widget.NewFormItem("期限（自新提拔日期起，年）", fixedWidth(120, x.years)),
	)
	f.Items[0].HintText = "以老带新：每组至少几名以前参加过巡察（任何届期）的成员；0 为不要求。编组时紧随“编满”之后考虑"
	f.Items[1].HintText = "勾选的角色优先安排本届参加轮次少、上一轮未参加的人员；未勾选的角色（默认组长、专职工作人员）保持相对稳定"
	f.Items[2].HintText = "人员“职级”等于或含有所填词语之一的才计算；以“、”分隔；空白为全部职级"
	f.Items[4].HintText = "在期限内未参加足轮数的，编组时优先安排，期限早者优先；“人员库统计”的“新提拔待参加巡察”页列出名单"
	x.inputs = append(x.inputs, x.core, x.rotated, x.ranks, x.rounds, x.years)
	out := x.wrap("编组的目标依次为：编满；以老带新；轮换；新提拔干部参加巡察；县区分布；回避提示；专业特长。"+
		"“巡察经历”按编组记录计算：在本轮之前的任何一轮（任何届期）编入过巡察组即有经历。", container.NewVBox(f))
	x.load()
	return out
}

// load shows the stored settings.
func (x *experienceSettings) load() {
	if x.core == nil {
		return
	}
	loadSection(x.sectionFrame, x.svc.ExperienceSettings, x.show)
}

func (x *experienceSettings) show(set assign.Experience) {
	x.core.SetText(fmt.Sprint(set.Core))
	var rotated []string
	for _, r := range vocab.Roles {
		if set.Rotated(r) {
			rotated = append(rotated, r)
		}
	}
	x.rotated.SetSelected(rotated)
	x.ranks.SetText(strings.Join(set.PromotedRanks, "、"))
	x.rounds.SetSelected(fmt.Sprint(set.Rounds()))
	x.years.SetText(fmt.Sprint(set.Years()))
}

// collect reads the form; errs lists what cannot be read.
func (x *experienceSettings) collect() (assign.Experience, []string) {
	var errs []string
	set := assign.Experience{Core: intField("每组有巡察经历的成员", x.core, &errs), StableRoles: []string{}, PromotedRanks: []string{},
		PromotedYears: intField("期限", x.years, &errs)}
	for _, r := range vocab.Roles {
		if !slices.Contains(x.rotated.Selected, r) {
			set.StableRoles = append(set.StableRoles, r)
		}
	}
	for _, r := range splitSkills(x.ranks.Text) {
		if !slices.Contains(set.PromotedRanks, r) {
			set.PromotedRanks = append(set.PromotedRanks, r)
		}
	}
	set.PromotedRounds = 1
	if x.rounds.Selected == "2" {
		set.PromotedRounds = 2
	}
	if set.PromotedYears < 1 && len(errs) == 0 {
		errs = append(errs, "期限应至少为 1 年")
	}
	return set, errs
}

func (x *experienceSettings) onSave() {
	set, errs := x.collect()
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		x.showErrors(errs)
		return
	}
	if err := x.store().SaveExperienceSettings(set); err != nil {
		x.failed(err, x.onSave)
		return
	}
	x.load()
	x.done("已保存经验与轮换设置（" + set.RulesText() + "）")
}

func (x *experienceSettings) onReset() {
	def := assign.DefaultExperience()
	x.confirm("恢复默认", "将经验与轮换恢复为默认（每组至少 1 名有巡察经历的成员；组长、专职工作人员不参与轮换；"+def.RulesText()+"）？", func() {
		if err := x.store().SaveExperienceSettings(def); err != nil {
			x.failed(err, x.onReset)
			return
		}
		x.load()
		x.done("已恢复默认设置")
	})
}
