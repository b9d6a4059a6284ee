package workbook

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"xuncha/app/fieldrule"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// sheets is a workbook as a test writes it: sheet name → rows, header
// first.
type sheets map[string][][]string

// idNum completes 17 digits with their check character.
func idNum(first17 string) string {
	c, _ := fieldrule.CheckDigit(first17)
	return first17 + string(c)
}

// baseBook is a small valid workbook touching every sheet: two counties, a
// township with a village under it, people with history, a relative, a
// declaration, a term with a round of two teams, and their members.
func baseBook() sheets {
	return sheets{
		SheetCounties: {
			{"县区编码*", "县区名称*", "级别"},
			{"C01", "城关区", ""},
			{"C02", "东城区", "县区"},
		},
		SheetUnits: {
			{"单位编码*", "单位名称*", "县区编码*", "单位类别*", "上级单位编码", "领域", "重点等级"},
			{"U01", "城关区财政局", "C01", "县直机关", "", "财政，审计", "a"},
			{"U02", "城关镇", "C01", "乡镇街道", "", "", ""},
			{"U03", "城关镇东村", "C01", "村社区", "U02", "乡村振兴", ""},
			{"U04", "东城区审计局", "C02", "县直机关", "", "审计", "B"},
		},
		SheetLeaders: {
			{"单位编码", "姓名", "职务", "身份证号"},
			{"U01", "张三", "局长", idNum("11010519700101001")},
			{"U04", "赵六", "局长", ""},
		},
		SheetPeople: {
			{"人员编号", "姓名", "性别", "出生日期", "身份证号", "工作关系地", "籍贯", "现工作单位编码", "职务", "职级", "人员库", "专职", "专业特长", "状态", "新提拔日期"},
			{"P001", "李四", "男", "1980-01-01", idNum("11010519800101002"), "C01", "C02", "U01", "科长", "四级主任科员", "组长库", "否", "审计、财务", "", "2025/6/1"},
			{"P002", "王五", "女", "1985年3月8日", "", "C02", "", "U04", "", "", "工作人员库、专业人员库", "是", "法律", "在库", ""},
		},
		SheetHistory: {
			{"人员编号", "单位编码", "起始日期", "结束日期"},
			{"P001", "U02", "2015-01-01", "2020-12-31"},
			{"P001", "U01", "2021-01-01", ""},
		},
		SheetRelatives: {
			{"人员编号", "亲属姓名", "关系", "亲属身份证号", "亲属人员编号", "亲属工作单位编码", "亲属职务", "是否班子成员"},
			{"P001", "李小四", "妻子", "", "", "U04", "科员", "否"},
			{"P002", "王大五", "哥哥", "", "P001", "", "", ""},
		},
		SheetDeclarations: {
			{"人员编号", "单位编码", "事由"},
			{"P002", "U01", "曾在该局借调"},
		},
		SheetTerms: {
			{"届期编码", "届期名称", "开始日期", "结束日期"},
			{"T1", "第十届", "2021-06-01", "2026-05-31"},
		},
		SheetTasks: {
			{"届期编码", "轮次编码", "轮次名称", "巡察类型", "编组方式", "巡察组", "被巡察单位编码", "进驻开始", "进驻结束", "组织方式", "巡审联动单位编码", "巡审联动单位类别", "联动轮次"},
			{"T1", "2026-1", "第一轮巡察", "常规", "混合编组", "第一巡察组", "U01", "2026-03-01", "2026-04-15", "巡审联动", "", "国有企业", ""},
			{"T1", "2026-1", "", "", "", "第一巡察组", "U02", "2026-03-01", "2026-04-20", "", "", "", ""},
			{"T1", "2026-1", "", "", "", "第二巡察组", "U04", "2026-03-05", "2026-04-10", "", "", "", ""},
		},
		SheetMembers: {
			{"轮次编码", "巡察组", "人员编号", "角色", "鉴定"},
			{"2026-1", "第一巡察组", "P002", "组长", "优秀"},
			{"2026-1", "第二巡察组", "P001", "成员", ""},
		},
		SheetTies: {
			{"人员编号", "关系人姓名", "关系", "关系人身份证号", "关系人人员编号", "关系人工作单位编码", "关系人职务", "是否班子成员", "结束日期"},
			{"P001", "张三", "曾上下级", idNum("11010519700101001"), "", "U01", "局长", "是", "2022/6/30"},
			{"P002", "李四", "同学", "", "P001", "", "", "", ""},
		},
		SheetTrainings: {
			{"人员编号", "培训名称", "开始日期", "结束日期", "学时"},
			{"P001", "2025年巡察干部培训班", "2025-04-01", "2025-04-03", "24"},
			{"P002", "巡察业务网络培训", "2024-09-10", "", "2.5"},
		},
		SheetMilestones: {
			{"轮次编码", "巡察组", "节点", "日期", "记录人", "单位编码"},
			{"2026-1", "", "巡察报告审核", "2026-05-10", "王主任", ""},
			{"2026-1", "第一巡察组", "反馈", "2026-05-31", "王主任", ""},
			{"2026-1", "第一巡察组", "履职情况报告收到", "2026-07-30", "小李", "U01"},
		},
		SheetFindings: {
			{"问题编号", "轮次编码", "巡察组", "单位编码", "问题类别", "问题描述", "发现日期", "立行立改"},
			{"W001", "2026-1", "第一巡察组", "U01", "党的建设缺失", "“三会一课”落实不到位", "2026-04-01", "否"},
			{"W002", "2026-1", "第二巡察组", "U04", "其他", "公务接待超标准", "", "是"},
		},
		SheetItems: {
			{"整改编号", "问题编号", "整改措施", "责任部门", "责任人", "完成时限", "状态", "完成日期", "审核结果", "审核人", "销号日期", "备注"},
			{"Z001", "W001", "建立会议记录制度", "办公室", "张三", "2026-08-31", "已销号", "2026-08-20", "通过", "王主任", "2026-09-01", ""},
			{"Z002", "W001", "开展专题学习", "党建办", "", "2026/9/30", "整改中", "", "", "", "", "按月推进"},
			{"Z003", "W002", "清退超标费用", "财务科", "", "2026-07-31", "", "", "", "", "", ""},
		},
		SheetClues: {
			{"线索编号", "轮次编码", "巡察组", "单位编码", "线索类别", "涉及人员级别", "移交对象", "移交日期", "反馈时限", "反馈日期", "处置结果", "立案人数", "处分人数", "移送司法人数"},
			{"X001", "2026-1", "第一巡察组", "U01", "违纪违法", "乡科级", "纪委监委", "2026-06-05", "", "", "", "", "", ""},
			{"X002", "2026-1", "第二巡察组", "U04", "作风问题", "一般干部", "纪委监委", "2026-06-05", "2026-08-05", "2026-07-20", "立案审查", "1", "1", "0"},
		},
		SheetPlan: {
			{"届期编码", "单位编码", "计划年度", "计划轮次", "备注"},
			{"T1", "U01", "2026", "第一轮", ""},
			{"T1", "U03", "2025年", "", "村级，随乡镇一并巡察"},
		},
	}
}

// clone copies a workbook so a case can change it.
func (s sheets) clone() sheets {
	out := make(sheets, len(s))
	for k, rows := range s {
		for _, r := range rows {
			out[k] = append(out[k], append([]string(nil), r...))
		}
	}
	return out
}

// set changes one cell: row is the spreadsheet row (header = 1), col the
// column's name.
func (s sheets) set(sheet string, row int, col, v string) sheets {
	s[sheet][row-1][colIndex(s[sheet][0], col)] = v
	return s
}

// dropColumn removes a column from a sheet.
func (s sheets) dropColumn(sheet, col string) sheets {
	i := colIndex(s[sheet][0], col)
	for r, row := range s[sheet] {
		s[sheet][r] = append(row[:i:i], row[i+1:]...)
	}
	return s
}

func colIndex(header []string, col string) int {
	for i, h := range header {
		if headerName(h) == col {
			return i
		}
	}
	panic("no column " + col)
}

// write saves the workbook as an xlsx in a temp dir and returns its path.
func (s sheets) write(t testing.TB, name string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	names := make([]string, 0, len(s))
	for k := range s {
		names = append(names, k)
	}
	sort.Strings(names)
	for i, n := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", n); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(n); err != nil {
			t.Fatal(err)
		}
		for r, row := range s[n] {
			cells := make([]any, len(row))
			for j, v := range row {
				cells[j] = v
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(n, cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeFile writes bytes to a file of that name in a temp dir.
func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// openDB opens an empty in-memory database (a database on the test
// server when the suite runs against PostgreSQL: XUNCHA_TEST_DB=postgres).
func openDB(t testing.TB) *gorm.DB {
	t.Helper()
	return testworld.DB(t)
}

// counts counts the rows of every table.
func counts(t testing.TB, db *gorm.DB) map[string]int64 {
	t.Helper()
	out := make(map[string]int64)
	for _, m := range model.All() {
		var n int64
		if err := db.Model(m).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			t.Fatal(err)
		}
		out[stmt.Schema.Table] = n
	}
	return out
}

// mustImport imports paths and fails the test on an error.
func mustImport(t testing.TB, db *gorm.DB, opt Options, paths ...string) *Result {
	t.Helper()
	res, err := Import(db, paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// summary finds a sheet's summary in a result.
func summary(res *Result, sheet string) SheetSummary {
	for _, s := range res.Sheets {
		if s.Sheet == sheet {
			return s
		}
	}
	return SheetSummary{Sheet: sheet}
}
