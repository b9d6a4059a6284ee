// Package pgtest gives a test process a throwaway PostgreSQL server of its
// own: Debian's postgresql binaries, initdb into a temporary folder, a
// free port on 127.0.0.1, the unix socket in that folder, fsync off. The
// server starts on first use and is stopped and removed when the
// package's tests end (Main), whether they passed or not; it also dies
// with the test process (the parent-death signal), so a killed test run
// leaves no server behind. Each test gets a database of its own, made by
// CREATE DATABASE from a template and dropped when the test ends.
//
// No mock and nothing standing in for the server: the tests that use it
// talk to a real PostgreSQL over TCP, with a password (scram-sha-256), as
// a clerk's program talks to the office's server.
//
// XUNCHA_TEST_DB=postgres makes the suites whose TestMain calls Main run
// their database tests against the server instead of SQLite (see
// internal/testworld); without it they run on SQLite and only the tests
// written for the server (shared mode) start one, and skip when the
// binaries are not installed.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar chooses the database of the suites: "postgres" for the server,
// anything else (or unset) for SQLite.
const EnvVar = "XUNCHA_TEST_DB"

// Role is the server's superuser the tests connect as.
const Role = "xuncha"

var (
	mainCalled bool
	mu         sync.Mutex
	srv        *Server
	srvErr     error
	templates  = map[string]bool{}
	seq        int
)

// Main runs the package's tests (m.Run) and stops the server afterwards,
// if one was started. Call it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	mainCalled = true
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if srv != nil {
		srv.stop()
		srv = nil
	}
	return code
}

// Wanted reports whether XUNCHA_TEST_DB asks for PostgreSQL.
func Wanted() bool { return os.Getenv(EnvVar) == "postgres" }

// Active reports whether this test process runs its database tests on
// PostgreSQL: XUNCHA_TEST_DB=postgres and the package's TestMain calls
// Main.
func Active() bool { return mainCalled && Wanted() }

// Server is a running throwaway PostgreSQL.
type Server struct {
	Dir      string // the temporary folder: data, socket, logs
	Port     int
	Password string // of Role
	cmd      *exec.Cmd
	done     chan struct{}
}

// Start returns the process's server, starting it on first use. A test of
// shared mode that runs in the SQLite pass is skipped when the server's
// binaries are not installed; with XUNCHA_TEST_DB=postgres their absence
// fails the test.
func Start(tb testing.TB) *Server {
	tb.Helper()
	if !mainCalled {
		tb.Fatal("pgtest: the package's TestMain must call pgtest.Main (so that the server is stopped)")
	}
	mu.Lock()
	defer mu.Unlock()
	if srv == nil && srvErr == nil {
		srv, srvErr = start()
	}
	if srvErr != nil {
		if errors.Is(srvErr, errNoBinaries) && !Wanted() {
			tb.Skipf("pgtest: %v", srvErr)
		}
		tb.Fatalf("pgtest: %v", srvErr)
	}
	return srv
}

var errNoBinaries = errors.New("PostgreSQL server binaries not installed (Debian: apt-get install postgresql)")

// BinDir finds the server's binaries: PG_BINDIR, the newest
// /usr/lib/postgresql/<version>/bin (Debian), or initdb on PATH.
func BinDir() (string, error) {
	if d := os.Getenv("PG_BINDIR"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errNoBinaries
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// asServer makes cmd run as the postgres user when this process is root:
// initdb and postgres refuse to run as root.
func asServer(cmd *exec.Cmd, owned ...string) error {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("running as root needs the postgres user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	for _, p := range owned {
		if err := filepath.Walk(p, func(path string, _ os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			return os.Lchown(path, uid, gid)
		}); err != nil {
			return err
		}
	}
	cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	return nil
}

func start() (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	removeStale()
	dir, err := os.MkdirTemp("", "xuncha-pgtest-")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, Password: randomHex(12)}
	fail := func(err error) (*Server, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fail(err)
	}
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte(s.Password+"\n"), 0o600); err != nil {
		return fail(err)
	}
	// The database's own collation is a Chinese one (ICU), as an office's
	// server may well have: the program must give the same answers as on
	// SQLite whatever the server's collation.
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", Role,
		"--pwfile="+pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
		"--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=zh", "--no-sync")
	if err := asServer(initdb, dir); err != nil {
		return fail(err)
	}
	if out, err := initdb.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("initdb: %v\n%s", err, out))
	}
	os.Remove(pwfile)
	for try := 0; try < 5; try++ {
		s.Port, err = freePort()
		if err != nil {
			return fail(err)
		}
		if err = s.launch(bin); err == nil {
			return s, nil
		}
	}
	return fail(err)
}

// removeStale removes the folders of servers whose test process was
// killed before it could (a timeout's panic): older than ten minutes, and
// their postgres gone (it dies with the test process).
func removeStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "xuncha-pgtest-*"))
	for _, d := range dirs {
		info, err := os.Stat(d)
		if err != nil || time.Since(info.ModTime()) < 10*time.Minute {
			continue
		}
		b, err := os.ReadFile(filepath.Join(d, "data", "postmaster.pid"))
		if err == nil {
			pid, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
			if pid > 0 && syscall.Kill(pid, 0) == nil {
				continue // still running
			}
		}
		os.RemoveAll(d)
	}
}

// launch starts postgres on s.Port and waits until it takes connections.
func (s *Server) launch(bin string) error {
	logf, err := os.OpenFile(filepath.Join(s.Dir, "server.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(bin, "postgres"), "-D", filepath.Join(s.Dir, "data"),
		"-p", strconv.Itoa(s.Port), "-k", s.Dir, "-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=300", "-c", "shared_buffers=64MB", "-c", "log_min_messages=warning")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := asServer(cmd, filepath.Join(s.Dir, "server.log")); err != nil {
		return err
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT // dies with the test process
	if err := cmd.Start(); err != nil {
		return err
	}
	s.cmd, s.done = cmd, make(chan struct{})
	go func() { cmd.Wait(); close(s.done) }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			log, _ := os.ReadFile(filepath.Join(s.Dir, "server.log"))
			return fmt.Errorf("postgres exited at start:\n%s", log)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		c, err := pgx.Connect(ctx, s.URL("postgres"))
		cancel()
		if err == nil {
			c.Close(context.Background())
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.stopProcess()
	return errors.New("postgres did not take connections within 60 s")
}

func (s *Server) stopProcess() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGINT) // fast shutdown
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

func (s *Server) stop() {
	s.stopProcess()
	os.RemoveAll(s.Dir)
}

// URL is the connection URL of database name, with the password in it
// (tests only: the program never stores one).
func (s *Server) URL(name string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(Role, s.Password),
		Host: "127.0.0.1:" + strconv.Itoa(s.Port), Path: "/" + name, RawQuery: "sslmode=disable"}
	return u.String()
}

// BareURL is the URL of database name without the password, as a clerk
// types it.
func (s *Server) BareURL(name string) string {
	u := url.URL{Scheme: "postgres", User: url.User(Role),
		Host: "127.0.0.1:" + strconv.Itoa(s.Port), Path: "/" + name, RawQuery: "sslmode=disable"}
	return u.String()
}

// Exec runs statements on the server's maintenance database.
func (s *Server) Exec(tb testing.TB, sqls ...string) {
	tb.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer c.Close(ctx)
	for _, q := range sqls {
		if _, err := c.Exec(ctx, q); err != nil {
			tb.Fatalf("pgtest: %s: %v", q, err)
		}
	}
}

// NewDB makes a new empty database for the test and returns its URL; it is
// dropped when the test ends.
func (s *Server) NewDB(tb testing.TB) string { return s.FromTemplate(tb, "", nil) }

// FromTemplate makes a database for the test as a copy of the template
// name, which build fills (once per process) through its URL; "" is an
// empty database. The copy is dropped when the test ends.
func (s *Server) FromTemplate(tb testing.TB, name string, build func(url string) error) string {
	tb.Helper()
	tmpl := "template0"
	if name != "" {
		tmpl = "tmpl_" + name
		mu.Lock()
		have := templates[name]
		mu.Unlock()
		if !have {
			s.Exec(tb, "DROP DATABASE IF EXISTS "+tmpl, "CREATE DATABASE "+tmpl+" TEMPLATE template0")
			if err := build(s.URL(tmpl)); err != nil {
				tb.Fatalf("pgtest: template %s: %v", name, err)
			}
			mu.Lock()
			templates[name] = true
			mu.Unlock()
		}
	}
	mu.Lock()
	seq++
	db := fmt.Sprintf("t%d_%s", seq, randomHex(3))
	mu.Unlock()
	s.Exec(tb, "CREATE DATABASE "+db+" TEMPLATE "+tmpl)
	tb.Cleanup(func() {
		ctx := context.Background()
		if c, err := pgx.Connect(ctx, s.URL("postgres")); err == nil {
			c.Exec(ctx, "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)")
			c.Close(ctx)
		}
	})
	return s.URL(db)
}

// Name is the database name in a URL of this package.
func Name(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Path, "/")
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// StartServer starts a throwaway server outside a test (the load test of
// tools/loadtest); Stop stops and removes it.
func StartServer() (*Server, error) { return start() }

// Stop stops the server and removes its folder.
func (s *Server) Stop() { s.stop() }

// Pause stops the server's process, as a server that goes away or a
// network that breaks: its data and port are kept for Resume.
func (s *Server) Pause() { s.stopProcess() }

// Resume starts the paused server again, on the same port with the same
// data.
func (s *Server) Resume() error {
	bin, err := BinDir()
	if err != nil {
		return err
	}
	return s.launch(bin)
}

// CreateDB makes the empty database name and returns its URL.
func (s *Server) CreateDB(name string) (string, error) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0"); err != nil {
		return "", err
	}
	return s.URL(name), nil
}
