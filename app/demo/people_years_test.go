package demo

import (
	"testing"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// TestPeopleYears: the years of the demo people hang together, and hold
// what the features need to show: status histories that end in the
// current status, people without recent training, close ties ended and
// lasting (one found by ID number only), loose ties, proposed grades in
// the last staffed round only, and team evaluations.
func TestPeopleYears(t *testing.T) {
	d := Generate(City)
	asOf := civil.MustParse(AsOf)
	last := map[string]string{}
	for _, h := range d.StatusChanges {
		if h.Date > AsOf {
			t.Fatalf("a status change after %s: %+v", AsOf, h)
		}
		if h.Old != last[h.PersonCode] {
			t.Fatalf("history of %s jumps: %q then %+v", h.PersonCode, last[h.PersonCode], h)
		}
		last[h.PersonCode] = h.New
	}
	for _, p := range d.People {
		if last[p.Code] != p.Status || p.RecommendUnitCode == nil || p.JoinedOn == "" || p.JoinedOn > AsOf {
			t.Fatalf("%s: status %s, history ends %q, recommended %v, joined %q", p.Code, p.Status, last[p.Code], p.RecommendUnitCode, p.JoinedOn)
		}
		if (p.Status == vocab.StatusActive) != (p.StatusReason == "") {
			t.Fatalf("%s %s with reason %q", p.Code, p.Status, p.StatusReason)
		}
	}
	recent := map[string]bool{}
	for _, tr := range d.Trainings {
		if civil.MustParse(tr.StartDate) >= asOf.AddYears(-3) {
			recent[tr.PersonCode] = true
		}
	}
	if n := len(d.People) - len(recent); n < len(d.People)/20 || n > len(d.People)/4 {
		t.Errorf("%d of %d people without training in the last three years", n, len(d.People))
	}
	kinds := map[string]int{}
	for _, tie := range d.Ties {
		switch {
		case vocab.CloseTie(tie.Relation) && tie.IDNumber != "" && tie.UnitCode == nil:
			kinds["按身份证号"]++
		case vocab.CloseTie(tie.Relation) && tie.EndDate == "":
			kinds["延续"]++
		case vocab.CloseTie(tie.Relation):
			kinds["已结束"]++
		case tie.IsUnitLeadership:
			kinds["同学师生"]++
		}
	}
	for _, k := range []string{"按身份证号", "延续", "已结束", "同学师生"} {
		if kinds[k] == 0 {
			t.Errorf("no tie of kind %s: %v", k, kinds)
		}
	}
	proposed := map[string]int{}
	roundOf := map[uint]string{}
	for _, tm := range d.Teams {
		roundOf[tm.ID] = tm.RoundCode
	}
	for _, m := range d.Members {
		if m.EvalState == vocab.EvalProposed {
			proposed[roundOf[m.TeamID]]++
		}
		if m.Evaluation != "" && m.EvalState == "" {
			t.Fatalf("a grade without a state: %+v", m)
		}
	}
	if len(proposed) != 1 || proposed["2026-1"] == 0 {
		t.Errorf("proposed grades by round: %v", proposed)
	}
	if len(d.TeamEvals) == 0 {
		t.Error("no team evaluations")
	}
}
