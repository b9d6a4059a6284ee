package workbook

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"xuncha/app/vocab"
	"xuncha/model"
)

// oldTasksBook is a workbook of before Part II: the 巡察任务 sheet without
// the columns of §8, its 巡察类型 holding an 组织方式 (交叉, 联动).
func oldTasksBook() sheets {
	b := baseBook().clone().dropColumn(SheetTasks, "组织方式").dropColumn(SheetTasks, "巡审联动单位编码").
		dropColumn(SheetTasks, "巡审联动单位类别").dropColumn(SheetTasks, "联动轮次")
	b.set(SheetTasks, 2, "巡察类型", "交叉")
	b[SheetTasks] = append(b[SheetTasks], []string{"T1", "2026-2", "第二轮巡察", "联动", "本县", "第一巡察组", "U03", "2026-05-01", "2026-05-20"})
	delete(b, SheetPlan)
	return b
}

// SPEC §8.1: an old workbook whose 巡察类型 is 交叉 imports with 组织方式
// 交叉 and 巡察类型 常规 (联动 is 上下联动), and again unchanged.
func TestOldKindWorkbook(t *testing.T) {
	for _, ext := range []string{"xlsx", "csv"} {
		t.Run(ext, func(t *testing.T) {
			db := openDB(t)
			book := oldTasksBook()
			paths := []string{book.write(t, "old.xlsx")}
			if ext == "csv" {
				paths = book.writeCSV(t)
			}
			res := mustImport(t, db, Options{User: "测试"}, paths...)
			if len(res.Problems) > 0 || !res.Written {
				t.Fatalf("problems %v written %v", res.Problems, res.Written)
			}
			var rs []model.Round
			db.Order("code").Find(&rs)
			if len(rs) != 2 || rs[0].Type != vocab.KindRegular || rs[0].Level != vocab.LevelCross ||
				rs[1].Type != vocab.KindRegular || rs[1].Level != vocab.LevelLinked {
				t.Fatalf("rounds %+v", rs)
			}
			res = mustImport(t, db, Options{User: "测试"}, paths...)
			if res.Written || len(res.Problems) > 0 {
				t.Errorf("again: written %v problems %v", res.Written, res.Problems)
			}
		})
	}
}

// writeCSV writes every sheet as a CSV named for it, in UTF-8.
func (s sheets) writeCSV(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for name, rows := range s {
		var b []byte
		for _, r := range rows {
			for j, c := range r {
				if j > 0 {
					b = append(b, ',')
				}
				b = append(b, c...)
			}
			b = append(b, '\n')
		}
		p := filepath.Join(dir, name+".csv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// The rows of Part II that must be refused, each where it is.
func TestCityProblems(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(b sheets)
		want wantProblem
	}{
		{"级别无效", func(b sheets) { b.set(SheetCounties, 2, "级别", "省级") }, wantProblem{SheetCounties, 2, "级别", "“省级”无效"}},
		{"重点等级无效", func(b sheets) { b.set(SheetUnits, 2, "重点等级", "D") }, wantProblem{SheetUnits, 2, "重点等级", "重点等级“D”无效"}},
		{"领域过多", func(b sheets) {
			b.set(SheetUnits, 2, "领域", "一、二、三、四、五、六、七、八、九、十、十一、十二、十三、十四、十五、十六、十七")
		},
			wantProblem{SheetUnits, 2, "领域", "领域最多 16 个"}},
		{"组织方式无效", func(b sheets) { b.set(SheetTasks, 2, "组织方式", "随机") }, wantProblem{SheetTasks, 2, "组织方式", "“随机”无效"}},
		{"旧类型与组织方式矛盾", func(b sheets) {
			b.set(SheetTasks, 2, "巡察类型", "交叉").set(SheetTasks, 2, "组织方式", "提级")
		},
			wantProblem{SheetTasks, 2, "组织方式", "与组织方式“提级”不一致"}},
		{"同一轮次组织方式不一致", func(b sheets) { b.set(SheetTasks, 3, "组织方式", "交叉") }, wantProblem{SheetTasks, 3, "组织方式", "不一致"}},
		{"联动轮次不存在", func(b sheets) { b.set(SheetTasks, 2, "联动轮次", "2030-9") }, wantProblem{SheetTasks, 2, "联动轮次", "轮次“2030-9”不存在"}},
		{"联动轮次是本轮", func(b sheets) { b.set(SheetTasks, 2, "联动轮次", "2026-1") }, wantProblem{SheetTasks, 2, "联动轮次", "不能是本轮次"}},
		{"巡审联动单位不存在", func(b sheets) { b.set(SheetTasks, 2, "巡审联动单位编码", "U99") }, wantProblem{SheetTasks, 2, "巡审联动单位编码", "U99"}},
		{"巡审联动类别无效", func(b sheets) { b.set(SheetTasks, 2, "巡审联动单位类别", "部委") }, wantProblem{SheetTasks, 2, "巡审联动单位类别", "“部委”无效"}},
		{"计划年度超出届期", func(b sheets) { b.set(SheetPlan, 2, "计划年度", "2027") }, wantProblem{SheetPlan, 2, "计划年度", "2027 年不在届期“T1”（2021—2026年）之内"}},
		{"计划年度不是年份", func(b sheets) { b.set(SheetPlan, 2, "计划年度", "明年") }, wantProblem{SheetPlan, 2, "计划年度", "不是有效的年度"}},
		{"计划轮次无效", func(b sheets) { b.set(SheetPlan, 2, "计划轮次", "第一百轮") }, wantProblem{SheetPlan, 2, "计划轮次", "不是有效的轮次"}},
		{"计划单位不存在", func(b sheets) { b.set(SheetPlan, 2, "单位编码", "U99") }, wantProblem{SheetPlan, 2, "单位编码", "U99"}},
		{"计划重复", func(b sheets) { b.set(SheetPlan, 3, "单位编码", "U01") }, wantProblem{SheetPlan, 3, "单位编码", "重复"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			b := baseBook().clone()
			c.edit(b)
			res := mustImport(t, db, Options{User: "测试"}, b.write(t, "b.xlsx"))
			if res.Written {
				t.Error("a workbook with a problem was written")
			}
			if !c.want.in(res.Problems) {
				t.Errorf("want %+v in %v", c.want, res.Problems)
			}
		})
	}
}

// 联动轮次 named on one side of a file hold both ways once imported, and
// the export writes both sides, which import again unchanged.
func TestImportLinks(t *testing.T) {
	db := openDB(t)
	b := baseBook().clone()
	b[SheetTasks] = append(b[SheetTasks],
		[]string{"T1", "2026-C", "市本级联动巡察", "常规", "混合编组", "市一组", "U03", "2026-03-01", "2026-04-15", "上下联动", "", "", "2026-1"})
	if res := mustImport(t, db, Options{User: "测试"}, b.write(t, "b.xlsx")); len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	var rs []model.Round
	db.Order("code").Find(&rs)
	if len(rs) != 2 || rs[0].Links != "2026-C" || rs[1].Links != "2026-1" {
		t.Fatalf("links %+v", rs)
	}
	out := filepath.Join(t.TempDir(), "all.xlsx")
	if err := ExportAll(db, out); err != nil {
		t.Fatal(err)
	}
	if res := mustImport(t, db, Options{User: "测试"}, out); res.Written || len(res.Problems) > 0 {
		t.Errorf("re-import: written %v problems %v", res.Written, res.Problems)
	}
}

func TestParseRoundNo(t *testing.T) {
	for s, want := range map[string]int{"": 0, "2": 2, "第2轮": 2, "第二轮": 2, "十": 10, "第十一轮": 11, "二十": 20, "九十九": 99, "2.0": 2} {
		if got, ok := parseRoundNo(s); !ok || got != want {
			t.Errorf("%q: %d %v, want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"0", "100", "第零轮", "一百", "十十", "abc", "二十十"} {
		if n, ok := parseRoundNo(s); ok {
			t.Errorf("%q read as %d", s, n)
		}
	}
}

// FuzzParseRoundNo: a 计划轮次 cell is refused or read as 0 to 99, and
// the number written back reads the same.
func FuzzParseRoundNo(f *testing.F) {
	for _, s := range []string{"2", "第二轮", "第十一轮", "九十九", "一百", "第零轮", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := parseRoundNo(s)
		if !ok {
			return
		}
		if n < 0 || n > 99 {
			t.Fatalf("%q read as %d", s, n)
		}
		if n > 0 {
			if m, ok := parseRoundNo(strconv.Itoa(n)); !ok || m != n {
				t.Fatalf("%d reads back as %d %v", n, m, ok)
			}
		}
	})
}
