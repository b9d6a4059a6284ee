package draw

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Marshal writes the record as JSON that stays readable at any size: the
// fields one per line, the candidate list on one line, each step on a
// line of its own, in the shape of the record's version. Verify reads it
// back like any JSON.
func (r *Record) Marshal() ([]byte, error) {
	var b strings.Builder
	field := func(name string, v any) error {
		x, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %q: %s,\n", name, x)
		return nil
	}
	b.WriteString("{\n")
	for _, f := range []struct {
		name string
		v    any
	}{{"algorithm", r.Algorithm}, {"round", r.Round}, {"witness", r.Witness}, {"candidates", r.Candidates},
		{"candidatesHash", r.CandidatesHash}, {"seed", r.Seed}} {
		if err := field(f.name, f.v); err != nil {
			return nil, err
		}
	}
	b.WriteString("  \"steps\": [")
	for i, st := range r.Steps {
		var v any = stepV2{st.Team, st.Role, st.Count, st.Del, st.Add, st.Drawn}
		if r.Algorithm == AlgorithmV1 {
			cs := st.Candidates
			if cs == nil {
				cs = []string{}
			}
			v = stepV1{st.Team, st.Role, cs, st.Drawn}
		}
		x, err := json.Marshal(v)
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

// stepV1 and stepV2 are a step as each version writes it.
type (
	stepV1 struct {
		Team       string   `json:"team"`
		Role       string   `json:"role"`
		Candidates []string `json:"candidates"`
		Drawn      string   `json:"drawn"`
	}
	stepV2 struct {
		Team  string `json:"team"`
		Role  string `json:"role"`
		Count int    `json:"count"`
		Del   string `json:"del,omitempty"`
		Add   string `json:"add,omitempty"`
		Drawn string `json:"drawn"`
	}
)

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

// Drawn returns the number of steps that drew someone.
func (r *Record) Drawn() int {
	n := 0
	for _, st := range r.Steps {
		if st.Drawn != "" {
			n++
		}
	}
	return n
}
