package workbook

import (
	"strings"
	"testing"

	"xuncha/model"
)

// TestPeopleSheetsProblems: each wrong cell of the new sheets and columns
// is reported on its sheet, row and column, and nothing is written.
func TestPeopleSheetsProblems(t *testing.T) {
	cases := []struct {
		name          string
		edit          func(s sheets) sheets
		sheet, column string
		msg           string
	}{
		{"关系词不在列表中", func(s sheets) sheets { return s.set(SheetTies, 2, "关系", "老乡") }, SheetTies, "关系", "应为：曾上下级"},
		{"关系人是本人（人员编号）", func(s sheets) sheets { return s.set(SheetTies, 3, "关系人人员编号", "P002") }, SheetTies, "关系人人员编号", msgOwnTie},
		{"关系人是本人（身份证号）", func(s sheets) sheets {
			return s.set(SheetTies, 2, "关系人身份证号", idNum("11010519800101002")).set(SheetTies, 2, "关系人工作单位编码", "")
		}, SheetTies, "关系人身份证号", msgOwnTie},
		{"关系人单位不存在", func(s sheets) sheets { return s.set(SheetTies, 2, "关系人工作单位编码", "U99") }, SheetTies, "关系人工作单位编码", "不存在"},
		{"结束日期无效", func(s sheets) sheets { return s.set(SheetTies, 2, "结束日期", "2022-13-01") }, SheetTies, "结束日期", ""},
		{"学时不是数字", func(s sheets) sheets { return s.set(SheetTrainings, 2, "学时", "三天") }, SheetTrainings, "学时", "最多一位小数"},
		{"学时两位小数", func(s sheets) sheets { return s.set(SheetTrainings, 2, "学时", "2.25") }, SheetTrainings, "学时", "最多一位小数"},
		{"学时为负", func(s sheets) sheets { return s.set(SheetTrainings, 2, "学时", "-1") }, SheetTrainings, "学时", ""},
		{"培训结束早于开始", func(s sheets) sheets { return s.set(SheetTrainings, 2, "结束日期", "2025-03-01") }, SheetTrainings, "结束日期", "早于开始日期"},
		{"培训人员不存在", func(s sheets) sheets { return s.set(SheetTrainings, 3, "人员编号", "P404") }, SheetTrainings, "人员编号", "不存在"},
		{"推荐单位不存在", func(s sheets) sheets {
			s[SheetPeople][0] = append(s[SheetPeople][0], "推荐单位编码")
			s[SheetPeople][1] = append(s[SheetPeople][1], "U99")
			s[SheetPeople][2] = append(s[SheetPeople][2], "")
			return s
		}, SheetPeople, "推荐单位编码", "不存在"},
		{"不予回避缺处理人", func(s sheets) sheets { return declHandling(s, "不予回避", "", "已核实") }, SheetDeclarations, "处理人", "须填写处理人"},
		{"不予回避缺处理理由", func(s sheets) sheets { return declHandling(s, "不予回避", "王主任", "") }, SheetDeclarations, "处理理由", "须填写处理理由"},
		{"处理为空却有处理人", func(s sheets) sheets { return declHandling(s, "", "王主任", "") }, SheetDeclarations, "处理", "处理却为空"},
		{"处理词无效", func(s sheets) sheets { return declHandling(s, "同意回避", "王主任", "x") }, SheetDeclarations, "处理", "应为：不予回避"},
		{"来源词无效", func(s sheets) sheets {
			s[SheetDeclarations][0] = append(s[SheetDeclarations][0], "来源")
			s[SheetDeclarations][1] = append(s[SheetDeclarations][1], "群众举报")
			return s
		}, SheetDeclarations, "来源", "应为：本人申报"},
		{"鉴定状态无效", func(s sheets) sheets {
			s[SheetMembers][0] = append(s[SheetMembers][0], "鉴定状态")
			s[SheetMembers][1] = append(s[SheetMembers][1], "已定")
			s[SheetMembers][2] = append(s[SheetMembers][2], "")
			return s
		}, SheetMembers, "鉴定状态", "应为：拟定、确定"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openDB(t)
			res := mustImport(t, db, Options{}, tc.edit(baseBook().clone()).write(t, "b.xlsx"))
			if res.Written {
				t.Fatal("a workbook with a problem was written")
			}
			found := false
			for _, p := range res.Problems {
				if p.Sheet == tc.sheet && p.Column == tc.column && strings.Contains(p.Message, tc.msg) {
					found = true
				}
			}
			if !found {
				t.Fatalf("no problem on %s %s containing %q: %v", tc.sheet, tc.column, tc.msg, res.Problems)
			}
		})
	}
}

// declHandling gives the one row of 回避申报 the handling columns.
func declHandling(s sheets, handling, handler, reason string) sheets {
	s[SheetDeclarations][0] = append(s[SheetDeclarations][0], "处理", "处理人", "处理理由")
	s[SheetDeclarations][1] = append(s[SheetDeclarations][1], handling, handler, reason)
	return s
}

// TestPeopleSheetsImport: the new columns and sheets land where they
// belong; a 编组记录 grade without a state is 确定, a 拟定 one stays so.
func TestPeopleSheetsImport(t *testing.T) {
	s := baseBook().clone()
	s[SheetPeople][0] = append(s[SheetPeople][0], "推荐单位编码", "入库日期", "状态原因")
	s[SheetPeople][1] = append(s[SheetPeople][1], "U01", "2020/3/1", "")
	s[SheetPeople][2] = append(s[SheetPeople][2], "", "", "")
	s = declHandling(s, "不予回避", "王主任", "经核实已不在该局")
	s[SheetMembers] = [][]string{
		{"轮次编码", "巡察组", "人员编号", "角色", "鉴定", "鉴定状态"},
		{"2026-1", "第一巡察组", "P002", "组长", "优秀", ""},
		{"2026-1", "第二巡察组", "P001", "成员", "称职", "拟定"},
	}
	db := openDB(t)
	res := mustImport(t, db, Options{User: "小王"}, s.write(t, "b.xlsx"))
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var p model.Person
	db.First(&p, "code = ?", "P001")
	if deref(p.RecommendUnitCode) != "U01" || p.JoinedOn != "2020-03-01" {
		t.Errorf("P001 = %+v", p)
	}
	var d model.Declaration
	db.First(&d, "person_code = ?", "P002")
	if d.Handling != "不予回避" || d.Handler != "王主任" || d.HandlingReason != "经核实已不在该局" || d.Source != "" {
		t.Errorf("declaration = %+v", d)
	}
	var ms []model.TeamMember
	db.Order("person_code").Find(&ms)
	if len(ms) != 2 || ms[0].EvalState != "拟定" || ms[0].Evaluation != "称职" || ms[1].EvalState != "确定" {
		t.Errorf("members = %+v", ms)
	}
	var tie model.Tie
	db.First(&tie, "person_code = ?", "P001")
	if tie.Relation != "曾上下级" || tie.EndDate != "2022-06-30" || !tie.IsUnitLeadership || deref(tie.UnitCode) != "U01" {
		t.Errorf("tie = %+v", tie)
	}
	var tr model.Training
	db.First(&tr, "person_code = ?", "P002")
	if tr.Hours != 2.5 || tr.EndDate != "" {
		t.Errorf("training = %+v", tr)
	}
}

// TestImportStatusHistory: an import records the first status of every new
// person and every change of status, with the 状态原因, the user and the
// day, in the import's transaction; an unchanged status records nothing.
func TestImportStatusHistory(t *testing.T) {
	db := openDB(t)
	mustImport(t, db, Options{User: "小王"}, baseBook().write(t, "a.xlsx"))
	var hs []model.StatusChange
	db.Order("person_code").Find(&hs)
	if len(hs) != 2 || hs[0].PersonCode != "P001" || hs[0].Old != "" || hs[0].New != "在库" || hs[0].User != "小王" ||
		hs[0].Source != "导入" || len(hs[0].Date) != 10 || len(hs[0].At) != 19 {
		t.Fatalf("history after the first import: %+v", hs)
	}
	s := baseBook().clone()
	s[SheetPeople][0] = append(s[SheetPeople][0], "状态原因")
	s[SheetPeople][1] = append(s[SheetPeople][1], "借调外地一年")
	s[SheetPeople][2] = append(s[SheetPeople][2], "")
	s.set(SheetPeople, 2, "状态", "暂停")
	res := mustImport(t, db, Options{User: "小李"}, s.write(t, "b.xlsx"))
	if len(res.Problems) > 0 || !res.Written {
		t.Fatalf("second import: %v", res.Problems)
	}
	hs = nil
	db.Order("id").Find(&hs)
	if len(hs) != 3 {
		t.Fatalf("history: %+v", hs)
	}
	if h := hs[2]; h.PersonCode != "P001" || h.Old != "在库" || h.New != "暂停" || h.Reason != "借调外地一年" || h.User != "小李" {
		t.Errorf("the change: %+v", h)
	}
	// a workbook with a problem records nothing
	bad := s.clone().set(SheetPeople, 2, "状态", "出库").set(SheetPeople, 3, "工作关系地", "C99")
	if res := mustImport(t, db, Options{User: "小李"}, bad.write(t, "c.xlsx")); res.Written {
		t.Fatal("a bad workbook was written")
	}
	var n int64
	db.Model(&model.StatusChange{}).Count(&n)
	if n != 3 {
		t.Errorf("%d history rows after a refused import", n)
	}
}
