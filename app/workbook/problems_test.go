package workbook

import (
	"reflect"
	"strings"
	"testing"
)

// wantProblem is a problem a planted case must report: sheet, row and
// column exactly, the message by a part of it.
type wantProblem struct {
	sheet  string
	row    int
	column string
	text   string
}

func (w wantProblem) in(ps []Problem) bool {
	for _, p := range ps {
		if p.Sheet == w.sheet && p.Row == w.row && p.Column == w.column && strings.Contains(p.Message, w.text) {
			return true
		}
	}
	return false
}

// TestImportProblems plants one defect in an otherwise valid workbook and
// checks that it is reported where it is and that nothing is written.
func TestImportProblems(t *testing.T) {
	for _, c := range []struct {
		name  string
		plant func(s sheets) sheets
		want  wantProblem
	}{
		{"人员表缺少必填列姓名", func(s sheets) sheets { return s.dropColumn(SheetPeople, "姓名") },
			wantProblem{SheetPeople, 0, "姓名", "缺少必填列"}},
		{"单位表缺少必填列县区编码", func(s sheets) sheets { return s.dropColumn(SheetUnits, "县区编码") },
			wantProblem{SheetUnits, 0, "县区编码", "缺少必填列"}},
		{"必填单元格为空", func(s sheets) sheets { return s.set(SheetUnits, 3, "单位名称", "") },
			wantProblem{SheetUnits, 3, "单位名称", "不能为空"}},
		{"人员编号重复", func(s sheets) sheets {
			s[SheetPeople] = append(s[SheetPeople], append([]string(nil), s[SheetPeople][1]...))
			return s
		}, wantProblem{SheetPeople, 4, "人员编号", "与人员 第2行重复"}},
		{"单位引用不存在的县区", func(s sheets) sheets { return s.set(SheetUnits, 5, "县区编码", "C99") },
			wantProblem{SheetUnits, 5, "县区编码", "县区“C99”不存在"}},
		{"工作经历引用不存在的单位", func(s sheets) sheets { return s.set(SheetHistory, 2, "单位编码", "U99") },
			wantProblem{SheetHistory, 2, "单位编码", "单位“U99”不存在"}},
		{"亲属关系引用不存在的人员", func(s sheets) sheets { return s.set(SheetRelatives, 3, "亲属人员编号", "P999") },
			wantProblem{SheetRelatives, 3, "亲属人员编号", "人员“P999”不存在"}},
		{"回避申报引用不存在的人员", func(s sheets) sheets { return s.set(SheetDeclarations, 2, "人员编号", "P999") },
			wantProblem{SheetDeclarations, 2, "人员编号", "人员“P999”不存在"}},
		{"巡察任务引用不存在的届期", func(s sheets) sheets { return s.set(SheetTasks, 4, "届期编码", "T9") },
			wantProblem{SheetTasks, 4, "届期编码", "届期“T9”不存在"}},
		{"引用的县区本身有错误", func(s sheets) sheets { return s.set(SheetCounties, 3, "县区名称", "") },
			wantProblem{SheetUnits, 5, "县区编码", "引用的县区“C02”有错误（见 县区 第3行）"}},
		{"出生日期不存在", func(s sheets) sheets { return s.set(SheetPeople, 2, "出生日期", "1980-02-30") },
			wantProblem{SheetPeople, 2, "出生日期", "不存在"}},
		{"日期无法识别", func(s sheets) sheets { return s.set(SheetHistory, 3, "起始日期", "去年") },
			wantProblem{SheetHistory, 3, "起始日期", "不是日期"}},
		{"结束日期早于起始日期", func(s sheets) sheets { return s.set(SheetHistory, 2, "结束日期", "2014-12-31") },
			wantProblem{SheetHistory, 2, "结束日期", "早于开始日期"}},
		{"届期结束早于开始", func(s sheets) sheets { return s.set(SheetTerms, 2, "结束日期", "2020-01-01") },
			wantProblem{SheetTerms, 2, "结束日期", "早于开始日期"}},
		{"身份证校验位错误", func(s sheets) sheets { return s.set(SheetPeople, 2, "身份证号", "110105198001010021") },
			wantProblem{SheetPeople, 2, "身份证号", "校验位错误"}},
		{"班子成员身份证位数不对", func(s sheets) sheets { return s.set(SheetLeaders, 2, "身份证号", "1101051970") },
			wantProblem{SheetLeaders, 2, "身份证号", "应为18位"}},
		{"未知关系词", func(s sheets) sheets { return s.set(SheetRelatives, 2, "关系", "表叔") },
			wantProblem{SheetRelatives, 2, "关系", "“表叔”不是可识别的关系"}},
		{"未知人员库", func(s sheets) sheets { return s.set(SheetPeople, 3, "人员库", "工作人员库、骨干库") },
			wantProblem{SheetPeople, 3, "人员库", "“骨干库”无效"}},
		{"未知专业特长", func(s sheets) sheets { return s.set(SheetPeople, 2, "专业特长", "会计") },
			wantProblem{SheetPeople, 2, "专业特长", "“会计”无效"}},
		{"未知单位类别", func(s sheets) sheets { return s.set(SheetUnits, 2, "单位类别", "机关") },
			wantProblem{SheetUnits, 2, "单位类别", "“机关”无效"}},
		{"未知状态", func(s sheets) sheets { return s.set(SheetPeople, 2, "状态", "退休") },
			wantProblem{SheetPeople, 2, "状态", "“退休”无效"}},
		{"未知角色", func(s sheets) sheets { return s.set(SheetMembers, 2, "角色", "队长") },
			wantProblem{SheetMembers, 2, "角色", "“队长”无效"}},
		{"未知鉴定", func(s sheets) sheets { return s.set(SheetMembers, 2, "鉴定", "良好") },
			wantProblem{SheetMembers, 2, "鉴定", "“良好”无效"}},
		{"未知编组方式", func(s sheets) sheets { return s.set(SheetTasks, 2, "编组方式", "交叉") },
			wantProblem{SheetTasks, 2, "编组方式", "“交叉”无效"}},
		{"未知巡察类型", func(s sheets) sheets { return s.set(SheetTasks, 2, "巡察类型", "普通") },
			wantProblem{SheetTasks, 2, "巡察类型", "“普通”无效"}},
		{"是否字段填了别的", func(s sheets) sheets { return s.set(SheetPeople, 2, "专职", "有") },
			wantProblem{SheetPeople, 2, "专职", "应填 是 或 否"}},
		{"同组单位跨县区", func(s sheets) sheets {
			return s.set(SheetTasks, 3, "被巡察单位编码", "U04").set(SheetTasks, 4, "被巡察单位编码", "U03")
		},
			wantProblem{SheetTasks, 3, "被巡察单位编码", "同一巡察组的单位须在同一县区"}},
		{"单位在同一轮次编入两个组", func(s sheets) sheets { return s.set(SheetTasks, 4, "被巡察单位编码", "U01") },
			wantProblem{SheetTasks, 4, "被巡察单位编码", "一个单位每轮只能由一个巡察组巡察"}},
		{"同一轮次的名称不一致", func(s sheets) sheets { return s.set(SheetTasks, 4, "轮次名称", "第二轮巡察") },
			wantProblem{SheetTasks, 4, "轮次名称", "不一致"}},
		{"同一轮次的届期不一致", func(s sheets) sheets {
			s[SheetTerms] = append(s[SheetTerms], []string{"T2", "", "2016-06-01", "2021-05-31"})
			return s.set(SheetTasks, 3, "届期编码", "T2")
		}, wantProblem{SheetTasks, 3, "届期编码", "不一致"}},
		{"编组记录引用不存在的巡察组", func(s sheets) sheets { return s.set(SheetMembers, 3, "巡察组", "第九巡察组") },
			wantProblem{SheetMembers, 3, "巡察组", "没有巡察组“第九巡察组”"}},
		{"同一人在一轮中编入两个组", func(s sheets) sheets { return s.set(SheetMembers, 3, "人员编号", "P002") },
			wantProblem{SheetMembers, 3, "人员编号", "每人每轮只能编入一个巡察组"}},
		{"上级单位是自己", func(s sheets) sheets { return s.set(SheetUnits, 3, "上级单位编码", "U02") },
			wantProblem{SheetUnits, 3, "上级单位编码", "不能是本单位"}},
		{"上级单位形成循环", func(s sheets) sheets { return s.set(SheetUnits, 3, "上级单位编码", "U03") },
			wantProblem{SheetUnits, 3, "上级单位编码", "循环"}},
		{"上级单位不存在", func(s sheets) sheets { return s.set(SheetUnits, 4, "上级单位编码", "U99") },
			wantProblem{SheetUnits, 4, "上级单位编码", "单位“U99”不存在"}},
		{"列名重复", func(s sheets) sheets {
			s[SheetCounties][0] = append(s[SheetCounties][0], "县区名称")
			return s
		}, wantProblem{SheetCounties, 1, "县区名称", "列名重复"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			before := counts(t, db)
			path := c.plant(baseBook().clone()).write(t, "book.xlsx")
			res := mustImport(t, db, Options{User: "测试"}, path)
			if !c.want.in(res.Problems) {
				t.Errorf("want problem %+v, got %v", c.want, res.Problems)
			}
			if res.Written {
				t.Error("written despite problems")
			}
			if after := counts(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("database changed: before %v, after %v", before, after)
			}
		})
	}
}

// TestImportFileProblems covers inputs that are wrong as files.
func TestImportFileProblems(t *testing.T) {
	noSheet := sheets{"Sheet1": {{"编码", "名称"}, {"a", "b"}}}
	for _, c := range []struct {
		name string
		path func(t *testing.T) string
		want wantProblem
	}{
		{"空的xlsx文件", func(t *testing.T) string { return writeFile(t, "空.xlsx", nil) },
			wantProblem{"空.xlsx", 0, "", "文件为空"}},
		{"空的CSV文件", func(t *testing.T) string { return writeFile(t, "人员.csv", []byte("\r\n")) },
			wantProblem{"人员.csv", 0, "", "文件为空"}},
		{"只有BOM的CSV文件", func(t *testing.T) string { return writeFile(t, "人员.csv", bomUTF8) },
			wantProblem{"人员.csv", 0, "", "没有数据"}},
		{"没有已知工作表", func(t *testing.T) string { return noSheet.write(t, "其他.xlsx") },
			wantProblem{"其他.xlsx", 0, "", "没有可导入的工作表"}},
		{"CSV文件名不是工作表名", func(t *testing.T) string {
			return writeFile(t, "名单.csv", []byte("人员编号,姓名\nP1,张三\n"))
		},
			wantProblem{"名单.csv", 0, "", "不是工作表名"}},
		{"旧版xls", func(t *testing.T) string { return writeFile(t, "旧.xls", append(oleMagic, 0, 0, 0)) },
			wantProblem{"旧.xls", 0, "", "另存为 .xlsx"}},
		{"表头不在第一行", func(t *testing.T) string {
			return sheets{SheetCounties: {{"", ""}, {"县区编码", "县区名称"}, {"C01", "城关区"}}}.write(t, "b.xlsx")
		}, wantProblem{SheetCounties, 2, "", "表头（列名）应在第1行"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			before := counts(t, db)
			res := mustImport(t, db, Options{}, c.path(t))
			if !c.want.in(res.Problems) {
				t.Errorf("want problem %+v, got %v", c.want, res.Problems)
			}
			if after := counts(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("database changed: before %v, after %v", before, after)
			}
		})
	}
}

func TestImportUnreadable(t *testing.T) {
	db := openDB(t)
	if _, err := Import(db, []string{writeFile(t, "坏.xlsx", []byte("this is no zip"))}, Options{}); err == nil {
		t.Error("a corrupt workbook gave no error")
	}
	if _, err := Import(db, []string{"/no/such/file.xlsx"}, Options{}); err == nil {
		t.Error("a missing file gave no error")
	}
}
