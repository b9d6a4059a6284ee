package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"xuncha/app/vocab"
)

// The house rules of layering (STYLE.md): dependencies point ui → app →
// model; nothing in app or model imports Fyne; the algorithmic packages
// take plain values and import neither gorm nor the database; SQL that only
// SQLite speaks stays in model/sqlite.go; the front ends (window and
// command line) go through app.Service, never its database nor the
// capabilities it stands in front of; every change goes through
// Service.Write or is one of the few doc.go lists with its reason; the
// words of vocab are spelled there only. These tests read the sources
// (test files left out) so that a slip fails here rather than in review.

const modulePath = "xuncha"

// moduleRoot is the repository root, one level above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// sourceFiles parses the non-test Go files of directory dir.
func sourceFiles(t *testing.T, dir string) []*ast.File {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*ast.File
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, n), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		f.Name = ast.NewIdent(n) // remember the file's name for messages
		out = append(out, f)
	}
	return out
}

func importPath(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	return p
}

// TestAlgorithmicPackagesImportNoDatabaseNorGUI follows the imports of
// recusal, assign, draw, calendar, poolstats, stats, obligation and papers
// through the module: none may reach gorm, the SQLite driver, model or Fyne.
func TestAlgorithmicPackagesImportNoDatabaseNorGUI(t *testing.T) {
	root := moduleRoot(t)
	banned := []string{"gorm.io/", "fyne.io/", "github.com/glebarez/", "modernc.org/sqlite", modulePath + "/model", modulePath + "/ui"}
	for _, pkg := range []string{"app/recusal", "app/assign", "app/draw", "app/calendar", "app/poolstats", "app/stats", "app/obligation", "app/papers"} {
		seen := map[string]bool{}
		var walk func(rel string, via []string)
		walk = func(rel string, via []string) {
			if seen[rel] {
				return
			}
			seen[rel] = true
			for _, f := range sourceFiles(t, filepath.Join(root, rel)) {
				for _, s := range f.Imports {
					p := importPath(s)
					for _, b := range banned {
						if strings.HasPrefix(p, b) {
							t.Errorf("%s imports %s (via %s, file %s)", pkg, p, strings.Join(append(via, rel), " → "), f.Name.Name)
						}
					}
					if sub, ok := strings.CutPrefix(p, modulePath+"/"); ok {
						walk(sub, append(via, rel))
					}
				}
			}
		}
		walk(pkg, nil)
	}
}

// TestNoFyneInAppOrModel checks every package of app and model.
func TestNoFyneInAppOrModel(t *testing.T) {
	root := moduleRoot(t)
	for _, top := range []string{"app", "model"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == "testdata" {
				return err
			}
			for _, f := range sourceFiles(t, path) {
				for _, s := range f.Imports {
					if p := importPath(s); strings.HasPrefix(p, "fyne.io/") || strings.HasPrefix(p, modulePath+"/ui") {
						rel, _ := filepath.Rel(root, path)
						t.Errorf("%s/%s imports %s", rel, f.Name.Name, p)
					}
				}
			}
			return nil
		})
	}
}

// sqliteOnly matches SQL that only SQLite speaks.
var sqliteOnly = regexp.MustCompile(`(?i)\bPRAGMA\b|\bjson_each\b|\bVACUUM\b|\bsqlite_(master|schema|sequence|version)\b|\bATTACH\s+DATABASE\b`)

// serverOnly matches SQL that only PostgreSQL speaks.
var serverOnly = regexp.MustCompile(`(?i)\bpg_[a-z_]+\(|\bpg_(catalog|constraint|namespace|stat_activity|description)\b|::(regclass|text|bigint|int)\b|\bsetval\b|\bTRUNCATE\b|\bSET\s+CONSTRAINTS\b|\bCOLLATE\s+"C"|\bcurrent_schema\(|\bRESTART\s+IDENTITY\b`)

// TestSQLiteOnlySQLInModelSQLite looks through the string literals of app
// and model for SQLite's own SQL and PostgreSQL's own: each belongs in its
// one file, model/sqlite.go or model/postgres.go, behind a function named
// for what it does; everything else speaks the SQL both understand.
func TestSQLiteOnlySQLInModelSQLite(t *testing.T) {
	root := moduleRoot(t)
	for _, top := range []string{"app", "model"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				if rel != filepath.Join("model", "sqlite.go") && sqliteOnly.MatchString(lit.Value) {
					t.Errorf("%s:%d: SQLite-only SQL %s outside model/sqlite.go", rel, fset.Position(lit.Pos()).Line, lit.Value)
				}
				if rel != filepath.Join("model", "postgres.go") && serverOnly.MatchString(lit.Value) {
					t.Errorf("%s:%d: PostgreSQL-only SQL %s outside model/postgres.go", rel, fset.Position(lit.Pos()).Line, lit.Value)
				}
				return true
			})
			return nil
		})
	}
}

// frontEnds are the packages that face the clerk: the root package, the
// window and its widgets, and the command line.
var frontEnds = []string{".", "ui", "ui/widgets", "app/cli"}

// serviceOnly are the functions of the capabilities that the front ends
// leave to the service: solving, re-solving, checking and hand-editing a
// roster, the recusal checker, writing demo data, restoring, opening or
// reading the database itself. A front end that called one would go
// around the rights, re-checks and audit the service stands for.
var serviceOnly = map[string][]string{
	modulePath + "/app/assign":    {"Solve", "Resolve", "Check", "CheckRoster", "Move", "Swap", "SetLocked", "Remove", "WhyNot", "Suggest", "Draw", "FromSnapshot", "NewRosterEdit"},
	modulePath + "/app/recusal":   {"New"},
	modulePath + "/app/poolstats": {"Compute"},
	modulePath + "/app/stats":     {"Compute"},
	modulePath + "/app/backup":    {"Restore", "RestoreDamaged", "Backup", "Save", "Load"},
	modulePath + "/app/demo":      {"Write"},
	modulePath + "/app/auth":      {"Login", "AddUser", "SetRole", "RemoveUser", "ResetPassword", "Unlock", "ChangePassword", "CreateFirstAdmin"},
	modulePath + "/model": {"Open", "OpenExisting", "LoadTables", "LoadPlanTables", "Migrate", "Transact", "SaveStamped", "Overwrite",
		"CopyAll", "RestoreServer", "BackupTo"},
}

// parsed is a source file with its imports by the name they are used
// under.
type parsed struct {
	rel     string // the file, from the module root
	fset    *token.FileSet
	file    *ast.File
	imports map[string]string // name used in the file → import path
}

// parseDir parses the non-test Go files of directory rel (from root).
func parseDir(t *testing.T, root, rel string) []parsed {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	var out []parsed
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, filepath.Join(root, rel, n), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		p := parsed{rel: filepath.ToSlash(filepath.Join(rel, n)), fset: fset, file: f, imports: map[string]string{}}
		for _, s := range f.Imports {
			path := importPath(s)
			name := path[strings.LastIndex(path, "/")+1:]
			if s.Name != nil {
				name = s.Name.Name
			}
			p.imports[name] = path
		}
		out = append(out, p)
	}
	return out
}

func (p parsed) line(n ast.Node) int { return p.fset.Position(n.Pos()).Line }

// TestFrontEndsGoThroughTheService: the window and the command line reach
// the database only through app.Service: no .DB, and none of serviceOnly.
func TestFrontEndsGoThroughTheService(t *testing.T) {
	root := moduleRoot(t)
	for _, dir := range frontEnds {
		for _, p := range parseDir(t, root, dir) {
			ast.Inspect(p.file, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x, isIdent := sel.X.(*ast.Ident)
				pkg := ""
				if isIdent {
					pkg = p.imports[x.Name]
				}
				switch {
				case pkg == "" && sel.Sel.Name == "DB":
					t.Errorf("%s:%d: .DB outside app and model: the front ends go through app.Service", p.rel, p.line(sel))
				case pkg != "" && slices.Contains(serviceOnly[pkg], sel.Sel.Name):
					t.Errorf("%s:%d: %s.%s is the service's to call, not a front end's", p.rel, p.line(sel), x.Name, sel.Sel.Name)
				}
				return true
			})
		}
	}
}

// writeMethods are gorm's methods that change the database.
var writeMethods = []string{"Create", "CreateInBatches", "Save", "Delete", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Exec"}

// rootIdent is the identifier a chain of calls and selections starts from:
// tx in tx.Model(x).Where(y).Update(z).
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		case *ast.IndexExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// funcName names a declared function as pkg.Func or pkg.Type.Method.
func funcName(pkg string, fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return pkg + "." + fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return pkg + "." + id.Name + "." + fd.Name.Name
	}
	return pkg + "." + fd.Name.Name
}

// hasTxParam reports whether fd takes the transaction as a parameter
// named tx: a helper of a write, called inside its transaction.
func hasTxParam(fd *ast.FuncDecl) bool {
	for _, f := range fd.Type.Params.List {
		for _, n := range f.Names {
			if n.Name == "tx" {
				return true
			}
		}
	}
	return false
}

// ownTransactions reads the list of the functions that open their own
// transaction from the package documentation (doc.go): the lines
// "  - pkg.Func: why".
func ownTransactions(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(b), "# Writes outside Service.Write")
	if !ok {
		t.Fatal("doc.go has no section “Writes outside Service.Write”")
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^//   - ([a-z]+\.[A-Za-z]+):`).FindAllStringSubmatch(list, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// TestEveryWriteThroughTheDoor: in app and model every change is made on
// a transaction (tx); the service's own changes are made inside
// Service.Write (in the function it is given, or in a helper that takes
// tx); and the only other functions that open a transaction are the ones
// doc.go lists with their reasons — no more, no fewer.
func TestEveryWriteThroughTheDoor(t *testing.T) {
	root := moduleRoot(t)
	var dirs []string
	for _, top := range []string{"app", "model"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == "testdata" {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if rel != filepath.Join("app", "cli") {
				dirs = append(dirs, rel)
			}
			return nil
		})
	}
	var openers []string
	for _, dir := range dirs {
		for _, p := range parseDir(t, root, dir) {
			pkg := p.file.Name.Name
			for _, decl := range p.file.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				name := funcName(pkg, fd)
				var inWrite []ast.Node // function literals given to Service.Write
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					sel, ok := call.Fun.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					root := rootIdent(sel.X)
					if root != nil && p.imports[root.Name] == "xuncha/model" && sel.Sel.Name == "Transact" &&
						name != "app.Service.Write" {
						openers = append(openers, name) // model.Transact: a write transaction of its own
					}
					if root == nil || p.imports[root.Name] != "" {
						return true // a package's function, not a method of the database
					}
					switch m := sel.Sel.Name; {
					case m == "Write" && pkg == "app":
						for _, a := range call.Args {
							if fl, ok := a.(*ast.FuncLit); ok {
								inWrite = append(inWrite, fl)
							}
						}
					case m == "Transaction" || m == "Begin":
						// model.Transact (its body transact) is the write transaction every opener
						// uses (Service.Write too); migrateServer is Migrate's.
						if !slices.Contains([]string{"app.Service.Write", "model.Transact", "model.transact", "model.migrateServer"}, name) {
							openers = append(openers, name)
						}
					case slices.Contains(writeMethods, m):
						if inner, ok := sel.X.(*ast.CallExpr); ok {
							if is, ok := inner.Fun.(*ast.SelectorExpr); ok && is.Sel.Name == "Callback" {
								return true // db.Callback().Create(): gorm's callbacks, registered, not a write
							}
						}
						if p.rel == "model/sqlite.go" {
							return true // SQLite's own statements: pragmas, VACUUM INTO a copy
						}
						if root.Name != "tx" {
							t.Errorf("%s:%d: %s changes the database outside a transaction (%s.%s)", p.rel, p.line(call), name, root.Name, m)
							return true
						}
						inside := hasTxParam(fd) || slices.ContainsFunc(inWrite, func(fl ast.Node) bool {
							return fl.Pos() <= call.Pos() && call.End() <= fl.End()
						})
						if pkg == "app" && !inside {
							t.Errorf("%s:%d: %s changes the database outside Service.Write", p.rel, p.line(call), name)
						}
					}
					return true
				})
			}
		}
	}
	slices.Sort(openers)
	openers = slices.Compact(openers)
	if doc := ownTransactions(t); !slices.Equal(openers, doc) {
		t.Errorf("functions that open their own transaction: %v\ndoc.go lists: %v", openers, doc)
	}
}

// TestOneVocabulary: the words of package vocab are spelled there only.
// Outside it no constant or variable is declared as one of its words
// (roleLeader = "组长"), and no list repeats most of one of its lists: a
// copy that could drift from the original.
func TestOneVocabulary(t *testing.T) {
	lists := map[string][]string{
		"Categories": vocab.Categories, "Statuses": vocab.Statuses, "Pools": vocab.Pools, "Skills": vocab.Skills,
		"RoundKinds": vocab.RoundKinds, "RoundLevels": vocab.RoundLevels, "Origins": vocab.Origins, "CountyLevels": vocab.CountyLevels,
		"Modes": vocab.Modes, "Roles": vocab.Roles, "Evaluations": vocab.Evaluations,
		"account roles": {vocab.UserAdmin, vocab.UserClerk, vocab.UserLeader}, "OverrideStates": vocab.OverrideStates,
	}
	named := map[string]bool{} // words a constant might copy: those of the short lists
	for _, l := range []string{"Categories", "Statuses", "Pools", "Modes", "Roles", "account roles", "RoundKinds", "RoundLevels", "Origins", "OverrideStates"} {
		for _, w := range lists[l] {
			named[w] = true
		}
	}
	delete(named, vocab.CatOther) // 其他 is a word of kinship too (kin.Other)
	root := moduleRoot(t)
	var dirs []string
	for _, top := range []string{"app", "model", "ui"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == "testdata" {
				return err
			}
			if rel, _ := filepath.Rel(root, path); rel != filepath.Join("app", "vocab") {
				dirs = append(dirs, rel)
			}
			return nil
		})
	}
	word := func(e ast.Expr) string {
		if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			return s
		}
		return ""
	}
	for _, dir := range dirs {
		for _, p := range parseDir(t, root, dir) {
			ast.Inspect(p.file, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.ValueSpec:
					for i, v := range x.Values {
						if w := word(v); named[w] && i < len(x.Names) {
							t.Errorf("%s:%d: %s = %q copies vocab's word", p.rel, p.line(x), x.Names[i].Name, w)
						}
					}
				case *ast.CompositeLit:
					var words []string
					for _, e := range x.Elts {
						if w := word(e); w != "" {
							words = append(words, w)
						}
					}
					for name, l := range lists {
						n := 0
						for _, w := range l {
							if slices.Contains(words, w) {
								n++
							}
						}
						if n >= 2 && 2*n > len(l) {
							t.Errorf("%s:%d: a list of %d of vocab.%s's words: use vocab.%s", p.rel, p.line(x), n, name, name)
						}
					}
				}
				return true
			})
		}
	}
}
