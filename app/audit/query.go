package audit

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"xuncha/model"
)

// Filter selects audit entries; an empty field selects everything.
type Filter struct {
	User   string // exact user name
	Action string // exact action (导入, 修改 …)
	Entity string // exact entity (人员, 单位 …)
	Key    string // the code of what changed: entries whose key contains it
	From   string // first day, 2006-01-02, inclusive
	To     string // last day, 2006-01-02, inclusive
	Limit  int    // at most this many entries (0: all)
	Offset int    // skip this many, for paging
}

// Validate checks the dates of the filter.
func (f Filter) Validate() error {
	for _, d := range []struct{ name, v string }{{"起始日期", f.From}, {"结束日期", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return fmt.Errorf("%s %q 应为 2026-03-01 的形式", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return fmt.Errorf("起始日期 %s 晚于结束日期 %s", f.From, f.To)
	}
	return nil
}

// where applies the filter's conditions (not its paging) to q.
func (f Filter) where(q *gorm.DB) *gorm.DB {
	if f.User != "" {
		q = q.Where(`"user" = ?`, f.User) // quoted: user is a word of SQL (PostgreSQL's current user)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.Key != "" {
		q = q.Where("key LIKE ? ESCAPE '\\'", "%"+escapeLike(f.Key)+"%")
	}
	if f.From != "" || f.To != "" {
		// A day is the reader's local day: its bounds in UTC for the
		// entries stored in UTC, the day's text for those written before.
		from, to := "", "~" // every stored time sorts between
		oldFrom, oldTo := "", "~"
		if f.From != "" {
			from, oldFrom = dayStart(f.From, 0), f.From
		}
		if f.To != "" {
			to, oldTo = dayStart(f.To, 1), f.To+"~"
		}
		q = q.Where("(at LIKE '%Z' AND at >= ? AND at < ?) OR (at NOT LIKE '%Z' AND at >= ? AND at < ?)", from, to, oldFrom, oldTo)
	}
	return q
}

// dayStart is the stored form of the local midnight that begins the day
// days after day (2006-01-02, already validated).
func dayStart(day string, days int) string {
	d, _ := time.ParseInLocation("2006-01-02", day, time.Local)
	return Stored(d.AddDate(0, 0, days))
}

func escapeLike(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '%' || r == '_' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(out)
}

// Page is one page of entries, newest first, and how many match in all.
type Page struct {
	Entries []model.AuditEntry
	Total   int64
}

// Query returns the entries that match f, newest first.
func Query(db *gorm.DB, f Filter) (Page, error) {
	if err := f.Validate(); err != nil {
		return Page{}, err
	}
	var p Page
	if err := f.where(db.Model(&model.AuditEntry{})).Count(&p.Total).Error; err != nil {
		return Page{}, fmt.Errorf("读取审计日志失败: %w", err)
	}
	q := f.where(db.Model(&model.AuditEntry{})).Order("id desc").Offset(f.Offset)
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	if err := q.Find(&p.Entries).Error; err != nil {
		return Page{}, fmt.Errorf("读取审计日志失败: %w", err)
	}
	return p, nil
}

// Facets are the values the filter fields can take, for drop-downs.
type Facets struct {
	Users, Actions, Entities []string
}

// ListFacets returns the distinct users, actions and entities in the log,
// sorted.
func ListFacets(db *gorm.DB) (Facets, error) {
	var f Facets
	for _, c := range []struct {
		col string
		out *[]string
	}{{"user", &f.Users}, {"action", &f.Actions}, {"entity", &f.Entities}} {
		q := `"` + c.col + `"` // quoted: user is a word of SQL (PostgreSQL's current user)
		err := db.Model(&model.AuditEntry{}).Distinct(q).Where(q+" <> ''").Order(q).Pluck(q, c.out).Error
		if err != nil {
			return Facets{}, fmt.Errorf("读取审计日志失败: %w", err)
		}
	}
	return f, nil
}
