package recusal

import (
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/kin"
	"xuncha/app/snap"
	"xuncha/app/vocab"
)

// Checker answers recusal questions over one snapshot and one set of
// settings. Build it with New; it only reads after that, so one checker may
// serve several goroutines.
type Checker struct {
	snap *snap.Snapshot
	set  Settings
	sev  severities
	// remote are the roles R4 binds (nil: R4 binds nobody and is off),
	// remoteCity those it binds on a unit of a 市本级 jurisdiction (remote
	// without the roles filled from 市本级); long are the roles of R2's
	// long-stint clause. Shared by every hit, with capacity = length so
	// that a caller's append copies.
	remote, remoteCity, long []string
	// evalRoles are the roles R9 binds (nil: R9 is off).
	evalRoles []string

	unitLeaders  map[string][]int32 // unit code → indexes into snap.Leaders
	leaderByID   map[string][]int32 // ID number → indexes into snap.Leaders
	leaderByName map[string][]int32 // name → indexes into snap.Leaders
	countyByName map[string][]string
	countyReason map[string]string // county code → the R4 sentence

	index  map[string]int32 // person code → index into snap.People
	people []personInfo     // parallel to snap.People
	rank   []int32          // person index → position in code order
	touch  map[string][]int32
	home   map[string][]int32 // county → people whose home county it is
	native map[string][]int32 // county → people whose native place it is

	overrides map[overrideKey][]string // approved: → units ("" = every unit)

	grades [][]grade // parallel to snap.People: confirmed grades, oldest first
	graded []int32   // people with a confirmed grade R9 looks at, in index order
}

// severities are the severities of the rules, looked up once. r8 is that
// of the close ties, r8loose of the others; r9 that of 不称职, r9barely of
// 基本称职.
type severities struct {
	r1, r2, r3, r3b, r4, r4b, r5, r6, r7 Severity
	r8, r8loose, r9, r9barely            Severity
}

// personInfo is what New works out once per person.
type personInfo struct {
	current []current // current units, CurrentUnit first, no unit twice
	natives []string  // county codes that the native place names
	r4b     string    // the R4b sentence (same for each of natives)
}

// current is one current unit of a person and where that comes from.
type current struct {
	unit  string
	from  civil.Date // start of the open stint, zero when unknown
	field bool       // named by 现工作单位编码
}

type overrideKey struct{ round, team, person, rule string }

// New builds a checker over s (which must be indexed) with settings set.
// Rules the severity map leaves out keep their default severity.
func New(s *snap.Snapshot, set Settings) *Checker {
	c := &Checker{snap: s, set: set, sev: severities{
		r1: set.severity(R1), r2: set.severity(R2), r3: set.severity(R3), r3b: set.severity(R3b),
		r4: set.severity(R4), r4b: set.severity(R4b), r5: set.severity(R5), r6: set.severity(R6), r7: set.severity(R7),
		r8: set.severity(R8), r8loose: set.LooseTieSeverity, r9: set.severity(R9), r9barely: set.BarelyFitSeverity,
	}}
	if c.set.Depth < 0 {
		c.set.Depth = 0
	}
	if len(set.RemoteRoles) > 0 {
		c.remote = slices.Clip(slices.Clone(set.RemoteRoles))
		c.remoteCity = c.remote
		if len(set.CityRoles) > 0 {
			c.remoteCity = slices.Clip(slices.DeleteFunc(slices.Clone(c.remote), func(r string) bool { return slices.Contains(set.CityRoles, r) }))
			if len(c.remoteCity) == 0 {
				c.remoteCity = nil
			}
		}
	}
	c.long = []string{vocab.RoleLeader, vocab.RoleDeputy}[:2:2] // the roles the long-stint clause of R2 binds
	if len(set.EvalRoles) > 0 {
		c.evalRoles = slices.Clip(slices.Clone(set.EvalRoles))
	}
	c.indexLeaders()
	c.indexCounties()
	c.indexPeople()
	c.indexOverrides()
	c.indexGrades()
	return c
}

func (c *Checker) indexLeaders() {
	c.unitLeaders = make(map[string][]int32)
	c.leaderByID = make(map[string][]int32)
	c.leaderByName = make(map[string][]int32)
	for i, l := range c.snap.Leaders {
		c.unitLeaders[l.Unit] = append(c.unitLeaders[l.Unit], int32(i))
		if l.IDNumber != "" {
			c.leaderByID[l.IDNumber] = append(c.leaderByID[l.IDNumber], int32(i))
		}
		c.leaderByName[l.Name] = append(c.leaderByName[l.Name], int32(i))
	}
}

func (c *Checker) indexCounties() {
	c.countyByName = make(map[string][]string)
	c.countyReason = make(map[string]string, len(c.snap.Counties))
	for _, k := range c.snap.Counties {
		if k.Name != "" {
			c.countyByName[k.Name] = append(c.countyByName[k.Name], k.Code)
		}
		c.countyReason[k.Code] = "工作关系地为 " + k.Name + "，与被巡察单位同属一县（须异地产生的角色不得担任）"
		if k.City {
			c.countyReason[k.Code] = "工作关系地为 " + k.Name + "，与被巡察单位同属市本级（须异地产生的角色不得担任）"
		}
	}
}

// indexPeople works out each person's current units and native county, and
// files every person under the units and counties their data touches.
func (c *Checker) indexPeople() {
	n := len(c.snap.People)
	c.index = make(map[string]int32, n)
	c.people = make([]personInfo, n)
	c.touch = make(map[string][]int32)
	c.home = make(map[string][]int32)
	c.native = make(map[string][]int32)
	order := make([]int32, n)
	for i := range c.snap.People {
		p := &c.snap.People[i]
		order[i] = int32(i)
		c.index[p.Code] = int32(i)
		c.people[i] = c.info(p)
		c.fileTouches(int32(i), p, &c.people[i])
		if p.HomeCounty != "" {
			c.home[p.HomeCounty] = append(c.home[p.HomeCounty], int32(i))
		}
		for _, k := range c.people[i].natives {
			c.native[k] = append(c.native[k], int32(i))
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return strings.Compare(c.snap.People[a].Code, c.snap.People[b].Code)
	})
	c.rank = make([]int32, n)
	for r, i := range order {
		c.rank[i] = int32(r)
	}
}

// info works out what the rules need to know of p beyond its fields.
func (c *Checker) info(p *snap.Person) personInfo {
	var pi personInfo
	if p.CurrentUnit != "" {
		pi.current = append(pi.current, current{unit: p.CurrentUnit, field: true})
	}
	for _, s := range p.History {
		if !s.To.IsZero() || s.Unit == "" {
			continue
		}
		if k := slices.IndexFunc(pi.current, func(x current) bool { return x.unit == s.Unit }); k >= 0 {
			if pi.current[k].from.IsZero() {
				pi.current[k].from = s.From
			}
			continue
		}
		pi.current = append(pi.current, current{unit: s.Unit, from: s.From})
	}
	pi.natives = c.nativeCounties(p.Native)
	if len(pi.natives) > 0 {
		pi.r4b = "籍贯为 " + strings.TrimSpace(p.Native) + "，与被巡察单位同属一县"
		if k := c.snap.County(pi.natives[0]); k != nil && k.Name != strings.TrimSpace(p.Native) {
			pi.r4b = "籍贯为 " + strings.TrimSpace(p.Native) + "（" + k.Name + "），与被巡察单位同属一县"
		}
	}
	return pi
}

// nativeCounties resolves a native place (籍贯: a county code or a county
// name) to county codes.
func (c *Checker) nativeCounties(native string) []string {
	native = strings.TrimSpace(native)
	if native == "" {
		return nil
	}
	if c.snap.County(native) != nil {
		return []string{native}
	}
	if codes := c.countyByName[native]; len(codes) > 0 {
		return codes
	}
	// Written in full ("河北省清江市安平县"): a place ending in a county's
	// name is that county.
	var out []string
	for _, k := range c.snap.Counties {
		if k.Name != "" && strings.HasSuffix(native, k.Name) {
			out = append(out, k.Code)
		}
	}
	return out
}

// fileTouches files person i under every unit where one of R1, R2, R3,
// R3b, R5 or R8 could hit; R4 and R4b go by county, R9 by person.
func (c *Checker) fileTouches(i int32, p *snap.Person, pi *personInfo) {
	add := func(u string) {
		if u == "" {
			return
		}
		l := c.touch[u]
		if len(l) > 0 && l[len(l)-1] == i {
			return
		}
		c.touch[u] = append(l, i)
	}
	for _, cu := range pi.current {
		c.near(cu.unit, add)
	}
	for _, s := range p.History {
		add(s.Unit)
	}
	for _, r := range p.Relatives {
		if kin.IsClose(r.Relation) {
			c.leaderUnits(r.Unit, r.IDNumber, r.Name, add)
		}
	}
	for _, d := range p.Declarations {
		if d.Binding() {
			add(d.Unit)
		}
	}
	for _, t := range p.Ties {
		c.leaderUnits(t.Unit, t.IDNumber, t.Name, add)
	}
}

// leaderUnits calls add for the units where the someone a row names (a
// relative, a tie) may sit in the leadership: the unit the row gives, and
// the units of the leaders with the row's ID number or name.
func (c *Checker) leaderUnits(unit, id, name string, add func(string)) {
	add(unit)
	if id != "" {
		for _, l := range c.leaderByID[id] {
			add(c.snap.Leaders[l].Unit)
		}
	}
	for _, l := range c.leaderByName[name] {
		add(c.snap.Leaders[l].Unit)
	}
}

// near calls f for u and every unit within Depth levels above or below it:
// the units whose inspection a person working in u may not join (R1).
func (c *Checker) near(u string, f func(string)) {
	f(u)
	for k, a := 0, u; k < c.set.Depth; k++ {
		x := c.snap.Unit(a)
		if x == nil || x.Parent == "" || x.Parent == u {
			break
		}
		a = x.Parent
		f(a)
	}
	level := []string{u}
	for k := 0; k < c.set.Depth && len(level) > 0; k++ {
		var next []string
		for _, x := range level {
			for _, kid := range c.snap.Children(x) {
				if kid != u {
					f(kid)
					next = append(next, kid)
				}
			}
		}
		level = next
	}
}

// relation tells how a person's current unit cu stands to the inspected
// unit u: 0 the same, k > 0 its k-th level parent, -k its k-th level child;
// ok is false when cu is farther than Depth.
func (c *Checker) relation(u, cu string) (level int, ok bool) {
	if u == cu {
		return 0, true
	}
	for k, a := 1, u; k <= c.set.Depth; k++ {
		x := c.snap.Unit(a)
		if x == nil || x.Parent == "" {
			break
		}
		if a = x.Parent; a == cu {
			return k, true
		}
	}
	for k, a := 1, cu; k <= c.set.Depth; k++ {
		x := c.snap.Unit(a)
		if x == nil || x.Parent == "" {
			break
		}
		if a = x.Parent; a == u {
			return -k, true
		}
	}
	return 0, false
}

func (c *Checker) indexOverrides() {
	c.overrides = make(map[overrideKey][]string)
	for _, o := range c.snap.Overrides {
		if !o.Approved {
			continue
		}
		k := overrideKey{o.Round, o.Team, o.Person, o.Rule}
		c.overrides[k] = append(c.overrides[k], o.Unit)
	}
}

// Settings returns the settings the checker applies.
func (c *Checker) Settings() Settings { return c.set }

// Overridden reports whether an approved override of round lifts hit h,
// whose Team must be set: only hard hits are lifted.
func (c *Checker) Overridden(round string, h Hit) bool {
	return h.Severity == Hard && c.Lifted(round, h.Team, h.Person, h.Rule, h.Unit)
}

// Lifted reports whether an approved override of round lifts rule for
// person on team against unit: one for that unit, or one for every unit
// of the team. An approved override stays in force until it is withdrawn
// (撤销), whatever the rule's 可豁免 setting says now: the setting governs
// requests and approvals.
func (c *Checker) Lifted(round, team, person, rule, unit string) bool {
	for _, u := range c.overrides[overrideKey{round, team, person, rule}] {
		if u == "" || u == unit {
			return true
		}
	}
	return false
}

// personInfo returns the precomputed facts of p, or works them out when p
// is not one of the snapshot's people.
func (c *Checker) personInfo(p *snap.Person) *personInfo {
	if i, ok := c.index[p.Code]; ok && &c.snap.People[i] == p {
		return &c.people[i]
	}
	pi := c.info(p)
	return &pi
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
