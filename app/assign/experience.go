package assign

import (
	"fmt"
	"slices"
	"strings"

	"xuncha/app/civil"
	"xuncha/app/vocab"
)

// Experience holds the objective's rules about people over the years
// (SPEC §11.3, settings key "experience"): the experienced core of a team
// ("以老带新"), the roles that rotate, and the rounds a newly promoted
// cadre owes ("新提拔副科级领导干部，至少参加1-2轮巡察").
//
// Its zero value asks for no core, rotates every role and takes the
// obligation's defaults (every rank, 1 round, 2 years): the objective of
// SPEC §5 before §11.3. Defaults() holds §11.3's defaults.
type Experience struct {
	// Core is how many members with experience (one earlier round served,
	// any term) each team should have; 0 asks for none.
	Core int `json:"core"`
	// StableRoles are the roles the rotation preference (fewer rounds
	// served this term, not the previous round) leaves alone: the stable
	// core of 组长 and 专职工作人员 by default. Every other role rotates.
	StableRoles []string `json:"stableRoles"`
	// PromotedRanks are the 职级 whose newly promoted cadres owe rounds:
	// a person's 职级 names one when it is the word or contains it
	// ("副科级" takes "副科级领导职务"). Empty: every rank.
	PromotedRanks []string `json:"promotedRanks"`
	// PromotedRounds is how many rounds they owe (1 or 2; 0 is 1).
	PromotedRounds int `json:"promotedRounds"`
	// PromotedYears is the period from 新提拔日期 within which they owe
	// them (0 is 2).
	PromotedYears int `json:"promotedYears"`
}

// Limits of the experience rules.
const (
	maxOwedRounds = 2
	maxOwedYears  = 10
	maxRanks      = 40
)

// DefaultExperience returns SPEC §11.3's defaults: one experienced member
// per team, 组长 and 专职工作人员 not rotated, every rank owing one round
// within two years of promotion.
func DefaultExperience() Experience {
	return Experience{Core: 1, StableRoles: []string{vocab.RoleLeader, vocab.RoleFullTime}, PromotedRanks: []string{},
		PromotedRounds: 1, PromotedYears: 2}
}

// Validate reports the first rule that cannot be used, in Chinese.
func (x Experience) Validate() error {
	if x.Core < 0 || x.Core > maxCount {
		return fmt.Errorf("每组有巡察经历的成员人数应在 0 至 %d 之间，现为 %d", maxCount, x.Core)
	}
	for _, r := range x.StableRoles {
		if !slices.Contains(vocab.Roles, r) {
			return fmt.Errorf("不参与轮换的角色 %q 无效（应为 %s）", r, strings.Join(vocab.Roles, "、"))
		}
	}
	if x.PromotedRounds < 0 || x.PromotedRounds > maxOwedRounds {
		return fmt.Errorf("新提拔干部应参加的轮数应为 1 或 2，现为 %d", x.PromotedRounds)
	}
	if x.PromotedYears < 0 || x.PromotedYears > maxOwedYears {
		return fmt.Errorf("新提拔干部参加巡察的期限应在 1 至 %d 年之间，现为 %d", maxOwedYears, x.PromotedYears)
	}
	if len(x.PromotedRanks) > maxRanks {
		return fmt.Errorf("新提拔干部的职级过多（%d 个，最多 %d 个）", len(x.PromotedRanks), maxRanks)
	}
	for _, r := range x.PromotedRanks {
		if strings.TrimSpace(r) == "" {
			return fmt.Errorf("新提拔干部的职级不能为空白")
		}
	}
	return nil
}

// Rotated reports whether role takes the rotation preference.
func (x Experience) Rotated(role string) bool { return !slices.Contains(x.StableRoles, role) }

// Rounds is the number of rounds a newly promoted cadre owes.
func (x Experience) Rounds() int {
	if x.PromotedRounds <= 0 {
		return 1
	}
	return x.PromotedRounds
}

// Years is the period of the obligation in years.
func (x Experience) Years() int {
	if x.PromotedYears <= 0 {
		return 2
	}
	return x.PromotedYears
}

// RankOwes reports whether a cadre of 职级 rank owes rounds when newly
// promoted: every rank when no rank is named.
func (x Experience) RankOwes(rank string) bool {
	if len(x.PromotedRanks) == 0 {
		return true
	}
	rank = strings.TrimSpace(rank)
	for _, r := range x.PromotedRanks {
		if r = strings.TrimSpace(r); r != "" && strings.Contains(rank, r) {
			return true
		}
	}
	return false
}

// Owes says how many rounds a cadre of 职级 rank, promoted on promoted,
// who has served served rounds since that day, still owes on day on, and
// the last day to serve them (the promotion day plus the period): nothing
// when not promoted, promoted after on, promoted more than the period
// before on (on the last day itself the rounds are still owed), of a rank
// the rules leave out, or served enough.
func (x Experience) Owes(rank string, promoted civil.Date, served int, on civil.Date) (int, civil.Date) {
	if promoted.IsZero() || on.IsZero() || promoted > on || !x.RankOwes(rank) {
		return 0, 0
	}
	due := yearsAfter(promoted, x.Years())
	if on > due {
		return 0, 0
	}
	if left := x.Rounds() - served; left > 0 {
		return left, due
	}
	return 0, 0
}

// yearsAfter is the last day of a period of n years from d, as the civil
// code counts it (民法典 第二百零三条): the same day n years on, or the
// last day of that month when it has no such day (2024-02-29 + 2 years is
// 2026-02-28).
func yearsAfter(d civil.Date, n int) civil.Date {
	y, m := d.Year()+n, d.Month()
	last := civil.Of(y, m+1, 0).Day()
	return civil.Of(y, m, min(d.Day(), last))
}

// Obligation is what a newly promoted cadre owes: the rounds still to
// serve and the last day to serve them.
type Obligation struct {
	Owed int        `json:"owed"` // rounds still owed
	Due  civil.Date `json:"due"`  // the last day
}

// obligation is what person p owes on the round's on-site start.
func (x Experience) obligation(p *Person, start civil.Date) Obligation {
	n, due := x.Owes(p.Rank, p.PromotedOn, p.SincePromoted, start)
	return Obligation{Owed: n, Due: due}
}
