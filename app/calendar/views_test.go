package calendar

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xuncha/app/snap"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMonthMarch2026(t *testing.T) {
	mv := cal(world()).Month(2026, time.March)
	if len(mv.Weeks) != 6 {
		t.Fatalf("%d weeks, want 6", len(mv.Weeks))
	}
	w0 := mv.Weeks[0]
	if w0.Days[0].Date != d("2026-02-23") || w0.Days[0].InMonth || w0.Days[6].Date != d("2026-03-01") || !w0.Days[6].InMonth || !w0.Days[6].Weekend {
		t.Errorf("first week %+v", w0.Days)
	}
	if last := mv.Weeks[5]; last.Days[1].Date != d("2026-03-31") || !last.Days[1].InMonth || last.Days[2].InMonth {
		t.Errorf("last week %+v", last.Days)
	}
	// 第一轮 has two teams, each with 准备 (clipped to 1 March) and 进驻.
	var got []string
	for _, b := range mv.Bars {
		got = append(got, b.Round+"/"+b.Team+"/"+b.Stage.String()+"/"+b.Start.String()+"~"+b.End.String())
	}
	want := []string{
		"R1/第一组/准备/2026-03-01~2026-03-01", "R1/第一组/进驻/2026-03-02~2026-03-31",
		"R1/第二组/准备/2026-03-01~2026-03-01", "R1/第二组/进驻/2026-03-02~2026-03-31",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bars\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if b := mv.Bars[0]; !b.ClippedStart() || b.ClippedEnd() || b.FullStart != d("2026-02-16") {
		t.Errorf("准备 bar clipping %+v", b)
	}
	if b := mv.Bars[1]; b.ClippedStart() || b.ClippedEnd() {
		t.Errorf("进驻 bar clipped %+v", b)
	}
	segs := func(w int) []Segment { return mv.Weeks[w].Segments }
	if s := segs(0); len(s) != 2 || s[0] != (Segment{0, 6, 6}) || s[1] != (Segment{2, 6, 6}) {
		t.Errorf("week 1 segments %+v", s)
	}
	if s := segs(1); len(s) != 2 || s[0] != (Segment{1, 0, 6}) {
		t.Errorf("week 2 segments %+v", s)
	}
	if s := segs(5); len(s) != 2 || s[0] != (Segment{1, 0, 1}) {
		t.Errorf("last week segments %+v", s)
	}
}

func TestMonthRoundWithoutTeamsAndHolidays(t *testing.T) {
	s := world()
	s.Rounds = append(s.Rounds, snap.Round{Code: "R3", Term: "T1", Number: 3, OnsiteStart: d("2026-11-02")})
	s.Index()
	set := Defaults()
	set.NonWorkingDays = append(set.NonWorkingDays, d("2026-10-01"))
	mv := New(s, set).Month(2026, time.October)
	var got []string
	for _, b := range mv.Bars {
		got = append(got, b.Round+"/"+b.Team+"/"+b.Stage.String())
	}
	want := "R1/第一组/督查验收 R1/第二组/督查验收 R2/第一组/报告 R2/第一组/反馈 R3//准备"
	if strings.Join(got, " ") != want {
		t.Errorf("bars %v, want %s", got, want)
	}
	if !mv.Weeks[0].Days[3].NonWorking || mv.Weeks[0].Days[3].Date != d("2026-10-01") {
		t.Errorf("国庆 not marked: %+v", mv.Weeks[0].Days[3])
	}
}

func TestTimeline(t *testing.T) {
	tl, err := cal(world()).Timeline("T1", d("2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Rounds) != 2 || tl.Rounds[0].Status != Rectifying || tl.Rounds[1].Status != Preparing {
		t.Fatalf("rounds %+v", tl.Rounds)
	}
	r2 := tl.Rounds[1]
	if len(r2.Stages) != 6 || r2.Stages[StageOnsite].Estimated || !r2.Stages[StageReport].Estimated || r2.Units != 1 {
		t.Errorf("R2 %+v", r2)
	}
	if o := tl.Offset(d("2026-01-01")); o != 0 {
		t.Errorf("offset of start %v", o)
	}
	if o := tl.Offset(d("2027-01-01")); o != 1 {
		t.Errorf("offset after end %v", o)
	}
}

func TestOverview(t *testing.T) {
	s := world()
	s.Rounds[0].Teams[0].Units[0].ReportReceived = d("2026-07-10")
	s.Overrides = []snap.Override{
		{Round: "R2", Team: "第一组", Person: "P4", Rule: "R2", Reason: "工作需要"},
		{Round: "R2", Team: "第一组", Person: "P1", Rule: "R4", Approver: "王主任", Approved: true},
		{Round: "X", Team: "其他", Person: "P3", Rule: "R1"},
	}
	s.Index()
	c := cal(s)
	ov, err := c.Overview("T1", d("2026-07-15"), OverviewOptions{TeamSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	// 第二轮 prepares from 2026-08-18: not under way yet.
	if len(ov.InProgress) != 1 || ov.InProgress[0].Stage.Stage != StageCheck || ov.InProgress[0].DaysLeft != 90 {
		t.Errorf("in progress %+v", ov.InProgress)
	}
	if len(ov.Teams) != 3 || !ov.Teams[0].Full() || ov.Teams[1].Full() || ov.Teams[2].Members != 2 {
		t.Errorf("teams %+v", ov.Teams)
	}
	if len(ov.PendingOverrides) != 1 || ov.PendingOverrides[0].Person != "P4" {
		t.Errorf("pending %+v", ov.PendingOverrides)
	}
	if len(ov.Overdue) != 2 || ov.Overdue[0].Unit != "U0102" || ov.Overdue[0].DaysOverdue != 1 || ov.Overdue[1].Unit != "U0201" {
		t.Errorf("overdue %+v", ov.Overdue)
	}
	if got := c.Overdue("T1", d("2026-07-14")); len(got) != 0 {
		t.Errorf("due day itself is not overdue: %+v", got)
	}
	if got := c.Overdue("T1", d("2027-01-01")); len(got) != 2 {
		t.Errorf("R2 has no feedback date and must not be chased: %+v", got)
	}
}

func TestUnitChoices(t *testing.T) {
	c := cal(world())
	got, err := c.UnitChoices("R2", ChoiceFilter{County: "C01", OnlyFree: true, Team: "第一组"})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, u := range got {
		codes = append(codes, u.Unit+":"+u.Team)
	}
	if strings.Join(codes, ",") != "U0103:第一组,U0104:" {
		t.Errorf("free C01 units for R2 %v", codes)
	}
	all, _ := c.UnitChoices("R2", ChoiceFilter{Category: "县直机关"})
	if len(all) != 2 || strings.Join(all[0].InspectedIn, ",") != "R1" {
		t.Errorf("县直机关 %+v", all)
	}
	if _, err := c.UnitChoices("R9", ChoiceFilter{}); err == nil {
		t.Error("unknown round accepted")
	}
}

func TestReportGolden(t *testing.T) {
	s := world()
	s.Rounds[1].Teams[0].Units = units("U0103", "U0102")
	s.Index()
	rep, err := cal(s).Report("T1", d("2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.golden.json", append(b, '\n'))
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func TestExports(t *testing.T) {
	dir := t.TempDir()
	c := cal(world())
	plan := filepath.Join(dir, "届期计划.xlsx")
	if err := c.ExportTermPlan("T1", d("2026-06-01"), plan); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "轮次计划,覆盖情况,未安排单位,冲突,进度,规划执行" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := f.GetCellValue("轮次计划", "O2"); v != "" {
		t.Errorf("R1 组织方式 %q", v)
	}
	if v, _ := f.GetCellValue("规划执行", "A2"); v != "2026" {
		t.Errorf("plan year %q", v)
	}
	if v, _ := f.GetCellValue("轮次计划", "G3"); v != "2026-09-01" {
		t.Errorf("R2 进驻开始 %q", v)
	}
	if v, _ := f.GetCellValue("未安排单位", "A4"); v != "U0203" {
		t.Errorf("last open unit %q", v)
	}
	f.Close()
	sched := filepath.Join(dir, "轮次日程.xlsx")
	if err := c.ExportRoundSchedule("R1", d("2026-07-15"), sched); err != nil {
		t.Fatal(err)
	}
	f, err = excelize.OpenFile(sched)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("巡察组", "H2"); v != "张一" {
		t.Errorf("组长 %q", v)
	}
	if v, _ := f.GetCellValue("整改报告", "F2"); v != "逾期1天" {
		t.Errorf("report state %q", v)
	}
	if err := c.ExportRoundSchedule("R9", d("2026-07-15"), sched); err == nil {
		t.Error("unknown round exported")
	}
}

func TestCurrentTerm(t *testing.T) {
	s := world()
	s.Terms = append(s.Terms, snap.Term{Code: "T0", Start: d("2021-01-01"), End: d("2025-12-31")},
		snap.Term{Code: "T2", Start: d("2027-06-01"), End: d("2031-12-31")})
	s.Index()
	c := cal(s)
	for _, x := range []struct{ day, want string }{
		{"2026-06-01", "T1"}, {"2025-12-31", "T0"}, {"2027-03-01", "T1"}, {"2020-01-01", "T0"}, {"2028-01-01", "T2"},
	} {
		if got := c.CurrentTerm(d(x.day)); got != x.want {
			t.Errorf("%s: %s, want %s", x.day, got, x.want)
		}
	}
	if got := cal(&snap.Snapshot{}).CurrentTerm(d("2026-01-01")); got != "" {
		t.Errorf("no terms: %q", got)
	}
}
