// Package audit writes and verifies the audit log: every change to the data,
// with who made it, when, and the state before and after. Entries are
// hash-chained, so that an entry edited or deleted afterwards is detected.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"xuncha/model"
)

// TimeLayout is how times are shown (and how entries were stored before
// times were stored in UTC; see StoredLayout).
const TimeLayout = "2006-01-02 15:04:05"

// Entry is what a caller records; Record fills in the time and the chain.
type Entry struct {
	User   string
	Action string // 导入, 新增, 修改, 删除, 编组, 豁免, 设置, 恢复 …
	Entity string // 人员, 单位, 轮次 …
	Key    string // the code of what changed
	Before any    // marshalled to JSON; nil for none
	After  any
}

// Now is the clock Record uses; tests replace it through WithClock.
type clock func() time.Time

// Record appends e to the log inside tx, chained to the newest entry. Call
// it in the same transaction as the change it records. Concurrent writers
// append one after another (model.AuditHead), so that the log stays
// one chain on a shared server too.
func Record(tx *gorm.DB, e Entry) error { return record(tx, e, time.Now) }

func record(tx *gorm.DB, e Entry, now clock) error {
	before, err := text(e.Before)
	if err != nil {
		return err
	}
	after, err := text(e.After)
	if err != nil {
		return err
	}
	prev, err := model.AuditHead(tx)
	if err != nil {
		return fmt.Errorf("读取审计日志失败: %w", err)
	}
	row := model.AuditEntry{
		At: Stored(now()), User: e.User, Action: e.Action, Entity: e.Entity,
		Key: e.Key, Before: before, After: after, PrevHash: prev,
	}
	row.Hash = Hash(row)
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("写入审计日志失败: %w", err)
	}
	return nil
}

func text(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("审计内容无法序列化: %w", err)
	}
	if string(b) == "null" { // a nil pointer: nothing, as nil
		return "", nil
	}
	return string(b), nil
}

// Hash is the chain hash of an entry: SHA-256 over its fields and the
// previous entry's hash.
func Hash(e model.AuditEntry) string {
	h := sha256.New()
	for _, f := range []string{e.At, e.User, e.Action, e.Entity, e.Key, e.Before, e.After, e.PrevHash} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Problem is an entry that breaks the chain.
type Problem struct {
	ID      uint
	Message string
}

// Verify walks the whole log and reports every entry whose hash does not
// match its content or whose link to the entry before it is broken.
func Verify(db *gorm.DB) ([]Problem, error) {
	var out []Problem
	prev := ""
	var rows []model.AuditEntry
	err := db.Order("id").FindInBatches(&rows, 1000, func(tx *gorm.DB, _ int) error {
		for _, r := range rows {
			if r.PrevHash != prev {
				out = append(out, Problem{r.ID, fmt.Sprintf("第%d条与前一条的链接断开（前一条被删除或修改）", r.ID)})
			}
			if Hash(r) != r.Hash {
				out = append(out, Problem{r.ID, fmt.Sprintf("第%d条内容与其哈希不符（被修改）", r.ID)})
			}
			prev = r.Hash
		}
		return nil
	}).Error
	return out, err
}

// Summary is a one-line description of a problem list, for messages.
func Summary(ps []Problem) string {
	if len(ps) == 0 {
		return "审计日志完整"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "审计日志有 %d 处异常", len(ps))
	for i, p := range ps {
		if i == 3 {
			b.WriteString("；…")
			break
		}
		b.WriteString("；" + p.Message)
	}
	return b.String()
}
