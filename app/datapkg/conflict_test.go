package datapkg

import (
	"encoding/json"
	"strings"
	"testing"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// TestConflictsAndUpdates imports county C01 of the demo into an office
// whose database already knows some of its codes otherwise.
func TestConflictsAndUpdates(t *testing.T) {
	src := demoDB(t)
	path := exportFile(t, src, "", "C01")
	pkg, err := Read(path, "")
	if err != nil {
		t.Fatal(err)
	}
	d := pkg.Data
	// The receiving office: everything of the package first, then changed.
	dst := emptyDB(t)
	if _, err := Import(dst, path, "", "准备"); err != nil {
		t.Fatal(err)
	}
	withID := func() Person {
		for _, p := range d.People {
			if p.IDNumber != "" && p.CurrentUnit != "" {
				return p
			}
		}
		t.Fatal("no person with an ID number")
		return Person{}
	}
	p1 := withID()
	var p2 Person
	for _, p := range d.People {
		if p.IDNumber != "" && p.Code != p1.Code {
			p2 = p
			break
		}
	}
	var leaf Unit // a unit nobody in the package works in or is the parent of
	used := set(nil)
	for _, p := range d.People {
		used[p.CurrentUnit] = true
	}
	for _, u := range d.Units {
		used[u.Parent] = true
	}
	for _, h := range d.History {
		used[h.Unit] = true
	}
	for _, r := range d.Relatives {
		used[r.Unit] = true
	}
	for _, x := range d.Declarations {
		used[x.Unit] = true
	}
	for _, u := range d.TeamUnits {
		used[u.Unit] = true
	}
	for _, u := range d.Units {
		if !used[u.Code] && u.County == "C01" {
			leaf = u
			break
		}
	}
	mustExec(t, dst,
		// 1 update: a person's post changed here.
		"UPDATE people SET post = '旧职务' WHERE code = ?", d.People[5].Code,
		// conflict: the same code is another person here.
		"UPDATE people SET id_number = '110101199001011237' WHERE code = ?", p1.Code,
		// conflict: p2's ID number is held here by another code.
		"UPDATE people SET code = 'X-' || code WHERE code = ?", p2.Code,
		// conflict: a unit code that is another county's here.
		"INSERT INTO counties (code, name) VALUES ('C77', '外县')", nil,
		"UPDATE units SET county_code = 'C77' WHERE code = ?", leaf.Code,
	)
	r, err := Preview(dst, path, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		EntPerson + " " + p1.Code: "身份证号不同",
		EntPerson + " " + p2.Code: "身份证号与本库人员 X-" + p2.Code + " 相同",
		EntUnit + " " + leaf.Code: "在本库属于县区 C77",
	}
	got := map[string]string{}
	for _, c := range r.Conflicts {
		got[c.Entity+" "+c.Key] = c.Reason
	}
	for k, w := range want {
		if !strings.Contains(got[k], w) {
			t.Errorf("conflict %s: %q, want %q", k, got[k], w)
		}
	}
	// The rows of p1 and p2 come along as conflicts: they hang on a
	// conflicting person. Members from other counties are not in a C01
	// package.
	for k, reason := range got {
		known := strings.Contains(reason, "冲突") || strings.Contains(reason, "既不在本库也不在数据包中")
		if _, planted := want[k]; !planted && !known {
			t.Errorf("unexpected conflict %s: %s", k, reason)
		}
	}
	counts := map[string]Counts{}
	for _, c := range r.Entities {
		counts[c.Entity] = c
	}
	if c := counts[EntPerson]; c.Updated < 1 || c.Conflicted != 2 {
		t.Fatalf("people: %+v", c)
	}
	res, err := Import(dst, path, "", "小李")
	if err != nil {
		t.Fatal(err)
	}
	if !equalCounts(res.Entities, r.Entities) {
		t.Fatalf("import differs from preview\n%v\n%v", res.Lines(), r.Lines())
	}
	var post, id string
	dst.Model(&model.Person{}).Where("code = ?", d.People[5].Code).Pluck("post", &post)
	dst.Model(&model.Person{}).Where("code = ?", p1.Code).Pluck("id_number", &id)
	if post != d.People[5].Post || id != "110101199001011237" {
		t.Fatalf("after import: post %q, id %q", post, id)
	}
	var e model.AuditEntry
	dst.Where("action = ?", "导入数据包").Order("id desc").Limit(1).Find(&e)
	var before map[string][]Person
	json.Unmarshal([]byte(e.Before), &before)
	if e.User != "小李" || !hasPost(before[EntPerson], "旧职务") {
		t.Fatalf("audit entry: %s %s", e.User, e.Before)
	}
	if ps, _ := audit.Verify(dst); len(ps) != 0 {
		t.Fatal(ps)
	}
}

func hasPost(ps []Person, post string) bool {
	for _, p := range ps {
		if p.Post == post {
			return true
		}
	}
	return false
}

func equalCounts(a, b []Counts) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// mustExec runs statement, argument pairs (nil for none) with foreign keys
// off, as an office whose data grew apart would have them.
func mustExec(t *testing.T, db *gorm.DB, pairs ...any) {
	t.Helper()
	off, on := "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"
	if testworld.OnServer() { // the tests' role is the server's superuser
		off, on = "SET session_replication_role = replica", "SET session_replication_role = DEFAULT"
	}
	err := db.Connection(func(c *gorm.DB) error {
		if err := c.Exec(off).Error; err != nil {
			return err
		}
		defer c.Exec(on)
		for i := 0; i < len(pairs); i += 2 {
			args := []any{}
			if pairs[i+1] != nil {
				args = append(args, pairs[i+1])
			}
			if err := c.Exec(pairs[i].(string), args...).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
