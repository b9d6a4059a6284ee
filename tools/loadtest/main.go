// Command loadtest is shared mode's load test (SPEC §13.1): several real
// processes work as clerks on one PostgreSQL database at once — edits of
// overlapping people, imports of a workbook that holds some of the same
// people, roster saves — for a while, and then it checks that no update
// was lost, that every refused write was reported with its reason, and
// that the audit log is one unbroken chain. It prints the figures
// (throughput, p50/p95 latency of an edit's save, conflicts) that
// docs/BENCHMARKS.md records.
//
//	go run ./tools/loadtest -clerks 12 -duration 60s
//
// It starts a throwaway server of its own on 127.0.0.1 (internal/pgtest:
// Debian's postgresql binaries) and removes it at the end; -url uses an
// existing empty database instead. The clerks are this program again,
// started with -clerk.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"xuncha/app"
	"xuncha/app/demo"
	"xuncha/app/workbook"
	"xuncha/internal/pgtest"
	"xuncha/model"
)

// report is what one clerk did.
type report struct {
	Clerk      int
	Edits      []save    // the edits that landed
	EditMillis []float64 // the save's latency of every edit tried
	Conflicts  int
	Imports    []imported
	Rosters    int
	RosterMs   []float64
	Refused    []string // every other refused write, with its reason
}

type save struct {
	Person  string
	Value   string
	Version int // the person's version after the save
}

type imported struct {
	People []string
	Millis float64
}

func main() {
	clerk := flag.Int("clerk", -1, "(internal) run as clerk number N")
	clerks := flag.Int("clerks", 12, "clerks (processes)")
	duration := flag.Duration("duration", 60*time.Second, "how long the clerks work")
	url := flag.String("url", "", "an existing empty database (default: a throwaway server)")
	dir := flag.String("dir", "", "(internal) the shared folder of the run")
	think := flag.Duration("think", 100*time.Millisecond, "a clerk's longest pause between two saves (uniform from 0)")
	mix := flag.String("mix", "96,2,2", "edits, imports and roster saves in a hundred actions")
	serve := flag.String("serve", "", "only start a throwaway server with these empty databases (comma-separated), print their URLs and keep it until stdin closes (for timing whole commands)")
	flag.Parse()
	if *serve != "" {
		if err := serveOnly(strings.Split(*serve, ",")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *clerk >= 0 {
		if err := runClerk(*clerk, *url, *dir, *duration, *think, *mix); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := run(*clerks, *duration, *url, *think, *mix); err != nil {
		fmt.Fprintln(os.Stderr, "负载测试失败:", err)
		os.Exit(1)
	}
}

// editSet is how many people the clerks edit, all of them the same ones.
const editSet = 24

// importSet is how many people the import workbook holds: others than
// those edited, so that the count of each person's writes is known (an
// import writes only the rows that differ). That a form open on a record
// is refused after an import wrote it is model's TestSaveStamped….
const importSet = 8

func run(clerks int, duration time.Duration, url string, think time.Duration, mix string) error {
	work, err := os.MkdirTemp("", "xuncha-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if url == "" {
		srv, err := pgtest.StartServer()
		if err != nil {
			return err
		}
		defer srv.Stop()
		if url, err = srv.CreateDB("load"); err != nil {
			return err
		}
	}
	svc, err := app.Open(url, "准备")
	if err != nil {
		return err
	}
	defer svc.Close()
	start := time.Now()
	if _, err := svc.LoadDemo(demo.City); err != nil {
		return err
	}
	fmt.Printf("演示数据（市级）写入服务器：%.1f 秒\n", time.Since(start).Seconds())
	people, err := svc.PeopleCodes("", "")
	if err != nil {
		return err
	}
	people = people[:editSet+importSet]
	// Two workbooks of the same people, their posts differing: an import
	// of either writes whenever the other was imported last.
	if err := svc.ExportPeople(people[editSet:], filepath.Join(work, "import-0.xlsx")); err != nil {
		return err
	}
	for _, p := range people[editSet:] {
		d, err := svc.PersonDetail(p)
		if err != nil {
			return err
		}
		d.Person.Post += "（调整）"
		if err := svc.SavePerson(d); err != nil {
			return err
		}
	}
	if err := svc.ExportPeople(people[editSet:], filepath.Join(work, "import-1.xlsx")); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(work, "people.json"), must(json.Marshal(people)), 0o600); err != nil {
		return err
	}
	before := map[string]int{}
	for _, p := range people {
		d, err := svc.PersonDetail(p)
		if err != nil {
			return err
		}
		before[p] = d.Person.Version
	}
	markBefore, _ := svc.ChangeMark()
	var auditBefore int64
	svc.DB.Model(&model.AuditEntry{}).Count(&auditBefore)

	fmt.Printf("%d 个经办人进程，%s，每次保存前停顿 0–%s，每百次操作中 保存/导入/编组保存 = %s …\n", clerks, duration, think, mix)
	var procs []*exec.Cmd
	for i := range clerks {
		cmd := exec.Command(os.Args[0], "-clerk", fmt.Sprint(i), "-url", url, "-dir", work, "-duration", duration.String(),
			"-think", think.String(), "-mix", mix)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil {
			return err
		}
		procs = append(procs, cmd)
	}
	var failed []string
	for i, p := range procs {
		if err := p.Wait(); err != nil {
			failed = append(failed, fmt.Sprintf("经办人 %d: %v", i, err))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%s", strings.Join(failed, "; "))
	}
	var reps []report
	for i := range clerks {
		var r report
		if err := json.Unmarshal(must(os.ReadFile(filepath.Join(work, fmt.Sprintf("clerk-%d.json", i)))), &r); err != nil {
			return err
		}
		reps = append(reps, r)
	}
	return verify(svc, reps, people, before, auditBefore, markBefore, duration)
}

// serveOnly starts a throwaway server with the databases named, prints
// their URLs, and stops it when standard input closes.
func serveOnly(names []string) error {
	srv, err := pgtest.StartServer()
	if err != nil {
		return err
	}
	defer srv.Stop()
	for _, n := range names {
		u, err := srv.CreateDB(n)
		if err != nil {
			return err
		}
		fmt.Println(u)
	}
	io.Copy(io.Discard, os.Stdin)
	return nil
}

// verify checks the run and prints its figures.
func verify(svc *app.Service, reps []report, people []string, before map[string]int, auditBefore, markBefore int64, duration time.Duration) error {
	var problems []string
	landed := map[string]int{}
	last := map[string]save{}
	var edits, conflicts, imports, rosters int
	var editMs, rosterMs, importMs []float64
	var refused []string
	for _, r := range reps {
		for _, e := range r.Edits {
			landed[e.Person]++
			if e.Version > last[e.Person].Version {
				last[e.Person] = e
			}
		}
		for _, im := range r.Imports {
			importMs = append(importMs, im.Millis)
		}
		edits += len(r.Edits)
		conflicts += r.Conflicts
		imports += len(r.Imports)
		rosters += r.Rosters
		editMs = append(editMs, r.EditMillis...)
		rosterMs = append(rosterMs, r.RosterMs...)
		for _, why := range r.Refused {
			refused = append(refused, fmt.Sprintf("经办人 %d: %s", r.Clerk, why))
		}
	}
	// No lost update: every landed write counted the person's version up
	// once, and the stored value is that of the newest edit unless an
	// import came after it.
	for _, p := range people[:editSet] {
		d, err := svc.PersonDetail(p)
		if err != nil {
			return err
		}
		if d.Person.Version != before[p]+landed[p] {
			problems = append(problems, fmt.Sprintf("%s: 版本 %d，应为 %d + %d 次写入", p, d.Person.Version, before[p], landed[p]))
		}
		if e, ok := last[p]; ok && e.Version == d.Person.Version && d.Person.Post != e.Value {
			problems = append(problems, fmt.Sprintf("%s: 存的是 %q，最后一次保存的是 %q（丢失更新）", p, d.Person.Post, e.Value))
		}
	}
	probs, err := svc.VerifyAudit()
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		problems = append(problems, fmt.Sprintf("审计日志：%v", probs[:min(3, len(probs))]))
	}
	var auditAfter int64
	svc.DB.Model(&model.AuditEntry{}).Count(&auditAfter)
	if int(auditAfter-auditBefore) != edits+imports+rosters {
		problems = append(problems, fmt.Sprintf("审计日志新增 %d 条，写入 %d 次", auditAfter-auditBefore, edits+imports+rosters))
	}
	if mark, _ := svc.ChangeMark(); mark <= markBefore && edits > 0 {
		problems = append(problems, "ChangeMark 没有增长")
	}
	writes := edits + imports + rosters
	fmt.Printf("\n| 经办人 | 时长 | 写入/秒 | 保存（人员） | 冲突（被拒） | 导入 | 编组保存 | 保存 p50 | 保存 p95 | 导入 p50 | 编组保存 p50 | 其他被拒 |\n")
	fmt.Printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	fmt.Printf("| %d | %s | %.1f | %d | %d | %d | %d | %.1f ms | %.1f ms | %.0f ms | %.0f ms | %d |\n",
		len(reps), duration, float64(writes)/duration.Seconds(), edits, conflicts, imports, rosters,
		pct(editMs, 50), pct(editMs, 95), pct(importMs, 50), pct(rosterMs, 50), len(refused))
	for _, r := range refused {
		fmt.Println("  被拒（原因）:", r)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d 处问题:\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	fmt.Printf("核对：无丢失更新（%d 人的版本号与落地的保存一致），审计日志链完整（新增 %d 条），每次被拒都报告了原因\n", editSet, auditAfter-auditBefore)
	return nil
}

func pct(v []float64, p int) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	sort.Float64s(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

// runClerk works until the time is up: mostly edits of the shared people
// (read, change, save), now and then an import of the workbook or a
// roster save of the newest round.
func runClerk(n int, url, dir string, duration, think time.Duration, mix string) error {
	var edits, imports int
	if _, err := fmt.Sscanf(mix, "%d,%d", &edits, &imports); err != nil {
		return fmt.Errorf("-mix %q: %v", mix, err)
	}
	svc, err := app.OpenExisting(url, fmt.Sprintf("经办人%02d", n))
	if err != nil {
		return err
	}
	defer svc.Close()
	var people []string
	if err := json.Unmarshal(must(os.ReadFile(filepath.Join(dir, "people.json"))), &people); err != nil {
		return err
	}
	rounds, err := svc.AllRounds()
	if err != nil || len(rounds) == 0 {
		return fmt.Errorf("no round: %v", err)
	}
	round := rounds[len(rounds)-1].Code
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	r := report{Clerk: n}
	end := time.Now().Add(duration)
	for i := 0; time.Now().Before(end); i++ {
		if think > 0 {
			time.Sleep(time.Duration(rng.Int64N(int64(think))))
		}
		switch x := rng.IntN(100); {
		case x < edits:
			edit(svc, &r, people, n, i, rng)
		case x < edits+imports:
			start := time.Now()
			book := filepath.Join(dir, fmt.Sprintf("import-%d.xlsx", rng.IntN(2)))
			res, err := svc.ImportWorkbook([]string{book}, workbook.Options{})
			ms := float64(time.Since(start).Microseconds()) / 1000
			switch {
			case err != nil:
				r.Refused = append(r.Refused, "导入："+err.Error())
			case res.Written:
				r.Imports = append(r.Imports, imported{People: people[editSet:], Millis: ms})
			}
		default:
			start := time.Now()
			res, err := svc.Assign(round, "", fmt.Sprint(rng.IntN(1000)))
			if err == nil {
				err = svc.SaveAssignment(res)
			}
			if err != nil {
				r.Refused = append(r.Refused, "编组保存："+err.Error())
				continue
			}
			r.Rosters++
			r.RosterMs = append(r.RosterMs, float64(time.Since(start).Microseconds())/1000)
		}
	}
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("clerk-%d.json", n)), must(json.Marshal(r)), 0o600)
}

// edit reads one of the shared people, changes the post and saves: the
// save's latency is measured; a conflict is counted, any other refusal
// reported with its reason.
func edit(svc *app.Service, r *report, people []string, n, i int, rng *rand.Rand) {
	p := people[rng.IntN(editSet)]
	d, err := svc.PersonDetail(p)
	if err != nil {
		r.Refused = append(r.Refused, "读取："+err.Error())
		return
	}
	value := fmt.Sprintf("职务%02d-%d", n, i)
	d.Person.Post = value
	start := time.Now()
	err = svc.SavePerson(d)
	r.EditMillis = append(r.EditMillis, float64(time.Since(start).Microseconds())/1000)
	switch {
	case err == nil:
		r.Edits = append(r.Edits, save{p, value, d.Person.Version})
	case app.IsConflict(err):
		r.Conflicts++
	default:
		r.Refused = append(r.Refused, "保存人员："+err.Error())
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return v
}
