package assign

import (
	"encoding/json"
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
