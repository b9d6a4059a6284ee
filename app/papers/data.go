package papers

import "xuncha/app/civil"

// The plain values the documents are made from; the service fills them.

// Round is a round with its teams.
type Round struct {
	Code, Name, TermName string
	Type, Level, Mode    string // 巡察类型, 组织方式, 编组方式
	Number               int    // in its term: 第N轮 (0: unknown)
	PrepStart            civil.Date
	OnsiteStart          civil.Date
	OnsiteEnd            civil.Date
	Teams                []Team // in roster order
}

// Team is a team with its units and members.
type Team struct {
	Name       string
	CountyName string
	Units      []Unit
	Start, End civil.Date // its own on-site dates, else the round's
	Members    []Member   // in roster order
}

// Unit is a unit, by code and name.
type Unit struct{ Code, Name string }

// Member is a member of a team, with what the 告知书, the 申报表 and the
// 鉴定表 say about them.
type Member struct {
	Person, Name, Gender  string
	Role                  string
	Unit, Post, Rank      string // current unit (name), post, 职级
	Birth                 civil.Date
	Grade, Comment, State string // 鉴定: grade, 评语, 拟定 or 确定
	Hints                 []Hint
	Declarations          []Declaration
}

// Hint is a 提示 the program found for a member: the rule, its name, the
// unit's name ("" when none), the evidence; Overridden: a hard hit lifted
// by an approved override.
type Hint struct {
	Rule, RuleName, Unit, Reason string
	Overridden                   bool
}

// Declaration is a member's 回避申报 about a unit of the team.
type Declaration struct {
	Unit, Reason, Source, Handling string
}

// UnitResults are one unit's results in a round.
type UnitResults struct {
	Unit      Unit
	Team      *Team
	Feedback  civil.Date // 反馈: the milestone, else the round's date
	ReportDue civil.Date // 整改报告 due
	Findings  []Finding  // by code
	Items     []Item     // by code
}

// Finding is a problem found in a unit.
type Finding struct {
	Code, Category, Description string
	OnTheSpot                   bool
}

// Item is a rectification item with the finding it answers.
type Item struct {
	Code, Finding, Category, Problem string
	Measure, Dept, Owner, State      string
	Due, DoneOn                      civil.Date
}

// Clue is a clue handed over: metadata only.
type Clue struct {
	Code, Team, Unit, Category, Level, Receiver string
	HandedOn, FeedbackDue                       civil.Date
}

// Overdue is something of a unit overdue on a day: an item (Code its
// 整改编号) or the rectification report (Code "").
type Overdue struct {
	Code, What, Dept string
	Due              civil.Date
	Days             int
}

// Figures are the statistics a report upward writes in its sentences.
type Figures struct {
	Scope                          string // 统计范围: the term, year and jurisdiction in words
	Today                          civil.Date
	Rounds, Teams, Units           int
	Required, Covered              int
	CoverageRate                   float64
	Placements, Distinct, FullTime int
	NewlyPromoted, Owing           int
	Findings, OnTheSpot            int
	ByCategory                     []Count
	Items, Done, Closed, Overdue   int
	Rate                           float64
	Clues                          int
	ByReceiver                     []Count
	Opened, Sanctioned, Judiciary  int
}

// Count is a number of something named.
type Count struct {
	Name string
	N    int
}
