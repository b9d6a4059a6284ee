package workbook

import (
	"strings"
	"testing"

	"xuncha/model"
)

// withColumns returns the base workbook with extra columns on a sheet:
// the header, then the cells of each data row (rows beyond cells stay
// blank).
func withColumns(sheet string, header []string, cells ...[]string) sheets {
	s := baseBook().clone()
	for i := range s[sheet] {
		switch {
		case i == 0:
			s[sheet][0] = append(s[sheet][0], header...)
		case i-1 < len(cells):
			s[sheet][i] = append(s[sheet][i], cells[i-1]...)
		default:
			s[sheet][i] = append(s[sheet][i], make([]string, len(header))...)
		}
	}
	return s
}

// TestOptionalColumnsProblems: the columns added for a full export are
// checked like any other: round-level cells agree within the round,
// team-level ones within the team, stage dates keep their order, a scope
// names known counties and categories.
func TestOptionalColumnsProblems(t *testing.T) {
	for _, tc := range []struct {
		name       string
		book       sheets
		sheet, col string
		want       string
	}{
		{"同一轮次准备开始不一致", withColumns(SheetTasks, []string{"准备开始"}, []string{"2026-02-01"}, []string{"2026-02-02"}),
			SheetTasks, "准备开始", "与同一轮次“2026-1”的"},
		{"同一组组序号不一致", withColumns(SheetTasks, []string{"组序号"}, []string{"1"}, []string{"3"}),
			SheetTasks, "组序号", "与同一巡察组“第一巡察组”"},
		{"报告结束早于轮次进驻结束", withColumns(SheetTasks, []string{"轮次进驻结束", "报告结束"}, []string{"2026-04-20", "2026-04-01"}),
			SheetTasks, "报告结束", "早于轮次进驻结束"},
		{"轮次序号不是整数", withColumns(SheetTasks, []string{"轮次序号"}, []string{"第一"}),
			SheetTasks, "轮次序号", "1 至 9999 的整数"},
		{"巡察范围类别无效", withColumns(SheetTerms, []string{"巡察范围"}, []string{"C01/机关"}),
			SheetTerms, "巡察范围", "单位类别“机关”无效"},
		{"巡察范围县区不存在", withColumns(SheetTerms, []string{"巡察范围"}, []string{"C01、C99"}),
			SheetTerms, "巡察范围", "县区“C99”不存在"},
		{"锁定无效", withColumns(SheetMembers, []string{"锁定"}, []string{"也许"}),
			SheetMembers, "锁定", "应填 是 或 否"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openDB(t)
			res := mustImport(t, db, Options{}, tc.book.write(t, "book.xlsx"))
			if res.Written {
				t.Fatal("written")
			}
			for _, p := range res.Problems {
				if p.Sheet == tc.sheet && p.Column == tc.col && strings.Contains(p.Message, tc.want) {
					return
				}
			}
			t.Fatalf("problems %v, want %s %s: %q", res.Problems, tc.sheet, tc.col, tc.want)
		})
	}
}

// TestOptionalColumnsImport: the added columns set what they name; blank
// round-level cells and absent columns leave the database as it is.
func TestOptionalColumnsImport(t *testing.T) {
	db := openDB(t)
	book := withColumns(SheetTasks, []string{"整改报告收到日期", "组序号", "轮次序号", "轮次进驻开始", "准备开始", "督查验收日期"},
		[]string{"2026-07-01", "5", "3", "2026-02-25", "2026-02-10", "2026-10-01"})
	book = mergeSheets(book, withColumns(SheetTerms, []string{"巡察范围"}, []string{"C01、国有企业、C02/村社区"}))
	book = mergeSheets(book, withColumns(SheetMembers, []string{"评语", "锁定"}, []string{"熟悉业务", "是"}))
	res := mustImport(t, db, Options{}, book.write(t, "book.xlsx"))
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	var r model.Round
	db.First(&r, "code = ?", "2026-1")
	if r.Number != 3 || r.OnsiteStart != "2026-02-25" || r.OnsiteEnd != "2026-04-20" || r.PrepStart != "2026-02-10" || r.CheckDate != "2026-10-01" {
		t.Errorf("round %+v", r)
	}
	var team model.Team
	db.First(&team, "name = ?", "第一巡察组")
	if team.Seq != 5 || team.OnsiteStart != "2026-03-01" {
		t.Errorf("team %+v: want seq 5 and its own start (the round's is earlier)", team)
	}
	var tu model.Milestone // 整改报告收到日期 of 巡察任务 is the unit's 整改报告收到 milestone
	db.First(&tu, "unit_code = ? AND kind = ?", "U01", "整改报告收到")
	var m model.TeamMember
	db.First(&m, "person_code = ?", "P002")
	if tu.Date != "2026-07-01" || tu.Team != "第一巡察组" || m.Comment != "熟悉业务" || !m.Locked {
		t.Errorf("report milestone %+v, member %+v", tu, m)
	}
	var scopes []model.TermScope
	db.Order("county_code, category").Find(&scopes)
	if got := scopeText(scopes); got != "国有企业、C01、C02/村社区" || len(scopes) != 3 {
		t.Errorf("scope %q (%d rules)", got, len(scopes))
	}

	// The base workbook again, without the columns: what they set stays,
	// but for the round's on-site dates, which are its rows' span again.
	mustImport(t, db, Options{}, baseBook().write(t, "base.xlsx"))
	r, team, tu, m = model.Round{}, model.Team{}, model.Milestone{}, model.TeamMember{}
	db.First(&r, "code = ?", "2026-1")
	db.First(&team, "name = ?", "第一巡察组")
	db.First(&tu, "unit_code = ?", "U01")
	db.First(&m, "person_code = ?", "P002")
	if r.Number != 3 || r.OnsiteStart != "2026-03-01" || r.PrepStart != "2026-02-10" || team.Seq != 5 ||
		tu.Date != "2026-07-01" || m.Comment != "熟悉业务" || !m.Locked {
		t.Errorf("after an import without the columns: round %+v, team %+v, unit %+v, member %+v", r, team, tu, m)
	}
	var kept int64
	if db.Model(&model.TermScope{}).Count(&kept); kept != 3 {
		t.Errorf("%d scope rules left, want 3", kept)
	}
	// An empty 巡察范围 clears it; a blank stage date keeps the round's; a
	// blank 整改报告收到日期 keeps the milestone (the 巡察节点 sheet holds
	// milestones now, and removes none by a blank).
	book = withColumns(SheetTasks, []string{"整改报告收到日期", "准备开始"}, []string{"", ""})
	book = mergeSheets(book, withColumns(SheetTerms, []string{"巡察范围"}, []string{""}))
	mustImport(t, db, Options{}, book.write(t, "clear.xlsx"))
	db.First(&tu, "unit_code = ?", "U01")
	db.First(&r, "code = ?", "2026-1")
	var n int64
	db.Model(&model.TermScope{}).Count(&n)
	if tu.Date != "2026-07-01" || n != 0 || r.PrepStart != "2026-02-10" {
		t.Errorf("after clearing: received %q, %d scope rules, prep %q", tu.Date, n, r.PrepStart)
	}
}

// mergeSheets takes the sheets of b that differ from the base workbook
// into a.
func mergeSheets(a, b sheets) sheets {
	base := baseBook()
	for name, rows := range b {
		if len(rows[0]) != len(base[name][0]) {
			a[name] = rows
		}
	}
	return a
}

func TestScopeText(t *testing.T) {
	for cell, want := range map[string]string{
		"":            "",
		"全部":          "全部",
		"C02、C01，C01": "C01、C02",
		"国有企业 C01/村社区 /县直机关": "县直机关、国有企业、C01/村社区",
		"其他/":      "其他/",
		"C01／事业单位": "C01/事业单位",
	} {
		rules, msg := parseScope(cell)
		if msg != "" {
			t.Errorf("%q: %s", cell, msg)
			continue
		}
		if got := scopeText(rules); got != want {
			t.Errorf("%q reads as %q, want %q", cell, got, want)
		}
		if again, _ := parseScope(want); scopeText(again) != want {
			t.Errorf("%q does not read back", want)
		}
	}
}

// TestProblemsInOnePass: a row with a cell that cannot be read has its
// references checked too, so the clerk sees every problem of the file at
// once, not a second wave after mending the first.
func TestProblemsInOnePass(t *testing.T) {
	book := baseBook().clone()
	// 出生日期 not a date, and 工作关系地 a county that is nowhere.
	book[SheetPeople][1] = []string{"P001", "李四", "男", "1980-13-01", idNum("11010519800101002"), "C99", "C02", "U99", "科长", "四级主任科员", "组长库", "否", "审计、财务", "", ""}
	db := openDB(t)
	res := mustImport(t, db, Options{}, book.write(t, "book.xlsx"))
	var got []string
	for _, p := range res.Problems {
		if p.Sheet == SheetPeople && p.Row == 2 {
			got = append(got, p.Column)
		}
	}
	if strings.Join(got, " ") != "出生日期 工作关系地 现工作单位编码" {
		t.Errorf("row 2 of 人员 reports %v, want 出生日期, 工作关系地 and 现工作单位编码 at once (all: %v)", got, res.Problems)
	}
}

// TestCheckOnly: 仅检查 counts what an import would do and writes
// nothing, even with no problem at all.
func TestCheckOnly(t *testing.T) {
	db := openDB(t)
	res := mustImport(t, db, Options{CheckOnly: true}, baseBook().write(t, "book.xlsx"))
	if res.Written || len(res.Problems) != 0 {
		t.Fatalf("written %v, problems %v", res.Written, res.Problems)
	}
	if len(res.Sheets) == 0 || res.Sheets[0].Added == 0 {
		t.Errorf("no counts: %+v", res.Sheets)
	}
	var n int64
	db.Model(&model.County{}).Count(&n)
	var logged int64
	db.Model(&model.AuditEntry{}).Count(&logged)
	if n != 0 || logged != 0 {
		t.Errorf("仅检查 wrote %d counties, %d audit entries", n, logged)
	}
}
