// Package snap is an in-memory snapshot of the data that the algorithmic
// capabilities (recusal, assignment, calendar) work on: plain Go values with
// no database behind them, so those capabilities test in milliseconds and
// give the same answer for the same snapshot.
//
// Every slice is sorted by code (teams by Seq, then name) when it comes from
// the loader; Index builds the lookups. Never range over a map of a Snapshot
// on a path that decides an outcome: range over the slices.
package snap

import (
	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// PoolSet is a set of pools (人员库).
type PoolSet uint8

// The pools.
const (
	LeaderPool PoolSet = 1 << iota // 组长库
	StaffPool                      // 工作人员库
	ExpertPool                     // 专业人员库
)

// Has reports whether every pool of q is in p.
func (p PoolSet) Has(q PoolSet) bool { return p&q == q && q != 0 }

// Any reports whether p holds any pool at all.
func (p PoolSet) Any() bool { return p != 0 }

// County is a jurisdiction: a county or district, or the city's own
// level (SPEC §8.1).
type County struct {
	Code, Name string
	City       bool // 级别 市本级
}

// Unit is a unit that can be inspected.
type Unit struct {
	Code, Name, County, Category string
	Parent                       string   // parent unit's code, "" for none
	Sectors                      []string // 领域, as written
	Priority                     string   // 重点等级 A, B, C; "" none
}

// Leader is a member of a unit's leadership.
type Leader struct {
	Unit, Name, Post, IDNumber string
}

// Stint is a period of work in a unit; To is zero while it lasts.
type Stint struct {
	Unit     string
	From, To civil.Date
}

// Relative is a relative a person declared.
type Relative struct {
	Name     string
	Relation string // canonical word of SPEC §4.1
	IDNumber string
	Person   string // 亲属人员编号 when the relative is a pool member
	Unit     string // 亲属工作单位编码
	Post     string
	Leader   bool // 是否班子成员
}

// Declaration is a conflict a person declared with a unit (回避申报): its
// source, and its handling (vocab.NotRecused: examined and rejected, it
// binds nothing; empty: it binds).
type Declaration struct {
	Unit, Reason     string
	Source, Handling string
}

// Binding reports whether the declaration binds (R5): it does unless a
// 领导 decided 不予回避.
func (d *Declaration) Binding() bool { return d.Handling != vocab.NotRecused }

// Tie is a non-family tie of a person (社会关系): the other person's name,
// the kind of tie, how to recognise them, and when it ended (zero: it
// lasts).
type Tie struct {
	Name     string
	Relation string // vocab.TieRelations
	IDNumber string
	Person   string // 关系人人员编号 when a pool member
	Unit     string // 关系人工作单位编码
	Post     string
	Leader   bool // 是否班子成员
	End      civil.Date
}

// Training is a training a person attended; To is zero when not given.
type Training struct {
	Name     string
	From, To civil.Date
	Hours    float64
}

// Person is a person who may be drafted.
type Person struct {
	Code, Name, Gender string
	IDNumber           string
	HomeCounty         string // 工作关系地 (county code)
	Native             string // 籍贯: county code, or free text
	CurrentUnit        string // 现工作单位编码
	Post, Rank         string
	Pools              PoolSet
	FullTime           bool
	Skills             []string
	Status             string // 在库, 暂停, 出库
	Birth, PromotedOn  civil.Date
	History            []Stint       // sorted by From, then unit
	Relatives          []Relative    // sorted by name
	Declarations       []Declaration // sorted by unit
	Ties               []Tie         // sorted by name, relation
	Trainings          []Training    // sorted by From, then name
	RecommendUnit      string        // 推荐单位编码
	JoinedOn           civil.Date    // 入库日期
}

// HasSkill reports whether p has skill s.
func (p *Person) HasSkill(s string) bool {
	for _, k := range p.Skills {
		if k == s {
			return true
		}
	}
	return false
}

// Active reports whether p may be placed at all: status 在库 and in a pool.
func (p *Person) Active() bool { return p.Status == vocab.StatusActive && p.Pools.Any() }

// Term is a party-committee term.
type Term struct {
	Code, Name string
	Start, End civil.Date
	Scope      []TermScope // the units it must cover; empty: every unit
}

// TermScope is one rule of a term's scope: the units of County (""
// any county) and Category ("" any category).
type TermScope struct {
	County, Category string
}

// Member is a person's place on a team, with the 鉴定 they got after the
// round: a grade, its 评语 and its state (vocab.EvalStates; "" without a
// grade).
type Member struct {
	Person, Role, Evaluation, Comment string
	EvalState                         string
	Locked                            bool
}

// Confirmed reports whether the member has a confirmed grade.
func (m *Member) Confirmed() bool { return m.Evaluation != "" && m.EvalState == vocab.EvalConfirmed }

// TeamUnit is a unit a team inspects, with the date its rectification
// report was received (zero while awaited) and the date it is due: the
// 反馈 milestone plus the months of the ledger's settings (zero while no
// 反馈 is recorded; then the round's stage dates say it). Both are read
// from the milestones (SPEC §9).
type TeamUnit struct {
	Unit                      string
	ReportReceived, ReportDue civil.Date
}

// ReportDueOr is the unit's report due date: its own from the milestones,
// else stage, the due date of the round's stages.
func (tu *TeamUnit) ReportDueOr(stage civil.Date) civil.Date {
	if !tu.ReportDue.IsZero() {
		return tu.ReportDue
	}
	return stage
}

// Team is a team of a round.
type Team struct {
	ID                     uint // database id, 0 when not stored
	Name                   string
	Seq                    int
	County                 string // the county of its units ("" when it has none)
	Units                  []TeamUnit
	OnsiteStart, OnsiteEnd civil.Date // zero: the round's
	Members                []Member
}

// UnitCodes returns the codes of the units t inspects.
func (t *Team) UnitCodes() []string {
	out := make([]string, len(t.Units))
	for i, u := range t.Units {
		out[i] = u.Unit
	}
	return out
}

// Round is a round of inspection with its stage dates and teams. Type is
// its 巡察类型, Level its 组织方式, Mode its 编组方式 (SPEC §8.1).
type Round struct {
	Code, Term, Name, Type, Mode string
	Level                        string
	Number                       int
	Links                        []string   // 联动轮次: codes of the linked rounds, sorted
	Joint                        Joint      // the 巡审联动 requirement
	PrepStart                    civil.Date // 准备
	OnsiteStart, OnsiteEnd       civil.Date // 进驻
	ReportEnd                    civil.Date // 报告
	FeedbackDate                 civil.Date // 反馈
	RectifyDue                   civil.Date // 整改报告期限
	CheckDate                    civil.Date // 督查验收
	Teams                        []Team
}

// Start returns the on-site start of team t in round r: the team's own, or
// the round's.
func (r *Round) Start(t *Team) civil.Date {
	if t != nil && !t.OnsiteStart.IsZero() {
		return t.OnsiteStart
	}
	return r.OnsiteStart
}

// End returns the on-site end of team t in round r.
func (r *Round) End(t *Team) civil.Date {
	if t != nil && !t.OnsiteEnd.IsZero() {
		return t.OnsiteEnd
	}
	return r.OnsiteEnd
}

// Joint is a round's 巡审联动 requirement (SPEC §8.1): every team needs
// a member whose current unit is one of Units or of one of Categories.
// Both empty: no requirement.
type Joint struct {
	Units, Categories []string
}

// Set reports whether the requirement asks for anything.
func (j Joint) Set() bool { return len(j.Units) > 0 || len(j.Categories) > 0 }

// Plan is one unit's place in a term's plan (巡察规划): the planned year,
// and the planned round's number in the term (0: none).
type Plan struct {
	Term, Unit string
	Year       int
	RoundNo    int
	Note       string
}

// Override lifts a hard recusal hit for one person on one team.
type Override struct {
	Round, Team, Person, Rule, Unit string
	Reason, Approver, EnteredBy     string
	Approved                        bool   // in force: approved and not withdrawn
	Status                          string // vocab.OverridePending …; "" reads as pending unless Approved
}

// Pending reports whether the override awaits a leader's decision.
func (o Override) Pending() bool {
	return !o.Approved && (o.Status == "" || o.Status == vocab.OverridePending)
}

// Snapshot is the data a capability works on.
type Snapshot struct {
	Counties  []County
	Units     []Unit
	Leaders   []Leader // sorted by unit, then name
	People    []Person
	Terms     []Term
	Rounds    []Round // sorted by term, number, code
	Overrides []Override
	Plans     []Plan // sorted by term, unit

	county  map[string]int
	unit    map[string]int
	person  map[string]int
	round   map[string]int
	leaders map[string][]int // unit code → indexes into Leaders
	kids    map[string][]string
	byID    map[string][]int // ID number → people
}

// Index builds the lookups. Call it after filling or changing the slices.
func (s *Snapshot) Index() {
	s.county = make(map[string]int, len(s.Counties))
	for i, c := range s.Counties {
		s.county[c.Code] = i
	}
	s.unit = make(map[string]int, len(s.Units))
	s.kids = make(map[string][]string)
	for i, u := range s.Units {
		s.unit[u.Code] = i
		if u.Parent != "" {
			s.kids[u.Parent] = append(s.kids[u.Parent], u.Code)
		}
	}
	s.person = make(map[string]int, len(s.People))
	s.byID = make(map[string][]int)
	for i, p := range s.People {
		s.person[p.Code] = i
		if p.IDNumber != "" {
			s.byID[p.IDNumber] = append(s.byID[p.IDNumber], i)
		}
	}
	s.round = make(map[string]int, len(s.Rounds))
	for i, r := range s.Rounds {
		s.round[r.Code] = i
	}
	s.leaders = make(map[string][]int)
	for i, l := range s.Leaders {
		s.leaders[l.Unit] = append(s.leaders[l.Unit], i)
	}
}

// County returns the county with code c, or nil.
func (s *Snapshot) County(c string) *County {
	if i, ok := s.county[c]; ok {
		return &s.Counties[i]
	}
	return nil
}

// CityLevel reports whether county c is a 市本级 jurisdiction.
func (s *Snapshot) CityLevel(c string) bool {
	x := s.County(c)
	return x != nil && x.City
}

// CountyName returns the county's name, or the code itself when unknown.
func (s *Snapshot) CountyName(c string) string {
	if x := s.County(c); x != nil {
		return x.Name
	}
	return c
}

// Unit returns the unit with code c, or nil.
func (s *Snapshot) Unit(c string) *Unit {
	if i, ok := s.unit[c]; ok {
		return &s.Units[i]
	}
	return nil
}

// UnitName returns the unit's name, or the code itself when unknown.
func (s *Snapshot) UnitName(c string) string {
	if u := s.Unit(c); u != nil {
		return u.Name
	}
	return c
}

// Children returns the codes of the units whose parent is c, sorted.
func (s *Snapshot) Children(c string) []string { return s.kids[c] }

// Person returns the person with code c, or nil.
func (s *Snapshot) Person(c string) *Person {
	if i, ok := s.person[c]; ok {
		return &s.People[i]
	}
	return nil
}

// PeopleByID returns the people whose ID number is id.
func (s *Snapshot) PeopleByID(id string) []*Person {
	var out []*Person
	for _, i := range s.byID[id] {
		out = append(out, &s.People[i])
	}
	return out
}

// Round returns the round with code c, or nil.
func (s *Snapshot) Round(c string) *Round {
	if i, ok := s.round[c]; ok {
		return &s.Rounds[i]
	}
	return nil
}

// LeadersOf returns the leadership members of unit c, sorted by name.
func (s *Snapshot) LeadersOf(c string) []Leader {
	idx := s.leaders[c]
	out := make([]Leader, len(idx))
	for i, j := range idx {
		out[i] = s.Leaders[j]
	}
	return out
}
