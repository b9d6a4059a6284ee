// Package obligation is the one place of two definitions about newly
// promoted cadres (新提拔) that the solver, the statistics and the reports
// share:
//
//   - newly promoted (SPEC §5): 新提拔日期 within two years before the
//     reference day (a round's 进驻开始) and not served in a round since;
//   - owing rounds (SPEC §11.3, "新提拔副科级领导干部，至少参加1-2轮巡察"): a
//     person whose 职级 is one the rule names (or any, when it names none),
//     promoted within the rule's period before the reference day, owes the
//     rounds the rule asks for less the rounds served since 新提拔日期, by
//     the end of the period.
//
// "Served since" counts the rounds the person was placed in (a saved roster
// or 编组记录) whose on-site start is on or after 新提拔日期 and before the
// reference day: for the solver the reference is the round's own 进驻开始,
// so the round being filled and later ones do not count; for the
// statistics it is the day of the figures (`xuncha stats --today`). The
// caller passes the on-site start of every round the person served, once
// per round.
//
// It is pure Go over dates: no database, no settings store.
package obligation

import (
	"slices"
	"strings"

	"xuncha/app/civil"
)

// NewlyPromotedYears is SPEC §5's window: promoted within two years.
const NewlyPromotedYears = 2

// Rule is the 新提拔 obligation of SPEC §11.3 (a setting): the ranks it
// binds, the rounds owed and the period from 新提拔日期.
type Rule struct {
	Ranks  []string `json:"ranks"`  // 职级 words; empty: every rank
	Rounds int      `json:"rounds"` // rounds owed: 1 (default) or 2
	Years  int      `json:"years"`  // the period, in years from 新提拔日期 (2)
}

// SettingsKey is the settings key the rule is stored under.
const SettingsKey = "obligation"

// Default is SPEC §11.3's rule: every rank, one round, within two years.
func Default() Rule { return Rule{Rounds: 1, Years: 2} }

// Normalized returns r with the rounds between 1 and 2 and the period at
// least a year (a rule saved before a field existed reads as the default),
// the ranks trimmed, without blanks and repeats, sorted.
func (r Rule) Normalized() Rule {
	d := Default()
	if r.Rounds <= 0 {
		r.Rounds = d.Rounds
	}
	r.Rounds = min(r.Rounds, 2)
	if r.Years <= 0 {
		r.Years = d.Years
	}
	var ranks []string
	for _, k := range r.Ranks {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(ranks, k) {
			ranks = append(ranks, k)
		}
	}
	slices.Sort(ranks)
	r.Ranks = ranks
	return r
}

// Binds reports whether the rule binds a person of rank.
func (r Rule) Binds(rank string) bool {
	return len(r.Ranks) == 0 || slices.Contains(r.Ranks, strings.TrimSpace(rank))
}

// Owes returns how many rounds a person of rank, promoted on promoted and
// placed in rounds starting on served, owes on ref, and the day by which
// (新提拔日期 plus the period); 0 and no day when the person owes nothing:
// not promoted, a rank the rule does not bind, promoted after ref or
// before the period, or enough rounds served since.
func (r Rule) Owes(rank string, promoted civil.Date, served []civil.Date, ref civil.Date) (owed int, by civil.Date) {
	r = r.Normalized()
	if promoted.IsZero() || ref.IsZero() || promoted > ref || promoted < ref.AddYears(-r.Years) || !r.Binds(rank) {
		return 0, 0
	}
	owed = r.Rounds - ServedSince(promoted, served, ref)
	if owed <= 0 {
		return 0, 0
	}
	return owed, promoted.AddYears(r.Years)
}

// ServedSince counts the rounds (their on-site starts in served) on or
// after since and before ref.
func ServedSince(since civil.Date, served []civil.Date, ref civil.Date) int {
	n := 0
	for _, d := range served {
		if !d.IsZero() && d >= since && d < ref {
			n++
		}
	}
	return n
}

// NewlyPromoted reports whether a person promoted on promoted and placed
// in rounds starting on served is newly promoted for a round starting on
// start (SPEC §5): promoted within two years before start and not served
// in a round since.
func NewlyPromoted(promoted civil.Date, served []civil.Date, start civil.Date) bool {
	if promoted.IsZero() || start.IsZero() || promoted > start || promoted < start.AddYears(-NewlyPromotedYears) {
		return false
	}
	return ServedSince(promoted, served, start) == 0
}
