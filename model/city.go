package model

// The city and the term plan (SPEC §8): a unit's place in a term's plan
// (巡察规划), the links between rounds kept both ways, and the step that
// splits the one round type of before Part II into 巡察类型 and 组织方式.

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"gorm.io/gorm"
)

// PlanItem is one unit's place in a term's plan (巡察规划, SPEC §8.2): the
// year it is to be inspected in and, optionally, the round (its number in
// the term, 第N轮; 0 when not planned), with a note. A unit has at most one
// place in a term's plan.
type PlanItem struct {
	ID       uint   `gorm:"primaryKey"`
	TermCode string `gorm:"size:32;not null;uniqueIndex:idx_plan_key"`
	Term     *Term  `gorm:"foreignKey:TermCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	UnitCode string `gorm:"size:32;not null;uniqueIndex:idx_plan_key;index"`
	Unit     *Unit  `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Year     int    `gorm:"not null"`           // 计划年度
	RoundNo  int    `gorm:"not null;default:0"` // 计划轮次: 第N轮 of the term
	Note     string `gorm:"size:256"`           // 备注
	Stamp           // the plan grid's unit dialog saves only over the row as it read it
}

// levelWords are the words a round's type held before Part II that are an
// 组织方式, and the 组织方式 each now is (vocab.LevelOfKindWord says the
// same; model keeps its own copy, as it imports no business package).
var levelWords = [][2]string{{"交叉", "交叉"}, {"提级", "提级"}, {"联动", "上下联动"}, {"上下联动", "上下联动"}, {"巡审联动", "巡审联动"}}

// splitRoundTypes is the data step of schema version 4: a round whose
// type is an 组织方式 (交叉, 提级, 联动, 巡审联动) gets it as its Level and
// the 巡察类型 常规, as SPEC §8.1 reads such a type in a workbook. A level
// already set is kept.
func splitRoundTypes(tx *gorm.DB) error {
	for _, w := range levelWords {
		err := tx.Model(&Round{}).Where("type = ?", w[0]).Updates(map[string]any{
			"type":  "常规",
			"level": gorm.Expr("CASE WHEN level IS NULL OR level = '' THEN ? ELSE level END", w[1]),
		}).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// LinkRounds makes the links of round code hold both ways inside tx, as
// Round.Links promises: every round of links names code among its own,
// and every other round that names code but is not in links no longer
// does. Links are stored sorted and joined by 、. Each other round whose
// links change counts its version up (as changed by the actor WithActor
// names, now), so that a form still open on it is refused on save rather
// than write its links of before back.
func LinkRounds(tx *gorm.DB, code string, links []string) error {
	var rounds []Round
	err := tx.Select("code", "links").Where("links <> ''").Or("code IN ?", append([]string{""}, links...)).
		Order("code").Find(&rounds).Error
	if err != nil {
		return err
	}
	by, now := Actor(tx), time.Now().UTC().Format(StoredTimeLayout)
	for _, x := range rounds {
		if x.Code == code {
			continue
		}
		have := SplitLinks(x.Links)
		want := slices.DeleteFunc(slices.Clone(have), func(c string) bool { return c == code })
		if slices.Contains(links, x.Code) {
			want = append(want, code)
		}
		slices.Sort(want)
		if slices.Equal(want, have) {
			continue
		}
		err := tx.Model(&Round{}).Where("code = ?", x.Code).UpdateColumns(map[string]any{"links": strings.Join(want, "、"),
			"version": gorm.Expr("version + 1"), "changed_by": by, "changed_at": now}).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// SplitLinks splits a stored Round.Links into its codes.
func SplitLinks(s string) []string {
	var out []string
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' }) {
		if c = strings.TrimFunc(c, unicode.IsSpace); c != "" {
			out = append(out, c)
		}
	}
	return out
}
