package system

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// inetSocket matches a socket of the internet families in strace's output.
var inetSocket = regexp.MustCompile(`AF_INET6?\b`)

// TestNoInternetSocket runs a whole headless session — demo, export,
// import, check, assign, calendar, data package, backup, restore, audit —
// under strace and fails on any AF_INET or AF_INET6 socket.
func TestNoInternetSocket(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("未安装 strace，跳过无网络测试（apt-get install strace）(strace not installed)")
	}
	if out, err := exec.Command(strace, "-f", "-e", "trace=socket", "-o", os.DevNull, "true").CombinedOutput(); err != nil {
		t.Skipf("strace 无法运行（ptrace 被禁止？），跳过 (strace cannot run): %v %s", err, out)
	}
	program(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "session.db")
	other := filepath.Join(dir, "other.db")
	book := filepath.Join(dir, "all.xlsx")
	pkg := filepath.Join(dir, "c01.xpkg")
	t.Setenv("PKG_PASS", "两地共用的数据包口令")

	// The demo first (under strace too); the round to check comes from it.
	steps := [][]string{{"demo", "--db", db}}
	traces := 0
	straced := func(args []string) result {
		trace := filepath.Join(dir, "trace-"+args[0]+"-"+itoa(traces))
		traces++
		r := runCmd(t, exec.Command(strace, append([]string{"-f", "-e", "trace=socket,connect", "-o", trace, bin}, args...)...))
		b, err := os.ReadFile(trace)
		if err != nil {
			t.Fatalf("no trace of %v: %v", args, err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if inetSocket.MatchString(line) {
				t.Errorf("xuncha %s opened an internet socket: %s", strings.Join(args, " "), line)
			}
		}
		return r
	}
	for _, s := range steps {
		if r := straced(s); r.code != 0 {
			t.Fatalf("%v: %d %s", s, r.code, r.stderr)
		}
	}
	round := latestRound(t, db)
	steps = [][]string{
		{"version"},
		{"template", filepath.Join(dir, "template.xlsx")},
		{"export", "--db", db, "all", book},
		{"import", "--db", other, book},
		{"check", "--db", db, "--round", round, "--json", filepath.Join(dir, "check.json")},
		{"assign", "--db", db, "--round", round, "--seed", "12345", "--json", filepath.Join(dir, "assign.json")},
		{"assign", "--db", db, "--round", round, "--seed", "12345", "--save"},
		{"calendar", "--db", db, "--json", filepath.Join(dir, "calendar.json")},
		{"export", "--db", db, "people", filepath.Join(dir, "people.xlsx")},
		{"package", "export", "--db", db, "--county", "C01", "--passphrase-env", "PKG_PASS", pkg},
		{"package", "import", "--db", other, "--passphrase-env", "PKG_PASS", pkg},
		{"backup", "--db", db},
		{"backup", "--db", db, "--to", filepath.Join(dir, "copy.db")},
		{"backup", "--db", db, "--list"},
		{"restore", "--db", db, "--newest"},
		{"audit", "verify", "--db", db},
		{"audit", "export", "--db", db, filepath.Join(dir, "audit.xlsx")},
	}
	ran, skipped := 0, []string{}
	for _, s := range steps {
		r := straced(s)
		switch {
		case notImplemented(r):
			skipped = append(skipped, strings.Join(s[:1], " "))
		case r.code != 0:
			t.Errorf("xuncha %s: exit %d\n%s%s", strings.Join(s, " "), r.code, r.stdout, r.stderr)
		default:
			ran++
		}
	}
	var report map[string]any
	if b, err := os.ReadFile(filepath.Join(dir, "check.json")); err == nil {
		json.Unmarshal(b, &report)
	}
	t.Logf("%d commands traced without an internet socket (%d more, the demo, before); placeholders skipped: %v; check report has %d keys",
		ran, 1, skipped, len(report))
}

// TestNoNetworkImports fails when a package of the program imports a
// networking package: no code path may dial. (net/url only parses.) The
// one connection the program may open is shared mode's to the database
// server that --db names (SPEC §13.1), through the PostgreSQL driver (a
// dependency, not a package of the program); the desktop session above
// opens none. internal/pgtest, which starts the tests' throwaway server on
// 127.0.0.1, is test code.
func TestNoNetworkImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports ","}}`, "xuncha/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	banned := regexp.MustCompile(`^(net|net/http.*|net/rpc.*|net/smtp|net/mail|crypto/tls|golang\.org/x/net/.*)$`)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		if pkg == "xuncha/internal/pgtest" {
			continue
		}
		for _, imp := range strings.Split(imports, ",") {
			if banned.MatchString(imp) {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
}

func itoa(i int) string { return strings.TrimLeft(string(rune('0'+i/10))+string(rune('0'+i%10)), "0") }
