package demo

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xuncha/app/audit"
	"xuncha/model"
)

// ErrNotEmpty is returned by Write when the database already holds data.
var ErrNotEmpty = errors.New("数据库不是空的")

// batch is how many rows go into one INSERT.
const batch = 500

// Write stores d in db in one transaction, followed by one audit entry
// (演示数据) by user with the counts. It refuses a database that already has
// counties, units, people or terms, and then writes nothing.
func Write(db *gorm.DB, d *Data, user string) error {
	return model.Transact(db, func(tx *gorm.DB) error {
		if err := checkEmpty(tx); err != nil {
			return err
		}
		steps := []struct {
			what string
			err  func() error
		}{
			{"县区", func() error { return insert(tx, d.Counties) }},
			{"单位", func() error { return insert(tx, d.Units) }},
			{"班子成员", func() error { return insert(tx, d.Leaders) }},
			{"人员", func() error { return insert(tx, d.People) }},
			{"工作经历", func() error { return insert(tx, d.History) }},
			{"亲属关系", func() error { return insert(tx, d.Relatives) }},
			{"回避申报", func() error { return insert(tx, d.Declarations) }},
			{"届期", func() error { return insert(tx, d.Terms) }},
			{"轮次", func() error { return insert(tx, d.Rounds) }},
			{"巡察组", func() error { return insert(tx, d.Teams) }},
			{"被巡察单位", func() error { return insert(tx, d.TeamUnits) }},
			{"编组记录", func() error { return insert(tx, d.Members) }},
			{"状态历史", func() error { return insert(tx, d.StatusChanges) }},
			{"培训记录", func() error { return insert(tx, d.Trainings) }},
			{"社会关系", func() error { return insert(tx, d.Ties) }},
			{"巡察组鉴定", func() error { return insert(tx, d.TeamEvals) }},
			{"巡察节点", func() error { return insert(tx, d.Milestones) }},
			{"问题清单", func() error { return insert(tx, d.Findings) }},
			{"整改台账", func() error { return insert(tx, d.Items) }},
			{"线索移交", func() error { return insert(tx, d.Clues) }},
			{"届期范围", func() error { return insert(tx, d.Scopes) }},
			{"巡察规划", func() error { return insert(tx, d.Plans) }},
		}
		for _, s := range steps {
			if err := s.err(); err != nil {
				return fmt.Errorf("写入演示数据（%s）失败: %w", s.what, err)
			}
		}
		return audit.Record(tx, audit.Entry{User: user, Action: "演示数据", Entity: "全部", After: d.Counts()})
	})
}

// checkEmpty refuses a database with any counties, units, people or terms.
func checkEmpty(tx *gorm.DB) error {
	for _, t := range []struct {
		model any
		what  string
	}{
		{&model.County{}, "县区"}, {&model.Unit{}, "单位"}, {&model.Person{}, "人员"}, {&model.Term{}, "届期"},
	} {
		var n int64
		if err := tx.Model(t.model).Count(&n).Error; err != nil {
			return fmt.Errorf("检查数据库是否为空失败: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("%w（已有%s %d 条），演示数据只能写入空数据库，请另选一个新文件", ErrNotEmpty, t.what, n)
		}
	}
	return nil
}

// insert writes rows in batches; nothing for none.
func insert[T any](tx *gorm.DB, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	return tx.Omit(clause.Associations).CreateInBatches(rows, batch).Error
}
