package draw

import (
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Session is a draw in progress.
type Session struct {
	rec   *Record
	d     *Drawer
	index map[string]int32   // candidate code → position in rec.Candidates
	base  map[string][]int32 // role → the list of its last step
}

// Start begins a draw for round among candidates witnessed by witness.
// The candidates are sorted and must not repeat.
func Start(witness, round string, candidates []string) (*Session, error) {
	cs := slices.Clone(candidates)
	slices.Sort(cs)
	if i := firstRepeat(cs); i >= 0 {
		return nil, fmt.Errorf("候选名单中 %s 重复", cs[i])
	}
	for _, c := range cs {
		if c == "" || strings.ContainsAny(c, "\n\r") {
			return nil, fmt.Errorf("候选编号 %q 无效", c)
		}
	}
	h := Hash(cs)
	seed := Seed(witness, round, h)
	s := &Session{rec: &Record{Algorithm: Algorithm, Round: round, Witness: witness, Candidates: cs,
		CandidatesHash: h, Seed: hex.EncodeToString(seed[:]), Steps: []Step{}}, d: NewDrawer(seed),
		index: make(map[string]int32, len(cs)), base: map[string][]int32{}}
	for i, c := range cs {
		s.index[c] = int32(i)
	}
	return s, nil
}

// Draw draws one of candidates (codes, in any order) for a slot of team
// in role and records the step; it returns "" when there are none. Every
// candidate must be on the session's list.
func (s *Session) Draw(team, role string, candidates []string) (string, error) {
	set := make([]int32, 0, len(candidates))
	for _, c := range candidates {
		i, ok := s.index[c]
		if !ok {
			return "", fmt.Errorf("第%d步候选 %s 不在候选名单中", len(s.rec.Steps)+1, c)
		}
		set = append(set, i)
	}
	slices.Sort(set)
	if k := firstRepeat(set); k >= 0 {
		return "", fmt.Errorf("第%d步候选中 %s 重复", len(s.rec.Steps)+1, s.rec.Candidates[set[k]])
	}
	return s.DrawSet(team, role, set)
}

// DrawSet is Draw with the step's candidates given as their positions in
// the session's sorted list (Candidates), strictly increasing: the
// caller that works positions out once spares the lookups of codes.
func (s *Session) DrawSet(team, role string, set []int32) (string, error) {
	n := len(s.rec.Candidates)
	for k, v := range set {
		if v < 0 || int(v) >= n || k > 0 && v <= set[k-1] {
			return "", fmt.Errorf("第%d步的候选位置无效或未排序", len(s.rec.Steps)+1)
		}
	}
	del, add := diff(s.base[role], set)
	st := Step{Team: team, Role: role, Count: len(set), Del: EncodeSet(del), Add: EncodeSet(add)}
	if len(set) > 0 {
		st.Drawn = s.rec.Candidates[set[s.d.Below(uint64(len(set)))]]
	}
	s.base[role] = append(s.base[role][:0], set...)
	s.rec.Steps = append(s.rec.Steps, st)
	return st.Drawn, nil
}

// Record returns the record of the draw so far.
func (s *Session) Record() *Record { return s.rec }

// Candidates returns the session's candidates, sorted by code: the list
// DrawSet's positions point into. It must not be changed.
func (s *Session) Candidates() []string { return s.rec.Candidates }

func firstRepeat[T comparable](sorted []T) int {
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return i
		}
	}
	return -1
}
