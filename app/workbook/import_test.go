package workbook

import (
	"testing"

	"xuncha/app/vocab"
	"xuncha/model"
)

func TestImportBase(t *testing.T) {
	db := openDB(t)
	path := baseBook().write(t, "base.xlsx")
	res := mustImport(t, db, Options{User: "测试"}, path)
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	if !res.Written {
		t.Fatal("nothing written")
	}
	want := map[string]int{
		SheetCounties: 2, SheetUnits: 4, SheetLeaders: 2, SheetPeople: 2, SheetHistory: 2,
		SheetRelatives: 2, SheetDeclarations: 1, SheetTerms: 1, SheetTasks: 3, SheetMembers: 2,
		SheetTies: 2, SheetTrainings: 2, SheetPlan: 2, SheetMilestones: 3, SheetFindings: 2, SheetItems: 3, SheetClues: 2,
	}
	for _, s := range res.Sheets {
		if s.Added != want[s.Sheet] || s.Updated+s.Unchanged+s.Rejected != 0 {
			t.Errorf("%v, want %d added", s, want[s.Sheet])
		}
	}
	n := counts(t, db)
	for table, want := range map[string]int64{
		"counties": 2, "units": 4, "unit_leaders": 2, "people": 2, "work_histories": 2, "relatives": 2,
		"declarations": 1, "terms": 1, "rounds": 1, "teams": 2, "team_units": 3, "team_members": 2, "audit_entries": 1,
		"ties": 2, "trainings": 2, "status_changes": 2, "plan_items": 2,
	} {
		if n[table] != want {
			t.Errorf("%s: %d rows, want %d", table, n[table], want)
		}
	}

	var p model.Person
	db.First(&p, "code = ?", "P001")
	if p.Skills != "财务、审计" || !p.InLeaderPool || p.InStaffPool || p.Status != vocab.StatusActive || p.PromotedOn != "2025-06-01" || deref(p.CurrentUnitCode) != "U01" {
		t.Errorf("P001 = %+v", p)
	}
	var r model.Round
	db.First(&r, "code = ?", "2026-1")
	if r.TermCode != "T1" || r.Name != "第一轮巡察" || r.Number != 1 || r.OnsiteStart != "2026-03-01" || r.OnsiteEnd != "2026-04-20" || r.Mode != vocab.ModeMixed {
		t.Errorf("round = %+v", r)
	}
	if r.Type != vocab.KindRegular || r.Level != vocab.LevelAudit || r.JointCategories != vocab.CatStateFirm {
		t.Errorf("round kinds = %q %q %q", r.Type, r.Level, r.JointCategories)
	}
	var u model.Unit
	db.First(&u, "code = ?", "U01")
	if u.Sectors != "财政、审计" || u.Priority != "A" {
		t.Errorf("U01 领域 %q 重点等级 %q", u.Sectors, u.Priority)
	}
	var plans []model.PlanItem
	db.Order("unit_code").Find(&plans)
	if len(plans) != 2 || plans[0].Year != 2026 || plans[0].RoundNo != 1 || plans[1].Year != 2025 || plans[1].Note != "村级，随乡镇一并巡察" {
		t.Errorf("plan = %+v", plans)
	}
	var teams []model.Team
	db.Order("seq").Find(&teams)
	// 第一巡察组 spans the round (2026-03-01 to 2026-04-20): it has the
	// round's dates and none of its own; 第二巡察组 has its own.
	if len(teams) != 2 || teams[0].Name != "第一巡察组" || teams[0].Seq != 1 || teams[0].OnsiteStart != "" || teams[0].OnsiteEnd != "" ||
		teams[1].Seq != 2 || teams[1].OnsiteStart != "2026-03-05" || teams[1].OnsiteEnd != "2026-04-10" {
		t.Errorf("teams = %+v", teams)
	}
	var rel model.Relative
	db.First(&rel, "person_code = ? AND name = ?", "P001", "李小四")
	if rel.Relation != "配偶" || deref(rel.UnitCode) != "U04" {
		t.Errorf("relative = %+v", rel)
	}

	// Again: nothing changes, nothing is written, no audit entry.
	res = mustImport(t, db, Options{User: "测试"}, path)
	if res.Written || len(res.Problems) > 0 {
		t.Fatalf("second import: written %v, problems %v", res.Written, res.Problems)
	}
	for _, s := range res.Sheets {
		if s.Unchanged != want[s.Sheet] || s.Added+s.Updated+s.Rejected != 0 {
			t.Errorf("second import %v, want all unchanged", s)
		}
	}
	if got := counts(t, db); got["audit_entries"] != 1 {
		t.Errorf("audit entries %d, want 1", got["audit_entries"])
	}
}
