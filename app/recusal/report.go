package recusal

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/snap"
)

// Row is a hit with the names a screen or printout shows next to it.
type Row struct {
	Hit
	PersonName string
	HomeCounty string // name of the person's home county
	TeamSeq    int
	UnitName   string // "" for R6/R7
	OtherName  string // R6/R7
}

// Report is the recusal report of a round (回避报告): its hits with names
// resolved, ready to show, sort, count and write.
type Report struct {
	Round, RoundName string
	OnsiteStart      civil.Date
	Rows             []Row
}

// Report wraps hits of round r (from Round or Roster) with the names of
// the snapshot.
func (c *Checker) Report(r *snap.Round, hits []Hit) *Report {
	rep := &Report{Round: r.Code, RoundName: r.Name, OnsiteStart: r.OnsiteStart, Rows: make([]Row, len(hits))}
	seq := make(map[string]int, len(r.Teams))
	for _, t := range r.Teams {
		seq[t.Name] = t.Seq
	}
	for i, h := range hits {
		row := Row{Hit: h, TeamSeq: seq[h.Team], PersonName: h.Person}
		if p := c.snap.Person(h.Person); p != nil {
			row.PersonName = p.Name
			row.HomeCounty = c.snap.CountyName(p.HomeCounty)
		}
		if h.Unit != "" {
			row.UnitName = c.snap.UnitName(h.Unit)
		}
		if h.Other != "" {
			row.OtherName = h.Other
			if p := c.snap.Person(h.Other); p != nil {
				row.OtherName = p.Name
			}
		}
		rep.Rows[i] = row
	}
	return rep
}

// Hits returns the hits of the report in its current order.
func (r *Report) Hits() []Hit {
	out := make([]Hit, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.Hit
	}
	return out
}

// Sort keys for Report.Sort.
const (
	ByTeam     = "team"     // team seq, person, unit, rule (the report's own order)
	ByPerson   = "person"   // person code, team, unit, rule
	ByUnit     = "unit"     // unit code, team, person, rule
	ByRule     = "rule"     // rule, severity, team, person, unit
	BySeverity = "severity" // hard first, then rule, team, person, unit
)

// Sort orders the rows by key (one of ByTeam … BySeverity); unknown keys
// sort by team. Ties keep a full, deterministic order.
func (r *Report) Sort(key string, desc bool) {
	team := func(a, b *Row) int {
		return cmp.Or(cmp.Compare(a.TeamSeq, b.TeamSeq), strings.Compare(a.Team, b.Team))
	}
	rest := func(a, b *Row) int {
		return cmp.Or(team(a, b), strings.Compare(a.Person, b.Person), strings.Compare(a.Unit, b.Unit),
			strings.Compare(a.Rule, b.Rule), strings.Compare(a.Other, b.Other))
	}
	var f func(a, b *Row) int
	switch key {
	case ByPerson:
		f = func(a, b *Row) int { return cmp.Or(strings.Compare(a.Person, b.Person), rest(a, b)) }
	case ByUnit:
		f = func(a, b *Row) int { return cmp.Or(strings.Compare(a.Unit, b.Unit), rest(a, b)) }
	case ByRule:
		f = func(a, b *Row) int { return cmp.Or(strings.Compare(a.Rule, b.Rule), rest(a, b)) }
	case BySeverity:
		f = func(a, b *Row) int {
			return cmp.Or(cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
				strings.Compare(a.Rule, b.Rule), rest(a, b))
		}
	default:
		f = rest
	}
	slices.SortStableFunc(r.Rows, func(a, b Row) int {
		if desc {
			return f(&b, &a)
		}
		return f(&a, &b)
	})
}

func severityRank(s Severity) int {
	switch s {
	case Hard:
		return 0
	case Soft:
		return 1
	}
	return 2
}

// Count is the number of hits of one rule and severity.
type Count struct {
	Rule       string
	Severity   Severity
	Hits       int // hits in all
	People     int // distinct people
	Overridden int // hits lifted by an approved override
}

// Summary counts the hits by rule (report order) and severity.
func (r *Report) Summary() []Count {
	type key struct {
		rule string
		sev  Severity
	}
	idx := map[key]int{}
	var out []Count
	people := map[key]map[string]bool{}
	for _, row := range r.Rows {
		k := key{row.Rule, row.Severity}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Count{Rule: row.Rule, Severity: row.Severity})
			people[k] = map[string]bool{}
		}
		out[i].Hits++
		if row.Overridden {
			out[i].Overridden++
		}
		if !people[k][row.Person] {
			people[k][row.Person] = true
			out[i].People++
		}
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(slices.Index(Rules, a.Rule), slices.Index(Rules, b.Rule)),
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)))
	})
	return out
}

// jsonHit is one hit as `xuncha check --round R --json` writes it (SPEC §6.3).
type jsonHit struct {
	Person   string   `json:"person"`
	Team     string   `json:"team"`
	Unit     string   `json:"unit"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Roles    []string `json:"roles,omitempty"`
	Reason   string   `json:"reason"`
}

// WriteJSON writes the hits of round as SPEC §6.3 describes them: an object
// with the round code and the hits, one hit per line, in the given order.
// The same hits give the same bytes.
func WriteJSON(w io.Writer, round string, hits []Hit) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	bw := bufio.NewWriter(w)
	encode := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	bw.WriteString(`{"round": `)
	if err := encode(round); err != nil {
		return err
	}
	bw.WriteString(`, "hits": [`)
	for i, h := range hits {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		if err := encode(jsonHit{h.Person, h.Team, h.Unit, h.Rule, h.Severity, h.Roles, h.Reason}); err != nil {
			return err
		}
	}
	if len(hits) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}
