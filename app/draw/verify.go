package draw

import (
	"encoding/hex"
	"fmt"
	"slices"
)

// Replayed is one step of a record as its replay finds it.
type Replayed struct {
	Team, Role string
	Count      int    // the step's candidates
	Pos        int    // the one drawn among them, counted from 1; 0 when none
	Drawn      string // "" when there was no candidate
}

// Verify replays rec and returns nil when it matches, else what differs,
// in Chinese.
func Verify(rec *Record) error {
	_, err := Replay(rec)
	return err
}

// Replay replays rec by the rules of its version and returns its steps:
// how many candidates each had and where the one drawn stood among them.
// It fails, saying what differs, when the record does not replay.
func Replay(rec *Record) ([]Replayed, error) {
	if rec.Algorithm != Algorithm && rec.Algorithm != AlgorithmV1 {
		return nil, fmt.Errorf("算法版本不符：记录为 %q，本程序为 %q", rec.Algorithm, Algorithm)
	}
	if !slices.IsSorted(rec.Candidates) || firstRepeat(rec.Candidates) >= 0 {
		return nil, fmt.Errorf("候选名单未按编号排序或有重复")
	}
	if h := Hash(rec.Candidates); h != rec.CandidatesHash {
		return nil, fmt.Errorf("候选名单的哈希不符：记录为 %s，重算为 %s", rec.CandidatesHash, h)
	}
	seed := seedOf(rec.Algorithm, rec.Witness, rec.Round, rec.CandidatesHash)
	if s := hex.EncodeToString(seed[:]); s != rec.Seed {
		return nil, fmt.Errorf("种子不符：记录为 %s，由现场数值、轮次和候选名单重算为 %s", rec.Seed, s)
	}
	if rec.Algorithm == AlgorithmV1 {
		return replayV1(rec, NewDrawer(seed))
	}
	return replayV2(rec, NewDrawer(seed))
}

// replayV2 replays the steps of a version 2 record: each list rebuilt from
// the previous list of its role.
func replayV2(rec *Record, d *Drawer) ([]Replayed, error) {
	n := len(rec.Candidates)
	base := map[string][]int32{}
	drawn := make([]bool, n)
	out := make([]Replayed, len(rec.Steps))
	for i, st := range rec.Steps {
		where := fmt.Sprintf("第%d步（%s %s）", i+1, st.Team, st.Role)
		del, err := DecodeSet(st.Del, n)
		if err != nil {
			return nil, fmt.Errorf("%s的删去名单：%w", where, err)
		}
		add, err := DecodeSet(st.Add, n)
		if err != nil {
			return nil, fmt.Errorf("%s的新增名单：%w", where, err)
		}
		set, err := patch(base[st.Role], del, add)
		if err != nil {
			return nil, fmt.Errorf("%s：%w", where, err)
		}
		if len(set) != st.Count {
			return nil, fmt.Errorf("%s的候选人数为 %d，记录为 %d", where, len(set), st.Count)
		}
		for _, v := range set {
			if drawn[v] {
				return nil, fmt.Errorf("%s的候选 %s 已在之前抽中", where, rec.Candidates[v])
			}
		}
		r := Replayed{Team: st.Team, Role: st.Role, Count: len(set)}
		if len(set) > 0 {
			k := d.Below(uint64(len(set)))
			r.Pos, r.Drawn = int(k)+1, rec.Candidates[set[k]]
			drawn[set[k]] = true
		}
		if r.Drawn != st.Drawn {
			return nil, fmt.Errorf("%s重放结果为 %q，记录为 %q", where, r.Drawn, st.Drawn)
		}
		base[st.Role] = set
		out[i] = r
	}
	return out, nil
}

// replayV1 replays the steps of a version 1 record, whose steps list
// their candidates by code.
func replayV1(rec *Record, d *Drawer) ([]Replayed, error) {
	in := make(map[string]bool, len(rec.Candidates))
	for _, c := range rec.Candidates {
		in[c] = true
	}
	drawn := map[string]bool{}
	out := make([]Replayed, len(rec.Steps))
	for i, st := range rec.Steps {
		if !slices.IsSorted(st.Candidates) || firstRepeat(st.Candidates) >= 0 {
			return nil, fmt.Errorf("第%d步（%s %s）的候选未排序或有重复", i+1, st.Team, st.Role)
		}
		for _, c := range st.Candidates {
			if !in[c] {
				return nil, fmt.Errorf("第%d步（%s %s）的候选 %s 不在候选名单中", i+1, st.Team, st.Role, c)
			}
			if drawn[c] {
				return nil, fmt.Errorf("第%d步（%s %s）的候选 %s 已在之前抽中", i+1, st.Team, st.Role, c)
			}
		}
		r := Replayed{Team: st.Team, Role: st.Role, Count: len(st.Candidates)}
		if len(st.Candidates) > 0 {
			k := d.Below(uint64(len(st.Candidates)))
			r.Pos, r.Drawn = int(k)+1, st.Candidates[k]
		}
		if r.Drawn != st.Drawn {
			return nil, fmt.Errorf("第%d步（%s %s）重放结果为 %q，记录为 %q", i+1, st.Team, st.Role, r.Drawn, st.Drawn)
		}
		if r.Drawn != "" {
			drawn[r.Drawn] = true
		}
		out[i] = r
	}
	return out, nil
}
