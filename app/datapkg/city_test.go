package datapkg

import (
	"strings"
	"testing"

	"gorm.io/gorm"

	"xuncha/model"
)

// cityData is twoCounties with the city's part: C02 市本级, 领域 and 重点等级,
// two linked rounds with a 巡审联动 requirement, and a plan.
func cityData() *Data {
	d := twoCounties()
	d.Counties[1].Level = "市本级"
	d.Units[0].Sectors, d.Units[0].Priority = "乡村振兴、基层治理", "A"
	d.Rounds[0].Level, d.Rounds[0].JointUnits, d.Rounds[0].JointCategories = "巡审联动", "U11", "国有企业"
	d.Rounds[0].Links = "2026-C"
	d.Rounds = append(d.Rounds, Round{Code: "2026-C", Term: "T1", Number: 2, Type: "常规", Level: "上下联动", Links: "2026-1"})
	d.Plans = []Plan{{Term: "T1", Unit: "U01", Year: 2027, RoundNo: 2, Note: "与乡镇一并"}, {Term: "T1", Unit: "U10", Year: 2028}}
	return d
}

// The city's part travels whole and imports again unchanged.
func TestPackageCity(t *testing.T) { importWhole(t, cityData()) }

// importWhole imports d (of C01 and C02) into an empty database, checks
// that the database then holds d, and that a second import changes
// nothing; it returns the database.
func importWhole(t *testing.T, d *Data) *gorm.DB {
	t.Helper()
	db := emptyDB(t)
	if _, err := Import(db, forge(t, d, "C01", "C02"), "", "小李"); err != nil {
		t.Fatal(err)
	}
	got, _, err := loadAll(db)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := jsonOf(t, got), jsonOf(t, d); a != b {
		t.Fatalf("the data differ after the import:\n%s\n%s", a, b)
	}
	again, err := Import(db, forge(t, d, "C01", "C02"), "", "小李")
	if err != nil {
		t.Fatal(err)
	}
	if tot := again.Total(); tot.Added+tot.Updated+tot.Conflicted != 0 {
		t.Fatalf("a second import changed something: %v", again.Lines())
	}
	return db
}

// An export of one county carries the plan of its units and the terms
// they name, the units a 巡审联动 requirement names, and links cut to the
// rounds it holds.
func TestSelectCity(t *testing.T) {
	d := cityData()
	d.Plans = append(d.Plans, Plan{Term: "T2", Unit: "U01", Year: 2031})
	d.Terms = append(d.Terms, Term{Code: "T2", Start: "2031-01-01", End: "2035-12-31"})
	d.Rounds[0].Links = "2026-C、2026-X"
	sel, err := selectCounties(d, []string{"C01"})
	if err != nil {
		t.Fatal(err)
	}
	var plans, terms, units []string
	for _, x := range sel.Plans {
		plans = append(plans, x.key())
	}
	for _, x := range sel.Terms {
		terms = append(terms, x.Code)
	}
	for _, x := range sel.Units {
		units = append(units, x.Code)
	}
	if strings.Join(plans, " ") != "T1/U01 T2/U01" || strings.Join(terms, " ") != "T1 T2" || !strings.Contains(strings.Join(units, " "), "U11") {
		t.Errorf("plans %v terms %v units %v", plans, terms, units)
	}
	for _, r := range sel.Rounds {
		if r.Code == "2026-1" && r.Links != "" {
			t.Errorf("links to rounds outside the package kept: %q", r.Links)
		}
	}
}

// A package of before Part II whose round's type is 交叉 imports with
// 组织方式 交叉 and 巡察类型 常规 (联动: 上下联动).
func TestOldPackageKinds(t *testing.T) {
	d := twoCounties()
	d.Rounds[0].Type = "联动"
	db := importAsOld(t, d)
	var r model.Round
	db.First(&r, "code = ?", "2026-1")
	if r.Type != "常规" || r.Level != "上下联动" {
		t.Fatalf("round: %q %q", r.Type, r.Level)
	}
}

// Rows of the city's part that a package must not hold are refused whole.
func TestPackageCityRefused(t *testing.T) {
	for name, c := range map[string]struct {
		edit func(d *Data)
		want string
	}{
		"级别无效":       {func(d *Data) { d.Counties[0].Level = "省级" }, "级别"},
		"重点等级无效":     {func(d *Data) { d.Units[0].Priority = "D" }, "重点等级"},
		"联动轮次不在数据包中": {func(d *Data) { d.Rounds[0].Links = "2026-Z" }, "联动轮次"},
		"联动轮次是本轮":    {func(d *Data) { d.Rounds[len(d.Rounds)-1].Links = "2026-C" }, "联动轮次是本轮次"},
		"计划年度超出届期":   {func(d *Data) { d.Plans[0].Year = 2040 }, "计划年度"},
		"计划届期不在数据包中": {func(d *Data) { d.Plans[0].Term = "T9" }, "届期"},
		"计划轮次无效":     {func(d *Data) { d.Plans[0].RoundNo = 100 }, "计划轮次"},
		"计划重复":       {func(d *Data) { d.Plans = append(d.Plans, d.Plans[0]) }, "重复"},
	} {
		t.Run(name, func(t *testing.T) {
			d := cityData()
			c.edit(d)
			if _, err := Import(emptyDB(t), forge(t, d, "C01", "C02"), "", "小李"); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one about %s", err, c.want)
			}
		})
	}
	// a plan row of a unit outside the declared counties is out of scope
	d, err := selectCounties(cityData(), []string{"C01"})
	if err != nil {
		t.Fatal(err)
	}
	d.Plans = append(d.Plans, Plan{Term: "T1", Unit: "U10", Year: 2027})
	if _, err := readScoped(forge(t, d, "C01"), ""); err == nil || !strings.Contains(err.Error(), "巡察规划") {
		t.Errorf("out of scope: %v", err)
	}
}
