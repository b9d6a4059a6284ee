package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xuncha/app/recusal"
	"xuncha/app/vocab"
	"xuncha/model"
)

// openCheck opens 回避检查 for person, with the check run at once.
func openCheck(t *testing.T, person, name string) (*recusalCheck, func()) {
	t.Helper()
	svc, w := recusalWorld(t)
	d := newRecusalCheck(svc, w, person, name)
	d.spawn = func(f func()) { f() }
	d.show()
	return d, func() {
		// 李四 (P002) serves on 第一巡察组 and is 孙七's sister
		var team model.Team
		must(t, svc.DB.Where("name = ?", "第一巡察组").First(&team).Error)
		must(t, svc.DB.Create(&model.TeamMember{TeamID: team.ID, PersonCode: "P002", Role: vocab.RoleMember}).Error)
		must(t, svc.DB.Create(&model.Relative{PersonCode: "P004", Name: "李四", Relation: "兄弟姐妹", RelativePerson: "P002"}).Error)
	}
}

func rulesOf(hits []recusal.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Unit+"/"+h.Rule)
	}
	return out
}

func TestRecusalCheckDialog(t *testing.T) {
	d, plantMember := openCheck(t, "P004", "孙七")
	if d.target.Selected != checkUnit || !d.teamRow.Hidden || d.round.Selected != "2026-9 第九轮" {
		t.Fatalf("opened with target %q, round %q", d.target.Selected, d.round.Selected)
	}

	// against a unit: the spouse leads 城关镇
	test.Type(d.unit, "城关镇")
	d.unit.SetText("U02 城关镇")
	test.Tap(d.run)
	if got := rulesOf(d.shown); !slices.Equal(got, []string{"U02/R3"}) {
		t.Errorf("against U02: %v", got)
	}
	if !strings.Contains(d.verdict.Text, "须回避 1 条") || len(d.hits.Objects) != 1 {
		t.Errorf("verdict %q, %d cards", d.verdict.Text, len(d.hits.Objects))
	}

	// against a team: R4 binds 成员 but not 副组长
	d.target.SetSelected(checkTeam)
	d.team.SetSelected("第二巡察组")
	if d.date.Text != d.teamOption().OnsiteStart {
		t.Errorf("date %q, team starts %q", d.date.Text, d.teamOption().OnsiteStart)
	}
	d.role.SetSelected(vocab.RoleDeputy)
	test.Tap(d.run)
	if len(d.shown) != 0 || !strings.Contains(d.verdict.Text, "未发现回避情形") {
		t.Errorf("副组长 on 第二巡察组: %v, %q", rulesOf(d.shown), d.verdict.Text)
	}
	d.role.SetSelected(vocab.RoleMember)
	test.Tap(d.run)
	if got := rulesOf(d.shown); !slices.Equal(got, []string{"U03/R4"}) {
		t.Errorf("成员 on 第二巡察组: %v", got)
	}

	// a team with a member who is a close relative (R6)
	plantMember()
	d.team.SetSelected("第一巡察组")
	d.role.SetSelected(anyRole)
	test.Tap(d.run)
	if got := rulesOf(d.shown); !slices.Equal(got, []string{"U02/R3", "/R6"}) {
		t.Errorf("any role on 第一巡察组: %v", got)
	}
	if !strings.Contains(d.verdict.Text, "须回避 2 条") {
		t.Errorf("verdict = %q", d.verdict.Text)
	}

	// a bad date is refused
	d.date.SetText("2026-02-30")
	test.Tap(d.run)
	if !strings.Contains(d.verdict.Text, "日期应写成") {
		t.Errorf("bad date: %q", d.verdict.Text)
	}
}

// findButton returns the button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walkRendered(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

func TestPersonFormRecusalCheck(t *testing.T) {
	svc, w := recusalWorld(t)
	s := newPeopleScreen(svc, w)
	w.SetContent(s.build())
	test.Type(s.search, "孙七")
	test.DoubleTap(tableCell(s.table, 0, 1))
	f := s.form
	if f == nil {
		t.Fatal("the form did not open")
	}
	b := findButton(w.Canvas().Overlays().Top(), "回避检查")
	if b == nil {
		t.Fatal("no 回避检查 button on the person form")
	}
	test.Tap(b)
	d := f.check
	if d == nil || d.person != "P004" {
		t.Fatalf("回避检查 opened for %+v", d)
	}
	d.spawn = func(fn func()) { fn() }
	d.target.SetSelected(checkTeam)
	d.team.SetSelected("第一巡察组")
	test.Tap(d.run)
	if got := rulesOf(d.shown); !slices.Equal(got, []string{"U02/R3"}) || !strings.Contains(d.verdict.Text, "须回避 1 条") {
		t.Errorf("孙七 on 第一巡察组: %v, %q", got, d.verdict.Text)
	}
}
