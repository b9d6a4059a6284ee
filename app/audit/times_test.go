package audit

import (
	"strings"
	"testing"
	"time"

	"xuncha/internal/testworld"
	"xuncha/model"
)

func inZone(t *testing.T, name string, f func()) {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no zone %s: %v", name, err)
	}
	old := time.Local
	time.Local = loc
	defer func() { time.Local = old }()
	f()
}

// TestTimesInUTC: entries are stored in UTC whatever the writer's zone,
// shown in the reader's, and a day's filter is the reader's local day.
// Entries written before (local text, no zone) stay as written, in the
// same unbroken chain.
func TestTimesInUTC(t *testing.T) {
	db := testworld.DB(t)
	legacy := func(at, key string) {
		var last model.AuditEntry
		db.Order("id desc").Limit(1).Find(&last)
		row := model.AuditEntry{At: at, User: "旧版本", Action: "修改", Entity: "人员", Key: key, PrevHash: last.Hash}
		row.Hash = Hash(row)
		if err := db.Create(&row).Error; err != nil {
			t.Fatal(err)
		}
	}
	legacy("2026-03-01 23:30:00", "OLD1")
	legacy("2026-03-02 08:00:00", "OLD2")
	// Written from Shanghai (UTC+8): 2026-03-02 07:30 there is 03-01 23:30 UTC.
	at := time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)
	inZone(t, "Asia/Shanghai", func() {
		for i, k := range []string{"NEW1", "NEW2", "NEW3"} {
			now := func() time.Time { return at.Add(time.Duration(i) * 12 * time.Hour).In(time.Local) }
			if err := record(db, Entry{User: "小李", Action: "修改", Entity: "人员", Key: k}, now); err != nil {
				t.Fatal(err)
			}
		}
	})
	var stored []string
	db.Model(&model.AuditEntry{}).Order("id").Pluck("at", &stored)
	want := "2026-03-01 23:30:00 2026-03-02 08:00:00 2026-03-01T23:30:00Z 2026-03-02T11:30:00Z 2026-03-02T23:30:00Z"
	if got := strings.Join(stored, " "); got != want {
		t.Fatalf("stored\n got %s\nwant %s", got, want)
	}
	if ps, err := Verify(db); err != nil || len(ps) > 0 {
		t.Fatalf("chain: %v %v", ps, err)
	}
	keys := func(f Filter) string {
		p, err := Query(db, f)
		if err != nil {
			t.Fatal(err)
		}
		var ks []string
		for _, e := range p.Entries {
			ks = append(ks, e.Key+"@"+Shown(e.At))
		}
		return strings.Join(ks, " ")
	}
	cases := []struct {
		zone, from, to, want string
	}{
		{"Asia/Shanghai", "2026-03-02", "2026-03-02", "NEW2@2026-03-02 19:30:00 NEW1@2026-03-02 07:30:00 OLD2@2026-03-02 08:00:00"},
		{"Asia/Shanghai", "2026-03-03", "", "NEW3@2026-03-03 07:30:00"},
		{"UTC", "2026-03-01", "2026-03-01", "NEW1@2026-03-01 23:30:00 OLD1@2026-03-01 23:30:00"},
		{"Etc/GMT+12", "2026-03-01", "2026-03-01", "NEW2@2026-03-01 23:30:00 NEW1@2026-03-01 11:30:00 OLD1@2026-03-01 23:30:00"},
		{"Etc/GMT+12", "", "", "NEW3@2026-03-02 11:30:00 NEW2@2026-03-01 23:30:00 NEW1@2026-03-01 11:30:00 OLD2@2026-03-02 08:00:00 OLD1@2026-03-01 23:30:00"},
	}
	for _, c := range cases {
		inZone(t, c.zone, func() {
			if got := keys(Filter{From: c.from, To: c.to}); got != c.want {
				t.Errorf("%s %s…%s\n got %s\nwant %s", c.zone, c.from, c.to, got, c.want)
			}
		})
	}
}
