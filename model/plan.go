package model

// The city and the term plan (SPEC §8): a unit's place in a term's plan
// (巡察规划), and the step that splits the one round type of before Part II
// into 巡察类型 and 组织方式.

import "gorm.io/gorm"

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
