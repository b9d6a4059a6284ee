package auth

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// zone loads a time zone by name, or fails.
func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no zone %s: %v", name, err)
	}
	return loc
}

// inZone runs f with time.Local set to loc, as a process started with TZ.
func inZone(loc *time.Location, f func()) {
	old := time.Local
	time.Local = loc
	defer func() { time.Local = old }()
	f()
}

// TestLockoutHoldsInEveryTimeZone locks an account in one time zone and
// tries the right password a minute later from processes in others: the
// lock holds everywhere until it runs out, and is shown in each reader's
// local time.
func TestLockoutHoldsInEveryTimeZone(t *testing.T) {
	names := []string{"Asia/Shanghai", "UTC", "America/Los_Angeles", "Etc/GMT+12", "Pacific/Kiritimati"}
	instant := time.Date(2026, 3, 1, 1, 30, 0, 0, time.UTC)
	for _, lockIn := range names {
		for _, tryIn := range names {
			t.Run(lockIn+"→"+tryIn, func(t *testing.T) {
				db := office(t)
				inZone(zone(t, lockIn), func() {
					for range MaxFailures {
						Login(db, "小李", "wrong-pass", instant.In(time.Local))
					}
				})
				inZone(zone(t, tryIn), func() {
					var le *LockedError
					_, err := Login(db, "小李", "小李-pass-1", instant.Add(time.Minute).In(time.Local))
					if !errors.As(err, &le) {
						t.Fatalf("a minute after the lock: %v", err)
					}
					wantShown := instant.Add(LockFor).In(time.Local).Format("15:04")
					if !strings.Contains(le.Error(), wantShown) {
						t.Errorf("message %q, want the local time %s", le.Error(), wantShown)
					}
					a, _ := Lookup(db, "小李")
					if !a.Locked(instant.Add(time.Minute)) || a.LockedText() != instant.Add(LockFor).In(time.Local).Format(audit.TimeLayout) {
						t.Errorf("account: locked=%v until %q", a.Locked(instant.Add(time.Minute)), a.LockedText())
					}
					if _, err := Login(db, "小李", "小李-pass-1", instant.Add(LockFor).In(time.Local)); err != nil {
						t.Fatalf("after the lock ran out: %v", err)
					}
				})
			})
		}
	}
}

// TestLegacyLockTimesMigrated opens a version 1 file whose lock times were
// written in a local time of unknown zone: a lock over in every zone is
// cleared, any other holds for a full lock from the upgrade, in UTC.
func TestLegacyLockTimesMigrated(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/v1.db"
	db, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []model.User{
		{Name: "早已过期", Role: vocab.UserClerk, PasswordHash: "x", LockedUntil: "2020-01-01 08:00:00"},
		{Name: "刚刚锁定", Role: vocab.UserClerk, PasswordHash: "x", LockedUntil: time.Now().Add(10 * time.Minute).Format(audit.TimeLayout)},
		{Name: "时区之外", Role: vocab.UserClerk, PasswordHash: "x", LockedUntil: time.Now().Add(-3 * time.Hour).Format(audit.TimeLayout)},
		{Name: "未锁定", Role: vocab.UserClerk, PasswordHash: "x"},
	} {
		db.Create(&u)
	}
	db.Save(&model.Meta{Key: "schema_version", Value: "1"})
	model.Close(db)
	before := time.Now()
	db, err = model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer model.Close(db)
	got := map[string]string{}
	var users []model.User
	db.Find(&users)
	for _, u := range users {
		got[u.Name] = u.LockedUntil
	}
	if got["早已过期"] != "" || got["未锁定"] != "" {
		t.Errorf("cleared: %q, %q", got["早已过期"], got["未锁定"])
	}
	for _, name := range []string{"刚刚锁定", "时区之外"} {
		until, ok := audit.ParseStored(got[name])
		if !ok || until.Before(before.Add(LockFor-time.Second)) || until.After(time.Now().Add(LockFor)) {
			t.Errorf("%s: %q, want about now+%v in UTC", name, got[name], LockFor)
		}
	}
	if v, _ := model.Version(db); v != model.SchemaVersion {
		t.Errorf("version %d", v)
	}
}

// TestAccountNames: names that differ only in case or full-width letters
// are one name, and the names the program writes in the audit log for
// itself are no account's.
func TestAccountNames(t *testing.T) {
	db := office(t)
	if err := AddUser(db, "王主任", "admin", vocab.UserAdmin, "admin-pass-1"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want error
	}{
		{"ADMIN", ErrUserExists}, {"Ａｄｍｉｎ", ErrUserExists}, {"小李", ErrUserExists}, {"ＸＩＡＯＬＩ", nil},
	} {
		err := AddUser(db, "王主任", c.name, vocab.UserClerk, "some-pass-1")
		if c.want == nil {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	if err := AddUser(db, "王主任", "xiaoli", vocab.UserClerk, "some-pass-1"); !errors.Is(err, ErrUserExists) || !strings.Contains(err.Error(), "ＸＩＡＯＬＩ") {
		t.Errorf("xiaoli after ＸＩＡＯＬＩ: %v", err)
	}
	for _, name := range []string{CLIUser, "系统"} {
		var re *ReservedNameError
		if err := AddUser(db, "王主任", name, vocab.UserClerk, "some-pass-1"); !errors.As(err, &re) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n := fmt.Sprint(NameKey("Ａｄｍｉｎ１")); n != "admin1" {
		t.Errorf("NameKey = %q", n)
	}
}
