// Package recusal decides who may not inspect what (回避, SPEC §4 and §10):
// the rules R1–R9 over a snapshot, with a Chinese sentence naming the evidence for
// every hit. It imports neither the database nor the GUI: it takes snap
// values and returns plain values, so that the assignment solver, the
// headless check and the recusal report all see the same answers.
//
// A Checker is built once per snapshot and settings (New precomputes the
// lookups: units near each unit, leaders by ID number and by name, and for
// every unit the people whose data touches it), then answers for one person
// and unit (Unit), one team (Team), two people (Pair), a whole round
// (Round: every active pool member against every team, quickly enough for a
// province) or a saved roster (Roster). Report adds the names a screen
// shows; WriteJSON writes the hits as `xuncha check --round --json` does.
//
// Approved overrides (SPEC §4.2) do not drop a hard hit: Team, Round and
// Roster mark it Overridden, and Hit.Blocks tells whether it still forbids
// a placement.
package recusal

import (
	"fmt"
	"slices"

	"xuncha/app/vocab"
)

// Severity is how strongly a rule forbids a placement.
type Severity string

// The severities. Off switches a rule off: it produces no hit.
const (
	Hard Severity = "回避" // the person may not be placed
	Soft Severity = "提示" // allowed, but shown and scored
	Off  Severity = ""
)

// The rule codes, in report order.
const (
	R1  = "R1"  // 现任职
	R2  = "R2"  // 曾任职
	R3  = "R3"  // 亲属（班子成员）
	R3b = "R3b" // 亲属（在单位工作）
	R4  = "R4"  // 地域（工作关系地）
	R4b = "R4b" // 籍贯
	R5  = "R5"  // 申报
	R6  = "R6"  // 同组亲属
	R7  = "R7"  // 同单位
	R8  = "R8"  // 社会关系 (SPEC §10.1)
	R9  = "R9"  // 鉴定 (SPEC §10.2)
)

// Rules lists the rule codes in report order.
var Rules = []string{R1, R2, R3, R3b, R4, R4b, R5, R6, R7, R8, R9}

// PairRule reports whether rule r concerns two members of a team (R6,
// R7) rather than a person and a unit.
func PairRule(r string) bool { return r == R6 || r == R7 }

// ruleNames are the short Chinese names of the rules.
var ruleNames = map[string]string{
	R1: "现任职", R2: "曾任职", R3: "亲属", R3b: "亲属（非班子）", R4: "地域",
	R4b: "籍贯", R5: "申报", R6: "同组亲属", R7: "同单位", R8: "社会关系", R9: "鉴定",
}

// RuleName returns the Chinese name of rule code r ("现任职"), or r itself.
func RuleName(r string) string {
	if n, ok := ruleNames[r]; ok {
		return n
	}
	return r
}

// Settings are the parameters of the rules (settings key "recusal").
type Settings struct {
	Years          int                 // R2 window, default 3
	LongStintYears int                 // R2 long-stint clause for 组长/副组长, default 3; 0 switches the clause off
	Depth          int                 // parent/child levels for R1, default 1
	RemoteRoles    []string            // roles that must come from another county (R4), default 组长, 联络员, 成员
	Severity       map[string]Severity // by rule code "R1" … "R9", "R3b", "R4b"; defaults per SPEC §4 and §10
	// R8's severity above is that of the close ties (曾上下级, 曾同班子,
	// within Years of the tie's end); LooseTieSeverity is that of 同学,
	// 师生 and 其他利害关系, whatever their end. Default 提示.
	LooseTieSeverity Severity
	// R9's severity above is that of a latest confirmed 不称职;
	// BarelyFitSeverity that of a latest 基本称职 (default 提示). Both bind
	// only EvalRoles (default 组长, 副组长).
	BarelyFitSeverity Severity
	EvalRoles         []string
	// Liftable says by rule code whether a hard hit of the rule may be
	// lifted by an override (可豁免, SPEC §10.3); a rule the map leaves
	// out takes its default (see LiftableByDefault).
	Liftable map[string]bool
	// CityRoles are the roles the composition (assign settings, SPEC
	// §8.1) fills from 市本级: R4 does not bind them on a unit of a 市本级
	// jurisdiction, whose city cadres those roles are meant for. It is not
	// stored with these settings: the service fills it from the
	// composition.
	CityRoles []string `json:"-"`
}

// liftableByDefault are the rules whose hard hits a 领导 may lift by
// default (SPEC §10.3): R2, R4, R8 and R9, and the
// 提示 rules R3b, R4b and R7, should an office make them 回避 — they are
// the milder forms of R3, R4 and R6. R1, R3, R5 and R6 are kept strictly
// ("严格执行回避制度"), as is any rule not listed here. A new rule slots in
// by its code.
var liftableByDefault = map[string]bool{
	R2: true, R3b: true, R4: true, R4b: true, R7: true, R8: true, R9: true,
}

// LiftableByDefault reports whether rule code r may be lifted under the
// default settings.
func LiftableByDefault(r string) bool { return liftableByDefault[r] }

// CanLift reports whether a hard hit of rule r may be lifted by an
// override under s (可豁免).
func (s Settings) CanLift(r string) bool {
	if v, ok := s.Liftable[r]; ok {
		return v
	}
	return liftableByDefault[r]
}

// Defaults returns the settings of SPEC §4 and §5.
func Defaults() Settings {
	return Settings{
		Years:          3,
		LongStintYears: 3,
		Depth:          1,
		RemoteRoles:    []string{vocab.RoleLeader, vocab.RoleLiaison, vocab.RoleMember},
		Severity: map[string]Severity{
			R1: Hard, R2: Hard, R3: Hard, R3b: Soft, R4: Hard,
			R4b: Soft, R5: Hard, R6: Hard, R7: Soft, R8: Hard, R9: Hard,
		},
		LooseTieSeverity:  Soft,
		BarelyFitSeverity: Soft,
		EvalRoles:         []string{vocab.RoleLeader, vocab.RoleDeputy},
		Liftable:          defaultLiftable(),
	}
}

// defaultLiftable is the 可豁免 setting of every rule of Rules by default.
func defaultLiftable() map[string]bool {
	out := make(map[string]bool, len(Rules))
	for _, r := range Rules {
		out[r] = liftableByDefault[r]
	}
	return out
}

// severity returns the severity of rule r under s: the default for a rule
// the map does not mention.
func (s Settings) severity(r string) Severity {
	if v, ok := s.Severity[r]; ok {
		return v
	}
	return Defaults().Severity[r]
}

// Validate reports the first setting out of range, in Chinese.
func (s Settings) Validate() error {
	if s.Years < 1 || s.Years > 20 {
		return fmt.Errorf("曾任职回避年限应在 1 至 20 年之间，现为 %d", s.Years)
	}
	if s.LongStintYears < 0 || s.LongStintYears > 30 {
		return fmt.Errorf("组长、副组长长期任职年限应在 0 至 30 年之间（0 为不适用），现为 %d", s.LongStintYears)
	}
	if s.Depth < 0 || s.Depth > 3 {
		return fmt.Errorf("上下级单位层级应在 0 至 3 之间，现为 %d", s.Depth)
	}
	for _, r := range s.RemoteRoles {
		if !slices.Contains(vocab.Roles, r) {
			return fmt.Errorf("异地产生的角色 %q 不是有效角色（%v）", r, vocab.Roles)
		}
	}
	for _, r := range s.EvalRoles {
		if !slices.Contains(vocab.Roles, r) {
			return fmt.Errorf("鉴定回避（R9）约束的角色 %q 不是有效角色（%v）", r, vocab.Roles)
		}
	}
	for _, x := range []struct {
		what string
		sev  Severity
	}{{"同学、师生等社会关系（R8）", s.LooseTieSeverity}, {"鉴定为基本称职（R9）", s.BarelyFitSeverity}} {
		switch x.sev {
		case Hard, Soft, Off:
		default:
			return fmt.Errorf("%s的级别 %q 无效（应为 回避、提示 或 空=不适用）", x.what, x.sev)
		}
	}
	for _, r := range sortedKeys(s.Severity) {
		if _, ok := ruleNames[r]; !ok {
			return fmt.Errorf("未知的回避规则 %q", r)
		}
		switch s.Severity[r] {
		case Hard, Soft, Off:
		default:
			return fmt.Errorf("规则 %s 的级别 %q 无效（应为 回避、提示 或 空=不适用）", r, s.Severity[r])
		}
	}
	for _, r := range sortedKeys(s.Liftable) {
		if _, ok := ruleNames[r]; !ok {
			return fmt.Errorf("可豁免设置中有未知的回避规则 %q", r)
		}
	}
	return nil
}

// Hit is one recusal finding: a rule that forbids (or warns against) a
// person on a team or unit, with the evidence.
type Hit struct {
	Person, Team, Unit string // codes / team name; Unit "" for R6/R7 and R9 (which concern no unit)
	Rule               string // "R1" … "R9", "R3b", "R4b"
	Severity           Severity
	Roles              []string // nil = binds every role; else only these roles (R4; R2 long-stint clause; R9)
	Reason             string   // Chinese sentence naming the evidence
	Other              string   // the other person's code for R6/R7
	Overridden         bool     // a hard hit lifted by an approved override (SPEC §4.2)
}

// Binds reports whether h applies to a person placed in role. A role of ""
// (not yet known) is bound by every hit.
func (h Hit) Binds(role string) bool {
	if h.Roles == nil || role == "" {
		return true
	}
	return slices.Contains(h.Roles, role)
}

// Blocks reports whether h forbids placing the person in role: a hard hit
// that binds the role and is not overridden.
func (h Hit) Blocks(role string) bool {
	return h.Severity == Hard && !h.Overridden && h.Binds(role)
}

// String writes h on one line in Chinese: rule, severity, reason.
func (h Hit) String() string {
	s := fmt.Sprintf("%s %s [%s] %s", h.Rule, RuleName(h.Rule), h.Severity, h.Reason)
	if h.Overridden {
		s += "（已豁免）"
	}
	return s
}
