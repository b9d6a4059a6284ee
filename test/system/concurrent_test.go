package system

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"xuncha/app/vocab"
	"xuncha/model"
)

// concurrentRuns is how many times the writers race: XUNCHA_RACE_RUNS, or 5.
func concurrentRuns() int {
	if n, err := strconv.Atoi(os.Getenv("XUNCHA_RACE_RUNS")); err == nil && n > 0 {
		return n
	}
	return 5
}

// writer is one process of a race.
type writer struct {
	name string
	args []string
	res  result
}

// TestConcurrentWriters starts, all at once against one database file,
// several real processes: two imports that put two units under each other,
// two that add the same new person and the same new round with one unit on
// a team of their own, an import that sets every person 出库, and `assign
// --save` of the newest round. Whatever order the processes
// take the file in, afterwards: no unit is its own ancestor, no team
// inspects units of two counties, no roster saved after the 出库 import
// holds a person 出库, the file passes integrity_check, the audit chain
// verifies, and every process either succeeded or failed with a Chinese
// message and exit code 1 (never a raw database error).
func TestConcurrentWriters(t *testing.T) {
	program(t)
	dir := t.TempDir()
	base := demoDB(t, dir, "base.db")
	round := latestRound(t, base)
	ua, ub := twoFreeUnits(t, base)
	// 甲 and 乙 put ua and ub under each other.
	parentCSV := func(child, parent model.Unit) string {
		d := filepath.Join(dir, "parent-"+child.Code)
		writeCSV(t, d, "单位", []string{"单位编码", "单位名称", "县区编码", "单位类别", "上级单位编码"},
			[]string{child.Code, child.Name, child.CountyCode, child.Category, parent.Code})
		return filepath.Join(d, "单位.csv")
	}
	// 丙 and 丁 both add person P99999 and round 并发-1 with ua on a team
	// of their own.
	newCSV := func(name, team string) []string {
		d := filepath.Join(dir, "new-"+name)
		writeCSV(t, d, "人员", []string{"人员编号", "姓名", "工作关系地"}, []string{"P99999", name, ua.CountyCode})
		writeCSV(t, d, "巡察任务", []string{"届期编码", "轮次编码", "巡察组", "被巡察单位编码", "进驻开始", "进驻结束"},
			[]string{termOf(t, base, round), "并发-1", team, ua.Code, "2027-03-01", "2027-04-15"})
		return []string{filepath.Join(d, "人员.csv"), filepath.Join(d, "巡察任务.csv")}
	}
	removed := filepath.Join(dir, "removed")
	writeCSV(t, removed, "人员", []string{"人员编号", "姓名", "工作关系地", "状态"}, everyoneRemoved(t, base)...)

	runs := concurrentRuns()
	outcomes := map[string]map[int]int{}
	for i := range runs {
		db := filepath.Join(dir, fmt.Sprintf("race-%d.db", i))
		copyFile(t, base, db)
		imp := func(files ...string) []string { return append([]string{"import", "--db", db}, files...) }
		ws := []*writer{
			{name: "甲：上级单位", args: imp(parentCSV(ua, ub))},
			{name: "乙：上级单位", args: imp(parentCSV(ub, ua))},
			{name: "丙：新增同一人员和轮次", args: imp(newCSV("并发丙", "并发丙组")...)},
			{name: "丁：新增同一人员和轮次", args: imp(newCSV("并发丁", "并发丁组")...)},
			{name: "全部出库", args: imp(filepath.Join(removed, "人员.csv"))},
			{name: "保存编组", args: []string{"assign", "--db", db, "--round", round, "--seed", strconv.Itoa(i), "--save"}},
		}
		race(t, ws)
		for _, w := range ws {
			if outcomes[w.name] == nil {
				outcomes[w.name] = map[int]int{}
			}
			outcomes[w.name][w.res.code]++
			checkOutcome(t, i, w)
		}
		checkInvariants(t, i, db, round, ua.Code, ub.Code)
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(db + s)
		}
	}
	t.Logf("%d races; exit codes by process: %v", runs, outcomes)
}

// race starts every writer at once and waits for all, at most two minutes
// each.
func race(t *testing.T, ws []*writer) {
	t.Helper()
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			c := exec.CommandContext(ctx, bin, w.args...)
			<-start
			var err error
			if w.res, err = execute(c); err != nil {
				w.res.code, w.res.stderr = -1, err.Error()
			}
			if ctx.Err() != nil {
				w.res.code, w.res.stderr = -1, "超时 (timed out)"
			}
		}()
	}
	close(start)
	wg.Wait()
}

var (
	han = regexp.MustCompile(`\p{Han}`)
	// rawDB are the driver's own words, which must never reach the user.
	rawDB = regexp.MustCompile(`(?i)constraint failed|UNIQUE|FOREIGN KEY|SQLITE_|database is locked|no such table`)
)

// checkOutcome: a writer succeeded, or failed with exit code 1 and a
// Chinese message that is not the database's own.
func checkOutcome(t *testing.T, run int, w *writer) {
	t.Helper()
	msg := w.res.stdout + w.res.stderr
	switch {
	case rawDB.MatchString(msg):
		t.Errorf("race %d, %s: the database's own words reach the user (exit %d):\n%s", run, w.name, w.res.code, msg)
	case w.res.code == 0:
	case w.res.code != 1:
		t.Errorf("race %d, %s: exit %d, want 0 or 1:\n%s", run, w.name, w.res.code, msg)
	case !han.MatchString(firstLine(w.res.stderr)):
		t.Errorf("race %d, %s failed without a Chinese message:\n%s", run, w.name, msg)
	}
}

// checkInvariants checks the database after a race.
func checkInvariants(t *testing.T, run int, path, round, ua, ub string) {
	t.Helper()
	if _, problems := tableCounts(t, path); len(problems) > 0 {
		t.Errorf("race %d: %v", run, problems)
	}
	db := openDB(t, path)
	defer model.Close(db)
	var units []model.Unit
	db.Find(&units)
	parent := map[string]string{}
	for _, u := range units {
		if u.ParentCode != nil {
			parent[u.Code] = *u.ParentCode
		}
	}
	for _, u := range units {
		c, n := parent[u.Code], 0
		for ; c != "" && c != u.Code && n <= len(units); n++ {
			c = parent[c]
		}
		if c != "" {
			t.Errorf("race %d: unit %s is its own ancestor", run, u.Code)
		}
	}
	if parent[ua] == ub && parent[ub] == ua {
		t.Errorf("race %d: %s and %s are each other's parent", run, ua, ub)
	}
	var n int64
	if db.Model(&model.TeamUnit{}).Where("round_code = ? AND unit_code = ?", "并发-1", ua).Count(&n); n != 1 {
		t.Errorf("race %d: %s is inspected %d times in round 并发-1", run, ua, n)
	}
	var split []string
	db.Raw(`SELECT tu.team_id FROM team_units tu JOIN units u ON u.code = tu.unit_code
		GROUP BY tu.team_id HAVING COUNT(DISTINCT u.county_code) > 1`).Scan(&split)
	if len(split) > 0 {
		t.Errorf("race %d: teams %v inspect units of two counties", run, split)
	}
	checkRoster(t, run, db, round)
}

// checkRoster: if the roster of round was saved after the import that set
// everyone 出库 committed, nobody on it is 出库.
func checkRoster(t *testing.T, run int, db *gorm.DB, round string) {
	t.Helper()
	var saved, removed uint
	db.Model(&model.AuditEntry{}).Where("action = ? AND key = ?", "编组", round).Select("coalesce(max(id), 0)").Scan(&saved)
	db.Model(&model.AuditEntry{}).Where("action = ? AND key = ?", "导入", "人员.csv").Select("coalesce(max(id), 0)").Scan(&removed)
	if saved == 0 || removed == 0 || saved < removed {
		return // not saved, nobody removed, or saved before
	}
	var out []string
	db.Raw(`SELECT p.code FROM team_members m JOIN teams t ON t.id = m.team_id JOIN people p ON p.code = m.person_code
		WHERE t.round_code = ? AND p.status = ?`, round, vocab.StatusRemoved).Scan(&out)
	if len(out) > 0 {
		t.Errorf("race %d: the roster saved after everyone was set 出库 holds %v", run, out)
	}
}

// termOf returns the term of round.
func termOf(t *testing.T, path, round string) string {
	t.Helper()
	db := openDB(t, path)
	defer model.Close(db)
	var r model.Round
	db.First(&r, "code = ?", round)
	return r.TermCode
}

// twoFreeUnits returns two units of one county with no parent and no
// children, for two imports to put under each other.
func twoFreeUnits(t *testing.T, path string) (model.Unit, model.Unit) {
	t.Helper()
	db := openDB(t, path)
	defer model.Close(db)
	var us []model.Unit
	db.Where("parent_code IS NULL AND county_code = ? AND code NOT IN (SELECT parent_code FROM units WHERE parent_code IS NOT NULL)",
		"C01").Order("code").Limit(2).Find(&us)
	if len(us) < 2 {
		t.Fatal("the demo has no two free units in C01")
	}
	return us[0], us[1]
}

// everyoneRemoved returns a 人员 row for every person, with 状态 出库.
func everyoneRemoved(t *testing.T, path string) [][]string {
	t.Helper()
	db := openDB(t, path)
	defer model.Close(db)
	var ps []model.Person
	db.Order("code").Find(&ps)
	rows := make([][]string, len(ps))
	for i, p := range ps {
		rows[i] = []string{p.Code, p.Name, p.HomeCountyCode, vocab.StatusRemoved}
	}
	return rows
}

// writeCSV writes dir/sheet.csv (UTF-8) with a header and rows.
func writeCSV(t *testing.T, dir, sheet string, header []string, rows ...[]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range append([][]string{header}, rows...) {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, sheet+".csv"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}
