package workbook

import (
	"strings"
	"testing"

	"xuncha/model"
)

// The results sheets refuse what SPEC §9.2 forbids, each by sheet, row and
// column, and write nothing.
func TestResultsSheetsProblems(t *testing.T) {
	long := strings.Repeat("问", 501)
	for _, c := range []struct {
		name string
		edit func(sheets) sheets
		want wantProblem
	}{
		{"未知问题编号", func(s sheets) sheets { return s.set(SheetItems, 3, "问题编号", "W999") },
			wantProblem{SheetItems, 3, "问题编号", "问题编号“W999”不存在"}},
		{"已销号而审核未通过", func(s sheets) sheets { return s.set(SheetItems, 2, "审核结果", "退回") },
			wantProblem{SheetItems, 2, "审核结果", "已销号 时审核结果须为 通过"}},
		{"已销号而无审核结果", func(s sheets) sheets { return s.set(SheetItems, 2, "审核结果", "") },
			wantProblem{SheetItems, 2, "审核结果", "已销号 时审核结果须为 通过"}},
		{"已完成而无完成日期", func(s sheets) sheets { return s.set(SheetItems, 3, "状态", "已完成") },
			wantProblem{SheetItems, 3, "完成日期", "须填写完成日期"}},
		{"销号早于完成", func(s sheets) sheets { return s.set(SheetItems, 2, "销号日期", "2026-08-01") },
			wantProblem{SheetItems, 2, "销号日期", "早于完成日期"}},
		{"不可能的日期", func(s sheets) sheets { return s.set(SheetItems, 3, "完成时限", "2026-02-30") },
			wantProblem{SheetItems, 3, "完成时限", ""}},
		{"未知状态", func(s sheets) sheets { return s.set(SheetItems, 3, "状态", "已整改") },
			wantProblem{SheetItems, 3, "状态", "“已整改”无效"}},
		{"未知问题类别", func(s sheets) sheets { return s.set(SheetFindings, 2, "问题类别", "作风问题") },
			wantProblem{SheetFindings, 2, "问题类别", "“作风问题”无效"}},
		{"问题描述超过500字", func(s sheets) sheets { return s.set(SheetFindings, 2, "问题描述", long) },
			wantProblem{SheetFindings, 2, "问题描述", "超过500字"}},
		{"单位不是该组巡察的", func(s sheets) sheets { return s.set(SheetFindings, 2, "单位编码", "U04") },
			wantProblem{SheetFindings, 2, "单位编码", "不是轮次“2026-1”第一巡察组的被巡察单位"}},
		{"没有该组", func(s sheets) sheets { return s.set(SheetFindings, 2, "巡察组", "第九巡察组") },
			wantProblem{SheetFindings, 2, "巡察组", "没有巡察组“第九巡察组”"}},
		{"没有该轮次", func(s sheets) sheets { return s.set(SheetMilestones, 2, "轮次编码", "2030-1") },
			wantProblem{SheetMilestones, 2, "轮次编码", "轮次“2030-1”不存在"}},
		{"未知节点", func(s sheets) sheets { return s.set(SheetMilestones, 3, "节点", "整改") },
			wantProblem{SheetMilestones, 3, "节点", "“整改”无效"}},
		{"单位节点缺巡察组", func(s sheets) sheets { return s.set(SheetMilestones, 4, "巡察组", "") },
			wantProblem{SheetMilestones, 4, "巡察组", "须填写巡察组"}},
		{"未知线索类别", func(s sheets) sheets { return s.set(SheetClues, 2, "线索类别", "贪污") },
			wantProblem{SheetClues, 2, "线索类别", "“贪污”无效"}},
		{"反馈早于移交", func(s sheets) sheets { return s.set(SheetClues, 3, "反馈日期", "2026-06-01") },
			wantProblem{SheetClues, 3, "反馈日期", "早于移交日期"}},
		{"反馈时限早于移交", func(s sheets) sheets { return s.set(SheetClues, 3, "反馈时限", "2026-06-01") },
			wantProblem{SheetClues, 3, "反馈时限", "早于移交日期"}},
		{"人数为负", func(s sheets) sheets { return s.set(SheetClues, 3, "立案人数", "-1") },
			wantProblem{SheetClues, 3, "立案人数", "0 至 9999"}},
		{"重复整改编号", func(s sheets) sheets { return s.set(SheetItems, 3, "整改编号", "Z001") },
			wantProblem{SheetItems, 3, "整改编号", "重复"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			res := mustImport(t, db, Options{}, c.edit(baseBook().clone()).write(t, "b.xlsx"))
			if !c.want.in(res.Problems) {
				t.Fatalf("want %+v in %v", c.want, res.Problems)
			}
			if res.Written {
				t.Error("written despite problems")
			}
			for table, n := range counts(t, db) {
				if n != 0 && table != "meta" {
					t.Errorf("%s has %d rows after a refused import", table, n)
				}
			}
		})
	}
}

// A user who may not review cannot set 审核结果, 审核人 or 销号日期, nor
// close an item, through a workbook; a user without 线索管理 cannot import
// 线索移交.
func TestResultsRights(t *testing.T) {
	db := openDB(t)
	res := mustImport(t, db, Options{NoReview: true, NoClues: true}, baseBook().write(t, "b.xlsx"))
	for _, w := range []wantProblem{
		{SheetItems, 2, "审核结果", "只能由管理员或领导办理"},
		{SheetClues, 0, "", "没有“线索管理”权限"},
	} {
		if !w.in(res.Problems) {
			t.Errorf("want %+v in %v", w, res.Problems)
		}
	}
	// The office's own import (with the rights) writes everything; the
	// same file again by a clerk changes nothing and is accepted, since
	// it sets nothing new in the review columns.
	if res := mustImport(t, db, Options{}, baseBook().write(t, "b.xlsx")); len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	b := baseBook().clone()
	delete(b, SheetClues)
	if res := mustImport(t, db, Options{NoReview: true, NoClues: true}, b.write(t, "c.xlsx")); len(res.Problems) > 0 {
		t.Errorf("unchanged review columns refused: %v", res.Problems)
	}
	b.set(SheetItems, 3, "审核结果", "退回")
	if res := mustImport(t, db, Options{NoReview: true}, b.write(t, "d.xlsx")); !(wantProblem{SheetItems, 3, "审核结果", "只能由管理员或领导办理"}).in(res.Problems) {
		t.Errorf("a changed 审核结果 accepted from a clerk: %v", res.Problems)
	}
}

// Each rule gets its value: counts blank as 0, 立行立改, a clue without
// 反馈时限 stays without one (the ledger computes the default).
func TestResultsValues(t *testing.T) {
	db := openDB(t)
	if res := mustImport(t, db, Options{}, baseBook().write(t, "b.xlsx")); len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	var c model.Clue
	db.First(&c, "code = ?", "X001")
	if c.FeedbackDue != "" || c.Opened != 0 || c.Team != "第一巡察组" {
		t.Errorf("X001 = %+v", c)
	}
	var it model.RectifyItem
	db.First(&it, "code = ?", "Z002")
	if it.Due != "2026-09-30" || it.State != "整改中" || it.Note != "按月推进" {
		t.Errorf("Z002 = %+v", it)
	}
	var z3 model.RectifyItem
	db.First(&z3, "code = ?", "Z003")
	if it = z3; it.State != "未启动" {
		t.Errorf("blank 状态 = %q, want 未启动", it.State)
	}
	var m model.Milestone
	db.First(&m, "kind = ?", "巡察报告审核")
	if m.Team != "" || m.UnitCode != "" || m.Recorder != "王主任" {
		t.Errorf("round milestone = %+v", m)
	}
}
