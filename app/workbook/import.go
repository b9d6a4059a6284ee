package workbook

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/model"
)

// Import reads the files (xlsx workbooks and/or CSV files, a CSV's sheet
// being its file name: 人员.csv), checks them against each other and the
// database, and writes them in one transaction with one audit entry, unless
// there were problems and opt.ValidOnly is not set. The error is for files
// that cannot be read at all and for a failed write; everything wrong with
// the content is in Result.Problems.
func Import(db *gorm.DB, paths []string, opt Options) (*Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("没有要导入的文件")
	}
	defer holdHeap()()
	prog := &progress{fn: opt.Progress}
	defer prog.finish()
	c := &collector{}
	tables, err := readFiles(paths, c, prog, opt.limits())
	if err != nil {
		return nil, err
	}
	res := &Result{}
	if len(tables) == 0 {
		if len(c.problems) == 0 {
			c.add(src{label: baseNames(paths)}, "", "文件中没有数据")
		}
		res.Problems = sortProblems(c.problems, tables)
		return res, nil
	}
	need := make(map[string]bool)
	for s := range tables {
		need[s] = true
	}
	if testHookBeforeWrite != nil {
		testHookBeforeWrite()
	}
	user := opt.User
	if user == "" {
		user = "未知用户"
	}
	// The checks against the database and the write are one transaction
	// (an immediate one on SQLite: the file is held for writing from its
	// first read), so that what the plan relies on (codes present or not,
	// the parents of units, a team's county, who is on which team) is still
	// so when it is written, whatever another import or another clerk
	// committed while the files were being read.
	err = model.Transact(db, func(tx *gorm.DB) error {
		tx, res.Written = model.WithActor(tx, user), false // a retry starts afresh
		ex, err := loadExisting(tx, need)
		if err != nil {
			return err
		}
		p := buildPlan(tables, ex, opt, c)
		prog.phaseDone()
		res.Sheets = p.summaries(tables)
		res.Problems = sortProblems(c.problems, tables)
		if opt.CheckOnly || (len(res.Problems) > 0 && !opt.ValidOnly) || !p.changes() {
			return nil
		}
		p.user, p.now = user, time.Now()
		if err := p.write(tx); err != nil {
			return err
		}
		res.Written = true
		return audit.Record(tx, audit.Entry{
			User: user, Action: "导入", Entity: "工作簿", Key: baseNames(paths), After: res.Sheets,
		})
	})
	if err != nil {
		return nil, fmt.Errorf("导入失败，未写入任何数据: %w", err)
	}
	if res.Written {
		prog.phaseDone()
	}
	return res, nil
}

// testHookBeforeWrite, when set by a test, runs after the files are read
// and before the import's transaction begins: where another process's
// import can commit in between.
var testHookBeforeWrite func()

// progress reports to Options.Progress, in rows: the rows the files are
// expected to hold (from the sheets' dimensions and the CSV's lines), then
// a quarter of that for checking and a quarter for writing. The sheets'
// readers add to it side by side; Options.Progress is called by one at a
// time, at most about a hundred times in all.
type progress struct {
	fn          func(done, total int)
	mu          sync.Mutex
	rows        int // rows expected in the files
	phase       int // the units of checking, and of writing
	done, total int
	shown       int // done when last reported
}

// expectRows adds n rows to read.
func (p *progress) expectRows(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rows += max(n, 0)
}

// planPhases fixes the total once the rows are known.
func (p *progress) planPhases() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase = max(p.rows/4, 1)
	p.total = p.rows + 2*p.phase
}

// add counts n units done.
func (p *progress) add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = min(p.done+n, p.total)
	if p.fn != nil && p.total > 0 && (p.done-p.shown)*100 >= p.total {
		p.shown = p.done
		p.fn(p.done, p.total)
	}
}

// phaseDone counts checking, or writing, done.
func (p *progress) phaseDone() { p.add(p.phase) }

// finish reports the work done, however the estimate went.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = max(p.total, 1)
	if p.fn != nil && p.shown != p.total {
		p.shown, p.done = p.total, p.total
		p.fn(p.total, p.total)
	}
}

// baseNames joins the files' names for messages and the audit log.
func baseNames(paths []string) string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	s := strings.Join(names, "、")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}

// sortProblems orders problems by sheet (file-level problems first, then
// the sheets in the order of SPEC §6.1) and row, keeping the order of
// problems within a row.
func sortProblems(ps []Problem, tables map[string][]*table) []Problem {
	rank := make(map[string]int)
	for i, s := range sheetOrder {
		for j, t := range tables[s] {
			rank[t.label] = (i+1)*1000 + j
		}
	}
	sort.SliceStable(ps, func(a, b int) bool {
		ra, rb := rank[ps[a].Sheet], rank[ps[b].Sheet]
		if ra != rb {
			return ra < rb
		}
		return ps[a].Row < ps[b].Row
	})
	return ps
}
