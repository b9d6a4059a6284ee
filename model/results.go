package model

import (
	"fmt"

	"gorm.io/gorm"
)

// The results of a round (成果运用, SPEC §9): milestones, findings,
// rectification items and clue hand-overs.

// Milestone is a dated step of a round after the on-site stage (节点): for
// one team (Team is its name), or for every team of the round (Team
// empty); for one unit of the team (UnitCode), or for all its units
// (UnitCode empty). A unit's 整改报告收到 is its own milestone if any, else
// its team's, else the round's.
type Milestone struct {
	ID        uint   `gorm:"primaryKey"`
	RoundCode string `gorm:"size:32;not null;uniqueIndex:idx_milestone_key"`
	Round     *Round `gorm:"foreignKey:RoundCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Team      string `gorm:"size:64;not null;default:'';uniqueIndex:idx_milestone_key"`
	UnitCode  string `gorm:"size:32;not null;default:'';uniqueIndex:idx_milestone_key"`
	Kind      string `gorm:"size:16;not null;uniqueIndex:idx_milestone_key"`
	Date      string `gorm:"size:10;not null"`
	Recorder  string `gorm:"size:64"`
	Stamp
}

// Finding is a problem a round found in a unit (问题).
type Finding struct {
	Code        string `gorm:"primaryKey;size:32"`
	RoundCode   string `gorm:"size:32;not null;index"`
	Round       *Round `gorm:"foreignKey:RoundCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Team        string `gorm:"size:64;not null"`
	UnitCode    string `gorm:"size:32;not null;index"`
	Unit        *Unit  `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Category    string `gorm:"size:32;not null"`
	Description string `gorm:"size:2048;not null"`
	FoundOn     string `gorm:"size:10"`
	OnTheSpot   bool   `gorm:"not null;default:false"` // 立行立改
	Stamp
}

// RectifyItem is what a unit must do about a finding (整改措施), with its
// progress, review and close-out.
type RectifyItem struct {
	Code        string   `gorm:"primaryKey;size:32"`
	FindingCode string   `gorm:"size:32;not null;index"`
	Finding     *Finding `gorm:"foreignKey:FindingCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Measure     string   `gorm:"size:3072;not null"`
	Dept        string   `gorm:"size:128;index"` // 责任部门
	Owner       string   `gorm:"size:64"`        // 责任人
	Due         string   `gorm:"size:10;not null;index"`
	State       string   `gorm:"size:8;not null;default:未启动"`
	DoneOn      string   `gorm:"size:10"`
	Review      string   `gorm:"size:8"` // 审核结果
	Reviewer    string   `gorm:"size:64"`
	ClosedOn    string   `gorm:"size:10"` // 销号日期
	Note        string   `gorm:"size:3072"`
	Progress    string   `gorm:"size:3072"` // 进展, as the unit reports it
	Stamp
}

// Clue is a hand-over of a problem clue (线索移交): metadata only, never
// names or content.
type Clue struct {
	Code        string `gorm:"primaryKey;size:32"`
	RoundCode   string `gorm:"size:32;not null;index"`
	Round       *Round `gorm:"foreignKey:RoundCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Team        string `gorm:"size:64;not null"`
	UnitCode    string `gorm:"size:32;not null;index"`
	Unit        *Unit  `gorm:"foreignKey:UnitCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Category    string `gorm:"size:16;not null"`
	Level       string `gorm:"size:16"`
	Receiver    string `gorm:"size:16;not null"`
	HandedOn    string `gorm:"size:10;not null"`
	FeedbackDue string `gorm:"size:10"` // as entered; empty: 移交日期 + 3 months
	FeedbackOn  string `gorm:"size:10"`
	Outcome     string `gorm:"size:16"`
	Opened      int    `gorm:"not null;default:0"` // 立案人数
	Sanctioned  int    `gorm:"not null;default:0"` // 处分人数
	Judiciary   int    `gorm:"not null;default:0"` // 移送司法人数
	Stamp
}

// resultsTables lists the entities of this file, for All.
func resultsTables() []any { return []any{&Milestone{}, &Finding{}, &RectifyItem{}, &Clue{}} }

// ResultTables holds the rows of a round's results, each table in a
// documented order.
type ResultTables struct {
	Milestones []Milestone   // by round, team, unit, kind
	Findings   []Finding     // by code
	Items      []RectifyItem // by code
	Clues      []Clue        // by code
}

// LoadResults reads every milestone, finding, item and clue; withClues
// false leaves the clues out (a reader without the right to them).
func LoadResults(db *gorm.DB, withClues bool) (*ResultTables, error) {
	var t ResultTables
	qs := []struct {
		dst   any
		order string
	}{
		{&t.Milestones, "round_code, team, unit_code, kind"}, {&t.Findings, "code"}, {&t.Items, "code"},
	}
	if withClues {
		qs = append(qs, struct {
			dst   any
			order string
		}{&t.Clues, "code"})
	}
	for _, q := range qs {
		if err := db.Order(q.order).Find(q.dst).Error; err != nil {
			return nil, fmt.Errorf("读取成果数据失败: %w", err)
		}
	}
	return &t, nil
}

// migrateReportReceived moves each team unit's 整改报告收到日期 (the
// column report_received of a file from before milestones) into a
// 整改报告收到 milestone of that unit, and clears the column. Nothing is
// lost: a unit that already has its own milestone keeps the earlier date.
func migrateReportReceived(tx *gorm.DB) error {
	if !tx.Migrator().HasColumn("team_units", "report_received") {
		return nil
	}
	var rows []struct {
		RoundCode, UnitCode, Team, ReportReceived string
	}
	err := tx.Raw(`SELECT tu.round_code, tu.unit_code, t.name AS team, tu.report_received
		FROM team_units tu JOIN teams t ON t.id = tu.team_id
		WHERE tu.report_received IS NOT NULL AND tu.report_received <> ''
		ORDER BY tu.round_code, t.name, tu.unit_code`).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		var m Milestone
		if err := tx.Where("round_code = ? AND team = ? AND unit_code = ? AND kind = ?",
			r.RoundCode, r.Team, r.UnitCode, "整改报告收到").Limit(1).Find(&m).Error; err != nil {
			return err
		}
		switch {
		case m.ID == 0:
			m = Milestone{RoundCode: r.RoundCode, Team: r.Team, UnitCode: r.UnitCode, Kind: "整改报告收到",
				Date: r.ReportReceived, Recorder: "数据升级"}
			if err := tx.Create(&m).Error; err != nil {
				return err
			}
		case r.ReportReceived < m.Date:
			if err := tx.Model(&m).Update("date", r.ReportReceived).Error; err != nil {
				return err
			}
		}
	}
	return tx.Exec("UPDATE team_units SET report_received = ''").Error
}
