// Package draw is the witnessed random draw (随机抽取, SPEC §5): people are
// drawn at random for slots under observers, and anyone can replay the
// draw from its record and get the same result.
//
// The seed is SHA-256 over the algorithm version, the value the observers
// saw read out (the witness), the round and the hash of the sorted
// candidate list. The generator is ChaCha8 (math/rand/v2, whose output is
// fixed by the C2SP chacha8rand specification) used only for raw 64-bit
// values; the bounded sampling on top of it is this package's own
// (Lemire's multiply-shift with rejection), never math/rand's Shuffle or
// IntN, whose algorithms may change between Go versions. The algorithm
// string names all of this, and a record of another version is refused.
//
// A draw is a sequence of steps: each step has its own candidate list
// (sorted codes, worked out by the caller from the rules and the earlier
// steps) and draws one of them uniformly. The record keeps every step's
// list, so replaying needs nothing but the record.
package draw

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
)

// Algorithm names this version of the draw; it is written into every
// record and checked on replay.
const Algorithm = "xuncha-draw/1 (seed=SHA-256(version,witness,round,candidate hash); ChaCha8 Uint64; Lemire bounded sampling with rejection; one uniform draw per step)"

// Step is one draw: a slot, its candidates, and who was drawn.
type Step struct {
	Team       string   `json:"team"`
	Role       string   `json:"role"`
	Candidates []string `json:"candidates"` // sorted codes eligible at this step
	Drawn      string   `json:"drawn"`      // "" when there was no candidate
}

// Record is what a draw leaves behind: enough to replay it.
type Record struct {
	Algorithm      string   `json:"algorithm"`
	Round          string   `json:"round"`
	Witness        string   `json:"witness"`        // the value read out at the meeting
	Candidates     []string `json:"candidates"`     // every candidate, sorted by code
	CandidatesHash string   `json:"candidatesHash"` // hex SHA-256 of Candidates
	Seed           string   `json:"seed"`           // hex SHA-256 seed of the generator
	Steps          []Step   `json:"steps"`
}

// Hash returns the hex SHA-256 of a sorted candidate list (one code per
// line).
func Hash(candidates []string) string {
	h := sha256.New()
	for _, c := range candidates {
		h.Write([]byte(c))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Seed derives the generator's seed from the witness value, the round and
// the candidate list's hash.
func Seed(witness, round, listHash string) [32]byte {
	var b strings.Builder
	for _, part := range []string{Algorithm, witness, round, listHash} {
		fmt.Fprintf(&b, "%d:%s\n", len(part), part)
	}
	return sha256.Sum256([]byte(b.String()))
}

// Drawer draws bounded numbers from ChaCha8.
type Drawer struct{ g *rand.ChaCha8 }

// NewDrawer starts a generator at seed.
func NewDrawer(seed [32]byte) *Drawer { return &Drawer{rand.NewChaCha8(seed)} }

// Below returns a uniform number in [0, n), n > 0: Lemire's method, the
// high word of a 64×64-bit product, rejecting the few low words that
// would bias it.
func (d *Drawer) Below(n uint64) uint64 {
	hi, lo := bits.Mul64(d.g.Uint64(), n)
	if lo < n {
		floor := -n % n // 2^64 mod n
		for lo < floor {
			hi, lo = bits.Mul64(d.g.Uint64(), n)
		}
	}
	return hi
}

// Session is a draw in progress.
type Session struct {
	rec *Record
	d   *Drawer
	in  map[string]bool
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
		CandidatesHash: h, Seed: hex.EncodeToString(seed[:]), Steps: []Step{}}, d: NewDrawer(seed), in: map[string]bool{}}
	for _, c := range cs {
		s.in[c] = true
	}
	return s, nil
}

// Draw draws one of candidates (which are sorted here) for a slot of
// team in role and records the step; it returns "" when there are none.
// Every candidate must be on the session's list.
func (s *Session) Draw(team, role string, candidates []string) (string, error) {
	cs := slices.Clone(candidates)
	slices.Sort(cs)
	if i := firstRepeat(cs); i >= 0 {
		return "", fmt.Errorf("第%d步候选中 %s 重复", len(s.rec.Steps)+1, cs[i])
	}
	for _, c := range cs {
		if !s.in[c] {
			return "", fmt.Errorf("第%d步候选 %s 不在候选名单中", len(s.rec.Steps)+1, c)
		}
	}
	st := Step{Team: team, Role: role, Candidates: cs}
	if cs == nil {
		st.Candidates = []string{}
	}
	if len(cs) > 0 {
		st.Drawn = cs[s.d.Below(uint64(len(cs)))]
	}
	s.rec.Steps = append(s.rec.Steps, st)
	return st.Drawn, nil
}

// Record returns the record of the draw so far.
func (s *Session) Record() *Record { return s.rec }

// Verify replays rec and returns nil when it matches, else what differs,
// in Chinese.
func Verify(rec *Record) error {
	if rec.Algorithm != Algorithm {
		return fmt.Errorf("算法版本不符：记录为 %q，本程序为 %q", rec.Algorithm, Algorithm)
	}
	if !slices.IsSorted(rec.Candidates) || firstRepeat(rec.Candidates) >= 0 {
		return fmt.Errorf("候选名单未按编号排序或有重复")
	}
	if h := Hash(rec.Candidates); h != rec.CandidatesHash {
		return fmt.Errorf("候选名单的哈希不符：记录为 %s，重算为 %s", rec.CandidatesHash, h)
	}
	seed := Seed(rec.Witness, rec.Round, rec.CandidatesHash)
	if s := hex.EncodeToString(seed[:]); s != rec.Seed {
		return fmt.Errorf("种子不符：记录为 %s，由现场数值、轮次和候选名单重算为 %s", rec.Seed, s)
	}
	in := map[string]bool{}
	for _, c := range rec.Candidates {
		in[c] = true
	}
	d := NewDrawer(seed)
	drawn := map[string]bool{}
	for i, st := range rec.Steps {
		if !slices.IsSorted(st.Candidates) || firstRepeat(st.Candidates) >= 0 {
			return fmt.Errorf("第%d步（%s %s）的候选未排序或有重复", i+1, st.Team, st.Role)
		}
		for _, c := range st.Candidates {
			if !in[c] {
				return fmt.Errorf("第%d步（%s %s）的候选 %s 不在候选名单中", i+1, st.Team, st.Role, c)
			}
			if drawn[c] {
				return fmt.Errorf("第%d步（%s %s）的候选 %s 已在之前抽中", i+1, st.Team, st.Role, c)
			}
		}
		want := ""
		if len(st.Candidates) > 0 {
			want = st.Candidates[d.Below(uint64(len(st.Candidates)))]
		}
		if want != st.Drawn {
			return fmt.Errorf("第%d步（%s %s）重放结果为 %q，记录为 %q", i+1, st.Team, st.Role, want, st.Drawn)
		}
		if want != "" {
			drawn[want] = true
		}
	}
	return nil
}

func firstRepeat(sorted []string) int {
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return i
		}
	}
	return -1
}

// Marshal writes the record as JSON that stays readable at any size: the
// fields one per line, the candidate list on one line, each step on a
// line of its own. Verify reads it back like any JSON.
func (r *Record) Marshal() ([]byte, error) {
	var b strings.Builder
	field := func(name string, v any, last bool) error {
		x, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %q: %s", name, x)
		if !last {
			b.WriteString(",")
		}
		b.WriteString("\n")
		return nil
	}
	b.WriteString("{\n")
	for _, f := range []struct {
		name string
		v    any
	}{{"algorithm", r.Algorithm}, {"round", r.Round}, {"witness", r.Witness}, {"candidates", r.Candidates},
		{"candidatesHash", r.CandidatesHash}, {"seed", r.Seed}} {
		if err := field(f.name, f.v, false); err != nil {
			return nil, err
		}
	}
	b.WriteString("  \"steps\": [")
	for i, st := range r.Steps {
		x, err := json.Marshal(st)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    ")
		b.Write(x)
	}
	if len(r.Steps) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	return []byte(b.String()), nil
}

// ParseRecord reads a record written by Marshal (or any JSON of the same
// shape). It checks the shape only; Verify says whether it replays.
func ParseRecord(b []byte) (*Record, error) {
	var rec Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("不是有效的抽取记录（JSON 格式错误）: %w", err)
	}
	if rec.Algorithm == "" || rec.Seed == "" || rec.CandidatesHash == "" {
		return nil, fmt.Errorf("不是有效的抽取记录：缺少算法版本、种子或候选名单哈希")
	}
	return &rec, nil
}
