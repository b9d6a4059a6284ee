package app

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/calendar"
	"xuncha/app/demo"
)

func TestChangesToldAfterCommit(t *testing.T) {
	s := calendarService(t)
	var got []Change
	cancel := s.Subscribe(func(c Change) { got = append(got, c) })

	set := calendar.Defaults()
	set.OnsiteDays = 40
	if err := s.SaveCalendarSettings(set); err != nil {
		t.Fatal(err)
	}
	want := []Change{{Action: "设置", Entity: "设置", Key: "calendar", User: "经办人甲"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after a setting: %+v, want %+v", got, want)
	}

	// A write that fails tells nobody: nothing changed.
	got = nil
	err := s.Write(audit.Entry{Action: "修改", Entity: "人员", Key: "P1"}, func(*gorm.DB) error { return errors.New("不写") })
	if err == nil || len(got) != 0 {
		t.Fatalf("failed write: err %v, told %+v", err, got)
	}

	// Cancelled: told no more.
	cancel()
	set.OnsiteDays = 41
	if err := s.SaveCalendarSettings(set); err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("after cancel: %+v", got)
	}
}

func TestChangesOrderAndOutsideSource(t *testing.T) {
	s := calendarService(t)
	var order []string
	s.Subscribe(func(Change) { order = append(order, "一") })
	s.Subscribe(func(Change) { order = append(order, "二") })
	// What shared mode's poll would pass on: another clerk's change.
	s.Notify(Change{Action: "修改", Entity: "人员", Key: "P1", User: "张三"})
	if !reflect.DeepEqual(order, []string{"一", "二"}) {
		t.Fatalf("order %v", order)
	}
}

func TestChangeTouches(t *testing.T) {
	c := Change{Entity: "轮次"}
	if !c.Touches("人员", "轮次") || c.Touches("人员") {
		t.Error("轮次 touches")
	}
	if !(Change{Entity: EntityAll}).Touches("人员") {
		t.Error("全部 touches everything")
	}
}

func TestChangesOfImportsAndDemo(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "x.db"), "甲")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []Change
	s.Subscribe(func(c Change) { got = append(got, c) })
	if _, err := s.LoadDemo(demo.City); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Entity != EntityAll || got[0].Action != "演示数据" {
		t.Fatalf("demo: %+v", got)
	}
	got = nil
	if _, err := s.LoadDemo(demo.City); err == nil || len(got) != 0 {
		t.Fatalf("demo again: %v, told %+v", err, got)
	}
}
