package assign

import (
	"encoding/json"
	"slices"
	"testing"

	"xuncha/app/draw"
	"xuncha/app/vocab"
)

func TestDrawReplaysAndKeepsRules(t *testing.T) {
	for seed := range uint64(40) {
		in := randomInstance(seed, 12, 3)
		set := tinySettings(1+int(seed%2), seed%2 == 0)
		res, rec, err := Draw(in, set, "现场数值 4821")
		if err != nil {
			t.Fatal(err)
		}
		if err := newOracle(in, set).valid(res); err != nil {
			t.Fatalf("seed %d: the draw broke a rule: %v", seed, err)
		}
		if err := draw.Verify(rec); err != nil {
			t.Fatalf("seed %d: the record does not replay: %v", seed, err)
		}
		again, rec2, _ := Draw(in, set, "现场数值 4821")
		a, _ := json.Marshal(res)
		b, _ := json.Marshal(again)
		r1, _ := json.Marshal(rec)
		r2, _ := json.Marshal(rec2)
		if string(a) != string(b) || string(r1) != string(r2) {
			t.Fatalf("seed %d: the same witness drew differently", seed)
		}
	}
}

// TestDrawKeepsTheFill: the draw may not take, for an early slot, the one
// person a later slot needs.
func TestDrawKeepsTheFill(t *testing.T) {
	for _, witness := range []string{"1", "2", "3", "4", "5", "6", "7", "8"} {
		in := &Instance{Mode: vocab.ModeMixed, Round: "R", Teams: []Team{team("第一组", 1, "C1", "U1"), team("第二组", 2, "C1", "U2")},
			People: []Person{person("X", "C2", 1), person("Y", "C3", 1)},
			Hits:   []Hit{{Person: "Y", Team: "第二组", Unit: "U2", Rule: "R1", Hard: true, Reason: "现任职"}}}
		res, _, err := Draw(in, rows(2, remote(vocab.RoleLeader, 1, vocab.PoolLeader)), witness)
		if err != nil {
			t.Fatal(err)
		}
		if res.Objective.Filled != 2 {
			t.Fatalf("witness %s: filled %d, want 2 (Y leads 第一组, X 第二组)", witness, res.Objective.Filled)
		}
	}
}

// releasableBFS is the first way the draw found the slots that could let
// their person go: a search from every person nobody holds (and slot i's
// own) along the slots each could take. release must find the same.
func releasableBFS(d *drawing, i int) []bool {
	radj := make([][]int32, len(d.w.people))
	for s, ps := range d.adj {
		for _, p := range ps {
			radj[p] = append(radj[p], int32(s))
		}
	}
	good := make([]bool, len(d.slots))
	var queue []int32
	for p := range d.matchP {
		if !d.gone[p] && (d.matchP[p] < 0 || d.matchP[p] == int32(i)) {
			queue = append(queue, int32(p))
		}
	}
	for k := 0; k < len(queue); k++ {
		for _, s := range radj[queue[k]] {
			if d.done[s] || int(s) == i || good[s] || d.matchS[s] < 0 {
				continue
			}
			good[s] = true
			queue = append(queue, d.matchS[s])
		}
	}
	return good
}

// TestReleaseMatchesSearch follows draws of random rounds step by step:
// the slots release marks are those the search from free people reaches,
// and the people allowed beside the members are those the rules, applied
// one person at a time, let in.
func TestReleaseMatchesSearch(t *testing.T) {
	tight := 0 // open held slots that cannot let their person go: the cases that matter
	for seed := range uint64(60) {
		in := randomInstance(seed, 10+int(seed%8), 3+int(seed%3))
		set := tinySettings(1+int(seed%2), seed%2 == 0)
		w, err := newWorld(in, set)
		if err != nil {
			t.Fatal(err)
		}
		d := w.newDrawing()
		for i := range d.slots {
			want := releasableBFS(d, i)
			d.release(int32(i))
			for s := range d.slots {
				if s != i && d.good[s] != want[s] {
					t.Fatalf("seed %d, step %d: slot %d good %v, the search says %v", seed, i, s, d.good[s], want[s])
				}
				if s != i && !want[s] && !d.done[s] && d.matchS[s] >= 0 {
					tight++
				}
			}
			var want2 []int32
			for _, p := range d.adj[i] {
				if !d.gone[p] && fitsOne(d, p, d.slots[i]) {
					want2 = append(want2, p)
				}
			}
			if got := d.allowed(d.slots[i], d.adj[i]); !slices.Equal(got, want2) {
				t.Fatalf("seed %d, step %d: allowed %v, one at a time %v", seed, i, got, want2)
			}
			cands := d.candidates(i)
			p, drew := int32(-1), len(cands) > 0
			if drew {
				p = cands[int(seed)%len(cands)]
			}
			d.take(i, p, drew)
		}
	}
	if tight < 500 {
		t.Errorf("only %d tight slots met: the instances do not test release", tight)
	}
}

// fitsOne is the first way the draw applied the rules between members
// to p on slot s, one person at a time; allowed must agree with it.
func fitsOne(d *drawing, p int32, s dslot) bool {
	w := d.w
	pi := &w.people[p]
	same := int32(0)
	for _, m := range d.ms[s.t] {
		if w.kin(p, m.p, s.t) {
			return false
		}
		if !m.locked && !w.rows[m.row].local && w.people[m.p].county == pi.county {
			same++
		}
	}
	if w.mode == vocab.ModeMixed && !w.rows[s.r].local && pi.county != w.teams[s.t].county && same >= w.capLeft(s.t, pi.county) {
		return false
	}
	if d.left[s.t] == 1 && !d.empty[s.t] {
		var have uint32
		for _, m := range d.ms[s.t] {
			have |= w.people[m.p].groups
		}
		if need := w.allGroups() &^ have; pi.groups&need != need {
			return false
		}
	}
	return true
}
