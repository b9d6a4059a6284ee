package assign

import (
	"slices"
	"strings"

	"xuncha/app/snap"
)

// joint is a round's 巡审联动 requirement (SPEC §8.1) over a snapshot:
// who meets it, and how messages describe it.
type joint struct {
	s    *snap.Snapshot
	req  snap.Joint
	text string // "" when the round has no requirement
}

// jointOf reads the requirement of round r.
func jointOf(s *snap.Snapshot, r *snap.Round) joint {
	j := joint{s: s, req: r.Joint}
	if r.Joint.Set() {
		j.text = JointText(s, r.Joint)
	}
	return j
}

// JointText describes a 巡审联动 requirement: "现工作单位为 市审计局、县审计局
// 或 国有企业类单位".
func JointText(s *snap.Snapshot, req snap.Joint) string {
	var parts []string
	if len(req.Units) > 0 {
		names := make([]string, len(req.Units))
		for i, u := range req.Units {
			names[i] = s.UnitName(u)
		}
		parts = append(parts, strings.Join(names, "、"))
	}
	if len(req.Categories) > 0 {
		parts = append(parts, strings.Join(req.Categories, "、")+"类单位")
	}
	return "现工作单位为 " + strings.Join(parts, " 或 ")
}

// meets reports whether p's current unit (现工作单位, or a work history
// stint without an end, as the recusal rules read it) is one of the
// requirement's units or of one of its categories.
func (j joint) meets(p *snap.Person) bool {
	if j.text == "" {
		return false
	}
	ok := func(code string) bool {
		if code == "" {
			return false
		}
		if slices.Contains(j.req.Units, code) {
			return true
		}
		u := j.s.Unit(code)
		return u != nil && slices.Contains(j.req.Categories, u.Category)
	}
	if ok(p.CurrentUnit) {
		return true
	}
	for _, st := range p.History {
		if st.To.IsZero() && ok(st.Unit) {
			return true
		}
	}
	return false
}
