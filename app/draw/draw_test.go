package draw

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
		{"改抽中结果", "重放结果", func(r *Record) {
			st := &r.Steps[1]
			for _, c := range st.Candidates {
				if c != st.Drawn {
					st.Drawn = c
					break
				}
			}
		}},
		{"改现场数值", "种子不符", func(r *Record) { r.Witness = "现场宣读 37217" }},
		{"改候选名单", "哈希不符", func(r *Record) { r.Candidates = append(r.Candidates, "P99999") }},
		{"换算法版本", "算法版本", func(r *Record) { r.Algorithm = "xuncha-draw/0" }},
		{"候选中混入已抽中者", "已在之前抽中", func(r *Record) {
			r.Steps[2].Candidates = append([]string{r.Steps[0].Drawn}, r.Steps[2].Candidates...)
			r.Steps[2].Candidates = sortedCopy(r.Steps[2].Candidates)
		}},
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

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestGolden pins the whole algorithm: the same witness must draw the same
// people on every machine and Go version.
func TestGolden(t *testing.T) {
	rec := sample(t, "现场宣读 37216")
	b, err := rec.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "record.json")
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
