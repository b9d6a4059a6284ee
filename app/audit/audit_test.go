package audit

import (
	"testing"
	"time"

	"xuncha/internal/testworld"
	"xuncha/model"
)

func TestChainDetectsEditAndDelete(t *testing.T) {
	db := testworld.DB(t)
	now := func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }
	for i, k := range []string{"P1", "P2", "P3"} {
		e := Entry{User: "clerk", Action: "修改", Entity: "人员", Key: k, Before: map[string]int{"v": i}, After: map[string]int{"v": i + 1}}
		if err := record(db, e, now); err != nil {
			t.Fatal(err)
		}
	}
	if ps, err := Verify(db); err != nil || len(ps) != 0 {
		t.Fatalf("clean log: %v %v", ps, err)
	}
	db.Model(&model.AuditEntry{}).Where("id = 2").Update("after", `{"v":99}`)
	ps, _ := Verify(db)
	if len(ps) != 1 || ps[0].ID != 2 {
		t.Fatalf("edited entry: %+v", ps)
	}
	db.Delete(&model.AuditEntry{}, 2)
	ps, _ = Verify(db)
	if len(ps) != 1 || ps[0].ID != 3 {
		t.Fatalf("deleted entry: %+v", ps)
	}
}
