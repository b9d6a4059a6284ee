package audit

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantLog writes six entries over three days by two users.
func plantLog(t *testing.T) *gorm.DB {
	t.Helper()
	db := testworld.DB(t)
	day := func(d, h int) clock {
		return func() time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.Local) }
	}
	entries := []struct {
		at clock
		e  Entry
	}{
		{day(1, 9), Entry{User: "小李", Action: "导入", Entity: "人员", Key: "book.xlsx"}},
		{day(1, 23), Entry{User: "小李", Action: "修改", Entity: "人员", Key: "P001", Before: `{"姓名":"甲"}`, After: `{"姓名":"乙"}`}},
		{day(2, 0), Entry{User: "王主任", Action: "设置", Entity: "设置", Key: "recusal"}},
		{day(2, 10), Entry{User: "小李", Action: "修改", Entity: "单位", Key: "U01_%"}},
		{day(3, 8), Entry{User: "王主任", Action: "恢复", Entity: "数据库", Key: "xuncha-20260302.db"}},
		{day(3, 9), Entry{User: "小李", Action: "修改", Entity: "人员", Key: "P002", After: strings.Repeat("长", maxCell+10)}},
	}
	for _, x := range entries {
		if err := record(db, x.e, x.at); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestQueryFilters(t *testing.T) {
	db := plantLog(t)
	cases := []struct {
		name  string
		f     Filter
		total int64
		ids   []uint
	}{
		{"全部，新的在前", Filter{}, 6, []uint{6, 5, 4, 3, 2, 1}},
		{"按用户", Filter{User: "王主任"}, 2, []uint{5, 3}},
		{"按操作与对象", Filter{Action: "修改", Entity: "人员"}, 2, []uint{6, 2}},
		{"编码包含，百分号按字面", Filter{Key: "_%"}, 1, []uint{4}},
		{"编码包含", Filter{Key: "P00"}, 2, []uint{6, 2}},
		{"日期范围含当天最后一刻", Filter{From: "2026-03-01", To: "2026-03-01"}, 2, []uint{2, 1}},
		{"起始日期", Filter{From: "2026-03-02"}, 4, []uint{6, 5, 4, 3}},
		{"分页", Filter{Limit: 2, Offset: 2}, 6, []uint{4, 3}},
		{"无匹配", Filter{User: "无此人"}, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Query(db, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []uint
			for _, e := range p.Entries {
				ids = append(ids, e.ID)
			}
			if p.Total != c.total || !slices.Equal(ids, c.ids) {
				t.Fatalf("total %d ids %v, want %d %v", p.Total, ids, c.total, c.ids)
			}
		})
	}
}

func TestQueryBadDates(t *testing.T) {
	db := plantLog(t)
	for _, f := range []Filter{{From: "2026/3/1"}, {To: "昨天"}, {From: "2026-03-02", To: "2026-03-01"}} {
		if _, err := Query(db, f); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
}

func TestFacets(t *testing.T) {
	f, err := ListFacets(plantLog(t))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(f.Users, ",") + "|" + strings.Join(f.Actions, ",") + "|" + strings.Join(f.Entities, ",")
	if got != "小李,王主任|修改,导入,恢复,设置|人员,单位,数据库,设置" {
		t.Fatalf("facets %s", got)
	}
}

func TestExport(t *testing.T) {
	db := plantLog(t)
	db.Model(&model.AuditEntry{}).Where("id = 3").Update("user", "冒名")
	path := filepath.Join(t.TempDir(), "审计.xlsx")
	n, err := Export(db, Filter{User: "小李"}, path)
	if err != nil || n != 4 {
		t.Fatalf("exported %d: %v", n, err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("审计日志")
	if len(rows) != 5 || rows[0][1] != "时间" || rows[0][6] != "变更" || rows[1][0] != "1" || rows[1][3] != "导入" {
		t.Fatalf("log sheet: %d rows, first %v", len(rows), rows[:2])
	}
	if last := rows[4][8]; !strings.HasSuffix(last, "…（已截断，共 32777 字）") || len([]rune(last)) != maxCell {
		t.Fatalf("long cell not clipped: %d runes", len([]rune(last)))
	}
	check, _ := x.GetRows("完整性校验")
	if !strings.Contains(check[0][1], "1 处异常") || check[2][0] != "3" {
		t.Fatalf("verify sheet: %v", check)
	}
}
