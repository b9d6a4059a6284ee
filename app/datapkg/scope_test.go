package datapkg

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// forge writes d as an unencrypted package declaring counties, with a
// manifest and checksums that match: what anyone can make by hand.
func forge(t *testing.T, d *Data, counties ...string) string {
	t.Helper()
	b, _, err := encode(d, counties, "", minScryptN, t0, false)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "forged"+Ext)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// twoCounties is the database the scope cases import into: C01 and C02,
// each with units, a leader and a person; round 2026-1 has a team in
// each county (each with a member from the other), round 2026-2 one team
// in C01; U10 of C02 hangs under U01 of C01, and P01 once worked there.
func twoCounties() *Data {
	return &Data{
		Counties: []County{{Code: "C01", Name: "安平县"}, {Code: "C02", Name: "平山县"}},
		Units: []Unit{{Code: "U01", Name: "安平镇", County: "C01", Category: "乡镇街道", Parent: ""}, {Code: "U0101", Name: "东村", County: "C01", Category: "村社区", Parent: "U01"},
			{Code: "U10", Name: "平山镇", County: "C02", Category: "乡镇街道", Parent: "U01"}, {Code: "U11", Name: "平山县财政局", County: "C02", Category: "县直机关", Parent: ""}},
		Leaders: []Leader{{"U01", "孙立", "党委书记", ""}, {"U10", "钱多", "镇长", ""}},
		People: []Person{{Code: "P01", Name: "甲", HomeCounty: "C01", StaffPool: true, Status: "在库"},
			{Code: "P02", Name: "乙", HomeCounty: "C02", StaffPool: true, Status: "在库"}},
		History: []History{{"P01", "U10", "2019-01-01", "2021-12-31"}},
		Terms:   []Term{{"T1", "第十五届", "2026-01-01", "2030-12-31"}},
		Rounds: []Round{{Code: "2026-1", Term: "T1", Number: 1, OnsiteStart: "2026-03-01", OnsiteEnd: "2026-04-15"},
			{Code: "2026-2", Term: "T1", Number: 2, OnsiteStart: "2026-09-01", OnsiteEnd: "2026-10-15"}},
		Teams: []Team{{"2026-1", "第一巡察组", 1, "", ""}, {"2026-1", "第二巡察组", 2, "", ""},
			{"2026-2", "第一巡察组", 1, "", ""}},
		TeamUnits: []TeamUnit{{"2026-1", "第一巡察组", "U01", ""}, {"2026-1", "第二巡察组", "U10", ""},
			{"2026-2", "第一巡察组", "U0101", ""}},
		Members: []Member{{Round: "2026-1", Team: "第一巡察组", Person: "P02", Role: "成员"},
			{Round: "2026-1", Team: "第二巡察组", Person: "P01", Role: "成员"}},
	}
}

// c01 is what a C01 package may hold: C01's rows and the C02 unit and
// county they name, as an export of C01 from the database above writes it.
func c01() *Data {
	all := twoCounties()
	d, err := selectCounties(all, []string{"C01"})
	if err != nil {
		panic(err)
	}
	return d
}

func scopedDB(t *testing.T) *gorm.DB {
	t.Helper()
	db := emptyDB(t)
	if _, err := Import(db, forge(t, twoCounties(), "C01", "C02"), "", "测试"); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestScopeForgedRowsRefused: a package declaring C01 whose own rows hold
// another county's person, leader or team is refused whole, and nothing
// is written.
func TestScopeForgedRowsRefused(t *testing.T) {
	for _, tc := range []struct {
		name  string
		forge func(d *Data)
		want  string
	}{
		{"他县人员", func(d *Data) {
			d.People = append(d.People, Person{Code: "P02", Name: "乙（改）", HomeCounty: "C02", Status: "出库"})
		}, "人员 P02 工作关系地为 C02"},
		{"他县单位的班子成员", func(d *Data) {
			d.Leaders = append(d.Leaders, Leader{Unit: "U10", Name: "假书记"})
		}, "班子成员 U10/假书记 所在单位属于县区 C02"},
		{"他县巡察组", func(d *Data) {
			d.Teams = append(d.Teams, Team{Round: "2026-1", Name: "第二巡察组", Seq: 2})
			d.TeamUnits = append(d.TeamUnits, TeamUnit{Round: "2026-1", Team: "第二巡察组", Unit: "U10"})
			d.Members = append(d.Members, Member{Round: "2026-1", Team: "第二巡察组", Person: "P01", Role: "组长"})
		}, "巡察组单位 2026-1/U10 被巡察单位属于县区 C02"},
		{"没有单位的巡察组", func(d *Data) {
			d.Teams = append(d.Teams, Team{Round: "2026-1", Name: "第九巡察组", Seq: 9})
		}, "巡察组 2026-1/第九巡察组 没有被巡察单位"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := scopedDB(t)
			before, _, _ := loadAll(db)
			d := c01()
			tc.forge(d)
			path := forge(t, d, "C01")
			for _, run := range []func() error{
				func() error { _, err := Preview(db, path, ""); return err },
				func() error { _, err := Import(db, path, "", "测试"); return err },
			} {
				err := run()
				var se *ScopeError
				if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "拒绝导入") {
					t.Fatalf("err = %v, want a refusal naming %q", err, tc.want)
				}
			}
			if after, _, _ := loadAll(db); !sameData(before, after) {
				t.Fatal("a refused package changed the database")
			}
		})
	}
}

// TestScopeStoredRowsKept: rows that the database keeps under another
// county than the package declares are left as stored and reported,
// while the rest of the package is merged.
func TestScopeStoredRowsKept(t *testing.T) {
	db := scopedDB(t)
	d := c01()
	// P02 is C02's; the package claims it for C01 and takes it out of the pool.
	d.People = append(d.People, Person{Code: "P02", Name: "乙", HomeCounty: "C01", Status: "出库"})
	// U11 is C02's; the package moves it into C01.
	d.Units = append(d.Units, Unit{Code: "U11", Name: "平山县财政局", County: "C01", Category: "县直机关"})
	// U10 (C02) comes along as P01's former workplace… renamed.
	for i := range d.Units {
		if d.Units[i].Code == "U10" {
			d.Units[i].Name = "改名镇"
		}
	}
	// A C02 unit the database lacks comes along as a former workplace.
	d.Units = append(d.Units, Unit{Code: "U12", Name: "平山县审计局", County: "C02", Category: "县直机关"})
	d.History = append(d.History, History{Person: "P01", Unit: "U12", Start: "2018-01-01", End: "2020-12-31"})
	// Round 2026-1 has a C02 team: its dates stay; 2026-2 is C01's alone.
	for i := range d.Rounds {
		d.Rounds[i].CheckDate = "2027-06-30"
	}
	// C02's 第二巡察组 of 2026-1, claimed with a C01 unit.
	d.Teams = append(d.Teams, Team{Round: "2026-1", Name: "第二巡察组", Seq: 2})
	d.TeamUnits = append(d.TeamUnits, TeamUnit{Round: "2026-1", Team: "第二巡察组", Unit: "U0101"})
	d.Counties[len(d.Counties)-1].Name = "改名县" // C02, named by U10
	path := forge(t, d, "C01")
	r, err := Import(db, path, "", "测试")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range r.Conflicts {
		got[c.Entity+" "+c.Key] = c.Reason
	}
	for k, want := range map[string]string{
		EntPerson + " P02":            "工作关系地为 C02，不在数据包声明的范围（C01）内",
		EntUnit + " U11":              "在本库属于县区 C02",
		EntUnit + " U10":              "保留本库数据",
		EntCounty + " C02":            "保留本库数据",
		EntRound + " 2026-1":          "保留本库数据",
		EntTeam + " 2026-1/第二巡察组":     "在本库巡察县区 C02 的单位",
		EntTeamUnit + " 2026-1/U0101": "巡察组 第二巡察组 冲突",
	} {
		if !strings.Contains(got[k], want) {
			t.Errorf("conflict %s = %q, want %q", k, got[k], want)
		}
	}
	after, _, _ := loadAll(db)
	person := index(after.People, func(x Person) string { return x.Code })
	unit := index(after.Units, func(u Unit) string { return u.Code })
	round := index(after.Rounds, func(x Round) string { return x.Code })
	county := index(after.Counties, func(c County) string { return c.Code })
	switch {
	case person["P02"].HomeCounty != "C02" || person["P02"].Status != "在库":
		t.Errorf("P02 = %+v", person["P02"])
	case unit["U11"].County != "C02" || unit["U10"].Name != "平山镇" || county["C02"].Name != "平山县":
		t.Errorf("C02's units %+v %+v, county %+v", unit["U11"], unit["U10"], county["C02"])
	case unit["U12"].Name != "平山县审计局":
		t.Errorf("the missing C02 unit was not added: %+v", unit["U12"])
	case round["2026-1"].CheckDate != "" || round["2026-2"].CheckDate != "2027-06-30":
		t.Errorf("rounds %+v %+v", round["2026-1"], round["2026-2"])
	}
	for _, tu := range after.TeamUnits {
		if tu.Unit == "U0101" && tu.Round == "2026-1" {
			t.Errorf("a C01 unit went onto C02's team: %+v", tu)
		}
	}
}

// TestScopeParentLoop: a package that leaves a stored unit's parent alone
// (U10 is C02's: kept) but puts that unit above its own parent would close
// a loop U01 → U10 → U01; the unit is refused, and no loop is written.
func TestScopeParentLoop(t *testing.T) {
	db := scopedDB(t)
	d := c01()
	for i := range d.Units {
		switch d.Units[i].Code {
		case "U01":
			d.Units[i].Parent = "U10"
		case "U10":
			d.Units[i].Parent = ""
		}
	}
	r, err := Import(db, forge(t, d, "C01"), "", "测试")
	if err != nil {
		t.Fatal(err)
	}
	if reason := conflictReason(r, EntUnit, "U01"); !strings.Contains(reason, "形成循环") {
		t.Fatalf("U01: %q; conflicts %v", reason, r.Conflicts)
	}
	after, _, _ := loadAll(db)
	unit := index(after.Units, func(u Unit) string { return u.Code })
	if unit["U01"].Parent != "" || unit["U10"].Parent != "U01" {
		t.Fatalf("parents: U01 → %q, U10 → %q", unit["U01"].Parent, unit["U10"].Parent)
	}
}

// TestPackageOneSlotPerRound: a package placing a person on a team of a
// round where the database has them on another team is refused for that
// row.
func TestPackageOneSlotPerRound(t *testing.T) {
	db := scopedDB(t)
	d := c01()
	d.Members = append(d.Members, Member{Round: "2026-1", Team: "第一巡察组", Person: "P01", Role: "组长"})
	r, err := Import(db, forge(t, d, "C01"), "", "测试")
	if err != nil {
		t.Fatal(err)
	}
	if reason := conflictReason(r, EntMember, "2026-1/第一巡察组/P01"); !strings.Contains(reason, "已编入 第二巡察组") {
		t.Fatalf("conflict %q; conflicts %v", reason, r.Conflicts)
	}
	after, _, _ := loadAll(db)
	n := 0
	for _, m := range after.Members {
		if m.Round == "2026-1" && m.Person == "P01" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("P01 has %d places in 2026-1", n)
	}
}

// conflictReason returns why the row of entity with key was left out, or "".
func conflictReason(r *Report, entity, key string) string {
	for _, c := range r.Conflicts {
		if c.Entity == entity && c.Key == key {
			return c.Reason
		}
	}
	return ""
}

// sameData compares two loads of a database.
func sameData(a, b *Data) bool { return reflect.DeepEqual(a, b) }
