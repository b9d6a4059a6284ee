// Package demo makes the demonstration data of 巡察统筹: an imaginary city
// (清江市, 12 counties) or province (江南省, 100 counties) with its units and
// their leadership, the three pools of people with their work history,
// relatives and declared conflicts, and one term with three past rounds
// (staffed and evaluated) and an upcoming round whose teams have units but
// no members yet — the round a clerk would assign next.
//
// The data are realistic enough to exercise every rule: stints that ended
// within the last three years, relatives who sit in a unit's leadership
// (some flagged 是否班子成员, some found only by ID number), pool members
// related to each other, declared conflicts and overdue rectification
// reports. Generation is deterministic: the same scale gives the same data,
// byte for byte, on every machine; the data are as of AsOf.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"xuncha/app/civil"
	"xuncha/model"
)

// AsOf is the day the demonstration data are written for: the upcoming
// round lies after it, the others before it.
const AsOf = "2026-11-21"

// Scale is the size of the demonstration data.
type Scale int

// The scales: a city of 12 counties, or a province of 100.
const (
	City Scale = iota
	Province
)

// String returns the scale's name as ParseScale reads it.
func (s Scale) String() string {
	if s == Province {
		return "province"
	}
	return "city"
}

// Label is the scale's name in Chinese, for messages.
func (s Scale) Label() string {
	if s == Province {
		return "省级规模（100 个县区）"
	}
	return "市级规模（12 个县区）"
}

// ParseScale reads a scale: "city" or "province".
func ParseScale(s string) (Scale, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "city", "":
		return City, nil
	case "province":
		return Province, nil
	}
	return City, fmt.Errorf("规模 %q 无效，应为 city（市级）或 province（省级）", s)
}

// Data is a whole demonstration data set, in the order Write inserts it.
// Rows with numeric IDs carry them already.
type Data struct {
	Counties     []model.County
	Units        []model.Unit
	Leaders      []model.UnitLeader
	People       []model.Person
	History      []model.WorkHistory
	Relatives    []model.Relative
	Declarations []model.Declaration
	Terms        []model.Term
	Rounds       []model.Round
	Teams        []model.Team
	TeamUnits    []model.TeamUnit
	Members      []model.TeamMember
	// the people over the years (people_years.go)
	StatusChanges []model.StatusChange
	Trainings     []model.Training
	Ties          []model.Tie
	TeamEvals     []model.TeamEvaluation
	Milestones    []model.Milestone
	Findings      []model.Finding
	Items         []model.RectifyItem
	Clues         []model.Clue
	// the city and the term plan (city.go)
	Scopes []model.TermScope
	Plans  []model.PlanItem
}

// Counts is how many rows of each kind a data set holds; it is what the
// audit entry of Write records.
type Counts struct {
	Counties     int `json:"县区"`
	Units        int `json:"单位"`
	Leaders      int `json:"班子成员"`
	People       int `json:"人员"`
	History      int `json:"工作经历"`
	Relatives    int `json:"亲属关系"`
	Declarations int `json:"回避申报"`
	Terms        int `json:"届期"`
	Rounds       int `json:"轮次"`
	Teams        int `json:"巡察组"`
	TeamUnits    int `json:"被巡察单位"`
	Members      int `json:"编组记录"`
	Ties         int `json:"社会关系"`
	Trainings    int `json:"培训记录"`
	StatusHist   int `json:"状态历史"`
	TeamEvals    int `json:"巡察组鉴定"`
	Milestones   int `json:"巡察节点,omitempty"`
	Findings     int `json:"问题清单,omitempty"`
	Items        int `json:"整改台账,omitempty"`
	Clues        int `json:"线索移交,omitempty"`
	Scopes       int `json:"届期范围"`
	Plans        int `json:"巡察规划"`
}

// Counts counts d's rows.
func (d *Data) Counts() Counts {
	return Counts{
		Counties: len(d.Counties), Units: len(d.Units), Leaders: len(d.Leaders), People: len(d.People),
		History: len(d.History), Relatives: len(d.Relatives), Declarations: len(d.Declarations),
		Terms: len(d.Terms), Rounds: len(d.Rounds), Teams: len(d.Teams), TeamUnits: len(d.TeamUnits),
		Members: len(d.Members), Ties: len(d.Ties), Trainings: len(d.Trainings),
		StatusHist: len(d.StatusChanges), TeamEvals: len(d.TeamEvals),
		Milestones: len(d.Milestones), Findings: len(d.Findings), Items: len(d.Items),
		Clues:  len(d.Clues),
		Scopes: len(d.Scopes), Plans: len(d.Plans),
	}
}

// Lines lists the counts as "县区 12" lines, in insertion order.
func (c Counts) Lines() []string {
	return []string{
		fmt.Sprintf("县区 %d", c.Counties), fmt.Sprintf("单位 %d", c.Units),
		fmt.Sprintf("班子成员 %d", c.Leaders), fmt.Sprintf("人员 %d", c.People),
		fmt.Sprintf("工作经历 %d", c.History), fmt.Sprintf("亲属关系 %d", c.Relatives),
		fmt.Sprintf("回避申报 %d", c.Declarations), fmt.Sprintf("届期 %d", c.Terms),
		fmt.Sprintf("轮次 %d", c.Rounds), fmt.Sprintf("巡察组 %d", c.Teams),
		fmt.Sprintf("被巡察单位 %d", c.TeamUnits), fmt.Sprintf("编组记录 %d", c.Members),
		fmt.Sprintf("社会关系 %d", c.Ties), fmt.Sprintf("培训记录 %d", c.Trainings),
		fmt.Sprintf("状态历史 %d", c.StatusHist), fmt.Sprintf("巡察组鉴定 %d", c.TeamEvals),
		fmt.Sprintf("巡察节点 %d", c.Milestones), fmt.Sprintf("问题清单 %d", c.Findings),
		fmt.Sprintf("整改台账 %d", c.Items), fmt.Sprintf("线索移交 %d", c.Clues),
		fmt.Sprintf("届期范围 %d", c.Scopes), fmt.Sprintf("巡察规划 %d", c.Plans),
	}
}

// params are the sizes of a scale.
type params struct {
	place      string // 清江市 / 江南省
	counties   int
	width      int // digits of a county code
	units      int // units per county
	people     int // people per county
	teams      int // teams of the upcoming round, all counties together
	regionBase string
	seed       uint64
}

// unitMix is how many units of each category a county has, in the order
// of vocab.Categories (村社区 included).
func (p params) unitMix() [6]int {
	if p.units >= 40 {
		return [6]int{12, 6, 3, 5, 11, 3}
	}
	return [6]int{9, 4, 2, 4, 8, 3}
}

func paramsOf(s Scale) params {
	if s == Province {
		return params{place: "江南省", counties: 100, width: 3, units: 30, people: 200, teams: 300, seed: 0x5a4a_2026_0002}
	}
	return params{place: "清江市", counties: 12, width: 2, units: 40, people: 250, teams: 40, seed: 0x5a4a_2026_0001}
}

// gen is the state of one generation run.
type gen struct {
	p        params
	d        *Data
	today    civil.Date
	counties []countyInfo
	units    []unitInfo   // parallel to d.Units
	leaders  []civil.Date // birth dates, parallel to d.Leaders
	people   []personInfo // parallel to d.People
	usedIDs  map[string]bool
}

// rng returns the random source of one phase, so that phases do not shift
// each other's draws.
func (g *gen) rng(phase uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.p.seed, phase))
}

// Generate makes the demonstration data of scale s. The same scale gives
// identical data on every call.
func Generate(s Scale) *Data {
	g := &gen{p: paramsOf(s), d: &Data{}, today: civil.MustParse(AsOf), usedIDs: map[string]bool{}}
	g.makeCounties()
	g.makeUnits()
	g.makePeople()
	g.makeRelatives()
	g.makeDeclarations()
	g.makeRounds()
	g.makePeopleYears()
	g.makeResults()
	g.makeCity()
	g.number()
	return g.d
}

// number gives every row with a numeric primary key its ID, in slice order.
func (g *gen) number() {
	d := g.d
	ids(d.Leaders, func(x *model.UnitLeader, id uint) { x.ID = id })
	ids(d.History, func(x *model.WorkHistory, id uint) { x.ID = id })
	ids(d.Relatives, func(x *model.Relative, id uint) { x.ID = id })
	ids(d.Declarations, func(x *model.Declaration, id uint) { x.ID = id })
	ids(d.TeamUnits, func(x *model.TeamUnit, id uint) { x.ID = id })
	ids(d.Members, func(x *model.TeamMember, id uint) { x.ID = id })
	ids(d.StatusChanges, func(x *model.StatusChange, id uint) { x.ID = id })
	ids(d.Trainings, func(x *model.Training, id uint) { x.ID = id })
	ids(d.Ties, func(x *model.Tie, id uint) { x.ID = id })
	ids(d.TeamEvals, func(x *model.TeamEvaluation, id uint) { x.ID = id })
	ids(d.Milestones, func(x *model.Milestone, id uint) { x.ID = id })
	ids(d.Scopes, func(x *model.TermScope, id uint) { x.ID = id })
	ids(d.Plans, func(x *model.PlanItem, id uint) { x.ID = id })
}

// ids gives rows the IDs 1, 2, … in order.
func ids[T any](rows []T, set func(*T, uint)) {
	for i := range rows {
		set(&rows[i], uint(i+1))
	}
}

// ptr returns a pointer to a copy of s.
func ptr(s string) *string { return &s }
