package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"xuncha/app/calendar"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// A tap on a county's bar lists its units with where each stands; a unit
// on a team opens that team in 编组; so does a team of 组配备.
func TestOverviewDrillDown(t *testing.T) {
	svc, w := calendarWorld(t)
	m := deskWindow(t, svc, w)
	o := m.views[0].(*overviewScreen)
	o.clock = fixedClock(calToday)
	o.reload()
	// 城关区 is the first county: U01, U02 covered (2025-1), U0201 open.
	test.TapAt(o.byCounty, fyne.NewPos(150, barTop(o.byCounty)+5))
	d := o.units
	if d == nil || !strings.HasPrefix(d.title, "县区：城关区") {
		t.Fatalf("no units of 城关区: %+v", d)
	}
	var got []string
	for _, r := range d.list.data {
		got = append(got, r[0]+":"+r[4])
	}
	if strings.Join(got, " ") != "U01:已覆盖 U02:已覆盖 U0201:未安排" {
		t.Fatalf("units of 城关区: %v", got)
	}
	// Double-click U01: its team of 2025-1 in 编组.
	tableCell(d.list.table, 0, 1).OnDoubleTapped()
	a, ok := m.views[m.cur].(*assignScreen)
	if !ok || a.roundCode() != "2025-1" || a.cur != "第一巡察组" {
		t.Fatalf("编组 shows %v %q %q", ok, a.roundCode(), a.cur)
	}
	goTo(t, m, "总览")
	o.teams.selectKey(o.teams.key(0))
	o.teams.open()
	if a.roundCode() != "2026-1" || a.cur != "第一巡察组" || m.screens[m.cur].title != "编组" {
		t.Errorf("组配备 opened %s %s on %s", a.roundCode(), a.cur, m.screens[m.cur].title)
	}
}

// A tap on a 领域's bar lists the units of that 领域 (a unit of two 领域
// under each), and 未填领域 those without one.
func TestOverviewDrillDownSector(t *testing.T) {
	svc, w := calendarWorld(t)
	must(t, svc.DB.Model(&model.Unit{}).Where("code IN ?", []string{"U01", "U04"}).Update("sectors", "教育").Error)
	must(t, svc.DB.Model(&model.Unit{}).Where("code = ?", "U02").Update("sectors", "教育、卫生健康").Error)
	o := newOverviewScreen(svc, w, fixedClock(calToday))
	w.SetContent(o.build())
	units := func(sector string) string {
		t.Helper()
		for i, k := range o.ov.Coverage.BySector {
			if k.Sector == sector {
				test.TapAt(o.bySector, fyne.NewPos(150, barY(o.bySector, i)+5))
				if o.units == nil || o.units.title != "领域："+sector {
					t.Fatalf("tap on %s's bar opened %+v", sector, o.units)
				}
				var got []string
				for _, r := range o.units.list.data {
					got = append(got, r[0])
				}
				o.units.dlg.Hide()
				return strings.Join(got, " ")
			}
		}
		t.Fatalf("no bar of %s", sector)
		return ""
	}
	if got := units("教育"); got != "U01 U02 U04" {
		t.Errorf("教育: %s", got)
	}
	if got := units("卫生健康"); got != "U02" {
		t.Errorf("卫生健康: %s", got)
	}
	if got := units(calendar.Unsectored); got != "U0201 U03" {
		t.Errorf("%s: %s", calendar.Unsectored, got)
	}
}

// The export holds what the page shows.
func TestOverviewExport(t *testing.T) {
	svc, w := calendarWorld(t)
	o := newOverviewScreen(svc, w, fixedClock(calToday))
	w.SetContent(o.build())
	path := filepath.Join(t.TempDir(), "总览.xlsx")
	must(t, svc.ExportTables(path, o.sheets()))
	x, err := excelize.OpenFile(path)
	must(t, err)
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), " "); got != "概况 按单位类别 按县区 按领域 板块轮动 规划执行 在办轮次 组配备 待批豁免 整改逾期 未安排单位" {
		t.Fatalf("sheets %s", got)
	}
	rows, _ := x.GetRows("概况")
	if rows[3][0] != "应覆盖单位" || rows[3][1] != "5" || rows[5][1] != "40.0%" {
		t.Errorf("概况 %v", rows)
	}
	cats, _ := x.GetRows("按单位类别")
	if cats[1][0] != "县直机关" || cats[1][1] != "1" || cats[1][4] != "3" {
		t.Errorf("按单位类别 %v", cats)
	}
	teams, _ := x.GetRows("组配备")
	if len(teams) != 2 || teams[1][5] != "缺5人" {
		t.Errorf("组配备 %v", teams)
	}
}

// barTop is where the first bar of c starts.
func barTop(c *widgets.BarChart) float32 { return barY(c, 0) }

// barY is where bar i of c starts.
func barY(c *widgets.BarChart, i int) float32 {
	for y := float32(0); y < 2000; y++ {
		if c.RowAt(y) == i {
			return y
		}
	}
	return -1
}
