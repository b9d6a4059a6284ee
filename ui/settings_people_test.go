package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"xuncha/app/recusal"
)

// TestSettingsPeopleRules: R8's and R9's second severities and R9's roles
// show their defaults, save and read back.
func TestSettingsPeopleRules(t *testing.T) {
	svc, w := testWorld(t)
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	r := s.recusal
	if r.severity[recusal.R8].Selected != "回避" || r.severity[recusal.R9].Selected != "回避" || r.looseTie.Selected != "提示" ||
		r.barelyFit.Selected != "提示" || !slices.Equal(r.evalRoles.Selected, []string{"组长", "副组长"}) {
		t.Fatalf("defaults: R8 %q R9 %q loose %q barely %q roles %v", r.severity[recusal.R8].Selected, r.severity[recusal.R9].Selected,
			r.looseTie.Selected, r.barelyFit.Selected, r.evalRoles.Selected)
	}
	r.looseTie.SetSelected(sevOff)
	r.barelyFit.SetSelected("回避")
	r.evalRoles.SetSelected([]string{"联络员", "组长"})
	test.Tap(r.save)
	if r.errors.Visible() {
		t.Fatalf("save refused: %s", r.errors.Text)
	}
	got, _ := svc.RecusalSettings()
	if got.LooseTieSeverity != recusal.Off || got.BarelyFitSeverity != recusal.Hard || !slices.Equal(got.EvalRoles, []string{"组长", "联络员"}) {
		t.Errorf("stored = %+v", got)
	}
}

// TestSettingsTraining: the training warning is off by default, saves on,
// refuses 0 years, and resets.
func TestSettingsTraining(t *testing.T) {
	svc, w := testWorld(t)
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	tr := s.training
	if tr.warn.Checked || tr.years.Text != "3" {
		t.Fatalf("defaults: %v %q", tr.warn.Checked, tr.years.Text)
	}
	tr.warn.SetChecked(true)
	tr.years.SetText("0")
	test.Tap(tr.save)
	if !tr.errors.Visible() {
		t.Fatal("0 years saved")
	}
	tr.years.SetText("2")
	test.Tap(tr.save)
	if got, _ := svc.TrainingSettings(); !got.Warn || got.Years != 2 {
		t.Fatalf("stored %+v (%s)", got, tr.errors.Text)
	}
	test.Tap(tr.reset)
	test.Tap(tr.confirmReset)
	if got, _ := svc.TrainingSettings(); got.Warn || got.Years != 3 || tr.warn.Checked {
		t.Errorf("after reset %+v", got)
	}
}

// TestSettingsExperience: 经验与轮换 shows SPEC §11.3's defaults, saves the
// roles that rotate as the others' stable core, the ranks, rounds and
// years; refuses a core out of range; resets; and the solver reads it.
func TestSettingsExperience(t *testing.T) {
	svc, w := testWorld(t)
	s := newSettingsScreen(svc, w, nil)
	w.SetContent(s.build())
	x := s.people
	if x.core.Text != "1" || !slices.Equal(x.rotated.Selected, []string{"副组长", "联络员", "成员"}) || x.ranks.Text != "" ||
		x.rounds.Selected != "1" || x.years.Text != "2" {
		t.Fatalf("defaults: core %q rotated %v ranks %q rounds %q years %q", x.core.Text, x.rotated.Selected, x.ranks.Text, x.rounds.Selected, x.years.Text)
	}
	x.core.SetText("-1")
	test.Tap(x.save)
	if !x.errors.Visible() {
		t.Fatal("a core of -1 saved")
	}
	x.core.SetText("2")
	x.rotated.SetSelected([]string{"成员", "联络员"})
	x.ranks.SetText("副科级、 正科级、副科级")
	x.rounds.SetSelected("2")
	x.years.SetText("3")
	test.Tap(x.save)
	if x.errors.Visible() {
		t.Fatalf("save refused: %s", x.errors.Text)
	}
	got, _ := svc.ExperienceSettings()
	if got.Core != 2 || !slices.Equal(got.StableRoles, []string{"组长", "副组长", "专职工作人员"}) ||
		!slices.Equal(got.PromotedRanks, []string{"副科级", "正科级"}) || got.PromotedRounds != 2 || got.PromotedYears != 3 {
		t.Fatalf("stored %+v", got)
	}
	if set, _ := svc.AssignSettings(); set.Experience.Core != 2 || set.Experience.Rotated("副组长") {
		t.Errorf("the solver reads %+v", set.Experience)
	}
	test.Tap(x.reset)
	test.Tap(x.confirmReset)
	if got, _ := svc.ExperienceSettings(); got.Core != 1 || got.Rounds() != 1 || x.years.Text != "2" {
		t.Errorf("after reset %+v", got)
	}
}
