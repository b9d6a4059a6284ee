package draw

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample draws three slots from ten people, each step without those
// drawn before.
func sample(t *testing.T, witness string) *Record {
	t.Helper()
	var pool []string
	for i := range 10 {
		pool = append(pool, fmt.Sprintf("P%05d", i))
	}
	s, err := Start(witness, "2026-1", pool)
	if err != nil {
		t.Fatal(err)
	}
	left := pool
	for _, slot := range []struct{ team, role string }{{"第一巡察组", "组长"}, {"第一巡察组", "成员"}, {"第二巡察组", "组长"}} {
		got, err := s.Draw(slot.team, slot.role, left)
		if err != nil {
			t.Fatal(err)
		}
		var rest []string
		for _, p := range left {
			if p != got {
				rest = append(rest, p)
			}
		}
		left = rest
	}
	return s.Record()
}

func TestReplayMatches(t *testing.T) {
	rec := sample(t, "现场宣读 37216")
	if err := Verify(rec); err != nil {
		t.Fatalf("a fresh record does not replay: %v", err)
	}
	b, err := rec.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var back Record
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := Verify(&back); err != nil {
		t.Fatalf("the record read back from JSON does not replay: %v", err)
	}
}

func TestTamperedRecordsFail(t *testing.T) {
	cases := []struct {
		name, want string
		edit       func(r *Record)
	}{
		{"改抽中结果", "重放结果", func(r *Record) { r.Steps[1].Drawn = r.Steps[0].Drawn }},
		{"改现场数值", "种子不符", func(r *Record) { r.Witness = "现场宣读 37217" }},
		{"改候选名单", "哈希不符", func(r *Record) { r.Candidates = append(r.Candidates, "P99999") }},
		{"换算法版本", "算法版本", func(r *Record) { r.Algorithm = "xuncha-draw/0" }},
		{"改候选人数", "候选人数为 9，记录为 10", func(r *Record) { r.Steps[1].Count = 10 }},
		{"候选中混入已抽中者", "已在之前抽中", func(r *Record) {
			// step 3 (组长 again) without deleting those drawn before
			r.Steps[2].Del, r.Steps[2].Count = "", 10
		}},
		{"新增已在名单中的人", "新增的候选已在前一步的名单中", func(r *Record) { r.Steps[2].Add = EncodeSet([]int32{9}) }},
		{"删去不在名单中的人", "删去的候选不在前一步的名单中", func(r *Record) { r.Steps[0].Del = EncodeSet([]int32{0}) }},
		{"位置越界", "编码无效", func(r *Record) { r.Steps[0].Add = EncodeSet([]int32{0, 10}) }},
		{"编码损坏", "编码无效", func(r *Record) { r.Steps[1].Add = "!!" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := sample(t, "现场宣读 37216")
			c.edit(rec)
			err := Verify(rec)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Verify = %v, want an error about %s", err, c.want)
			}
		})
	}
}

// TestReplaySteps: the replay says how many candidates each step had and
// where the one drawn stood, and the record is written compactly: each
// step but the first of its role as a difference.
func TestReplaySteps(t *testing.T) {
	rec := sample(t, "现场宣读 37216")
	steps, err := Replay(rec)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 3 || steps[0].Count != 10 || steps[1].Count != 9 || steps[2].Count != 8 {
		t.Fatalf("steps %+v", steps)
	}
	for i, st := range steps {
		if st.Pos < 1 || st.Pos > st.Count || st.Drawn != rec.Steps[i].Drawn {
			t.Errorf("step %d: %+v", i+1, st)
		}
	}
	if rec.Steps[2].Add != "" || rec.Steps[2].Del == "" {
		t.Errorf("step 3 (组长 again) written as %+v: want only the two drawn before deleted", rec.Steps[2])
	}
	if rec.Drawn() != 3 {
		t.Errorf("drawn %d", rec.Drawn())
	}
}

// TestOldRecordStillVerifies: a record of version 1 (every step's list by
// code), written by the program before, still replays by its own rules,
// is written back byte for byte, and caught when changed.
func TestOldRecordStillVerifies(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "record.json"))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ParseRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Algorithm != AlgorithmV1 {
		t.Fatalf("fixture of version %q", rec.Algorithm)
	}
	steps, err := Replay(rec)
	if err != nil {
		t.Fatalf("a version 1 record no longer replays: %v", err)
	}
	if steps[1].Count != 9 || steps[1].Drawn != "P00006" || steps[1].Pos != 6 {
		t.Errorf("step 2 replayed as %+v", steps[1])
	}
	again, err := rec.Marshal()
	if err != nil || string(again) != string(b) {
		t.Errorf("written back differently (%v):\n%s", err, again)
	}
	rec.Steps[1].Drawn = "P00007"
	if err := Verify(rec); err == nil || !strings.Contains(err.Error(), "重放结果") {
		t.Errorf("a changed version 1 record: %v", err)
	}
	rec, _ = ParseRecord(b)
	rec.Steps[2].Candidates = sortedCopy(append([]string{rec.Steps[0].Drawn}, rec.Steps[2].Candidates...))
	if err := Verify(rec); err == nil || !strings.Contains(err.Error(), "已在之前抽中") {
		t.Errorf("a version 1 step with one drawn before: %v", err)
	}
}

// TestGolden pins the whole algorithm: the same witness must draw the same
// people on every machine and Go version.
func TestGolden(t *testing.T) {
	rec := sample(t, "现场宣读 37216")
	b, err := rec.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "record2.json")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(b) {
		t.Fatalf("the draw changed:\n%s\nwant\n%s", b, want)
	}
}

func TestBelowIsUniform(t *testing.T) {
	d := NewDrawer(Seed("w", "r", Hash(nil)))
	const n, draws = 7, 70000
	var count [n]int
	for range draws {
		count[d.Below(n)]++
	}
	chi := 0.0
	for _, c := range count {
		e := float64(draws) / n
		chi += (float64(c) - e) * (float64(c) - e) / e
	}
	if chi > 22.46 { // p = 0.001 with 6 degrees of freedom
		t.Fatalf("counts %v look biased (χ² = %.1f)", count, chi)
	}
	if d.Below(1) != 0 {
		t.Fatal("Below(1) must be 0")
	}
	big := uint64(1)<<63 + 1 // most of the range is rejected half the time
	for range 100 {
		if d.Below(big) >= big {
			t.Fatal("Below out of range")
		}
	}
}

func TestStartRejectsRepeats(t *testing.T) {
	if _, err := Start("w", "r", []string{"P1", "P2", "P1"}); err == nil {
		t.Fatal("a repeated candidate must be refused")
	}
	s, _ := Start("w", "r", []string{"P1", "P2"})
	if _, err := s.Draw("组", "成员", []string{"P3"}); err == nil {
		t.Fatal("a step candidate off the list must be refused")
	}
}

func TestAlgorithmTextIsChinese(t *testing.T) {
	got := AlgorithmText(Algorithm)
	if !strings.HasPrefix(got, "xuncha-draw/") || !strings.Contains(got, "种子由算法版本") {
		t.Fatalf("AlgorithmText = %q", got)
	}
	for _, english := range []string{"seed=", "Uint64", "Lemire", "rejection", "uniform"} {
		if strings.Contains(got, english) {
			t.Errorf("%q still says %s", got, english)
		}
	}
	if AlgorithmText("other") != "other" {
		t.Error("an unknown algorithm should show as it is")
	}
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
