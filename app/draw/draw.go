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
// string names all of this.
//
// A draw is a sequence of steps: each step has its own candidate list
// (worked out by the caller from the rules and the earlier steps) and
// draws one of them uniformly. The record keeps the whole candidate list
// once, sorted by code, and each step's list as a set of positions in it,
// written as the difference from the list of the step before with the
// same role (version 2: a province's record is a few megabytes, where
// version 1 wrote every step's list out and reached 166 MB). Replaying
// needs nothing but the record. Records of version 1 still replay, by the
// rules of their version.
package draw

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
)

// Algorithm names this version of the draw; it is written into every
// record and checked on replay.
const Algorithm = "xuncha-draw/2 (seed=SHA-256(version,witness,round,candidate hash); ChaCha8 Uint64; Lemire bounded sampling with rejection; one uniform draw per step; step lists as positions in the candidate list, each the difference from the previous step of the same role)"

// AlgorithmV1 is the first version, whose records list every step's
// candidates by code. Its records still replay.
const AlgorithmV1 = "xuncha-draw/1 (seed=SHA-256(version,witness,round,candidate hash); ChaCha8 Uint64; Lemire bounded sampling with rejection; one uniform draw per step)"

// Step is one draw: a slot, its candidates, and who was drawn.
type Step struct {
	Team string `json:"team"`
	Role string `json:"role"`
	// Count is the number of the step's candidates; Del and Add give
	// them as positions in Record.Candidates: those of the previous step
	// of the same role (none for the first) without Del and with Add,
	// each a sorted set written by EncodeSet. Version 2.
	Count int    `json:"count"`
	Del   string `json:"del,omitempty"`
	Add   string `json:"add,omitempty"`
	// Candidates are the step's candidates by code, sorted. Version 1.
	Candidates []string `json:"candidates,omitempty"`
	Drawn      string   `json:"drawn"` // "" when there was no candidate
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
// the candidate list's hash, for this version of the algorithm.
func Seed(witness, round, listHash string) [32]byte {
	return seedOf(Algorithm, witness, round, listHash)
}

// seedOf derives the seed of algorithm version alg.
func seedOf(alg, witness, round, listHash string) [32]byte {
	var b strings.Builder
	for _, part := range []string{alg, witness, round, listHash} {
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
