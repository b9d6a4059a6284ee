package assign

import (
	"xuncha/app/civil"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// Instance is one assignment problem in the solver's own terms: the teams
// of a round, the people who may be drafted, and what the recusal rules
// found. FromSnapshot builds it from a snapshot; tests build it directly.
type Instance struct {
	Round  string
	Mode   string // vocab.ModeMixed, vocab.ModeSwap or vocab.ModeLocal
	Seed   string
	Start  civil.Date // the round's 进驻开始: the day new promotions are owed on
	Teams  []Team     // in roster order (Seq, then name)
	People []Person   // any order; the solver sorts by code
	Hits   []Hit      // R1–R5 findings of people against teams (R4 is ignored: the role table decides locality)
	Pairs  []Pair     // R6 and R7 findings between two people
	// Previous are the county pairs of the previous round (inspected
	// county, county its people came from), for 成建制交叉.
	Previous []Route
	// Between, when set, returns the R6 and R7 findings between two
	// people, for the warnings of the teams found (Pairs must still hold
	// every hard pair, which the solver keeps apart).
	Between  func(a, b string) []Pair
	Locks    []Lock   // people fixed to a team and role by hand
	Excluded []string // people kept out by hand
	// Lifted are the people whom approved R4 overrides let take, on a
	// team of their own county, a role that must come from elsewhere:
	// Check shows such a placement as lifted instead of breaking the
	// locality rule. The solver itself still fills those roles from
	// elsewhere.
	Lifted []Lift
	// Names of counties and units, for messages; codes stand in for
	// missing names.
	CountyNames, UnitNames map[string]string
	// City lists the 市本级 jurisdictions (SPEC §8.1): the only ones a row
	// of origin 市本级 draws on.
	City []string
	// Joint describes the round's 巡审联动 requirement for messages
	// ("现工作单位为 市审计局 或 审计类单位"); when set, every team needs a
	// member whose Joint is true, as it needs a required skill. "": none.
	Joint string
}

// jointName is the 巡审联动 requirement as a required group is named.
const jointName = vocab.LevelAudit

// Team is a team of the round to be filled.
type Team struct {
	Name       string
	Seq        int
	County     string   // county of its units
	Units      []string // unit codes
	Categories []string // categories of its units
}

// Person is someone who may be drafted, with the facts the objective needs
// (SPEC §5 and §11.3).
type Person struct {
	Code, Name string
	County     string // 工作关系地
	Pools      snap.PoolSet
	FullTime   bool
	Skills     []string
	Status     string // 在库, 暂停, 出库
	Served     int    // rounds served earlier in the term
	Previous   bool   // served in the round just before
	// Experience is the number of earlier rounds, of any term, served.
	Experience int
	// Rank (职级) and PromotedOn (新提拔日期) decide, with the rounds
	// served since that day (SincePromoted), what the person owes as a
	// newly promoted cadre (Experience.Owes).
	Rank          string
	PromotedOn    civil.Date
	SincePromoted int
	Joint         bool // meets the round's 巡审联动 requirement
}

// Hit is a recusal finding of a person against a team.
type Hit struct {
	Person, Team, Unit string
	Rule               string
	Hard               bool     // 回避 (else 提示)
	Overridden         bool     // an approved override lifts it
	Roles              []string // nil: every role
	Reason             string
}

// binds reports whether h applies to role.
func (h *Hit) binds(role string) bool {
	if h.Roles == nil {
		return true
	}
	for _, r := range h.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Pair is a finding between two people: R6 (close relatives, hard unless
// set otherwise) or R7 (same current unit, soft).
type Pair struct {
	A, B   string
	Rule   string
	Hard   bool
	Lifted []string // teams on which an approved override lifts it
	Reason string
}

// Route is one county pair of a 成建制交叉 rotation: the teams of
// Inspected are staffed from Source.
type Route struct {
	Inspected string `json:"inspected"`
	Source    string `json:"source"`
}

// Lift is an approved R4 override of a person on a team (SPEC §10.3).
type Lift struct {
	Person, Team string
}

// Lock fixes a person to a team in a role.
type Lock struct {
	Person, Team, Role string
}

// countyName returns the name of county c, or c.
func (in *Instance) countyName(c string) string {
	if n := in.CountyNames[c]; n != "" {
		return n
	}
	return c
}

// unitName returns the name of unit u, or u.
func (in *Instance) unitName(u string) string {
	if n := in.UnitNames[u]; n != "" {
		return n
	}
	return u
}
