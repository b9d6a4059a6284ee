package datapkg

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"xuncha/internal/testworld"
	"xuncha/model"
)

func count(t *testing.T, db *gorm.DB, m any) int64 {
	t.Helper()
	var n int64
	if err := db.Model(m).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func countsOf(r *Report) map[string]Counts {
	out := map[string]Counts{}
	for _, c := range r.Entities {
		out[c.Entity] = c
	}
	return out
}

// A package of C01 carries its inspected units' findings, items, clues and
// the milestones of their teams; C02's package none of them.
func TestPackageCarriesResults(t *testing.T) {
	src := testworld.DB(t, testworld.Results()...)
	path := exportFile(t, src, "", "C01")
	dst := emptyDB(t)
	r, err := Import(dst, path, "", "测试")
	if err != nil {
		t.Fatal(err)
	}
	c := countsOf(r)
	if c[EntMilestone].Added != 2 || c[EntFinding].Added != 2 || c[EntItem].Added != 5 || c[EntClue].Added != 2 {
		t.Errorf("added %+v", r.Entities)
	}
	var it model.RectifyItem
	dst.First(&it, "code = ?", "Z0004")
	if it.State != "已销号" || it.Reviewer != "王主任" || it.ClosedOn != "2026-03-25" {
		t.Errorf("Z0004 = %+v", it)
	}
	// Again: unchanged.
	r, _ = Preview(dst, path, "")
	if c := countsOf(r); c[EntItem].Unchanged != 5 || c[EntMilestone].Unchanged != 2 {
		t.Errorf("second preview %+v", r.Entities)
	}
	other := exportFile(t, src, "", "C02")
	pkg, err := Read(other, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Data.Findings)+len(pkg.Data.Items)+len(pkg.Data.Clues)+len(pkg.Data.Milestones) != 0 {
		t.Errorf("C02's package holds C01's results: %+v", pkg.Data)
	}
}

// Without 线索管理 the exporter's package holds no clue rows and says so;
// the importer without it merges none.
func TestPackageCluesNeedTheRight(t *testing.T) {
	src := testworld.DB(t, testworld.Results()...)
	path := filepath.Join(t.TempDir(), "no-clues"+Ext)
	if _, err := export(src, []string{"C01"}, "", path, minScryptN, t0, false); err != nil {
		t.Fatal(err)
	}
	pkg, err := Read(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Data.Clues) != 0 || !pkg.Manifest.CluesLeftOut || len(pkg.Data.Findings) != 2 {
		t.Errorf("clues %d, left out %v", len(pkg.Data.Clues), pkg.Manifest.CluesLeftOut)
	}
	full := exportFile(t, src, "", "C01")
	dst := emptyDB(t)
	r, err := ImportAs(dst, full, "", "小李", Rights{Review: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := countsOf(r)[EntClue]; c.Conflicted != 2 || count(t, dst, &model.Clue{}) != 0 {
		t.Errorf("clues merged without the right: %+v", c)
	}
	if !strings.Contains(strings.Join(r.Lines(), "\n"), "没有“线索管理”权限") {
		t.Errorf("the preview does not say why: %v", r.Lines())
	}
}

// A package of an older program carries 整改报告收到日期 on its team units:
// it is merged as that unit's 整改报告收到 milestone.
func TestOlderPackageReportDate(t *testing.T) {
	src := testworld.DB(t, testworld.Results()...)
	files := entries(t, exportFile(t, src, "", "C01"))
	var d Data
	if err := json.Unmarshal(files[dataName], &d); err != nil {
		t.Fatal(err)
	}
	d.Milestones = nil
	for i := range d.TeamUnits {
		if d.TeamUnits[i].Unit == "U0102" {
			d.TeamUnits[i].ReportReceived = "2026-05-28"
		}
	}
	path := repack(t, files, &d)
	dst := emptyDB(t)
	if _, err := Import(dst, path, "", "测试"); err != nil {
		t.Fatal(err)
	}
	var m model.Milestone
	dst.First(&m, "unit_code = ? AND kind = ?", "U0102", "整改报告收到")
	if m.Date != "2026-05-28" || m.Team != "第一巡察组" {
		t.Errorf("report date → milestone %+v", m)
	}
}

// A package that holds a finding of a unit it does not hold is refused.
func TestPackageResultsOutOfScope(t *testing.T) {
	src := testworld.DB(t, testworld.Results()...)
	files := entries(t, exportFile(t, src, "", "C01"))
	var d Data
	json.Unmarshal(files[dataName], &d)
	d.Findings[0].Unit = "U0201"
	_, err := Preview(emptyDB(t), repack(t, files, &d), "")
	if err == nil || !strings.Contains(err.Error(), "问题") {
		t.Errorf("out-of-scope finding: %v", err)
	}
}

// repack writes d as the data of files with a manifest that matches it.
func repack(t *testing.T, files map[string][]byte, d *Data) string {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(files[manifestName], &m); err != nil {
		t.Fatal(err)
	}
	b, _, err := encode(d, m.Counties, "", minScryptN, t0, false)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "repacked"+Ext)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// An importer who may not review merges no change of an item's review or
// close-out: such items are left out, the others merged.
func TestPackageReviewNeedsTheRight(t *testing.T) {
	src := testworld.DB(t, testworld.Results()...)
	path := exportFile(t, src, "", "C01")
	dst := emptyDB(t)
	r, err := ImportAs(dst, path, "", "小李", Rights{Clues: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := countsOf(r)[EntItem]; c.Conflicted != 1 || c.Added != 4 {
		t.Errorf("items %+v: want Z0004 (已销号) left out", c)
	}
	var n int64
	dst.Model(&model.RectifyItem{}).Where("state = ?", "已销号").Count(&n)
	if n != 0 {
		t.Error("a closed item merged by an importer who may not review")
	}
}
