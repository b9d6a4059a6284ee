package model

// The people over the years (SPEC §10.1, §11): the history of each
// person's status, their training, their non-family ties, and a team's
// own evaluation after a round.

import (
	"time"

	"gorm.io/gorm"
)

// StatusChange is one change of a person's 状态 (在库, 暂停, 出库), kept
// for ever: when (the day, and the moment in UTC for the order), from what
// to what, why, by whom and through what (表单, 导入, 数据包 …). A person's
// first status is recorded as a change from "".
type StatusChange struct {
	ID         uint    `gorm:"primaryKey"`
	PersonCode string  `gorm:"size:32;not null;index"`
	Person     *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Date       string  `gorm:"size:10;not null"` // the day of the change, 2006-01-02
	At         string  `gorm:"size:19;not null"` // the moment, UTC 2006-01-02 15:04:05
	Old        string  `gorm:"size:8"`
	New        string  `gorm:"size:8;not null"`
	Reason     string  `gorm:"size:256"`
	User       string  `gorm:"size:64"`
	Source     string  `gorm:"size:16"`
}

// Training is one training a person attended (培训记录), keyed by person,
// name and start date.
type Training struct {
	ID         uint    `gorm:"primaryKey"`
	PersonCode string  `gorm:"size:32;not null;uniqueIndex:idx_training_key"`
	Person     *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Name       string  `gorm:"size:128;not null;uniqueIndex:idx_training_key"`
	StartDate  string  `gorm:"size:10;not null;uniqueIndex:idx_training_key"`
	EndDate    string  `gorm:"size:10"`
	Hours      float64 `gorm:"not null;default:0"` // 学时; 0 when not recorded
}

// Tie is a non-family tie a person has with someone (社会关系, SPEC §10.1):
// the other person's name, the kind of tie, how to recognise them (ID
// number, pool member code, unit and post, whether they sit in the unit's
// leadership) and when the tie ended (empty: it lasts). Keyed by person,
// name and kind.
type Tie struct {
	ID               uint    `gorm:"primaryKey"`
	PersonCode       string  `gorm:"size:32;not null;uniqueIndex:idx_tie_key"`
	Person           *Person `gorm:"foreignKey:PersonCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Name             string  `gorm:"size:64;not null;uniqueIndex:idx_tie_key"`
	Relation         string  `gorm:"size:16;not null;uniqueIndex:idx_tie_key"` // 曾上下级, 曾同班子, 同学, 师生, 其他利害关系
	IDNumber         string  `gorm:"size:18;index"`
	TiePerson        string  `gorm:"size:32;index"` // 关系人人员编号: another pool member
	UnitCode         *string `gorm:"size:32;index"`
	Unit             *Unit   `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	Post             string  `gorm:"size:64"`
	IsUnitLeadership bool    `gorm:"not null;default:false"`
	EndDate          string  `gorm:"size:10"`
}

// TeamEvaluation is a team's own evaluation after a round (SPEC §11.2):
// a grade and 评语, proposed (拟定) and then confirmed (确定).
type TeamEvaluation struct {
	ID      uint   `gorm:"primaryKey"`
	TeamID  uint   `gorm:"not null;uniqueIndex"`
	Team    *Team  `gorm:"constraint:OnDelete:CASCADE"`
	Grade   string `gorm:"size:8"`
	Comment string `gorm:"size:512"`
	State   string `gorm:"size:4"` // 拟定 or 确定
	Stamp
}

// confirmEvaluations is the data step of schema version 3: grades stored
// before 鉴定 had a state came from 编组记录 imports and forms that knew
// no proposal, and count as confirmed (the sheet's default, SPEC §6.1).
func confirmEvaluations(tx *gorm.DB) error {
	return tx.Model(&TeamMember{}).Where("evaluation <> '' AND (eval_state IS NULL OR eval_state = '')").
		Update("eval_state", "确定").Error
}

// NewStatusChange is the record of person's status going from old ("" for
// a new person) to status at now, for reason, by user, through via: the
// day as the office's clock reads it, the moment in UTC.
func NewStatusChange(person, old, status, reason, user, via string, now time.Time) StatusChange {
	return StatusChange{PersonCode: person, Date: now.Local().Format("2006-01-02"), At: now.UTC().Format("2006-01-02 15:04:05"),
		Old: old, New: status, Reason: reason, User: user, Source: via}
}
