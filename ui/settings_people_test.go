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
