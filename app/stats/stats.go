// Package stats is the statistics of SPEC §12.2 (统计报表) as pure Go over
// a snapshot and the results rows: for a term, optionally a year (the
// rounds whose 进驻开始 is in it) and a jurisdiction (that of the inspected
// units), the rounds, teams and units inspected, the term's coverage, the
// people placed, the findings, the rectification items and the clues —
// the figures of `xuncha stats --json` — and the tables and charts of the
// 统计 screen, its workbook and its PDF report.
//
// Definitions, as SPEC §12.2 writes them:
//   - in scope: the rounds of the term (and year), and of them the teams
//     whose units are in the jurisdiction; rounds counts the rounds with a
//     team in scope (every round of the term and year when no
//     jurisdiction is given), teams the teams in scope, units_inspected the
//     distinct units they inspect;
//   - coverage: the term's coverage on the day (calendar.Coverage),
//     restricted to the jurisdiction's units when one is given;
//   - placements: the roster slots filled on the teams in scope (saved
//     rosters and 编组记录 alike), distinct the people in them, full_time
//     the placements of 专职 people, by_home the placements by the person's
//     工作关系地;
//   - newly_promoted_served: the distinct people placed in scope who were
//     newly promoted for that round (SPEC §5, package obligation);
//   - owing: the people who owe rounds on the day (SPEC §11.3, package
//     obligation), of the jurisdiction when one is given;
//   - findings, rectification, clues: those of the rounds in scope whose
//     unit is in the jurisdiction; overdue items are open ones whose
//     完成时限 is before the day; cases_opened, sanctioned and to_judiciary
//     add up the clues' 立案人数, 处分人数 and 移送司法人数.
//
// Maps hold only non-zero entries; JSON writes their keys sorted.
package stats

import (
	"xuncha/app/calendar"
	"xuncha/app/civil"
	"xuncha/app/obligation"
	"xuncha/app/snap"
)

// Scope is what the figures cover.
type Scope struct {
	Term   string
	Year   int    // 0: every year of the term
	County string // "": every jurisdiction
	Round  string // "": every round in scope (a round's own report sets it)
	Today  civil.Date
}

// Finding is a finding, by what the statistics count.
type Finding struct {
	Code, Round, Unit, Category string
	OnTheSpot                   bool
}

// Item is a rectification item, by what the statistics count.
type Item struct {
	Finding, State string
	Due            civil.Date
}

// Clue is a clue hand-over, by what the statistics count.
type Clue struct {
	Round, Unit, Receiver, Outcome string
	Opened, Sanctioned, Judiciary  int
}

// Input is what the statistics are computed over.
type Input struct {
	Snap       *snap.Snapshot
	Coverage   calendar.Coverage // the term's, on the scope's day
	Findings   []Finding
	Items      []Item
	Clues      []Clue
	Rule       obligation.Rule
	Categories []string // 问题类别 in the settings' order
}

// Report is `xuncha stats --json` (SPEC §12.2). The fields are in the
// order the JSON writes them; year and county are left out when the
// scope has none.
type Report struct {
	Term           string        `json:"term"`
	Year           int           `json:"year,omitempty"`
	County         string        `json:"county,omitempty"`
	Today          string        `json:"today"`
	Rounds         int           `json:"rounds"`
	Teams          int           `json:"teams"`
	UnitsInspected int           `json:"units_inspected"`
	Coverage       Coverage      `json:"coverage"`
	People         People        `json:"people"`
	Findings       Findings      `json:"findings"`
	Rectification  Rectification `json:"rectification"`
	Clues          Clues         `json:"clues"`
}

// Coverage is the term's coverage.
type Coverage struct {
	Required int     `json:"required"`
	Covered  int     `json:"covered"`
	Rate     float64 `json:"rate"`
}

// People are the placements in scope and the 新提拔 figures.
type People struct {
	Placements          int            `json:"placements"`
	Distinct            int            `json:"distinct"`
	FullTime            int            `json:"full_time"`
	ByHome              map[string]int `json:"by_home"`
	NewlyPromotedServed int            `json:"newly_promoted_served"`
	Owing               int            `json:"owing"`
}

// Findings are the findings in scope.
type Findings struct {
	Total      int            `json:"total"`
	OnTheSpot  int            `json:"on_the_spot"`
	ByCategory map[string]int `json:"by_category"`
}

// Rectification are the items of the findings in scope.
type Rectification struct {
	Items   int     `json:"items"`
	Done    int     `json:"done"`
	Closed  int     `json:"closed"`
	Overdue int     `json:"overdue"`
	Rate    float64 `json:"rate"`
}

// Clues are the clues in scope.
type Clues struct {
	Total       int            `json:"total"`
	ByReceiver  map[string]int `json:"by_receiver"`
	CasesOpened int            `json:"cases_opened"`
	Sanctioned  int            `json:"sanctioned"`
	ToJudiciary int            `json:"to_judiciary"`
}
