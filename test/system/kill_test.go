package system

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"xuncha/app/audit"
	"xuncha/model"
)

// counts is the number of rows of every table, in the order of model.All.
type counts []int64

func tableCounts(t *testing.T, path string) (counts, []string) {
	t.Helper()
	db := openDB(t, path)
	defer model.Close(db)
	problems, err := model.IntegrityCheck(db)
	if err != nil {
		problems = append(problems, err.Error())
	}
	if ps, err := audit.Verify(db); err != nil || len(ps) > 0 {
		problems = append(problems, fmt.Sprintf("audit chain: %v %v", audit.Summary(ps), err))
	}
	var c counts
	for _, m := range model.All() {
		if _, ok := m.(*model.Meta); ok {
			continue
		}
		var n int64
		if err := db.Model(m).Count(&n).Error; err != nil {
			problems = append(problems, err.Error())
		}
		c = append(c, n)
	}
	return c, problems
}

func (c counts) String() string {
	var parts []string
	for _, n := range c {
		parts = append(parts, strconv.FormatInt(n, 10))
	}
	return strings.Join(parts, "/")
}

// writeOp is one write to kill: its command on a fresh copy of base.
type writeOp struct {
	name  string
	base  string                   // the database before the write
	args  func(db string) []string // the command, given the copy
	kills int                      // how many times to kill it
}

// killRuns is how many kills in all: XUNCHA_KILL_RUNS, or 100.
func killRuns() int {
	if n, err := strconv.Atoi(os.Getenv("XUNCHA_KILL_RUNS")); err == nil && n > 0 {
		return n
	}
	return 100
}

// TestKillDuringWrites kills the program with SIGKILL at random moments
// while it imports a workbook, imports a data package and saves an
// assignment, at least 100 times in all, and checks after each kill that
// the file is sound (integrity_check, the audit chain) and that the write
// is wholly there or wholly absent: every table has either its row count
// from before or the one from after.
func TestKillDuringWrites(t *testing.T) {
	program(t)
	dir := t.TempDir()
	src := demoDB(t, dir, "src.db")
	round := latestRound(t, src)
	empty := filepath.Join(dir, "empty.db")
	model.Close(openDB(t, empty))
	book := filepath.Join(dir, "book.xlsx")
	pkg := filepath.Join(dir, "c.xpkg")
	mustRun(t, "package", "export", "--db", src, "--county", "C01,C02,C03", pkg)

	var ops []writeOp
	if r := run(t, "export", "--db", src, "all", book); r.code == 0 {
		ops = append(ops, writeOp{name: "导入工作簿", base: empty,
			args: func(db string) []string { return []string{"import", "--db", db, book} }})
	} else {
		t.Logf("未测工作簿导入 (workbook export unavailable): %d %s", r.code, firstLine(r.stderr))
	}
	ops = append(ops, writeOp{name: "导入数据包", base: empty,
		args: func(db string) []string { return []string{"package", "import", "--db", db, pkg} }})
	ops = append(ops, writeOp{name: "保存编组", base: src,
		args: func(db string) []string {
			return []string{"assign", "--db", db, "--round", round, "--seed", "20261121", "--save"}
		}})

	total := killRuns()
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("XUNCHA_KILL_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("%d kills, seed %d (XUNCHA_KILL_SEED to repeat)", total, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	for i := range ops {
		ops[i].kills = total / len(ops)
		if i < total%len(ops) {
			ops[i].kills++
		}
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) { killOp(t, dir, op, rng) })
	}
}

func killOp(t *testing.T, dir string, op writeOp, rng *rand.Rand) {
	before, problems := tableCounts(t, op.base)
	if len(problems) > 0 {
		t.Fatalf("base: %v", problems)
	}
	// One whole run gives the state after and how long the write takes.
	whole := filepath.Join(dir, "whole.db")
	copyFile(t, op.base, whole)
	r := run(t, op.args(whole)...)
	if r.code != 0 {
		t.Skipf("%s 不可用，跳过 (unavailable): exit %d %s", op.name, r.code, firstLine(r.stderr))
	}
	after, problems := tableCounts(t, whole)
	if len(problems) > 0 {
		t.Fatalf("after a whole run: %v", problems)
	}
	if before.String() == after.String() {
		t.Fatalf("the write changed nothing: %s", before)
	}
	span := r.took + r.took/20
	var sawBefore, sawAfter, midWrite int
	for i := 0; i < op.kills; i++ {
		db := filepath.Join(dir, fmt.Sprintf("kill-%d.db", i))
		copyFile(t, op.base, db)
		// A third of the kills anywhere in the run, the rest in its second
		// half, where the write and its commit are.
		f := rng.Float64()
		if i%3 != 0 {
			f = 0.5 + f/2
		}
		delay := time.Duration(float64(span) * f)
		c := exec.Command(bin, op.args(db)...)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		c.Process.Signal(syscall.SIGKILL)
		c.Wait()
		wal := fileSize(db + "-wal")
		got, problems := tableCounts(t, db)
		switch {
		case len(problems) > 0:
			t.Errorf("kill %d after %v: %v", i, delay, problems)
		case got.String() == before.String():
			sawBefore++
			if wal > walBusy {
				midWrite++
			}
		case got.String() == after.String():
			sawAfter++
		default:
			t.Errorf("kill %d after %v: half-written: %s, before %s, after %s", i, delay, got, before, after)
		}
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(db + s)
		}
	}
	t.Logf("%s: %d kills within %v (a whole run %v): %d found the state before (%d of them killed inside the write transaction, its WAL over %d KB), %d the state after, none half-written",
		op.name, op.kills, span.Round(time.Millisecond), r.took.Round(time.Millisecond), sawBefore, midWrite, walBusy>>10, sawAfter)
}

// walBusy is the WAL size beyond which a kill fell inside the write
// transaction: opening the file writes less than this (the schema
// version).
const walBusy = 64 << 10

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}
