package datapkg

import (
	"encoding/json"
	"strings"
	"testing"

	"gorm.io/gorm"

	"xuncha/model"
)

// yearsData is twoCounties with the people's years: a recommending unit, a
// status with its reason, a handled declaration, a tie, a training, a
// proposed grade and a team's own evaluation.
func yearsData() *Data {
	d := twoCounties()
	d.People[0].RecommendUnit, d.People[0].JoinedOn = "U01", "2020-05-01"
	d.People[1].Status, d.People[1].StatusReason = "暂停", "病休"
	d.Declarations = []Declaration{{Person: "P01", Unit: "U11", Reason: "配偶在该局", Source: "组织审查",
		Handling: "不予回避", Handler: "王主任", HandlingReason: "配偶已调离"}}
	d.Ties = []Tie{{Person: "P01", Name: "孙立", Relation: "曾上下级", Unit: "U01", Leadership: true, End: "2024-06-30"}}
	d.Trainings = []Training{{Person: "P02", Name: "巡察干部培训班", Start: "2025-04-01", End: "2025-04-03", Hours: 24}}
	d.Members[0].Evaluation, d.Members[0].EvalState = "称职", "拟定"
	d.TeamEvals = []TeamEval{{Round: "2026-1", Team: "第一巡察组", Grade: "优秀", Comment: "发现问题精准", State: "确定"}}
	return d
}

// TestPackagePeopleYears: the people's years travel whole, a second import
// changes nothing, and the import records the statuses it set — a new
// person's first one, then a change — through the package.
func TestPackagePeopleYears(t *testing.T) {
	d := yearsData()
	db := importWhole(t, d)
	d.People[1].Status, d.People[1].StatusReason = "在库", "病休结束"
	if _, err := Import(db, forge(t, d, "C01", "C02"), "", "小张"); err != nil {
		t.Fatal(err)
	}
	var hs []model.StatusChange
	db.Order("id").Find(&hs)
	if len(hs) != 3 {
		t.Fatalf("history: %+v", hs)
	}
	if h := hs[1]; h.PersonCode != "P02" || h.Old != "" || h.New != "暂停" || h.Reason != "病休" || h.Source != "数据包" || h.User != "小李" {
		t.Errorf("first status: %+v", h)
	}
	if h := hs[2]; h.PersonCode != "P02" || h.Old != "暂停" || h.New != "在库" || h.Reason != "病休结束" || h.User != "小张" {
		t.Errorf("the change: %+v", h)
	}
}

// TestPackageOwnTie: a package that makes someone their own tie is
// refused whole.
func TestPackageOwnTie(t *testing.T) {
	for name, tie := range map[string]Tie{
		"人员编号": {Person: "P01", Name: "甲", Relation: "同学", TiePerson: "P01"},
		"身份证号": {Person: "P01", Name: "甲", Relation: "同学", IDNumber: "130101198001010014"},
	} {
		t.Run(name, func(t *testing.T) {
			d := yearsData()
			d.People[0].IDNumber = "130101198001010014"
			d.Ties = []Tie{tie}
			db := emptyDB(t)
			if _, err := Import(db, forge(t, d, "C01", "C02"), "", "小李"); err == nil || !strings.Contains(err.Error(), "本人") {
				t.Fatalf("own tie: %v", err)
			}
		})
	}
}

// TestOldPackageReads: a package written before the people's years (12
// counts, grades without a state) still imports, its grades confirmed.
func TestOldPackageReads(t *testing.T) {
	d := twoCounties()
	d.Members[0].Evaluation = "不称职"
	files, m := oldPackage(t, d)
	db := emptyDB(t)
	if _, err := Import(db, rezip(t, files), "", "小李"); err != nil {
		t.Fatal(err)
	}
	var mm model.TeamMember
	db.First(&mm, "person_code = ?", "P02")
	if mm.Evaluation != "不称职" || mm.EvalState != "确定" {
		t.Fatalf("member: %+v", mm)
	}
	// counts that name other entities are a broken manifest
	m.Counts[3].Entity = "别的"
	files[manifestName], _ = json.Marshal(m)
	if _, err := Read(rezip(t, files), ""); err == nil {
		t.Fatal("a manifest with unknown counts was read")
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "[]", "null")
}

// oldPackage writes d (of counties C01 and C02) as a package of before
// Part II: its files, the manifest counting only the first baseEntities
// entities, and that manifest.
func oldPackage(t *testing.T, d *Data) (map[string][]byte, Manifest) {
	t.Helper()
	files := entries(t, forge(t, d, "C01", "C02"))
	var m Manifest
	if err := json.Unmarshal(files[manifestName], &m); err != nil {
		t.Fatal(err)
	}
	m.Counts = m.Counts[:baseEntities]
	files[manifestName], _ = json.Marshal(m)
	return files, m
}

// importAsOld writes d (of counties C01 and C02) as a package of before
// Part II (a manifest counting only the first baseEntities entities) and
// imports it into an empty database.
func importAsOld(t *testing.T, d *Data) *gorm.DB {
	t.Helper()
	files, _ := oldPackage(t, d)
	db := emptyDB(t)
	if _, err := Import(db, rezip(t, files), "", "小李"); err != nil {
		t.Fatal(err)
	}
	return db
}
