// Package assign fills the teams of a round with people (编组, SPEC §5): the
// role table (which roles are local, which come from another county and
// from which pool), one slot per person, no hard recusal, at most K people
// of one other county on a team, the required skills, no two close
// relatives on one team; then, in order, fairness (fewer rounds served,
// not the previous round), newly promoted cadres, county spread, soft
// (提示) rules and skills suited to the units.
//
// The solver is exact for filling. A min-cost flow (successive shortest
// paths with potentials) over people and slots solves the separable part;
// a branch and bound over per-team refinements of the slots (how many
// slots of which role one county fills, which slot holds a required
// skill, which of two relatives stays out) handles the constraints that
// cross it. Each relaxation is certified on every eligible person, not
// only the short candidate lists it is built from, and each team is
// capped by exact bounds of its own (whole, local slots, other slots), so
// the bound is tight where the county cap binds. The result carries the
// objective and, when the search stopped at its budget, the bound.
//
// A required skill is met by any member. A team that cannot be filled
// without a member lacking it keeps a slot for it, reported as 缺…人员: in
// any valid assignment a full team has every required skill.
//
// Modes: 混合编组 draws every non-local slot from any other county; 成建制交叉
// staffs each county's teams from one other county (the rotation: no
// county inspects itself, no two inspect each other where there are three
// or more, the previous round's pairs avoided), its local roles still
// local and no county cap; 本县 takes every slot from the team's county.
// Locality comes from the role table, so recusal's R4 is not used here.
// Draw is the witnessed random draw (随机抽取) over the same rules.
//
// The package imports neither the database nor the GUI: it takes an
// Instance (built from a snapshot and recusal hits by FromSnapshot) and
// returns plain values. Same instance, settings and seed give the same
// result, byte for byte.
package assign

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/snap"
	"xuncha/app/vocab"
)

const (
	poolAny   = ""  // a row without pool condition
	skillSep  = "|" // separates the skills of one required group
	softCap   = 3   // soft hits counted per person and team
	maxSkills = 32  // skill bits
	maxRows   = 30  // rows of the composition table
	maxCount  = 20  // people per row
	maxGroups = 24  // required skill groups (with the 巡审联动 one and the experienced core, bits of a uint32)
)

// Row is one row of the composition table: Count people in Role, from
// where Origin says, out of the people in any of Pools (empty: any pool),
// full-time office staff only when FullTimeOnly.
//
// Origin (SPEC §8.1 amending §5) is vocab.FromLocal (the inspected
// jurisdiction), FromElsewhere (any other), FromCity (a 市本级
// jurisdiction, whatever the mode) or FromAny. A row without an origin
// says where its people come from the way rows did before origins, by
// Local: true 本地, false 异地 — stored settings and rows written so keep
// their meaning. From returns what counts.
type Row struct {
	Role         string   `json:"role"`
	Count        int      `json:"count"`
	Origin       string   `json:"origin,omitempty"`
	Local        bool     `json:"local,omitempty"`
	Pools        []string `json:"pools,omitempty"`
	FullTimeOnly bool     `json:"fullTimeOnly,omitempty"`
}

// From returns where the row's people come from: its Origin, else 本地
// or 异地 as Local says.
func (r Row) From() string {
	switch {
	case r.Origin != "":
		return r.Origin
	case r.Local:
		return vocab.FromLocal
	}
	return vocab.FromElsewhere
}

// IsLocal reports whether the row's people come from the inspected
// jurisdiction.
func (r Row) IsLocal() bool { return r.From() == vocab.FromLocal }

// Admits reports whether a person in pools, full-time office staff or not,
// meets the row's pool condition.
func (r Row) Admits(pools snap.PoolSet, fullTime bool) bool {
	want := poolSet(r.Pools)
	return (want == 0 || pools&want != 0) && (!r.FullTimeOnly || fullTime)
}

// Settings are the composition rules of assignment (settings key "assign").
type Settings struct {
	Rows []Row `json:"rows"`
	// RequiredSkills are the skill groups every team must have: a group
	// "财务|审计" is met by one member with either skill.
	RequiredSkills []string `json:"requiredSkills"`
	// MaxPerCounty is the most people of one other county on a team.
	MaxPerCounty int `json:"maxPerCounty"`
	// SkillsByCategory are the skills asked for by a unit category.
	SkillsByCategory map[string][]string `json:"skillsByCategory"`
	// SearchLimit bounds the branch and bound (relaxations solved); 0 is
	// the default, scaled to the instance.
	SearchLimit int `json:"searchLimit,omitempty"`
	// Experience are the rules of experience, rotation and obligations
	// (SPEC §11.3). They are stored under a settings key of their own.
	Experience Experience `json:"-"`
}

// Defaults returns the composition of SPEC §5 (混合编组 practice).
func Defaults() Settings {
	return Settings{
		Rows: []Row{
			{Role: vocab.RoleLeader, Count: 1, Origin: vocab.FromElsewhere, Pools: []string{vocab.PoolLeader}},
			{Role: vocab.RoleDeputy, Count: 1, Origin: vocab.FromLocal},
			{Role: vocab.RoleFullTime, Count: 1, Origin: vocab.FromLocal, FullTimeOnly: true},
			{Role: vocab.RoleLiaison, Count: 1, Origin: vocab.FromElsewhere, Pools: []string{vocab.PoolStaff}},
			{Role: vocab.RoleMember, Count: 3, Origin: vocab.FromElsewhere, Pools: []string{vocab.PoolStaff, vocab.PoolExpert}},
		},
		RequiredSkills: []string{"财务|审计"},
		MaxPerCounty:   2,
		SkillsByCategory: map[string][]string{
			"国有企业": {"财务", "审计", "工程建设"},
			"村社区":  {"信访", "党建"},
			"乡镇街道": {"党建", "信访", "工程建设"},
			"事业单位": {"财务", "审计"},
			"县直机关": {"组织人事", "纪检监察"},
		},
		Experience: DefaultExperience(),
	}
}

// Slots returns the number of people one team takes.
func (s Settings) Slots() int {
	n := 0
	for _, r := range s.Rows {
		n += r.Count
	}
	return n
}

// Wanted is the number of slots of role in a team: the counts of the
// rows of that role.
func (s Settings) Wanted(role string) int {
	n := 0
	for _, r := range s.Rows {
		if r.Role == role {
			n += r.Count
		}
	}
	return n
}

// Validate reports the first setting that cannot be used, in Chinese.
func (s Settings) Validate() error {
	if len(s.Rows) == 0 {
		return fmt.Errorf("编组设置没有任何角色行")
	}
	if len(s.Rows) > maxRows {
		return fmt.Errorf("编组设置的角色行过多（%d 行，最多 %d 行）", len(s.Rows), maxRows)
	}
	for i, r := range s.Rows {
		if !slices.Contains(vocab.Roles, r.Role) {
			return fmt.Errorf("编组设置第%d行：角色 %q 无效（应为 %s）", i+1, r.Role, strings.Join(vocab.Roles, "、"))
		}
		if r.Origin != "" && !slices.Contains(vocab.Origins, r.Origin) {
			return fmt.Errorf("编组设置第%d行（%s）：来源 %q 无效（应为 %s）", i+1, r.Role, r.Origin, strings.Join(vocab.Origins, "、"))
		}
		if r.Count < 0 || r.Count > maxCount {
			return fmt.Errorf("编组设置第%d行（%s）：人数应在 0 至 %d 之间，现为 %d", i+1, r.Role, maxCount, r.Count)
		}
		for _, p := range r.Pools {
			if p != vocab.PoolLeader && p != vocab.PoolStaff && p != vocab.PoolExpert {
				return fmt.Errorf("编组设置第%d行（%s）：人员库 %q 无效（应为 组长库、工作人员库 或 专业人员库）", i+1, r.Role, p)
			}
		}
	}
	if s.Slots() == 0 {
		return fmt.Errorf("编组设置的总人数为 0")
	}
	if s.MaxPerCounty < 1 {
		return fmt.Errorf("同一县区人数上限应至少为 1，现为 %d", s.MaxPerCounty)
	}
	if len(s.RequiredSkills) > maxGroups {
		return fmt.Errorf("必备专业特长最多 %d 组，现为 %d 组", maxGroups, len(s.RequiredSkills))
	}
	for _, g := range s.RequiredSkills {
		if len(splitGroup(g)) == 0 {
			return fmt.Errorf("必备专业特长 %q 为空", g)
		}
		for _, k := range splitGroup(g) {
			if !slices.Contains(vocab.Skills, k) {
				return fmt.Errorf("必备专业特长 %q 中的 %q 不是有效特长（%s）", g, k, strings.Join(vocab.Skills, "、"))
			}
		}
	}
	for _, c := range sortedKeys(s.SkillsByCategory) {
		for _, k := range s.SkillsByCategory[c] {
			if !slices.Contains(vocab.Skills, k) {
				return fmt.Errorf("单位类别 %s 的适配特长 %q 不是有效特长", c, k)
			}
		}
	}
	if s.SearchLimit < 0 {
		return fmt.Errorf("搜索上限不能为负数")
	}
	return s.Experience.Validate()
}

// splitGroup splits a required skill group "财务|审计" (also 、 or /).
func splitGroup(g string) []string {
	f := strings.FieldsFunc(g, func(r rune) bool { return r == '|' || r == '、' || r == '/' })
	var out []string
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// groupLabel writes a skill group for a message: "财务或审计".
func groupLabel(g string) string { return strings.Join(splitGroup(g), "或") }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
